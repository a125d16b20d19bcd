"""The records the checks work on and produce: one translated entry in, findings out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

LEVELS = ("info", "warning", "error")  # in rising order; --fail-on and SARIF use these names


@dataclass(frozen=True)
class Entry:
    """One translated PO entry as the checks see it: where it is, its texts, its reviewers' marks."""

    path: str
    line: int
    msgid: str
    msgstr: str
    silenced: frozenset[str] = frozenset()  # check names a reviewer marked as fine ('*': all of them)


@dataclass(frozen=True)
class Finding:
    """One fault: the file, the PO line and entry, which check, how serious, and what is wrong."""

    path: str
    line: int
    msgid: str
    check: str
    level: str
    message: str
    msgstr: str = ""

    @property
    def fingerprint(self) -> str:
        """`check:hash` of the check and both texts: stable across line moves, new when the text changes
        (a config `ignore` list names findings by it)."""
        digest = hashlib.sha1(f"{self.check}\0{self.msgid}\0{self.msgstr}".encode()).hexdigest()
        return f"{self.check}:{digest[:10]}"


def rank(level: str) -> int:
    """A level's place in LEVELS (higher is more serious)."""
    return LEVELS.index(level)


def finding(entry: Entry, check: str, level: str, message: str) -> Finding:
    """A finding on an entry."""
    return Finding(entry.path, entry.line, entry.msgid, check, level, message, entry.msgstr)
