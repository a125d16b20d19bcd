"""Coverage figures of PO catalogs: strings and source words, per article, per section and in total.

An entry (not the header, not obsolete, as msgfmt counts) is
- untranslated when its msgstr (the first plural form) is empty, whatever its flags, or when the msgstr
  is only a placeholder marker such as `[TBD]` or `번역 예정` (msgfmt and pocount count that as translated);
- fuzzy when it has a msgstr and the `fuzzy` flag;
- translated otherwise.
Placeholder and left-in-source entries are the untranslated entries whose transpair note says
`status=untranslated` with `cause=placeholder` or `cause=left-in-source` (or whose msgstr is a marker);
they are subsets of untranslated. Outdated entries are the fuzzy ones whose source changed since they
were translated (`cause=outdated`, or a `#| msgid` previous source as msgmerge leaves it); a subset of
fuzzy.
Percent = 100 x part / total, rounded half up to one decimal; fuzzy counts as not done.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache

import polib
import regex

from transpair.history.changes import Outdated, outdated_paragraph
from transpair.model import Cause, plain
from transpair.po.notes import comment_cause, parse_note
from transpair.po.state import UNTRANSLATED, first_form, msgfmt_state
from transpair.read.placeholder_patterns import compile_markers, marker_in
from transpair.report.words import count_words

FIRST_WORDS = 12  # how many words of a section's first untranslated entry a report shows
note_of = lru_cache(maxsize=4096)(parse_note)  # catalogs repeat the same few notes
MARKERS = compile_markers()


@dataclass(frozen=True)
class Tally:
    """How many strings, source words and source Hangul syllables."""

    strings: int = 0
    words: int = 0
    syllables: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.strings + other.strings, self.words + other.words, self.syllables + other.syllables)


@dataclass(frozen=True)
class Figures:
    """Tallies by category; placeholder and left_in_source are parts of untranslated, outdated of fuzzy."""

    translated: Tally = Tally()
    fuzzy: Tally = Tally()
    untranslated: Tally = Tally()
    placeholder: Tally = Tally()
    left_in_source: Tally = Tally()
    outdated: Tally = Tally()  # part of fuzzy: the source changed since the translation (`#|` previous)

    @property
    def total(self) -> Tally:
        """All counted entries."""
        return self.translated + self.fuzzy + self.untranslated

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(getattr(self, name) + getattr(other, name) for name in CATEGORY_FIELDS))


CATEGORY_FIELDS = tuple(f.name for f in fields(Figures))


@dataclass(frozen=True)
class Section:
    """Part of an article from one heading to the next (title '' before the first heading)."""

    title: str
    line: int | None
    figures: Figures
    first_words: str = ""  # start of the first entry not yet translated, '' when all is done


@dataclass(frozen=True)
class ArticleReport:
    """Figures of one article (a PO file or an aligned pair) and of its sections."""

    name: str
    figures: Figures
    sections: tuple[Section, ...] = ()
    outdated: tuple[Outdated, ...] = ()  # entries whose source changed since their translation, with diffs
    findings: int | None = None  # what `transpair check` finds in it; None when the checks were skipped


@dataclass(frozen=True)
class Report:
    """Every article of a run and the one-line errors of the inputs that could not be read."""

    articles: tuple[ArticleReport, ...]
    errors: tuple[str, ...] = field(default=())

    @cached_property
    def total(self) -> Figures:
        """Figures summed over all articles (once: every renderer asks)."""
        return sum((a.figures for a in self.articles), Figures())

    @property
    def findings(self) -> int | None:
        """The findings of every article, None when the checks were skipped."""
        counts = [a.findings for a in self.articles if a.findings is not None]
        return sum(counts) if counts else None


def todo_sections(articles: Sequence[ArticleReport]) -> list[tuple[ArticleReport, Section]]:
    """The sections that still have work, with the article each belongs to."""
    return [(a, s) for a in articles for s in a.sections if s.first_words]


def counted(po: Iterable[polib.POEntry]) -> list[polib.POEntry]:
    """The entries msgfmt counts: not obsolete, not the header."""
    return [e for e in po if not e.obsolete and not (e.msgid == "" and not e.msgctxt)]


def placeholder_msgstr(entry: polib.POEntry) -> bool:
    """Whether the msgstr is only a marker standing in for a translation (`[TBD]`), not a translated
    marker."""
    text = first_form(entry)
    return bool(text) and marker_in(text, MARKERS) is not None and marker_in(entry.msgid, MARKERS) is None


def category(entry: polib.POEntry) -> str:
    """'translated', 'fuzzy' or 'untranslated': as msgfmt --statistics decides, but a marker is no
    translation."""
    return UNTRANSLATED if placeholder_msgstr(entry) else msgfmt_state(entry)


def untranslated_kind(entry: polib.POEntry) -> str:
    """'placeholder' or 'left_in_source' from the entry's marker msgstr, transpair note or cause comment,
    else ''."""
    if placeholder_msgstr(entry):
        return "placeholder"
    note = note_of(entry.comment or "")
    if note is not None and note.status not in ("untranslated", "source-only"):  # source-only: leftovers
        return ""
    # after msgmerge with a transpair POT the `#.` note is the template's; the translator comment keeps it
    cause = (note.cause if note is not None else Cause.NONE) or comment_cause(entry.tcomment or "")
    kinds = {
        Cause.PLACEHOLDER: "placeholder",
        Cause.LEFT_IN_SOURCE: "left_in_source",
        Cause.NOT_TRANSLATED_YET: "left_in_source",  # the whole page is still in the source language
    }
    return kinds.get(cause, "")


def outdated(entry: polib.POEntry) -> bool:
    """Whether a fuzzy entry is fuzzy because its source changed since the translation: transpair's note
    says `cause=outdated`, or the entry keeps the previous source as msgmerge does (`#| msgid`)."""
    note = note_of(entry.comment or "")
    if note is not None and note.cause == Cause.MARKUP_CHANGED:
        return False  # only links, code or numbers changed: fuzzy, but its words are up to date
    return entry.previous_msgid is not None or (note is not None and note.cause == Cause.OUTDATED)


def entry_figures(entry: polib.POEntry) -> Figures:
    """The figures one entry contributes: one string and its source words in its categories."""
    count = count_words(entry.msgid)
    one = Tally(1, count.words, count.syllables)
    cat = category(entry)
    parts = {cat: one}
    if cat == "untranslated" and (kind := untranslated_kind(entry)):
        parts[kind] = one
    if cat == "fuzzy" and outdated(entry):
        parts["outdated"] = one
    return Figures(**parts)


def is_heading(entry: polib.POEntry) -> bool:
    """Whether the entry's note says it is a heading, which starts a new section."""
    note = note_of(entry.comment or "")
    return note is not None and note.kind == "heading"


