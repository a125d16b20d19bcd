"""The PO checks msgfmt makes fatal, so that a file msgfmt rejects is refused (file:line) before anything
is merged from it: the keyword order of each entry, plural indices, escapes, and newline agreement."""

from __future__ import annotations

from pathlib import Path

import polib
import regex

from transpair.errors import InputError

_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD = regex.compile(rf"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+({_STRING})\s*")
_STRINGS = regex.compile(_STRING)
_CONTINUATION = regex.compile(rf"\s*({_STRING})\s*")
_ESCAPE = regex.compile(r"\\(x[0-9A-Fa-f]|.)", regex.DOTALL)  # read in pairs, left to right
_GOOD_ESCAPE = set("ntrbfva\\\"?'01234567")
_FOLLOWS = {  # keyword -> the keywords that may come after it within one entry
    None: {"msgctxt", "msgid"},
    "msgctxt": {"msgid"},
    "msgid": {"msgid_plural", "msgstr"},
    "msgid_plural": {"msgstr[]"},
    "msgstr": set(),
    "msgstr[]": {"msgstr[]"},
}
_MISSING = {"msgctxt": "'msgid'", "msgid": "'msgstr'", "msgid_plural": "'msgstr[0]'"}


def _content(line: str) -> str | None:
    """The part of a line msgfmt parses: live lines, and obsolete `#~` lines without their marker; None for
    comments (previous-source `#|` lines included) and blank lines."""
    if line.startswith("#~") and not line.startswith("#~|"):
        line = line[2:].lstrip()
    elif line.startswith("#"):
        return None
    return line if line.strip() else None


def _check_string(string: str, where: str) -> None:
    """A quoted string's escapes are the C ones msgfmt knows."""
    for escape in _ESCAPE.finditer(string[1:-1]):
        if len(escape[1]) == 1 and escape[1] not in _GOOD_ESCAPE:
            raise InputError(f"{where}: invalid escape sequence \\{escape[1]} in a string")


def _step(state: str | None, index: int, name: str, plural: str | None, where: str) -> tuple[str, int]:
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
        if int(plural) != index + 1:
            raise InputError(f"{where}: plural form has wrong index msgstr[{plural}]")
        index = int(plural)
    return name, index


def check_syntax(text: str, path: Path) -> None:
    """Refuse what msgfmt calls a syntax error: a line that is no keyword with a string nor a continuation,
    keywords out of order, msgstr[N] without msgid_plural (or out of sequence), a missing section, bad
    escapes (in previous-source `#|` lines too)."""
    state, index, started, previous = None, -1, 0, False
    for number, line in enumerate(text.split("\n"), 1):
        where = f"{path}:{number}"
        if line.startswith(("#|", "#~|")):  # previous source: msgfmt reads its strings too
            for string in _STRINGS.findall(line):
                _check_string(string, where)
            previous = True
            continue
        content = _content(line)
        if content is None:
            if previous and line.startswith("#"):
                raise InputError(f"{where}: syntax error in PO file (a comment between #| and msgid)")
            continue
        previous = False
        keyword = _KEYWORD.fullmatch(content)
        if keyword is None:
            string = _CONTINUATION.fullmatch(content)
            if string is None or state is None:
                raise InputError(f"{where}: syntax error in PO file")
            _check_string(string[1], where)
            continue
        _check_string(keyword[3], where)
        name, index = _step(state, index, keyword[1], keyword[2], where)
        state, started = name, number
    if state in _MISSING:
        raise InputError(f"{path}:{started}: missing {_MISSING[state]} section after this line")


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
