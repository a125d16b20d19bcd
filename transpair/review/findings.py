"""The `transpair check` findings of the review page's rows: each bead's PO entry (the one `align` writes
for it) checked as `check` checks a PO, so the page marks the rows whose translation has a fault."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

import polib

from transpair.check.findings import Entry, Finding
from transpair.check.run import check_entry, checked, silenced
from transpair.model import Alignment
from transpair.po import catalog
from transpair.po.file import entry_key

Marks = Mapping[tuple[str | None, str], frozenset[str]]  # (msgctxt, msgid) -> checks silenced on it


def earlier_marks(po: polib.POFile) -> Marks:
    """The checks a reviewer silenced on the entries of an article's earlier PO (`#, transpair-ok`, a
    `# transpair-ok: NAME` comment): they stay silent on the page while the entry's text is the same."""
    return {entry_key(e): found for e in po if (found := silenced(e))}


def bead_entries(alignment: Alignment, path: str, marks: Marks | None = None) -> tuple[Entry, ...]:
    """The entries to check of an alignment's catalog, each numbered by the bead it comes from (its row on
    the page) instead of a PO line: a bead's entry is the next one naming its source lines (code blocks'
    entries name no bead's lines and have no row); silenced as `marks` (from the earlier PO) say."""
    marks = marks or {}
    waiting: dict[tuple[str, ...], deque] = defaultdict(deque)  # source lines -> entries, in order
    for entry in catalog.build_catalog(alignment):
        waiting[tuple(line for _, line in entry.occurrences)].append(entry)
    found = []
    for row, bead in enumerate(alignment.beads):
        lines = tuple(str(alignment.source.blocks[i].line) for i in bead.source)
        if bead.source and waiting[lines]:
            entry = waiting[lines].popleft()
            if checked(entry):
                quiet = marks.get(entry_key(entry), frozenset())
                found.append(replace(check_entry(entry, path, row), silenced=quiet))
    return tuple(found)


def by_row(findings: Iterable[Finding], path: str) -> dict[int, tuple[Finding, ...]]:
    """The findings of one page (those naming `path`) by the row they are on."""
    rows: dict[int, list[Finding]] = defaultdict(list)
    for found in findings:
        if found.path == path:
            rows[found.line].append(found)
    return {row: tuple(items) for row, items in rows.items()}


def row_json(findings: Sequence[Finding]) -> list[dict[str, str]]:
    """A row's findings as the page script reads them."""
    return [{"check": f.check, "level": f.level, "message": f.message} for f in findings]
