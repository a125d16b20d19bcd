"""The check findings of review rows: each bead's PO entry checked, numbered by its row; code entries left
out."""

import polib

from transpair.check.config import CheckSettings
from transpair.check.findings import Finding
from transpair.check.run import site_findings
from transpair.model import Alignment, Bead, Block, Document
from transpair.po import catalog
from transpair.review.findings import bead_entries, by_row, earlier_marks, row_json


def doc(blocks, path) -> Document:
    return Document(path, "\n\n".join(b.text for b in blocks), tuple(blocks))


def alignment() -> Alignment:
    """A target-only row first, a faulty 1-1, an untranslated row, a 2-1 with a code span lost, and a code
    block whose comment is translated (an entry of its own, no row)."""
    source = doc(
        [
            Block("Use `ref` here.", line=1),
            Block("Not yet.", line=3),
            Block("Call `a`.", line=5),
            Block("Then `b`.", line=6),
        ],
        "a.en.md",
    )
    target = doc(
        [Block("역주: 덧붙임."), Block("`ref` 를 여기서 씁니다."), Block("`a`를 부르고 b를 씁니다.")],
        "a.ko.md",
    )
    code = (Block("# a comment\nx = 1", line=8, kind="code"),)
    source = Document(source.path, source.text, source.blocks, code=code)
    target = Document(target.path, target.text, target.blocks, code=(Block("# 주석\nx = 1", kind="code"),))
    beads = (
        Bead((), (0,), 0.9, "target-only"),
        Bead((0,), (1,), 0.9, "translated"),
        Bead((1,), (), 0.9, "untranslated"),
        Bead((2, 3), (2,), 0.9, "translated"),
    )
    return Alignment(source, target, beads)


def test_entries_are_numbered_by_their_row_and_code_has_none():
    code = [e for e in catalog.build_catalog(alignment()) if "no-wrap" in e.flags]
    assert [e.msgstr for e in code] == ["# 주석\nx = 1"]  # the catalog has a code entry: it gets no row
    entries = bead_entries(alignment(), "a")
    assert [(e.line, e.msgid) for e in entries] == [(1, "Use `ref` here."), (3, "Call `a`. Then `b`.")]
    found = site_findings([entries], CheckSettings())
    rows = by_row(found, "a")
    assert sorted(rows) == [1, 3]
    assert [f.check for f in rows[1]] == ["spacing"] and [f.check for f in rows[3]] == ["code"]
    assert by_row(found, "b") == {}


def test_row_json_keeps_what_the_page_shows():
    found = Finding("a", 2, "x", "code", "error", "<b>lost</b>", "y")
    assert row_json([found]) == [{"check": "code", "level": "error", "message": "<b>lost</b>"}]


def test_marks_of_the_earlier_po_silence_the_same_text():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Use `ref` here.", msgstr="`ref` 를 씁니다.", flags=["transpair-ok"]))
    po.append(polib.POEntry(msgid="Call `a`. Then `b`.", msgstr="x", tcomment="transpair-ok: code"))
    po.append(polib.POEntry(msgid="Not yet.", msgstr="아직."))
    marks = earlier_marks(po)
    assert marks == {(None, "Use `ref` here."): {"*"}, (None, "Call `a`. Then `b`."): {"code"}}
    entries = bead_entries(alignment(), "a", marks)
    assert [e.silenced for e in entries] == [{"*"}, {"code"}]
    assert site_findings([entries], CheckSettings()) == []
