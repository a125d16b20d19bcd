"""polib's entry and file, declared with what gettext keeps and polib has no field for (polib's parser offers
a `klass` hook for its own objects; transpair parses PO text itself, so it builds these subclasses)."""

from __future__ import annotations

import polib


class KeptEntry(polib.POEntry):
    """An entry that also knows which of its comments are one empty line (`#`, `#.`): polib's text fields
    cannot tell a bare `#` from no comment, and msgcat writes it back."""

    def __init__(self, *args, lone_empty: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lone_empty = lone_empty


class KeptFile(polib.POFile):
    """A file that also keeps its header as read: the msgstr's exact text, the fields it held and its lone
    empty comments, so an unchanged header is written back byte for byte."""

    def __init__(
        self,
        *args,
        raw_header: str | None = None,
        header_metadata: dict[str, str] | None = None,
        lone_empty: tuple[str, ...] = (),
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.raw_header = raw_header  # None: the file had no header
        self.header_metadata = header_metadata  # the header fields as read, to tell which ones changed
        self.lone_empty = lone_empty


def lone_markers(item: polib.POEntry | polib.POFile) -> tuple[str, ...]:
    """The comment markers whose only line is empty, of an entry or of a file's header (none for polib's own
    objects, which cannot hold one)."""
    return item.lone_empty if isinstance(item, KeptEntry | KeptFile) else ()


def lone_empty(item: polib.POEntry | polib.POFile, marker: str) -> bool:
    """Whether the entry's (or the header's) comments of this kind are one empty line."""
    return marker in lone_markers(item)


def kept_entry(entry: polib.POEntry) -> KeptEntry:
    """The entry as a KeptEntry (itself when it is one), so a merge can give it the old lone comment."""
    return entry if isinstance(entry, KeptEntry) else KeptEntry(**vars(entry))


def raw_header(po: polib.POFile) -> tuple[str | None, dict[str, str] | None]:
    """The header's text and fields as read; (None, None) for a file not read from PO text."""
    return (po.raw_header, po.header_metadata) if isinstance(po, KeptFile) else (None, None)
