"""rebuild / `transpair apply` and `transpair pot`: the translated article back from a PO."""

import json
from pathlib import Path

import polib
import pytest
import regex
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from transpair.apply.rebuild import UNTRANSLATED_MARK, rebuild
from transpair.cli.app import app
from transpair.model import Alignment, Bead, Block, Document
from transpair.po.catalog import build_catalog, build_template
from transpair.po.file import read_po, write_po
from transpair.po.state import is_done
from transpair.read import reader

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "dev" / "pydocs-ko"
runner = CliRunner()


def gold_catalog(name: str) -> tuple[Document, Document, dict, polib.POFile]:
    """A pydocs-ko pair, its gold data and the catalog of its gold beads (untranslated ones empty)."""
    src, tgt = reader.read_document(GOLD / f"{name}.en.txt"), reader.read_document(GOLD / f"{name}.ko.txt")
    gold = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    left = set(gold["untranslated_en"])
    beads = tuple(
        Bead(tuple(s), tuple(t), 0.9, "untranslated" if set(s) & left else "") for s, t in gold["beads"]
    )
    return src, tgt, gold, build_catalog(Alignment(src, tgt, beads))


@pytest.mark.parametrize("name", sorted(p.name[: -len(".gold.json")] for p in GOLD.glob("*.gold.json")))
def test_round_trip_gives_korean_for_translated_and_english_for_untranslated(name):
    src, tgt, gold, po = gold_catalog(name)
    out = reader.parse(rebuild(po, src).text, "text")
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
    return reader.read_document(path)


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
    assert out.startswith("---\ntitle: KO[Hello]\n---\n# KO[Getting started]\n")
    assert "```sh\npip install thing\n```" in out
    assert "- KO[first item]\n- KO[second item]" in out


def test_front_matter_values_are_written_back_as_valid_yaml(tmp_path):
    path = tmp_path / "page.en.md"
    path.write_text(
        "---\ntitle: Plain\ndescription: \"Quoted\"\nsummary: 'Single'\nlayout: post\n---\n\nBody.\n",
        encoding="utf-8",
    )
    doc = reader.read_document(path)
    texts = {"Plain": "가: 나 #다", "Quoted": '"인용"', "Single": "작은'따옴표", "Body.": "본문."}
    out = rebuild(translated(doc, texts), doc).text
    front = yaml.safe_load(out.split("---\n")[1])
    expected = {"title": "가: 나 #다", "description": '"인용"', "summary": "작은'따옴표", "layout": "post"}
    assert front == expected
    assert out.endswith("\n---\n\n본문.\n")


def test_fuzzy_keeps_its_msgstr_and_untranslated_keeps_source_or_gets_marker(tmp_path):
    doc = markdown_doc(tmp_path)
    po = translated(doc, {"Getting started": "시작하기", "first item": "첫째"})
    po.find("first item").flags = ["fuzzy"]
    plain = rebuild(po, doc)
    assert "- 첫째\n" in plain.text and "# 시작하기" in plain.text and "- second item\n" in plain.text
    assert (plain.translated, plain.used, plain.fuzzy_kept, plain.source_used) == (2, 2, 1, 4)
    marked = rebuild(po, doc, mark_untranslated=True).text
    assert f"- {UNTRANSLATED_MARK}second item\n" in marked and "- 첫째\n" in marked


def test_fuzzy_source_gives_the_source_text_as_po4a_does(tmp_path):
    doc = markdown_doc(tmp_path)
    po = translated(doc, {"Getting started": "시작하기", "first item": "첫째"})
    po.find("first item").flags = ["fuzzy"]
    plain = rebuild(po, doc, fuzzy="source")
    assert "- first item\n" in plain.text and "# 시작하기" in plain.text
    assert (plain.translated, plain.fuzzy_kept, plain.source_used) == (1, 0, 5)
    marked = rebuild(po, doc, mark_untranslated=True, fuzzy="source").text
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


def test_an_n_n_entry_spanning_code_puts_each_paragraph_in_its_own_place():
    doc = reader.bytes_document(b"First.\n\n```\ncode()\n```\n\nSecond.\n", "a.md")
    po = build_catalog(Alignment(doc, doc, (Bead((0, 1), (0, 1), 0.9, "translated"),)))
    assert rebuild(po, doc).text == doc.text  # the identity keeps the code between the two
    po[0].msgstr = "첫째.\n\n둘째."
    assert rebuild(po, doc).text == "첫째.\n\n```\ncode()\n```\n\n둘째.\n"


