"""Find what is still untranslated in an aligned pair, decide which version is the original, and
split a bilingual article into its two languages.

A bead is *untranslated* when its target side is a placeholder marker, lies in a section governed by
a marker, or is text left in the source language (a copy of the source or any other source-language
prose); it is *fuzzy* when only some sentences of the target are still in the source language. Code,
URLs, inline literals, product names and other short Latin terms inside Korean text are not
leftovers: a sentence counts only when langid puts it in the source language AND it holds at least
MIN_PROSE_WORDS words once code, URLs and markup are removed (capitalised names do not count), and a
sentence holding any Hangul is never English left over ("IronPython의 경우").

Markers
-------
A *marker block* is a block where a marker pattern matches and at most MARKER_SLACK words remain
outside the match, e.g. ``[TBD - to be translated later, sorry]``, ``TBD``, ``TODO: translate``,
``(to be translated)``, ``번역 예정``, ``번역 중``, or a language-switch note such as
``(The followings are written in Korean. Thanks!)``. A marker block is never a translation, and it
governs the blocks after it up to the next heading or the end of the article (a heading left in the
other language does not end it). In classify(), a block of such a section that is already prose in
the target language, not a copy, keeps its status: it was translated after the marker was put there,
and the PO must not lose it.

User patterns are regular expressions (``regex`` module syntax, matched case-insensitively against
a block's text with its whitespace folded, so ``^…$`` spans the whole block). They add to the
defaults. Pass them as ``classify(alignment, markers=[...])``, or keep them in files:
``user_markers(near, markers_file)`` reads both of these (``load_markers(path)`` reads one):

- ``.transpair.toml`` (found by ``find_config(folder)`` in a folder or its parents), or any
  ``--markers FILE`` ending in ``.toml``::

      [markers]
      patterns = ['^\\[PENDING\\]$', '검토 전']

  (``patterns = [...]`` at the top level of the file is read the same way);

- any other ``--markers FILE``: plain text, one pattern per line; blank lines and lines starting
  with ``#`` are ignored.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path

import regex

from . import langid, segment
from .errors import InputError
from .model import Alignment, Bead, Block, Document

MARKER_SLACK = 3  # words allowed beside a marker ("TODO: translate this section", "번역 예정입니다")
MIN_PROSE_WORDS = 1  # calibrated on pydocs-ko: bench/bench_untranslated.py --calibrate --mixed 5000
CONFIG_NAME = ".transpair.toml"
BILINGUAL_SHARE = 0.25  # a file is bilingual when each language holds this share of its blocks
COPY = "copy of the source"  # reason for a copied block with no language (code, names, numbers)
STILL_IN = "still in"  # reason prefix of partly translated blocks
PLACEHOLDER = "placeholder"  # reason prefix of marker blocks and their sections
LANGUAGE_NAMES = {
    "en": "English",
    "ko": "Korean",
    "ja": "Japanese",
    "zh": "Chinese",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
}

DEFAULT_MARKERS = (
    r"\[\s*(?:TBD|TODO|WIP)\b[^\]]*\]",
    r"\bTBD\b",
    r"\bTODO\s*:?\s*translat\w*",
    r"\(\s*(?:to\s+be|not\s+yet)\s+translated\b[^)]*\)",
    r"\bto\s+be\s+translated\b",
    r"번역\s*(?:예정|중|필요)",
    r"미번역",
    r"\(?\s*(?:the\s+)?follow\w*\s+(?:is|are)\s+(?:written\s+)?(?:only\s+)?in\s+\p{L}+\b[^)\n]*\)?",
    r"\(?\s*(?:이하|다음|아래)\s*(?:내용|글|부분)?[은는]?\s*(?:영어|영문|한국어|한글)\s*(?:으로|로)?\s*(?:만\s*)?작성[^)\n]*\)?",
)

_WORD = regex.compile(r"\p{L}+")
_TRANSLATOR_NOTE = regex.compile(
    r"[(\[]\s*(?:역주|옮긴이\s*주?|역자\s*주|translator'?s\s+note|T/?N)\s*[:：]", regex.IGNORECASE
)
_LITERAL = regex.compile(
    r"``.*?``|`[^`]*`|(?::[\w.-]+)+:|https?://\S+|www\.\S+"
)  # literals, reST roles, URLs
_CODE_TOKEN = regex.compile(r"[`_/\\=<>{}\[\]#$@|~^]|\w[.:(]\w|\(\)|\d")  # paths, names.with.dots, calls


def language_name(code: str | None) -> str:
    """A readable language name for reasons and messages ('en' -> 'English')."""
    return LANGUAGE_NAMES.get(code or "", code or "an undetected language")


def compile_markers(extra: Iterable[str] = ()) -> tuple[regex.Pattern, ...]:
    """The default marker patterns plus the user's, compiled; a bad user pattern is an InputError."""
    return _compiled(tuple(extra))


