"""Site-generator Markdown dialects turned into CommonMark for parsing, line for line.

`markdown_view` gives the article's lines with every wrapper line emptied (VitePress/Docusaurus
`::: tip Title`, MkDocs `!!! note "Title"`, PyMdown `/// note | Title`, GitHub `> [!NOTE]`, Hugo
`{{< note >}}`, MDX `<Note>`, the fences of prose callouts such as ```` ```smart header="…" ````), the
indented bodies of MkDocs admonitions dedented, and lines holding no text (images only, `[macro]` lines,
MDX imports, the site's `skip_lines`) emptied. The view keeps the article's line count, so markdown-it's
line maps point at the article's own lines, and a block's text is found there. Titles written on
wrapper lines are returned as spans of the article: blocks of their own.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from transpair.read import jsx
from transpair.read.fences import FENCE as _FENCE
from transpair.read.fences import is_language, is_prose
from transpair.read.frontmatter import FRONT_MATTER_KEYS
from transpair.read.placeholder_patterns import compile_markers, marker_in
from transpair.read.spans import UnreadableMarkdown
from transpair.read.user_regex import PatternTimeout, compile_user

# components whose children are code or paths, not prose: Starlight's FileTree and Code, Docusaurus'
# CodeBlock, Nextra's FileTree and Sandpack, VitePress/VuePress and Mintlify CodeGroup
CODE_COMPONENTS = ("FileTree", "Code", "CodeBlock", "CodeGroup", "Sandpack")
INDENT = 4  # MkDocs admonition and tab bodies are indented by four columns

# lines a page's searches ahead may look at, for the close of a possible prose callout or of an MDX `{…}`
# expression: nested callouts look again at the lines of those inside them, and text lines starting with ```
# (```a`, not fences to CommonMark) or lines opening a `{` that never closes look to the end of the page each
# (real sites look at most at 2,557 lines a page, 0.97 a line)
LOOK_AHEAD_LINES = 100_000
LOOK_AHEAD_PER_LINE = 2
_INFO_WORD = regex.compile(r"[\w+#.-]*(?![\w+#.=-])")  # a first word, not an attribute (hl_lines="4")
_HEADER = regex.compile(r"""\b(?:header|title)=(?:"(?P<title>[^"]*)"|'(?P<title>[^']*)')""")
_COLONS = regex.compile(
    r"[ \t]*:{3,}[ \t]*(?:[\w-]+(?:\.[\w-]+)+[ \t]*$"  # a mkdocstrings directive (dotted name)
    r"|(?P<name>[\w-]*)(?:\[(?P<title>[^\]]*)\]|[ \t]*(?P<title>[^{]*?))\s*(?:\{.*)?$)"
)
_SLASHES = regex.compile(r"[ \t]*/{3,}[ \t]*(?P<name>[\w-]*)[ \t]*(?:\|[ \t]*(?P<title>.*?))?[ \t]*$")
_OPTION = regex.compile(r"[ \t]+[\w-]+:(?:[ \t].*)?$")
_INDENTED_OPENER = regex.compile(
    r"[ \t]*(?:(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+\"(?P<title>[^\"]*)\")?"
    r"|===\+?[ \t]+\"(?P<title>[^\"]*)\")[ \t]*$"
)
_ALERT = regex.compile(r"(?P<prefix>[ \t]*(?:>[ \t]?)++)\[![\w-]+\][+-]?[ \t]*(?P<title>.*?)[ \t]*$")
_SHORTCODE_LINE = regex.compile(r"[ \t]*(?:\{\{[<%][ \t]*/?[\w./-]+(?:[^}]|\}(?!\}))*?[>%]\}\}[ \t]*)+$")
# a template tag on a line of its own: Liquid/Jinja `{% include "x.md" %}` (Jekyll, Eleventy, MkDocs macros),
# FastAPI's `{* ../docs_src/x.py hl[3] *}` code include
_TEMPLATE_LINE = regex.compile(
    r"[ \t]*\{(?P<mark>[%*])-?[ \t]*[\w./\-]+(?:[^}]|\}(?<!(?P=mark)\}))*?-?(?P=mark)\}[ \t]*$"
)
_COMPONENT_LINE = regex.compile(r"[ \t]*(?:</?[A-Z][\w.]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>[ \t]*)+$")
_COMPONENT_OPEN = regex.compile(r"[ \t]*<[A-Z][\w.]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?$")
_TAG_END = regex.compile(r".*>[ \t]*$")
_ESM = regex.compile(r"(?:import|export)[ \t].*(?:\bfrom[ \t]+|^import[ \t]+)['\"][^'\"]*['\"];?[ \t]*$")
_JSX_COMMENT = regex.compile(r"[ \t]*\{/\*.*\*/\}[ \t]*$")
_IMAGES_ONLY = regex.compile(
    r"[ \t]*(?:(?:\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)"  # a linked image
    r"|!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])(?:\{[^}]*\})?)[ \t]*)+$"
)
_MACRO = regex.compile(
    r"""[ \t]*\[[a-z][\w-]*(?:[ \t]+[\w-]+(?:=(?:"[^"]*"|'[^']*'|[^\s\]"']+))?)*\][ \t]*$"""
)
_QUOTE_BLANK = regex.compile(r"[ \t>]*$")
_STANDALONE = (
    _IMAGES_ONLY,
    _MACRO,
    _SHORTCODE_LINE,
    _TEMPLATE_LINE,
    _COMPONENT_LINE,
    _FENCE,
    _COLONS,
    _SLASHES,
)
_LINK_LABEL = regex.compile(r"^[ \t>]{0,3}\[([^\]]+)\]:", regex.M)
_PREFIX = regex.compile(r"[ \t>]*")


