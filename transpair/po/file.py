"""Read PO files with clear errors and write them byte for byte as GNU gettext (msgcat) would."""

from __future__ import annotations

from pathlib import Path

import polib

from transpair.errors import InputError, existing_file, read_input
from transpair.po import parse
from transpair.po.charset import decode, header_charset
from transpair.po.check import check_newlines, check_syntax
from transpair.po.flags import Flags, flag_words, glued, read_flags
from transpair.po.lex import tokens
from transpair.po.objects import KeptEntry, lone_empty, lone_markers, raw_header
from transpair.po.state import has_text
from transpair.po.wrap import PAGE_WIDTH, wrap_field
from transpair.write import write_text


def _comment_lines(marker: str, text: str, lone: bool = False) -> list[str]:
    """Comment lines as gettext writes them: `# text`, or a bare `#` for an empty line (`lone`: the
    comment is one empty line)."""
    if not text:
        return [marker] if lone else []
    return [f"{marker} {line}" if line else marker for line in text.split("\n")]


def _reference_lines(occurrences: list[tuple[str, str]]) -> list[str]:
    """`#:` lines, a new line whenever the next reference would pass the page width (never wrapped by
    --no-wrap)."""
    if not occurrences:
        return []
    lines, current, column = [], "#:", 2
    for name, line in occurrences:
        ref = f"{name}:{line}" if str(line) else name
        size = len(ref.encode("utf-8")) + 1
        if column > 2 and column + size > PAGE_WIDTH:
            lines.append(current)
            current, column = "#:", 2
        current += " " + ref
        column += size
    return [*lines, current]


def _message_lines(entry: polib.POEntry, wrap: bool, flags: Flags) -> list[str]:
    """msgctxt/msgid/msgstr lines of an entry, with their `#|` previous-source lines (no break inside the
    format directives of a format string)."""
    prefix, previous = ("#~ ", "#~| ") if entry.obsolete else ("", "#| ")
    wrap = wrap and not flags.no_wrap

    def field(name: str, value: str, start: str) -> list[str]:
        return wrap_field(name, value, start, wrap, glued=glued(flags, value))

    lines = []
    for name, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None and (value or name == "msgid"):
            lines += field(name, value, previous)
    if entry.msgctxt is not None:
        lines += field("msgctxt", entry.msgctxt, prefix)
    lines += field("msgid", entry.msgid, prefix)
    if entry.msgid_plural:
        lines += field("msgid_plural", entry.msgid_plural, prefix)
        for index in sorted(entry.msgstr_plural, key=int):
            lines += field(f"msgstr[{index}]", entry.msgstr_plural[index], prefix)
    else:
        lines += field("msgstr", entry.msgstr, prefix)
    return lines


def format_entry(entry: polib.POEntry, wrap: bool = True) -> list[str]:
    """The lines gettext writes for one entry: comments, references, flags, previous, strings."""
    flags = read_flags(entry.flags)
    words = flag_words(flags, has_text(entry))
    return (
        _comment_lines("#", entry.tcomment, lone_empty(entry, "#"))
        + _comment_lines("#.", entry.comment, lone_empty(entry, "#."))
        + _reference_lines(entry.occurrences)
        + ([f"#, {', '.join(words)}"] if words else [])
        + _message_lines(entry, wrap, flags)
    )


def header_text(po: polib.POFile) -> str:
    """The header msgstr: the file's own text where its fields did not change (spacing kept), changed
    fields rewritten in place, new ones appended."""
    raw, before = raw_header(po)
    if raw is None or before is None:
        return "".join(f"{key}: {value}\n" for key, value in po.metadata.items())
    if before == po.metadata:
        return raw
    lines = []
    for line in raw.split("\n"):
        key = line.partition(":")[0]
        if ":" not in line or key not in before:
            lines.append(line)
        elif key in po.metadata:
            lines.append(line if before[key] == po.metadata[key] else f"{key}: {po.metadata[key]}")
    text = "\n".join(lines)
    added = "".join(f"{key}: {value}\n" for key, value in po.metadata.items() if key not in before)
    return text + added if not text or text.endswith("\n") else f"{text}\n{added}" if added else text


def header_entry(po: polib.POFile) -> polib.POEntry | None:
    """The header as the entry gettext writes first (msgid "" with the metadata as msgstr); None for a
    file that has none."""
    fuzzy = bool(po.metadata_is_fuzzy)
    if raw_header(po)[0] is None and not (po.metadata or po.header or fuzzy):
        return None
    return KeptEntry(
        msgid="",
        msgstr=header_text(po),
        tcomment=po.header or "",
        flags=["fuzzy"] * fuzzy,
        lone_empty=lone_markers(po),
    )


def format_po(po: polib.POFile, wrap: bool = True) -> str:
    """The whole file as msgcat writes it: header, live entries, then obsolete ones (empty obsolete
    dropped)."""
    live = [e for e in po if not e.obsolete]
    dead = [e for e in po if e.obsolete and has_text(e)]
    header = header_entry(po)
    blocks = [format_entry(entry, wrap) for entry in [*([header] if header else []), *live, *dead]]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n" if blocks else ""


def write_po(po: polib.POFile, path: str | Path, wrap: bool = True, backup: bool = True) -> Path:
    """Write a PO (or POT) exactly as msgcat would format it, atomically, keeping a .bak of the old file."""
    return write_text(path, format_po(po, wrap), backup=backup)


def entry_key(entry: polib.POEntry) -> tuple[str | None, str]:
    """An entry's identity in a catalog: msgctxt and msgid."""
    return (entry.msgctxt, entry.msgid)


def _check_duplicates(po: polib.POFile, path: Path | str, strict: bool) -> polib.POFile:
    """Drop exact duplicate entries (refuse them when strict, obsolete ones included, as msgfmt does);
    refuse conflicting ones."""
    seen: dict[tuple, polib.POEntry] = {}
    for entry in list(po):
        key = entry_key(entry)
        if key not in seen:
            seen[key] = entry
        elif strict:
            raise InputError(
                f"{path}:{entry.linenum}: duplicate msgid (first defined at line {seen[key].linenum})"
            )
        elif seen[key].msgstr == entry.msgstr and seen[key].msgstr_plural == entry.msgstr_plural:
            po.remove(entry)
        else:
            raise InputError(
                f"{path}:{entry.linenum}: conflicting duplicate entry for msgid {entry.msgid[:40]!r} "
                f"(first at line {seen[key].linenum})"
            )
    return po


def read_po(path: str | Path, strict: bool = False) -> polib.POFile:
    """Read a PO/POT file; InputError naming the file (and line) for anything wrong with it.

    strict (for reports): any duplicate msgid (obsolete ones included) or a translation whose leading or
    trailing newline differs from its msgid is an error, as for msgfmt; an empty or header-less file is
    read as msgfmt reads it (no entries; entries without header).
    """
    p = existing_file(path, "PO file")
    return read_po_data(read_input(p, "PO file"), p, strict)


def read_po_data(data: bytes, name: str | Path, strict: bool = False) -> polib.POFile:
    """Read PO content (a file's bytes, or standard input's) as read_po does; errors name `name`."""
    charset = header_charset(data, name)
    text = decode(data, charset, name)
    found = tokens(text, name)
    check_syntax(found, name)
    po = parse.parse_po(text, str(name), charset, found)
    if strict:  # merging keeps such a translation as it was (tests/test_po_file.py reads any text back)
        check_newlines(po, name)
    return _check_duplicates(po, name, strict)
