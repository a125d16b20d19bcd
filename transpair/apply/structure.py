"""Checks that a translator's msgstr keeps the article's structure when `apply` puts it in place.

Markdown: a msgstr may not bring lines its msgid does not have that would start a heading, a setext
underline, a code fence, a container (`:::`), a list item, a block quote, a Hugo shortcode, or a blank
line ending the paragraph, which would rebuild into a different (often broken) article.
HTML, and inline HTML in Markdown outside code spans: a msgstr must open and close the same tags and
comments as its msgid (po4a's msgids keep them), so the page's elements stay balanced and no `<!--` hides
the rest of the page.
"""

from __future__ import annotations

from collections import Counter

import regex

from transpair.read.html import TAG, VOID

_MARKDOWN_LINES = {
    "a heading line": regex.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", regex.M),
    "a setext underline": regex.compile(r"(?<=\S[^\n]*\n) {0,3}(?:=+|-{2,})[ \t]*$", regex.M),
    "a code fence": regex.compile(r"^[ \t>]*(?:`{3,}|~{3,})", regex.M),
    "a container fence": regex.compile(r"^[ \t>]*(?::{3,}|/{3,}|!!!)", regex.M),
    "a list item": regex.compile(r"^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)", regex.M),
    "a block quote line": regex.compile(r"^ {0,3}>", regex.M),
    "a blank line": regex.compile(r"\n[ \t>]*(?=\n)"),
    "a Hugo shortcode": regex.compile(r"^[ \t>]*\{\{[<%]", regex.M),
}
_CODE_SPAN = regex.compile(r"(`+)(?:(?!\1).)+?\1", regex.S)


def markdown_problem(msgid: str, msgstr: str) -> str | None:
    """What structure a msgstr adds to its msgid's Markdown (or how its inline HTML outside code spans
    is unbalanced), None when it adds none."""
    for name, pattern in _MARKDOWN_LINES.items():
        if len(pattern.findall(msgstr)) > len(pattern.findall(msgid)):
            return f"adds {name} (escape it, e.g. with a backslash, or keep it out of the translation)"
    return html_problem(_CODE_SPAN.sub("", msgid), _CODE_SPAN.sub("", msgstr))


def tag_balance(text: str) -> Counter[str]:
    """Opened minus closed count of each non-void tag name."""
    balance: Counter[str] = Counter()
    for closing, name, self_closing in TAG.findall(text):
        name = name.lower()
        if name not in VOID and not self_closing:
            balance[name] += -1 if closing else 1
    return balance


def _comment_balance(text: str) -> int:
    """Opened minus closed HTML comments: an unclosed `<!--` hides the rest of the page."""
    return text.count("<!--") - text.count("-->")


def html_problem(msgid: str, msgstr: str) -> str | None:
    """How a msgstr's tags differ in balance from its msgid's, None when they match."""
    if _comment_balance(msgid) != _comment_balance(msgstr):
        return "unbalanced HTML comment (a <!-- without its -->, or the reverse)"
    source, target = tag_balance(msgid), tag_balance(msgstr)
    wrong = sorted(name for name in source.keys() | target.keys() if source[name] != target[name])
    return f"unbalanced tags: <{'>, <'.join(wrong)}>" if wrong else None


def problem(fmt: str, msgid: str, msgstr: str) -> str | None:
    """The structure a msgstr would break in an article of format `fmt`, None when it is safe."""
    if fmt == "markdown":
        return markdown_problem(msgid, msgstr)
    if fmt == "html":
        return html_problem(msgid, msgstr)
    return None
