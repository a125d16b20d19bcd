"""Split a bilingual article (both languages in one file) into its two languages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import regex

from transpair.model import Block, Document
from transpair.read.placeholder_patterns import located
from transpair.settle import langid
from transpair.settle.placeholders import governed

BILINGUAL_SHARE = 0.25  # a file is bilingual when each language holds this share of its blocks


def block_languages(blocks: Sequence[Block]) -> list[str | None]:
    """The language of each block; language-neutral blocks (code, numbers, URLs) take the language of
    the block before them (of the first block with a language, at the start)."""
    found = [langid.detect(b.norm) for b in blocks]
    last = next((lang for lang in found if lang), None)
    result = []
    for lang in found:
        last = lang or last
        result.append(last)
    return result


def language_weights(doc: Document, patterns: Sequence[regex.Pattern]) -> Counter:
    """Blocks per detected language, outside marker sections when there is text outside them
    (blocks, not letters: Korean takes about half the characters of the same English text)."""
    with located(doc):
        marks = governed(doc.blocks, patterns)
    outside = [b for i, b in enumerate(doc.blocks) if i not in marks] or doc.blocks
    weights = Counter(langid.detect(b.norm) for b in outside)
    weights.pop(None, None)
    return weights


def is_bilingual(weights: Counter, langs: Sequence[str] = ("en", "ko")) -> bool:
    """True when each of the two languages holds at least BILINGUAL_SHARE of the blocks counted by
    language_weights: an article written in both, not one with a section left under a marker."""
    total = sum(weights.values()) or 1
    return all(weights[lang] / total >= BILINGUAL_SHARE for lang in langs)


def lone_languages(
    doc: Document, langs: tuple[str, str], patterns: Sequence[regex.Pattern]
) -> tuple[bool, str | None]:
    """Whether a lone file is written in both languages, and the language holding most of its blocks
    outside placeholder sections (None when no block has one)."""
    weights = language_weights(doc, patterns)
    return is_bilingual(weights, langs), weights.most_common(1)[0][0] if weights else None


def split_bilingual(doc: Document, langs: tuple[str, str] = ("en", "ko")) -> tuple[Document, Document]:
    """An article holding both languages as two Documents over the same text, one per language.

    Blocks keep their spans; a block in a third language goes to neither side; a side with no block
    (a monolingual file, a file with no language) comes back empty, for the caller to judge.
    """
    found = block_languages(doc.blocks)
    first, second = (
        replace(doc, blocks=tuple(b for b, lang in zip(doc.blocks, found) if lang == want), lang=want)
        for want in langs
    )
    return first, second