@dataclass(frozen=True)
class ReadOptions:
    """Site-specific reading: fence info words holding prose, and regexes of lines with no text."""

    prose_fences: tuple[str, ...] = ()
    skip_lines: tuple[str, ...] = ()
    code_components: tuple[str, ...] = CODE_COMPONENTS  # components whose children hold no prose
    attributes: tuple[str, ...] = jsx.ATTRIBUTES  # attributes whose text is translated
    mdx: bool = False  # MDX: component children are Markdown at any indentation, no indented code
    front_matter: tuple[str, ...] = FRONT_MATTER_KEYS  # front matter keys whose values are translated


@dataclass(frozen=True)
class View:
    """The article's lines as CommonMark, and the (start, end) spans of titles on wrapper lines."""

    lines: tuple[str, ...]
    titles: tuple[tuple[int, int], ...]
    attributes: tuple[tuple[int, int, str], ...] = ()  # (start, end, name) of attribute values to translate


def _dedent(line: str, columns: int) -> tuple[str, int]:
    """The line without up to `columns` columns of leading indentation, and the characters removed."""
    taken = width = 0
    while taken < len(line) and width < columns and line[taken] in " \t":
        width += INDENT - width % INDENT if line[taken] == "\t" else 1
        taken += 1
    return line[taken:], taken


def _indent(line: str) -> int:
    """Columns of leading indentation (tabs to the next multiple of four)."""
    width = 0
    for char in line:
        if char not in " \t":
            break
        width += INDENT - width % INDENT if char == "\t" else 1
    return width


def _masked(line: str) -> str:
    """A wrapper line emptied, keeping its block-quote markers so a quote around it goes on."""
    return _PREFIX.match(line).group().rstrip()


def _fence_close(lines: list[str], first: int, fence: str, nested: bool) -> int:
    """Index of the line closing a fence opened just before `first` (len(lines) if none).

    With `nested`, fences opened inside (with an info string) are skipped, as prose callouts hold code.
    """
    inner = None
    for j in range(first, len(lines)):
        found = _FENCE.match(lines[j])
        if not found:
            continue
        mark, info = found.group("fence"), found.group("info")
        if inner:
            inner = None if mark[0] == inner[0] and len(mark) >= len(inner) and not info else inner
        elif mark[0] == fence[0] and len(mark) >= len(fence) and not info:
            return j
        elif nested and info:
            inner = mark
    return len(lines)


def _quote_blank(line: str) -> bool:
    """A line with nothing but spaces and block-quote markers (a blank line inside a quote)."""
    return bool(_QUOTE_BLANK.match(line))


def _blank(line: str) -> bool:
    """A line with nothing but spaces."""
    return not line.strip()


def _next_index(lines: list[str], test) -> list[int]:
    """For each index (and one past the end), the first index at or after it whose line passes `test`
    (len(lines) when none does), in one backward pass."""
    found = [len(lines)] * (len(lines) + 1)
    for j in range(len(lines) - 1, -1, -1):
        found[j] = j if test(lines[j]) else found[j + 1]
    return found


