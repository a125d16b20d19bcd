"""markdown-it with its block-quote rule held to a work budget, so a page of quotes reads in bounded time.

markdown-it's block-quote rule looks at every line up to the quote's end, at each nesting level, and that end
runs on over lazy continuation lines (no `>`) that the quote may then leave to its parent, which starts a new
quote at the next `>` line and looks at them all again: `>>` + `a` repeated is quadratic (8 KB: 10 s), and
290 `>` over 4,000 lazy lines take 9 s. So before a quote is read it is charged its nesting depth (the `>`
that open on its line) times its lines up to the next blank line, where its look stops at the latest; the
quotes of a page may charge QUOTE_LINES plus one line per CHARS_PER_QUOTE_LINE characters of it (real sites
charge at most 129 lines a page: bench/bench_read.py).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import regex
from markdown_it import MarkdownIt
from markdown_it.rules_block import blockquote
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from transpair.read.spans import MAX_BLOCKS, UnreadableMarkdown

MAX_NESTING = 300  # markdown-it stops reading (silently) deeper than this; Python's stack allows it
QUOTE_LINES = 100_000
CHARS_PER_QUOTE_LINE = 2
# tokens a page may make (about 400 bytes each, alive until the page is read): a paragraph makes 3, a list
# item or table cell up to 6 (real pages: at most ~4 a block), so a page refused for them would hold more
# than MAX_BLOCKS blocks anyway
MAX_TOKENS = 8 * MAX_BLOCKS
_CHAIN = regex.compile(r"(?:[ \t]*+>)++")
_LEFT, _BLANK, _PAID = "transpair_quote_lines_left", "transpair_next_blank", "transpair_quotes_paid"

__all__ = ["MAX_NESTING", "parse_blocks", "quote_parser"]


def _next_blank(lines: Sequence[str]) -> array:
    """For each line, the index of the first blank line at or after it (len(lines) when none)."""
    ahead, following = array("q", bytes(8 * len(lines))), len(lines)
    for i in range(len(lines) - 1, -1, -1):
        following = i if not lines[i].strip(" \t") else following
        ahead[i] = following
    return ahead


def _charged_blockquote(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's block-quote rule; a quote (and those nested on its first line) charged before reading."""
    pos, env = state.bMarks[start] + state.tShift[start], state.env
    if silent or not state.src.startswith(">", pos):
        return blockquote(state, start, end, silent)
    line, paid = env[_PAID]
    if line == start and paid:
        env[_PAID] = (start, paid - 1)
    else:
        depth = min(state.src.count(">", pos, _CHAIN.match(state.src, pos).end()), MAX_NESTING)
        env[_LEFT] -= depth * (min(end, env[_BLANK][start]) - start)
        env[_PAID] = (start, depth - 1)
        if env[_LEFT] < 0:
            raise UnreadableMarkdown(
                start + 1,
                "block quotes too costly to read (nesting depth x lines up to a blank line, lazy lines "
                f"without `>` included, over {QUOTE_LINES:,} + 1 per {CHARS_PER_QUOTE_LINE} characters)",
            )
    return blockquote(state, start, end, silent)


class _Tokens(list):
    """The token list of a page, refusing it (UnreadableMarkdown) as soon as it would pass MAX_TOKENS, before
    their memory grows with the page (markdown-it appends every token here)."""

    def append(self, token: Token) -> None:
        if len(self) >= MAX_TOKENS:
            line = next((t.map[0] + 1 for t in reversed(self[-64:]) if t.map), 1)
            raise UnreadableMarkdown(line, f"more than {MAX_TOKENS:,} Markdown tokens in one page: split it")
        super().append(token)


def quote_parser(*disabled: str) -> MarkdownIt:
    """CommonMark with tables, block structure only (inline tokens keep their source content, which is all
    the reader needs), its block-quote rule charged."""
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").disable(["inline", *disabled])
    md.block.ruler.at(
        "blockquote", _charged_blockquote, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    return md


def parse_blocks(md: MarkdownIt, lines: Sequence[str]) -> list[Token]:
    """The block tokens of the page `lines`, its quotes held to its budget (UnreadableMarkdown past it)."""
    source = "\n".join(lines)
    budget = {
        _LEFT: QUOTE_LINES + len(source) // CHARS_PER_QUOTE_LINE,
        _BLANK: _next_blank(lines),
        _PAID: (-1, 0),
    }
    state = StateCore(source, md, budget)
    state.tokens = _Tokens()  # (not passed in: StateCore takes an empty list for none)
    md.core.process(state)
    return state.tokens
