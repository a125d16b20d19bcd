"""The align job's glue: language checks, bilingual files, beads JSON, folders."""

import codecs
import functools
import json
import threading
import time
from pathlib import Path

import pytest
from conftest import CORPORA
from git_repos import EDITED, TRANSLATED, commit, git, one_repo, paragraphs

from transpair import cache, folders, pipeline
from transpair.align import embed
from transpair.align.beads import beads_json
from transpair.cli.align import doubt
from transpair.errors import InputError
from transpair.model import Cause
from transpair.read.pairs import find_articles
from transpair.read.reader import read_document
from transpair.settle import checks

EN = [
    "Python is an easy to learn, powerful programming language.",
    "It has efficient high-level data structures and a simple approach to object-oriented programming.",
    "The interpreter is easily extended with new functions implemented in C or C++.",
    "This tutorial introduces the reader informally to the basic concepts of the language.",
]
KO = [
    "파이썬은 배우기 쉽고, 강력한 프로그래밍 언어입니다.",
    "효율적인 고수준 데이터 구조와 간단하지만 효과적인 객체 지향 프로그래밍 접근법을 갖고 있습니다.",
    "파이썬 인터프리터는 C 나 C++ 로 구현된 새 함수들로 쉽게 확장할 수 있습니다.",
    "이 자습서는 독자에게 파이썬 언어의 기본 개념과 기능을 비형식적으로 소개합니다.",
]


def write(path: Path, paragraphs: list[str]) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def covered(beads, side: str) -> list[int]:
    return sorted(i for b in beads for i in getattr(b, side))


def test_partly_untranslated_target_is_accepted(tmp_path):
    src = write(tmp_path / "a.en.txt", EN)
    tgt = write(tmp_path / "a.ko.txt", [KO[0], *EN[1:]])
    alignment = pipeline.align_files(src, tgt, pipeline.AlignOptions())
    assert [b.status for b in alignment.beads].count("untranslated") == 3


def test_unrelated_same_language_target_is_refused(tmp_path):
    src = write(tmp_path / "a.en.txt", EN)
    tgt = write(tmp_path / "b.en.txt", ["Completely different text about gardening.", "Tomatoes need sun."])
    with pytest.raises(InputError, match="expected ko"):
        pipeline.align_files(src, tgt, pipeline.AlignOptions())


def test_swapped_languages_are_refused_with_a_hint(tmp_path):
    src = write(tmp_path / "a.ko.txt", KO)
    tgt = write(tmp_path / "a.en.txt", EN)
    with pytest.raises(InputError, match="--source-lang"):
        pipeline.align_files(src, tgt, pipeline.AlignOptions())
    alignment = pipeline.align_files(src, tgt, pipeline.AlignOptions(source_lang="ko", target_lang="en"))
    assert [(b.source, b.target) for b in alignment.beads] == [((i,), (i,)) for i in range(4)]


def test_a_refused_pair_leaves_no_model_loading_behind(tmp_path, monkeypatch):
    loads = []

    def slow_load(self):
        time.sleep(1.0)  # longer than refusing the pair takes: without the wait, the load would still run
        loads.append(threading.current_thread().name)

    monkeypatch.setattr(embed.USESimilarity, "_load", slow_load)
    monkeypatch.setattr(embed, "_process_backend", functools.cache(embed.make_backend))  # a fresh backend
    embed._shared.cache_clear()
    src, tgt = write(tmp_path / "a.ko.txt", KO), write(tmp_path / "a.en.txt", EN)
    with pytest.raises(InputError, match="--source-lang"):
        pipeline.align_files(src, tgt, pipeline.AlignOptions())
    embed._shared.cache_clear()
    assert len(loads) == 1 and loads[0] != threading.current_thread().name  # loaded in the background, done


def test_alternating_bilingual_file_is_split_and_aligned(tmp_path):
    path = write(tmp_path / "post.txt", [p for pair in zip(EN, KO) for p in pair])
    alignment = pipeline.align_files(path, None, pipeline.AlignOptions())
    assert [(b.source, b.target, b.status) for b in alignment.beads] == [
        ((i,), (i,), "translated") for i in range(4)
    ]
    assert [b.text for b in alignment.target.blocks] == KO


def test_beads_json_covers_every_block_once():
    base = CORPORA / "pydocs-hard" / "tutorial-whatnow"
    alignment = pipeline.align_files(f"{base}.en.txt", f"{base}.ko.txt", pipeline.AlignOptions())
    data = beads_json(alignment)
    assert covered(alignment.beads, "source") == list(range(len(read_document(f"{base}.en.txt").blocks)))
    assert covered(alignment.beads, "target") == list(range(len(read_document(f"{base}.ko.txt").blocks)))
    assert all(0.0 <= b["score"] <= 1.0 for b in data["beads"])


