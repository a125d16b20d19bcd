"""Merge a freshly aligned catalog into an existing PO with msgmerge semantics, losing no translation.

- Same msgctxt+msgid: the translator's entry is kept (msgstr, flags, translator comments, previous
  msgid); references and the transpair note come from the new alignment, the note's status restated
  to match the kept translation (translated or fuzzy). The aligner's msgstr wins
  only with prefer_target (or when the old entry was untranslated), or when a reviewer fixed its pair
  (`--corrections`, note `reviewed`) and the old entry was only the machine's pair (not reviewed).
- A new entry with no exact match takes the closest unused old translation (similarity at least
  FUZZY_MATCH, best pairs first, each old entry used once), marked fuzzy with the old source as `#|`,
  unless the source changed only in spacing, punctuation or case, or only in links, code or numbers the
  translation holds verbatim (ported into it): then it stays translated (`history.changes`).
  The similarity is msgmerge's own measure: characters kept by the shortest insert/delete edit over
  the total length (gettext's fstrcmp; rapidfuzz's Indel ratio, computed in C for all pairs at once).
- Old translated entries used by nothing become obsolete `#~` entries (old obsolete ones stay).
- Header: the old one (translator fields, team, its own spacing); POT-Creation-Date moves only when the
  source entries changed, PO-Revision-Date only when a translation changed.
- A PO whose references name other files and whose msgids mostly differ is refused (InputError).
"""

from __future__ import annotations

import copy
import os
from dataclasses import replace

import polib

from transpair.errors import InputError
from transpair.history.changes import Change, apply_ports, classify_change
from transpair.history.fuzzy import fuzzy_pairs
from transpair.model import REVIEWED, Cause
from transpair.po.file import entry_key, header_text
from transpair.po.notes import format_note, parse_note, with_cause
from transpair.po.objects import KeptEntry, KeptFile, kept_entry, lone_empty, raw_header
from transpair.po.state import TRANSLATED, has_text, state
from transpair.po.wrap import PAGE_WIDTH

KEPT_FROM_NEW = ("POT-Creation-Date",)
BEHIND = (Cause.OUTDATED, Cause.MARKUP_CHANGED)  # fuzzy because the source changed since the translation


def restate_note(comment: str, status: str) -> str:
    """The transpair note with the entry's own status (the translator's msgstr replaced the aligner's); an
    outdated note stays on a fuzzy entry (outdated is fuzzy, with its reason)."""
    note = parse_note(comment)
    if note is None or note.status == status or (status == "fuzzy" and note.cause in BEHIND):
        return comment
    own = {format_note(note), *format_note(note).split("\n")}
    rest = [line for line in comment.split("\n") if line not in own]
    return "\n".join([format_note(replace(note, status=status, reason="", cause=Cause.NONE)), *rest])


def _keep_translation(fresh: polib.POEntry, old: polib.POEntry) -> polib.POEntry:
    """The fresh entry carrying the translator's msgstr, flags and previous msgid."""
    fresh.msgstr, fresh.msgstr_plural = old.msgstr, dict(old.msgstr_plural)
    fresh.flags = list(old.flags)
    fresh.previous_msgctxt, fresh.previous_msgid = old.previous_msgctxt, old.previous_msgid
    fresh.comment = restate_note(fresh.comment, "fuzzy" if "fuzzy" in fresh.flags else "translated")
    return fresh


def fresh_cause(entry: polib.POEntry) -> Cause:
    """The cause this alignment's note gives the entry (Cause.NONE without a note)."""
    note = parse_note(entry.comment or "")
    return note.cause if note is not None else Cause.NONE


def _translator_comment(fresh: KeptEntry | KeptFile, old: polib.POEntry | polib.POFile) -> None:
    """The old translator comment on the fresh entry (or header), a lone empty `#` line included."""
    if isinstance(old, polib.POFile):
        fresh.header = old.header
    else:
        fresh.tcomment = old.tcomment
    fresh.lone_empty = ("#",) if lone_empty(old, "#") else ()


