"""The PO checks msgfmt makes fatal, so that a file msgfmt rejects is refused (file:line) before anything
is merged from it: the keyword order of each entry, plural indices, escapes, and newline agreement."""

from __future__ import annotations

from pathlib import Path

import polib
import regex

from transpair.errors import InputError
from transpair.po.lex import KEYWORDS, Token

_ESCAPE = regex.compile(r"\\(x[0-9A-Fa-f]|.)", regex.DOTALL)  # read in pairs, left to right
_GOOD_ESCAPE = set("ntrbfva\\\"?'01234567\n")  # backslash-newline joins the lines
_FOLLOWS = {  # keyword -> the keywords that may come after it within one entry
    None: {"msgctxt", "msgid"},
    "msgctxt": {"msgid"},
    "msgid": {"msgid_plural", "msgstr"},
    "msgid_plural": {"msgstr[]"},
    "msgstr": set(),
    "msgstr[]": {"msgstr[]"},
}
_MISSING = {"msgctxt": "'msgid'", "msgid": "'msgstr'", "msgid_plural": "'msgstr[0]'"}
_PREVIOUS = {"msgctxt", "msgid", "msgid_plural"}


def _check_string(string: str, where: str) -> None:
    """A quoted string's escapes are the C ones msgfmt knows."""
    for escape in _ESCAPE.finditer(string[1:-1]):
        if len(escape[1]) == 1 and escape[1] not in _GOOD_ESCAPE:
            raise InputError(f"{where}: invalid escape sequence \\{escape[1]!r:.4} in a string")


def _step(state: str | None, index: int, name: str, plural: int | None, where: str) -> tuple[str, int]:
    """The entry state after keyword NAME (msgstr[PLURAL]) and the last plural index; InputError when
    msgfmt would not accept the keyword here."""
    if plural is not None and name == "msgstr":
        name = "msgstr[]"
    if name not in _FOLLOWS[state]:
        if state in _MISSING and name in ("msgctxt", "msgid"):
            raise InputError(f"{where}: missing {_MISSING[state]} section before this line")
        if state in _MISSING or name not in _FOLLOWS[None]:
            reason = "without msgid_plural" if name == "msgstr[]" and state == "msgid" else f"after {state}"
            raise InputError(f"{where}: syntax error in PO file ({name.replace('[]', '[N]')} {reason})")
        index = -1  # a new entry starts
    if name == "msgstr[]":
        if plural != index + 1:
            raise InputError(f"{where}: plural form has wrong index msgstr[{plural}]")
        index = plural
    return name, index


class _Reader:
    """msgfmt's grammar over the tokens: where each keyword may come, what a comment may interrupt."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.state: str | None = None  # the last keyword of the current entry (None: between entries)
        self.index, self.started, self.obsolete = -1, 0, False
        self.previous = False  # `#|` lines were read and their msgid has not come yet
        self.marks: tuple[bool, bool] | None = None  # (obsolete, previous) of the keyword strings may follow
        self.strings = True  # the last keyword has its string

    def fail(self, line: int, message: str) -> InputError:
        return InputError(f"{self.path}:{line}: {message}")

    def interrupt(self) -> None:
        """A comment, a `#|` line or `domain`: they may only come between entries."""
        if self.state in _MISSING:
            raise self.fail(self.started, f"missing {_MISSING[self.state]} section after this line")
        self.state, self.index = None, -1

    def keyword(self, token: Token) -> None:
        """A keyword: known, in its place, on `#~` lines exactly when the rest of its entry is."""
        if token.text not in KEYWORDS or (token.previous and token.text not in _PREVIOUS):
            raise self.fail(token.line, f"syntax error in PO file (keyword {token.text!r} unknown)")
        if token.index is not None and token.text != "msgstr":
            raise self.fail(token.line, f"syntax error in PO file ([N] after {token.text})")
        if token.previous or token.text == "domain":
            self.interrupt()
            self.previous = self.previous or token.previous
            return
        before = self.state
        where = f"{self.path}:{token.line}"
        self.state, self.index = _step(self.state, self.index, token.text, token.index, where)
        if token.text == "msgctxt" or (token.text == "msgid" and before != "msgctxt"):
            self.obsolete, self.previous = token.obsolete, False  # a new entry
        elif token.obsolete != self.obsolete:
            raise self.fail(token.line, "inconsistent use of #~")
        self.started = token.line

    def token(self, token: Token) -> None:
        """Take one token; InputError (file:line) where msgfmt reports a fatal error."""
        if token.kind != "string" and not self.strings:
            raise self.fail(token.line, "syntax error in PO file (a keyword without its string)")
        if token.kind == "comment":
            if self.previous:
                raise self.fail(token.line, "syntax error in PO file (a comment between #| and msgid)")
            self.interrupt()
            self.marks = None
        elif token.kind == "keyword":
            self.keyword(token)
            self.marks, self.strings = (token.obsolete, token.previous), False
        elif self.marks is None or self.marks[1] != token.previous:
            raise self.fail(token.line, "syntax error in PO file (a string without its keyword)")
        elif self.marks[0] != token.obsolete:
            raise self.fail(token.line, "inconsistent use of #~")
        else:
            _check_string(token.text, f"{self.path}:{token.line}")
            self.strings = True

    def end(self) -> None:
        """The end of the file: the last keyword has its string, the last entry its msgstr."""
        if not self.strings:
            raise self.fail(self.started, "syntax error in PO file (a keyword without its string)")
        if self.state in _MISSING:
            raise self.fail(self.started, f"missing {_MISSING[self.state]} section after this line")


def check_syntax(found: list[Token], path: str | Path) -> None:
    """Refuse what msgfmt calls a syntax error in the tokens of a file (a character no token starts with
    was refused by lex.tokens): an unknown keyword,
    keywords out of order or without their string, msgstr[N] without msgid_plural (or out of sequence), a
    comment inside an entry, `#~` on part of an entry, a missing section, bad escapes (in previous-source
    `#|` lines too)."""
    reader = _Reader(path)
    for token in found:
        reader.token(token)
    reader.end()


def _ends(text: str) -> tuple[bool, bool]:
    """Whether a string begins and ends with a newline."""
    return text.startswith("\n"), text.endswith("\n")


def check_newlines(po: polib.POFile, path: Path) -> None:
    """msgfmt's rule: a translation begins and ends with a newline exactly when its msgid does."""
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        strings = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in (s for s in strings if s):
            if _ends(text) != _ends(entry.msgid):
                raise InputError(
                    f"{path}:{entry.linenum}: msgid and msgstr do not both begin and end with a newline"
                )
