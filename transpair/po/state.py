"""Whether a PO entry is translated, fuzzy, untranslated or obsolete: the one definition every module uses.

An entry's forms are its msgstr, or its msgstr[0], msgstr[1]… when it has a plural. state() says
- obsolete for a `#~` entry;
- untranslated unless every form has text;
- fuzzy when it has polib's `POEntry.fuzzy` (the `#, fuzzy` flag);
- translated otherwise.
gettext itself looks only at the first form (msgfmt --statistics counts an entry as translated when
msgstr[0] has text, and msgcat keeps a fuzzy flag only there): msgfmt_state() is that count, for the
report, which must agree with msgfmt, and for writing PO files as gettext writes them.
"""

from __future__ import annotations

from collections import Counter

import polib

TRANSLATED, FUZZY, UNTRANSLATED, OBSOLETE = "translated", "fuzzy", "untranslated", "obsolete"


def forms(entry: polib.POEntry) -> list[str]:
    """The translation's forms: [msgstr], or every msgstr[N] of a plural entry in order of N."""
    if not entry.msgid_plural:
        return [entry.msgstr]
    return [entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural, key=int)]


def first_form(entry: polib.POEntry) -> str:
    """The msgstr, or msgstr[0] of a plural entry ('' when it has none)."""
    return next(iter(forms(entry)), "")


def has_text(entry: polib.POEntry) -> bool:
    """Whether the first form has text: gettext's test for a translation (fuzzy or not)."""
    return bool(first_form(entry))


def complete(entry: polib.POEntry) -> bool:
    """Whether every form has text."""
    found = forms(entry)
    return bool(found) and all(found)


def _state(entry: polib.POEntry, translated: bool) -> str:
    """The state, given whether the entry counts as having its translation."""
    if entry.obsolete:
        return OBSOLETE
    if not translated:
        return UNTRANSLATED
    return FUZZY if entry.fuzzy else TRANSLATED


def state(entry: polib.POEntry) -> str:
    """'translated', 'fuzzy', 'untranslated' or 'obsolete' (a plural entry needs every form)."""
    return _state(entry, complete(entry))


def msgfmt_state(entry: polib.POEntry) -> str:
    """The state as msgfmt --statistics counts it: by the first form only."""
    return _state(entry, has_text(entry))


def po_counts(po: polib.POFile) -> Counter[str]:
    """Entries per state as msgfmt --statistics counts them (live entries, by the first form)."""
    return Counter(msgfmt_state(e) for e in po if not e.obsolete)


def is_done(entry: polib.POEntry | None) -> bool:
    """Whether an entry's translation can replace its source (translated, not fuzzy, not obsolete)."""
    return entry is not None and state(entry) == TRANSLATED
