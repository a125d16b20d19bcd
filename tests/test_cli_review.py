"""`transpair review` through the CLI: a pair, a folder with its index, corrections, bad input."""

import json
import re
import shutil

import polib
from conftest import CORPORA

from transpair.align import corrections
from transpair.cli.app import app
from transpair.model import Bead
from transpair.read import reader
from transpair.review.page import HISTORY_QUOTE

FAKE = ["--similarity", "fake_similarity:BagOfWords"]
PAIR = CORPORA / "pydocs" / "tutorial-appetite"


def embedded(path) -> dict:
    """The alignment a review page carries."""
    page = path.read_text(encoding="utf-8")
    return json.loads(
        re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S).group(1)
    )


def test_review_shows_the_alignment_align_writes(tmp_path, runner):
    source, target = PAIR.with_suffix(".en.txt"), PAIR.with_suffix(".ko.txt")
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(source), str(target), "-o", str(page), *FAKE])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"{page}: en -> ko, ")
    beads = tmp_path / "beads.json"
    aligned = runner.invoke(
        app, ["align", str(source), str(target), "-o", str(tmp_path / "a.po"), "--beads", str(beads), *FAKE]
    )
    assert aligned.exit_code == 0
    expected = [(b["source"], b["target"], b["status"]) for b in json.loads(beads.read_text())["beads"]]
    assert [(b["source"], b["target"], b["status"]) for b in embedded(page)["beads"]] == expected


def test_review_with_corrections_shows_them_reviewed(tmp_path, runner):
    source, target = PAIR.with_suffix(".en.txt"), PAIR.with_suffix(".ko.txt")
    src, tgt = reader.read_document(source), reader.read_document(target)
    fixed = [
        corrections.fixed_of(Bead((0,), (), 1.0), src, tgt),
        corrections.fixed_of(Bead((), (0,), 1.0), src, tgt),
    ]
    path = tmp_path / "corrections.json"
    path.write_text(json.dumps(corrections.corrections_json(fixed, src, tgt)))
    page = tmp_path / "review.html"
    result = runner.invoke(
        app, ["review", str(source), str(target), "-o", str(page), "--corrections", str(path), *FAKE]
    )
    assert result.exit_code == 0, result.output
    beads = embedded(page)["beads"]
    assert beads[0]["source"] == [0] and beads[0]["target"] == [] and beads[0]["reviewed"]
    assert beads[1]["source"] == [] and beads[1]["target"] == [0] and beads[1]["reviewed"]
    assert sum(b["reviewed"] for b in beads) == 2


def test_review_folder_writes_a_page_per_article_and_an_index(tmp_path, runner):
    folder = tmp_path / "in"
    shutil.copytree(CORPORA / "pydocs", folder)
    (folder / "broken.en.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out"
    result = runner.invoke(app, ["review", str(folder), "-o", str(out), "-q", *FAKE])
    assert result.exit_code == 2
    assert result.stderr.count("transpair: error:") == 1 and "broken.en.txt" in result.stderr
    names = ["howto-annotations", "howto-sorting", "tutorial-appetite", "tutorial-venv"]
    assert sorted(p.stem for p in out.glob("*.html")) == sorted([*names, "index"])
    index = (out / "index.html").read_text()
    doubtful = [int(n) for n in re.findall(r'</a></td><td class="num">(\d+)</td>', index)]
    assert len(doubtful) == 4 and doubtful == sorted(doubtful, reverse=True)
    counts = {
        n: sum(
            b["status"] in ("fuzzy", "source-only", "target-only")
            for b in embedded(out / f"{n}.html")["beads"]
        )
        for n in names
    }
    assert sorted(counts.values(), reverse=True) == doubtful
    assert embedded(out / "tutorial-venv.html")["corrections_name"] == "tutorial-venv.corrections.json"


def test_review_bad_input_is_one_line(tmp_path, runner):
    source, target = PAIR.with_suffix(".en.txt"), PAIR.with_suffix(".ko.txt")
    cases = [
        ["review", str(source), str(target), "-o", str(tmp_path / "missing" / "r.html")],
        ["review", str(source), str(target), "-o", str(source)],
        ["review", str(tmp_path / "nope.en.txt"), str(target), "-o", str(tmp_path / "r.html")],
        ["review", str(CORPORA / "pydocs"), "-o", str(tmp_path / "o"), "--corrections", str(source)],
    ]
    for args in cases:
        result = runner.invoke(app, [*args, *FAKE])
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("transpair: error:"), result.stderr


def test_review_reuses_the_alignment_align_wrote(tmp_path, runner):
    source, target = PAIR.with_suffix(".en.txt"), PAIR.with_suffix(".ko.txt")
    beads = tmp_path / "beads.json"
    runner.invoke(
        app, ["align", str(source), str(target), "-o", str(tmp_path / "a.po"), "--beads", str(beads), *FAKE]
    )
    data = json.loads(beads.read_text())
    data["beads"][0] |= {"status": "fuzzy", "reason": "checked by hand"}
    beads.write_text(json.dumps(data))
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(source), str(target), "-o", str(page), "--beads", str(beads)])
    assert result.exit_code == 0, result.output
    shown = embedded(page)["beads"]
    assert shown[0]["status"] == "fuzzy" and shown[0]["reason"] == "checked by hand"
    assert [(b["source"], b["target"]) for b in shown] == [(b["source"], b["target"]) for b in data["beads"]]
    other = CORPORA / "pydocs" / "tutorial-venv"
    args = ["review", str(other.with_suffix(".en.txt")), str(other.with_suffix(".ko.txt")), "-o", str(page)]
    refused = runner.invoke(app, [*args, "--beads", str(beads)])
    assert refused.exit_code == 2 and "do not fit" in refused.stderr


