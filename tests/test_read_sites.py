"""Tests for the reader on small excerpts of real sites (tests/data/read, sources and licences in its README):
HTML tables in Markdown, MDX components with fences, tabs and file trees, attributes, through the real CLI."""

from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from transpair.apply.structure import html_problem
from transpair.cli.app import app
from transpair.read.markdown import markdown_blocks
from transpair.read.reader import read_document

DATA = Path(__file__).parent / "data" / "read"
_FENCE = ("```", "~~~")


def _prose(name: str) -> list[str]:
    return [b.text for b in read_document(DATA / name).blocks if b.content == "prose"]


def _attributes(name: str) -> list[tuple[str, str]]:
    return [(b.content, b.text) for b in read_document(DATA / name).blocks if b.content != "prose"]


def test_html_table_cells_keep_the_inline_tags_around_their_text():
    texts = _prose("jekyll-commands-table.md")
    assert "<code>init_with_program</code>" in texts
    cell = next(t for t in texts if t.startswith("This method"))
    assert '<code><a href="https://github.com/jekyll/mercenary#readme">Mercenary::Program</a></code>' in cell
    assert "<code>express.bodyParser</code>" in _prose("express-middleware-table.md")
    assert all(html_problem("", t) is None for t in texts + _prose("express-middleware-table.md"))


def test_a_fence_in_a_component_in_a_list_item_stays_code():
    texts = _prose("tauri-steps-solution.mdx")
    assert texts[0] == "Invoke Test Command from Example Application"
    assert texts[-1].endswith("invoke our new command instead.")
    lines = [line.strip() for text in texts for line in text.split("\n")]
    assert not any(line.startswith(_FENCE) or line == "<script>" for line in lines)


def test_tabs_with_tab_indented_fences_give_prose_and_labels_only():
    assert _prose("biome-cli-tabs.mdx") == [
        "Use the command-line interface (CLI) to check, format, lint, and manage Biome from your terminal or"
        " CI environment.",
        "The Biome CLI can be run with your project's package manager or as a [standalone native executable]"
        "(/guides/manual-installation) that does not require Node.js.",
    ]
    labels = [text for content, text in _attributes("biome-cli-tabs.mdx") if content == "attribute:label"]
    assert labels == ["npm", "pnpm", "yarn", "Native binary"]


def test_a_file_tree_gives_no_block_for_paths_but_one_per_comment(tmp_path):
    assert _prose("biome-filetree.mdx")[-1].startswith("For example, let's assume")
    assert len(_prose("biome-filetree.mdx")) == 1
    page = tmp_path / "tree.mdx"
    page.write_text("<FileTree>\n- api/ (workspace folder)\n  - index.ts\n- app/\n</FileTree>\n\nText.\n")
    assert [b.text for b in read_document(page).blocks] == ["(workspace folder)", "Text."]


def test_image_alt_and_figure_caption():
    assert _attributes("tauri-figure.md") == [("attribute:alt", "Printed sweatshirt")]
    assert _prose("tauri-figure.md") == ["<i>Hoodie by jprovost</i>"]


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.md*") if p.name != "README.md"))
def test_pot_and_apply_give_every_excerpt_back_and_translate_attributes(tmp_path, name):
    source = tmp_path / name
    source.write_bytes((DATA / name).read_bytes())
    runner = CliRunner()
    result = runner.invoke(app, ["pot", str(source), "-o", str(tmp_path / "a.pot")])
    assert result.exit_code == 0, result.output
    po = polib.pofile(str(tmp_path / "a.pot"))
    for entry in po:
        entry.msgstr = entry.msgid
    po.save(str(tmp_path / "a.po"))
    out = tmp_path / ("out" + source.suffix)
    result = runner.invoke(app, ["apply", str(tmp_path / "a.po"), str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == source.read_bytes()
    attributes = [e for e in po if "\nattribute: " in e.comment]
    for entry in attributes:
        entry.msgstr = f'"{entry.msgid}" [번역]'
    po.save(str(tmp_path / "a.po"))
    result = runner.invoke(app, ["apply", str(tmp_path / "a.po"), str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rebuilt = out.read_text()
    for entry in attributes:
        name = entry.comment.rsplit("attribute: ", 1)[1]
        if f"![{entry.msgid}]" in source.read_text():  # a Markdown image's alt text, brackets escaped
            assert f'!["{entry.msgid}" \\[번역\\]](' in rebuilt
        else:  # an attribute's quoted value, quotes as entities
            assert f'{name}="&quot;{entry.msgid}&quot; [번역]"' in rebuilt


def test_a_fence_in_a_component_in_a_list_item_stays_code_in_commonmark_too():
    text = (DATA / "tauri-steps-solution.mdx").read_text().split("\n", 2)[2]  # without the imports: not MDX
    texts = [b.text for b in markdown_blocks(text)]
    assert texts[0] == "Invoke Test Command from Example Application" and len(texts) == 3
    assert not any("```" in t or "<script>" in t for t in texts)


def test_a_fence_an_author_put_in_an_html_block_stays_code():
    texts = _prose("biome-changelog-details.md")
    assert "Example of output when running `biome format` command" in texts
    assert not any("```" in t or '"summary"' in t for t in texts)


def test_an_html_run_broken_by_a_component_keeps_balanced_tags_and_the_image_alt():
    assert _prose("biome-credits.mdx") == ["<span>Alexandru-Ștefan Gârleanu</span>"]
    assert _attributes("biome-credits.mdx") == [("attribute:alt", "Alexandru-Ștefan Gârleanu")]


def test_a_fence_right_after_a_paragraph_in_a_tab_stays_code():
    texts = _prose("biome-vscode-tabs.mdx")
    assert texts == [
        "When using an object, the key is the platform identifier, constructed from the"
        " `<process.os>-<process.arch>` value, and the value is the path to the binary."
    ]


def test_markup_only_lines_give_no_entry_but_their_attributes_do(tmp_path):
    # an anchor kept for old links (`<a id="…"></a>`, `<span id="ferris"></span>`) is no text to translate;
    # a table cell holding only an image offers its alt text
    texts = _prose("rust-book-anchors.md")
    assert not [t for t in texts if t.startswith("<")]
    assert texts[0].startswith("An important part")
    assert texts[-1] == "Handling Potential Failure with `Result`"
    assert _attributes("rust-book-anchors.md") == [
        ("attribute:alt", "Ferris with a question mark"),
        ("attribute:alt", "Ferris throwing up their hands"),
        ("attribute:alt", "Ferris with one claw up, shrugging"),
    ]
    out = tmp_path / "a.pot"
    result = CliRunner().invoke(app, ["pot", str(DATA / "rust-book-anchors.md"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    msgids = [e.msgid for e in polib.pofile(str(out))]
    assert "Ferris with a question mark" in msgids
    assert not [m for m in msgids if "<a id=" in m or "<span" in m]
