"""catalog: one PO entry per bead, with header, references, notes, fuzzy flags and msgctxt."""

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import polib
import pytest

from transpair.model import Alignment, Bead, Block, Document
from transpair.po import kept
from transpair.po.catalog import build_catalog, build_template, plural_forms, project_name
from transpair.po.file import read_po, write_po
from transpair.po.notes import parse_note
from transpair.read import reader

DATA = Path(__file__).resolve().parent / "data" / "dev"
WHEN = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)


def doc(path, *texts, kind="paragraph"):
    """A plain-text document whose blocks are `texts` separated by blank lines."""
    text = "\n\n".join(texts) + "\n"
    blocks, pos = [], 0
    for t in texts:
        start = text.index(t, pos)
        blocks.append(Block(t, kind, text.count("\n", 0, start) + 1, start, start + len(t)))
        pos = start + len(t)
    return Document(path, text, tuple(blocks))


def small_alignment():
    src = doc(
        "/some/dir/post.en.md", "Title", "First.", "Second.", "Repeated.", "Third.", "Repeated.", "Gone."
    )
    tgt = doc("/x/post.ko.md", "제목", "첫째.", "둘째.", "반복.", "역주: 설명", "셋째.", "반복.", "Gone.")
    beads = (
        Bead((0,), (0,), 0.97, "translated"),
        Bead((1, 2), (1,), 0.8, "translated"),
        Bead((3,), (2,), 0.4, "fuzzy", "partly in English"),
        Bead((), (4,), 0.0, "target-only"),
        Bead((4,), (5,), 0.9, "translated"),
        Bead((5,), (6,), 0.9, "translated"),
        Bead((6,), (7,), 0.99, "untranslated", "copy of the source"),
    )
    return Alignment(src, tgt, beads)


def test_blocks_are_joined_by_a_blank_line_only_when_both_sides_hold_as_many():
    src = doc("a.en.md", "One.", "Two.", "Three.", "Four.", "Five.")
    tgt = doc("a.ko.md", "하나.", "둘.", "셋.", "넷.", "다섯.", "여섯.")
    beads = (Bead((0, 1), (0, 1), 0.9, "translated"), Bead((2,), (2, 3), 0.9, "translated"))
    beads += (Bead((3, 4), (4, 5), 0.9, "untranslated"),)
    po = build_catalog(Alignment(src, tgt, beads), WHEN)
    assert [(e.msgid, e.msgstr) for e in po] == [
        ("One.\n\nTwo.", "하나.\n\n둘."),
        ("Three.", "셋. 넷."),
        ("Four.\n\nFive.", ""),
    ]


def test_one_entry_per_bead_with_source_in_msgid_and_target_in_msgstr():
    po = build_catalog(small_alignment(), WHEN)
    assert [(e.msgid, e.msgstr) for e in po] == [
        ("Title", "제목"),
        ("First. Second.", "첫째."),  # 2-1: a space on both sides, as many newlines in each
        ("Repeated.", "둘째."),
        ("Third.", "셋째."),
        ("Repeated.", "반복."),
        ("Gone.", ""),
    ]


def test_references_notes_flags_and_context():
    po = build_catalog(small_alignment(), WHEN)
    assert po[1].occurrences == [("post.en.md", "3"), ("post.en.md", "5")]
    assert parse_note(po[2].comment).status == "fuzzy" and po[2].flags == ["fuzzy"]
    assert parse_note(po[1].comment).shape == "2-1"
    note = parse_note(po[5].comment)
    assert (note.status, note.reason, po[5].flags) == ("untranslated", "copy of the source", [])
    assert [e.msgctxt for e in po] == [None, None, None, None, "repeat 2", None]


def test_target_only_text_is_carried_in_a_translator_comment_on_the_entry_before_it():
    po = build_catalog(small_alignment(), WHEN)
    assert po[2].tcomment.splitlines() == [kept.AFTER, "| 역주: 설명"]
    assert kept.read_kept(po[2].tcomment) == ("after", "역주: 설명")
    assert parse_note(po[2].comment).reason == "partly in English"
    assert not any(e.tcomment for i, e in enumerate(po) if i != 2)


def test_target_only_text_before_every_entry_is_carried_before_the_first():
    src = doc("a.en.md", "One.", "Two.")
    tgt = doc("a.ko.md", "역주", "하나.", "둘.")
    beads = (Bead((), (0,), 0.0, "target-only"), Bead((0,), (1,), 0.9), Bead((1,), (2,), 0.9))
    po = build_catalog(Alignment(src, tgt, beads), WHEN)
    assert kept.read_kept(po[0].tcomment) == ("before", "역주")


