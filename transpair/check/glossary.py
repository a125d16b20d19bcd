"""Glossaries: read CSV (`source,target[,forbidden;…][,note]`) and TBX (TBX-Basic as Weblate and
translate-toolkit write it, and TBX v3), write both, and the `glossary` check.

A source term matches at word boundaries, its last word also in the plural and possessive (component,
components, component's; library, libraries; not -ed or -ing, which often make another term: tool,
tooling), case-insensitively unless the term has a
capital after its first letter (API, JavaScript). The target matches anywhere in the msgstr with spaces
ignored, since Korean glues particles to it and spaces compounds freely (구성 요소 = 구성요소).
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import regex

from transpair.check.markup import prose
from transpair.errors import InputError, existing_file, read_input

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FORBIDDEN_STATUS = ("deprecatedterm", "supersededterm", "deprecated", "superseded")


@dataclass(frozen=True)
class Term:
    """One glossary row: an English term, its Korean translation, the variants not to use, a note."""

    source: str
    target: str
    forbidden: tuple[str, ...] = ()
    note: str = ""

    @cached_property
    def pattern(self) -> regex.Pattern:
        """The source term as a regex over English text (inflections of its last word included)."""
        return source_pattern(self.source)


def _word_forms(word: str) -> str:
    """A regex for a word, its plural and its possessive."""
    if regex.fullmatch(r".*[^aeiou]y", word, regex.IGNORECASE):
        body = regex.escape(word[:-1]) + "(?:y|ies)"
    elif word[-1:].isalpha():
        body = regex.escape(word) + "(?:s|es)?"
    else:
        body = regex.escape(word)
    return body + "(?:['’]s?)?"


def source_pattern(term: str) -> regex.Pattern:
    """The regex a source term is found with in a msgid."""
    words = regex.split(r"[\s-]+", term.strip())  # single-file component = Single File Components
    parts = [regex.escape(w) for w in words[:-1]] + [_word_forms(words[-1])]
    flags = 0 if regex.search(r"(?<=.)\p{Lu}", term) else regex.IGNORECASE
    return regex.compile(r"(?<![\w-])" + r"[\s-]+".join(parts) + r"(?![\w-])", flags)


def squeeze(text: str) -> str:
    """Text without spaces and case-folded, for finding a Korean term however it is spaced (and a term
    kept in English however it is capitalized)."""
    return regex.sub(r"\s+", "", text).casefold()


def _has(term: str, squeezed: str) -> bool:
    """Whether a squeezed msgstr holds a term: anywhere for Korean, at word edges for Latin letters (mod is
    not in model)."""
    word = squeeze(term)
    if not regex.search(r"[A-Za-z0-9]", word):
        return word in squeezed
    return bool(regex.search(rf"(?<![A-Za-z0-9]){regex.escape(word)}(?![A-Za-z0-9])", squeezed))


def glossary(msgid: str, msgstr: str, terms: Sequence[Term]) -> list[str]:
    """A glossary term of the msgid whose translation is not in the msgstr; a forbidden variant used for
    it. A term the msgstr keeps exactly as the msgid writes it is a name or an identifier written without
    code marks (`template {#template}`, Sublime Text), kept on purpose."""
    source, target = prose(msgid), squeeze(msgstr)
    kept = prose(msgstr)
    wanted: dict[str, list[Term]] = {}
    for term in terms:
        match = term.pattern.search(source)
        if match and not regex.search(rf"(?<![\w-]){regex.escape(match[0])}(?![\w-])", kept):
            wanted.setdefault(term.source.lower(), []).append(term)
    found = []
    for group in wanted.values():
        if not any(squeeze(t.target) in target for t in group):
            targets = " or ".join(f"{t.target!r}" for t in group)
            found.append(f"{group[0].source!r} should be translated as {targets}")
        for term in group:
            rest = target.replace(squeeze(term.target), " ")
            found += [
                f"{variant!r} is a forbidden translation of {term.source!r} (use {term.target!r})"
                for variant in term.forbidden
                if _has(variant, rest)
            ]
    return found


def read_glossary(path: str | Path) -> tuple[Term, ...]:
    """The terms of a CSV or TBX glossary (by extension; .tbx and .xml are TBX); InputError for a bad one."""
    p = existing_file(path, "glossary")
    data = read_input(p, "glossary")
    if p.suffix.lower() in (".tbx", ".xml"):
        return read_tbx(data, p)
    try:
        return read_csv(data.decode("utf-8-sig"), p)
    except UnicodeDecodeError:
        raise InputError(f"{p}: a glossary must be UTF-8 text") from None


def read_csv(text: str, name: str | Path) -> tuple[Term, ...]:
    """Terms from CSV rows `source,target[,forbidden variants separated by ;][,note]` (a header row and
    `#` comment lines skipped)."""
    terms = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), 1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].startswith("#") or (number == 1 and cells[0].lower() == "source"):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise InputError(f"{name}:{number}: a glossary row needs a source term and a target term")
        forbidden = tuple(v.strip() for v in (cells[2] if len(cells) > 2 else "").split(";") if v.strip())
        terms.append(Term(cells[0], cells[1], forbidden, ",".join(cells[3:]).strip()))
    if not terms:
        raise InputError(f"{name}: no terms in the glossary")
    return tuple(terms)


def _local(tag: object) -> str:
    """An element's tag without its namespace."""
    return str(tag).rsplit("}", 1)[-1]


