"""Export the translated pairs of a catalog as a TMX 1.4 translation memory (OmegaT, Trados, memoQ)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import polib
import regex

from transpair import __version__
from transpair.languages import bcp47
from transpair.po.state import first_form, is_done

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 (and so TMX 1.4) cannot hold, not even escaped: C0 controls but tab, LF and CR,
# surrogates, U+FFFE and U+FFFF.
XML_ILLEGAL = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """The text without the characters XML cannot hold (form feed, bell, ...): TMX readers reject them."""
    return XML_ILLEGAL.sub("", text)


def exported(po: polib.POFile) -> list[polib.POEntry]:
    """The entries a TMX holds: translated (non-fuzzy, non-empty), live, with a source."""
    return [e for e in po if not e.obsolete and e.msgid and is_done(e)]


def dropped_characters(po: polib.POFile) -> int:
    """How many characters the TMX of this catalog leaves out because XML cannot hold them."""
    return sum(len(XML_ILLEGAL.findall(e.msgid + first_form(e))) for e in exported(po))


def _tu(source: str, target: str, source_lang: str, target_lang: str) -> ET.Element:
    """One translation unit: the source and target variants, each with its xml:lang."""
    unit = ET.Element("tu")
    for lang, text in ((source_lang, source), (target_lang, target)):
        variant = ET.SubElement(unit, "tuv", {XML_LANG: lang})
        ET.SubElement(variant, "seg").text = xml_text(text)
    return unit


def format_tmx(po: polib.POFile, source_lang: str, target_lang: str, segtype: str = "paragraph") -> str:
    """TMX 1.4 text holding every translated (non-fuzzy, non-empty, live) entry of the catalog; always
    well-formed XML (see xml_text)."""
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
    for entry in exported(po):
        body.append(_tu(entry.msgid, first_form(entry), source_lang, target_lang))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
