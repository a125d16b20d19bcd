"""List, per article of a folder, which version is the original and which sections are untranslated.

Articles are found with the folder pairing conventions of `transpair.read.pairs`. A pair is aligned
(`pipeline.align_tracked` with the original decided from the texts, and with the source as of the
translation when git history knows it) and its untranslated, fuzzy, missing, new and outdated beads
become sections, with what changed since the translation as the article's `origin`; a lone file is
checked on its own: marker sections and text in the other language are its untranslated sections,
and when it has any, the other language is the original (the text left untranslated shows what it was
translated from). A lone file whose name carries no language tag and that `bilingual.is_bilingual`
finds bilingual is split by language and scanned as a pair.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from transpair import languages, parallel
from transpair.errors import EXIT_INPUT, EXIT_OK, InputError, NotAnArticle, error_line
from transpair.history.changes import Outdated, outdated_paragraph
from transpair.model import Alignment, Block, Cause, Document, Origin, joined
from transpair.progress import tracked
from transpair.read import pairs, reader
from transpair.read.placeholder_patterns import compile_markers, user_markers
from transpair.settle import langid
from transpair.settle.bilingual import lone_languages, split_bilingual
from transpair.settle.classify import in_language, leftovers, to_translate

CHANGED = (Cause.OUTDATED, Cause.MARKUP_CHANGED)  # a translation behind its source, listed with its diff


@dataclass(frozen=True)
class ScanOptions:
    """One scan: the language pair, marker patterns (the user's file and, once read, the patterns), the
    alignment cache, git history, worker processes, progress, a second tree and the files chosen."""

    langs: tuple[str, str] = ("en", "ko")
    markers_file: Path | None = None
    markers: tuple[str, ...] = ()
    use_cache: bool = True
    history: bool = True
    jobs: int = 1
    quiet: bool = True
    target: Path | None = None
    select: pairs.Selection = pairs.Selection()


@dataclass(frozen=True)
class UntranslatedSection:
    """A run of neighbouring blocks of one file that share a status and reason."""

    path: str
    first_line: int
    last_line: int
    status: str  # untranslated | fuzzy (partly translated) | source-only | target-only (a lone marker)
    reason: str
    blocks: int = 1
    cause: Cause = Cause.NONE  # the reason, for logic


@dataclass(frozen=True)
class ArticleScan:
    """What scan found for one article: its files, its original language, its untranslated sections."""

    name: str
    files: tuple[str, ...]
    original: str | None
    sections: tuple[UntranslatedSection, ...] = ()
    message: str = ""  # why the article could not be scanned (bad input), empty when it was
    origin: Origin | None = None  # the source revision the translation was made from (git history)
    skipped: bool = False  # no article: no prose to tell a language from (listed with -v, not an error)
    outdated: tuple[Outdated, ...] = ()  # source paragraphs changed since the translation, with their diff


def last_line(block: Block) -> int:
    """The 1-based line of a block's last character."""
    return block.line + block.text.rstrip().count("\n")


def sections_of(
    path: str, found: Sequence[tuple[int, Block, str, str, Cause]]
) -> tuple[UntranslatedSection, ...]:
    """(block index, block, status, reason, cause) in document order, neighbours with the same status and
    reason merged into the sections of one file."""
    runs: list[UntranslatedSection] = []
    last_index = None
    for index, block, status, reason, cause in found:
        prev = runs[-1] if runs else None
        if prev and index == last_index + 1 and (prev.status, prev.reason) == (status, reason):
            runs[-1] = replace(prev, last_line=last_line(block), blocks=prev.blocks + 1)
        else:
            runs.append(UntranslatedSection(path, block.line, last_line(block), status, reason, cause=cause))
        last_index = index
    return tuple(runs)


def file_tag(path: Path, langs: Sequence[str]) -> str | None:
    """The language a file's name gives it (post.en.md, en/post.md), None when it names none."""
    return next(
        (tag for tag in (path.stem.rpartition(".")[2], *path.parent.parts[::-1]) if tag in langs), None
    )


def scan_file(path: Path, opts: ScanOptions, name: str = "") -> ArticleScan:
    """Scan a lone article file: its marker sections and the text left in the other language; an
    untagged file holding both languages is split and scanned as a pair."""
    name, langs = name or path.stem, opts.langs
    patterns = compile_markers(opts.markers)
    doc = reader.read_document(path)
    if not doc.blocks:
        return ArticleScan(name, (str(path),), None, message=f"{path}: no text to scan")
    lang = file_tag(path, langs)
    if lang is None:
        bilingual, lang = lone_languages(doc, langs, patterns)
        if bilingual:
            halves = split_bilingual(doc, langs)
            return scan_alignment(name, (str(path),), *halves, opts)
    if lang is None:
        return ArticleScan(
            name, (str(path),), None, message=f"{path}: no language could be detected", skipped=True
        )
    if lang not in langs:
        return ArticleScan(
            name,
            (str(path),),
            lang,
            message=f"{path}: written in {languages.name(lang)}, "
            f"not {' or '.join(languages.name(x) for x in langs)}",
        )
    other = langid.other_language(lang, langs)
    found = leftovers(doc, lang, other, patterns)
    sections = sections_of(str(path), [(i, doc.blocks[i], *found[i]) for i in sorted(found)])
    left_in_other = any(in_language(doc.blocks[i].norm, other) for i in found)
    return ArticleScan(name, (str(path),), other if left_in_other else lang, sections)


def alignment_sections(alignment: Alignment) -> tuple[UntranslatedSection, ...]:
    """Sections of an aligned pair: untranslated, partly translated and placeholder blocks in the
    target; missing, new and outdated ones in the source (beads the aligner found fuzzy for low confidence
    are not listed)."""
    src, tgt = alignment.source, alignment.target
    in_source, in_target = [], []
    for bead in alignment.beads:
        if bead.target and to_translate(bead):
            in_target += [(j, tgt.blocks[j], bead.status, bead.reason, bead.cause) for j in bead.target]
        elif bead.source and (not bead.target or bead.cause in CHANGED):
            in_source += [(i, src.blocks[i], bead.status, bead.reason, bead.cause) for i in bead.source]
    return (*sections_of(src.path, in_source), *sections_of(tgt.path, in_target))


def outdated_of(alignment: Alignment) -> tuple[Outdated, ...]:
    """The source paragraphs whose translation fell behind (outdated, markup changed), with their diff."""
    return tuple(
        outdated_paragraph(
            alignment.source.blocks[b.source[0]].line,
            b.cause,
            b.previous,
            joined(alignment.source.blocks[i] for i in b.source),
        )
        for b in alignment.beads
        if b.source and b.cause in CHANGED and b.previous
    )


def scan_alignment(
    name: str, files: tuple[str, ...], source: Document, target: Document, opts: ScanOptions
) -> ArticleScan:
    """Align two versions (the original decided from the texts; with the source as of the translation
    when git history knows it, unless `history` is off) and list what is left to translate; an alignment
    of the same texts already in the cache is reused."""
    from transpair import pipeline  # the aligner loads its model only when a pair is scanned

    align_opts = pipeline.AlignOptions(
        source_lang=opts.langs[0],
        target_lang=opts.langs[1],
        original="auto",
        cache=opts.use_cache,
        history=opts.history,
    )
    alignment = pipeline.align_tracked(source, target, align_opts, opts.markers)
    sections = alignment_sections(alignment)
    return ArticleScan(
        name, files, alignment.source_lang, sections, origin=alignment.origin, outdated=outdated_of(alignment)
    )


def scan_article(article: pairs.Article, opts: ScanOptions) -> ArticleScan:
    """Scan one article (pure, so a worker process can run it); bad input becomes the article's message
    instead of stopping the scan."""
    files = tuple(str(p) for p in (article.source, article.target) if p)
    try:
        if pairs.readable(article).target is None:
            return scan_file(article.source, opts, article.name)
        source, target = reader.read_document(article.source), reader.read_document(article.target)
        return scan_alignment(article.name, files, source, target, opts)
    except InputError as exc:
        return ArticleScan(article.name, files, None, message=str(exc), skipped=isinstance(exc, NotAnArticle))


def _load_shared() -> None:
    """The aligner's model and language profiles, loaded before the workers fork so they share them."""
    from transpair import pipeline

    pipeline.load_shared(pipeline.AlignOptions())


def scan(folder: str | Path, opts: ScanOptions = ScanOptions()) -> list[ArticleScan]:
    """Scan every article below a folder, or of two trees (or one file), on `opts.jobs` processes, in
    order, with the .transpair.toml and --markers patterns."""
    root = Path(folder)
    # validated here: a bad pattern stops the scan early
    opts = replace(opts, markers=tuple(user_markers(root, opts.markers_file)))
    if root.is_file():
        tagged = pairs.lang_tag(root, opts.langs)
        name = tagged[0] if tagged and tagged[1] in opts.langs else root.stem
        return [scan_article(pairs.Article(name, root), opts)]
    one = functools.partial(scan_article, opts=opts)
    articles = pairs.folder_articles(root, opts.target, opts.langs, opts.select)
    results = parallel.map_ordered(one, articles, opts.jobs, _load_shared)
    return list(tracked(results, f"scanning {root}", opts.quiet, total=len(articles)))


def to_json(scans: Sequence[ArticleScan]) -> str:
    """The scan as JSON: a list of articles with their sections."""
    return json.dumps({"articles": [asdict(s) for s in scans]}, ensure_ascii=False, indent=1) + "\n"


def history_line(origin: Origin) -> str:
    """What git history says about an article: `translated from 3f2a1c9 (2025-02-24, content), 2 commits
    since: 1 changed, 1 added, 1 removed`, and the changed paragraphs whose translation still holds or whose
    links changed; the method after the date says how the revision was found (named, metadata, content,
    last commit)."""
    commits = f"{origin.commits_since} commit{'s' * (origin.commits_since != 1)} since"
    drift = f"{origin.changed} changed, {origin.added} added, {origin.removed} removed"
    how = f", {origin.how}" if origin.how else ""
    kept = f", {origin.kept} kept (spacing, punctuation, ported links)" if origin.kept else ""
    markup = f", {origin.markup} with links or code changed" if origin.markup else ""
    return f"translated from {origin.short} ({origin.date}{how}), {commits}: {drift}{kept}{markup}"


def to_table(scans: Sequence[ArticleScan]) -> str:
    """The scan as a plain-text table, one line per section (or per article without sections)."""
    rows = [("article", "original", "file", "lines", "status", "reason")]
    for s in scans:
        if s.message:
            rows.append((s.name, s.original or "-", "", "", "error", s.message))
        elif s.origin:
            rows.append((s.name, s.original or "-", "", "", "history", history_line(s.origin)))
        elif not s.sections:
            rows.append((s.name, s.original or "-", "", "", "complete", ""))
        for sec in s.sections:
            lines = (
                f"{sec.first_line}-{sec.last_line}"
                if sec.last_line != sec.first_line
                else str(sec.first_line)
            )
            rows.append((s.name, s.original or "-", Path(sec.path).name, lines, sec.status, sec.reason))
    widths = [max(len(r[k]) for r in rows) for k in range(5)]
    return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[5] + "\n" for r in rows)


def run(folder: Path, opts: ScanOptions, fmt: str, verbose: bool = False) -> int:
    """Print the scan (table or json) and the unreadable articles on stderr; exit code 2 if there were any.
    In a folder, files with no prose are skipped: one line (-v: their names), no error."""
    found = scan(folder, opts)
    many = Path(folder).is_dir()
    scans = [s for s in found if not (many and s.skipped)]
    sys.stdout.write(to_json(scans) if fmt == "json" else to_table(scans))
    failed = [s.message for s in scans if s.message]
    for message in failed:
        print(error_line(message), file=sys.stderr)
    for line in pairs.skipped_lines([s.files[0] for s in found if many and s.skipped], verbose):
        print(line, file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK
