"""HTML to blocks with BeautifulSoup: the article body's headings, paragraphs, list items, quotes, cells,
captions.

A block is a run of inline content (text, links, emphasis, single <br>) inside a block element
(p, h1-h6, li, blockquote, td, figcaption...) or directly inside a flow container (div, section,
article...), cut at nested block elements and at double <br> (old blogs separate paragraphs so).
Block.text is the run's text with entities decoded, tags dropped and whitespace collapsed.
Block.start/end delimit the run's HTML in Document.text, trimmed of surrounding whitespace: they run
from the end of the element's start tag (or of the block before it) to the start of the next block
or of the element's end tag; positions come from the parser's sourceline/sourcepos and a scan for
the matching end tag. So for HTML, Document.text[start:end] is markup whose text is Block.text.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from bs4 import BeautifulSoup, NavigableString, Tag

from .model import Block
from .spans import line_starts, trimmed_block

BLOCK_KINDS = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "p": "paragraph",
    "li": "list",
    "dt": "list",
    "dd": "list",
    "blockquote": "quote",
    "td": "table",
    "th": "table",
    "caption": "table",
    "figcaption": "paragraph",
}
FLOW = {
    "body",
    "article",
    "main",
    "section",
    "div",
    "figure",
    "header",
    "footer",
    "details",
    "address",
    "center",
}
STRUCTURE = {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "hr", "pre", "form", "fieldset"}
SKIPPED = {
    "script",
    "style",
    "nav",
    "aside",
    "noscript",
    "template",
    "pre",
    "svg",
    "iframe",
    "button",
    "form",
}
PAGE_CHROME = {"header", "footer"}  # skipped unless inside an <article> (a post's own title header)
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "embed", "area", "col", "param", "track"}
_TAG_END = regex.compile(r"""<[^\s>/]+(?:[^>"']|"[^"]*"|'[^']*')*>""")
_ANY_END_TAG = regex.compile(r"</[^>]*>")
_SPACE = regex.compile(r"\s+")
_TRAILING_END_TAGS = regex.compile(r"(?:\s*</[^>]+>)+\s*$")
_EDGE_BREAKS = regex.compile(r"(?:\s*<br\s*/?>)+\s*$", regex.I)


def _skipped(tag: Tag) -> bool:
    """True for scripts, navigation, asides, and page headers/footers outside an article."""
    if tag.name in SKIPPED:
        return True
    return tag.name in PAGE_CHROME and tag.find_parent("article") is None


def _text_size(tag: Tag) -> int:
    """Characters of paragraph text under a tag, to pick the main content among candidates."""
    return sum(len(p.get_text()) for p in tag.find_all("p"))


def content_root(soup: BeautifulSoup) -> Tag:
    """The post body: the largest <article>, else <main>, else role=main, else the richest div, else
    <body>."""
    for found in (soup.find_all("article"), soup.find_all("main"), soup.find_all(attrs={"role": "main"})):
        if found:
            return max(found, key=_text_size)
    divs = [d for d in soup.find_all("div") if any(isinstance(c, Tag) and c.name == "p" for c in d.children)]
    if divs:
        return max(divs, key=lambda d: sum(len(c.get_text()) for c in d.find_all("p", recursive=False)))
    return soup.body or soup


class _Source:
    """Offsets of elements in the HTML source, from the parser's line/column and end-tag scans."""

    def __init__(self, text: str):
        self.text = text
        self.starts = line_starts(text)

    def open_start(self, tag: Tag) -> int:
        """Offset of a tag's '<' (1-based sourceline, 0-based sourcepos); 0 for the document itself."""
        return 0 if isinstance(tag, BeautifulSoup) else self.starts[tag.sourceline - 1] + tag.sourcepos

    def open_end(self, tag: Tag) -> int:
        """Offset just after a tag's start tag."""
        if isinstance(tag, BeautifulSoup):
            return 0
        found = _TAG_END.match(self.text, self.open_start(tag))
        return found.end() if found else self.open_start(tag)

    def close_start(self, tag: Tag) -> int:
        """Offset of the end tag matching `tag`; with no end tag, the end of its content before what
        follows."""
        if isinstance(tag, BeautifulSoup):
            return len(self.text)
        start, limit = self.open_end(tag), self._limit(tag)
        depth = 1
        pattern = rf"<(/?){regex.escape(tag.name)}\b[^>]*>"
        for found in regex.finditer(pattern, self.text, regex.I, pos=start, endpos=limit):
            depth += -1 if found.group(1) else (0 if found.group(0).endswith("/>") else 1)
            if depth == 0:
                return found.start()
        closing = _TRAILING_END_TAGS.search(self.text, start, limit)
        return closing.start() if closing else limit

    def element_end(self, tag: Tag) -> int:
        """Offset just after a whole element (its end tag, or its start tag for void elements)."""
        if tag.name in VOID:
            return self.open_end(tag)
        close = self.close_start(tag)
        found = _TAG_END.match(self.text, close) or _ANY_END_TAG.match(self.text, close)
        return found.end() if found else close

    def _limit(self, tag: Tag) -> int:
        """Offset of the first element after `tag` and its descendants, or the end of the text."""
        for node in [tag, *tag.parents]:
            sibling = node.find_next_sibling()
            if sibling is not None and sibling.sourceline is not None:
                return self.open_start(sibling)
        return len(self.text)


def _breaks(node) -> bool:
    """True for children that end a run of inline content: block, structure and skipped elements."""
    return isinstance(node, Tag) and (
        node.name in BLOCK_KINDS or node.name in FLOW or node.name in STRUCTURE or _skipped(node)
    )


def _runs(tag: Tag) -> Iterator[tuple[list, Tag | None, Tag | None]]:
    """Runs of inline children with the break elements before and after each (None at the edges).

    Two <br> in a row (whitespace between allowed) also break a run, between the first and the second.
    """
    run: list = []
    before = None
    children = list(tag.children)
    for i, child in enumerate(children):
        if _breaks(child):
            yield run, before, child
            run, before = [], child
        elif isinstance(child, Tag) and child.name == "br" and _previous_br(children, i):
            while run and not (isinstance(run[-1], Tag) and run[-1].name == "br"):
                run.pop()  # whitespace between the two <br>
            first = run.pop() if run else child
            yield run, before, first
            run, before = [], child
        else:
            run.append(child)
    yield run, before, None


def _previous_br(children: list, i: int) -> bool:
    """True when the child before index i, skipping whitespace, is a <br>."""
    for node in reversed(children[:i]):
        if isinstance(node, NavigableString) and not node.strip():
            continue
        return isinstance(node, Tag) and node.name == "br"
    return False


def _text_of(nodes: list) -> str:
    """Text content of nodes, <br> as a space, comments and nested blocks dropped, whitespace collapsed."""
    parts = []
    for node in nodes:
        if isinstance(node, Tag) and not _breaks(node):
            parts.append(" " if node.name == "br" else _text_of(list(node.children)))
        elif type(node) is NavigableString:
            parts.append(str(node))
    return _SPACE.sub(" ", "".join(parts)).strip()


def _kind(tag: Tag) -> str:
    """Block kind of an element; paragraphs and bare text take the kind of the list or quote they sit in."""
    kind = BLOCK_KINDS.get(tag.name, "paragraph")
    if kind != "paragraph":
        return kind
    container = tag.find_parent(["li", "dd", "dt", "blockquote"])
    return BLOCK_KINDS[container.name] if container else kind


def _element_blocks(source: _Source, tag: Tag) -> Iterator[Block]:
    """Blocks for the runs of inline content directly inside one block or flow element."""
    if tag.sourceline is None and not isinstance(tag, BeautifulSoup):
        return
    kind = _kind(tag)
    for run, before, after in _runs(tag):
        words = _text_of(run)
        if not words:
            continue
        start = source.element_end(before) if before is not None else source.open_end(tag)
        end = source.open_start(after) if after is not None else source.close_start(tag)
        nested = next((d for n in run if isinstance(n, Tag) for d in n.find_all(True) if _breaks(d)), None)
        end = min(end, source.open_start(nested)) if nested is not None and nested.sourceline else end
        edge = _EDGE_BREAKS.search(source.text, start, end)
        span = trimmed_block(source.text, source.starts, start, edge.start() if edge else end, kind)
        if span:
            yield Block(words, kind, span.line, span.start, span.end)


def html_blocks(text: str) -> tuple[Block, ...]:
    """Translatable blocks of an HTML page's main content, skipping scripts, navigation and page chrome."""
    soup = BeautifulSoup(text, "html.parser")
    source = _Source(text)
    root = content_root(soup)
    blocks = []
    for tag in [root, *root.find_all([*BLOCK_KINDS, *FLOW])]:
        if not any(_skipped(t) for t in [tag, *tag.parents]):
            blocks.extend(_element_blocks(source, tag))
    return _disjoint(source, sorted(blocks, key=lambda b: b.start))


def _disjoint(source: _Source, blocks: list[Block]) -> tuple[Block, ...]:
    """Clip each span at the next block's start, so malformed HTML (unclosed tags) never gives overlaps."""
    out = []
    for block, following in zip(blocks, [*blocks[1:], None]):
        end = min(block.end, following.start) if following else block.end
        span = trimmed_block(source.text, source.starts, block.start, end, block.kind)
        if span:
            out.append(Block(block.text, block.kind, span.line, span.start, span.end))
    return tuple(out)
