"""The `#.` comment transpair puts on each PO entry, written by the catalog and read by the report.

The first line is machine-readable (`transpair: 1-1 paragraph score=0.93 status=untranslated
cause=placeholder`); the second, when there is a reason, is for people (`untranslated: placeholder
"[TBD]"`). Logic reads the cause, never the reason. Notes written before causes existed have none;
for them the cause is taken from the start of the reason (LEGACY_CAUSES), the only place that does.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from transpair.model import Cause

_HEAD = regex.compile(
    r"^transpair: (?P<shape>\d+-\d+) (?P<kind>[\w-]+) score=(?P<score>[0-9]+(?:\.[0-9]+)?)"
    r" status=(?P<status>[\w-]+)"
    r"(?: cause=(?P<cause>[\w-]+))?$"
)
CAUSES = {cause.value: cause for cause in Cause}
_REASON = regex.compile(r"^(?P<status>[\w-]+): (?P<reason>.+)$")
LEGACY_CAUSES = {"placeholder": Cause.PLACEHOLDER, "left in": Cause.LEFT_IN_SOURCE}  # notes with no cause=


@dataclass(frozen=True)
class Note:
    """What the aligner said about one entry: bead shape, block kind, confidence, status, reason, cause."""

    shape: str
    kind: str
    score: float
    status: str
    reason: str = ""
    cause: Cause = Cause.NONE


def format_note(note: Note) -> str:
    """The extracted-comment text for an entry (one or two lines)."""
    head = f"transpair: {note.shape} {note.kind} score={note.score:.2f} status={note.status}"
    head += f" cause={note.cause}" if note.cause else ""
    return f"{head}\n{note.status}: {note.reason}" if note.reason else head


def legacy_cause(reason: str) -> Cause:
    """The cause of a note written before causes were (from its reason's first words)."""
    return next((cause for start, cause in LEGACY_CAUSES.items() if reason.startswith(start)), Cause.NONE)


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
        cause = _cause(head["cause"]) if head["cause"] else legacy_cause(reason)
        return Note(head["shape"], head["kind"], float(head["score"]), head["status"], reason, cause)
    return None


def _cause(text: str) -> Cause:
    """The Cause a note names; an unknown one (a newer transpair's) reads as none."""
    return CAUSES.get(text, Cause.NONE)


_CAUSE_LINE = regex.compile(r"^transpair: cause=(?P<cause>[\w-]+)$")


def cause_comment(cause: Cause) -> str:
    """The translator-comment line (`# transpair: cause=left-in-source`) that carries an empty entry's
    cause through msgmerge, which keeps translator comments but takes `#.` lines from the template."""
    return f"transpair: cause={cause}" if cause else ""


def comment_cause(tcomment: str) -> Cause:
    """The cause a translator comment carries (cause_comment), else Cause.NONE."""
    for line in tcomment.splitlines():
        if (match := _CAUSE_LINE.match(line.strip())) and match["cause"] in CAUSES:
            return CAUSES[match["cause"]]
    return Cause.NONE


def with_cause(tcomment: str, cause: Cause) -> str:
    """The translator comment with its transpair cause line replaced by this cause's (none for NONE);
    the translator's own lines are kept as they are."""
    own = [line for line in tcomment.split("\n") if not _CAUSE_LINE.match(line.strip())] if tcomment else []
    return "\n".join([line for line in [cause_comment(cause)] if line] + own)
