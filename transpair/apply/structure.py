"""Checks that a translator's msgstr keeps the article's structure when `apply` puts it in place.

Markdown: a msgstr may not bring lines its msgid does not have that would start a heading, a setext
underline, a code fence, a container (`:::`), a list item, a block quote, a Hugo shortcode, or a blank
line ending the paragraph, which would rebuild into a different (often broken) article.
HTML, and inline HTML in Markdown outside code spans: a msgstr must open and close the same tags and
comments as its msgid (po4a's msgids keep them), so the page's elements stay balanced and no `<!--` hides
the rest of the page.
Code blocks: a msgstr may not bring a fence line (it would end the block) or a `</pre>`.
`escaped` repairs a msgstr instead of refusing it: the Markdown constructs it adds get a backslash (a
`>` line inside a paragraph gets one before its `>`, a `#` line before its `#`), a blank line it adds is
dropped, and tags or comments that do not balance as in the msgid are written as text (`&lt;span>`),
so the page keeps its structure and every word of the translation.
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
_CODE_LINES = {
    "a code fence": regex.compile(r"^[ \t>]*(?:`{3,}|~{3,})", regex.M),
    "a </pre>": regex.compile(r"</pre\b", regex.I),
}
_LEAD, _SPACES, _DIGITS = regex.compile(r"[ \t>]*"), regex.compile(r"[ \t]*"), regex.compile(r"\d*")
_OPENING = regex.compile(r"<(?=/?([A-Za-z][\w:-]*))")
_NOTHING = regex.compile(r"(?!)")
_CODE_SPAN = regex.compile(r"(`+)(?:(?!\1).)+?\1", regex.S)


def _line_rules(quoted: bool) -> dict[str, regex.Pattern]:
    """The Markdown line rules; in a block quote, `>` lines continue the quote and are no problem."""
    return {n: p for n, p in _MARKDOWN_LINES.items() if not (quoted and n == "a block quote line")}


def markdown_problem(msgid: str, msgstr: str, quoted: bool = False) -> str | None:
    """What structure a msgstr adds to its msgid's Markdown (or how its inline HTML outside code spans
    is unbalanced), None when it adds none; `quoted`: the block is inside a block quote."""
    for name, pattern in _line_rules(quoted).items():
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


def _added(patterns: dict, msgid: str, msgstr: str) -> str | None:
    """The name of the first pattern the msgstr matches more often than its msgid."""
    return next((n for n, p in patterns.items() if len(p.findall(msgstr)) > len(p.findall(msgid))), None)


def problem(fmt: str, msgid: str, msgstr: str, quoted: bool = False) -> str | None:
    """The structure a msgstr would break in an article of format `fmt` (or in a code block: "code"),
    None when it is safe; `quoted`: a Markdown block inside a block quote."""
    if fmt == "markdown":
        return markdown_problem(msgid, msgstr, quoted)
    if fmt == "html":
        return html_problem(msgid, msgstr)
    if fmt == "code":
        added = _added(_CODE_LINES, msgid, msgstr)
        return f"adds {added} to a code block" if added else None
    return None


def _escape_lines(msgid: str, msgstr: str, quoted: bool) -> str:
    """The msgstr with each Markdown line construct it has beyond its msgid's count backslash-escaped (a
    blank line dropped)."""
    for name, pattern in _line_rules(quoted).items():
        extra = list(pattern.finditer(msgstr))[len(pattern.findall(msgid)) :]
        for found in reversed(extra):
            if name == "a blank line":
                msgstr = msgstr[: found.start()] + msgstr[found.end() :]
                continue
            at = (_SPACES if name == "a block quote line" else _LEAD).match(msgstr, found.start()).end()
            at = _DIGITS.match(msgstr, at).end() if name == "a list item" else at
            msgstr = msgstr[:at] + "\\" + msgstr[at:]
    return msgstr


def _wrong_tags(msgid: str, msgstr: str) -> set[str]:
    """Names of the tags whose balance differs between the two texts."""
    source, target = tag_balance(msgid), tag_balance(msgstr)
    return {name for name in source.keys() | target.keys() if source[name] != target[name]}


def _as_text(text: str, wrong: set[str], comments: bool) -> str:
    """The text with the tags named in `wrong` (and comment marks, when `comments`) written as text."""
    text = _OPENING.sub(lambda m: "&lt;" if m[1].lower() in wrong else "<", text)
    return text.replace("<!--", "&lt;!--").replace("-->", "--&gt;") if comments else text


def _escape_tags(msgid: str, msgstr: str, code_spans: bool) -> str:
    """The msgstr with the tags whose balance differs from the msgid's, and unbalanced comments, written
    as text (outside code spans when `code_spans`: Markdown)."""
    spans = _CODE_SPAN if code_spans else _NOTHING
    bare_id, bare_str = spans.sub("", msgid), spans.sub("", msgstr)
    wrong, comments = _wrong_tags(bare_id, bare_str), _comment_balance(bare_id) != _comment_balance(bare_str)
    pieces, pos = [], 0
    for found in spans.finditer(msgstr):
        pieces += [_as_text(msgstr[pos : found.start()], wrong, comments), found.group()]
        pos = found.end()
    return "".join([*pieces, _as_text(msgstr[pos:], wrong, comments)])


def escaped(fmt: str, msgid: str, msgstr: str, quoted: bool = False) -> str | None:
    """The msgstr with what it adds to the structure escaped, None when that cannot be done (code)."""
    if fmt not in ("markdown", "html"):
        return None
    markdown = fmt == "markdown"
    fixed = _escape_tags(msgid, _escape_lines(msgid, msgstr, quoted) if markdown else msgstr, markdown)
    return fixed if problem(fmt, msgid, fixed, quoted) is None else None