def test_an_n_m_entry_whose_msgstr_is_its_msgid_gives_the_page_back_byte_for_byte():
    """A 2-1 bead (the translator merged two paragraphs) with msgstr = msgid: nothing was translated, so
    each paragraph keeps its place and its line breaks (the Rust book gave 13 pages with them joined)."""
    text = "A one,\nwrapped.\n\nB two.\n\nC three.\n"
    doc = reader.bytes_document(text.encode(), "a.md")
    po = build_catalog(Alignment(doc, doc, (Bead((0, 1), (0,), 0.9, "translated"), Bead((2,), (2,), 0.9))))
    po[0].msgstr = po[0].msgid
    assert rebuild(po, doc).text == text


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


def test_html_translation_keeps_links_and_entities(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(
        '<html><body><article><p>Fish &amp; <a href="/chips">chips</a>\n  today</p><p>Tea</p></article>'
        "</body></html>\n"
    )
    doc = reader.read_document(path)
    assert [b.text for b in doc.blocks] == ['Fish &amp; <a href="/chips">chips</a> today', "Tea"]
    texts = {'Fish &amp; <a href="/chips">chips</a> today': '오늘은 피시 &amp; <a href="/chips">칩스</a>'}
    out = rebuild(translated(doc, texts), doc).text
    assert '<p>오늘은 피시 &amp; <a href="/chips">칩스</a></p><p>Tea</p>' in out


def _apply_one(tmp_path, name: str, source_text: str, msgid: str, msgstr: str):
    """apply through the CLI with one msgstr set: the CliRunner result."""
    source, po = tmp_path / name, tmp_path / "a.po"
    source.write_text(source_text)
    catalog = translated(reader.read_document(source), {msgid: msgstr})
    write_po(catalog, po)
    return runner.invoke(app, ["apply", str(po), str(source), "-o", str(tmp_path / ("out-" + name))])


def _same_structure_and_letters(tmp_path, name: str, msgstr: str) -> None:
    """The page written keeps the source's blocks (kinds and count) and every letter of the msgstr."""
    source, out = reader.read_document(tmp_path / name), reader.read_document(tmp_path / ("out-" + name))
    assert [b.kind for b in out.blocks] == [b.kind for b in source.blocks]
    assert len(out.code) == len(source.code)
    assert sorted(regex.findall(r"\p{Hangul}", out.text)) == sorted(regex.findall(r"\p{Hangul}", msgstr))


@pytest.mark.parametrize(
    "msgstr",
    ['오늘은 <a href="/chips">칩스', "오늘은 칩스</a>", '<a href="/chips">오늘은</a> <a href="/">칩스'],
)
def test_apply_escapes_an_html_msgstr_with_unbalanced_tags_and_warns(tmp_path, msgstr):
    result = _apply_one(
        tmp_path,
        "a.html",
        '<p>Fish <a href="/chips">chips</a></p>\n',
        'Fish <a href="/chips">chips</a>',
        msgstr,
    )
    assert result.exit_code == 0 and "unbalanced tags" in result.output and "'Fish <a" in result.output
    assert regex.search(r"warning: \S*a\.po:\d+:", result.output)
    assert "&lt;" in (tmp_path / "out-a.html").read_text()
    _same_structure_and_letters(tmp_path, "a.html", msgstr)


@pytest.mark.parametrize(
    ("msgstr", "what"),
    [
        ("첫 줄\n# 제목이 된 줄", "heading"),
        ("첫 줄\n```\n코드", "code fence"),
        ("첫 줄\n===", "setext"),
        ("첫 줄\n::: tip", "container"),
        ("첫 줄\n> 인용이 아닌 줄", "block quote"),
        ("첫 줄\n- 목록이 아닌 줄", "list item"),
        ("첫 줄\n12. 목록이 아닌 줄", "list item"),
        ("첫 줄\n\n둘째 문단", "blank line"),
    ],
)
def test_apply_escapes_a_markdown_msgstr_that_adds_structure_and_warns(tmp_path, msgstr, what):
    result = _apply_one(
        tmp_path, "a.md", "# Title\n\nFirst line\nsecond line.\n", "First line second line.", msgstr
    )
    assert result.exit_code == 0 and what in result.output
    assert regex.search(r"warning: \S*a\.po:\d+: the msgstr of 'First line", result.output)
    _same_structure_and_letters(tmp_path, "a.md", msgstr)


def test_a_span_heading_is_rebuilt_with_its_unbalanced_tag_as_text(tmp_path):
    result = _apply_one(tmp_path, "a.md", "## Props\n\nText.\n", "Props", '속성 <span class="badge">')
    assert result.exit_code == 0 and "<span>" in result.output
    assert (tmp_path / "out-a.md").read_text() == '## 속성 &lt;span class="badge">\n\nText.\n'


def test_apply_accepts_structure_the_msgid_already_has(tmp_path):
    result = _apply_one(
        tmp_path, "a.md", "Text with a \\# hash.\n", "Text with a \\# hash.", "해시 \\# 문자."
    )
    assert result.exit_code == 0 and (tmp_path / "out-a.md").read_text() == "해시 \\# 문자.\n"


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
    assert "1 of 6 paragraphs translated (16.7%)" in result.output


def test_apply_refuses_below_threshold_with_the_figure(tmp_path):
    source, po = write_pair(tmp_path, {"Getting started": "시작하기"})
    out = tmp_path / "post.ko.md"
    result = runner.invoke(app, ["apply", str(po), str(source), "-o", str(out), "--threshold", "50"])
    assert result.exit_code == 1
    assert "16.7%" in result.output and "50" in result.output
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
    assert [b.text for b in reader.read_document(out).blocks] == "\n\n".join(expected).split("\n\n")
    korean = {b.text for b in reader.read_document(f"{pair}.ko.txt").blocks}
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

    from transpair.cli.app import app

    code = tmp_path / "code.md"
    code.write_text("```\nprint('only code')\n```\n", encoding="utf-8")
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["apply", str(po), str(code), "-o", str(tmp_path / "out.md")])
    assert result.exit_code == 2 and "no translatable text" in result.output


