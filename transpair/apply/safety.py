"""What a translator's msgstr may bring into a published page: only the markup of its msgid.

A PO may come from an untrusted contributor, and `apply` puts its msgstrs into HTML, Markdown and MDX
pages as markup. So a msgstr may hold only the tags its msgid holds, each with only the attribute names
that tag has in the msgid (no new `<script>`, `<iframe>`, `onerror=`...), no `javascript:`, `vbscript:`
or `data:` URL (in an attribute or a Markdown link) whose scheme the msgid does not have, and, in MDX,
no `{expression}` the msgid does not have. In Markdown the msgid's tags include those its own markup
renders to, so a translator may spell `**bold**` as `<strong>bold</strong>` or a link as `<a href>`.
Tags are found as a browser finds them (`<img/src=x>`, unquoted values, entities in values), not only in
the tidy form the readers expect; Markdown code spans are text and are skipped.
"""

from __future__ import annotations

import html
from collections import Counter

import regex
from markdown_it import MarkdownIt

_TAG = regex.compile(r"<(/?)([A-Za-z][^\s/>]*+)")
_ATTRIBUTE = regex.compile(
    r"[\s/]*+(?P<name>[^\s/>=][^\s/>=]*+)(?:\s*+=\s*+(?P<value>\"[^\"]*+\"?|'[^']*+'?|[^\s>]*+))?"
)
_LINK = regex.compile(  # a link's destination, a reference definition's, an autolink
    r"\]\(\s*+<?([^)\s>]*+)|^[ \t]{0,3}\[[^\]\n]++\]:[ \t]*+<?(\S*+)"
    r"|<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*+)>",
    regex.M,
)
_AUTOLINK = regex.compile(  # CommonMark's URI and e-mail autolinks
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*+>|<[\w.!#$%&'*+/=?^`{|}~-]++@[A-Za-z0-9][A-Za-z0-9.-]*+>"
)
_MARKDOWN = MarkdownIt("commonmark")
_CODE_SPAN = regex.compile(r"(`++)(?:(?!\1).)+?\1", regex.S)
_SCHEME = regex.compile(r"^(javascript|vbscript|data):", regex.I)
_INVISIBLE = regex.compile(r"[\x00-\x20\x7f]+")


def tags(text: str) -> tuple[dict[str, set[str]], set[str]]:
    """The tag names of a text (lower case) with the attribute names each has anywhere (lower case), and
    the dangerous URL schemes its attribute values use."""
    names: dict[str, set[str]] = {}
    schemes: set[str] = set()
    for found in _TAG.finditer(text):
        closing, name = found[1], found[2].lower()
        attributes = names.setdefault(name, set())
        pos = found.end()
        while not closing and (attribute := _ATTRIBUTE.match(text, pos)) and attribute.end() > pos:
            attributes.add(attribute["name"].lower())
            schemes |= _schemes(attribute["value"] or "")
            pos = attribute.end()
    return names, schemes


def _schemes(url: str) -> set[str]:
    """The dangerous scheme a URL (or attribute value) starts with, as a browser reads it: entities
    decoded, quotes, spaces and control characters dropped."""
    found = _SCHEME.match(_INVISIBLE.sub("", html.unescape(url.strip("\"'"))))
    return {found[1].lower()} if found else set()


def _link_schemes(text: str) -> set[str]:
    """The dangerous schemes of a Markdown text's link and reference-definition destinations."""
    return set().union(*(_schemes(next(filter(None, found.groups()), "")) for found in _LINK.finditer(text)))


def expressions(text: str) -> Counter[str]:
    """The outermost `{…}` groups of an MDX text (an unclosed one runs to the end), counted."""
    found: Counter[str] = Counter()
    depth, start = 0, 0
    for at, char in enumerate(text):
        if char == "{":
            start = at if depth == 0 else start
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                found[text[start : at + 1]] += 1
    if depth:
        found[text[start:]] += 1
    return found


def unsafe(fmt: str, msgid: str, msgstr: str) -> str | None:
    """What a msgstr brings into a page of format `fmt` ("markdown", "mdx", "html") that its msgid does
    not have, None when nothing: a tag, an attribute of a tag, a dangerous URL scheme, an MDX expression.
    Markdown code spans are text; autolinks are links, checked with the others."""
    if fmt not in ("markdown", "mdx", "html"):
        return None
    markdown = fmt != "html"
    source, target = (_CODE_SPAN.sub("", t) if markdown else t for t in (msgid, msgstr))
    (had, had_schemes), (has, has_schemes) = (
        tags(_AUTOLINK.sub("", t) if markdown else t) for t in (source, target)
    )
    if markdown:  # the tags the msgid's own Markdown renders to (its code spans are taken out)
        for name, attributes in tags(_MARKDOWN.renderInline(source))[0].items():
            had.setdefault(name, set()).update(attributes)
    for name, attributes in has.items():
        if name not in had:
            return f"adds a <{name}> tag the msgid does not have"
        if extra := sorted(attributes - had[name]):
            return f"adds the attribute {extra[0]} to <{name}>, which the msgid's <{name}> does not have"
    if markdown:
        had_schemes, has_schemes = had_schemes | _link_schemes(source), has_schemes | _link_schemes(target)
    if extra := sorted(has_schemes - had_schemes):
        return f"adds a {extra[0]}: URL the msgid does not have"
    if fmt == "mdx" and (extra := sorted(expressions(target) - expressions(source))):
        return f"adds the MDX expression {extra[0][:40]!r} the msgid does not have"
    return None
