"""The `#.` comment transpair puts on each PO entry, written by the catalog and read by the report."""

from __future__ import annotations

from dataclasses import dataclass

import regex

_HEAD = regex.compile(
    r"^transpair: (?P<shape>\d+-\d+) (?P<kind>[\w-]+) score=(?P<score>[0-9.]+) status=(?P<status>[\w-]+)$"
)
_REASON = regex.compile(r"^(?P<status>[\w-]+): (?P<reason>.+)$")


@dataclass(frozen=True)
class Note:
    """What the aligner said about one entry: bead shape, block kind, confidence, status and reason."""

    shape: str
    kind: str
    score: float
    status: str
    reason: str = ""


def format_note(note: Note) -> str:
    """The extracted-comment text for an entry (one or two lines)."""
    head = f"transpair: {note.shape} {note.kind} score={note.score:.2f} status={note.status}"
    return f"{head}\n{note.status}: {note.reason}" if note.reason else head


def parse_note(comment: str) -> Note | None:
    """Read back a comment written by format_note; None where the entry has no transpair note."""
    lines = [line.strip() for line in comment.splitlines()]
    for i, line in enumerate(lines):
        head = _HEAD.match(line)
        if not head:
            continue
        reason = ""
        if i + 1 < len(lines):
            tail = _REASON.match(lines[i + 1])
            if tail and tail["status"] == head["status"]:
                reason = tail["reason"]
        return Note(head["shape"], head["kind"], float(head["score"]), head["status"], reason)
    return None
