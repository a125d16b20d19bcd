"""rebuild / `transpair apply` and `transpair pot`: the translated article back from a PO."""

import json
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from transpair import read
from transpair.catalog import build_catalog, build_template
from transpair.cli import app
from transpair.entry_state import is_done
from transpair.model import Alignment, Bead, Block, Document
from transpair.pofile import read_po, write_po
from transpair.rebuild import UNTRANSLATED_MARK, rebuild

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "pydocs-ko"
runner = CliRunner()


def gold_catalog(name: str) -> tuple[Document, Document, dict, polib.POFile]:
    """A pydocs-ko pair, its gold data and the catalog of its gold beads (untranslated ones empty)."""
    src, tgt = read.read_document(GOLD / f"{name}.en.txt"), read.read_document(GOLD / f"{name}.ko.txt")
    gold = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    left = set(gold["untranslated_en"])
    beads = tuple(
        Bead(tuple(s), tuple(t), 0.9, "untranslated" if set(s) & left else "") for s, t in gold["beads"]
    )
    return src, tgt, gold, build_catalog(Alignment(src, tgt, beads))


@pytest.mark.parametrize("name", sorted(p.name[: -len(".gold.json")] for p in GOLD.glob("*.gold.json")))
def test_round_trip_gives_korean_for_translated_and_english_for_untranslated(name):
    src, tgt, gold, po = gold_catalog(name)
    out = read.parse(rebuild(po, src).text, "text")
    left = set(gold["untranslated_en"])
    expected = [
        src.blocks[s[0]].text if set(s) & left else "\n\n".join(tgt.blocks[j].text for j in t)
        for s, t in gold["beads"]
        if s
    ]
    assert "\n\n".join(b.text for b in out) == "\n\n".join(expected)


MARKDOWN = """---
title: Hello
---
# Getting started

Install it with pip:

```sh
pip install thing
```

- first item
- second item

See [the docs](https://example.org/docs).
"""


def markdown_doc(tmp_path) -> Document:
    path = tmp_path / "post.en.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    return read.read_document(path)


def translated(doc: Document, texts: dict[str, str]) -> polib.POFile:
    """A template of the document with some entries translated."""
    pot = build_template(doc)
    for entry in pot:
        entry.msgstr = texts.get(entry.msgid, "")
    return pot


def test_markdown_structure_front_matter_and_code_stay(tmp_path):
    doc = markdown_doc(tmp_path)
    texts = {b.text: f"KO[{b.text}]" for b in doc.blocks}
    out = rebuild(translated(doc, texts), doc).text
    assert out.startswith("---\ntitle: Hello\n---\n# KO[Getting started]\n")
    assert "```sh\npip install thing\n```" in out
    assert "- KO[first item]\n- KO[second item]" in out


def test_fuzzy_and_untranslated_keep_source_or_get_marker(tmp_path):
    doc = markdown_doc(tmp_path)
    po = translated(doc, {"Getting started": "시작하기", "first item": "첫째"})
    po.find("first item").flags = ["fuzzy"]
    plain = rebuild(po, doc)
    assert "- first item\n" in plain.text and "# 시작하기" in plain.text
    assert plain.translated == 1 and plain.matched == len(doc.blocks)
    marked = rebuild(po, doc, mark_untranslated=True).text
    assert f"- {UNTRANSLATED_MARK}first item\n" in marked and "# 시작하기" in marked


def test_multi_block_entry_fills_first_span_and_empties_the_others():
    text = "A one.\n\nB two.\n\nC three.\n"
    blocks = tuple(
        Block(t, "paragraph", 1 + 2 * i, text.index(t), text.index(t) + len(t))
        for i, t in enumerate(["A one.", "B two.", "C three."])
    )
    doc = Document("a.txt", text, blocks)
    po = build_catalog(Alignment(doc, doc, (Bead((0, 1), (0,), 0.9, "translated"), Bead((2,), (2,), 0.9))))
    po[0].msgstr = "가나."
    assert rebuild(po, doc).text == "가나.\n\nC three.\n"


