"""HTML to blocks in one pass of the standard library's HTMLParser: linear in the size of the page.

The article body is `<article>` (every one), else `<main>`, else the whole page, never a part of it
chosen by size. A block is a run of inline content (text, links, emphasis, code, images, single <br>)
between two block-level tags (p, h1-h6, li, blockquote, td, div, section, ul, table...), so text outside
any <p> is kept; two <br> in a row also end a run (old blogs separate paragraphs so). Scripts, styles,
<pre>, navigation, asides, forms and page headers/footers outside an article are skipped.
Block.text is the run's HTML as po4a writes msgids: inline tags and their attributes verbatim, entities
as written, whitespace collapsed; Block.start/end delimit the run in Document.text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser

import regex

from transpair.model import Block
from transpair.read.jsx import ATTRIBUTES, attribute_spans
from transpair.read.spans import UnreadableMarkdown, check_blocks, code_block, line_starts, trimmed_block

BLOCK_KINDS = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "li": "list",
    "dt": "list",
    "dd": "list",
    "blockquote": "quote",
    "td": "table",
    "th": "table",
    "caption": "table",
}
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "img", "ins", "kbd", "label", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "input",
}  # fmt: skip
SKIPPED = {
    "script", "style", "nav", "aside", "noscript", "pre", "svg", "math", "iframe", "button",
    "form", "select", "textarea", "head", "title", "object",
}  # fmt: skip
PAGE_CHROME = {"header", "footer"}  # skipped unless inside an <article> (a post's own title header)
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "embed", "area", "col", "param", "track"}
SELF_CLOSING = {"p", "li", "dt", "dd", "td", "th", "tr", "option"}  # a second one closes the first
# a start or end tag: attributes quoted, `{…}` JSX expressions or any character but a final `/` (self-closing)
TAG = regex.compile(r"(?<!\\)<(/?)([A-Za-z][\w:.-]*)(?:\s(?:[^<>\"'/]|/(?!>)|\"[^\"]*\"|'[^']*')*)?(/?)>")
_EDGE_BREAKS = regex.compile(r"^(?:\s*<br\s*/?>)+|(?:<br\s*/?>\s*)+$", regex.I)
_SPACE = regex.compile(r"\s+")


def inline(name: str) -> bool:
    """Tags that continue a run of text: phrasing elements and custom elements (names with a hyphen)."""
    return name in INLINE or "-" in name


def _unmatched(tags: list[regex.Match]) -> set[int]:
    """Indices of the tags that neither close nor are closed within the list (void and self-closing ones
    are matched by themselves)."""
    open_tags: list[tuple[str, int]] = []
    opened: Counter[str] = Counter()  # how many of each name open_tags holds: no walk of it per closing tag
    unmatched: set[int] = set()
    for i, tag in enumerate(tags):
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if self_closing or name in VOID:
            continue
        if not closing:
            open_tags.append((name, i))
            opened[name] += 1
        elif opened[name]:
            while (popped := open_tags.pop())[0] != name:
                opened[popped[0]] -= 1
                unmatched.add(popped[1])
            opened[name] -= 1
        else:
            unmatched.add(i)
    return unmatched | {i for _, i in open_tags}


def balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) without the tags at its edges that open or close outside it: the inline tags
    that open before a run's text and close after it are the run's, the others (an inline element holding a
    block, broken HTML) are left out, so a msgid's markup opens and closes within it."""
    tags = list(TAG.finditer(text, start, end))
    unmatched = _unmatched(tags)
    for i in range(len(tags)):  # from the start, past unmatched tags with only space before them
        if text[start : tags[i].start()].strip() or i not in unmatched:
            break
        start = tags[i].end()
    for i in range(len(tags) - 1, -1, -1):  # the same from the end
        if text[tags[i].end() : end].strip() or i not in unmatched:
            break
        end = tags[i].start()
    return start, end


