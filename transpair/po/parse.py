"""Parse PO text into polib objects keeping everything gettext keeps (polib's own reader drops some of it).

Kept beyond polib: empty `#.` and `#` comment lines, `#.` without a space, the previous source (`#~|`) of
obsolete entries, and the header's exact text, on the declared subclasses of transpair.po.objects, so that
writing the file back is byte-identical to msgcat. What msgfmt refuses is refused beforehand by
transpair.po.check.check_syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transpair.errors import InputError
from transpair.po.flags import read_flags
from transpair.po.lex import Token, tokens
from transpair.po.objects import KeptEntry, KeptFile
from transpair.po.wrap import PAGE_WIDTH

_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
_NAMED = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\n": ""}
_RAW_BYTE = re.compile("[\udc80-\udcff]")  # an escaped byte over 0x7f, waiting to be decoded


def unescape(text: str, charset: str = "utf-8") -> str:
    """A PO string's value: C escapes resolved as gettext's lexer reads them (others were refused by
    po_check before); an octal or hex escape is one byte of the file's charset (`\\303\\251` is é in
    UTF-8); UnicodeDecodeError when the escaped bytes are not text in it."""

    def one(match: re.Match) -> str:
        octal, hexa, char = match.groups()
        if octal or hexa:
            byte = int(octal, 8) % 256 if octal else int(hexa[-2:], 16)  # the last byte, as gettext keeps it
            return chr(byte) if byte < 0x80 else chr(0xDC00 + byte)  # surrogateescape's form of a byte
        return _NAMED.get(char, char)

    if "\\" not in text:
        return text
    value = _ESCAPE.sub(one, text)
    return value.encode(charset, "surrogateescape").decode(charset) if _RAW_BYTE.search(value) else value


@dataclass
class _Entry:
    """The parts of one entry while its lines are read."""

    line: int = 0
    fields: dict = field(default_factory=dict)  # name -> its string pieces, then (done) its value
    previous: dict = field(default_factory=dict)
    translator: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    references: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    obsolete: bool = False
    last: list[str] | None = None  # the pieces of the field the next string continues
    charset: str = "utf-8"  # the file's, for escaped bytes

    def complete(self) -> bool:
        """Whether a msgstr was read (the next comment or msgid starts a new entry)."""
        return any(name.startswith("msgstr") for name in self.fields)

    def done(self) -> _Entry:
        """The entry with each field's pieces joined (joined once: linear however many lines a field has)."""
        for holder in (self.fields, self.previous):
            holder.update((name, "".join(pieces)) for name, pieces in holder.items())
        return self


def _comment_text(rest: str) -> str:
    """A comment's text: gettext removes one space after the marker."""
    return rest[1:] if rest.startswith(" ") else rest


def _references(rest: str) -> list[tuple[str, str]]:
    """`#:` words as (file, line) pairs; a word without a numeric `:line` has an empty line."""
    pairs = []
    for word in rest.split():
        name, colon, line = word.rpartition(":")
        pairs.append((name, line) if colon and line.isdigit() else (word, ""))
    return pairs


def _comment(entry: _Entry, text: str) -> None:
    """A comment line (not previous, not obsolete keyword) into the entry."""
    kind, rest = text[1:2], text[2:]
    if kind == ".":
        entry.extracted.append(_comment_text(rest))
    elif kind == ":":
        entry.references += _references(rest)
    elif kind == ",":
        entry.flags += [f.strip() for f in rest.split(",") if f.strip()]
    elif kind != "!":
        entry.translator.append(_comment_text(text[1:]))


def _value(token: Token, charset: str, path: str) -> str:
    """A string token's value; InputError (file:line) when its escaped bytes are not text in the charset."""
    try:
        return unescape(token.text[1:-1], charset)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}:{token.line}: cannot decode an escaped byte as {charset} ({exc.reason})"
        ) from None


