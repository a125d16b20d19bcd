"""The align job from files to outputs: read -> detect language -> align -> classify -> catalog."""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from transpair import cache, parallel, write
from transpair.align import corrections, embed, search
from transpair.errors import InputError, existing_file, read_input
from transpair.history import carry
from transpair.history import revisions as history
from transpair.model import STATUSES, Alignment, Bead, Cause, Document, Origin
from transpair.po import catalog, code, file, tmx
from transpair.read import reader
from transpair.read.pairs import Article
from transpair.settle import langid
from transpair.settle.bilingual import lone_languages, split_bilingual
from transpair.settle.classify import classify, original
from transpair.settle.placeholders import compile_markers, marker_in, user_markers

MIN_TARGET_SHARE = 0.1  # a target with fewer blocks in its language than this is the wrong file
# a target in the source language sharing this share of its word trigrams with the source is an older copy
# of it (an article not translated yet); unrelated texts in one language share a few percent at most
OLDER_COPY_SHARE = 0.3
MAX_BLOCK_CHARS = 2_000_000  # a longer paragraph (about 300,000 words) is refused: it is not prose to align


@dataclass(frozen=True, kw_only=True)
class AlignOptions:
    """How to align one pair: unit, languages, and which side is the original."""

    unit: str = "paragraph"  # paragraph | sentence
    source_lang: str = "en"
    target_lang: str = "ko"
    original: str = "given"  # --source: given: SOURCE is the original | auto: decide from the texts
    markers_file: Path | None = None  # extra placeholder patterns (--markers), besides .transpair.toml
    similarity: str | None = None  # embedding backend `module:Class` (--similarity); None: multilingual USE
    cache: bool = True  # read and fill the persistent cache of vectors and alignments (--no-cache: off)
    corrections: Path | None = None  # a reviewer's corrections.json (--corrections): fixed beads
    history: bool = True  # align with the source as of the translation when git knows it (--no-history)
    translated_from: str | None = None  # the source revision of the translation (--translated-from)


@dataclass(frozen=True, kw_only=True)
class WriteOptions:
    """How to write a PO: merge with an existing one or overwrite, wrap, backup, extra outputs."""

    force: bool = False
    backup: bool = True
    prefer_target: bool = False
    wrap: bool = True
    format: str = "po"  # po | tmx (TMX 1.4 of the translated pairs, never merged)
    unit: str = "paragraph"  # the TMX segtype
    code: str | None = None  # --code: which code blocks become entries; None: .transpair.toml's, else changed


def _language(doc: Document) -> str:
    """The document's language, or an InputError when none can be told."""
    found = langid.document_language(doc)
    if found is None:
        raise InputError(f"{doc.path}: no language could be detected (only code, numbers or markup?)")
    return found


def _share_in(doc: Document, lang: str) -> float:
    """Share of the document's blocks written in `lang`."""
    return sum(langid.detect(b.norm) == lang for b in doc.blocks) / max(len(doc.blocks), 1)


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
    if found != source_lang:
        raise InputError(
            f"{source.path}: expected {source_lang} text but the file is in {found} (see --source-lang)"
        )
    patterns = compile_markers(markers)
    text = replace(target, blocks=tuple(b for b in target.blocks if not marker_in(b.text, patterns)))
    if not text.blocks or _share_in(text, target_lang) >= MIN_TARGET_SHARE:
        return False
    if _is_copy(source, text):
        return True
    found = _language(target)
    if found == source_lang and is_older_copy(source, text):
        return True
    raise InputError(
        f"{target.path}: expected {target_lang} text but the file is in {found} (see --target-lang)"
    )


def align_documents(
    source: Document, target: Document, opts: AlignOptions, markers: tuple[str, ...] = ()
) -> Alignment:
    """The alignment of two documents, from the cache when this code already aligned the very same
    documents with the same options, corrections and backend (so scan, report and a re-run reuse it)."""
    identity = embed.shared_similarity(opts.similarity, opts.cache).identity
    settings = repr((replace(opts, cache=True), markers))
    fixes = opts.corrections.read_bytes() if opts.corrections and opts.corrections.is_file() else b""
    key = cache.digest(
        "alignment", cache.code_version(), identity, settings, fixes, repr(source), repr(target)
    )
    return cache.remember(
        cache.open_store(opts.cache), key, Alignment, lambda: settled_alignment(source, target, opts, markers)
    )


