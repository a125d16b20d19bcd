"""Read PO files with clear errors and write them byte for byte as GNU gettext (msgcat) would."""

from __future__ import annotations

import codecs
from pathlib import Path

import polib
import regex

from .entry_state import has_text
from .errors import InputError, existing_file, read_input
from .po_check import check_newlines, check_syntax
from .powrap import PAGE_WIDTH, wrap_field
from .write import write_text


def _comment_lines(marker: str, text: str) -> list[str]:
    """Comment lines as gettext writes them: `# text`, or a bare `#` for an empty line."""
    if not text:
        return []
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


def _flag_line(flags: list[str], translated: bool) -> list[str]:
    """The `#,` line with fuzzy first, as gettext orders it; gettext drops fuzzy from untranslated entries."""
    ordered = (["fuzzy"] if "fuzzy" in flags and translated else []) + [f for f in flags if f != "fuzzy"]
    return [f"#, {', '.join(ordered)}"] if ordered else []


def _message_lines(entry: polib.POEntry, wrap: bool) -> list[str]:
    """msgctxt/msgid/msgstr lines of an entry, with their `#|` previous-source lines."""
    prefix, previous = ("#~ ", "#~| ") if entry.obsolete else ("", "#| ")
    lines = []
    for name, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None and (value or name == "msgid"):
            lines += wrap_field(name, value, previous, wrap)
    if entry.msgctxt is not None:
        lines += wrap_field("msgctxt", entry.msgctxt, prefix, wrap)
    lines += wrap_field("msgid", entry.msgid, prefix, wrap)
    if entry.msgid_plural:
        lines += wrap_field("msgid_plural", entry.msgid_plural, prefix, wrap)
        for index in sorted(entry.msgstr_plural, key=int):
            lines += wrap_field(f"msgstr[{index}]", entry.msgstr_plural[index], prefix, wrap)
    else:
        lines += wrap_field("msgstr", entry.msgstr, prefix, wrap)
    return lines


def format_entry(entry: polib.POEntry, wrap: bool = True) -> list[str]:
    """The lines gettext writes for one entry: comments, references, flags, previous, strings."""
    return (
        _comment_lines("#", entry.tcomment)
        + _comment_lines("#.", entry.comment)
        + _reference_lines(entry.occurrences)
        + _flag_line(entry.flags, has_text(entry))
        + _message_lines(entry, wrap)
    )


def header_entry(po: polib.POFile) -> polib.POEntry:
    """The header as the entry gettext writes first (msgid "" with the metadata as msgstr)."""
    text = "".join(f"{key}: {value}\n" for key, value in po.metadata.items())
    flags = ["fuzzy"] if getattr(po, "metadata_is_fuzzy", False) else []
    return polib.POEntry(msgid="", msgstr=text, tcomment=po.header or "", flags=flags)


def format_po(po: polib.POFile, wrap: bool = True) -> str:
    """The whole file as msgcat writes it: header, live entries, then obsolete ones (empty obsolete
    dropped)."""
    live = [e for e in po if not e.obsolete]
    dead = [e for e in po if e.obsolete and has_text(e)]
    blocks = [format_entry(entry, wrap) for entry in [header_entry(po), *live, *dead]]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def write_po(po: polib.POFile, path: str | Path, wrap: bool = True, backup: bool = True) -> Path:
    """Write a PO (or POT) exactly as msgcat would format it, atomically, keeping a .bak of the old file."""
    return write_text(path, format_po(po, wrap), backup=backup)


def entry_key(entry: polib.POEntry) -> tuple[str | None, str]:
    """An entry's identity in a catalog: msgctxt and msgid."""
    return (entry.msgctxt, entry.msgid)


_SYNTAX_LINE = regex.compile(r"\(line (\d+)\)")


def _check_duplicates(po: polib.POFile, path: Path, strict: bool) -> polib.POFile:
    """Drop exact duplicate entries (refuse them when strict, as msgfmt does); refuse conflicting ones."""
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


def _check_charset(po: polib.POFile, path: Path) -> None:
    """Refuse a header charset Python does not know (polib would silently read the file as UTF-8)."""
    content_type = po.metadata.get("Content-Type", "")
    charset = content_type.partition("charset=")[2].split(";")[0].strip()
    if charset and charset != "CHARSET":
        try:
            codecs.lookup(charset)
        except LookupError:
            raise InputError(f"{path}: unknown charset {charset!r} in the PO header") from None


def read_po(path: str | Path, strict: bool = False) -> polib.POFile:
    """Read a PO/POT file; InputError naming the file (and line) for anything wrong with it.

    strict (for reports): a missing header, any duplicate msgid, or a translation whose leading or trailing
    newline differs from its msgid is an error too, as for msgfmt.
    """
    p = existing_file(path, "PO file")
    check_syntax(read_input(p, "PO file").decode("latin-1"), p)  # only the ASCII structure matters here
    try:
        po = polib.pofile(str(p), wrapwidth=PAGE_WIDTH)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{p}: cannot decode the file ({exc.encoding}: {exc.reason} at byte {exc.start})"
        ) from None
    except (OSError, ValueError) as exc:
        line = _SYNTAX_LINE.search(str(exc))
        if line:
            raise InputError(f"{p}:{line[1]}: syntax error in PO file") from None
        raise InputError(f"{p}: not a valid PO file ({exc})") from None
    _check_charset(po, p)
    if strict:  # merging keeps such a translation as it was (tests/test_pofile.py reads any text back)
        check_newlines(po, p)
    if strict and not po.metadata:
        raise InputError(f'{p}: missing PO header (the entry with msgid "")')
    return _check_duplicates(po, p, strict)
