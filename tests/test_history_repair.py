"""History through the CLI: cosmetic edits carried, links ported, moved sections kept, rewrites re-paired."""

import json
import subprocess

import polib
from git_repos import commit, paragraphs

from transpair.cli.app import app
from transpair.history import repair
from transpair.model import Alignment, Bead, Block, Cause, Document, Origin

LINK_EN = "Read [the tutorial](https://docs.python.org/3/tutorial/) for more."
LINK_KO = "더 알고 싶다면 [자습서](https://docs.python.org/3/tutorial/)를 읽으세요."
NEW_LINK = "https://docs.python.org/3.13/tutorial/"
REWRITTEN = (
    "Python is interpreted: you run a program right away, with no compiling or linking step in between, "
    "and the interpreter can be used interactively to try out features or test functions as you write them."
)
CURLY = "\u201cMonty Python\u2019s Flying Circus\u201d"


def english() -> list[str]:
    return [*paragraphs(".en.txt"), LINK_EN]


def korean() -> list[str]:
    return [*paragraphs(".ko.txt"), LINK_KO]


def edited() -> list[str]:
    """Later English: 7 rewritten, 13's quotes curled, the link's target changed, 14-16 moved before 4."""
    text = english()
    text[7] = REWRITTEN
    text[13] = text[13].replace('"Monty Python\'s Flying Circus"', CURLY)
    text[17] = LINK_EN.replace("https://docs.python.org/3/tutorial/", NEW_LINK)
    return [*text[:4], *text[14:17], *text[4:14], text[17]]


def site(tmp_path):
    root = tmp_path / "site"
    commit(root, {"en/a.md": english(), "ko/a.md": korean()}, "2025-01-10T10:00:00+00:00")
    commit(root, {"en/a.md": edited()}, "2025-03-01T10:00:00+00:00")
    return root / "en" / "a.md", root / "ko" / "a.md"


def test_align_carries_each_kind_of_change(runner, tmp_path, msgfmt):
    source, target = site(tmp_path)
    out = tmp_path / "a.po"
    result = runner.invoke(app, ["align", str(source), str(target), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    subprocess.run([msgfmt, "--check-format", "--check-header", "-o", "/dev/null", str(out)], check=True)
    entries = {e.msgid: e for e in polib.pofile(str(out))}
    ko, new = korean(), edited()
    link = entries[new[-1]]  # the link target changed: ported into the msgstr, still translated
    assert link.msgstr == LINK_KO.replace("https://docs.python.org/3/tutorial/", NEW_LINK)
    assert "fuzzy" not in link.flags and link.previous_msgid == LINK_EN and "cause=ported" in link.comment
    quoted = entries[english()[13].replace('"Monty Python\'s Flying Circus"', CURLY)]  # quotes only
    assert quoted.msgstr == ko[13] and "fuzzy" not in quoted.flags and quoted.previous_msgid is None
    for k in (14, 15, 16):  # a moved section keeps its translations
        moved = entries[english()[k]]
        assert moved.msgstr == ko[k] and "fuzzy" not in moved.flags
    rewritten = entries[REWRITTEN]  # re-paired with its Korean, outdated, the old English as #|
    assert rewritten.msgstr == ko[7] and "fuzzy" in rewritten.flags
    assert rewritten.previous_msgid == english()[7] and "cause=outdated" in rewritten.comment
    assert not [e for e in polib.pofile(str(out)) if e.obsolete]


def test_scan_json_lists_the_outdated_paragraphs_with_their_diff(runner, tmp_path):
    source, _ = site(tmp_path)
    result = runner.invoke(app, ["scan", str(source.parents[1]), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)["articles"]
    assert article["origin"]["how"] == "last commit" and article["origin"]["kept"] == 2
    (changed,) = article["outdated"]
    assert changed["cause"] == "outdated" and changed["old"] == english()[7] and changed["new"] == REWRITTEN
    assert changed["diff"].startswith(
        "Python is [-an interpreted language, which can save-]{+interpreted:+} you"
    )


def doc(path: str, texts: list[str]) -> Document:
    return Document(path, "\n\n".join(texts), tuple(Block(t) for t in texts))


class Same:
    """A similarity that knows the right pairs: Korean `k<n>` translates English `e<n> ...`."""

    version = "1"

    def embed(self, texts):
        import numpy as np

        vectors = np.zeros((len(texts), 8), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row, int(text.split()[0][1:]) % 8] = 1.0
        return vectors


def test_a_korean_block_whose_english_was_removed_stays_alone():
    origin = Origin("3f2a1c9e77aa", "2025-02-24")
    source = doc("a.en.txt", ["e1 one", "e5 five is new"])
    target = doc("a.ko.txt", ["k1", "k2"])
    beads = (
        Bead((0,), (0,), 0.9, "translated"),
        Bead((), (1,), 0.9, "target-only", cause=Cause.REMOVED_FROM_SOURCE, previous="e2 two"),
        Bead((1,), (), 0.0, "untranslated", cause=Cause.NEW_IN_SOURCE),
    )
    alignment = Alignment(source, target, beads, origin=origin)
    assert repair.repair(alignment, Same()).beads == beads


def test_report_json_and_html_list_the_outdated_paragraphs_with_their_diff(runner, tmp_path):
    source, _ = site(tmp_path)
    result = runner.invoke(app, ["report", str(source.parents[1]), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)["articles"]
    assert article["outdated"] == 1
    (changed,) = article["outdated_paragraphs"]
    assert (changed["old"], changed["new"], changed["cause"]) == (english()[7], REWRITTEN, "outdated")
    assert "[-an interpreted language, which can save-]{+interpreted:+}" in changed["diff"]
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(source.parents[1]), "-f", "html", "-o", str(page), "-q"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<del>an interpreted language, which can save</del><ins>interpreted:</ins>" in html


def test_review_rows_of_a_changed_source_carry_the_diff(runner, tmp_path):
    source, target = site(tmp_path)
    out = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(source), str(target), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    data = json.loads(text.split('<script type="application/json" id="data">')[1].split("</script>")[0])
    diffs = {b["status"]: b["diff"] for b in data["beads"] if "diff" in b}
    assert set(diffs) == {"outdated", "translated"}  # the rewritten paragraph, the ported link
    assert ["-", "an interpreted language, which can save"] in diffs["outdated"]
