"""PO files for the report tests, written with polib (entries with transpair notes, headings, flags)."""

from __future__ import annotations

from pathlib import Path

import polib

from transpair.model import Cause
from transpair.po.notes import Note, format_note

HEADER = {"Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit", "Language": "ko"}


def entry(
    msgid: str,
    msgstr: str = "",
    kind: str = "paragraph",
    status: str = "",
    reason: str = "",
    fuzzy: bool = False,
    line: int | None = None,
    cause: Cause = Cause.NONE,
    **extra,
) -> polib.POEntry:
    """One PO entry; a transpair note when `status` is given."""
    comment = format_note(Note("1-1", kind, 0.9, status, reason, cause)) if status else ""
    occurrences = [("article.md", str(line))] if line else []
    return polib.POEntry(
        msgid=msgid,
        msgstr=msgstr,
        comment=comment,
        flags=["fuzzy"] if fuzzy else [],
        occurrences=occurrences,
        **extra,
    )


def outdated_entry() -> polib.POEntry:
    """An entry whose source changed since it was translated: fuzzy, kept msgstr, cause outdated."""
    return entry(
        "They both equal 5.",
        "둘 다 3입니다.",
        status="outdated",
        cause=Cause.OUTDATED,
        reason="source changed",
        fuzzy=True,
    )


def catalog(entries: list[polib.POEntry]) -> polib.POFile:
    """A PO file object with a complete header."""
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(HEADER)
    po.extend(entries)
    return po


def write(path: Path, entries: list[polib.POEntry]) -> Path:
    """Save a PO file with these entries and return its path."""
    catalog(entries).save(str(path))
    return path


def sample_entries() -> list[polib.POEntry]:
    """A small article: an intro, two headed sections, a placeholder and text left in English."""
    return [
        entry("An introduction before any heading.", "머리말입니다.", status="translated", line=1),
        entry("Getting started", "시작하기", kind="heading", status="translated", line=3),
        entry("Install the package with pip.", "pip으로 설치합니다.", status="translated", line=5),
        entry("Run it on two files.", "두 파일에 실행합니다.", status="fuzzy", fuzzy=True, line=7),
        entry("Details", "", kind="heading", status="untranslated", reason="missing in target", line=9),
        entry(
            "The aligner uses three signals.",
            "",
            status="untranslated",
            reason='placeholder "[TBD]"',
            line=11,
        ),
        entry(
            "Scores are between zero and one.", "", status="untranslated", reason="left in English", line=13
        ),
        entry("Nothing else matters here.", "", line=15),
        entry("Old text", "옛 글", obsolete=True),
    ]
