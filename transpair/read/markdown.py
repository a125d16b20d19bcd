"""Markdown to blocks with markdown-it-py: headings, paragraphs, list items, quotes, table cells, and the
text of HTML blocks (read by the HTML reader, so `<p>`, `<h3>`, `<td>` in a page are translated too).

Each Block is the exact slice Document.text[start:end] from the first to the last character of
its content, so markers (`#`, `- `, `> `, `|`), code, front matter and link definitions stay
outside every block and survive a rebuild byte for byte. A paragraph that continues over several
lines of a block quote keeps the `> ` of its later lines inside the slice (CommonMark's lazy
continuation makes a translation without them render the same).
"""

from __future__ import annotations

import regex
from markdown_it import MarkdownIt
from markdown_it.token import Token

from transpair.model import Block
from transpair.read.dialects import ReadOptions, markdown_view
from transpair.read.html import html_parts
from transpair.read.spans import code_block, line_starts, trimmed_block

MAX_NESTING = 300  # markdown-it stops reading (silently) deeper than this; Python's stack allows it
# block structure only: inline tokens keep their source content, which is all the reader needs
_MD = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").disable("inline")
_FRONT_MATTER = regex.compile(
    r"\A(?:---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)|\+\+\+[ \t]*\n(?:.*?\n)?\+\+\+)[ \t]*(?:\n|\Z)", regex.S
)
_MARKERS = regex.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]|$)|#{1,6}(?=[ \t]|$)))*[ \t]*")
_ROW_LEAD = regex.compile(r"[ \t>]*\|?")
_ROW_TRAIL = regex.compile(r"(?:(?<!\\)\|)?[ \t]*$")
_CELL_SEP = regex.compile(r"(?<!\\)\|")
_IMAGE = regex.compile(r"!\[[^\]]*\p{L}")  # an image with alt text
_CONTAINERS = {"blockquote_open": "quote", "list_item_open": "list"}
_CLOSERS = {"blockquote_close", "list_item_close"}


class UnreadableMarkdown(ValueError):
    """A construct the reader cannot read whole (nesting deeper than MAX_NESTING), at a 1-based line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def front_matter_end(text: str) -> int:
    """Length of a leading YAML (---) or TOML (+++) front matter block, 0 when there is none."""
    found = _FRONT_MATTER.match(text)
    return found.end() if found else 0


def _line_end(text: str, starts: list[int], line: int) -> int:
    """Offset of the newline (or end of text) that ends 0-based `line`."""
    return starts[line + 1] - 1 if line + 1 < len(starts) else len(text)


def _content_block(text: str, starts: list[int], token: Token, kind: str) -> Block | None:
    """Locate an inline token's content in the source line by line, after any container markers."""
    first = None
    for k, content in enumerate(token.content.split("\n")):
        line_start = starts[token.map[0] + k]
        line = text[line_start : _line_end(text, starts, token.map[0] + k)]
        found = line.find(content, _MARKERS.match(line).end())
        found = found if found >= 0 else line.find(content)
        if found < 0:
            return trimmed_block(
                text, starts, starts[token.map[0]], _line_end(text, starts, token.map[1] - 1), kind
            )
        pos = line_start + found + len(content)
        first = line_start + found if first is None else first
    return trimmed_block(text, starts, first, pos, kind)


def _row_cells(text: str, starts: list[int], line: int) -> list[Block]:
    """The non-empty cells of one table row, split at unescaped pipes, as 'table' blocks."""
    start = starts[line]
    row = text[start : _line_end(text, starts, line)]
    lead, trail = _ROW_LEAD.match(row).end(), _ROW_TRAIL.search(row).start()
    cells, pos = [], start + lead
    for sep in [*_CELL_SEP.finditer(row, lead, max(lead, trail)), None]:
        stop = start + sep.start() if sep else start + max(lead, trail)
        cells.append(trimmed_block(text, starts, pos, stop, "table"))
        pos = start + sep.end() if sep else pos
    return [c for c in cells if c]