def entry_line(entry: polib.POEntry) -> int | None:
    """The source line from the entry's first `#:` reference, None when it has none."""
    for _, line in entry.occurrences:
        if str(line).isdigit():
            return int(line)
    return None


def first_words(text: str, limit: int = FIRST_WORDS) -> str:
    """The first `limit` whitespace-separated words of a text, with an ellipsis when cut."""
    words = text.split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def section_of(entries: Sequence[polib.POEntry]) -> Section:
    """One section's figures; its title is the heading entry that opens it, if any."""
    head = entries[0]
    title = " ".join(head.msgid.split()) if is_heading(head) else ""
    todo = next((e for e in entries if category(e) != "translated"), None)
    figures = sum((entry_figures(e) for e in entries), Figures())
    return Section(title, entry_line(head), figures, first_words(todo.msgid) if todo else "")


_ANCHOR = regex.compile(r"\s*\{#[^{}]*\}\s*$")  # a heading's `{#id}` attribute (VitePress, Pandoc)


def heading_title(msgid: str) -> str:
    """A heading as a reader sees it: no `{#anchor}` attribute, no inline tags (`<sup class=…>`)."""
    return " ".join(plain(_ANCHOR.sub("", msgid)).split()) or " ".join(msgid.split())


def split_sections(entries: Sequence[polib.POEntry]) -> list[list[polib.POEntry]]:
    """Cut the entries at every heading; entries before the first heading form their own section."""
    groups: list[list[polib.POEntry]] = []
    for entry in entries:
        if not groups or is_heading(entry):
            groups.append([])
        groups[-1].append(entry)
    return groups