class _Reader(HTMLParser):
    """Collects runs of inline content outside skipped elements, with the <article> or <main> they are in."""

    def __init__(self, text: str, attributes: tuple[str, ...] = ATTRIBUTES):
        super().__init__(convert_charrefs=False)
        self.names = attributes  # attributes whose values are translated (alt, title...)
        self.attributes: list[tuple[Block, frozenset[str]]] = []  # their values, outside runs: checked last
        self.text, self.starts = text, line_starts(text)
        self.open = {"article": 0, "main": 0}  # open <article> and <main> elements
        self.seen: set[str] = set()  # which of the two the page has (outside skipped elements)
        self.skipping: list[str] = []  # open skipped elements
        self.stack: list[tuple[str, str]] = []  # open block elements and the kind of text inside them
        self.on_stack: Counter[str] = Counter()  # how many of each tag the stack holds
        self.run: tuple[int, int] | None = None  # [start, end) of the current run
        self.pending: int | None = None  # start of the inline tags before the run's first text
        self.has_text = False
        self.last_br: int | None = None  # start of a <br> with nothing but space after it so far
        self.blocks: list[tuple[Block, frozenset[str]]] = []  # each with the roots it sits in
        self.pre: int | None = None  # where the content of the open <pre> starts
        self.code: list[tuple[Block, frozenset[str]]] = []  # <pre> contents, with their roots

    def here(self) -> int:
        """Offset in the text of the event being handled."""
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def extend(self, start: int, end: int, text: bool) -> None:
        """Add [start, end) to the current run (text starts one; tags and comments only extend it)."""
        if self.run is None and not text:
            self.pending = start if self.pending is None else self.pending
            return
        self.run = (self.run[0] if self.run else start if self.pending is None else self.pending, end)
        self.has_text = self.has_text or text

    def flush(self, end: int | None = None) -> None:
        """Close the current run (at `end` when given) and keep it as a block when it holds text."""
        if self.run is not None and self.has_text:
            start, stop = self.run[0], self.run[1] if end is None else end
            span = self.text[start:stop]
            edges = list(_EDGE_BREAKS.finditer(span))
            lead = next((m.end() for m in edges if m.start() == 0), 0)
            tail = next((m.start() for m in edges if m.end() == len(span) and m.start() >= lead), len(span))
            start, stop = balanced(self.text, start + lead, start + tail)
            block = trimmed_block(self.text, self.starts, start, stop, self.kind())
            if block:
                text = _SPACE.sub(" ", block.text)
                self.blocks.append(
                    (Block(text, block.kind, block.line, block.start, block.end, html=True), self.within())
                )
                self.counted()
        self.run, self.has_text, self.last_br, self.pending = None, False, None, None

    def counted(self) -> None:
        """Refuse the page, at the line read, once it holds more than MAX_BLOCKS blocks."""
        check_blocks(len(self.blocks) + len(self.attributes) + len(self.code), self.getpos()[0])

    def kind(self) -> str:
        """The kind of the text being read: from the nearest heading, list item, quote or cell."""
        return self.stack[-1][1] if self.stack else "paragraph"

    def active(self) -> bool:
        """Whether content here is read (not inside a skipped element)."""
        return not self.skipping

    def article(self, found: list[tuple[Block, frozenset[str]]]) -> tuple[Block, ...]:
        """The blocks (or code) of the article body: those in an <article>, else in <main>, else all."""
        root = next((name for name in ("article", "main") if name in self.seen), None)
        return tuple(block for block, within in found if root is None or root in within)

    def prose(self) -> tuple[Block, ...]:
        """The article's text blocks; an attribute value inside a run is translated there, in its tag, and
        is no block of its own."""
        runs = sorted((block.start, block.end) for block, _ in self.blocks)
        values = [
            (block, within)
            for block, within in self.attributes
            if not any(start <= block.start < end for start, end in runs)
        ]
        return self.article(sorted([*self.blocks, *values], key=lambda pair: pair[0].start))

    def within(self) -> frozenset[str]:
        """The roots (<article>, <main>) open here."""
        return frozenset(name for name, depth in self.open.items() if depth)

    def attribute_values(self, start: int, end: int) -> None:
        """Keep the translatable attribute values of the tag at [start, end) (alt, title...)."""
        within = self.within()
        for first, stop, name in attribute_spans(self.text, start, end, self.names):
            block = trimmed_block(self.text, self.starts, first, stop, "paragraph")
            self.attributes.append((replace(block, html=True, content=f"attribute:{name}"), within))
        self.counted()

    def handle_starttag(self, tag: str, attrs) -> None:
        """Open an element: skipped, inline (extends the run) or block (ends the run)."""
        start = self.here()
        end = start + len(self.get_starttag_text() or "")
        if self.skipping:
            self.skipping += [tag] if tag == self.skipping[0] and tag not in VOID else []
            return
        if any(name in self.names for name, _ in attrs):
            self.attribute_values(start, end)
        if inline(tag):
            self.inline_tag(tag, start, end)
            return
        self.flush()
        if tag in self.open:
            self.open[tag] += 1
            self.seen.add(tag)
        if tag in SKIPPED or (tag in PAGE_CHROME and not self.open["article"]):
            if tag not in VOID:
                self.skipping.append(tag)
            self.pre = end if tag == "pre" else None
            return
        if tag in VOID:
            return
        if self.stack and self.stack[-1][0] == tag and tag in SELF_CLOSING:
            self.pop()
        context = BLOCK_KINDS.get(tag) or self.kind()
        self.stack.append((tag, context))
        self.on_stack[tag] += 1

    def pop(self) -> str:
        """Close the innermost open block element; its tag."""
        tag = self.stack.pop()[0]
        self.on_stack[tag] -= 1
        return tag

    def handle_startendtag(self, tag: str, attrs) -> None:
        """A self-closing tag (<br/>, <img/>): opened and closed at once."""
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def inline_tag(self, tag: str, start: int, end: int) -> None:
        """An inline start tag; a second <br> in a row ends the run before the first."""
        if tag == "br" and self.last_br is not None:
            self.flush(self.last_br)
            return
        self.extend(start, end, False)
        self.last_br = start if tag == "br" else None

    def handle_endtag(self, tag: str) -> None:
        """Close an element: leave a skipped one, end the run at a block end tag."""
        start = self.here()
        end = self.text.find(">", start) + 1 or len(self.text)
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
            if not self.skipping and self.pre is not None:
                found = code_block(self.text, self.starts, self.pre, start)
                self.code += [(found, self.within())] if found else []
                self.counted()
                self.pre = None
            return
        if inline(tag):
            self.extend(start, end, False)
            self.last_br = None
            return
        self.flush()
        if self.on_stack[tag]:  # a page of unclosed elements: no scan of the stack per end tag
            while self.pop() != tag:
                pass
        if self.open.get(tag):
            self.open[tag] -= 1

    def handle_data(self, data: str) -> None:
        """Text: starts or extends the run (space only extends one)."""
        if self.active():
            start = self.here()
            self.extend(start, start + len(data), bool(data.strip()))
            self.last_br = self.last_br if not data.strip() else None

    def handle_entityref(self, name: str) -> None:
        """&name; is text."""
        self.reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        """&#nn; is text."""
        self.reference(f"&#{name}")

    def reference(self, written: str) -> None:
        """An entity or character reference, as written (with its ';' when there is one)."""
        if self.active():
            start = self.here()
            end = start + len(written) + (self.text.startswith(";", start + len(written)))
            self.extend(start, end, True)
            self.last_br = None

    def handle_comment(self, data: str) -> None:
        """A comment inside a run stays in its span; it never starts one. It ends at the first '>' after its
        data (`<!--data-->`, or a bogus `</data>`, `<!data>`): no search beyond it."""
        if self.active() and self.run is not None:
            start = self.here()
            opener = 4 if self.text.startswith("<!--", start) else 2
            self.extend(start, self.text.find(">", start + opener + len(data)) + 1 or len(self.text), False)


