"""The align job from files to outputs in four stages over one record (Pair): read (read_pair) -> settle
(settle: the original; old_source: the source as of the translation) -> align (align_pair: languages
checked, aligned, classified; cached) -> write (write_outputs)."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from transpair import cache, languages, write
from transpair.align import corrections, embed, moves, search
from transpair.align.beads import beads_json
from transpair.errors import InputError, NotAnArticle
from transpair.history import base, carry, repair, revisions
from transpair.model import Alignment, Cause, Document
from transpair.po import catalog, code, file, state, tmx
from transpair.read import reader
from transpair.read.pairs import Article, readable
from transpair.read.placeholder_patterns import compile_markers, user_markers
from transpair.settle import langid
from transpair.settle.bilingual import lone_languages, split_bilingual
from transpair.settle.checks import check_block_sizes, check_languages, still_warning
from transpair.settle.classify import classify, original


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


@dataclass(frozen=True)
class Pair:
    """One article's two versions as the stages hand them on: the documents in their roles (the original
    first), their languages, the user's marker patterns (read once) and whether --source auto found TARGET
    to be the original (then SOURCE's history says nothing about the translation)."""

    source: Document
    target: Document
    source_lang: str
    target_lang: str
    markers: tuple[str, ...] = ()
    swapped: bool = False


def read_pair(source: str | Path, target: str | Path, opts: AlignOptions) -> Pair:
    """Stage 1, read: the user's marker patterns and both files; the same file twice is refused."""
    markers = user_markers(source, opts.markers_file)
    if Path(source).resolve() == Path(target).resolve():
        raise InputError(f"{source}: SOURCE and TARGET are the same file")
    return pair_of(reader.read_document(source), reader.read_document(target), opts, markers)


def pair_of(source: Document, target: Document, opts: AlignOptions, markers: tuple[str, ...] = ()) -> Pair:
    """Two documents as a pair in the languages the options give; a paragraph too long to align is refused
    here, once, before anything reads the blocks."""
    check_block_sizes(source)
    check_block_sizes(target)
    return Pair(source, target, opts.source_lang, opts.target_lang, markers)


def settle(pair: Pair, opts: AlignOptions) -> Pair:
    """Stage 2, settle: the original first, decided once from today's texts with --source auto."""
    if opts.original != "auto":
        return pair
    if original(pair.source, pair.target, pair.source_lang, pair.target_lang, pair.markers) == "source":
        return pair
    return Pair(pair.target, pair.source, pair.target_lang, pair.source_lang, pair.markers, swapped=True)


def align_pair(pair: Pair, opts: AlignOptions, backend: embed.CachedSimilarity) -> Alignment:
    """Stage 3, align: the settled pair's alignment with the job's backend, from the cache when this code
    already aligned the very same pair with the same options, corrections and backend (so scan, report and
    a re-run reuse it)."""
    if opts.corrections is not None and opts.unit == "sentence":
        raise InputError(f"{opts.corrections}: corrections fix paragraphs; use them without --unit sentence")
    fixes = corrections.read(opts.corrections) if opts.corrections is not None else None
    settings = repr((replace(opts, cache=True), pair.markers, pair.source_lang, pair.target_lang))
    key = cache.digest(
        "alignment",
        cache.code_version(),
        backend.identity,
        settings,
        fixes.data if fixes else b"",
        repr(pair.source),
        repr(pair.target),
    )
    return cache.remember(
        cache.open_store(opts.cache),
        key,
        Alignment,
        lambda: checked_alignment(pair, opts.unit, backend, fixes),
        usable=Alignment.whole,
    )


def checked_alignment(
    pair: Pair, unit: str, backend: embed.CachedSimilarity, fixes: corrections.Corrections | None
) -> Alignment:
    """Check both languages (the model loads meanwhile), then align and classify; a target still in the
    source language gets every entry untranslated."""
    backend.preload()
    try:
        stale = check_languages(pair.source, pair.target, pair.source_lang, pair.target_lang, pair.markers)
        alignment = aligned(pair, unit, backend, fixes)
    finally:
        backend.wait()  # a refused pair leaves no loading thread behind
    return not_translated_yet(alignment) if stale else alignment


def not_translated_yet(alignment: Alignment) -> Alignment:
    """A target still in the source language: every source entry untranslated, and a warning saying so."""
    lang = languages.name(alignment.source_lang)
    beads = tuple(
        replace(b, status="untranslated", reason=f"target still in {lang}", cause=Cause.NOT_TRANSLATED_YET)
        if b.source
        else b
        for b in alignment.beads
    )
    return replace(alignment, beads=beads, warnings=(*alignment.warnings, still_warning(alignment)))


def aligned(
    pair: Pair, unit: str, backend: embed.Similarity, fixes: corrections.Corrections | None = None
) -> Alignment:
    """Align a settled pair (around a reviewer's corrections, if given) and classify every bead (translated,
    untranslated...)."""
    src_lang, tgt_lang = pair.source_lang, pair.target_lang
    source, target = replace(pair.source, lang=src_lang), replace(pair.target, lang=tgt_lang)
    if fixes is None:
        done = corrections.Realigned(tuple(search.align_blocks(source.blocks, target.blocks, backend)), ())
    else:
        done = corrections.apply(fixes, source, target, backend)
    beads = tuple(moves.paired_moves(done.beads, source.blocks, target.blocks, backend))
    alignment = Alignment(source, target, beads, src_lang, tgt_lang, done.warnings)
    if unit == "sentence":
        alignment = search.refine_sentences(alignment, backend)
    return corrections.mark_reviewed(classify(alignment, pair.markers), done.fixed)


def align_files(source: str | Path, target: str | Path | None, opts: AlignOptions) -> Alignment:
    """The align job of a pair of files: read, settle, align (stage 4, writing, is write_outputs); a lone
    file is split by language first (bilingual articles)."""
    if target is None:
        markers = user_markers(source, opts.markers_file)
        return align_lone(reader.read_document(source), opts, markers)
    return align_settled(settle(read_pair(source, target, opts), opts), opts)


def old_source(
    source: Document, target: Document, opts: AlignOptions, backend: embed.CachedSimilarity
) -> tuple[Document | None, revisions.Lookup]:
    """SOURCE as of the translation (None when git cannot tell, or its text is unchanged since: both read
    alike, so line ends and a BOM, or git's line-end conversion, are no change) and the lookup; none for the
    two halves of one bilingual file (its last commit holds both languages, not the English the Korean
    half was made from). With a reviewer's corrections too: they are kept over what history carried."""
    if not opts.history or source.path == target.path:
        return None, revisions.Lookup()
    lookup = base.base_revision(source, target, backend, opts.translated_from)
    if lookup.origin is None:
        return None, lookup
    try:
        options = reader.read_options(Path(source.path))
        old = reader.bytes_document(lookup.data, source.path, source.format, options)
    except InputError as exc:
        return None, revisions.Lookup(
            warning=f"{exc}, as of {lookup.origin.short}; aligning with today's text"
        )
    return (None if old.text == source.text else old), lookup


def align_settled(pair: Pair, opts: AlignOptions) -> Alignment:
    """Align a settled pair once; when git history knows the source the translation was made from, align
    with that and carry the beads over to today's source (changed paragraphs outdated, new ones
    untranslated). When the original was found to be TARGET, SOURCE's history says nothing about it."""
    backend = embed.shared_similarity(opts.similarity, opts.cache)  # once: base by content, align, repair
    old, lookup = (
        (None, revisions.Lookup()) if pair.swapped else old_source(pair.source, pair.target, opts, backend)
    )
    if old is not None:
        check_block_sizes(old)
        today = (
            catalog.sentence_document(pair.source, pair.source_lang)
            if opts.unit == "sentence"
            else pair.source
        )
        plain = replace(opts, corrections=None)  # a reviewer's fixes are beads of today's SOURCE
        carried = repair.repair(
            carry.carry(align_pair(replace(pair, source=old), plain, backend), today, lookup.origin), backend
        )
        if opts.corrections is None:
            return carried
        return corrections.keep_history(align_pair(pair, opts, backend), carried)
    alignment = align_pair(pair, opts, backend)
    warnings = (*alignment.warnings, *filter(None, [lookup.warning]))
    return replace(alignment, origin=lookup.origin, warnings=warnings)


def align_tracked(
    source: Document, target: Document, opts: AlignOptions, markers: tuple[str, ...]
) -> Alignment:
    """The align job of two documents already read (scan and report read them themselves)."""
    return align_settled(settle(pair_of(source, target, opts, markers), opts), opts)


def align_lone(doc: Document, opts: AlignOptions, markers: tuple[str, ...] = ()) -> Alignment:
    """A file with no translation beside it: a bilingual article is split by language and its halves
    aligned; any other (one language, or a section left under a placeholder) gets an empty target."""
    check_block_sizes(doc)
    langs = (opts.source_lang, opts.target_lang)
    bilingual, lang = lone_languages(doc, langs, compile_markers(markers))
    backend = embed.shared_similarity(opts.similarity, opts.cache)
    if bilingual:
        source, target = split_bilingual(doc, langs)
        return align_pair(settle(Pair(source, target, *langs, markers), opts), opts, backend)
    if lang is None:
        raise NotAnArticle(f"{doc.path}: no language could be detected (only code, numbers or markup?)")
    if lang not in langs:
        raise InputError(f"{doc.path}: written in {lang}, expected {' or '.join(langs)} (see --source-lang)")
    return aligned(
        Pair(doc, replace(doc, blocks=()), lang, langid.other_language(lang, langs), markers),
        opts.unit,
        backend,
    )


def output_path(out_dir: Path, article: Article, fmt: str = "po") -> Path:
    """Where an article's output goes: OUT_DIR/NAME.po (or NAME.tmx)."""
    return out_dir / f"{article.name}.{fmt}"


def load_shared(opts: AlignOptions) -> None:
    """Load the model (in a thread) and the language profiles (meanwhile) in this process, so the workers
    forked next share them instead of each loading its own (about a second of every worker's start)."""
    model = embed.default_backend(opts.similarity)
    if model is not None:
        model.preload()
    langid.detector_factory()
    if model is not None:
        model.wait()  # no thread may be running when the workers fork


def align_article(article: Article, opts: AlignOptions) -> Alignment | InputError:
    """One article's alignment, or the error that stops it: pure, so any worker (or machine) can run it."""
    try:
        return align_files(readable(article).source, article.target, article_options(opts, article))
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
class Written:
    """An article's output: its path, what the catalog it holds after any merge counts (entries per state
    as msgfmt --statistics counts them, without reading the file back); unchanged when the merge gave the
    file's catalog back and it was left alone."""

    path: Path
    counts: Counter[str]
    unchanged: bool = False


def write_article(
    article: Article,
    alignment: Alignment | InputError,
    out_dir: Path,
    wopts: WriteOptions,
    beads_dir: Path | None = None,
) -> Written | InputError:
    """Write one article's outputs below OUT_DIR (creating folders), or give the error."""
    if isinstance(alignment, InputError):
        return alignment
    out = output_path(out_dir, article, wopts.format)
    beads = beads_dir / f"{article.name}.json" if beads_dir else None
    try:
        for folder in {out.parent, beads.parent if beads else out.parent}:
            folder.mkdir(parents=True, exist_ok=True)
        write.refuse_overwriting([out, beads], [alignment.source.path, alignment.target.path])
        return write_outputs(alignment, out, wopts, beads)
    except OSError as exc:
        return InputError(f"{out}: cannot write ({exc.strerror or exc})")
    except InputError as exc:
        return exc


def write_outputs(alignment: Alignment, out: Path, opts: WriteOptions, beads: Path | None = None) -> Written:
    """Write the PO (merged into an existing one unless forced; a file the merge gives back unchanged is
    left as it is) or the TMX, and the optional beads JSON; the caller has refused outputs that would
    overwrite an input (write_article per article, the command before any work for one pair)."""
    po = catalog.build_catalog(alignment, code_mode=code.code_mode(alignment.source.path, opts.code))
    kept = False
    if opts.format == "tmx":
        text = tmx.format_tmx(po, alignment.source_lang, alignment.target_lang, opts.unit, out.stem)
        if dropped := tmx.dropped_characters(tmx.units(po)):
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
                    old = file.read_po(out)
                    po = catalog.merge(po, old, prefer_target=opts.prefer_target)
                    kept = catalog.unchanged(po, old)
                if not kept:
                    file.write_po(po, out, wrap=opts.wrap, backup=opts.backup)
    if beads is not None:
        write.write_json(beads, beads_json(alignment))
    return Written(out, state.po_counts(po), kept)
