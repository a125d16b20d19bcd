"""Offsets to 1-based line numbers, trimmed Block spans and paragraph text unwrapped as pages render it,
shared by the format readers (and by apply, which writes a text back in its span's style)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

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


_HARD_BREAK = regex.compile(r"(?: {2,}|\\)$")  # a Markdown line end that renders as a line break
_CONTINUATION = regex.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*")  # indentation and block-quote markers
_HTML_SOFT = regex.compile(r"[ \t]*\n\s*")


def unwrap(text: str, fmt: str, html: bool = False) -> str:
    """A paragraph's text as the page renders it, for msgids and msgstrs: in Markdown a soft line break
    and the next line's indentation (list continuation, block-quote markers) become one space, a hard
    break (two spaces or a backslash ending the line) stays a newline; in HTML every line break is soft;
    plain text keeps its lines."""
    if "\n" not in text or fmt == "text":
        return text
    if html or fmt == "html":
        return _HTML_SOFT.sub(" ", text)
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        hard = _HARD_BREAK.search(out[-1])
        rest = line[_CONTINUATION.match(line).end() :]
        out[-1] = out[-1][: hard.start()] if hard else out[-1].rstrip()
        out[-1] += "\n" + rest if hard else " " + rest
    return "".join(out)


def unwrapped(block: Block, fmt: str) -> Block:
    """The block with its text unwrapped (see unwrap); its span still locates it in the file."""
    text = unwrap(block.text, fmt, block.html)
    return block if text == block.text else replace(block, text=text)


def rewrap(text: str, span: str) -> str:
    """A new text for a span, written in the span's style: each line break as the span writes a hard
    break (a backslash, else two spaces) and followed by the indentation or quote markers of its second
    line, so a list item or a quote stays one."""
    if "\n" not in text or "\n" not in span:
        return text
    second = span.split("\n", 2)[1]
    prefix = second[: _CONTINUATION.match(second).end()]
    mark = "\\" if "\\\n" in span else "  "
    return text.replace("\n", f"{mark}\n{prefix}")


class UnreadableMarkdown(ValueError):
    """A construct the reader cannot read whole (too deep, a code component never closed), at a 1-based
    line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def code_block(text: str, starts: list[int], start: int, end: int) -> Block | None:
    """The code Block of the lines in text[start:end] without the blank lines around them (indentation
    kept), or None when all are blank."""
    chunk = text[start:end]
    if not chunk.strip():
        return None
    first = start + _BLANK_LEAD.match(chunk).end()
    last = start + _BLANK_TAIL.search(chunk).start()
    return Block(text[first:last], "code", bisect_right(starts, first), first, last)
