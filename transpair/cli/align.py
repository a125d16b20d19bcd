"""Run `transpair align` on a pair, a lone file or a folder: write the outputs, tell the user, pick the exit
code."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

from transpair import pipeline, write
from transpair.errors import EXIT_INPUT, EXIT_OK, InputError, error_line
from transpair.history import revisions
from transpair.model import Alignment
from transpair.progress import bar
from transpair.read.pairs import find_articles, pair_trees
from transpair.write import is_stdout


def run_pair(
    source: Path,
    target: Path | None,
    output: Path,
    beads: Path | None,
    opts: pipeline.AlignOptions,
    wopts: pipeline.WriteOptions,
    quiet: bool,
) -> int:
    """Align one pair (or one lone file), write it, print what was found and any doubt about the pair."""
    write.refuse_overwriting([output, beads], [p for p in (source, target) if p is not None])  # before work
    alignment = pipeline.align_files(source, target, opts)
    tell(alignment, pipeline.write_outputs(alignment, output, wopts, beads), quiet)
    return EXIT_OK


def tell(alignment: Alignment, written: Path, quiet: bool) -> None:
    """Print what was found and any warning about the pair (wrong file?) or its corrections (stale?)."""
    if not quiet:
        print(f"{written}: {pipeline.summary(alignment)}", file=sys.stderr)
    for warning in (*alignment.warnings, pipeline.doubt(alignment)):
        if warning:
            print(f"transpair: warning: {warning}", file=sys.stderr)


def run_folder(
    folder: Path,
    out_dir: Path,
    beads_dir: Path | None,
    opts: pipeline.AlignOptions,
    wopts: pipeline.WriteOptions,
    quiet: bool,
    jobs: int = 1,
    target_folder: Path | None = None,
) -> int:
    """Align every article of a folder, or of two trees (on `jobs` processes), with one progress bar; an
    article that fails is reported and the rest go on."""
    pipeline.check_corrections_folder(opts)
    if target_folder is None:
        articles = find_articles(folder, opts.source_lang, opts.target_lang)
    else:
        articles = pair_trees(folder, target_folder)
    failed, pairs, origins = 0, 0, []
    results = pipeline.align_folder(articles, out_dir, opts, wopts, beads_dir, jobs)  # workers start here
    with bar(quiet) as progress:
        for article, result, news in progress.track(results, total=len(articles), description="aligning"):
            error = result if isinstance(result, InputError) else None
            failed += error is not None
            pairs += error is None and article.target is not None
            problems(progress.console, error, news.warnings)
            origins += [news.origin] if news.origin else []
    if not quiet:
        print(f"{len(articles) - failed} of {len(articles)} articles aligned into {out_dir}", file=sys.stderr)
        if origins:
            print(revisions.folder_line(origins, pairs), file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK


def problems(console: Console, error: object | None, warnings: tuple[str, ...]) -> None:
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
) -> int:
    """A folder, two trees, or a pair, as SOURCE and TARGET say; the exit code."""
    if not source.is_dir():
        return run_pair(source, target, output, beads, opts, wopts, quiet)
    if target is not None and not target.is_dir():
        raise InputError(
            f"{source}: is a folder; give a folder alone, two folders, or SOURCE and TARGET files"
        )
    if is_stdout(output):
        raise InputError(f"{source}: a folder gives one PO per article; -o - (standard output) is for one")
    return run_folder(source, output, beads, opts, wopts, quiet, jobs, target)
