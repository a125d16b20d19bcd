"""Turn an alignment into a PO catalog: one entry per bead, with references, notes, flags and msgctxt.

Entry rules (`apply` and `pot` rely on them):
- msgid = the bead's source blocks, msgstr = its target blocks (left empty when the bead is untranslated
  or source-only), both joined by a blank line when the two sides hold as many blocks (or the msgstr is
  empty), by a space otherwise (2-1, 1-2, 1-3, 3-1: merged or split paragraphs), so that both strings
  hold as many newlines (pofilter's `newlines` check); `#, fuzzy` on a non-empty fuzzy one.
- `#:` one `file:line` per source block (file = the source's base name), `#.` the transpair note.
- Text repeated in one article: the first entry has no msgctxt, the n-th repeat gets
  msgctxt "repeat n" (an occurrence counter, stable when unrelated paragraphs move or change).
- Target-only beads have no msgid, so no entry: their text is carried verbatim in a translator comment
  on the entry before them (the first entry when the target starts with them), which `apply` puts back
  (see kept.py).
- Code blocks whose translation differs become `#, no-wrap` entries of their own, in document order
  (see code.py; `code="all"` offers every code block, `"none"` none).
- Outdated beads (the source changed since the translation, see `carry.py`) are fuzzy with the old
  source as `#| msgid`, and so are beads whose links or code changed (`markup-changed`); a bead whose
  changed links, code or numbers were ported has them replaced in its msgstr and keeps `#| msgid`; a
  translation whose source was removed since is an obsolete `#~` entry.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import polib
import regex

from transpair import __version__, write
from transpair.errors import InputError
from transpair.history.changes import apply_ports
from transpair.languages import name as language_name
from transpair.model import BLOCK_JOINER, SPAN_JOINER, Alignment, Bead, Block, Document, joined
from transpair.names import one_line, reference_name
from transpair.po import code, file, kept
from transpair.po.merge import merge, template_content, unchanged  # noqa: F401  (merge, unchanged: catalog API)
from transpair.po.notes import Note, cause_comment, format_note
from transpair.po.wrap import PAGE_WIDTH
from transpair.read import reader, segment

EMPTY_STATUSES = ("untranslated", "source-only")
FUZZY_STATUSES = (
    "fuzzy",
    "outdated",
)  # outdated: translated from a source that changed since (`#|` previous)
PLURAL_FORMS = {
    **dict.fromkeys(("ko", "ja", "zh", "vi", "th", "id", "ms", "lo", "my"), "nplurals=1; plural=0;"),
    **dict.fromkeys(("fr", "pt_BR", "tr", "fil"), "nplurals=2; plural=(n > 1);"),
    **dict.fromkeys(
        ("ru", "uk", "be", "sr", "hr", "bs"),
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? "
        "1 : 2);",
    ),
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
}
GERMANIC_PLURALS = "nplurals=2; plural=(n != 1);"  # English and most European languages


def plural_forms(lang: str) -> str:
    """The Plural-Forms header for a language code (ko: one form; en and unknown codes: n != 1)."""
    code = lang.replace("-", "_")
    return PLURAL_FORMS.get(code, PLURAL_FORMS.get(code.split("_")[0].lower(), GERMANIC_PLURALS))


def timestamp(when: datetime | None = None) -> str:
    """A PO header date, e.g. 2026-11-28 18:40+0000."""
    return (when or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M%z")


def project_name(path: str, lang: str) -> str:
    """The article's name for Project-Id-Version: base name without extension or language suffix, and with
    no `charset=` in it (gettext takes the first `charset=` anywhere in the header as the encoding)."""
    stem = os.path.splitext(one_line(os.path.basename(path)))[0]
    name = stem[: -len(lang) - 1] if stem.endswith(f".{lang}") else stem
    return regex.sub(r"(?i)(charset)=", r"\1 =", name)


def _header(
    source: Document,
    source_lang: str,
    created: str,
    translator: tuple[str, str, str, str],
    plural: str | None = None,
) -> dict[str, str]:
    """A PO header in gettext's field order; `translator` is (revision date, last translator, team,
    language)."""
    revised, last, team, language = translator
    return (
        {
            "Project-Id-Version": project_name(source.path, source_lang),
            "Report-Msgid-Bugs-To": "",
            "POT-Creation-Date": created,
            "PO-Revision-Date": revised,
            "Last-Translator": last,
            "Language-Team": team,
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
        | ({"Plural-Forms": plural} if plural else {})
        | {"X-Generator": f"transpair {__version__}"}
    )


def header(
    source: Document, source_lang: str, target_lang: str, when: datetime | None = None
) -> dict[str, str]:
    """The full PO header of a catalog aligned from a translation that already exists."""
    date, name = timestamp(when), language_name(target_lang)
    translator = (date, f"transpair (aligned from the existing {name} version)", name, target_lang)
    return _header(source, source_lang, date, translator, plural_forms(target_lang))


def template_header(source: Document, source_lang: str, when: datetime | None = None) -> dict[str, str]:
    """The header of a POT: translator fields left as the placeholders msginit and editors fill in."""
    translator = ("YEAR-MO-DA HO:MI+ZONE", "FULL NAME <EMAIL@ADDRESS>", "LANGUAGE <LL@li.org>", "")
    return _header(source, source_lang, timestamp(when), translator)


def repeat_context(occurrence: int) -> str | None:
    """The msgctxt of the n-th occurrence (1-based) of a text in one article."""
    return None if occurrence == 1 else f"repeat {occurrence}"


def contexts(msgids: Sequence[str]) -> list[str | None]:
    """msgctxt per msgid: None for a first occurrence, 'repeat n' for the n-th one."""
    seen: Counter[str] = Counter()
    result = []
    for msgid in msgids:
        seen[msgid] += 1
        result.append(repeat_context(seen[msgid]))
    return result


def bead_status(bead: Bead) -> str:
    """The bead's status, or the one its shape implies when it was never classified."""
    if bead.status:
        return bead.status
    return "translated" if bead.source and bead.target else ("source-only" if bead.source else "target-only")