def test_align_folder_reports_errors_per_article_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "good.en.txt", EN)
    write(folder / "good.ko.txt", KO)
    (folder / "bad.en.txt").write_bytes(b"\x00\x01binary")
    runs = folders.align_folder(
        find_articles(folder), tmp_path / "out", pipeline.AlignOptions(), pipeline.WriteOptions()
    )
    results = {article.name: result for article, result, _ in runs}
    assert isinstance(results["bad"], InputError)
    assert results["good"].path == tmp_path / "out" / "good.po" and results["good"].path.exists()


def test_lone_post_with_a_section_left_under_a_marker(tmp_path):
    path = write(tmp_path / "post.en.txt", [*EN[:2], "[TBD - to be translated later, sorry]", *KO[2:]])
    alignment = pipeline.align_files(path, None, pipeline.AlignOptions())
    assert not alignment.target.blocks and alignment.source_lang == "en"
    reasons = [b.reason for b in alignment.beads]
    assert reasons[:2] == ["missing in target"] * 2
    assert all(r.startswith('placeholder "[TBD') for r in reasons[2:])


def test_lone_file_in_a_third_language_is_refused(tmp_path):
    path = write(
        tmp_path / "post.txt",
        [
            "Das ist ein deutscher Text über die Software.",
            "Die Software ist frei und kostenlos verfügbar für alle.",
        ],
    )
    with pytest.raises(InputError, match="written in"):
        pipeline.align_files(path, None, pipeline.AlignOptions())


def test_doubt_warns_about_a_target_that_is_not_a_translation(tmp_path):
    src = write(tmp_path / "a.en.txt", EN)
    good = pipeline.align_files(src, write(tmp_path / "a.ko.txt", KO), pipeline.AlignOptions())
    assert doubt(good) is None
    other = [
        "소켓은 네트워크 통신의 끝점이며, 운영 체제가 제공하는 인터페이스입니다.",
        "정렬은 리스트의 항목을 크기 순서로 다시 배치하는 작업입니다.",
        "로깅 모듈은 프로그램이 실행되는 동안 일어나는 일을 기록합니다.",
        "정규식은 문자열에서 패턴을 찾는 작은 언어입니다.",
    ]
    wrong = pipeline.align_files(src, write(tmp_path / "b.ko.txt", other), pipeline.AlignOptions())
    assert "does not look like a translation" in doubt(wrong)


def test_a_target_holding_only_a_placeholder_is_a_translation_not_started(tmp_path):
    src = write(tmp_path / "a.en.txt", EN)
    tgt = write(tmp_path / "a.ko.txt", ["[TBD - to be translated later, sorry]"])
    alignment = pipeline.align_files(src, tgt, pipeline.AlignOptions())
    assert all(b.reason.startswith("placeholder") for b in alignment.beads)
    assert doubt(alignment) is None


OLDER_EN = [
    "Python is an easy to learn, powerful programming language.",
    "It has efficient high-level data structures and a simple approach to object-oriented programming.",
    "The interpreter is easily extended with new functions written in C.",
]


def test_target_still_in_the_source_language_is_not_translated_yet(tmp_path):
    src = write(tmp_path / "a.en.txt", EN)
    tgt = write(tmp_path / "a.ko.txt", OLDER_EN)
    alignment = pipeline.align_files(src, tgt, pipeline.AlignOptions())
    assert {(b.status, b.cause, b.reason) for b in alignment.beads if b.source} == {
        ("untranslated", Cause.NOT_TRANSLATED_YET, "target still in English")
    }
    assert len(alignment.warnings) == 1 and "still in English" in alignment.warnings[0]
    assert doubt(alignment) is None


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        pipeline.AlignOptions("sentence")
    with pytest.raises(TypeError):
        pipeline.WriteOptions(True)
    assert pipeline.AlignOptions(original="auto").original == "auto"


def korean_original(root: Path) -> tuple[Path, Path]:
    """A repository where the Korean is the original and the English its translation, its end still in
    Korean; the English edited after the Korean's last commit (so history knows an older English)."""
    english = [*paragraphs(".en.txt")[:10], *paragraphs(".ko.txt")[10:]]
    commit(root, {"en/a.txt": english, "ko/a.txt": paragraphs(".ko.txt")}, TRANSLATED)
    commit(root, {"en/a.txt": [f"{english[0]} It is free.", *english[1:]]}, EDITED)
    return root / "en" / "a.txt", root / "ko" / "a.txt"


