"""The inputs of `transpair report`: PO files, folders of PO files, folders of article pairs.

Every input that cannot be used becomes one error line; the others are still reported.
"""

from __future__ import annotations

import functools
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import polib

from transpair import codec
from transpair.cache import Store, code_version, digest, open_store, remember, remember_many
from transpair.check.config import CheckSettings
from transpair.check.findings import Entry
from transpair.check.run import page_entries, site_findings
from transpair.errors import InputError, NotAnArticle, read_input, status
from transpair.po.file import read_po_data
from transpair.progress import tracked
from transpair.read.pairs import Selection, text_files, walk
from transpair.report.coverage import ArticleReport, Report, article_report

CATALOG_SUFFIXES = (".po", ".pot")
STDIN = "-"  # as a PATH: a PO read from standard input


def po_files(folder: Path, unlisted: list[tuple[Path, str]] | None = None) -> list[Path]:
    """The PO files below a folder, sorted; its POT templates when it holds no PO file; the folders that
    cannot be listed added to `unlisted`."""
    found = walk(folder, True, unlisted)  # symlinked folders followed; a broken link is reported
    for suffix in (".po", ".pot"):
        files = [p for p in found if p.suffix == suffix]
        if files:
            return files
    return []


@dataclass(frozen=True)
class Page:
    """One article read: its figures, and its translated entries as `transpair check` sees them (findings
    are counted once every page is read: `consistency` compares the pages)."""

    report: ArticleReport
    entries: Callable[[], tuple[Entry, ...]]  # read when the findings are not in the cache
    path: str  # the PO file (or the article) its findings name
    source: str  # a digest of what the page was read from: its findings are cached under it


def read_page(name: str, po: polib.POFile, path: str, source: str | None = None) -> Page:
    """The figures and the entries to check of one catalog (read from `source`, else from its entries)."""
    entries = tuple(page_entries(po, path))
    return Page(article_report(name, po), lambda: entries, path, source or digest(codec.dumps(entries)))


def with_findings(
    pages: Sequence[Page], settings: CheckSettings, store: Store | None = None
) -> list[ArticleReport]:
    """Each page's report with the number of findings `transpair check` makes on these pages; from the
    cache when the same code checked the same pages, read from the same sources, with the same settings."""

    def count() -> tuple[int, ...]:
        counts = Counter(f.path for f in site_findings([p.entries() for p in pages], settings))
        return tuple(counts[p.path] for p in pages)

    sources = (part for p in pages for part in (p.path, p.source))
    key = digest("report-findings", code_version(), codec.dumps(settings), *sources)
    found = remember(store, key, tuple[int, ...], count, lambda found: len(found) == len(pages))
    return [replace(p.report, findings=n) for p, n in zip(pages, found)]


@dataclass(frozen=True)
class Source:
    """A PO file's bytes as read, the name it is reported under, and the digest its figures are cached by
    (transpair's code, the name, the path and the bytes)."""

    path: Path
    name: str
    data: bytes
    key: str

    def read(self) -> Page:
        """Parse it: its figures and the entries to check."""
        return read_page(self.name, read_po_data(self.data, self.path, strict=True), str(self.path), self.key)

    def entries(self) -> tuple[Entry, ...]:
        """Its entries to check, parsed again (its figures came from the cache)."""
        return self.read().entries()


def read_source(path: Path, name: str) -> Source | InputError:
    """A PO file's bytes, or the error that makes it unusable."""
    try:
        data = read_input(path, "PO file")
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError(f"{path}: cannot read ({exc.strerror or exc})")
    return Source(path, name, data, digest("report-page", code_version(), name, str(path), data))


def report_pos(sources: Sequence[Source | InputError], store: Store | None) -> list[Page | InputError]:
    """The pages of PO files (or the error that makes each unusable); the figures of a file whose bytes
    the same code read under the same name before come from the cache, all in one look-up and one write,
    and its entries are parsed only if its findings are needed and not cached."""
    read: dict[str, Page] = {}
    files = {s.key: s for s in sources if isinstance(s, Source)}

    def parse(key: str) -> ArticleReport | InputError:
        try:
            read[key] = files[key].read()
        except InputError as exc:
            return exc
        return read[key].report

    reports = dict(zip(files, remember_many(store, list(files), ArticleReport, parse)))
    pages: list[Page | InputError] = []
    for s in sources:
        found = reports[s.key] if isinstance(s, Source) else s
        if isinstance(found, InputError) or s.key in read:
            pages.append(found if isinstance(found, InputError) else read[s.key])
        else:
            pages.append(Page(found, s.entries, str(s.path), s.key))
    return pages


@dataclass(frozen=True)
class Reading:
    """How report reads its PATHs: progress shown or not; for article pairs aligned on the fly their
    languages, worker processes, the alignment cache, git history and the files chosen; with `checks`
    (the site's settings) each article counts its findings."""

    quiet: bool = False
    langs: tuple[str, str] = ("en", "ko")
    jobs: int = 1
    use_cache: bool = True
    history: bool = True
    select: Selection = Selection()
    checks: CheckSettings | None = None