def reviewed(entry: polib.POEntry) -> bool:
    """Whether a reviewer fixed the entry's pair (the `reviewed` mark corrections put in its note)."""
    note = parse_note(entry.comment or "")
    return note is not None and REVIEWED in note.reason.split("; ")


def decided(fresh: polib.POEntry, old: polib.POEntry, prefer_target: bool) -> bool:
    """Whether the fresh msgstr wins: asked for, or a reviewer's pair over the machine's earlier one."""
    return has_text(fresh) and (prefer_target or (reviewed(fresh) and not reviewed(old)))


def _exact(fresh: polib.POEntry, old: polib.POEntry, prefer_target: bool) -> polib.POEntry:
    """Merge an entry whose source did not change."""
    _translator_comment(fresh, old)
    if has_text(old) and not decided(fresh, old, prefer_target):
        return _keep_translation(fresh, old)
    return fresh


def _fuzzy(fresh: polib.POEntry, old: polib.POEntry, prefer_target: bool) -> polib.POEntry:
    """Merge an entry whose source changed slightly: reuse the old translation, fuzzy, with `#|`; a
    translated one whose source changed only in spacing, punctuation or case stays translated, and so does
    one whose changed links, code or numbers it holds verbatim (ported into it, the old source as `#|`)."""
    _translator_comment(fresh, old)
    if decided(fresh, old, prefer_target) or fresh.msgstr == old.msgstr:
        return fresh
    verdict = classify_change(old.msgid, fresh.msgid, old.msgstr)
    if (
        state(old) == TRANSLATED
        and not old.msgid_plural
        and (verdict.change == Change.COSMETIC or verdict.ported)
    ):
        kept = _keep_translation(fresh, old)
        kept.msgstr = apply_ports(old.msgstr, verdict.ported)
        kept.previous_msgctxt, kept.previous_msgid = (
            (old.msgctxt, old.msgid) if verdict.ported else (None, None)
        )
        return kept
    fresh = _keep_translation(fresh, old)
    fresh.flags = ["fuzzy", *[f for f in old.flags if f != "fuzzy"]]
    fresh.previous_msgctxt, fresh.previous_msgid = old.msgctxt, old.msgid
    fresh.comment = restate_note(fresh.comment, "fuzzy")
    return fresh


def _obsolete(old: polib.POEntry) -> polib.POEntry:
    """An old translated entry whose source is gone, kept as `#~`."""
    old.obsolete = True
    old.occurrences = []
    return old


def referenced_files(po: polib.POFile) -> set[str]:
    """Base names of the files a catalog's live entries refer to."""
    return {os.path.basename(name) for e in po if not e.obsolete for name, _ in e.occurrences}


def check_same_article(new: polib.POFile, old: polib.POFile) -> None:
    """Refuse to merge a PO made for another article: other file names and mostly other msgids."""
    old_files, new_files = referenced_files(old), referenced_files(new)
    live = [e for e in old if not e.obsolete]
    shared = {entry_key(e) for e in new} & {entry_key(e) for e in live}
    if old_files and new_files and not old_files & new_files and len(shared) * 2 < len(live):
        raise InputError(
            f"the existing PO is for {', '.join(sorted(old_files)[:3])}, not {', '.join(sorted(new_files))} "
            "(a PO from another article?); use --force to replace it"
        )


def template_content(po: polib.POFile) -> list[tuple]:
    """What a template holds per live entry (context, source, references): its creation date dates it."""
    return [(e.msgctxt, e.msgid, e.msgid_plural, list(e.occurrences)) for e in po if not e.obsolete]


def _translations(po: polib.POFile) -> set[tuple]:
    """What a translator revises (translated strings and their fuzzy flag): the revision date dates it."""
    return {
        (entry_key(e), e.msgstr, tuple(sorted(e.msgstr_plural.items())), "fuzzy" in e.flags)
        for e in po
        if has_text(e)
    }


