"""Tests for transpair.untranslated: markers, wrong language, classify, original, split_bilingual."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair import langid, untranslated
from transpair.errors import InputError
from transpair.model import STATUSES, Alignment, Bead, Block, Document
from transpair.read import read_document

BLOG = Path(__file__).resolve().parent.parent / "corpora" / "blog"
PYDOCS = Path(__file__).resolve().parent.parent / "corpora" / "pydocs"

TBD = "[TBD - to be translated later, sorry]"
EN = [
    "Installing the package",
    "Run the installer and follow the steps on the screen.",
    "The configuration file lives in your home folder.",
    "You can change the port with the --port option.",
]
KO = [
    "패키지 설치하기",
    "설치 프로그램을 실행하고 화면의 안내를 따르세요.",
    "설정 파일은 홈 폴더에 있습니다.",
    "--port 옵션으로 포트를 바꿀 수 있습니다.",
]


def doc(paragraphs: list[str], kinds: dict[int, str] | None = None, path: str = "mem.txt") -> Document:
    """A document whose blocks are the paragraphs, separated by blank lines, spans and lines set."""
    blocks, pos, line = [], 0, 1
    for i, text in enumerate(paragraphs):
        blocks.append(Block(text, (kinds or {}).get(i, "paragraph"), line, pos, pos + len(text)))
        pos += len(text) + 2
        line += text.count("\n") + 2
    return Document(path, "\n\n".join(paragraphs), tuple(blocks))


def one_to_one(source: list[str], target: list[str], src_lang: str = "en", tgt_lang: str = "ko") -> Alignment:
    """Source and target paired block by block, as the aligner would for a clean pair."""
    beads = tuple(Bead((i,), (i,), 0.9, "translated") for i in range(len(source)))
    return Alignment(doc(source), doc(target), beads, src_lang, tgt_lang)


def statuses(alignment: Alignment) -> list[tuple[str, str]]:
    """(status, reason) of every bead."""
    return [(b.status, b.reason) for b in untranslated.classify(alignment).beads]


@pytest.mark.parametrize(
    "text",
    [
        TBD,
        "TBD",
        "TODO: translate",
        "TODO: translate this section",
        "(to be translated)",
        "번역 예정",
        "(번역 중)",
        "번역 예정입니다.",
        "(The followings are written in Korean. Thanks!)",
    ],
)
def test_marker_blocks_are_found(text):
    assert untranslated.marker_in(text, untranslated.compile_markers()) == text


@pytest.mark.parametrize(
    "text",
    [
        "The followings are my basic configuration to install Midostack.",
        "The release date is still TBD, and the team will announce it after the beta has been tested.",
        "번역 중에 생긴 오류는 이슈 트래커에 알려 주시면 고쳐서 다음 판에 반영하겠습니다.",
        EN[1],
    ],
)
def test_prose_mentioning_a_marker_word_is_not_a_marker(text):
    assert untranslated.marker_in(text, untranslated.compile_markers()) is None


def test_placeholder_target_is_untranslated_with_the_marker_as_reason():
    found = statuses(one_to_one(EN[:2], [KO[0], TBD]))
    assert found == [("translated", ""), ("untranslated", f'placeholder "{TBD}"')]


def test_marker_aligned_together_with_a_translation_keeps_it_for_review():
    alignment = Alignment(
        doc(EN[:2]), doc([KO[0], KO[1], TBD]), (Bead((0,), (0,), 0.9), Bead((1,), (1, 2), 0.8))
    )
    assert statuses(alignment) == [("translated", ""), ("fuzzy", f'placeholder "{TBD}" beside a translation')]


def test_marker_governs_its_section_up_to_the_next_heading_in_the_target_language():
    source = ["Intro", *EN[1:3], "Usage", EN[3], EN[1]]
    target = ["소개", TBD, EN[2], "사용법", KO[3], EN[1]]
    alignment = Alignment(
        doc(source, {0: "heading", 3: "heading"}),
        doc(target, {0: "heading", 3: "heading"}),
        tuple(Bead((i,), (i,), 0.9, "translated") for i in range(6)),
    )
    found = [(b.status, b.reason) for b in untranslated.classify(alignment).beads]
    placeholder = ("untranslated", f'placeholder "{TBD}"')
    left = ("untranslated", "left in English")
    assert found == [
        ("translated", ""),
        placeholder,
        placeholder,
        ("translated", ""),
        ("translated", ""),
        left,
    ]


def test_a_heading_left_in_the_source_language_does_not_end_the_section():
    target = doc(["소개", TBD, "Details of the setup", EN[2]], {0: "heading", 2: "heading"})
    marks = untranslated.governed(target.blocks, untranslated.compile_markers(), "ko")
    assert sorted(marks) == [1, 2, 3]


def test_prose_already_translated_inside_a_marker_section_stays_translated():
    found = statuses(one_to_one(EN, [KO[0], TBD, EN[2], KO[3]]))
    assert found == [("translated", ""), *[("untranslated", f'placeholder "{TBD}"')] * 2, ("translated", "")]


def test_marker_with_no_following_text_governs_only_itself():
    target = doc([KO[0], KO[1], TBD])
    assert untranslated.governed(target.blocks, untranslated.compile_markers(), "ko") == {2: TBD}


def test_copy_of_the_source_is_left_in_english():
    assert statuses(one_to_one(EN[:2], [KO[0], EN[1]]))[1] == ("untranslated", "left in English")


def test_copied_title_is_left_in_english():
    assert statuses(one_to_one(["Annotations Best Practices"], ["Annotations Best Practices"])) == [
        ("untranslated", "left in English")
    ]


def test_language_neutral_copy_is_untranslated_as_a_copy():
    found = statuses(one_to_one(["``sys.path``, ``os.environ``"], ["``sys.path``, ``os.environ``"]))
    assert found == [("untranslated", "copy of the source")]


def test_english_sentence_left_in_a_korean_paragraph_makes_the_bead_fuzzy():
    target = "설정 파일은 홈 폴더에 있습니다. You can change the port with the option."
    status, reason = statuses(one_to_one([EN[2] + " " + EN[3]], [target]))[0]
    assert status == "fuzzy"
    assert reason.startswith("still in English:") and "You can change the port" in reason
    assert "설정" not in reason
    assert untranslated.partly_translated(untranslated.classify(one_to_one([EN[2]], [target])).beads[0])
    assert not untranslated.partly_translated(Bead((0,), (0,), 0.2, "fuzzy", "low alignment confidence"))
    assert not untranslated.to_translate(Bead((0,), (0,), 0.2, "fuzzy", "low alignment confidence"))


@pytest.mark.parametrize(
    "target",
    [
        "``sys.path`` 를 바꾸려면 :func:`os.getenv` 를 사용하세요. "
        "자세한 내용은 https://docs.python.org/3/ 을 보세요.",
        "Win32, OSX, Linux, BSD, Jython, IronPython의 경우:",
        "`Writing Programs with NCURSES <https://invisible-island.net/ncurses/>`_: "
        "C 프로그래머를 위한 긴 자습서.",
        "Guido van Rossum 은 Python Software Foundation 에서 일했습니다. 그는 CPython 을 만들었습니다.",
    ],
)
def test_korean_quoting_names_code_and_urls_is_not_a_leftover(target):
    assert statuses(one_to_one([EN[1]], [target])) == [("translated", "")]


def test_source_only_is_missing_in_target_and_aligner_fuzzy_is_kept():
    alignment = Alignment(
        doc(EN[:3]),
        doc(KO[:2]),
        (
            Bead((0,), (0,), 0.3, "fuzzy"),
            Bead((1,), (1,), 0.9, "translated"),
            Bead((2,), (), 0.0, "source-only"),
        ),
    )
    assert statuses(alignment) == [("fuzzy", ""), ("translated", ""), ("source-only", "missing in target")]


def test_marker_alone_on_the_target_side_is_never_a_translation():
    alignment = Alignment(
        doc(EN[:1]),
        doc([KO[0], TBD]),
        (Bead((0,), (0,), 0.9, "translated"), Bead((), (1,), 0.0, "target-only")),
    )
    result = untranslated.classify(alignment).beads[1]
    assert (result.status, result.reason) == ("target-only", f'placeholder "{TBD}"')
    assert untranslated.to_translate(result)


def test_korean_left_in_an_english_target_when_korean_is_the_source():
    found = statuses(one_to_one(KO[1:3], [EN[1], KO[2]], "ko", "en"))
    assert found == [("translated", ""), ("untranslated", "left in Korean")]


def test_user_marker_patterns(tmp_path):
    toml = tmp_path / ".transpair.toml"
    toml.write_text("[markers]\npatterns = ['^\\[WIP\\]', '미번역 문단']\n", encoding="utf-8")
    plain = tmp_path / "markers.txt"
    plain.write_text("# one per line\n\n^\\[PENDING\\]\n", encoding="utf-8")
    assert untranslated.load_markers(toml) == ("^\\[WIP\\]", "미번역 문단")
    assert untranslated.load_markers(plain) == ("^\\[PENDING\\]",)
    top = tmp_path / "top.toml"
    top.write_text("patterns = ['검토 전']\n", encoding="utf-8")
    assert untranslated.load_markers(top) == ("검토 전",)
    assert untranslated.find_config(tmp_path / "sub") == toml
    assert untranslated.user_markers(tmp_path / "a.md", plain) == (
        "^\\[WIP\\]",
        "미번역 문단",
        "^\\[PENDING\\]",
    )
    alignment = one_to_one(EN[:2], [KO[0], "[PENDING]"])
    assert untranslated.classify(alignment).beads[1].status == "translated"
    found = untranslated.classify(alignment, markers=untranslated.load_markers(plain)).beads[1]
    assert (found.status, found.reason) == ("untranslated", 'placeholder "[PENDING]"')


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bad.toml", "[markers\n", "not a valid TOML"),
        ("list.toml", "[markers]\npatterns = 'x'\n", "list of strings"),
        ("table.toml", "markers = 'x'\n", "list of strings"),
        ("bad.txt", "([unclosed\n", "not a valid regular expression"),
    ],
)
def test_bad_marker_files_are_input_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        untranslated.compile_markers(untranslated.load_markers(path))


def test_missing_marker_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        untranslated.load_markers(tmp_path / "nope.txt")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*EN, *KO, TBD, "12345", "``x``"]), min_size=1, max_size=6), st.data())
def test_classify_keeps_every_block_once_and_sets_a_known_status(target, data):
    source = data.draw(st.lists(st.sampled_from(EN), min_size=len(target), max_size=len(target)))
    result = untranslated.classify(one_to_one(source, target))
    assert [(b.source, b.target) for b in result.beads] == [((i,), (i,)) for i in range(len(target))]
    assert all(b.status in STATUSES and "\n" not in b.reason for b in result.beads)


def test_english_post_with_a_korean_section_under_tbd_has_korean_as_original():
    post = read_document(BLOG / "2017-03-14.en.txt")
    korean = doc(KO + [b.text for b in post.blocks if langid.detect(b.norm) == "ko"])
    assert untranslated.original(post, korean, "en", "ko") == "target"
    assert untranslated.original(korean, post, "ko", "en") == "source"


def test_complete_english_with_untranslated_korean_copies_is_the_original():
    en, ko = read_document(PYDOCS / "howto-sorting.en.txt"), read_document(PYDOCS / "howto-sorting.ko.txt")
    assert untranslated.original(en, ko, "en", "ko") == "source"
    assert untranslated.original(ko, en, "ko", "en") == "target"


def test_split_bilingual_sections_keep_spans_and_languages():
    post = read_document(BLOG / "2014-03-27.en.txt")
    en, ko = untranslated.split_bilingual(post)
    assert (en.lang, ko.lang) == ("en", "ko")
    assert len(en.blocks) + len(ko.blocks) == len(post.blocks)
    assert any(b.text.startswith("Network namespaces are supported") for b in en.blocks)
    assert any(b.text.startswith("lwn.net에서") for b in ko.blocks)
    assert all(post.text[b.start : b.end] == b.text for b in (*en.blocks, *ko.blocks))
    assert en.text == ko.text == post.text


def test_split_bilingual_alternating_paragraphs_and_a_third_language():
    mixed = doc([EN[1], KO[1], EN[2], KO[2], "https://example.com/", "これは日本語の文章です。"])
    en, ko = untranslated.split_bilingual(mixed)
    assert [b.text for b in en.blocks] == [EN[1], EN[2]]
    assert [b.text for b in ko.blocks] == [KO[1], KO[2], "https://example.com/"]


@pytest.mark.parametrize(
    "paragraphs, sizes", [(EN[1:], (3, 0)), (KO, (0, 4)), (["12345", "``x = 1``"], (0, 0)), ([], (0, 0))]
)
def test_split_bilingual_of_a_file_without_both_languages_leaves_a_side_empty(paragraphs, sizes):
    en, ko = untranslated.split_bilingual(doc(paragraphs))
    assert (len(en.blocks), len(ko.blocks)) == sizes


def test_source_auto_makes_the_complete_korean_version_the_source_and_tbd_copies_untranslated():
    from transpair import pipeline

    english = doc([EN[0], EN[1], TBD, KO[2], KO[3]], path="post.en.txt")
    korean = doc(KO, path="post.ko.txt")
    result = pipeline.align_documents(english, korean, pipeline.AlignOptions(source="auto"))
    assert (result.source.path, result.source_lang, result.target_lang) == ("post.ko.txt", "ko", "en")
    by_target = {j: b for b in result.beads for j in b.target}
    assert by_target[2].status in ("untranslated", "target-only")
    assert {by_target[j].reason for j in (2, 3, 4)} == {f'placeholder "{TBD}"'}
    assert by_target[3].status == by_target[4].status == "untranslated"
    assert {by_target[j].status for j in (0, 1)} == {"translated"}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*EN[1:], *KO[1:], "https://example.com/", "12345"]), min_size=1, max_size=8))
def test_split_bilingual_puts_every_block_on_exactly_one_side_in_order(paragraphs):
    whole = doc(paragraphs)
    en, ko = untranslated.split_bilingual(whole)
    assert sorted((*en.blocks, *ko.blocks), key=lambda b: b.start) == (
        list(whole.blocks) if set(paragraphs) & {*EN, *KO} else []
    )
    assert all(langid.detect(b.norm) in ("en", None) for b in en.blocks)
    assert all(langid.detect(b.norm) in ("ko", None) for b in ko.blocks)


def test_the_version_with_translators_notes_is_the_translation():
    korean = doc([KO[1], KO[2] + " (역주: 리눅스에서는 ~/.config 입니다.)", KO[3]])
    english = doc(EN[1:])
    assert untranslated.original(english, korean, "en", "ko") == "source"
    assert untranslated.original(korean, english, "ko", "en") == "target"
    assert untranslated.translator_notes(doc(["Note (Translator's note: kept as is)."])) == 1


def test_a_section_left_under_a_marker_does_not_make_an_article_bilingual():
    patterns = untranslated.compile_markers()
    post = read_document(BLOG / "2017-03-14.en.txt")
    assert not untranslated.is_bilingual(untranslated.language_weights(post, patterns))
    alternating = doc([EN[1], KO[1], EN[2], KO[2]])
    assert untranslated.is_bilingual(untranslated.language_weights(alternating, patterns))
    assert not untranslated.is_bilingual(untranslated.language_weights(doc(["12345"]), patterns))


def test_source_text_in_a_gap_with_a_placeholder_is_under_that_placeholder():
    src = doc(["Python is easy to learn.", "It has efficient data structures.", "The end of the article."])
    tgt = doc(["파이썬은 배우기 쉽습니다.", "[TBD]", "글의 끝입니다."])
    beads = (Bead((0,), (0,), 0.9), Bead((), (1,), 0.5), Bead((1,), (), 0.5), Bead((2,), (2,), 0.9))
    result = untranslated.classify(Alignment(src, tgt, beads)).beads
    assert [b.reason for b in result[1:3]] == ['placeholder "[TBD]"'] * 2
    assert result[0].status == result[3].status == "translated"
    lone = untranslated.classify(
        Alignment(src, tgt, (Bead((0,), (0,), 0.9), Bead((1,), (), 0.5), Bead((2,), (1, 2), 0.9)))
    ).beads
    assert lone[1].reason == "missing in target"
