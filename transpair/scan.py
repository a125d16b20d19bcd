"""List, per article of a folder, which version is the original and which sections are untranslated.

Articles are found with the folder pairing conventions of `transpair.pairs`. A pair is aligned
(`pipeline.align_documents` with the original decided from the texts) and its untranslated, fuzzy
and missing beads become sections; a lone file is checked on its own: marker sections and text in
the other language are its untranslated sections, and when it has any, the other language is the
original (the text left untranslated shows what it was translated from).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from . import langid, pairs, read, untranslated
from .errors import InputError
from .model import Alignment, Block, Document


@dataclass(frozen=True)
class Section:
    """A run of neighbouring blocks of one file that share a status and reason."""

    path: str
    first_line: int
    last_line: int
    status: str  # untranslated | fuzzy | source-only
    reason: str
    blocks: int = 1


@dataclass(frozen=True)
class ArticleScan:
    """What scan found for one article: its files, its original language, its untranslated sections."""

    name: str
    files: tuple[str, ...]
    original: str | None
    sections: tuple[Section, ...] = ()
    message: str = ""  # why the article could not be scanned (bad input), empty when it was


def last_line(block: Block) -> int:
    """The 1-based line of a block's last character."""
    return block.line + block.text.rstrip().count("\n")


def sections_of(path: str, found: Sequence[tuple[int, Block, str, str]]) -> tuple[Section, ...]:
    """(block index, block, status, reason) in document order, neighbours with the same status and
    reason merged into the sections of one file."""
    runs: list[Section] = []
    last_index = None
    for index, block, status, reason in found:
        prev = runs[-1] if runs else None
        if prev and index == last_index + 1 and (prev.status, prev.reason) == (status, reason):
            runs[-1] = Section(path, prev.first_line, last_line(block), status, reason, prev.blocks + 1)
        else:
            runs.append(Section(path, block.line, last_line(block), status, reason))
        last_index = index
    return tuple(runs)


def file_language(path: Path, doc: Document, langs: Sequence[str], patterns) -> str | None:
    """The language a lone file is meant to be in: its name's tag (post.en.md, en/post.md), else the
    language of most of its text outside marker sections."""
    for tag in (path.stem.rpartition(".")[2], *path.parent.parts[::-1]):
        if tag in langs:
            return tag
    marks = untranslated.governed(doc.blocks, patterns)
    weights = Counter()
    for i, block in enumerate(doc.blocks):
        if i not in marks:
            weights[langid.detect(block.norm)] += len(block.norm)
    weights.pop(None, None)
    return weights.most_common(1)[0][0] if weights else None


def scan_file(path: Path, langs: tuple[str, str], markers: Iterable[str] = (), name: str = "") -> ArticleScan:
    """Scan a lone article file: its marker sections and the text left in the other language."""
    name = name or path.stem
    patterns = untranslated.compile_markers(markers)
    doc = read.read_document(path)
    if not doc.blocks:
        return ArticleScan(name, (str(path),), None, message=f"{path}: no text to scan")
    lang = file_language(path, doc, langs, patterns)
    if lang is None:
        return ArticleScan(name, (str(path),), None, message=f"{path}: no language could be detected")
    if lang not in langs:
        return ArticleScan(name, (str(path),), lang, message=f"{path}: written in {untranslated.language_name(lang)}, "
                           f"not {' or '.join(untranslated.language_name(x) for x in langs)}")
    other = langs[1] if lang == langs[0] else langs[0]
    found = untranslated.leftovers(doc, lang, other, patterns)
    sections = sections_of(str(path), [(i, doc.blocks[i], *found[i]) for i in sorted(found)])
    left_in_other = any(untranslated.in_language(doc.blocks[i].norm, other) for i in found)
    return ArticleScan(name, (str(path),), other if left_in_other else lang, sections)


def alignment_sections(alignment: Alignment) -> tuple[Section, ...]:
    """Sections of an aligned pair: untranslated and partly translated beads in the target, missing
    ones in the source (beads the aligner found fuzzy for their low confidence are not listed)."""
    found = {alignment.source.path: [], alignment.target.path: []}
    for bead in alignment.beads:
        if (bead.status == "untranslated" or untranslated.partly_translated(bead)) and bead.target:
            found[alignment.target.path] += [(j, alignment.target.blocks[j], bead.status, bead.reason) for j in bead.target]
        elif bead.status == "source-only":
            found[alignment.source.path] += [(i, alignment.source.blocks[i], bead.status, bead.reason) for i in bead.source]
    return tuple(s for path, runs in found.items() for s in sections_of(path, runs))


def scan_pair(article: pairs.Article, langs: tuple[str, str], markers: Iterable[str] = ()) -> ArticleScan:
    """Scan an article and its translation: align them, original decided from the texts."""
    from . import pipeline  # the aligner loads its model only when a pair is scanned

    opts = pipeline.AlignOptions(source_lang=langs[0], target_lang=langs[1], source="auto")
    source, target = read.read_document(article.source), read.read_document(article.target)
    alignment = untranslated.classify(pipeline.align_documents(source, target, opts), markers)
    files = (str(article.source), str(article.target))
    return ArticleScan(article.name, files, alignment.source_lang, alignment_sections(alignment))


def scan_article(article: pairs.Article, langs: tuple[str, str], markers: Iterable[str] = ()) -> ArticleScan:
    """Scan one article; bad input becomes the article's message instead of stopping the scan."""
    try:
        if article.target is None:
            return scan_file(article.source, langs, markers, article.name)
        return scan_pair(article, langs, markers)
    except InputError as exc:
        files = tuple(str(p) for p in (article.source, article.target) if p)
        return ArticleScan(article.name, files, None, message=str(exc))


def scan(folder: str | Path, langs: tuple[str, str] = ("en", "ko"), markers: Iterable[str] = ()) -> list[ArticleScan]:
    """Scan every article below a folder (or one file), with the folder's .transpair.toml markers."""
    root = Path(folder)
    config = untranslated.find_config(root if root.is_dir() else root.parent)
    patterns = (*(untranslated.load_markers(config) if config else ()), *markers)
    untranslated.compile_markers(patterns)  # a bad pattern stops the scan before any work
    if root.is_file():
        return [scan_article(pairs.Article(root.stem, root), langs, patterns)]
    return [scan_article(a, langs, patterns) for a in pairs.find_articles(root, *langs)]


def to_json(scans: Sequence[ArticleScan]) -> str:
    """The scan as JSON: a list of articles with their sections."""
    return json.dumps({"articles": [asdict(s) for s in scans]}, ensure_ascii=False, indent=1) + "\n"


def to_table(scans: Sequence[ArticleScan]) -> str:
    """The scan as a plain-text table, one line per section (or per article without sections)."""
    rows = [("article", "original", "file", "lines", "status", "reason")]
    for s in scans:
        if s.message:
            rows.append((s.name, s.original or "-", "", "", "error", s.message))
        elif not s.sections:
            rows.append((s.name, s.original or "-", "", "", "complete", ""))
        for sec in s.sections:
            lines = f"{sec.first_line}-{sec.last_line}" if sec.last_line != sec.first_line else str(sec.first_line)
            rows.append((s.name, s.original or "-", Path(sec.path).name, lines, sec.status, sec.reason))
    widths = [max(len(r[k]) for r in rows) for k in range(5)]
    return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[5] + "\n" for r in rows)
