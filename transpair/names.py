"""File names as text: undecodable bytes, control characters and spaces escaped as `\\xNN`, so that a
name never breaks a message, a PO reference or a UTF-8 output."""

from __future__ import annotations

import codecs
import os
import re

import regex

ESCAPE = "transpair-escape"  # codec error handler for outputs: a lone surrogate becomes \\uDCNN text
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = regex.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]")
_SPACE = regex.compile(r"\s")


def _escape_unencodable(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: a character UTF-8 cannot hold (an undecodable byte of a file name that os.fsdecode
    kept as a lone surrogate) written as \\uNNNN, which JSON reads back as the same name."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(f"\\u{ord(c):04x}" for c in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(ESCAPE, _escape_unencodable)


def shown(text: object) -> str:
    """UTF-8-safe text: an undecodable byte of a file name appears as \\xNN (as `ls -b` shows it)."""
    return _SURROGATE.sub(lambda m: _escape_char(_byte_of(m[0])), str(text))


def _byte_of(surrogate: str) -> str:
    """The byte os.fsdecode stood in for with U+DC80..U+DCFF (other lone surrogates stay themselves)."""
    return chr(ord(surrogate) - 0xDC00) if surrogate >= "\udc80" else surrogate


def _escape_char(char: str) -> str:
    """One character as \\xNN (or \\uNNNN beyond Latin-1)."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: object) -> str:
    """Text for a single line (a PO header field, a table cell): controls and undecodable bytes as \\xNN."""
    return _CONTROL.sub(lambda m: _escape_char(m[0]), shown(text))


def reference_name(path: str | os.PathLike) -> str:
    """A file's base name for a PO `#:` reference: one whitespace-free token that every gettext version
    reads back as the same name (spaces, controls and undecodable bytes as \\xNN)."""
    return _SPACE.sub(lambda m: _escape_char(m[0]), one_line(os.path.basename(os.fspath(path))))
