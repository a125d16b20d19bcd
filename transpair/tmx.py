"""Export the translated pairs of a catalog as a TMX 1.4 translation memory (OmegaT, Trados, memoQ)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import polib

from . import __version__
from .entry_state import first_form, is_done

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tu(source: str, target: str, source_lang: str, target_lang: str) -> ET.Element:
    """One translation unit: the source and target variants, each with its xml:lang."""
    unit = ET.Element("tu")
    for lang, text in ((source_lang, source), (target_lang, target)):
        variant = ET.SubElement(unit, "tuv", {XML_LANG: lang})
        ET.SubElement(variant, "seg").text = text
    return unit


def format_tmx(po: polib.POFile, source_lang: str, target_lang: str, segtype: str = "paragraph") -> str:
    """TMX 1.4 text holding every translated (non-fuzzy, non-empty, live) entry of the catalog."""
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
    for entry in po:
        if not entry.obsolete and entry.msgid and is_done(entry):
            body.append(_tu(entry.msgid, first_form(entry), source_lang, target_lang))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
