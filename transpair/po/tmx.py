"""Export the translated pairs of catalogs as one TMX 1.4b translation memory (OmegaT, Trados, memoQ):
one `tu` per entry with a `tuid`, and its source file, line, status and PO as `prop`s (types `x-…`, as
TMX asks of tool-specific properties); translated entries only unless fuzzy ones are asked for."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

import polib
import regex

from transpair import __version__
from transpair.languages import bcp47
from transpair.po.state import FUZZY, TRANSLATED, first_form, state

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 (and so TMX 1.4) cannot hold, not even escaped: C0 controls but tab, LF and CR,
# surrogates, U+FFFE and U+FFFF.
XML_ILLEGAL = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Unit:
    """One translation unit: its id, both texts, where its source stands and how sure the translation is."""

    tuid: str
    source: str
    target: str
    status: str = TRANSLATED
    file: str = ""
    line: str = ""
    po: str = ""


def xml_text(text: str) -> str:
    """The text without the characters XML cannot hold (form feed, bell, ...): TMX readers reject them."""
    return XML_ILLEGAL.sub("", text)


def exported(po: polib.POFile, fuzzy: bool = False) -> list[polib.POEntry]:
    """The entries a TMX holds: translated (and fuzzy, when asked), live, with a source."""
    wanted = {TRANSLATED, FUZZY} if fuzzy else {TRANSLATED}
    return [e for e in po if not e.obsolete and e.msgid and state(e) in wanted]


def units(po: polib.POFile, name: str = "", fuzzy: bool = False) -> list[Unit]:
    """A catalog's translation units; `tuid` is NAME#N, N the entry's place among the catalog's entries."""
    order = {id(e): n for n, e in enumerate(po, 1)}
    return [
        Unit(
            f"{name}#{order[id(e)]}",
            e.msgid,
            first_form(e),
            state(e),
            *(e.occurrences[0] if e.occurrences else ("", "")),
            name,
        )
        for e in exported(po, fuzzy)
    ]


def dropped_characters(found: Iterable[Unit]) -> int:
    """How many characters a TMX of these units leaves out because XML cannot hold them."""
    return sum(len(XML_ILLEGAL.findall(u.source + u.target)) for u in found)


def _tu(unit: Unit, source_lang: str, target_lang: str) -> ET.Element:
    """One `tu`: its properties, then the source and target variants, each with its xml:lang."""
    element = ET.Element("tu", {"tuid": xml_text(unit.tuid)})
    for kind, value in (
        ("x-file", unit.file),
        ("x-line", unit.line),
        ("x-status", unit.status),
        ("x-po", unit.po),
    ):
        if value:
            ET.SubElement(element, "prop", {"type": kind}).text = xml_text(value)
    for lang, text in ((source_lang, unit.source), (target_lang, unit.target)):
        variant = ET.SubElement(element, "tuv", {XML_LANG: lang})
        ET.SubElement(variant, "seg").text = xml_text(text)
    return element


def format_units(
    found: Iterable[Unit], source_lang: str, target_lang: str, segtype: str = "paragraph"
) -> str:
    """TMX 1.4b text holding these units; always well-formed XML (see xml_text)."""
    source_lang, target_lang = bcp47(source_lang), bcp47(target_lang)  # xml:lang is BCP 47 (zh-CN)
    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "transpair",
            "creationtoolversion": __version__,
            "datatype": "plaintext",
            "segtype": segtype,
            "adminlang": "en",
            "srclang": source_lang,
            "o-tmf": "PO",
        },
    )
    body = ET.SubElement(root, "body")
    for unit in found:
        body.append(_tu(unit, source_lang, target_lang))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def format_tmx(
    po: polib.POFile, source_lang: str, target_lang: str, segtype: str = "paragraph", name: str = ""
) -> str:
    """TMX 1.4b text holding every translated (non-fuzzy, non-empty, live) entry of one catalog."""
    return format_units(units(po, name), source_lang, target_lang, segtype)