def _entries(found: list[Token], charset: str, path: str) -> list[_Entry]:
    """The entries of a PO text in file order (trailing comments with no msgid are dropped); the text has
    passed po_check.check_syntax."""
    entries, entry = [], _Entry(charset=charset)
    for token in found:
        opens = token.kind == "comment" or token.previous or token.text in ("msgctxt", "msgid", "domain")
        if opens and entry.complete():
            entries.append(entry.done())
            entry = _Entry(charset=charset)
        if token.kind == "comment":
            _comment(entry, token.text.rstrip())
            entry.last = None
        elif token.kind == "string":
            if entry.last is not None:
                entry.last.append(_value(token, charset, path))
        elif token.text == "domain":
            entry.last = None
        else:
            target = entry.previous if token.previous else entry.fields
            name = f"msgstr[{token.index}]" if token.index is not None else token.text
            target[name] = entry.last = []
            entry.obsolete = entry.obsolete or (token.obsolete and not token.previous)
            if name == "msgid" and not token.previous:
                entry.line = token.line
    return [*entries, entry.done()] if "msgid" in entry.fields else entries


def _polib_entry(entry: _Entry) -> KeptEntry:
    """The polib entry of a parsed one."""
    plural = {int(name[7:-1]): value for name, value in entry.fields.items() if name.startswith("msgstr[")}
    return KeptEntry(
        msgctxt=entry.fields.get("msgctxt"),
        msgid=entry.fields["msgid"],
        msgid_plural=entry.fields.get("msgid_plural", ""),
        msgstr=entry.fields.get("msgstr", ""),
        msgstr_plural=plural,
        comment="\n".join(entry.extracted),
        tcomment="\n".join(entry.translator),
        occurrences=entry.references,
        flags=entry.flags,
        previous_msgctxt=entry.previous.get("msgctxt"),
        previous_msgid=entry.previous.get("msgid"),
        previous_msgid_plural=entry.previous.get("msgid_plural"),
        obsolete=entry.obsolete,
        linenum=entry.line,
        lone_empty=_lone(entry),
    )


def _lone(entry: _Entry) -> tuple[str, ...]:
    """The comment markers whose only line is empty."""
    return tuple(
        marker for marker, lines in (("#", entry.translator), ("#.", entry.extracted)) if lines == [""]
    )


def parse_metadata(msgstr: str) -> dict[str, str]:
    """Header fields as polib reads them (a line with no colon continues the previous field)."""
    meta: dict[str, str] = {}
    key = None
    for line in msgstr.splitlines():
        name, colon, value = line.partition(":")
        if colon:
            key = name
            meta[key] = value.strip()
        elif key is not None:
            meta[key] += "\n" + line.strip()
    return meta


def parse_po(text: str, path: str = "", charset: str = "utf-8", found: list[Token] | None = None) -> KeptFile:
    """A POFile of the text (decoded from `charset`; `found`: its tokens, when already read): header (kept
    verbatim as `raw_header`), live and obsolete entries in order; InputError for a second header, which
    msgfmt refuses."""
    po = KeptFile(wrapwidth=PAGE_WIDTH)
    po.fpath = path
    first = 0
    for entry in _entries(tokens(text, path) if found is None else found, charset, path):
        header = entry.fields["msgid"] == "" and "msgctxt" not in entry.fields and not entry.obsolete
        if header and first:
            raise InputError(f'{path}:{entry.line}: duplicate header entry (msgid ""; first at line {first})')
        if header:
            first = entry.line
            po.raw_header = entry.fields.get("msgstr", "")
            po.header = "\n".join(entry.translator)
            po.lone_empty = _lone(entry)
            po.metadata = parse_metadata(po.raw_header)
            po.metadata_is_fuzzy = ["fuzzy"] if read_flags(entry.flags).fuzzy else []
            po.header_metadata = dict(po.metadata)
        else:
            po.append(_polib_entry(entry))
    return po
