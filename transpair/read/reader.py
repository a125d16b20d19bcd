"""Read an article file into a Document: decode it and cut it into translatable blocks."""

from __future__ import annotations

import codecs
from dataclasses import replace
from pathlib import Path

import regex

from transpair.errors import InputError, read_input
from transpair.model import Block, Document
from transpair.read.config import read_options
from transpair.read.dialects import ReadOptions
from transpair.read.frontmatter import front_matter_end
from transpair.read.html import html_parts
from transpair.read.legacy import decode_legacy
from transpair.read.markdown import UnreadableMarkdown, markdown_parts
from transpair.read.spans import check_blocks, line_starts, trimmed_block, unwrapped

_ESM_FIRST = regex.compile(r"\s*(?:import|export)[ \t]")  # an MDX page (Docusaurus .md) begins with imports
_BLANK_LINES = regex.compile(r"\n[ \t\u00a0\u3000]*\n\s*")
_LINE_END = regex.compile(r"\r\n|\r|\n")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HANGUL = regex.compile(r"\p{Hangul}")
_LETTER = regex.compile(r"\p{L}")
_NOT_HEADING = regex.compile(
    r"[.!?:;,。！？…\p{Pd}]['\"’”»)\]]*$"  # final punctuation
    r"|(?:다|(?<![개필중수주])요|죠|까)$"  # a Korean sentence ending (not nouns such as 개요, 필요)
    r"|[.:;] "  # two clauses
    # English headings start upper-case (Korean ones may start with an identifier)
    r"|^\p{Ll}(?!.*\p{Hangul})"
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FORMATS = {".md": "markdown", ".markdown": "markdown", ".mdx": "markdown", ".html": "html", ".htm": "html"}
FORMATS = ("text", "markdown", "html")
HEADING_MAX_CHARS = 80  # a plain-text heading is one short line; longer single lines are paragraphs
MAX_LINES = 1_000_000  # 64 MiB at 64 characters a line; the largest page of the fetched sites has 6,127
BINARY_CONTROL_SHARE = 0.05  # more control characters than this and the file is not text


def _legacy(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Non-UTF-8 bytes without a BOM: a legacy Korean, Japanese or Chinese encoding that reads as its
    language, else refused (a guessed codepage gives mojibake)."""
    legacy = decode_legacy(data, path)
    if legacy:
        return legacy
    raise InputError(
        f"{path}: cannot decode the file (not UTF-8: {utf8_error.reason} at byte {utf8_error.start}; nor"
        " UTF-16/32 with a BOM, nor Korean CP949/EUC-KR, Japanese EUC-JP/Shift_JIS or Chinese GB18030/Big5"
        " text); convert it to UTF-8"
    )


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Bytes to text and the encoding used: BOMs, then UTF-8, then legacy CJK encodings; anything else
    refused."""
    bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
    if bom:
        try:
            text, encoding = data.decode(bom), bom
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: cannot decode the file as {bom} ({exc.reason} at byte {exc.start})"
            ) from None
    elif b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file (NUL bytes), not text")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = _legacy(data, path, exc)
    if len(_CONTROL.findall(text)) > BINARY_CONTROL_SHARE * len(text):
        raise InputError(f"{path}: looks like a binary file (control characters), not text")
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return text, encoding


def check_lines(text: str, path: str) -> None:
    """Refuse a text of more than MAX_LINES lines before any per-line list is built (memory grows with the
    lines even where they hold no block: each reader keeps a few numbers a line)."""
    lines = text.count("\n") + text.count("\r") - text.count("\r\n")
    if lines > MAX_LINES:
        raise InputError(f"{path}:{MAX_LINES + 1}: more than {MAX_LINES:,} lines in one file: split it")


def _is_heading(block: Block, followed: bool) -> bool:
    """A plain-text heading: one short line with letters, not a sentence (see _NOT_HEADING), and text after
    it."""
    text = block.text
    return (
        followed
        and "\n" not in text
        and len(text) <= HEADING_MAX_CHARS
        and bool(_LETTER.search(text))
        and not _NOT_HEADING.search(text)
    )


def text_blocks(text: str) -> tuple[Block, ...]:
    """Plain text: a block is a run of lines between blank lines; a short unpunctuated line is a heading."""
    starts = line_starts(text)
    blocks = []
    pos = 0
    for sep in [*_BLANK_LINES.finditer(text), None]:
        end = sep.start() if sep else len(text)
        block = trimmed_block(text, starts, pos, end, "paragraph")
        if block:
            blocks.append(block)
            check_blocks(len(blocks), block.line)
        if sep:
            pos = sep.end()
    return tuple(
        replace(b, kind="heading") if _is_heading(b, i + 1 < len(blocks)) else b for i, b in enumerate(blocks)
    )


def format_of(path: str | Path) -> str:
    """The reader a file name asks for: markdown, html, else plain text."""
    return _FORMATS.get(Path(path).suffix.lower(), "text")


def is_mdx(path: str, text: str) -> bool:
    """Whether a Markdown file is MDX: named .mdx, or beginning (after front matter) with an import or export
    (Docusaurus reads its .md pages as MDX)."""
    return path.lower().endswith(".mdx") or bool(_ESM_FIRST.match(text, front_matter_end(text)))


def parse(text: str, fmt: str, options: ReadOptions = ReadOptions()) -> tuple[Block, ...]:
    """Cut decoded, LF-normalised text into blocks with the reader for `fmt` (see parts)."""
    return parts(text, fmt, options)[0]


def parts(
    text: str, fmt: str, options: ReadOptions = ReadOptions()
) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    """Cut decoded, LF-normalised text into blocks, each block's text unwrapped as the page renders it
    (spans.unwrap), and code blocks, with the reader for `fmt`."""
    readers = {
        "markdown": lambda: markdown_parts(text, options),
        "mdx": lambda: markdown_parts(text, replace(options, mdx=True)),
        "html": lambda: html_parts(text),
    }
    if fmt in readers:
        blocks, code = readers[fmt]()
        return tuple(unwrapped(b, fmt) for b in blocks), code
    if fmt == "text":
        return text_blocks(text), ()
    raise InputError(f"unknown format {fmt!r} (choose one of {', '.join(FORMATS)})")


def read_document(path: str | Path, format: str | None = None) -> Document:
    """Read, decode and LF-normalise a file and cut it into blocks; format from the extension unless given."""
    p = Path(path)
    return bytes_document(read_input(p), str(p), format, read_options(p))


def bytes_document(
    data: bytes, path: str, format: str | None = None, options: ReadOptions = ReadOptions()
) -> Document:
    """Decode a file's bytes (from disk or from git history), keep its line ends, cut it into blocks."""
    text, encoding = decode(data, path)
    check_lines(text, path)
    ends = tuple(found.group() for found in _LINE_END.finditer(text)) if "\r" in text else ()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = format or format_of(path)
    mdx = fmt == "markdown" and is_mdx(path, text)
    try:
        blocks, code = parts(text, "mdx" if mdx else fmt, options)
    except UnreadableMarkdown as exc:
        raise InputError(f"{path}:{exc.line}: {exc}") from None
    return Document(path, text, blocks, fmt, encoding, line_ends=ends, code=code)