def settled_alignment(
    source: Document, target: Document, opts: AlignOptions, markers: tuple[str, ...] = ()
) -> Alignment:
    """Settle which side is the original, check both languages, then align and classify."""
    check_block_sizes(source)
    check_block_sizes(target)
    similarity = embed.shared_similarity(opts.similarity, opts.cache)
    similarity.preload()  # the model loads while the documents are checked
    try:
        src_lang, tgt_lang = opts.source_lang, opts.target_lang
        if opts.original == "auto" and original(source, target, src_lang, tgt_lang, markers) == "target":
            source, target, src_lang, tgt_lang = target, source, tgt_lang, src_lang
        stale = check_languages(source, target, src_lang, tgt_lang, markers)
        alignment = aligned(
            source,
            target,
            src_lang,
            tgt_lang,
            opts.unit,
            markers,
            opts.similarity,
            opts.corrections,
            opts.cache,
        )
    finally:
        similarity.wait()  # a refused pair leaves no loading thread behind
    return not_translated_yet(alignment) if stale else alignment


def not_translated_yet(alignment: Alignment) -> Alignment:
    """A target still in the source language: every source entry untranslated, and a warning saying so."""
    lang = langid.language_name(alignment.source_lang)
    beads = tuple(
        replace(b, status="untranslated", reason=f"target still in {lang}", cause=Cause.NOT_TRANSLATED_YET)
        if b.source
        else b
        for b in alignment.beads
    )
    warning = f"{alignment.target.path} is still in {lang}: not translated yet, every entry left untranslated"
    return replace(alignment, beads=beads, warnings=(*alignment.warnings, warning))


def aligned(
    source: Document,
    target: Document,
    src_lang: str,
    tgt_lang: str,
    unit: str,
    markers: tuple[str, ...],
    similarity: str | None = None,
    corrections_file: Path | None = None,
    use_cache: bool = False,
) -> Alignment:
    """Align two documents whose languages are settled (around a reviewer's corrections, if given) and
    classify every bead (translated, untranslated...)."""
    source, target = replace(source, lang=src_lang), replace(target, lang=tgt_lang)
    backend = embed.shared_similarity(similarity, use_cache)
    fixed, warnings = [], ()
    if corrections_file is None:
        beads = search.align_blocks(source.blocks, target.blocks, backend)
    elif unit == "sentence":
        raise InputError(f"{corrections_file}: corrections fix paragraphs; use them without --unit sentence")
    else:
        beads, fixed, warnings = corrections.apply(corrections_file, source, target, backend)
    if unit == "sentence":
        source, target, beads = search.refine_sentences(source, target, beads, src_lang, tgt_lang, backend)
    found = classify(Alignment(source, target, tuple(beads), src_lang, tgt_lang, warnings), markers)
    return corrections.mark_reviewed(found, fixed)


def align_files(source: str | Path, target: str | Path | None, opts: AlignOptions) -> Alignment:
    """Read and align a pair of files; a lone file is split by language first (bilingual articles)."""
    markers = user_markers(source, opts.markers_file)
    if target is None:
        return align_lone(reader.read_document(source), opts, markers)
    if Path(source).resolve() == Path(target).resolve():
        raise InputError(f"{source}: SOURCE and TARGET are the same file")
    return align_tracked(reader.read_document(source), reader.read_document(target), opts, markers)


def old_source(
    source: Document, target: Document, opts: AlignOptions
) -> tuple[Document | None, history.Lookup]:
    """SOURCE as of the translation (None when git cannot tell, or its text is unchanged since: both read
    alike, so line ends and a BOM, or git's line-end conversion, are no change) and the lookup; none with
    a reviewer's corrections, which fix beads of today's SOURCE, nor for the two halves of one bilingual
    file (its last commit holds both languages, not the English the Korean half was made from)."""
    if not opts.history or opts.corrections is not None or source.path == target.path:
        return None, history.Lookup()
    lookup = history.translated_from(Path(source.path), Path(target.path), opts.translated_from)
    if lookup.origin is None:
        return None, lookup
    try:
        options = reader.read_options(Path(source.path))
        old = reader.bytes_document(lookup.data, source.path, source.format, options)
    except InputError as exc:
        return None, history.Lookup(warning=f"{exc}, as of {lookup.origin.short}; aligning with today's text")
    return (None if old.text == source.text else old), lookup


def align_tracked(
    source: Document, target: Document, opts: AlignOptions, markers: tuple[str, ...]
) -> Alignment:
    """Align a pair once; when git history knows the source the translation was made from, align with that
    and carry the beads over to today's source (changed paragraphs outdated, new ones untranslated). With
    `--source auto` the original is decided first, from today's texts: when it is TARGET, SOURCE's history
    says nothing about the translation. An oversized paragraph is refused before anything reads it."""
    check_block_sizes(source)
    check_block_sizes(target)
    if opts.original == "auto":
        if original(source, target, opts.source_lang, opts.target_lang, markers) == "target":
            return align_documents(source, target, opts, markers)
        opts = replace(opts, original="given")
    old, lookup = old_source(source, target, opts)
    if old is not None:
        today = catalog.sentence_document(source, opts.source_lang) if opts.unit == "sentence" else source
        return carry.carry(align_documents(old, target, opts, markers), today, lookup.origin)
    alignment = align_documents(source, target, opts, markers)
    warnings = (*alignment.warnings, *filter(None, [lookup.warning]))
    return replace(alignment, origin=lookup.origin, warnings=warnings)


