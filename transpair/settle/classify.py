"""Find what is still untranslated in an aligned pair, and decide which version is the original.

A bead is *untranslated* when its target side is a placeholder marker, lies in a section governed by
a marker (see markers.py), or is text left in the source language (a copy of the source or any other
source-language prose); it is *fuzzy* when only some sentences of the target are still in the source
language. Code, URLs, inline literals, product names and other short Latin terms inside Korean text
are not leftovers: a sentence counts only when langid puts it in the source language AND it holds at
least MIN_PROSE_WORDS words once code, URLs and markup are removed (capitalised names do not count),
and a sentence holding any Hangul is never English left over ("IronPython의 경우").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import regex

from transpair.languages import base
from transpair.languages import name as language_name
from transpair.model import Alignment, Bead, Cause, Document
from transpair.read import segment
from transpair.read.placeholder_patterns import compile_markers, located, marker_in
from transpair.settle import langid
from transpair.settle.placeholders import governed, translator_notes

MIN_PROSE_WORDS = 1  # calibrated on pydocs-ko: bench/bench_untranslated.py --calibrate --mixed 5000
COPY = "copy of the source"  # reason for a copied block with no language (code, names, numbers)
MISSING = "missing in target"  # reason for source text with no target

_WORD = regex.compile(r"\p{L}+")
_LITERAL = regex.compile(
    r"``.*?``|`[^`]*`|(?::[\w.-]+)+:|https?://\S+|www\.\S+|" + langid.MARKUP
)  # literals, reST roles, URLs, HTML tags (a badge's class and text), heading ids
_PARENTHESISED = regex.compile(r"\([^()]*\)[.!?。]?")
_CODE_TOKEN = regex.compile(r"[`_/\\=<>{}\[\]#$@|~^]|\w[.:(]\w|\(\)|\d")  # paths, names.with.dots, calls


def prose_words(text: str) -> int:
    """How many words of running text remain once URLs, inline code, paths and markup are taken out.

    Capitalised or camel-case words (names, titles, products, identifiers) and single letters do not
    count, except a capitalised first word ("For example:"); words of a script without case (Hangul)
    always do.
    """
    tokens = [t for t in _LITERAL.sub(" ", text).split() if not _CODE_TOKEN.search(t)]
    words = [w for t in tokens for w in _WORD.findall(t)]
    first = 1 if words and words[0].istitle() and len(words[0]) > 1 else 0
    return first + sum(1 for w in words[first:] if (w.islower() and len(w) > 1) or w.lower() == w.upper())


def in_language(text: str, lang: str, other: str | None = None) -> bool:
    """True when text is prose written in `lang` (not code, a URL, a name or a short term).

    Text holding a letter of a script `lang` is not written in is never prose of `lang`: a Korean
    particle on an English name ("IronPython의 경우"), a Chinese heading keeping English terms
    ("静态 vs. 动态 Props") mean a translator wrote it. When `other`, the pair's other language, is
    written in the same script (en and fr), a short plain title is no evidence either way: only its
    words can say English (see langid.detect's `strict`).
    """
    flat = " ".join(text.split())
    if langid.in_other_script(flat, base(lang)):
        return False
    strict = other is not None and langid.same_script(base(lang), base(other))  # en and fr: words decide
    return prose_words(flat) >= MIN_PROSE_WORDS and langid.detect(flat, strict) == base(lang)


def leftover_sentences(text: str, text_lang: str, other_lang: str) -> list[str]:
    """The sentences of a `text_lang` text that are still prose in `other_lang`; the original quoted in
    parentheses after a translated sentence ("설치는 어떻게 하나요? (How do I install it?)") is not."""
    sentences = [s.strip() for s in segment.split_sentences(text, text_lang)]
    left = [in_language(s, other_lang, text_lang) for s in sentences]
    return [
        s
        for k, s in enumerate(sentences)
        if left[k] and not (k and not left[k - 1] and _PARENTHESISED.fullmatch(s))
    ]


def _quote(sentences: Sequence[str], limit: int = 60) -> str:
    """Sentences as a short one-line list for a PO comment."""
    cut = [s if len(s) <= limit else s[: limit - 1] + "…" for s in (" ".join(x.split()) for x in sentences)]
    return "; ".join(f'"{s}"' for s in cut)


def classify_bead(
    bead: Bead, alignment: Alignment, marks: dict[int, str], source_marks: dict[int, str]
) -> Bead:
    """One bead with its status and reason set (see the module docstring for the rules)."""
    src_lang, tgt_lang = alignment.source_lang, alignment.target_lang
    in_target = [marks[j] for j in bead.target if j in marks]
    if in_target and bead.source and len(in_target) < len(bead.target):  # aligned together with a translation
        reason = f"{placeholder_reason(in_target[0])} beside a translation"
        return replace(bead, status="fuzzy", reason=reason, cause=Cause.PLACEHOLDER)
    marked = in_target + [source_marks[i] for i in bead.source if i in source_marks]
    if marked:
        status = "untranslated" if bead.source and bead.target else _empty_side(bead)
        return replace(bead, status=status, reason=placeholder_reason(marked[0]), cause=Cause.PLACEHOLDER)
    if not bead.target:
        return replace(bead, status="source-only", reason=MISSING, cause=Cause.MISSING)
    if not bead.source:
        return replace(bead, status="target-only")
    texts = [alignment.target.blocks[j].text for j in bead.target]
    if all(in_language(t, src_lang, tgt_lang) for t in texts):
        return replace(bead, status="untranslated", reason=left_in(src_lang), cause=Cause.LEFT_IN_SOURCE)
    if _copied(bead, alignment):
        if langid.detect(" ".join(" ".join(texts).split())) == base(src_lang):
            return replace(bead, status="untranslated", reason=left_in(src_lang), cause=Cause.LEFT_IN_SOURCE)
        return replace(bead, status="untranslated", reason=COPY, cause=Cause.COPY)
    left = [s for t in texts for s in leftover_sentences(t, tgt_lang, src_lang)]
    if left:
        return replace(bead, status="fuzzy", reason=still_in(src_lang, left), cause=Cause.STILL_IN_SOURCE)
    return replace(bead, status=bead.status or "translated")


def _copied(bead: Bead, alignment: Alignment) -> bool:
    """True when the target side is the source side's text copied unchanged (and has letters)."""
    src = " ".join(alignment.source.blocks[i].norm for i in bead.source)
    tgt = " ".join(alignment.target.blocks[j].norm for j in bead.target)
    return src == tgt and bool(_WORD.search(src))


def _empty_side(bead: Bead) -> str:
    """The status of a bead with one empty side."""
    return "target-only" if not bead.source else "source-only"


def placeholders(doc: Document, lang: str, patterns: Sequence[regex.Pattern]) -> dict[int, str]:
    """Blocks that are a marker, or lie in a marker's section and are not written in `lang`, with the
    marker."""
    return {
        i: marker
        for i, marker in governed(doc.blocks, patterns, lang).items()
        if marker_in(doc.blocks[i].text, patterns) or not in_language(doc.blocks[i].norm, lang)
    }


def classify(alignment: Alignment, markers: Iterable[str] = ()) -> Alignment:
    """A new Alignment whose beads say which are translated, fuzzy, untranslated or missing, and why."""
    patterns = compile_markers(markers)
    with located(alignment.target, alignment.source):
        marks = placeholders(alignment.target, alignment.target_lang, patterns)
        source_marks = placeholders(alignment.source, alignment.source_lang, patterns)
    beads = [classify_bead(b, alignment, marks, source_marks) for b in alignment.beads]
    return replace(alignment, beads=tuple(kept_as_is(_gaps_under_markers(beads), alignment)))


SAME = "same in both languages"  # reason of a block of names or code kept as is in a translated section
NAME_WORDS = 2  # most capitalised words of a block that is only names ("Vue JSX", "Chrome >=107")
# share of an article's prose pairs left untranslated from which names kept as is count as untranslated too
# (pydocs pages half done: 0.21-0.38; vue and vite pages with a stale section: at most 0.17)
PARTIAL_SHARE = 0.2
TITLE_WORDS = 6  # most words of a title-like block (heading, label, list entry) with no sentence end
_SENTENCE_END = regex.compile(r"[.!?。:]\s*$")
_NAME_IN_SENTENCE = regex.compile(r"(?<=\b\p{Ll}+,?[ \t]+)\p{Lu}[\p{L}\p{N}]*")


def no_prose(text: str) -> bool:
    """True when the text is code, identifiers, URLs, numbers or file names, with at most NAME_WORDS
    capitalised names beside them ("Vue JSX: [@vitejs/plugin-vue-jsx](…)", "Chrome >=107"), or one
    lower-case word on its own (an option name: "slots"; English sentences and headings start
    upper-case): nothing a translator would translate."""
    literal_free = _LITERAL.sub(" ", " ".join(text.split())).split()
    tokens = [t for t in literal_free if not _CODE_TOKEN.search(t)]
    words = [w for t in tokens for w in _WORD.findall(t)]
    has_code = len(tokens) < len(literal_free) or _LITERAL.search(text) is not None
    if len(literal_free) == 1 and words and all(w.islower() for w in words):
        return True
    if any(w.islower() and len(w) > 1 for w in words):
        return False
    return not words or (has_code and len(words) <= NAME_WORDS)


def proper_nouns(text: str) -> set[str]:
    """Capitalised words a text uses after a lower-case word, as names ("use Vite's", "with Pinia")."""
    return set(_NAME_IN_SENTENCE.findall(text))


def only_names(text: str, names: set[str]) -> bool:
    """True when every word of the text, code and links aside, is one of `names`."""
    tokens = [t for t in _LITERAL.sub(" ", " ".join(text.split())).split() if not _CODE_TOKEN.search(t)]
    words = [w for t in tokens for w in _WORD.findall(t)]
    return bool(words) and all(w in names for w in words)


def title_like(text: str) -> bool:
    """A short label with no sentence end: a heading, a term, a list entry."""
    flat = " ".join(text.split())
    return len(_WORD.findall(_LITERAL.sub(" ", flat))) <= TITLE_WORDS and not _SENTENCE_END.search(flat)


def kept_as_is(beads: list[Bead], alignment: Alignment) -> list[Bead]:
    """Untranslated beads whose target is a short title or names and code (`UUID`:, a site's include line),
    kept as is in a translated section, become translated (same in both languages); real prose left in
    English stays untranslated. Only pairs of real text (not titles, names or code) measure the article.

    In an article with PARTIAL_SHARE or more of its prose left in English, nothing changes: there the
    names kept as is are as unfinished as the prose (and with no prose there is nothing to go by).
    Elsewhere code and names the pages use as names (`text`, "data-allow-mismatch", "Vite" where the
    English says "use Vite's") are translated; another title is untranslated when the text it heads (the
    next pair of real text) is, or when the same source text is translated elsewhere on the page.
    """

    def text(bead: Bead) -> str:
        return " ".join(alignment.target.blocks[j].norm for j in bead.target)

    def key(bead: Bead) -> str:
        return langid.LINK_TARGET.sub("", " ".join(alignment.source.blocks[i].norm for i in bead.source))

    def label(bead: Bead) -> bool:
        return (
            bead.status == "untranslated"
            and bead.cause != Cause.PLACEHOLDER
            and (title_like(text(bead)) or no_prose(text(bead)))
        )

    real = [k for k, b in enumerate(beads) if b.source and b.target and not label(b)]
    if not real or sum(beads[k].status == "untranslated" for k in real) >= PARTIAL_SHARE * len(real):
        return beads
    names = proper_nouns(alignment.source.text) | proper_nouns(alignment.target.text)
    translated = {
        key(b)
        for b in beads
        if b.status == "translated" and b.target and key(b) != langid.LINK_TARGET.sub("", text(b))
    }
    out = list(beads)
    for k, bead in enumerate(beads):
        if not label(bead):
            continue
        after = next((beads[r].status == "untranslated" for r in real if r > k), None)
        before = next((beads[r].status == "untranslated" for r in reversed(real) if r < k), None)
        section = after if after is not None else before
        if no_prose(text(bead)) or only_names(text(bead), names):
            untranslated = False
        else:
            untranslated = section or key(bead) in translated
        if not untranslated:
            out[k] = replace(bead, status="translated", reason=SAME, cause=Cause.NONE)
    return out


def _gaps_under_markers(beads: list[Bead]) -> list[Bead]:
    """In a gap of the alignment (a run of one-sided beads), a placeholder in the target stands for the
    source text it replaced: that source text is untranslated under the placeholder, not missing."""
    result, start = list(beads), 0
    while start < len(result):
        end = start
        while end < len(result) and not (result[end].source and result[end].target):
            end += 1
        marker = next((b for b in result[start:end] if not b.source and b.cause == Cause.PLACEHOLDER), None)
        if marker:
            result[start:end] = [
                replace(b, reason=marker.reason, cause=marker.cause) if not b.target else b
                for b in result[start:end]
            ]
        start = end + 1
    return result


def still_in(lang: str, sentences: Sequence[str]) -> str:
    """The fuzzy reason naming the sentences still in `lang`."""
    return f"still in {language_name(lang)}: {_quote(sentences)}"


def left_in(lang: str) -> str:
    """The reason of a block left in `lang`."""
    return f"left in {language_name(lang)}"


def placeholder_reason(marker: str) -> str:
    """The reason of a block that is, or lies under, a placeholder marker."""
    return f'placeholder "{marker}"'


def to_translate(bead: Bead) -> bool:
    """True for a bead that holds work for a translator: untranslated, partly translated, or a
    placeholder marker on its own."""
    return bead.status == "untranslated" or partly_translated(bead) or bead.cause == Cause.PLACEHOLDER


def partly_translated(bead: Bead) -> bool:
    """True for a bead classify() made fuzzy because some target sentences are in the source language
    (not one the aligner marked fuzzy for its low confidence)."""
    return bead.status == "fuzzy" and bead.cause == Cause.STILL_IN_SOURCE


def leftovers(
    doc: Document, lang: str, other: str, patterns: Sequence[regex.Pattern], sentences: bool = True
) -> dict[int, tuple[str, str, Cause]]:
    """Block index -> (status, reason, cause) for the blocks of a `lang` document that are not translated:
    whole marker sections, blocks left in `other`, and (with `sentences`) blocks partly in `other`
    (fuzzy). Without the other version to compare, a marker's section is reported whole."""
    marks = governed(doc.blocks, patterns, lang)
    found = {}
    for i, block in enumerate(doc.blocks):
        if i in marks:
            found[i] = ("untranslated", placeholder_reason(marks[i]), Cause.PLACEHOLDER)
        elif in_language(block.norm, other, lang):
            found[i] = ("untranslated", left_in(other), Cause.LEFT_IN_SOURCE)
        elif sentences and (left := leftover_sentences(block.text, lang, other)):
            found[i] = ("fuzzy", still_in(other, left), Cause.STILL_IN_SOURCE)
    return found


def leftover_share(doc: Document, lang: str, other: str, patterns: Sequence[regex.Pattern]) -> float:
    """Share of a `lang` document's letters that are marker sections or whole blocks left in `other`."""
    left = leftovers(doc, lang, other, patterns, sentences=False)
    total = sum(len(b.norm) for b in doc.blocks) or 1
    return sum(len(doc.blocks[i].norm) for i in left) / total


def original(
    source_doc: Document,
    target_doc: Document,
    source_lang: str,
    target_lang: str,
    markers: Iterable[str] = (),
) -> str:
    """'source' or 'target': the complete version, whose untranslated parts show up in the other.

    The version with the larger share of marker sections and text left in the other language is the
    incomplete translation; on a tie (usually both zero) the one with more translator's notes
    ("(역주: …)", "(Translator's note: …)") is the translation; failing that the given order stands.
    """
    patterns = compile_markers(markers)
    with located(source_doc, target_doc):
        src_left = leftover_share(source_doc, source_lang, target_lang, patterns)
        tgt_left = leftover_share(target_doc, target_lang, source_lang, patterns)
    if src_left == tgt_left:
        src_left, tgt_left = translator_notes(source_doc), translator_notes(target_doc)
    return "target" if src_left > tgt_left else "source"
