"""Offsets to 1-based line numbers and trimmed Block spans, shared by the format readers."""

from __future__ import annotations

from bisect import bisect_right

from transpair.model import Block


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


class UnreadableMarkdown(ValueError):
    """A construct the reader cannot read whole (too deep, a code component never closed), at a 1-based
    line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
