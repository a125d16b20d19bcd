"""Checks on a pair before it is aligned: each file in its expected language, a target that is the source
not translated yet (a copy, or an older version of it), no paragraph too long to align."""

from __future__ import annotations

from dataclasses import replace

from transpair import languages
from transpair.errors import InputError, NotAnArticle
from transpair.languages import base
from transpair.model import Alignment, Document
from transpair.read.placeholder_patterns import compile_markers, located, marker_in
from transpair.settle import langid

MIN_TARGET_SHARE = 0.1  # a target with fewer blocks in its language than this is the wrong file
# a target in the source language sharing this share of its word trigrams with the source is an older copy
# of it (an article not translated yet); unrelated texts in one language share a few percent at most
OLDER_COPY_SHARE = 0.3
MAX_BLOCK_CHARS = 2_000_000  # a longer paragraph (about 300,000 words) is refused: it is not prose to align


def _language(doc: Document) -> str:
    """The document's language, or an InputError when none can be told."""
    found = langid.document_language(doc)
    if found is None:
        raise NotAnArticle(f"{doc.path}: no language could be detected (only code, numbers or markup?)")
    return found


def _share_in(doc: Document, lang: str) -> float:
    """Share of the document's blocks written in `lang`."""
    return sum(langid.detect(b.norm) == base(lang) for b in doc.blocks) / max(len(doc.blocks), 1)


def _is_copy(source: Document, target: Document) -> bool:
    """True when at least half the target's blocks are source blocks copied verbatim (an untranslated
    page)."""
    seen = {b.norm for b in source.blocks}
    return sum(b.norm in seen for b in target.blocks) * 2 >= len(target.blocks)


def _trigrams(doc: Document) -> set[tuple[str, ...]]:
    """The document's word trigrams (lower case), to tell an older copy of a text from another text."""
    words = " ".join(b.norm for b in doc.blocks).lower().split()
    return set(zip(words, words[1:], words[2:]))


def is_older_copy(source: Document, target: Document) -> bool:
    """True when a target written in the source language is a version of the source (shares most of its
    wording), not another text."""
    theirs = _trigrams(target)
    return bool(theirs) and len(theirs & _trigrams(source)) >= OLDER_COPY_SHARE * len(theirs)


def check_block_sizes(doc: Document) -> None:
    """Refuse a document holding a block over MAX_BLOCK_CHARS, before any costly step."""
    longest = max((b for b in doc.blocks), key=lambda b: len(b.text), default=None)
    if longest is not None and len(longest.text) > MAX_BLOCK_CHARS:
        raise InputError(
            f"{doc.path}:{longest.line}: a paragraph of {len(longest.text):,} characters, over the "
            f"{MAX_BLOCK_CHARS:,} transpair aligns; split it into paragraphs (blank lines)"
        )


def check_languages(
    source: Document, target: Document, source_lang: str, target_lang: str, markers: tuple[str, ...] = ()
) -> bool:
    """Refuse a pair whose files are not in the expected languages; True when the target is the article
    still in the source language (a copy or an older version: not translated yet).

    A target partly left in the source language is a translation in progress, so it passes when a tenth
    of its blocks are in the target language or when it holds nothing but placeholders ([TBD]). With less,
    a verbatim copy or an older version of the source is a page not translated yet (True); another text
    is the wrong file.
    """
    found = _language(source)
    if found != base(source_lang):
        raise InputError(
            f"{source.path}: expected {source_lang} text but the file is in {found} (see --source-lang)"
        )
    patterns = compile_markers(markers)
    with located(target):
        text = replace(target, blocks=tuple(b for b in target.blocks if not marker_in(b.text, patterns)))
    if not text.blocks or _share_in(text, target_lang) >= MIN_TARGET_SHARE:
        return False
    if _is_copy(source, text):
        return True
    found = _language(target)
    if found == base(source_lang) and is_older_copy(source, text):
        return True
    raise InputError(
        f"{target.path}: expected {target_lang} text but the file is in {found} (see --target-lang)"
    )


def still_warning(alignment: Alignment) -> str:
    """The warning about a target still in the source language (not translated yet)."""
    lang = languages.name(alignment.source_lang)
    return f"{alignment.target.path} is still in {lang}: not translated yet, every entry left untranslated"