def align_lone(doc: Document, opts: AlignOptions, markers: tuple[str, ...] = ()) -> Alignment:
    """A file with no translation beside it: a bilingual article is split by language and its halves
    aligned; any other (one language, or a section left under a placeholder) gets an empty target."""
    check_block_sizes(doc)
    langs = (opts.source_lang, opts.target_lang)
    bilingual, lang = lone_languages(doc, langs, compile_markers(markers))
    if bilingual:
        return align_documents(*split_bilingual(doc, langs), opts, markers)
    if lang is None:
        raise InputError(f"{doc.path}: no language could be detected (only code, numbers or markup?)")
    if lang not in langs:
        raise InputError(f"{doc.path}: written in {lang}, expected {' or '.join(langs)} (see --source-lang)")
    other = langid.other_language(lang, langs)
    empty = replace(doc, blocks=())
    return aligned(doc, empty, lang, other, opts.unit, markers, opts.similarity, use_cache=opts.cache)


def output_path(out_dir: Path, article: Article, fmt: str = "po") -> Path:
    """Where an article's output goes: OUT_DIR/NAME.po (or NAME.tmx)."""
    return out_dir / f"{article.name}.{fmt}"


def align_article(article: Article, opts: AlignOptions) -> Alignment | InputError:
    """One article's alignment, or the error that stops it: pure, so any worker (or machine) can run it."""
    try:
        return align_files(article.source, article.target, article_options(opts, article))
    except InputError as exc:
        return exc


def check_corrections_folder(opts: AlignOptions) -> None:
    """With a folder of articles, --corrections must name a folder of NAME.corrections.json."""
    if opts.corrections is not None and not opts.corrections.is_dir():
        raise InputError(
            f"{opts.corrections}: with a folder, --corrections names a folder of NAME.corrections.json"
        )


def article_options(opts: AlignOptions, article: Article) -> AlignOptions:
    """A folder's options for one article: its own NAME.corrections.json from the --corrections folder."""
    if opts.corrections is None:
        return opts
    own = opts.corrections / f"{article.name}.corrections.json"
    return replace(opts, corrections=own if own.is_file() else None)


@dataclass(frozen=True)
class News:
    """What a folder run tells about one article beside its output: its warnings and the source revision
    its translation was made from (git history), if any."""

    warnings: tuple[str, ...] = ()
    origin: Origin | None = None


def align_folder(
    articles: list[Article],
    out_dir: Path,
    opts: AlignOptions,
    wopts: WriteOptions,
    beads_dir: Path | None = None,
    jobs: int = 1,
) -> Iterator[tuple[Article, Path | InputError, News]]:
    """Start aligning articles (on `jobs` processes); the outputs OUT_DIR/NAME.po (and BEADS_DIR/NAME.json)
    are written as the caller reads each PO path or error and the alignment's news (warnings, source
    revision), in the order of the articles."""
    alignments = parallel.map_ordered(functools.partial(align_article, opts=opts), articles, jobs)
    return (
        (article, write_article(article, alignment, out_dir, wopts, beads_dir), news_of(alignment))
        for article, alignment in zip(articles, alignments)
    )


def news_of(alignment: Alignment | InputError) -> News:
    """An alignment's warnings and source revision (nothing for an error)."""
    return News() if isinstance(alignment, InputError) else News(alignment.warnings, alignment.origin)


def write_article(
    article: Article,
    alignment: Alignment | InputError,
    out_dir: Path,
    wopts: WriteOptions,
    beads_dir: Path | None = None,
) -> Path | InputError:
    """Write one article's outputs below OUT_DIR (creating folders): the PO path, or the error."""
    if isinstance(alignment, InputError):
        return alignment
    out = output_path(out_dir, article, wopts.format)
    beads = beads_dir / f"{article.name}.json" if beads_dir else None
    try:
        for folder in {out.parent, beads.parent if beads else out.parent}:
            folder.mkdir(parents=True, exist_ok=True)
        return write_outputs(alignment, out, wopts, beads)
    except OSError as exc:
        return InputError(f"{out}: cannot write ({exc.strerror or exc})")
    except InputError as exc:
        return exc


