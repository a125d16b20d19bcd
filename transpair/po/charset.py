"""The charset a PO header declares, and its decoding: only the text encodings msgfmt calls portable.

msgfmt reads a file in any charset whose ASCII bytes are ASCII; for a name outside its list of portable
encodings (rot13, base64, UTF-16, cp037 — EBCDIC...) it warns and copies the bytes unconverted, which for
transpair would mean reading entries wrongly, or none. Such a file is refused with one line naming the
header line; the names below (and their aliases, `utf8`, `latin1`) are read. The list is the one GNU
gettext's msgfmt accepts without its "not a portable encoding name" warning (checked by
tests/test_po_charset.py against the installed msgfmt), less the three Python has no codec for (EUC-TW,
VISCII, GEORGIAN-PS).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from transpair.errors import InputError

PORTABLE = (
    "UTF-8 ASCII US-ASCII ANSI_X3.4-1968 ISO-8859-1 ISO-8859-2 ISO-8859-3 ISO-8859-4 ISO-8859-5 ISO-8859-6 "
    "ISO-8859-7 ISO-8859-8 ISO-8859-9 ISO-8859-13 ISO-8859-14 ISO-8859-15 KOI8-R KOI8-U KOI8-T CP850 CP866 "
    "CP874 CP932 CP949 CP950 CP1250 CP1251 CP1252 CP1253 CP1254 CP1255 CP1256 CP1257 GB2312 EUC-JP EUC-KR "
    "BIG5 BIG5-HKSCS GBK GB18030 SHIFT_JIS JOHAB TIS-620"
).split()
_CODECS = frozenset(codecs.lookup(name).name for name in PORTABLE)
_CHARSET = re.compile(rb"charset=([^\s\\\";]*)")


def header_charset(data: bytes, path: str | Path) -> str:
    """The Python codec of the charset the header names (UTF-8 when it names none, or the template's
    CHARSET); InputError naming the header line for a name that is not a portable text encoding."""
    match = _CHARSET.search(data)
    name = match[1].decode("ascii", "backslashreplace") if match else "CHARSET"
    if name == "CHARSET":
        return "utf-8"
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError):  # unknown, or a name with a NUL
        codec = None
    if codec not in _CODECS:
        line = data.count(b"\n", 0, match.start()) + 1
        raise InputError(
            f"{path}:{line}: charset {name!r} is not a portable text encoding (msgfmt would copy its bytes "
            "unconverted); convert the file, e.g. with msgconv -t UTF-8"
        )
    return codec


def decode(data: bytes, charset: str, path: str | Path) -> str:
    """The file's text in its charset; InputError naming the line of the first byte that is not text."""
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{path}:{line}: cannot decode the file as {charset} ({exc.reason})") from None