def article_report(name: str, po: Iterable[polib.POEntry]) -> ArticleReport:
    """Figures of one catalog, in total and per section."""
    entries = counted(po)
    sections = tuple(section_of(group) for group in split_sections(entries))
    return ArticleReport(
        name, sum((s.figures for s in sections), Figures()), sections, changed_entries(entries)
    )


def changed_entries(entries: Sequence[polib.POEntry]) -> tuple[Outdated, ...]:
    """The fuzzy entries that keep their previous source (`#| msgid`): outdated, or links and code changed
    (`markup-changed`), each with the word diff old -> new source."""
    found = []
    for entry in entries:
        if category(entry) == "fuzzy" and entry.previous_msgid is not None:
            note = note_of(entry.comment or "")
            cause = Cause.MARKUP_CHANGED if note and note.cause == Cause.MARKUP_CHANGED else Cause.OUTDATED
            found.append(outdated_paragraph(entry_line(entry) or 0, cause, entry.previous_msgid, entry.msgid))
    return tuple(found)


def percent(part: int, whole: int, empty: float = 0.0) -> float:
    """100 x part / whole to one decimal, half up; never 100.0 unless complete nor 0.0 unless nothing.

    An empty whole gives `empty` (coverage uses 100.0: nothing is left to translate).
    """
    if whole == 0:
        return empty
    value = math.floor(1000 * part / whole + 0.5) / 10
    if part < whole:
        value = min(value, 99.9)
    return max(value, 0.1) if part > 0 else value


def done(figures: Figures, by: str) -> tuple[int, int]:
    """(translated, total) counted by 'strings' or 'words'."""
    return getattr(figures.translated, by), getattr(figures.total, by)


def coverage(figures: Figures, by: str) -> float:
    """Translated share in percent (one decimal) by 'strings' or 'words'."""
    return percent(*done(figures, by), empty=100.0)


def below(figures: Figures, threshold: float, by: str) -> bool:
    """Whether the exact translated share (not the rounded one) is below `threshold` percent."""
    part, whole = done(figures, by)
    return whole > 0 and 100 * part < threshold * whole


def sort_articles(articles: Iterable[ArticleReport], key: str, by: str) -> list[ArticleReport]:
    """Articles by name, or by coverage (least translated first, then by name)."""
    if key == "name":
        return sorted(articles, key=lambda a: a.name)
    return sorted(articles, key=lambda a: (_ratio(a.figures, by), a.name))


def _ratio(figures: Figures, by: str) -> float:
    """The exact translated share, for sorting."""
    part, whole = done(figures, by)
    return part / whole if whole else 1.0


def stats(figures: Figures) -> dict[str, int | float]:
    """The figures under Weblate's statistics API names, plus transpair's own fields."""
    total = figures.total
    out: dict[str, int | float] = {"total": total.strings, "total_words": total.words}
    for cat, empty in (("translated", 100.0), ("fuzzy", 0.0), ("untranslated", 0.0)):
        tally = getattr(figures, cat)
        out |= {
            cat: tally.strings,
            f"{cat}_percent": percent(tally.strings, total.strings, empty),
            f"{cat}_words": tally.words,
            f"{cat}_words_percent": percent(tally.words, total.words, empty),
        }
    for cat in ("placeholder", "left_in_source", "outdated"):
        tally = getattr(figures, cat)
        out |= {cat: tally.strings, f"{cat}_words": tally.words}
    out |= {
        f"{cat}_syllables": getattr(figures, cat).syllables for cat in ("translated", "fuzzy", "untranslated")
    }
    return out | {"total_syllables": total.syllables}