class _Scanner:
    """One pass over the lines: the view, titles, fences and the stack of indented bodies."""

    def __init__(self, text: str, starts: list[int], first: int, options: ReadOptions):
        self.lines = text.split("\n")
        self.view = [""] * first + self.lines[first:]
        self.starts = starts
        self.options = options
        self.skips = [compile_user(p, what="[read] skip_lines pattern") for p in options.skip_lines]
        self.labels = {" ".join(m.group(1).lower().split()) for m in _LINK_LABEL.finditer(text)}
        self.titles: list[tuple[int, int]] = []
        self.bodies: list[int] = []  # body indentation of each open MkDocs admonition
        self.code_until = -1  # index of the line closing the code fence we are in
        self.lines_left = LOOK_AHEAD_LINES + LOOK_AHEAD_PER_LINE * len(self.lines)
        self.handled: set[int] = set()  # lines already emptied ahead of the scan (closing fences, options)
        self.tag_ends: list[int] | None = None  # computed when a component tag spans lines
        self.blanks: list[int] = []
        self.text = text
        self.attributes: list[tuple[int, int, str]] = []
        self.elements: list[list] = []  # open MDX elements: [name, column of the tag, shift of the children]

    def title(self, i: int, removed: int, found: regex.Match | None) -> None:
        """Record the title group of a wrapper line's match as a span of the article."""
        if found is not None and found.group("title") and found.group("title").strip():
            start = self.starts[i] + removed + found.start("title")
            self.titles.append((start, start + len(found.group("title").rstrip())))

    def mask(self, i: int, line: str) -> None:
        """Empty line i of the view (the scan leaves it alone from then on)."""
        self.view[i] = _masked(line)
        self.handled.add(i)

    def fence(self, i: int, line: str, removed: int, found: regex.Match) -> None:
        """A fence opening at line i: a prose callout (fence lines emptied) or code (kept whole)."""
        info = found.group("info")
        first = _INFO_WORD.match(info)
        word = first.group() if first else ""
        named = word in self.options.prose_fences
        # its close is looked for only when its word may make it a callout: a line of text starting with
        # ``` (CommonMark reads ```<b>`x` as text) would look to the end of the page each time
        close = len(self.lines)
        if named or (bool(word) and not is_language(word)):
            close = _fence_close(self.view, i + 1, found.group("fence"), True)
            self.looked_ahead(i, close, "fences", "the closes of lines starting with ```")
        # unclosed, it is code to the end, as CommonMark reads it
        if close < len(self.lines) and (named or is_prose(self.view[i + 1 : close])):
            self.mask(i, line)
            self.mask(close, self.view[close])
            self.title(i, removed + found.start("info"), _HEADER.search(info))
        elif "`" not in info or found.group("fence")[0] == "~":
            self.code_until = _fence_close(self.view, i + 1, found.group("fence"), False)

    def wrapper(self, i: int, line: str, removed: int) -> bool:
        """Empty a wrapper or no-text line (recording its title); False when line i is text."""
        start = self.starts[i] + removed
        if self.options.mdx and line.lstrip()[:1] in ("<", "{") and self.mdx_line(i, line, start):
            return True
        opener = _INDENTED_OPENER.match(line)
        if opener:
            self.bodies.append(_indent(self.lines[i]) + INDENT)
            self.title(i, removed, opener)
        elif found := _COLONS.match(line) or _SLASHES.match(line):
            self.title(i, removed, found)
            options = i + 1
            while (
                line.lstrip().startswith("/")
                and options < len(self.view)
                and _OPTION.match(self.view[options])
            ):
                self.mask(options, "")
                options += 1
        elif alert := _ALERT.match(line):
            self.view[i] = alert.group("prefix").rstrip()
            self.title(i, removed, alert)
            return True
        elif _COMPONENT_OPEN.match(line) and not _TAG_END.match(line):
            end = self.tag_end(i)
            if end is None or self.indented_after(end):
                return False
            for j in range(i + 1, end + 1):
                self.mask(j, "")
        elif _COMPONENT_LINE.match(line) and not self.indented_after(i):
            self.attributes += jsx.attribute_spans(
                self.text, start, start + len(line), self.options.attributes
            )
        elif _IMAGES_ONLY.match(line) and self.alone(i):
            self.attributes += jsx.image_spans(line, start, self.options.attributes)
        elif not (
            _SHORTCODE_LINE.match(line)
            or _TEMPLATE_LINE.match(line)
            or _ESM.match(line)
            or _JSX_COMMENT.match(line)
            or (_MACRO.match(line) and self.macro(line) and self.alone(i))
            or self.skipped(i, line)
        ):
            return False
        self.mask(i, line)
        return True

    def looked_ahead(self, i: int, last: int, what: str, searches: str) -> None:
        """Charge the page's budget for a search from line i to line `last`; past it the page is one error
        (searches each looking to the end, an unclosed ``` or `{` on every line, would be quadratic)."""
        self.lines_left -= last - i
        if self.lines_left < 0:
            raise UnreadableMarkdown(
                i + 1,
                f"{what} too costly to read ({searches} looked for over {LOOK_AHEAD_LINES:,} + "
                f"{LOOK_AHEAD_PER_LINE} per line lines)",
            )

    def skipped(self, i: int, line: str) -> bool:
        """Whether a `[read] skip_lines` pattern matches line i (one that runs too long is an error there)."""
        try:
            return any(p.search(line) for p in self.skips)
        except PatternTimeout as exc:
            raise UnreadableMarkdown(i + 1, str(exc)) from None

    def mdx_line(self, i: int, line: str, start: int) -> bool:
        """MDX: a line of component tags or a `{…}` expression (attributes and expressions may continue it
        over lines) is emptied with the lines it spans; the tags' string attributes are kept to translate,
        their elements' children read at the tag's column (markdown-it takes a line indented four columns
        past a paragraph for its continuation, not a fence), a code component's children left out."""
        pos = start + len(line) - len(line.lstrip(" \t"))
        if self.text[pos] == "{":
            end = jsx.expression_end(self.text, pos)
            last = bisect_right(self.starts, (len(self.text) if end is None else end) - 1) - 1
            self.looked_ahead(i, last, "MDX expressions", "the closes of lines opening a `{`")
            rest = self.text.find("\n", end) if end is not None else -1
            if end is None or self.text[end : rest if rest >= 0 else len(self.text)].strip():
                return False
            tags = []
        else:
            tags = jsx.line_tags(self.text, pos)
            if tags is None:
                return False
            end = tags[-1].end
        last = bisect_right(self.starts, end - 1) - 1
        self.mask(i, line)
        for j in range(i + 1, last + 1):
            self.mask(j, "")
        for tag in tags:
            self.attributes += jsx.attribute_spans(self.text, tag.start, tag.end, self.options.attributes)
            if tag.closing:
                self.close(tag.name)
            elif tag.self_closing:
                continue
            elif tag.name in self.options.code_components:
                for j, view in jsx.code_children(self.lines, last + 1, tag.name).items():
                    self.mask(j, "")
                    self.view[j] = view
            else:
                self.elements.append([tag.name, _indent(line), None])
        return True

    def close(self, name: str) -> None:
        """An element's end tag: it and the elements left open inside it end (a stray end tag is ignored)."""
        if any(element[0] == name for element in self.elements):
            while self.elements.pop()[0] != name:
                pass

    def shift(self, line: str) -> int:
        """Columns the open MDX elements take off a line: each its children's indentation past its tag."""
        if self.elements and self.elements[-1][2] is None and line.strip():
            known = INDENT * len(self.bodies) + sum(element[2] or 0 for element in self.elements[:-1])
            self.elements[-1][2] = max(0, _indent(_dedent(line, known)[0]) - self.elements[-1][1])
        return sum(element[2] or 0 for element in self.elements)

    def alone(self, i: int) -> bool:
        """Whether line i stands alone (a blank, wrapper or no line before and after it): inside a paragraph
        an image-only or macro-like line is the paragraph's text."""
        before = i == 0 or i - 1 in self.handled or _quote_blank(self.view[i - 1])
        after = i + 1 == len(self.lines) or any(
            pattern.match(self.lines[i + 1]) for pattern in (_QUOTE_BLANK, *_STANDALONE)
        )
        return before and after

    def macro(self, line: str) -> bool:
        """A `[name attr=…]` line is a site macro unless it is a link to one of the page's definitions or an
        untranslated marker (`[todo translate]`), which must stay text for the classifier."""
        label = " ".join(line.strip()[1:-1].lower().split())
        return label not in self.labels and marker_in(line.strip(), compile_markers()) is None

    def tag_end(self, i: int) -> int | None:
        """The line ending a component tag opened on line i (its attributes on the lines between), None when
        a blank line comes first."""
        if self.tag_ends is None:  # the next tag-ending line and the next blank line after each line
            self.tag_ends, self.blanks = (
                _next_index(self.lines, _TAG_END.match),
                _next_index(self.lines, _blank),
            )
        end = self.tag_ends[i + 1]
        return end if end < self.blanks[i + 1] else None

    def indented_after(self, i: int) -> bool:
        """Whether the line after i is indented as code, and deeper than line i: a component's indented
        children are HTML, read as an HTML block (emptying the tag would turn them into an indented code
        block); children at the tag's own depth (in a list item) are Markdown."""
        below = _indent(self.lines[i + 1]) if i + 1 < len(self.lines) else 0
        return below >= INDENT and below > _indent(self.lines[i])

    def scan(self, first: int) -> View:
        """Walk the lines once and build the view."""
        for i in range(first, len(self.lines)):
            original = self.lines[i]
            if original.strip():
                while self.bodies and _indent(original) < self.bodies[-1]:
                    self.bodies.pop()
            if i in self.handled:
                continue
            line, removed = _dedent(original, INDENT * len(self.bodies) + self.shift(original))
            self.view[i] = line
            if i <= self.code_until:
                continue
            found = _FENCE.match(line)
            if found:
                self.fence(i, line, removed, found)
            else:
                self.wrapper(i, line, removed)
        return View(tuple(self.view), tuple(self.titles), tuple(self.attributes))


def markdown_view(text: str, starts: list[int], front: int, options: ReadOptions = ReadOptions()) -> View:
    """The article as CommonMark line for line (front matter emptied), and its wrapper-line titles."""
    first = text.count("\n", 0, front)
    return _Scanner(text, starts, first, options).scan(first)