def attribute_note(block: Block) -> str:
    """The `#.` line naming the attribute or front matter key an entry's text is the value of (alt,
    title, label...), or ''."""
    within, _, name = block.content.partition(":")
    return f"\n{within.replace('-', ' ')}: {name}" if name else ""


def _entry(bead: Bead, alignment: Alignment, name: str) -> polib.POEntry:
    """The PO entry of one bead that has source blocks."""
    source = [alignment.source.blocks[i] for i in bead.source]
    status = bead_status(bead)
    target = [] if status in EMPTY_STATUSES else [alignment.target.blocks[j] for j in bead.target]
    joiner = BLOCK_JOINER if len(target) in (0, len(source)) else SPAN_JOINER
    msgstr = apply_ports(joined(target, joiner), bead.ported)
    note = Note(bead.shape, source[0].kind, bead.score, status, bead.reason, bead.cause)
    return polib.POEntry(
        msgid=joined(source, joiner),
        msgstr=msgstr,
        comment=format_note(note) + attribute_note(source[0]),
        tcomment="" if msgstr else cause_comment(bead.cause),  # survives msgmerge with a transpair POT
        occurrences=[(name, str(block.line)) for block in source],
        flags=["fuzzy"] if status in FUZZY_STATUSES and msgstr else [],
        previous_msgid=bead.previous or None,
    )


def _obsolete(bead: Bead, alignment: Alignment) -> polib.POEntry:
    """The `#~` entry of a translation whose source paragraphs were removed since it was made."""
    msgstr = joined(alignment.target.blocks[j] for j in bead.target)
    return polib.POEntry(msgid=bead.previous, msgstr=msgstr, obsolete=True)


def _unique_obsolete(entries: list[polib.POEntry], live: set[str]) -> list[polib.POEntry]:
    """Obsolete entries whose msgid is neither live nor already obsolete (gettext wants one entry per
    msgid)."""
    seen, kept = set(live), []
    for entry in entries:
        if entry.msgid not in seen:
            seen.add(entry.msgid)
            kept.append(entry)
    return kept


def _attach_kept(entries: list[polib.POEntry], runs: list[tuple[int, list[Block]]], target: Document) -> None:
    """Carry each run of target-only blocks in a translator comment on the entry before it (or the first)."""
    every = [*target.blocks, *target.code]
    for index, run in runs:
        inside = {id(b) for b in run}
        text = kept.kept_text(target, run, [b for b in every if id(b) not in inside])
        entry = entries[max(index, 0)]
        entry.tcomment = "\n".join(filter(None, [entry.tcomment, kept.carrier(text, before=index < 0)]))


