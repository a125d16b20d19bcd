"""Offsets to 1-based line numbers and trimmed Block spans, shared by the format readers."""

from __future__ import annotations

from bisect import bisect_right

import regex

from transpair.model import Block

_BLANK_LEAD = regex.compile(r"(?:[ \t]*\n)*")
_BLANK_TAIL = regex.compile(r"(?:\n[ \t]*)*\Z")


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line, so a line number is one bisect away."""
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def trimmed_block(text: str, starts: list[int], start: int, end: int, kind: str) -> Block | None:
    """The Block for text[start:end] without surrounding whitespace, or None when nothing is left."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    start += len(chunk) - len(chunk.lstrip())
    end = start + len(stripped)
    return Block(stripped, kind, bisect_right(starts, start), start, end)


def code_block(text: str, starts: list[int], start: int, end: int) -> Block | None:
    """The code Block of the lines in text[start:end] without the blank lines around them (indentation
    kept), or None when all are blank."""
    chunk = text[start:end]
    if not chunk.strip():
        return None
    first = start + _BLANK_LEAD.match(chunk).end()
    last = start + _BLANK_TAIL.search(chunk).start()
    return Block(text[first:last], "code", bisect_right(starts, first), first, last)
