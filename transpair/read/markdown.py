"""Markdown to blocks with markdown-it-py: headings, paragraphs, list items, quotes, table cells, and the
text of HTML blocks (read by the HTML reader, so `<p>`, `<h3>`, `<td>` in a page are translated too).

Each Block is the exact slice Document.text[start:end] from the first to the last character of
its content, so markers (`#`, `- `, `> `, `|`), code, front matter and link definitions stay
outside every block and survive a rebuild byte for byte. A paragraph that continues over several
lines of a block quote keeps the `> ` of its later lines inside the slice (CommonMark's lazy
continuation makes a translation without them render the same).
"""

from __future__ import annotations

from dataclasses import replace

import regex
from markdown_it.token import Token

from transpair.model import Block
from transpair.read.dialects import ReadOptions, markdown_view
from transpair.read.frontmatter import front_matter_end, value_spans
from transpair.read.html import html_parts
from transpair.read.jsx import attribute_spans
from transpair.read.quotes import MAX_NESTING, parse_blocks, quote_parser
from transpair.read.spans import UnreadableMarkdown, check_blocks, code_block, line_starts, trimmed_block

_MD = quote_parser()
_MDX = quote_parser("code")
_MARKERS = regex.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]|$)|#{1,6}(?=[ \t]|$)))*[ \t]*")
_ROW_LEAD = regex.compile(r"[ \t>]*\|?")
_ROW_TRAIL = regex.compile(r"(?:(?<!\\)\|)?[ \t]*$")
_CELL_SEP = regex.compile(r"(?<!\\)\|")
# a text made only of tags and comments: an anchor kept for old links (`<a id="old-name"></a>`), a component
# in a table cell (`<ColorDefaults/>`); possessive, so a hostile run of `<` is read once
_MARKUP_ONLY = regex.compile(
    r"""(?:\s*+(?:<!--(?s:.)*?-->|</?[A-Za-z][\w:.-]*+(?:\s(?:[^<>"']|"[^"]*+"|'[^']*+')*+)?+/?>))++\s*+$"""
)
_FENCE_LINE = regex.compile(r"[ \t]*(`{3,}|~{3,})")
_CONTAINERS = {"blockquote_open": "quote", "list_item_open": "list"}
_CLOSERS = {"blockquote_close", "list_item_close"}


__all__ = ["UnreadableMarkdown", "front_matter_end", "markdown_blocks"]


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


def _html_block(
    text: str, starts: list[int], token: Token, options: ReadOptions
) -> tuple[list[Block], list[Block]]:
    """The text of an HTML block (a <p>, a table, a demo) read by the HTML reader, at its place in `text`
    and as written there (a Markdown block's text is its span), and its <pre> code blocks; fenced code an
    author put in it without a blank line stays code."""
    start, end = starts[token.map[0]], _line_end(text, starts, token.map[1] - 1)
    try:
        blocks, code = html_parts(_without_fences(text[start:end]), options.attributes)
    except UnreadableMarkdown as exc:  # its line in the page, not in the block
        raise UnreadableMarkdown(exc.line + token.map[0], str(exc)) from None
    return [
        replace(
            b,
            text=text[b.start + start : b.end + start],
            line=b.line + token.map[0],
            start=b.start + start,
            end=b.end + start,
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


def _without_fences(html: str) -> str:
    """The HTML with the lines of fenced code in it blanked (offsets kept)."""
    if "```" not in html and "~~~" not in html:
        return html
    lines, fence = html.split("\n"), None
    for k, line in enumerate(lines):
        found = _FENCE_LINE.match(line)
        if found or fence:
            fence = None if fence and found and found.group(1)[0] == fence[0] else fence or found.group(1)
            lines[k] = " " * len(line)
    return "\n".join(lines)


def attribute_block(
    text: str, starts: list[int], start: int, end: int, name: str, within: str = "attribute"
) -> Block:
    """The value of a translatable attribute (alt, title, label...) or front matter key as a block of
    its own, its content naming which (`attribute:alt`, `front-matter:title`)."""
    return replace(trimmed_block(text, starts, start, end, "paragraph"), content=f"{within}:{name}")


def _text_or_attributes(
    text: str, starts: list[int], block: Block | None, names: tuple[str, ...]
) -> list[Block]:
    """A paragraph, heading or cell as a block, or, when it is made only of tags and comments (nothing to
    translate but their attributes), the values of its translatable attributes (names) as blocks."""
    if block is None or not _MARKUP_ONLY.match(block.text):
        return [block] if block else []
    return [
        attribute_block(text, starts, s, e, name)
        for s, e, name in attribute_spans(text, block.start, block.end, names)
    ]


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
    tokens = parse_blocks(_MDX if options.mdx else _MD, view.lines)
    _check_depth(tokens)
    containers: list[str] = []
    blocks: list[Block | None] = [trimmed_block(text, starts, s, e, "heading") for s, e in view.titles]
    blocks += [attribute_block(text, starts, start, end, name) for start, end, name in view.attributes]
    blocks += [
        attribute_block(text, starts, start, end, key, "front-matter")
        for start, end, key in value_spans(text, options.front_matter)
    ]
    code: list[Block | None] = []
    for i, token in enumerate(tokens):
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
        elif token.type in _CLOSERS:
            containers.pop()
        elif token.type == "html_block":
            found, pre = _html_block(text, starts, token, options)
            blocks.extend(found)
            code.extend(pre)
        elif token.type in ("fence", "code_block"):
            code.append(_code(text, starts, token))
        elif token.type == "tr_open":
            for cell in _row_cells(text, starts, token.map[0]):
                blocks += _text_or_attributes(text, starts, cell, options.attributes)
        elif token.type == "inline" and tokens[i - 1].type in ("paragraph_open", "heading_open"):
            heading = tokens[i - 1].type == "heading_open"
            kind = "heading" if heading else (containers[-1] if containers else "paragraph")
            blocks += _text_or_attributes(
                text, starts, _content_block(text, starts, token, kind), options.attributes
            )
        if token.map:
            check_blocks(len(blocks) + len(code), token.map[0] + 1)
    code = [b for b in code if b]
    return tuple(sorted((b for b in blocks if b), key=lambda b: b.start)), tuple(
        sorted(code, key=lambda b: b.start)
    )
