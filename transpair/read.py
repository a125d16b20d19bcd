"""Read an article file into a Document: decode it and cut it into translatable blocks."""

from __future__ import annotations

from pathlib import Path

import regex

from .errors import InputError
from .model import Block, Document

_BLANK_LINES = regex.compile(r"\n[ \t\u00a0\u3000]*\n\s*")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Bytes to text and the encoding used; UTF-8 (with or without BOM) first."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: cannot decode the file as UTF-8 ({exc.reason} at byte {exc.start})") from None


def text_blocks(text: str) -> tuple[Block, ...]:
    """Plain text: a block is a run of lines between blank lines."""
    blocks = []
    pos = 0
    for sep in [*_BLANK_LINES.finditer(text), None]:
        end = sep.start() if sep else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            start, stop = pos + lead, pos + len(chunk.rstrip())
            blocks.append(Block(text[start:stop], "paragraph", text.count("\n", 0, start) + 1, start, stop))
        if sep:
            pos = sep.end()
    return tuple(blocks)


def read_document(path: str | Path) -> Document:
    """Read and decode a file and cut it into blocks (plain text for now)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a file")
    text, encoding = decode(p.read_bytes(), str(p))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(str(p), text, text_blocks(text), "text", encoding)
