"""Small immutable records passed between the stages: read -> segment -> align -> catalog."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

import regex

_SPACES = regex.compile(r"[\p{Zs}\t\r\n\u200b\ufeff]+")
_TAG = regex.compile(r"</?[A-Za-z][\w:-]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>|<!--.*?-->", regex.S)

REVIEWED = "reviewed"  # the reason (or its last part) of a bead a reviewer fixed: the PO's #. note says it
OUTDATED = "outdated"  # the status of a translation whose source text changed since (git history)
BLOCK_JOINER = "\n\n"  # several blocks as one string (a PO msgid or msgstr, a bead's previous source)
SPAN_JOINER = " "  # a bead whose sides hold different numbers of blocks
STATUSES = ("translated", "fuzzy", OUTDATED, "untranslated", "source-only", "target-only")


class Cause(StrEnum):
    """Why a bead is untranslated or fuzzy, for logic; the human-readable reason beside it is for people."""

    NONE = ""
    PLACEHOLDER = "placeholder"  # a marker block, or a block of the section a marker governs
    LEFT_IN_SOURCE = "left-in-source"  # the target is prose in the source language
    COPY = "copy"  # the target is the source copied, with no language (code, names, numbers)
    STILL_IN_SOURCE = "still-in-source"  # some target sentences are still in the source language
    NOT_TRANSLATED_YET = "not-translated-yet"  # the whole target is the source (or an older version of it)
    MISSING = "missing"  # no target text for this source text
    LOW_CONFIDENCE = "low-confidence"  # the aligner is unsure of the pairing
    OUTDATED = "outdated"  # translated from a source text that changed since (git history)
    NEW_IN_SOURCE = "new-in-source"  # source text added since the translation was made
    REMOVED_FROM_SOURCE = "removed-from-source"  # a translation whose source text was removed since
    COSMETIC = "cosmetic"  # the source changed since only in spacing, punctuation, quotes or emphasis
    MARKUP_CHANGED = "markup-changed"  # only links, code or numbers changed in the source, not carried over
    PORTED = "ported"  # only links, code or numbers changed in the source, and carried into the translation


def normalize(text: str) -> str:
    """Text for matching: every Unicode space (NBSP, ideographic, tabs, newlines) folded to one space."""
    return _SPACES.sub(" ", text).strip()


def plain(text: str) -> str:
    """Text without inline HTML tags and comments, entities decoded (an HTML msgid's words)."""
    return html.unescape(_TAG.sub(" ", text)) if "<" in text or "&" in text else text


@dataclass(frozen=True)
class Block:
    """One translatable unit of a file: its text as written, its kind, and where it stands."""

    text: str
    kind: str = "paragraph"  # paragraph | heading | list | quote | table
    line: int = 1  # 1-based line of the block's first character in its file
    start: int = 0  # span [start, end) of `text` in Document.text
    end: int = 0
    html: bool = False  # read as HTML (an HTML page, or an HTML block of a Markdown page)
    content: str = "prose"  # what the text is: prose, or `attribute:NAME` (an alt, title, label... value)

    @cached_property
    def norm(self) -> str:
        """The words with Unicode spaces folded (and, in HTML, inline tags dropped and entities decoded), for
        matching and language detection; Markdown's `List<String>` keeps its `<String>` (computed once)."""
        return normalize(plain(self.text) if self.html else self.text)


@dataclass(frozen=True)
class Document:
    """A decoded file and its translatable blocks; code, front matter and markup stay only in `text`."""

    path: str
    text: str
    blocks: tuple[Block, ...]
    format: str = "text"  # text | markdown | html
    encoding: str = "utf-8"
    lang: str | None = None
    line_ends: tuple[str, ...] = ()  # each line's original end when some were CRLF or CR; () when all LF
    # code blocks (fenced, indented, <pre>: kind "code") and image-only lines ("image"): never aligned
    code: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Bead:
    """Source and target block indices aligned together, with a confidence in [0, 1]."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float
    status: str = ""  # one of STATUSES once classified
    reason: str = ""  # why a bead is untranslated or fuzzy, for the PO comment
    cause: Cause = Cause.NONE  # the same, for logic
    reviewed: bool = False  # a reviewer fixed this bead (corrections.json): its pairing is confirmed
    previous: str = ""  # the source text the target was translated from, when it changed since (`#|`)
    ported: tuple[tuple[str, str], ...] = ()  # (old, new) spans to replace in the target (history.changes)

    @property
    def shape(self) -> str:
        """The bead type, e.g. '1-2'."""
        return f"{len(self.source)}-{len(self.target)}"


@dataclass(frozen=True)
class Origin:
    """The source revision a translation was made from (git history), and how far the source moved since."""

    rev: str  # full commit hash
    date: str  # YYYY-MM-DD, the commit's date
    commits_since: int = 0  # commits that changed the source file after `rev`
    changed: int = 0  # source paragraphs changed since `rev` (filled in when the alignment is carried over)
    added: int = 0  # source paragraphs added since
    removed: int = 0  # source paragraphs removed since
    kept: int = 0  # source paragraphs changed since only in spacing, punctuation or ported links and code
    markup: int = 0  # source paragraphs whose links, code or numbers changed and could not be ported
    how: str = ""  # how the revision was found: named | metadata | content | last commit

    @property
    def short(self) -> str:
        """The abbreviated hash people quote."""
        return self.rev[:7]


@dataclass(frozen=True)
class Alignment:
    """Two documents and the beads that cover every block of both exactly once."""

    source: Document
    target: Document
    beads: tuple[Bead, ...]
    source_lang: str = "en"
    target_lang: str = "ko"
    warnings: tuple[str, ...] = ()  # what the user should hear about the run (stale corrections, no history)
    origin: Origin | None = None  # the source revision the target was translated from (git history)

    def whole(self) -> bool:
        """True when the beads take every block of both documents once by integer index, the source in
        order (a moved section's target blocks may cross), with finite scores in [0, 1] and known statuses:
        what a cached row or a beads file must hold to be used."""

        def covered(side: int, doc: Document, ordered: bool) -> bool:
            ids = [i for b in self.beads for i in (b.source, b.target)[side]]
            every = list(range(len(doc.blocks)))
            return all(type(i) is int for i in ids) and (ids if ordered else sorted(ids)) == every

        sound = all(math.isfinite(b.score) and 0 <= b.score <= 1 and b.status in STATUSES for b in self.beads)
        return sound and covered(0, self.source, True) and covered(1, self.target, False)


def joined(blocks: Iterable[Block], joiner: str = BLOCK_JOINER) -> str:
    """Several blocks as one string, separated by a blank line (or the given joiner)."""
    return joiner.join(block.text for block in blocks)