def _lang_terms(lang_set: ET.Element) -> list[tuple[str, bool]]:
    """(term, forbidden) for every term of a TBX language set, in order."""
    found = []
    for holder in lang_set.iter():
        if _local(holder.tag) not in ("tig", "ntig", "termSec"):
            continue
        term = next((e for e in holder.iter() if _local(e.tag) == "term"), None)
        status = " ".join(
            (e.text or "").replace("-admn-sts", "").lower()
            for e in holder.iter()
            if _local(e.tag) == "termNote" and e.get("type") == "administrativeStatus"
        )
        if term is not None and "".join(term.itertext()).strip():
            found.append(("".join(term.itertext()).strip(), status.startswith(FORBIDDEN_STATUS)))
    return found


def read_tbx(data: bytes, name: str | Path) -> tuple[Term, ...]:
    """Terms from TBX: per concept the source-language term, the first allowed target term, the
    deprecated ones as forbidden, and its notes."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"{name}: not a TBX file ({exc})") from None
    source_lang = (root.get(XML_LANG) or "en").lower()
    terms = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        sets = [(s.get(XML_LANG, "").lower(), s) for s in entry if _local(s.tag) in ("langSet", "langSec")]
        sources = [
            t for lang, s in sets if lang.split("-")[0] == source_lang.split("-")[0] for t in _lang_terms(s)
        ]
        targets = [
            t for lang, s in sets if lang.split("-")[0] != source_lang.split("-")[0] for t in _lang_terms(s)
        ]
        allowed = [t for t, bad in targets if not bad]
        if not sources or not allowed:
            continue
        note = " ".join(
            "".join(e.itertext()).strip()
            for e in entry.iter()
            if _local(e.tag) in ("note", "descrip") and "".join(e.itertext()).strip()
        )
        terms.append(Term(sources[0][0], allowed[0], tuple(t for t, bad in targets if bad), note))
    if not terms:
        raise InputError(f"{name}: no term pairs in the TBX file")
    return tuple(terms)


def to_csv(terms: Iterable[Term]) -> str:
    """The glossary as CSV with a header row, as read_csv reads it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "target", "forbidden", "note"])
    for term in terms:
        writer.writerow([term.source, term.target, ";".join(term.forbidden), term.note])
    return out.getvalue()


def to_tbx(
    terms: Iterable[Term],
    alternatives: dict[str, Sequence[str]] | None = None,
    langs: tuple[str, str] = ("en", "ko"),
) -> str:
    """The glossary as TBX-Basic (martif): per term the source, the target as preferred term, other
    translations seen as admitted terms, forbidden ones as deprecated, the note as a note."""
    root = ET.Element("martif", {"type": "TBX", XML_LANG: langs[0]})
    header = ET.SubElement(ET.SubElement(root, "martifHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = "transpair terms"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, term in enumerate(terms, 1):
        entry = ET.SubElement(body, "termEntry", {"id": f"t{number}"})
        source = ET.SubElement(ET.SubElement(entry, "langSet", {XML_LANG: langs[0]}), "tig")
        ET.SubElement(source, "term").text = term.source
        target = ET.SubElement(entry, "langSet", {XML_LANG: langs[1]})
        statuses = [(term.target, "preferredTerm-admn-sts")]
        statuses += [(t, "admittedTerm-admn-sts") for t in (alternatives or {}).get(term.source, ())]
        statuses += [(t, "deprecatedTerm-admn-sts") for t in term.forbidden]
        for text, status in statuses:
            tig = ET.SubElement(target, "tig")
            ET.SubElement(tig, "term").text = text
            ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = status
        if term.note:
            ET.SubElement(entry, "note").text = term.note
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
