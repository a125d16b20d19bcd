"""Parse PO text into polib objects keeping everything gettext keeps (polib's own reader drops some of it).

Kept beyond polib: empty `#.` and `#` comment lines, `#.` without a space, the previous source (`#~|`) of
obsolete entries, and the header's exact text, on the declared subclasses of transpair.po.objects, so that
writing the file back is byte-identical to msgcat. What msgfmt refuses is refused beforehand by
transpair.po.check.check_syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transpair.po.flags import read_flags
from transpair.po.objects import KeptEntry, KeptFile
from transpair.po.wrap import PAGE_WIDTH

_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
_OPENING = re.compile(r"msgctxt\b|msgid(?!_)\b")
_NAMED = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_RAW_BYTE = re.compile("[\udc80-\udcff]")  # an escaped byte over 0x7f, waiting to be decoded
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(.*)", re.DOTALL)


def unescape(text: str, charset: str = "utf-8") -> str:
    """A PO string's value: C escapes resolved as gettext's lexer reads them (others were refused by
    po_check before); an octal or hex escape is one byte of the file's charset (`\\303\\251` is é in
    UTF-8); UnicodeDecodeError when the escaped bytes are not text in it."""

    def one(match: re.Match) -> str:
        octal, hexa, char = match.groups()
        if octal or hexa:
            byte = int(octal, 8) % 256 if octal else int(hexa, 16) % 256
            return chr(byte) if byte < 0x80 else chr(0xDC00 + byte)  # surrogateescape's form of a byte
        return _NAMED.get(char, char)

    if "\\" not in text:
        return text
    value = _ESCAPE.sub(one, text)
    return value.encode(charset, "surrogateescape").decode(charset) if _RAW_BYTE.search(value) else value


def _strings(text: str, charset: str) -> str:
    """The concatenated values of the quoted strings on a line."""
    return "".join(unescape(s, charset) for s in _STRING.findall(text))


@dataclass
class _Entry:
    """The parts of one entry while its lines are read."""

    line: int = 0
    fields: dict[str, str] = field(default_factory=dict)
    previous: dict[str, str] = field(default_factory=dict)
    translator: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    references: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    obsolete: bool = False
    last: tuple[dict[str, str], str] | None = None
    charset: str = "utf-8"  # the file's, for escaped bytes

    def complete(self) -> bool:
        """Whether a msgstr was read (the next comment or msgid starts a new entry)."""
        return any(name.startswith("msgstr") for name in self.fields)


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


def _keyword(entry: _Entry, target: dict[str, str], text: str) -> None:
    """A keyword line (or a continuation string) into the entry's current or previous fields."""
    match = _KEYWORD.match(text)
    if match:
        name = f"msgstr[{match[2]}]" if match[2] is not None else match[1]
        target[name] = _strings(match[3], entry.charset)
        entry.last = (target, name)
    elif entry.last is not None and entry.last[0] is target:
        holder, name = entry.last
        holder[name] += _strings(text, entry.charset)


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


def _entries(text: str, charset: str) -> list[_Entry]:
    """The entries of a PO text in file order (trailing comments with no msgid are dropped); the text has
    passed po_check.check_syntax."""
    entries, entry = [], _Entry(charset=charset)
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        obsolete = line.startswith("#~")
        body = line[2:] if obsolete else line
        previous = body.startswith("#|") or (obsolete and body.startswith("|"))
        content = body.split("|", 1)[1].lstrip() if previous else body.lstrip()
        opens = (line.startswith("#") and not obsolete) or previous or _OPENING.match(content)
        if opens and entry.complete():
            entries.append(entry)
            entry = _Entry(charset=charset)
        if previous:
            _keyword(entry, entry.previous, content)
        elif obsolete:
            entry.obsolete = True
            _keyword(entry, entry.fields, content)
        elif line.startswith("#"):
            _comment(entry, line)
        else:
            _keyword(entry, entry.fields, line)
        if not entry.line and "msgid" in entry.fields:
            entry.line = number
    return [*entries, entry] if "msgid" in entry.fields else entries


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


def parse_po(text: str, path: str = "", charset: str = "utf-8") -> KeptFile:
    """A POFile of the text (decoded from `charset`): header (kept verbatim as `raw_header`), live and
    obsolete entries in order."""
    po = KeptFile(wrapwidth=PAGE_WIDTH)
    po.fpath = path
    for entry in _entries(text, charset):
        header = entry.fields["msgid"] == "" and "msgctxt" not in entry.fields and not entry.obsolete
        if header and po.raw_header is None:
            po.raw_header = entry.fields.get("msgstr", "")
            po.header = "\n".join(entry.translator)
            po.lone_empty = _lone(entry)
            po.metadata = parse_metadata(po.raw_header)
            po.metadata_is_fuzzy = ["fuzzy"] if read_flags(entry.flags).fuzzy else []
            po.header_metadata = dict(po.metadata)
        else:
            po.append(_polib_entry(entry))
    return po