@cache
def _compiled(extra: tuple[str, ...]) -> tuple[regex.Pattern, ...]:
    """compile_markers, once per set of user patterns (every stage asks for them)."""
    compiled = []
    for pattern in (*DEFAULT_MARKERS, *extra):
        try:
            compiled.append(regex.compile(pattern, regex.IGNORECASE | regex.VERSION1))
        except regex.error as exc:
            raise InputError(
                f"marker pattern {pattern!r} is not a valid regular expression ({exc})"
            ) from None
    return tuple(compiled)


def load_markers(path: str | Path) -> tuple[str, ...]:
    """Marker patterns from a TOML file ([markers] patterns = [...], or patterns at the top level) or
    from a one-pattern-per-line file."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read the marker file ({exc.__class__.__name__})") from None
    if p.suffix != ".toml":
        return tuple(s.strip() for s in raw.splitlines() if s.strip() and not s.lstrip().startswith("#"))
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{p}: not a valid TOML file ({exc})") from None
    section = data.get("markers", data)
    patterns = section.get("patterns", []) if isinstance(section, dict) else None
    if not isinstance(patterns, list) or not all(isinstance(s, str) for s in patterns):
        raise InputError(f"{p}: [markers] patterns must be a list of strings")
    return tuple(patterns)


def find_config(folder: str | Path) -> Path | None:
    """The nearest .transpair.toml in a folder or its parents, None if there is none."""
    start = Path(folder).resolve()
    for candidate in (start, *start.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate / CONFIG_NAME
    return None


def user_markers(near: str | Path, markers_file: str | Path | None = None) -> tuple[str, ...]:
    """The user's marker patterns: the .transpair.toml nearest to `near` (a file or folder), then
    those of `markers_file` (the --markers option); validated, so a bad pattern fails early."""
    start = Path(near)
    config = find_config(start if start.is_dir() else start.parent)
    patterns = (
        *(load_markers(config) if config else ()),
        *(load_markers(markers_file) if markers_file else ()),
    )
    compile_markers(patterns)
    return patterns


@lru_cache(maxsize=8192)
def marker_in(text: str, patterns: Sequence[regex.Pattern]) -> str | None:
    """The marker text when a block is a placeholder marker (little else beside it), else None."""
    flat = " ".join(text.split())
    for pattern in patterns:
        found = pattern.search(flat)
        if found and len(_WORD.findall(flat[: found.start()] + " " + flat[found.end() :])) <= MARKER_SLACK:
            return flat
    return None


def ends_section(blocks: Sequence[Block], index: int, lang: str | None) -> bool:
    """True when block `index` is a heading that starts a section in the document's own language
    `lang` (any heading when `lang` is None): neither it nor the block after it is in another one."""
    if blocks[index].kind != "heading":
        return False
    return lang is None or all(langid.detect(b.norm) in (lang, None) for b in blocks[index : index + 2])


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


def in_language(text: str, lang: str) -> bool:
    """True when text is prose written in `lang` (not code, a URL, a name or a short term).

    Text holding any Hangul is never prose of another language: a Korean particle on an English
    name ("IronPython의 경우") means a translator wrote it.
    """
    flat = " ".join(text.split())
    if lang != "ko" and langid.script_shares(flat)[0] > 0:
        return False
    return prose_words(flat) >= MIN_PROSE_WORDS and langid.detect(flat) == lang


def leftover_sentences(text: str, text_lang: str, other_lang: str) -> list[str]:
    """The sentences of a `text_lang` text that are still prose in `other_lang`."""
    return [s.strip() for s in segment.split_sentences(text, text_lang) if in_language(s, other_lang)]


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
        return replace(bead, status="fuzzy", reason=f'{PLACEHOLDER} "{in_target[0]}" beside a translation')
    marked = in_target + [source_marks[i] for i in bead.source if i in source_marks]
    if marked:
        status = "untranslated" if bead.source and bead.target else _empty_side(bead)
        return replace(bead, status=status, reason=f'{PLACEHOLDER} "{marked[0]}"')
    if not bead.target:
        return replace(bead, status="source-only", reason="missing in target")
    if not bead.source:
        return replace(bead, status="target-only")
    texts = [alignment.target.blocks[j].text for j in bead.target]
    if all(in_language(t, src_lang) for t in texts):
        return replace(bead, status="untranslated", reason=f"left in {language_name(src_lang)}")
    if _copied(bead, alignment):
        in_source = langid.detect(" ".join(" ".join(texts).split())) == src_lang
        return replace(
            bead, status="untranslated", reason=f"left in {language_name(src_lang)}" if in_source else COPY
        )
    left = [s for t in texts for s in leftover_sentences(t, tgt_lang, src_lang)]
    if left:
        return replace(bead, status="fuzzy", reason=still_in(src_lang, left))
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


def no_prose(text: str) -> bool:
    """True when the text is code, identifiers, URLs, numbers or file names, with at most NAME_WORDS
    capitalised names beside them ("Vue JSX: [@vitejs/plugin-vue-jsx](…)", "Chrome >=107"): nothing a
    translator would translate."""
    literal_free = _LITERAL.sub(" ", " ".join(text.split())).split()
    tokens = [t for t in literal_free if not _CODE_TOKEN.search(t)]
    words = [w for t in tokens for w in _WORD.findall(t)]
    has_code = len(tokens) < len(literal_free) or _LITERAL.search(text) is not None
    if any(w.islower() and len(w) > 1 for w in words):
        return False
    return not words or (has_code and len(words) <= NAME_WORDS)


def title_like(text: str) -> bool:
    """A short label with no sentence end: a heading, a term, a list entry."""
    flat = " ".join(text.split())
    return len(_WORD.findall(_LITERAL.sub(" ", flat))) <= TITLE_WORDS and not _SENTENCE_END.search(flat)


def kept_as_is(beads: list[Bead], alignment: Alignment) -> list[Bead]:
    """Untranslated beads whose target is a short title or names and code, kept as is in a translated
    section, become translated (same in both languages); real prose left in English stays untranslated.

    In an article with PARTIAL_SHARE or more of its prose left in English, nothing changes: there the
    names kept as is are as unfinished as the prose (and with no prose there is nothing to go by).
    Elsewhere a title is untranslated when the text it heads (the next pair of real text) is; names and
    code only inside a run of untranslated text (the pairs before and after it both untranslated).
    """

    def text(bead: Bead) -> str:
        return " ".join(alignment.target.blocks[j].norm for j in bead.target)

    def label(bead: Bead) -> bool:
        return (
            bead.status == "untranslated"
            and not bead.reason.startswith(PLACEHOLDER)
            and title_like(text(bead))
        )

    real = [k for k, b in enumerate(beads) if b.source and b.target and not label(b)]
    if not real or sum(beads[k].status == "untranslated" for k in real) >= PARTIAL_SHARE * len(real):
        return beads
    out = list(beads)
    for k, bead in enumerate(beads):
        if not label(bead):
            continue
        after = next((beads[r].status == "untranslated" for r in real if r > k), None)
        before = next((beads[r].status == "untranslated" for r in reversed(real) if r < k), None)
        section = after if after is not None else before
        untranslated = (after is not False and before is not False) if no_prose(text(bead)) else section
        if not untranslated:
            out[k] = replace(bead, status="translated", reason=SAME)
    return out


def _gaps_under_markers(beads: list[Bead]) -> list[Bead]:
    """In a gap of the alignment (a run of one-sided beads), a placeholder in the target stands for the
    source text it replaced: that source text is untranslated under the placeholder, not missing."""
    result, start = list(beads), 0
    while start < len(result):
        end = start
        while end < len(result) and not (result[end].source and result[end].target):
            end += 1
        marker = next(
            (b.reason for b in result[start:end] if not b.source and b.reason.startswith(PLACEHOLDER)), ""
        )
        if marker:
            result[start:end] = [replace(b, reason=marker) if not b.target else b for b in result[start:end]]
        start = end + 1
    return result


def still_in(lang: str, sentences: Sequence[str]) -> str:
    """The fuzzy reason naming the sentences still in `lang`."""
    return f"{STILL_IN} {language_name(lang)}: {_quote(sentences)}"


def to_translate(bead: Bead) -> bool:
    """True for a bead that holds work for a translator: untranslated, partly translated, or a
    placeholder marker on its own."""
    return (
        bead.status == "untranslated" or partly_translated(bead) or bead.reason.startswith(PLACEHOLDER + " ")
    )


def partly_translated(bead: Bead) -> bool:
    """True for a bead classify() made fuzzy because some target sentences are in the source language
    (not one the aligner marked fuzzy for its low confidence)."""
    return bead.status == "fuzzy" and bead.reason.startswith(STILL_IN + " ")


def leftovers(
    doc: Document, lang: str, other: str, patterns: Sequence[regex.Pattern], sentences: bool = True
) -> dict[int, tuple[str, str]]:
    """Block index -> (status, reason) for the blocks of a `lang` document that are not translated:
    whole marker sections, blocks left in `other`, and (with `sentences`) blocks partly in `other`
    (fuzzy). Without the other version to compare, a marker's section is reported whole."""
    marks = governed(doc.blocks, patterns, lang)
    found = {}
    for i, block in enumerate(doc.blocks):
        if i in marks:
            found[i] = ("untranslated", f'{PLACEHOLDER} "{marks[i]}"')
        elif in_language(block.norm, other):
            found[i] = ("untranslated", f"left in {language_name(other)}")
        elif sentences and (left := leftover_sentences(block.text, lang, other)):
            found[i] = ("fuzzy", still_in(other, left))
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
    src_left = leftover_share(source_doc, source_lang, target_lang, patterns)
    tgt_left = leftover_share(target_doc, target_lang, source_lang, patterns)
    if src_left == tgt_left:
        src_left, tgt_left = translator_notes(source_doc), translator_notes(target_doc)
    return "target" if src_left > tgt_left else "source"


def translator_notes(doc: Document) -> int:
    """How many translator's notes a document holds (only a translation has them)."""
    return sum(len(_TRANSLATOR_NOTE.findall(b.text)) for b in doc.blocks)


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


def other_language(lang: str, langs: tuple[str, str]) -> str:
    """The language of the pair that is not `lang`."""
    return langs[1] if lang == langs[0] else langs[0]


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
