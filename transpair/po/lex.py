"""PO text as the tokens GNU gettext's lexer reads: comments, keywords and strings, with their line.

gettext reads a PO by tokens, not by lines: any whitespace (space, tab, CR, form feed, vertical tab, newline)
separates them, so `msgid "a" msgstr "b"` on one line, CR-only line ends, indented keywords and
`msgstr [0]` are valid, while a comment runs to the end of its line. `#~` and `#|` lines hold keyword
tokens too (obsolete, previous source). One pass over the text with a backtracking-free pattern: linear
in its size, whatever the number or length of lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from transpair.errors import InputError

KEYWORDS = frozenset({"domain", "msgctxt", "msgid", "msgid_plural", "msgstr"})
_SPACE = "[ \\t\\r\\f\\v\\n]"
_TOKEN = re.compile(
    rf"(?P<space>{_SPACE}++)"
    r"|(?P<comment>#[^\n]*+)"
    r'|(?P<string>"(?:[^"\\\n]++|\\[\s\S])*+")'
    rf"|(?P<word>[A-Za-z_$][A-Za-z0-9_$]*+)(?:{_SPACE}*+\[{_SPACE}*+(?P<index>[0-9]++){_SPACE}*+\])?+"
    r"|(?P<bad>[\s\S])"  # any other character: so the matches tile the text and no search runs ahead
)


class Token(NamedTuple):
    """One token: kind ("comment", "keyword" or "string"), its text (a string with its quotes, a comment
    from its `#`), the line it starts on, whether it sits on a `#~` or `#|` line, and a msgstr's [index]."""

    kind: str
    text: str
    line: int
    obsolete: bool = False
    previous: bool = False
    index: int | None = None


def _error(path: str | Path, line: int, rest: str) -> InputError:
    """The syntax error gettext reports at this point (an unclosed string named as such)."""
    if rest.startswith('"'):
        return InputError(f"{path}:{line}: syntax error in PO file (end-of-line within string)")
    return InputError(f"{path}:{line}: syntax error in PO file")


def _scan(
    text: str, start: int, end: int, line: int, marks: tuple[bool, bool], path: str | Path, out: list[Token]
) -> int:
    """Append the tokens of text[start:end] to `out`; `marks` (obsolete, previous) are those of the `#~`
    or `#|` line being read, and inside such a line a `#` is a plain comment. The line after the span."""
    nested = any(marks)
    for match in _TOKEN.finditer(text, start, end):
        kind, value, pos = match.lastgroup, match[0], match.end()
        if kind == "bad":
            raise _error(path, line, value)
        if kind == "space":
            line += value.count("\n")
        elif kind == "string":
            out.append(Token(kind, value, line, *marks))
            line += value.count("\n")  # a backslash-newline inside
        elif kind == "comment" and not nested and value.startswith(("#~", "#|")):
            skip = 3 if value.startswith("#~|") else 2
            marks_here = (value.startswith("#~"), value.startswith(("#|", "#~|")))
            _scan(text, match.start() + skip, pos, line, marks_here, path, out)
        elif kind == "comment":
            out.append(Token(kind, value, line, *marks))
        elif match["index"] is not None and len(match["index"]) > 9:  # no plural has that many forms
            raise InputError(f"{path}:{line}: plural form has wrong index msgstr[{match['index'][:12]}...]")
        else:
            index = int(match["index"]) if match["index"] is not None else None
            out.append(Token("keyword", match["word"], line, *marks, index))
    return line


def tokens(text: str, path: str | Path = "") -> list[Token]:
    """The tokens of a PO text in order; InputError (file:line) at the first character no token starts
    with (an unclosed string, a NUL, a stray bracket)."""
    out: list[Token] = []
    _scan(text, 0, len(text), 1, (False, False), path, out)
    return out