def report_pairs(folder: Path, reading: Reading, target: Path | None = None) -> Iterator[Page | InputError]:
    """Align the article pairs of a folder, or of two trees, in memory (no PO written; on `jobs` processes,
    an alignment in the cache reused; with git history unless `history` is off) and report each, in order;
    files with no prose to align are left out."""
    # The aligner is imported here, not at the top: reporting PO files must not need it.
    from transpair import parallel, pipeline
    from transpair.po import catalog
    from transpair.read import pairs

    langs = reading.langs
    try:
        articles = pairs.folder_articles(folder, target, langs, reading.select)
    except InputError as exc:
        yield exc
        return
    opts = pipeline.AlignOptions(
        source_lang=langs[0], target_lang=langs[1], cache=reading.use_cache, history=reading.history
    )
    align = functools.partial(pipeline.align_article, opts=opts)
    alignments = parallel.map_ordered(
        align, articles, reading.jobs, functools.partial(pipeline.load_shared, opts)
    )
    translations = 0  # lone files in the target language: a translation with no original beside it
    for article, alignment in tracked(
        zip(articles, alignments), f"aligning {folder}", reading.quiet, total=len(articles)
    ):
        if isinstance(alignment, NotAnArticle):
            continue
        if isinstance(alignment, InputError):
            yield alignment
        else:
            translations += alignment.source_lang == langs[1] and not alignment.target.blocks
            yield read_page(article.name, catalog.build_catalog(alignment), article.name)
    if translations:
        print(f"transpair: warning: {lone_warning(folder, translations, langs)}", file=sys.stderr)


def lone_warning(folder: Path, count: int, langs: tuple[str, str]) -> str:
    """Why a folder of translations reports 0 %: no original beside them."""
    from transpair import languages

    source, target = (languages.name(lang) for lang in langs)
    return (
        f"{folder}: {count} article(s) written in {target} with no {source} original beside them count as "
        f"0 %; give the {source} folder and this one (SOURCE_DIR TARGET_DIR), or see --source-lang"
    )


def report_stdin() -> Page | InputError:
    """The report of a PO read from standard input (PATH `-`), named `-`."""
    try:
        return read_page(STDIN, read_po_data(sys.stdin.buffer.read(), STDIN, strict=True), STDIN)
    except InputError as exc:
        return exc


def report_path(path: Path, reading: Reading) -> Iterable[Page | InputError]:
    """Reports (or errors) for one command-line PATH: a PO file, a folder, or `-` (standard input)."""
    if str(path) == STDIN:
        return [report_stdin()]
    store = open_store(reading.use_cache)
    try:
        found = status(path)
    except InputError as exc:  # a name the system refuses: an error row, the other paths go on
        return [exc]
    if found is None:
        return [InputError(f"{path}: no such file or folder")]
    if stat.S_ISDIR(found.st_mode):
        unlisted: list[tuple[Path, str]] = []
        try:
            files = po_files(path, unlisted)
        except InputError as exc:  # a loop of links: an error row, the other paths go on
            return [exc]
        if files:
            sources = [
                read_source(p, p.relative_to(path).with_suffix("").as_posix())
                for p in tracked(files, f"reading {path}", reading.quiet)
            ]
            return report_pos(sources, store) + [InputError(error) for _, error in unlisted]
        if not any(path.iterdir()):
            return [InputError(f"{path}: empty folder")]
        return report_pairs(path, reading)
    if path.suffix.lower() not in CATALOG_SUFFIXES:
        return [InputError(f"{path}: not a PO file (give a .po or .pot file or a folder)")]
    return report_pos([read_source(path, str(path))], store)


def two_trees(paths: list[Path]) -> bool:
    """Whether the paths are SOURCE_DIR TARGET_DIR: two folders of articles (no PO files in either) with
    files at the same relative paths (else they are two folders of article pairs)."""
    try:
        if len(paths) != 2 or not all(p.is_dir() and not po_files(p) for p in paths):
            return False
        return any((paths[1] / f.relative_to(paths[0])).is_file() for f in text_files(paths[0]))
    except InputError:  # a loop of links: each path is reported on its own
        return False


def collect(paths: Iterable[Path], reading: Reading = Reading()) -> Report:
    """Report every PATH; unusable inputs become error lines and the rest is still reported."""
    pages, errors = [], []
    paths = [Path(p) for p in paths]
    if two_trees(paths):
        found: Iterable = report_pairs(paths[0], reading, paths[1])
    else:
        found = (item for path in paths for item in report_path(path, reading))
    for item in found:
        (errors if isinstance(item, InputError) else pages).append(item)
    checks = reading.checks
    store = open_store(reading.use_cache)
    articles = with_findings(pages, checks, store) if checks is not None else [page.report for page in pages]
    return Report(tuple(articles), tuple(str(e) for e in errors))
