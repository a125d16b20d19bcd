"""Tests for transpair.read.jsx: where MDX tags and expressions end, their attributes, broken input."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from transpair.apply.structure import html_problem
from transpair.cli.app import app
from transpair.read.dialects import ReadOptions
from transpair.read.jsx import attribute_spans, expression_end, line_tags
from transpair.read.markdown import markdown_blocks


def test_expressions_end_past_strings_template_literals_and_comments():
    text = "{`a } ${ {b: '}'} } c`} rest"
    assert text[: expression_end(text, 0)] == "{`a } ${ {b: '}'} } c`}"
    assert expression_end("{/* } */ x}", 0) == len("{/* } */ x}")
    assert expression_end("{never closed", 0) is None


def test_a_tag_over_several_lines_with_a_code_prop_is_one_line_of_tags():
    text = '<Code code={`\n# comment\n\nnpx x <files>\n`} lang="bash" />\n<Other/>'
    (tag,) = line_tags(text, 0)
    assert (tag.name, tag.self_closing, text[tag.end - 2 : tag.end]) == ("Code", True, "/>")
    assert line_tags("<Card>Some text</Card>\n", 0) is None  # text after the tag: a paragraph
    assert line_tags("<div>\n", 0) is None  # HTML, read by the HTML reader


def test_attribute_values_outside_expressions():
    text = '<TabItem label="Native binary" title={"not this"} aria-label=\'Close\' icon="x">'
    spans = attribute_spans(text, 0, len(text), ("label", "title", "aria-label"))
    found = [(text[s:e], name) for s, e, name in spans]
    assert found == [("Native binary", "label"), ("Close", "aria-label")]


def test_an_mdx_expression_over_lines_is_no_text():
    text = "Intro.\n\n{props.items.map((item) => (\n  <li>{item}</li>\n))}\n\nAfter.\n"
    assert [b.text for b in markdown_blocks(text, ReadOptions(mdx=True))] == ["Intro.", "After."]


def test_a_brace_in_text_is_text():
    text = "Use {curly braces} for expressions.\n"
    assert [b.text for b in markdown_blocks(text, ReadOptions(mdx=True))] == [text.strip()]


def test_a_component_never_closed_reads_its_children(tmp_path):
    page = tmp_path / "a.mdx"
    page.write_text("<Steps>\n1. First step.\n2. Second step.\n")
    result = CliRunner().invoke(app, ["pot", str(page), "-o", "-"])
    assert result.exit_code == 0 and "First step." in result.output and "Second step." in result.output


def test_a_code_component_never_closed_is_one_line_error(tmp_path):
    page = tmp_path / "a.mdx"
    page.write_text("Text.\n\n<FileTree>\n- src/\n")
    result = CliRunner().invoke(app, ["pot", str(page), "-o", "-"])
    assert result.exit_code == 2
    assert result.output.strip().endswith("a.mdx:3: <FileTree> is never closed")
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "html",
    [
        "<table><tr><td>Cell one<td>Cell two</table>\n",  # unclosed cells
        "<table><tr><td>Cell one</td></td><td>Cell two</td></tr></table>\n",  # a stray </td>
        "<p><em>Unclosed emphasis</p>\n<p>Cell two</p>\n",
    ],
)
def test_broken_html_in_markdown_reads_every_text_with_balanced_tags(html):
    texts = [b.text for b in markdown_blocks("Intro.\n\n" + html)]
    assert "Intro." in texts and any("Cell one" in t or "Unclosed" in t for t in texts)
    assert any("Cell two" in t for t in texts)
    assert all(html_problem("", t) is None for t in texts)


@settings(deadline=None)
@given(st.text(alphabet="<>{}`'\"/ \nabT=", max_size=60))
def test_any_mdx_text_reads_without_an_exception(text):
    try:
        blocks = markdown_blocks(text, ReadOptions(mdx=True))
    except ValueError as exc:  # an unclosed code component: a reading error with a line
        assert hasattr(exc, "line")
        return
    assert all(text[b.start : b.end] == b.text for b in blocks)