def test_repeated_paragraphs_use_their_own_context():
    text = "Same.\n\nOther.\n\nSame.\n"
    blocks = tuple(
        Block(t, "paragraph", 1, s, s + len(t)) for t, s in [("Same.", 0), ("Other.", 7), ("Same.", 15)]
    )
    doc = Document("a.txt", text, blocks)
    pot = build_template(doc)
    for entry, ko in zip(pot, ["첫째", "다른", "둘째"]):
        entry.msgstr = ko
    assert rebuild(pot, doc).text == "첫째\n\n다른\n\n둘째\n"


def test_html_translation_is_escaped(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("<html><body><article><p>Fish &amp; chips</p><p>Tea</p></article></body></html>\n")
    doc = read.read_document(path)
    out = rebuild(translated(doc, {"Fish & chips": "피시 & 칩스"}), doc).text
    assert "<p>피시 &amp; 칩스</p><p>Tea</p>" in out


# The CLI: apply and pot.


def write_pair(tmp_path, texts: dict[str, str]) -> tuple[Path, Path]:
    """A Markdown article and a PO with these translations."""
    doc = markdown_doc(tmp_path)
    po_path = tmp_path / "post.po"
    write_po(translated(doc, texts), po_path)
    return Path(doc.path), po_path


def test_apply_writes_the_article_and_reports_coverage(tmp_path):
    source, po = write_pair(tmp_path, {"Getting started": "시작하기"})
    out = tmp_path / "post.ko.md"
    result = runner.invoke(app, ["apply", str(po), str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "# 시작하기" in out.read_text(encoding="utf-8")
    assert "1 of 5 paragraphs translated (20.0%)" in result.output


def test_apply_refuses_below_threshold_with_the_figure(tmp_path):
    source, po = write_pair(tmp_path, {"Getting started": "시작하기"})
    out = tmp_path / "post.ko.md"
    result = runner.invoke(app, ["apply", str(po), str(source), "-o", str(out), "--threshold", "50"])
    assert result.exit_code == 1
    assert "20.0%" in result.output and "50" in result.output
    assert not out.exists()


def test_apply_refuses_a_po_from_another_article(tmp_path):
    source, _ = write_pair(tmp_path, {})
    other = tmp_path / "other.po"
    pot = build_template(Document("other.en.txt", "x", (Block("Something else entirely."),)))
    write_po(pot, other)
    result = runner.invoke(app, ["apply", str(other), str(source), "-o", str(tmp_path / "o.md")])
    assert result.exit_code == 2
    assert "another article" in result.output and "other.en.txt" in result.output


@pytest.mark.parametrize("target", ["source", "po"])
def test_apply_never_overwrites_its_inputs(tmp_path, target):
    source, po = write_pair(tmp_path, {"Getting started": "시작하기"})
    before = (source.read_bytes(), po.read_bytes())
    out = source if target == "source" else po
    result = runner.invoke(app, ["apply", str(po), str(source), "-o", str(out)])
    assert result.exit_code == 2 and "overwrite" in result.output
    assert (source.read_bytes(), po.read_bytes()) == before


def test_apply_missing_po_and_missing_output_folder_are_exit_2(tmp_path):
    source, po = write_pair(tmp_path, {})
    assert (
        runner.invoke(
            app, ["apply", str(tmp_path / "no.po"), str(source), "-o", str(tmp_path / "o.md")]
        ).exit_code
        == 2
    )
    result = runner.invoke(app, ["apply", str(po), str(source), "-o", str(tmp_path / "no" / "o.md")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_pot_writes_template_that_msgfmt_accepts(tmp_path, msgfmt):
    import subprocess

    doc = markdown_doc(tmp_path)
    out = tmp_path / "post.pot"
    result = runner.invoke(app, ["pot", doc.path, "-o", str(out)])
    assert result.exit_code == 0, result.output
    pot = read_po(out)
    assert [e.msgid for e in pot] == [b.text for b in doc.blocks]
    assert (
        subprocess.run([msgfmt, "--check-format", "-o", "/dev/null", out], capture_output=True).returncode
        == 0
    )


def test_pot_by_sentence_and_bad_inputs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("One sentence here. Another one follows.\n\nSecond paragraph.\n", encoding="utf-8")
    out = tmp_path / "a.pot"
    assert runner.invoke(app, ["pot", str(path), "-o", str(out), "--unit", "sentence"]).exit_code == 0
    assert [e.msgid for e in read_po(out)] == [
        "One sentence here.",
        "Another one follows.",
        "Second paragraph.",
    ]
    assert runner.invoke(app, ["pot", str(path), "-o", str(path)]).exit_code == 2
    assert runner.invoke(app, ["pot", str(tmp_path / "none.txt"), "-o", str(out)]).exit_code == 2


def test_template_then_align_merges_cleanly(tmp_path):
    """A POT filled by a translator, then `align` into it: every entry matches, nothing turns obsolete."""
    pair = ROOT / "corpora" / "pydocs" / "tutorial-appetite"
    po = tmp_path / "a.po"
    assert runner.invoke(app, ["pot", f"{pair}.en.txt", "-o", str(po)]).exit_code == 0
    filled = read_po(po)
    for entry in filled:
        entry.msgstr = "번역: " + entry.msgid[:10]
    write_po(filled, po)
    result = runner.invoke(app, ["align", f"{pair}.en.txt", f"{pair}.ko.txt", "-o", str(po)])
    assert result.exit_code == 0, result.output
    merged = read_po(po)
    assert not [e for e in merged if e.obsolete]
    assert all(e.msgstr.startswith("번역: ") for e in merged)


def test_align_then_apply_reproduces_the_korean_article(tmp_path):
    """End to end with the real aligner: Korean for every translated entry, English for the others."""
    pair = ROOT / "corpora" / "pydocs" / "tutorial-appetite"
    po, out = tmp_path / "a.po", tmp_path / "a.ko.txt"
    assert runner.invoke(app, ["align", f"{pair}.en.txt", f"{pair}.ko.txt", "-o", str(po)]).exit_code == 0
    result = runner.invoke(app, ["apply", str(po), f"{pair}.en.txt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    entries = read_po(po)
    expected = [e.msgstr if is_done(e) else e.msgid for e in entries]
    assert [b.text for b in read.read_document(out).blocks] == "\n\n".join(expected).split("\n\n")
    korean = {b.text for b in read.read_document(f"{pair}.ko.txt").blocks}
    assert sum(e.msgstr in korean for e in entries if is_done(e)) >= 0.8 * len(entries)


def test_apply_a_sentence_level_po(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("One sentence here. Another one follows.\n\nSecond paragraph.\n", encoding="utf-8")
    pot = tmp_path / "a.po"
    assert runner.invoke(app, ["pot", str(path), "-o", str(pot), "--unit", "sentence"]).exit_code == 0
    po = read_po(pot)
    po[1].msgstr = "다른 문장이 이어집니다."
    write_po(po, pot)
    out = tmp_path / "a.ko.txt"
    result = runner.invoke(app, ["apply", str(pot), str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        out.read_text(encoding="utf-8") == "One sentence here. 다른 문장이 이어집니다.\n\nSecond paragraph.\n"
    )


def test_an_article_with_no_text_is_said_so(tmp_path):
    from typer.testing import CliRunner

    from transpair.cli import app

    code = tmp_path / "code.md"
    code.write_text("```\nprint('only code')\n```\n", encoding="utf-8")
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["apply", str(po), str(code), "-o", str(tmp_path / "out.md")])
    assert result.exit_code == 2 and "no translatable text" in result.output