def _html_block(text: str, starts: list[int], token: Token) -> tuple[list[Block], list[Block]]:
    """The text of an HTML block (a <p>, a table, a demo) read by the HTML reader, at its place in `text`
    and as written there (a Markdown block's text is its span), and its <pre> code blocks."""
    start, end = starts[token.map[0]], _line_end(text, starts, token.map[1] - 1)
    blocks, code = html_parts(text[start:end])
    return [
        Block(
            text[b.start + start : b.end + start],
            b.kind,
            b.line + token.map[0],
            b.start + start,
            b.end + start,
            html=True,
        )
        for b in blocks
    ], [code_block(text, starts, b.start + start, b.end + start) for b in code]


def _code(text: str, starts: list[int], token: Token) -> Block | None:
    """A fenced or indented code block's lines (without its fences), as written in `text`."""
    first, last = token.map[0], token.map[1] - 1
    if token.type == "fence":
        first += 1
        closing = text[starts[last] : _line_end(text, starts, last)].strip(" \t>")
        last -= (
            last > token.map[0] and closing.startswith(token.markup) and not closing.strip(token.markup[0])
        )
    if last < first:
        return None
    return code_block(text, starts, starts[first], _line_end(text, starts, last))


def _check_depth(tokens: list[Token]) -> None:
    """Refuse a parse that stopped at markdown-it's nesting limit (it would drop the rest silently)."""
    deepest = max(tokens, key=lambda t: t.level, default=None)
    if deepest is not None and deepest.level >= MAX_NESTING - 2:
        line = next((t.map[0] + 1 for t in reversed(tokens[: tokens.index(deepest) + 1]) if t.map), 1)
        raise UnreadableMarkdown(line, f"Markdown nested more than {MAX_NESTING - 2} levels deep")


def markdown_blocks(text: str, options: ReadOptions = ReadOptions()) -> tuple[Block, ...]:
    """Translatable blocks of a Markdown text (see markdown_parts)."""
    return markdown_parts(text, options)[0]


def markdown_parts(
    text: str, options: ReadOptions = ReadOptions()
) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    """Translatable blocks of a Markdown text, and its code blocks; front matter, link definitions and the
    wrapper lines of site dialects (md_dialects) are skipped; wrapper-line titles and text in HTML blocks
    are blocks."""
    starts = line_starts(text)
    view = markdown_view(text, starts, front_matter_end(text), options)
    tokens = _MD.parse("\n".join(view.lines))
    _check_depth(tokens)
    containers: list[str] = []
    blocks: list[Block | None] = [trimmed_block(text, starts, s, e, "heading") for s, e in view.titles]
    code: list[Block | None] = []
    for i, token in enumerate(tokens):
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
        elif token.type in _CLOSERS:
            containers.pop()
        elif token.type == "html_block":
            found, pre = _html_block(text, starts, token)
            blocks.extend(found)
            code.extend(pre)
        elif token.type in ("fence", "code_block"):
            code.append(_code(text, starts, token))
        elif token.type == "tr_open":
            blocks.extend(_row_cells(text, starts, token.map[0]))
        elif token.type == "inline" and tokens[i - 1].type in ("paragraph_open", "heading_open"):
            heading = tokens[i - 1].type == "heading_open"
            kind = "heading" if heading else (containers[-1] if containers else "paragraph")
            blocks.append(_content_block(text, starts, token, kind))
    code = [b for b in code if b]
    code += _image_lines(text, starts, view.lines, code)
    return tuple(sorted((b for b in blocks if b), key=lambda b: b.start)), tuple(
        sorted(code, key=lambda b: b.start)
    )


def _image_lines(text: str, starts: list[int], view: tuple[str, ...], code: list[Block]) -> list[Block]:
    """Lines holding only images (kept out of the prose) whose alt text a translation may change, outside
    code blocks, as blocks of kind "image"."""
    found = []
    for k, line in enumerate(view):
        start, end = starts[k], _line_end(text, starts, k)
        if (
            not line.strip()
            and _IMAGE.search(text, start, end)
            and not any(b.start <= start <= b.end for b in code)
        ):
            block = trimmed_block(text, starts, start, end, "image")
            found += [block] if block else []
    return found
