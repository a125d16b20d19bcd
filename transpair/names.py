"""File names as text: undecodable bytes, control characters and spaces escaped as `\\xNN`, so that a
name never breaks a message, a PO reference or a UTF-8 output."""

from __future__ import annotations

import codecs
import os

import regex

ESCAPE = "transpair-escape"  # codec error handler: an undecodable byte (surrogateescape) becomes \xNN
_UNSAFE_IN_REFERENCE = regex.compile(r"[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]")


def _escape_surrogates(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: the bytes os.fsdecode kept as lone surrogates written as \\xNN (others as \\uNNNN)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(
        f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else f"\\u{ord(c):04x}" for c in bad
    ), exc.end


codecs.register_error(ESCAPE, _escape_surrogates)


def shown(text: object) -> str:
    """Text that encodes as UTF-8: undecodable bytes of a file name appear as \\xNN."""
    return str(text).encode("utf-8", ESCAPE).decode("utf-8")


def _escape_char(char: str) -> str:
    """One character as \\xNN (or \\uNNNN beyond Latin-1)."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def reference_name(path: str | os.PathLike) -> str:
    """A file's base name for a PO `#:` reference: one whitespace-free token that every gettext version
    reads back as the same name (spaces, controls and undecodable bytes as \\xNN)."""
    name = shown(os.path.basename(os.fspath(path)))
    return _UNSAFE_IN_REFERENCE.sub(lambda m: _escape_char(m[0]), name)