def summary(alignment: Alignment) -> str:
    """One line on what the alignment found: beads per status, in the order of STATUSES, and the source
    revision when git history was used."""
    counts = Counter(b.status for b in alignment.beads)
    found = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
    origin = f"; {history.origin_line(alignment.origin)}" if alignment.origin else ""
    return (
        f"{alignment.source_lang} -> {alignment.target_lang}, {len(alignment.beads)} beads: {found or 'none'}"
        f"{origin}"
    )


def doubt(alignment: Alignment) -> str | None:
    """A warning when fewer than half the source blocks found a sure counterpart: TARGET may be the wrong
    file. Outdated beads are sure (aligned with the source they were translated from); text new in the
    source since, like text left under a placeholder, is no sign of a wrong file; none for a target not
    translated yet, which has its own warning."""
    if not alignment.target.blocks or not alignment.source.blocks:
        return None
    if any(b.cause == Cause.NOT_TRANSLATED_YET for b in alignment.beads):
        return None
    sure = sum(
        len(b.source)
        for b in alignment.beads
        if b.target and b.status in ("translated", "untranslated", "outdated")
    )
    waiting = sum(
        len(b.source) for b in alignment.beads if b.cause in (Cause.PLACEHOLDER, Cause.NEW_IN_SOURCE)
    )
    if (
        sure * 2 >= len(alignment.source.blocks) - waiting
    ):  # text left under a placeholder is no sign of a wrong file
        return None
    return (
        f"{alignment.target.path} does not look like a translation of {alignment.source.path} "
        f"(only {sure} of {len(alignment.source.blocks)} source blocks found a sure counterpart)"
    )


def beads_json(alignment: Alignment) -> dict:
    """The alignment as the documented `--beads` JSON."""
    return {
        "source": alignment.source.path,
        "target": alignment.target.path,
        "source_lang": alignment.source_lang,
        "target_lang": alignment.target_lang,
        "beads": [
            {
                "source": list(b.source),
                "target": list(b.target),
                "status": b.status,
                "score": round(b.score, 4),
            }
            | ({"reason": b.reason} if b.reason else {})
            | ({"reviewed": True} if b.reviewed else {})
            for b in alignment.beads
        ],
    }


def _covers(beads: tuple[Bead, ...], side: int, doc: Document) -> bool:
    """True when the beads take every block of the document once, in order, on that side."""
    return [i for b in beads for i in (b.source, b.target)[side]] == list(range(len(doc.blocks)))


def read_beads(path: str | Path, source: Document, target: Document) -> Alignment:
    """The alignment an `align --beads` run wrote for these documents (reused instead of aligning again);
    InputError when the file is not one or was made from other texts."""
    path = existing_file(path, "beads file")
    try:
        data = json.loads(read_input(path).decode("utf-8"))
        beads = tuple(
            Bead(
                tuple(b["source"]),
                tuple(b["target"]),
                float(b["score"]),
                b["status"],
                b.get("reason", ""),
                reviewed=b.get("reviewed") is True,
            )
            for b in data["beads"]
        )
        langs = (str(data["source_lang"]), str(data["target_lang"]))
        if any(b.status not in STATUSES for b in beads):
            raise ValueError("unknown status")
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise InputError(f"{path}: not a beads file written by align --beads ({exc})") from None
    if not _covers(beads, 0, source) or not _covers(beads, 1, target):
        raise InputError(
            f"{path}: its beads do not fit {source.path} and {target.path} (made from other texts?)"
        )
    return Alignment(source, target, beads, *langs)


def write_outputs(alignment: Alignment, out: Path, opts: WriteOptions, beads: Path | None = None) -> Path:
    """Write the PO (merged into an existing one unless forced) or the TMX, and the optional beads JSON."""
    write.refuse_overwriting([out, beads], [alignment.source.path, alignment.target.path])
    po = catalog.build_catalog(alignment, code_mode=code.code_mode(alignment.source.path, opts.code))
    if opts.format == "tmx":
        text = tmx.format_tmx(po, alignment.source_lang, alignment.target_lang, opts.unit)
        if dropped := tmx.dropped_characters(po):
            print(
                f"transpair: warning: {out}: {dropped} control characters XML cannot hold left out",
                file=sys.stderr,
            )
        write.write_text(out, text, backup=opts.backup)
    else:
        if write.is_stdout(out):
            file.write_po(po, out, wrap=opts.wrap)
        else:
            with write.locked(out):  # read, merge and write without another run in between
                if write.regular(out) and not opts.force:
                    po = catalog.merge(po, file.read_po(out), prefer_target=opts.prefer_target)
                file.write_po(po, out, wrap=opts.wrap, backup=opts.backup)
    if beads is not None:
        write.write_json(beads, beads_json(alignment))
    return out