def test_header_is_complete():
    meta = build_catalog(small_alignment(), WHEN).metadata
    assert meta["Language"] == "ko" and meta["Plural-Forms"] == "nplurals=1; plural=0;"
    assert meta["POT-Creation-Date"] == "2026-01-02 03:04+0000"
    assert meta["Project-Id-Version"] == "post"
    assert meta["X-Generator"].startswith("transpair ")
    for field in (
        "Report-Msgid-Bugs-To",
        "PO-Revision-Date",
        "Last-Translator",
        "Language-Team",
        "MIME-Version",
        "Content-Transfer-Encoding",
    ):
        assert field in meta
    assert meta["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("ko", "nplurals=1; plural=0;"),
        ("en", "nplurals=2; plural=(n != 1);"),
        ("pt-BR", "nplurals=2; plural=(n > 1);"),
        ("xx", "nplurals=2; plural=(n != 1);"),
    ],
)
def test_plural_forms(lang, forms):
    assert plural_forms(lang) == forms


def test_gold_alignment_passes_msgfmt_and_reads_back_equal(tmp_path, msgfmt):
    base = DATA / "pydocs-ko" / "faq-design"
    src, tgt = reader.read_document(f"{base}.en.txt"), reader.read_document(f"{base}.ko.txt")
    gold = json.loads((base.parent / "faq-design.gold.json").read_text())
    left = set(gold["untranslated_en"])
    beads = tuple(
        Bead(tuple(s), tuple(t), 0.9, "untranslated" if set(s) & left else "") for s, t in gold["beads"]
    )
    po = build_catalog(Alignment(src, tgt, beads), WHEN)
    path = tmp_path / "a.po"
    write_po(po, path)
    check = subprocess.run(
        [msgfmt, "--check-format", "--check-header", "-o", "/dev/null", path], capture_output=True
    )
    assert check.returncode == 0, check.stderr
    back = read_po(path)
    fields = ("msgid", "msgstr", "msgctxt", "comment", "occurrences", "flags")
    assert [[getattr(e, f) for f in fields] for e in back] == [[getattr(e, f) for f in fields] for e in po]
    assert back.metadata == po.metadata
    assert sum(not e.msgstr for e in po) == len(left)


def test_template_has_one_empty_entry_per_block_and_placeholder_header():
    src = small_alignment().source
    pot = build_template(src, "en", WHEN)
    assert [e.msgid for e in pot] == [b.text for b in src.blocks]
    assert not any(e.msgstr for e in pot)
    assert [e.msgctxt for e in pot][5] == "repeat 2"
    assert pot.metadata["Last-Translator"] == "FULL NAME <EMAIL@ADDRESS>" and pot.metadata_is_fuzzy


def test_empty_alignment_gives_header_only():
    empty = Alignment(doc("a.txt", "x"), doc("b.txt", "y"), ())
    assert len(build_catalog(empty)) == 0 and isinstance(build_catalog(empty), polib.POFile)


def test_pofilter_finds_no_newlines_problem_in_merged_or_split_paragraphs(runner, tmp_path):
    import shutil
    import sys

    from transpair.cli.app import app

    pofilter = Path(sys.executable).with_name("pofilter")
    pofilter = str(pofilter) if pofilter.exists() else shutil.which("pofilter")
    hard = Path(__file__).resolve().parent.parent / "corpora" / "pydocs-hard"
    out = tmp_path / "po"
    assert runner.invoke(app, ["align", str(hard), "-o", str(out), "-q"]).exit_code == 0
    joined = [e for po in out.glob("*.po") for e in polib.pofile(str(po)) if " " in e.msgstr]
    assert any(e.comment.startswith(("transpair: 2-1", "transpair: 1-2")) for e in joined)
    found = tmp_path / "found"
    subprocess.run([pofilter, "-t", "newlines", str(out), str(found)], check=True, capture_output=True)
    assert not [e for po in found.rglob("*.po") for e in polib.pofile(str(po)) if e.msgid]


def test_rerunning_pot_on_an_unchanged_article_changes_no_byte(tmp_path, monkeypatch):
    from transpair.po import catalog

    article, out = tmp_path / "a.en.md", tmp_path / "a.pot"
    article.write_text("# Title\n\nFirst paragraph.\n", encoding="utf-8")
    monkeypatch.setattr(catalog, "timestamp", lambda when=None: "2026-01-01 10:00+0000")
    catalog.write_template(article, out)
    first = out.read_bytes()
    monkeypatch.setattr(catalog, "timestamp", lambda when=None: "2026-02-02 11:11+0000")
    catalog.write_template(article, out)
    assert out.read_bytes() == first
    article.write_text("# Title\n\nFirst paragraph, changed.\n", encoding="utf-8")
    catalog.write_template(article, out)
    assert "POT-Creation-Date: 2026-02-02 11:11+0000" in out.read_text(encoding="utf-8")


def test_project_name_never_holds_a_charset_gettext_would_read():

    assert project_name("/x/charset=.en.txt", "en") == "charset ="
    assert project_name("/x/post.en.md", "en") == "post"