def test_review_with_the_earlier_po_shows_outdated_rows(tmp_path, runner):
    source, target = tmp_path / "a.en.txt", PAIR.with_suffix(".ko.txt")
    text = PAIR.with_suffix(".en.txt").read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    po = tmp_path / "a.po"
    runner.invoke(app, ["align", str(source), str(target), "-o", str(po), *FAKE])
    catalog = polib.pofile(str(po))  # a translator improves the translation in the PO
    old = next(e for e in catalog if "Python is just the language for you." in e.msgid)
    old.msgstr = "파이썬은 바로 당신을 위한 언어입니다."
    catalog.save()
    edited = "Python is just the language for you, and for your team."
    source.write_text(text.replace("Python is just the language for you.", edited), encoding="utf-8")
    merged = runner.invoke(app, ["align", str(source), str(target), "-o", str(po), "--no-backup", *FAKE])
    assert merged.exit_code == 0 and "#| msgid" in po.read_text()
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(source), str(target), "-o", str(page), "--po", str(po), *FAKE])
    assert result.exit_code == 0, result.output
    data = embedded(page)
    outdated = [b for b in data["beads"] if b["status"] == "outdated"]
    assert len(outdated) == 1
    assert edited in [data["source"]["blocks"][i]["text"] for i in outdated[0]["source"]]
    was = " ".join(old.msgid.split())
    quoted = was if len(was) <= HISTORY_QUOTE else was[: HISTORY_QUOTE - 1] + "…"
    assert outdated[0]["reason"] == f'source changed since the translation (was "{quoted}")'


def test_a_pairs_page_names_the_real_pair_and_downloads_under_the_articles_name(tmp_path, runner):
    source, target = PAIR.with_suffix(".en.txt"), PAIR.with_suffix(".ko.txt")
    page = tmp_path / "review.html"
    assert runner.invoke(app, ["review", str(source), str(target), "-o", str(page), *FAKE]).exit_code == 0
    data = embedded(page)
    assert (data["source"]["name"], data["target"]["name"]) == (str(source), str(target))
    assert data["corrections_name"] == f"{PAIR.name}.corrections.json"


