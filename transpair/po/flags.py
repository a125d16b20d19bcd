"""The `#,` flags and format directives of PO entries, as GNU gettext 0.21 orders and parses them.

gettext keeps only the flags it knows (fuzzy, LANG-format and no-LANG-format, range, no-wrap) and writes
them in a fixed order: fuzzy (only with a translation), the formats in gettext's own list order, range,
no-wrap. When an entry is a format string, gettext never breaks a long line inside a format directive
(write-po.c): the first format of the list the entry may be is parsed; directives before a parse error
count, the faulty one and everything after it do not. transpair parses the c and python formats, the
only ones it has checked against msgcat (gettext 0.21 keeps nothing of python-brace directives together);
for the others the line breaks are the plain text ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

# gettext 0.21's format_language[] order, measured with msgcat (tests/test_po_flags.py checks it).
FORMATS = (
    "c objc python python-brace java java-printf csharp javascript scheme lisp elisp librep ruby sh awk lua "
    "object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl perl perl-brace php gcc-internal "
    "gfc-internal ycp"
).split()
_FORMAT_FLAG = regex.compile(r"(?P<mode>no-|possible-|impossible-)?(?P<lang>[a-z+-]+?)-format")
_RANGE = regex.compile(r"range:\s*(\d+)\.\.(\d+)")


@dataclass(frozen=True)
class Flags:
    """What gettext reads from a `#,` line: fuzzy, each format's mode, the range and no-wrap."""

    fuzzy: bool = False
    formats: tuple[tuple[str, str], ...] = ()  # (lang, mode) in FORMATS order; mode "", "no-", "possible-"
    range: str = ""
    no_wrap: bool = False


def read_flags(flags: Iterable[str]) -> Flags:
    """The flags as gettext understands them: unknown ones dropped, the last word on a format or wrap wins."""
    text = " ".join(flags)
    ranges = _RANGE.findall(text)
    fuzzy, no_wrap, modes = False, False, {}
    for word in regex.split(r"[\s,]+", _RANGE.sub(" ", text)):
        match = _FORMAT_FLAG.fullmatch(word)
        if word == "fuzzy":
            fuzzy = True
        elif word in ("wrap", "no-wrap"):
            no_wrap = word == "no-wrap"
        elif match and match["lang"] in FORMATS:
            modes[match["lang"]] = match["mode"] or ""
    formats = tuple(
        (lang, modes[lang]) for lang in FORMATS if modes.get(lang, "impossible-") != "impossible-"
    )
    span = f"range: {ranges[-1][0]}..{ranges[-1][1]}" if ranges else ""
    return Flags(fuzzy, formats, span, no_wrap)


def flag_words(flags: Flags, translated: bool) -> list[str]:
    """The words of the `#,` line in gettext's order (fuzzy is dropped from an untranslated entry)."""
    words = ["fuzzy"] if flags.fuzzy and translated else []
    words += [f"{'no-' if mode == 'no-' else ''}{lang}-format" for lang, mode in flags.formats]
    return words + ([flags.range] if flags.range else []) + (["no-wrap"] if flags.no_wrap else [])


def format_language(flags: Flags) -> str | None:
    """The format whose directives gettext keeps together: the first one the entry may be."""
    return next((lang for lang, mode in flags.formats if mode != "no-"), None)


_PYTHON = regex.compile(
    r"%(?:\((?P<name>(?:[^()]|\((?&name)\))*)\))?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+)?)?[hlL]?[%csrdiouxXeEfgG]"
)
_C = regex.compile(
    r"%(?:\d+\$)?[-+ #0']*(?:\*(?:\d+\$)?|\d+)?(?:\.(?:\*(?:\d+\$)?|\d+)?)?"
    r"(?:hh|h|ll|l|L|q|j|z|Z|t)?(?:[diouxXcsfFeEgGaApn%]|<PRI[diouxX](?:8|16|32|64|LEAST\d+|FAST\d+|MAX|PTR)>)"
)


def _printf_spans(pattern: regex.Pattern, text: str) -> list[tuple[int, int]]:
    """Directive spans of a printf-like string, up to the first directive that does not parse."""
    spans, at = [], 0
    while (start := text.find("%", at)) >= 0:
        match = pattern.match(text, start)
        if not match:
            break
        spans.append(match.span())
        at = match.end()
    return spans


_PARSERS = {
    "c": lambda text: _printf_spans(_C, text),
    "python": lambda text: _printf_spans(_PYTHON, text),
}


def glued(flags: Flags, text: str) -> frozenset[int]:
    """Positions in `text` before which gettext may not break a line: inside its format directives."""
    parse = _PARSERS.get(format_language(flags) or "")
    if parse is None or not text:
        return frozenset()
    return frozenset(i for start, end in parse(text) for i in range(start + 1, end))
