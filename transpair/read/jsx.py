"""MDX/JSX syntax the Markdown reader needs: where a component tag or a `{…}` expression ends (attribute
values may hold strings, template literals and nested braces over several lines), and the translatable
string attributes of a tag (`<TabItem label="…">`, `<img alt="…">`), found by offsets in the article.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from transpair.read.spans import UnreadableMarkdown

ATTRIBUTES = (
    "alt",
    "title",
    "label",
    "aria-label",
    "placeholder",
)  # po4a and translate-toolkit extract these
_NAME = regex.compile(r"<(/?)([A-Za-z][\w.:-]*)?")
_LETTER = regex.compile(r"\p{L}")
_IMAGE = regex.compile(
    r"!\[(?P<alt>[^\]]*)\]\([^)\s]*(?:[ \t]+(?P<q>[\"'])(?P<title>[^\"')]*)(?P=q))?[ \t]*\)"
)
# a file-tree item: marker, path (perhaps **highlighted**, a folder ending in /), then an optional comment
_TREE_ITEM = regex.compile(
    r"(?P<lead>[ \t]*[-+*][ \t]+)(?:\*\*[^*]+\*\*|\S+)(?:[ \t]+(?P<comment>.*\p{L}.*))?$"
)


@dataclass(frozen=True)
class Tag:
    """One JSX tag: its name ('' for a fragment), whether it closes or closes itself, and its span."""

    name: str
    closing: bool
    self_closing: bool
    start: int
    end: int


def _string_end(text: str, pos: int) -> int | None:
    """End of the quoted string starting at text[pos] (no escapes in JSX attribute strings)."""
    end = text.find(text[pos], pos + 1)
    return end + 1 if end >= 0 else None


def _template_end(text: str, pos: int) -> int | None:
    """End of the template literal starting at text[pos] == '`', past its `${…}` substitutions."""
    i = pos + 1
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            return i + 1
        if text.startswith("${", i):
            end = expression_end(text, i + 1)
            if end is None:
                return None
            i = end
            continue
        i += 1
    return None


def expression_end(text: str, pos: int) -> int | None:
    """End of the `{…}` JavaScript expression starting at text[pos] == '{' (strings, template literals and
    comments skipped), None when it never closes."""
    depth, i = 0, pos
    while i < len(text):
        char = text[i]
        if char in "\"'":
            end = _string_end(text, i)
        elif char == "`":
            end = _template_end(text, i)
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2)
            end = close + 2 if close >= 0 else None
        else:
            depth += (char == "{") - (char == "}")
            if depth == 0:
                return i + 1
            i += 1
            continue
        if end is None:
            return None
        i = end
    return None


def tag_end(text: str, pos: int) -> int | None:
    """End of the JSX tag starting at text[pos] == '<' (after its '>'), None when it is not one."""
    i = pos + 1
    while i < len(text):
        char = text[i]
        if char == ">":
            return i + 1
        if char == "<":
            return None
        end = _string_end(text, i) if char in "\"'" else expression_end(text, i) if char == "{" else i + 1
        if end is None:
            return None
        i = end
    return None


def line_tags(text: str, pos: int) -> list[Tag] | None:
    """The component tags from text[pos] to the end of the line the last one ends on, when nothing but
    space follows them there (a line of tags, perhaps continued over lines by attributes); else None."""
    tags: list[Tag] = []
    while True:
        found = _NAME.match(text, pos)
        end = tag_end(text, pos) if found else None
        if end is None:
            return None
        name = found.group(2) or ""
        if name[:1].islower() or not name and text[found.end()] != ">":  # HTML (read as HTML), or no tag
            return None
        self_closing = text[end - 2] == "/"
        tags.append(Tag(name, bool(found.group(1)), self_closing, pos, end))
        rest = end
        while rest < len(text) and text[rest] in " \t":
            rest += 1
        if rest == len(text) or text[rest] == "\n":
            return tags
        if text[rest] != "<":
            return None
        pos = rest


def attribute_spans(text: str, start: int, end: int, names: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each quoted value of the named attributes inside the tag text[start:end] that
    holds letters; values inside `{…}` expressions are code and left alone."""
    if not names:
        return []
    plain, i = list(text[start:end]), start
    while (i := text.find("{", i, end)) >= 0:  # blank out expressions, keeping offsets
        stop = min(expression_end(text, i) or end, end)
        plain[i - start : stop - start] = " " * (stop - i)
        i = stop
    pattern = regex.compile(
        r"(?<=\s)(" + "|".join(map(regex.escape, names)) + r")\s*=\s*(?:\"([^\"]*)\"|'([^']*)')"
    )
    spans = []
    for found in pattern.finditer("".join(plain)):
        group = 2 if found.group(2) is not None else 3
        value = found.group(group)
        if value.strip() and _LETTER.search(value):
            lead = len(value) - len(value.lstrip())
            first = start + found.start(group) + lead
            spans.append((first, first + len(value.strip()), found.group(1)))
    return spans


def image_spans(line: str, start: int, names: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, name) of the alt text and title of each Markdown image on a line starting at `start`."""
    spans = []
    for image in _IMAGE.finditer(line):
        for name in ("alt", "title"):
            value = image.group(name)
            if name in names and value and value.strip():
                first = start + image.start(name) + len(value) - len(value.lstrip())
                spans.append((first, first + len(value.strip()), name))
    return spans


def code_children(lines: list[str], first: int, name: str) -> dict[int, str]:
    """The lines of a code component's children from line `first` to its end tag, each with what is left of
    it to read: nothing, or the comment of a file-tree item (`- src/ the sources`) as a list item. A component
    never closed is refused (MDX refuses it too)."""
    opened = regex.compile(rf"<{regex.escape(name)}(?![\w.])(?:[^>]*[^/>])?>")
    closed = regex.compile(rf"</{regex.escape(name)}[ \t]*>")
    depth, kept = 1, {}
    for j in range(first, len(lines)):
        depth += len(opened.findall(lines[j])) - len(closed.findall(lines[j]))
        if depth <= 0:
            return kept
        item = _TREE_ITEM.match(lines[j])
        kept[j] = item.group("lead") + item.group("comment") if item and item.group("comment") else ""
    raise UnreadableMarkdown(first, f"<{name}> is never closed")
