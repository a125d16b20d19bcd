"""Run `transpair align` on a pair, a lone file or a folder: write the outputs, tell the user what the
written files hold (after the merge), pick the exit code."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from transpair import folders, pipeline, write
from transpair.errors import EXIT_INPUT, EXIT_OK, InputError, NotAnArticle, error_line
from transpair.history import revisions
from transpair.model import STATUSES, Alignment, Cause
from transpair.po.state import FUZZY, TRANSLATED, UNTRANSLATED
from transpair.progress import bar
from transpair.read.pairs import Selection, folder_articles, skipped_lines, unread
from transpair.write import is_stdout

MSGFMT_WORDS = {  # msgfmt --statistics' own words for each count
    TRANSLATED: ("translated message", "translated messages"),
    FUZZY: ("fuzzy translation", "fuzzy translations"),
    UNTRANSLATED: ("untranslated message", "untranslated messages"),
}


def counts_text(counts: Counter[str]) -> str:
    """`40 translated messages, 3 fuzzy translations, 8 untranslated messages`, as msgfmt says it."""
    shown = [s for s in MSGFMT_WORDS if counts[s]] or [TRANSLATED]
    return ", ".join(f"{counts[s]} {MSGFMT_WORDS[s][counts[s] != 1]}" for s in shown)


def written_counts(written: pipeline.Written) -> Counter[str]:
    """What the written PO holds (after any merge); for a TMX, its translation units as translated
    messages."""
    counts = written.counts
    return Counter({TRANSLATED: counts[TRANSLATED]}) if written.path.suffix.lower() == ".tmx" else counts


def run_pair(
    source: Path,
    target: Path | None,
    output: Path,
    beads: Path | None,
    opts: pipeline.AlignOptions,
    wopts: pipeline.WriteOptions,
    quiet: bool,
    verbose: bool = False,
) -> int:
    """Align one pair (or one lone file), write it, print what the written file holds and any doubt."""
    write.refuse_overwriting([output, beads], [source, target, opts.markers_file, opts.corrections])
    alignment = pipeline.align_files(source, target, opts)
    written = pipeline.write_outputs(alignment, output, wopts, beads)
    tell(alignment, written.path, quiet, written_counts(written), verbose)
    return EXIT_OK


def tell(
    alignment: Alignment,
    written: Path,
    quiet: bool,
    counts: Counter[str] | None = None,
    verbose: bool = False,
) -> None:
    """Print what the written file holds (or, for a page, what was aligned) and any warning about the pair
    (wrong file?) or its corrections (stale?)."""
    if not quiet:
        langs = f"{alignment.source_lang} -> {alignment.target_lang}"
        found = counts_text(counts) if counts is not None else summary(alignment).partition(", ")[2]
        origin = f"; {revisions.origin_line(alignment.origin)}" if alignment.origin and counts else ""
        print(f"{written}: {langs}, {found}{origin}", file=sys.stderr)
        if verbose and counts is not None:
            print(f"  aligned: {summary(alignment)}", file=sys.stderr)
    for warning in (*alignment.warnings, doubt(alignment)):
        if warning:
            print(f"transpair: warning: {warning}", file=sys.stderr)


@dataclass
class FolderTally:
    """What a folder run found, for its closing lines."""

    articles: int = 0
    failed: int = 0
    pairs: int = 0
    skipped: list[str] = field(default_factory=list)  # not articles: no prose to align
    unread: list[str] = field(default_factory=list)  # selected files of formats transpair does not read
    still: list[str] = field(default_factory=list)  # targets still in the source language
    counts: Counter[str] = field(default_factory=Counter)
    origins: list = field(default_factory=list)

    def lines(self, out_dir: Path, verbose: bool) -> list[str]:
        """The summary: articles written, what the written POs hold, what was skipped and why."""
        done = self.articles - self.failed - len(self.skipped)
        lines = [f"{done} of {self.articles - len(self.skipped)} articles aligned into {out_dir}"]
        if done:
            lines.append(f"the written files hold {counts_text(self.counts)}")
        lines += skipped_lines(self.skipped, verbose)
        lines += skipped_lines(self.unread, verbose, "selected, but of a format transpair does not read")
        if self.still:
            many = len(self.still) != 1
            head = f"{len(self.still)} translation{'s' * many} still in the source language (every entry "
            lines.append(head + "left untranslated)" + ("" if verbose else "; -v lists them"))
            lines += [f"  {name}" for name in self.still] if verbose else []
        return lines


def run_folder(
    folder: Path,
    out_dir: Path,
    beads_dir: Path | None,
    opts: pipeline.AlignOptions,
    wopts: pipeline.WriteOptions,
    quiet: bool,
    jobs: int = 1,
    target_folder: Path | None = None,
    select: Selection = Selection(),
    verbose: bool = False,
) -> int:
    """Align every article of a folder, or of two trees (on `jobs` processes), with one progress bar; an
    article that fails is reported and the rest go on; files with no prose are skipped, not errors."""
    pipeline.check_corrections_folder(opts)
    articles = folder_articles(folder, target_folder, (opts.source_lang, opts.target_lang), select)
    tally = FolderTally(articles=len(articles), unread=[str(p) for p in unread(folder, select)])
    results = folders.align_folder(articles, out_dir, opts, wopts, beads_dir, jobs)  # workers start here
    with bar(quiet) as progress:
        for article, result, news in progress.track(results, total=len(articles), description="aligning"):
            if isinstance(result, NotAnArticle):
                tally.skipped.append(str(article.source))
                continue
            error = result if isinstance(result, InputError) else None
            tally.failed += error is not None
            tally.pairs += error is None and article.target is not None
            tally.still += [str(article.target)] if news.still_in_source else []
            tally.counts += written_counts(result) if error is None else Counter()
            problems(progress.console, error, news.warnings)
            tally.origins += [news.origin] if news.origin else []
    if not quiet:
        lines = tally.lines(out_dir, verbose)
        lines += [revisions.folder_line(tally.origins, tally.pairs)] if tally.origins else []
        print("\n".join(lines), file=sys.stderr)
    return EXIT_INPUT if tally.failed else EXIT_OK


def problems(console: Console, error: object | None, warnings: Iterable[str]) -> None:
    """Print an article's error line and its warnings under a folder's progress bar."""
    lines = [error_line(error)] if error else []
    for line in lines + [f"transpair: warning: {w}" for w in warnings]:
        console.print(line, markup=False, highlight=False, soft_wrap=True)


def run(
    source: Path,
    target: Path | None,
    output: Path,
    beads: Path | None,
    opts: pipeline.AlignOptions,
    wopts: pipeline.WriteOptions,
    quiet: bool = False,
    jobs: int = 1,
    select: Selection = Selection(),
    verbose: bool = False,
) -> int:
    """A folder, two trees, or a pair, as SOURCE and TARGET say; the exit code."""
    if not source.is_dir():
        return run_pair(source, target, output, beads, opts, wopts, quiet, verbose)
    if is_stdout(output):
        raise InputError(f"{source}: a folder gives one PO per article; -o - (standard output) is for one")
    return run_folder(source, output, beads, opts, wopts, quiet, jobs, target, select, verbose)


def summary(alignment: Alignment) -> str:
    """One line on what the alignment found: beads per status, in the order of STATUSES, and the source
    revision when git history was used."""
    counts = Counter(b.status for b in alignment.beads)
    found = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
    origin = f"; {revisions.origin_line(alignment.origin)}" if alignment.origin else ""
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
        if b.target
        and (b.status in ("translated", "untranslated", "outdated") or b.cause == Cause.MARKUP_CHANGED)
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