def _catalog(metadata: dict[str, str], entries: list[polib.POEntry]) -> polib.POFile:
    """A POFile with this header and these entries, repeated msgids told apart by msgctxt."""
    po = polib.POFile(wrapwidth=PAGE_WIDTH)
    po.metadata = metadata
    for entry, context in zip(entries, contexts([e.msgid for e in entries])):
        entry.msgctxt = context
        po.append(entry)
    return po


def build_catalog(
    alignment: Alignment, when: datetime | None = None, code_mode: str = "changed"
) -> polib.POFile:
    """One PO entry per bead with source text and per code block to translate (`code_mode`), in document
    order, with a complete header."""
    name = reference_name(alignment.source.path)
    placed: list[tuple[int, polib.POEntry]] = []
    runs: list[tuple[int, list[Block]]] = []  # target-only blocks, after the entry of that index
    obsolete: list[polib.POEntry] = []
    for bead in alignment.beads:
        if bead.source:
            placed.append((alignment.source.blocks[bead.source[0]].start, _entry(bead, alignment, name)))
        elif bead.previous:
            obsolete.append(_obsolete(bead, alignment))
        else:
            blocks = [alignment.target.blocks[j] for j in bead.target]
            if runs and runs[-1][0] == len(placed) - 1:
                runs[-1][1].extend(blocks)
            else:
                runs.append((len(placed) - 1, blocks))
    if placed:
        _attach_kept([e for _, e in placed], runs, alignment.target)
    found, _ = code.code_entries(alignment.source.code, alignment.target.code, name, code_mode)
    placed += [(entry.linenum, entry) for entry in found]
    entries = [entry for _, entry in sorted(placed, key=lambda pair: pair[0])]
    meta = header(alignment.source, alignment.source_lang, alignment.target_lang, when)
    po = _catalog(meta, entries)
    po.extend(_unique_obsolete(obsolete, {e.msgid for e in entries}))
    return po


def build_template(source: Document, source_lang: str = "en", when: datetime | None = None) -> polib.POFile:
    """A POT for an article with no translation yet: one entry per block, same msgid and msgctxt rules,
    each with a source-only note naming its block kind (msgmerge copies it into the PO: report's sections)."""
    name = reference_name(source.path)
    entries = [
        polib.POEntry(
            msgid=b.text,
            msgstr="",
            occurrences=[(name, str(b.line))],
            comment=format_note(Note("1-0", b.kind, 0.0, "source-only")) + attribute_note(b),
        )
        for b in source.blocks
    ]
    po = _catalog(template_header(source, source_lang, when), entries)
    po.metadata_is_fuzzy = ["fuzzy"]
    return po


def sentence_document(doc: Document, lang: str) -> Document:
    """The document with every block cut into sentences, as `align --unit sentence` cuts it."""
    return replace(doc, blocks=tuple(s for block in doc.blocks for s in segment.sentences(block, lang)))


def write_template(
    source: str | Path, out: str | Path, source_lang: str = "en", unit: str = "paragraph", wrap: bool = True
) -> polib.POFile:
    """Read an article and write its POT (never over the article itself); returns the template."""
    write.refuse_overwriting([Path(out)], [source])
    doc = reader.read_document(source)
    doc = sentence_document(doc, source_lang) if unit == "sentence" else doc
    if not doc.blocks:
        raise InputError(f"{source}: no translatable text found")
    pot = keep_creation_date(build_template(doc, source_lang), Path(out))
    file.write_po(pot, out, wrap=wrap)
    return pot


def keep_creation_date(pot: polib.POFile, out: Path) -> polib.POFile:
    """The template with the POT-Creation-Date of the one it replaces when their entries are the same, so
    re-running `pot` on an unchanged article changes no byte."""
    if out.is_file() and not write.is_stdout(out):
        try:
            old = file.read_po(out)
        except InputError:
            return pot  # not a readable PO: simply replaced (its .bak kept)
        if template_content(old) == template_content(pot) and "POT-Creation-Date" in old.metadata:
            pot.metadata["POT-Creation-Date"] = old.metadata["POT-Creation-Date"]
    return pot