@pytest.mark.parametrize("korean_is_the_original", [True, False])
def test_auto_source_with_history_aligns_the_pair_once(tmp_path, monkeypatch, korean_is_the_original):
    calls = []
    real = pipeline.aligned
    monkeypatch.setattr(
        pipeline, "aligned", lambda *args, **kw: calls.append(args[0].source.path) or real(*args, **kw)
    )
    if korean_is_the_original:
        source, target = korean_original(tmp_path / "site")
    else:
        source, target, _ = one_repo(tmp_path / "site")
    result = pipeline.align_files(source, target, pipeline.AlignOptions(original="auto", cache=False))
    assert len(calls) == 1
    if korean_is_the_original:
        assert result.source_lang == "ko" and result.source.path == str(target) and result.origin is None
    else:
        assert result.source_lang == "en" and result.origin is not None
        assert "outdated" in {b.status for b in result.beads}


def english_bytes(layout: bytes, first: str = "") -> bytes:
    """The dev-set English with a layout: an optional UTF-8 BOM then the line end (b"\\r\\n", b"\\n")."""
    bom, end = (layout[:3], layout[3:]) if layout.startswith(codecs.BOM_UTF8) else (b"", layout)
    texts = paragraphs(".en.txt")
    texts[0] = first or texts[0]
    return bom + (end * 2).join(t.encode() for t in texts) + end


@pytest.mark.parametrize(
    ("committed", "today"),
    [
        (b"\r\n", b"\r\n"),  # CRLF committed as it is
        (codecs.BOM_UTF8 + b"\r\n", codecs.BOM_UTF8 + b"\r\n"),  # a BOM and CRLF
        (b"\n", b"\r\n"),  # LF in git, CRLF in the work tree (git's autocrlf checkout)
    ],
)
def test_a_source_is_compared_with_its_old_text_read_alike(tmp_path, committed, today):
    root = tmp_path / "site"
    commit(root, {"ko/a.txt": paragraphs(".ko.txt")}, TRANSLATED)
    path = root / "en" / "a.txt"
    path.parent.mkdir()
    path.write_bytes(english_bytes(committed))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "English", date=TRANSLATED)
    target = read_document(root / "ko" / "a.txt")
    path.write_bytes(english_bytes(today))
    old, lookup = pipeline.old_source(
        read_document(path), target, pipeline.AlignOptions(), embed.shared_similarity()
    )
    assert old is None and lookup.origin is not None and not lookup.warning
    path.write_bytes(english_bytes(today, first="Python is a programming language."))
    old, lookup = pipeline.old_source(
        read_document(path), target, pipeline.AlignOptions(), embed.shared_similarity()
    )
    assert old is not None and old.blocks[0].text == paragraphs(".en.txt")[0]


def test_auto_source_refuses_a_paragraph_too_long_before_deciding_the_original(tmp_path, monkeypatch):
    # deciding the original reads every block's language: a 20 MB paragraph took 20 s before its refusal
    monkeypatch.setattr(checks, "MAX_BLOCK_CHARS", 100)
    monkeypatch.setattr(pipeline, "original", lambda *args: pytest.fail("the original decided first"))
    source = write(tmp_path / "a.en.txt", [EN[0], " ".join(EN)])
    target = write(tmp_path / "a.ko.txt", KO)
    with pytest.raises(InputError, match=r"a\.en\.txt:3: a paragraph of 321 characters"):
        pipeline.align_files(source, target, pipeline.AlignOptions(original="auto", cache=False))


def test_a_cached_alignment_whose_beads_do_not_fit_is_aligned_again(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSPAIR_CACHE_DIR", str(tmp_path / "cache"))
    source = read_document(write(tmp_path / "a.en.txt", EN[:3]))
    target = read_document(write(tmp_path / "a.ko.txt", KO[:3]))
    opts = pipeline.AlignOptions(similarity="fake_similarity:BagOfWords", cache=True)
    first = pipeline.align_pair(
        pipeline.pair_of(source, target, opts), opts, embed.shared_similarity(opts.similarity, opts.cache)
    )
    store = cache.open_store()
    (key,) = [
        k for (k,) in store._connect().execute("SELECT key FROM entries") if store.get(k).startswith(b"{")
    ]
    row = json.loads(store.get(key))
    row["beads"][0]["source"] = [99]  # a damaged or planted row
    store.put(key, json.dumps(row).encode())
    assert (
        pipeline.align_pair(
            pipeline.pair_of(source, target, opts), opts, embed.shared_similarity(opts.similarity, opts.cache)
        )
        == first
    )
