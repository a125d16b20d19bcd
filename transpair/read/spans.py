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
    out = [lines[0]]  # pieces, joined once at the end: linear however long the paragraph
    for line in lines[1:]:
        hard = _end_line(out)
        out += ["\n" if hard else " ", line[_CONTINUATION.match(line).end() :]]
    return "".join(out)


def _end_line(out: list[str]) -> bool:
    """End the text so far (pieces) at a line break: a hard break (two or more spaces, or a backslash, at
    its end, or before a final newline) is cut off and True; otherwise its trailing whitespace is, and
    False. Only pieces at the end are looked at, and those are removed: linear over a whole paragraph."""
    while out and not out[-1]:
        out.pop()
    end = len(out) - 1 if out and out[-1] == "\n" else len(out)
    spaces, k = 0, end
    while k and not out[k - 1].strip(" "):
        spaces, k = spaces + len(out[k - 1]), k - 1
    piece = out[k - 1] if k else ""
    spaces += len(piece) - len(piece.rstrip(" "))
    if spaces >= 2 or (spaces == 0 and piece.endswith("\\")):
        out[max(k - 1, 0) :] = [piece.rstrip(" ") if spaces else piece[:-1]]
        return True
    while out and not out[-1].rstrip():
        out.pop()
    if out:
        out[-1] = out[-1].rstrip()
    return False


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


# blocks (code blocks and attribute values included) one page may hold: memory grows with them (about 2 KB a
# block for `pot`, more for `align`), so this with the 64 MiB input limit bounds a run's peak (README); the
# largest page of the fetched sites holds 3,853 (bench/bench_memory.py)
MAX_BLOCKS = 20_000


def check_blocks(count: int, line: int) -> None:
    """Refuse a page, at the line reached, once it holds more than MAX_BLOCKS blocks."""
    if count > MAX_BLOCKS:
        raise UnreadableMarkdown(line, f"more than {MAX_BLOCKS:,} blocks in one page: split it")


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
