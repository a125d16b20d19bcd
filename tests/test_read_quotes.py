"""Block quotes read with a work budget: pages whose lazy continuation lines markdown-it's quote rule would
look at quadratically (or depth x lines) often are one error line, and every other page reads as before."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from transpair.cli.app import app
from transpair.read import quotes
from transpair.read.quotes import MAX_NESTING, parse_blocks, quote_parser
from transpair.read.spans import UnreadableMarkdown

LAZY = "This lazy line continues nothing at all.\n"
HOSTILE = {
    "empty nested quote": (">>\n" + LAZY) * 3000,
    "41 levels, setext-like": (">" * 41 + "\n===\n") * 3000,
    "empty list item": ("> - \n" + LAZY) * 3000,
    "heading": ("> # Title\n" + LAZY) * 3000,
    "deep over lazy lines": ">" * 290 + " a\n" + LAZY * 3000,
}


@pytest.fixture
def rule_calls(monkeypatch):
    """The quotes markdown-it's own block-quote rule read (each looks at its lines); far more than a page of
    nested quotes needs fails at once, where unbounded work would take minutes."""
    calls = []

    def counted(state, start, end, silent):
        calls.append(start) if not silent else None
        assert len(calls) <= 2 * MAX_NESTING, "block quotes read without a bound"
        return original(state, start, end, silent)

    original = quotes.blockquote
    monkeypatch.setattr(quotes, "blockquote", counted)
    return calls


@pytest.mark.parametrize("page", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_page_of_costly_quotes_is_refused_before_the_work(page, rule_calls):
    with pytest.raises(UnreadableMarkdown, match="block quotes too costly to read") as refused:
        parse_blocks(quote_parser(), page.split("\n"))
    assert 1 <= refused.value.line <= page.count("\n")
    assert len(rule_calls) <= 2 * MAX_NESTING  # a few quotes read, not thousands


def test_the_cli_says_the_costly_quotes_line_in_one_line(runner, tmp_path):
    page = tmp_path / "quotes.md"
    page.write_text(
        "# A page of quotes\n\nSome text before the quotes begin.\n\n" + HOSTILE["empty list item"]
    )
    result = runner.invoke(app, ["pot", str(page), "-o", str(tmp_path / "quotes.pot")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"transpair: error: {page}:")
    assert "block quotes too costly to read" in result.stderr
    assert not (tmp_path / "quotes.pot").exists()


def test_a_long_quote_read_once_is_within_the_budget():
    page = ("> > A quoted line of a long letter, nested twice.\n" + LAZY) * 2000
    tokens = parse_blocks(quote_parser(), page.split("\n"))
    assert [t.type for t in tokens].count("blockquote_open") == 2


LINES = st.sampled_from(
    ["> a", ">> b", "> > c", ">", "> - d", "> 1. e", "- > f", "  > g", "lazy", "", "> # h", "===", "---",
     "> ```", "```", "> | x | y |", "> |---|---|", "<div>", "    > code", ">\t> i", "> > > > j"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=40), st.booleans())
def test_pages_within_the_budget_read_as_markdown_it_reads_them(lines, mdx):
    plain = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").disable("inline")
    if mdx:
        plain.disable("code")
    expected = plain.parse("\n".join(lines))
    got = parse_blocks(quote_parser(*(["code"] if mdx else [])), lines)
    assert [(t.type, t.map, t.content, t.level) for t in got] == [
        (t.type, t.map, t.content, t.level) for t in expected
    ]