def _identity_apply(tmp_path: Path, source: Path) -> bytes:
    """pot, every msgstr = msgid, apply: the bytes written."""
    pot, po, out = tmp_path / "a.pot", tmp_path / "a.po", tmp_path / ("out" + source.suffix)
    assert runner.invoke(app, ["pot", str(source), "-o", str(pot)]).exit_code == 0
    catalog = read_po(pot)
    for entry in catalog:
        entry.msgstr = entry.msgid
    catalog.save(str(po))
    assert runner.invoke(app, ["apply", str(po), str(source), "-o", str(out)]).exit_code == 0
    return out.read_bytes()


@pytest.mark.parametrize(
    "raw",
    [
        b"# Title\r\n\r\nFirst line\r\nsecond line.\r\n\r\n- item\r\n",
        b"# Title\n\r\nMixed\r\nends here.\n\nLast.\r",
        b"\xef\xbb\xbf# Title\n\nWith a BOM.\n",
    ],
)
def test_identity_round_trip_keeps_line_ends_and_bom(tmp_path, raw):
    source = tmp_path / "page.md"
    source.write_bytes(raw)
    assert _identity_apply(tmp_path, source) == raw


def test_a_translation_gets_the_usual_line_end(tmp_path):
    source = tmp_path / "page.md"
    source.write_bytes(b"# Title\r\n\r\nBody.\r\n")
    catalog = build_template(reader.read_document(source))
    for entry in catalog:
        entry.msgstr = {"Title": "제목", "Body.": "본문\n두 줄."}[entry.msgid]
    assert rebuild(catalog, reader.read_document(source)).text == "# 제목\r\n\r\n본문\r\n두 줄.\r\n"


_MD_LINE = st.sampled_from(
    ["", "Text words here.", "::: tip Title", ":::", '!!! note "N"', "    body text", "```js", "```",
     "> [!NOTE]", "> quoted", "{{< note >}}", "<Note>", "![](a.png)", "- item", "# Head",
     "<p>Para <a href='x'>link</a></p>", "| a | b |", "|---|---|", "\r", "text\r", "  indented"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_MD_LINE, max_size=12), st.sampled_from(["markdown", "html", "text"]))
def test_identity_translation_rebuilds_any_article_unchanged(lines, fmt):
    raw = "\n".join(lines)
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    ends = tuple(regex.findall(r"\r\n|\r|\n", raw)) if "\r" in raw else ()
    doc = Document("a", text, reader.parse(text, fmt), fmt, line_ends=ends)
    catalog = build_template(doc)
    for entry in catalog:
        entry.msgstr = entry.msgid
    assert rebuild(catalog, doc).text == raw