def html_blocks(text: str, attributes: tuple[str, ...] = ATTRIBUTES) -> tuple[Block, ...]:
    """Translatable blocks of an HTML page's article body, skipping scripts, navigation and page chrome;
    the values of the named attributes outside the text runs are blocks too."""
    return html_parts(text, attributes)[0]


UNCLOSABLE = "\ufffd"  # what the parser is shown for a '<' that nothing after it can close


# a '<![' the parser reads as a marked section: its keywords (_markupbase.parse_marked_section)
_MARKED_SECTION = regex.compile(r"<!\[(?!(?i:temp|cdata|ignore|include|rcdata|if|else|endif)(?![-_.\w]))")


def closable(text: str) -> str:
    """The text as the parser is fed it: a '<' with no '>' after it is shown as UNCLOSABLE, the same
    length, so every offset holds. The parser reads it as text either way (at the end of the page it
    gives the rest as data), but before gh-135462 it searches to the end of the page for each one (a page
    of them took minutes). So is the '<' of a '<![' that is no marked section (`<![i](s)`), on which
    Python 3.11's parser raises AssertionError."""
    text = _MARKED_SECTION.sub(lambda found: UNCLOSABLE + found.group()[1:], text)
    last = text.rfind(">") + 1
    return text if text.find("<", last) < 0 else text[:last] + text[last:].replace("<", UNCLOSABLE)


# characters html.parser may read looking for the ends of comments that never close: each unclosed '<!--'
# looks to the end of the page (a 1 MB page of them took 67 s); a real page holds at most one
COMMENT_LOOK_AHEAD = 1_000_000
COMMENT_LOOK_AHEAD_PER_CHAR = 10
_COMMENT_OPEN = regex.compile(r"<!--")
_COMMENT_CLOSE = regex.compile(r"--\s*>")  # where html.parser ends a comment


def check_comments(text: str) -> None:
    """Refuse, at its line, a page whose comments that never close would make the parser read on past
    COMMENT_LOOK_AHEAD + COMMENT_LOOK_AHEAD_PER_CHAR per character of the page."""
    last = max((found.start() for found in _COMMENT_CLOSE.finditer(text)), default=-1)
    budget = COMMENT_LOOK_AHEAD + COMMENT_LOOK_AHEAD_PER_CHAR * len(text)
    for found in _COMMENT_OPEN.finditer(text, max(last - 3, 0)):
        if found.start() + 4 > last:  # no comment end after it
            budget -= len(text) - found.start()
            if budget < 0:
                raise UnreadableMarkdown(
                    text.count("\n", 0, found.start()) + 1,
                    "HTML comments too costly to read ('<!--' never closed: each is read to the end)",
                )


def html_parts(
    text: str, attributes: tuple[str, ...] = ATTRIBUTES
) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    """The translatable blocks of an HTML page's article body (attribute values included) and its <pre>
    code blocks (kind "code")."""
    check_comments(text)
    reader = _Reader(text, attributes)
    reader.feed(closable(text))
    reader.close()
    reader.flush()
    return reader.prose(), reader.article(reader.code)
