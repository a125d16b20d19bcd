"""Placeholder sections: a marker block (transpair.read.placeholder_patterns says which text is one) is
never a translation, and it governs the blocks after it up to the next heading or the end of the article (a
heading left in the other language does not end it). In classify.classify(), a block of such a section
that is already prose in the target language, not a copy, keeps its status: it was translated after the
marker was put there, and the PO must not lose it. Also the translator's notes a translation adds.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from transpair.languages import base
from transpair.model import Block, Document
from transpair.read.placeholder_patterns import marker_in
from transpair.settle import langid


def ends_section(blocks: Sequence[Block], index: int, lang: str | None) -> bool:
    """True when block `index` is a heading that starts a section in the document's own language
    `lang` (any heading when `lang` is None): neither it nor the block after it is in another one."""
    if blocks[index].kind != "heading":
        return False
    return lang is None or all(langid.detect(b.norm) in (base(lang), None) for b in blocks[index : index + 2])


def governed(
    blocks: Sequence[Block], patterns: Sequence[regex.Pattern], lang: str | None = None
) -> dict[int, str]:
    """Block index -> marker text, for marker blocks and the blocks of the section each one governs.

    A section ends at the next heading of a section written in the document's own language `lang`
    (when None: the marker's language, as a marker is written in the language of its version); a
    heading left in another language, or code taken for a heading, stays in the untranslated section.
    """
    found: dict[int, str] = {}
    current = None
    for i, block in enumerate(blocks):
        if current and ends_section(blocks, i, lang or langid.detect(current)):
            current = None
        current = marker_in(block.text, patterns) or current
        if current:
            found[i] = current
    return found


TRANSLATOR_NOTE = regex.compile(
    r"[(\[]\s*(?:역주|옮긴이\s*주?|역자\s*주|translator'?s\s+note|T/?N)\s*[:：]", regex.IGNORECASE
)


def has_translator_note(text: str) -> bool:
    """True when a block holds a translator's note ("(역주: …)"): text the translation added."""
    return TRANSLATOR_NOTE.search(text) is not None


def translator_notes(doc: Document) -> int:
    """How many translator's notes a document holds (only a translation has them)."""
    return sum(len(TRANSLATOR_NOTE.findall(b.text)) for b in doc.blocks)