def test_review_takes_two_trees_and_skips_files_with_no_prose(tmp_path, runner):
    for lang in ("en", "ko"):
        (tmp_path / lang / "guide").mkdir(parents=True)
        shutil.copy(PAIR.with_suffix(f".{lang}.txt"), tmp_path / lang / "guide" / "appetite.txt")
        (tmp_path / lang / "numbers.txt").write_text("12345\n\n678 90\n", encoding="utf-8")
    out = tmp_path / "review"
    result = runner.invoke(app, ["review", str(tmp_path / "en"), str(tmp_path / "ko"), "-o", str(out), *FAKE])
    assert result.exit_code == 0, result.output
    assert "1 of 1 articles reviewed" in result.stderr and "1 file skipped: not articles" in result.stderr
    assert (out / "guide" / "appetite.html").is_file() and not (out / "numbers.html").exists()


def faulty_pair(folder):
    """A Markdown pair whose translation puts a space before a particle and loses a code span."""
    folder.mkdir(parents=True, exist_ok=True)
    source, target = folder / "refs.en.md", folder / "refs.ko.md"
    code = "`count` `total` `items`"  # words the fake similarity pairs the paragraphs by
    source.write_text(f"# Refs\n\nPass `ref` {code} to it.\n\nRead `x` {code} now.\n", encoding="utf-8")
    target.write_text(
        f"# 참조\n\n`ref` 를 {code}와 함께 넘깁니다.\n\n`y` {code}를 읽습니다.\n", encoding="utf-8"
    )
    return source, target


def page_findings(path) -> list[tuple[int, str]]:
    return [(k, f["check"]) for k, b in enumerate(embedded(path)["beads"]) for f in b.get("findings", [])]


def test_review_marks_the_rows_check_finds_faults_in_and_honours_the_settings(tmp_path, runner):
    source, target = faulty_pair(tmp_path / "in")
    page = tmp_path / "refs.html"
    assert runner.invoke(app, ["review", str(source), str(target), "-o", str(page), *FAKE]).exit_code == 0
    assert page_findings(page) == [(1, "spacing"), (2, "code")]
    po = tmp_path / "refs.po"
    assert runner.invoke(app, ["align", str(source), str(target), "-o", str(po), *FAKE]).exit_code == 0
    checked = runner.invoke(app, ["check", str(po), "-f", "json", "--fail-on", "never"])
    assert sorted(f["check"] for f in json.loads(checked.stdout)["findings"]) == ["code", "spacing"]
    (tmp_path / "in" / ".transpair.toml").write_text('[check]\nspacing = "off"\n', encoding="utf-8")
    page.unlink()
    assert runner.invoke(app, ["review", str(source), str(target), "-o", str(page), *FAKE]).exit_code == 0
    assert page_findings(page) == [(2, "code")]


def test_review_folder_counts_findings_on_the_index(tmp_path, runner):
    faulty_pair(tmp_path / "in")
    shutil.copy(PAIR.with_suffix(".en.txt"), tmp_path / "in")
    shutil.copy(PAIR.with_suffix(".ko.txt"), tmp_path / "in")
    (tmp_path / "in" / ".transpair.toml").write_text(
        '[check]\nspacing = "info"\ncode = "off"\n', encoding="utf-8"
    )
    out = tmp_path / "out"
    assert runner.invoke(app, ["review", str(tmp_path / "in"), "-o", str(out), "-q", *FAKE]).exit_code == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r'>([\w-]+)</a></td><td class="num">\d+</td><td class="num">(\d+)</td>', index))
    assert rows["refs"] == "1" and page_findings(out / "refs.html") == [(1, "spacing")]
    assert int(rows[PAIR.name]) == len(page_findings(out / f"{PAIR.name}.html"))


def test_checks_silenced_in_the_earlier_po_stay_silent_on_the_page(tmp_path, runner):
    source, target = faulty_pair(tmp_path / "in")
    po = tmp_path / "refs.po"
    assert runner.invoke(app, ["align", str(source), str(target), "-o", str(po), *FAKE]).exit_code == 0
    catalog = polib.pofile(str(po))
    catalog.find("Pass `ref` `count` `total` `items` to it.").flags.append("transpair-ok")
    catalog.save()
    assert "[code]" in runner.invoke(app, ["check", str(po)]).stdout  # check keeps the other one
    page = tmp_path / "refs.html"
    args = ["review", str(source), str(target), "-o", str(page), "--po", str(po), *FAKE]
    assert runner.invoke(app, args).exit_code == 0
    assert page_findings(page) == [(2, "code")]