def merge_header(new: polib.POFile, old: polib.POFile, merged: polib.POFile | None = None) -> dict[str, str]:
    """The old header (translator's fields) with any field it lacks; its POT-Creation-Date only moves when
    the source entries changed, its PO-Revision-Date only when a translation did (no noise diffs)."""
    meta = dict(old.metadata) or dict(new.metadata)
    if template_content(new) != template_content(old):
        for name in KEPT_FROM_NEW:
            if name in new.metadata:
                meta[name] = new.metadata[name]
    revised = merged is not None and old.metadata and _translations(merged) != _translations(old)
    if revised and "PO-Revision-Date" in new.metadata:
        meta["PO-Revision-Date"] = new.metadata["PO-Revision-Date"]
    for name, value in new.metadata.items():
        meta.setdefault(name, value)
    meta["Content-Type"] = "text/plain; charset=UTF-8"  # transpair always writes UTF-8
    return meta


def merge(new: polib.POFile, old: polib.POFile, prefer_target: bool = False) -> polib.POFile:
    """The new catalog merged into the translator's old one with msgmerge semantics (see module doc)."""
    check_same_article(new, old)
    new, old = copy.deepcopy(new), copy.deepcopy(old)
    old_by_key = {entry_key(e): e for e in old if not e.obsolete}
    old_by_key.update({entry_key(e): e for e in old if e.obsolete and entry_key(e) not in old_by_key})
    fresh = [kept_entry(e) for e in new]
    merged: list[polib.POEntry | None] = [None] * len(fresh)
    used: set[tuple] = set()
    for i, entry in enumerate(fresh):
        match = old_by_key.get(entry_key(entry))
        if match is not None:
            merged[i] = _exact(entry, match, prefer_target)
            used.add(entry_key(match))
    rest = [i for i, e in enumerate(merged) if e is None]
    spare = [e for e in old if has_text(e) and entry_key(e) not in used]
    pairs = fuzzy_pairs([fresh[i].msgid for i in rest], [e.msgid for e in spare])
    for slot, i in enumerate(rest):
        j = pairs.get(slot)
        merged[i] = _fuzzy(fresh[i], spare[j], prefer_target) if j is not None else fresh[i]
    taken = {id(spare[j]) for j in pairs.values()}
    text, fields = raw_header(old)  # the header's own spacing is kept
    result = KeptFile(wrapwidth=PAGE_WIDTH, raw_header=text, header_metadata=fields)
    _translator_comment(result, old)
    result.metadata_is_fuzzy = old.metadata_is_fuzzy if old.metadata else new.metadata_is_fuzzy
    for entry in merged:
        entry.tcomment = with_cause(entry.tcomment, Cause.NONE if has_text(entry) else fresh_cause(entry))
        result.append(entry)
    for entry in spare:
        if id(entry) not in taken:
            result.append(_obsolete(entry))
    result.metadata = merge_header(new, old, result)
    return result


def _written(entry: polib.POEntry) -> tuple:
    """What a PO file holds of an entry: its state, texts, flags, comments, references, previous source."""
    return (
        entry.obsolete,
        entry.msgctxt,
        entry.msgid,
        entry.msgid_plural,
        entry.msgstr,
        sorted(entry.msgstr_plural.items()),
        entry.flags,
        entry.comment,
        entry.tcomment,
        entry.occurrences,
        entry.previous_msgctxt,
        entry.previous_msgid,
        entry.previous_msgid_plural,
        getattr(entry, "lone_empty", ()),  # KeptEntry: empty msgstr markers of a read file
    )


def unchanged(merged: polib.POFile, old: polib.POFile) -> bool:
    """Whether a merge gave the old file's catalog back (header and every entry, in order), so the file
    need not be written again: no new date, no reformatting of a file a PO editor wrapped its own way."""
    return (
        header_text(merged) == header_text(old)
        and (merged.header, merged.metadata_is_fuzzy) == (old.header, old.metadata_is_fuzzy)
        and [_written(e) for e in merged] == [_written(e) for e in old]
    )
