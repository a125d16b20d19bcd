"""Run the checks over pages of entries: the entry checks on each entry, speech-level on each page,
consistency over the whole site; levels, `off` and silencing from the settings and the PO itself.

A reviewer silences a finding in the PO with the flag `#, transpair-ok` (every check of the entry) or a
translator comment `# transpair-ok: spacing, number` (those checks), or in the config's `ignore` list.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import polib
import regex

from transpair.check import glossary as glossary_check
from transpair.check import korean, markup
from transpair.check.config import CheckSettings
from transpair.check.findings import Entry, Finding, finding
from transpair.check.glossary import Term
from transpair.check.terms import TermPair, english_terms, korean_terms, label, mine
from transpair.po.state import FUZZY, TRANSLATED, first_form, state

OK_FLAG = "transpair-ok"
OK_COMMENT = regex.compile(r"^\s*transpair-ok\s*:?(.*)$", regex.MULTILINE)
MIN_SPEECH_SENTENCES = 4  # a page with fewer sentences that show their level has no usual level
MIN_TERM_COUNT, MIN_TERM_DICE = 5, 0.7  # a term pair strong enough to call other translations drift
MAX_DRIFT = 1 / 4  # another translation in more places than this share of the usual one is a split

ENTRY_CHECKS: dict[str, Callable[[str, str], list[str]]] = {
    "code": markup.code,
    "link": markup.link,
    "number": markup.number,
    "tag": markup.tag,
    "anchor": markup.anchor,
    "placeholder": markup.placeholder,
    "english-left": korean.english_left,
    "particle-form": korean.particle_form,
    "spacing": korean.spacing,
}


def silenced(entry: polib.POEntry) -> frozenset[str]:
    """The checks a reviewer silenced on an entry: '*' for the flag, the names in a comment."""
    names = {"*"} if OK_FLAG in entry.flags else set()
    for match in OK_COMMENT.finditer(entry.tcomment or ""):
        listed = {n.strip() for n in match[1].split(",") if n.strip()}
        names |= listed or {"*"}
    return frozenset(names)


def checked(entry: polib.POEntry, fuzzy: bool = False) -> bool:
    """Whether the checks look at an entry: a translated one (or a fuzzy one with `fuzzy`)."""
    return bool(entry.msgid) and state(entry) in ((TRANSLATED, FUZZY) if fuzzy else (TRANSLATED,))


def check_entry(entry: polib.POEntry, path: str, line: int) -> Entry:
    """A PO entry as the checks see it, at this place."""
    return Entry(path, line, entry.msgid, first_form(entry), silenced(entry))


def page_entries(po: polib.POFile, path: str, fuzzy: bool = False) -> list[Entry]:
    """The entries of a PO file to check: translated ones (and fuzzy ones with `fuzzy`)."""
    return [check_entry(e, path, e.linenum) for e in po if checked(e, fuzzy)]


def entry_findings(entry: Entry, settings: CheckSettings, terms: Sequence[Term]) -> list[Finding]:
    """The findings of the per-entry checks on one entry."""
    found = []
    checks = dict(ENTRY_CHECKS)
    checks["cjk-stray"] = lambda s, t: korean.cjk_stray(s, t, settings.hanja_glosses)
    if terms:
        checks["glossary"] = lambda s, t: glossary_check.glossary(s, t, terms)
    for name, check in checks.items():
        if settings.active(name):
            level = settings.levels[name]
            found += [finding(entry, name, level, message) for message in check(entry.msgid, entry.msgstr)]
    return found


def speech_findings(page: Sequence[Entry], settings: CheckSettings) -> list[Finding]:
    """Entries of a page whose sentences leave its usual speech level (the expected one when set)."""
    levels = [korean.speech_levels(entry.msgstr) for entry in page]
    counts = Counter(level for found in levels for level, _ in found)
    if settings.speech_level:
        usual = settings.speech_level
    else:
        ranked = counts.most_common()
        if sum(counts.values()) < MIN_SPEECH_SENTENCES or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return []
        usual = ranked[0][0]
    summary = ", ".join(f"{level} {n}" for level, n in counts.most_common())
    found = []
    for entry, sentences in zip(page, levels):
        odd = [word for level, word in sentences if level != usual]
        if odd:
            message = f"{', '.join(repr(w) for w in odd[:3])} not in the page's {usual} ({summary})"
            found.append(finding(entry, "speech-level", settings.levels["speech-level"], message))
    return found


def _holding(entries: Sequence[Entry]) -> dict[str, list[Entry]]:
    """Entries by each Korean word of their msgstr and by their msgstr as a label (`label:` + it), in
    order: where a translation can drift, looked up instead of scanned for every term."""
    index: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for word in korean_terms(entry.msgstr):
            index[word].append(entry)
        if (title := label(entry.msgstr)) is not None:
            index[f"label:{title}"].append(entry)
    return index


def _drifted(
    holding: dict[str, list[Entry]], pair: TermPair, other: str, explains: dict[str, set[str]]
) -> list[Entry]:
    """The entries translating the pair's term as `other` (and not its usual way), unless another term
    of the entry explains that word."""
    key = next(iter(english_terms(pair.source)), pair.source.lower())
    found = []
    for entry in holding.get(f"label:{other}" if pair.label else other, ()):
        if pair.label:
            if label(entry.msgid) == pair.source:
                found.append(entry)
            continue
        ko, en = korean_terms(entry.msgstr), english_terms(entry.msgid)
        if other in ko and pair.target not in ko and key in en and not explains[other] - {key} & set(en):
            found.append(entry)
    return found


def consistency_findings(
    entries: Sequence[Entry], pairs: Sequence[TermPair], settings: CheckSettings
) -> list[Finding]:
    """Each place where a site term is translated another way than in most places: a term found with its
    translation in 5+ entries (Dice >= 0.7), the other way (in Korean) in at most a quarter as many and on
    more than one page (a word kept to one page is that page's sense: terms of service, 약관); not where
    another term of the entry explains that word by one of its translations (conduct -> 행동 강령 explains
    강령 beside code -> 코드; Playground -> 플레이그라운드 explains it beside Try)."""
    explains: dict[str, set[str]] = defaultdict(set)  # Korean word -> English terms translated with it
    for pair in pairs:
        if pair.count >= MIN_TERM_COUNT:  # a word seen in a few places only can pair with anything there
            translations = [pair.target, *(other for other, _ in pair.alternatives)]
            for word in {w for t in translations for w in t.split()}:
                explains[word].add(next(iter(english_terms(pair.source)), pair.source.lower()))
    found, holding = [], _holding(entries)
    for pair in pairs:
        if pair.count < MIN_TERM_COUNT or pair.dice < MIN_TERM_DICE:
            continue
        for other, count in pair.alternatives:
            if other.isascii():
                continue  # the term kept in English, often a name or an identifier without code marks
            places = _drifted(holding, pair, other, explains)
            if max(count, len(places)) > pair.count * MAX_DRIFT or len({entry.path for entry in places}) < 2:
                continue  # a split the site keeps on purpose (`terms` lists it), or one page's sense
            message = (
                f"{pair.source!r} translated {other!r} here ({len(places)} places) but {pair.target!r} "
                f"in {pair.count} places, e.g. {', '.join(pair.examples[:2])}"
            )
            level = settings.levels["consistency"]
            found += [finding(entry, "consistency", level, message) for entry in places]
    return found


def kept(item: Finding, entry_silenced: frozenset[str], settings: CheckSettings) -> bool:
    """Whether a finding is reported: not silenced in the PO or by the config's ignore list."""
    if "*" in entry_silenced or item.check in entry_silenced:
        return False
    return item.fingerprint not in settings.ignore


def check_pages(
    pages: Sequence[Sequence[Entry]],
    settings: CheckSettings,
    terms: Sequence[Term] = (),
    pairs: Sequence[TermPair] = (),
) -> list[Finding]:
    """Every finding on the pages, in page and line order."""
    found: list[Finding] = []
    for page in pages:
        for entry in page:
            found += entry_findings(entry, settings, terms)
        if settings.active("speech-level"):
            found += speech_findings(page, settings)
    every = [entry for page in pages for entry in page]
    if settings.active("consistency"):
        found += consistency_findings(every, pairs, settings)
    quiet = {(e.path, e.line, e.msgid): e.silenced for e in every}
    order = {(e.path, e.line): n for n, e in enumerate(every)}
    found = [f for f in found if kept(f, quiet[(f.path, f.line, f.msgid)], settings)]
    return sorted(found, key=lambda f: (order[(f.path, f.line)], f.check))


def site_findings(
    pages: Sequence[Sequence[Entry]], settings: CheckSettings, terms: Sequence[Term] = ()
) -> list[Finding]:
    """Every finding on a site's pages as `transpair check` makes them: the site's term pairs mined for
    `consistency` when it is on."""
    pairs = mine([entry for page in pages for entry in page]) if settings.active("consistency") else ()
    return check_pages(pages, settings, terms, pairs)
