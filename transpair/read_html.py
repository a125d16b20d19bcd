"""HTML to blocks with BeautifulSoup: the article body's headings, paragraphs, list items, quotes, cells, captions.

Block.text is the element's own text content with whitespace collapsed (entities decoded, tags
dropped). Block.start/end delimit the element's inner HTML in Document.text, trimmed of surrounding
whitespace: from the end of its start tag (found from the parser's sourceline/sourcepos) to its
matching end tag, or to the first nested block element (a list item that holds a sub-list keeps
only its own lead text). So for HTML, Document.text[start:end] is markup whose text is Block.text.
"""

from __future__ import annotations

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
CONTAINERS = {"ul", "ol", "dl", "table", "div", "section", "figure", "pre", "form", "hr", "article", "main"}
SKIPPED = {"script", "style", "nav", "aside", "noscript", "template", "pre", "svg", "iframe", "button", "form"}
PAGE_CHROME = {"header", "footer"}  # skipped unless inside an <article> (a post's own title header)
_TAG_END = regex.compile(r"""<[^\s>/]+(?:[^>"']|"[^"]*"|'[^']*')*>""")
_SPACE = regex.compile(r"\s+")
_TRAILING_END_TAGS = regex.compile(r"(?:\s*</[^>]+>)+\s*$")


def _skipped(tag: Tag) -> bool:
    """True for scripts, navigation, asides, and page headers/footers outside an article."""
    if tag.name in SKIPPED:
        return True
    return tag.name in PAGE_CHROME and tag.find_parent("article") is None


def _text_size(tag: Tag) -> int:
    """Characters of paragraph text under a tag, to pick the main content among candidates."""
    return sum(len(p.get_text()) for p in tag.find_all("p"))


def content_root(soup: BeautifulSoup) -> Tag:
    """The post body: the largest <article>, else <main>, else role=main, else the richest div, else <body>."""
    for found in (soup.find_all("article"), soup.find_all("main"), soup.find_all(attrs={"role": "main"})):
        if found:
            return max(found, key=_text_size)
    divs = [d for d in soup.find_all("div") if any(isinstance(c, Tag) and c.name == "p" for c in d.children)]
    if divs:
        return max(divs, key=lambda d: sum(len(c.get_text()) for c in d.find_all("p", recursive=False)))
    return soup.body or soup


def _offset(starts: list[int], tag: Tag) -> int:
    """Offset of a tag's '<' in the source from the parser's 1-based line and 0-based column."""
    return starts[tag.sourceline - 1] + tag.sourcepos


def _own_children(tag: Tag) -> tuple[list, Tag | None]:
    """The children before the first nested block or container element, and that element."""
    own = []
    for child in tag.children:
        if isinstance(child, Tag) and (child.name in BLOCK_KINDS or child.name in CONTAINERS or _skipped(child)):
            return own, child
        own.append(child)
    return own, None


def _text_of(nodes: list) -> str:
    """Text content of nodes, <br> as a space, whitespace collapsed."""
    parts = []
    for node in nodes:
        if isinstance(node, Tag):
            parts.append(" " if node.name == "br" else _text_of(list(node.children)))
        elif isinstance(node, NavigableString) and type(node) is NavigableString:
            parts.append(str(node))
    return _SPACE.sub(" ", "".join(parts)).strip()


def _inner_end(text: str, name: str, start: int, limit: int) -> int:
    """Offset of the end tag matching an open <name> at `start`; else `limit` less the end tags of its parents."""
    depth = 1
    for tag in regex.finditer(rf"<(/?){regex.escape(name)}\b[^>]*>", text, regex.I, pos=start, endpos=limit):
        depth += -1 if tag.group(1) else (0 if tag.group(0).endswith("/>") else 1)
        if depth == 0:
            return tag.start()
    closing = _TRAILING_END_TAGS.search(text, start, limit)
    return closing.start() if closing else limit


def _next_outside(tag: Tag) -> Tag | None:
    """The first element after `tag` and all its descendants in document order."""
    for node in [tag, *tag.parents]:
        sibling = node.find_next_sibling()
        if sibling is not None:
            return sibling
    return None


def _block(text: str, starts: list[int], tag: Tag, kind: str) -> Block | None:
    """The Block for an element's own text, spanning its inner HTML in the source."""
    own, stop = _own_children(tag)
    words = _text_of(own)
    if not words or tag.sourceline is None:
        return None
    open_tag = _TAG_END.match(text, _offset(starts, tag))
    inner = open_tag.end() if open_tag else _offset(starts, tag)
    following = stop if stop is not None else _next_outside(tag)
    limit = _offset(starts, following) if following is not None and following.sourceline else len(text)
    end = limit if stop is not None else _inner_end(text, tag.name, inner, limit)
    span = trimmed_block(text, starts, inner, end, kind)
    return Block(words, kind, span.line, span.start, span.end) if span else None


def _kind(tag: Tag) -> str:
    """Block kind of an element; paragraphs take the kind of the list or quote they sit in."""
    kind = BLOCK_KINDS[tag.name]
    if kind != "paragraph":
        return kind
    container = tag.find_parent(["li", "dd", "dt", "blockquote"])
    return BLOCK_KINDS[container.name] if container else kind


def html_blocks(text: str) -> tuple[Block, ...]:
    """Translatable blocks of an HTML page's main content, skipping scripts, navigation and page chrome."""
    soup = BeautifulSoup(text, "html.parser")
    starts = line_starts(text)
    blocks = []
    for tag in content_root(soup).find_all(list(BLOCK_KINDS)):
        if any(_skipped(t) for t in [tag, *tag.parents]):
            continue
        block = _block(text, starts, tag, _kind(tag))
        if block:
            blocks.append(block)
    return tuple(blocks)
