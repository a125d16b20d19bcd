"""Run `transpair align` on a pair, a lone file or a folder: write the outputs, tell the user, pick the exit
code."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from . import pipeline
from .errors import EXIT_INPUT, EXIT_OK, InputError, error_line
from .pairs import find_articles, pair_trees


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
    alignment = pipeline.align_files(source, target, opts)
    written = pipeline.write_outputs(alignment, output, wopts, beads)
    if not quiet:
        print(f"{written}: {pipeline.summary(alignment)}", file=sys.stderr)
    for warning in alignment.warnings:
        print(f"transpair: warning: {warning}", file=sys.stderr)
    if warning := pipeline.doubt(alignment):
        print(f"transpair: warning: {warning}", file=sys.stderr)
    return EXIT_OK


def run_folder(
    folder: Path,
    out_dir: Path,
    beads_dir: Path | None,
    opts: pipeline.AlignOptions,
    wopts: pipeline.WriteOptions,
    quiet: bool,
    target_folder: Path | None = None,
) -> int:
    """Align every article of a folder (or of two trees) with a progress bar; an article that fails is
    reported and the rest go on."""
    if target_folder is None:
        articles = find_articles(folder, opts.source_lang, opts.target_lang)
    else:
        articles = pair_trees(folder, target_folder)
    failed = 0
    with Progress(transient=True, disable=quiet, console=Console(stderr=True)) as progress:
        results = pipeline.align_folder(articles, out_dir, opts, wopts, beads_dir)
        for _, result in progress.track(results, total=len(articles), description="aligning"):
            if isinstance(result, InputError):
                failed += 1
                progress.console.print(error_line(result), markup=False, highlight=False, soft_wrap=True)
    if not quiet:
        print(f"{len(articles) - failed} of {len(articles)} articles aligned into {out_dir}", file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK


def run(
    source: Path,
    target: Path | None,
    output: Path,
    beads: Path | None,
    opts: pipeline.AlignOptions,
    wopts: pipeline.WriteOptions,
    quiet: bool = False,
) -> int:
    """A folder, two trees, or a pair, as SOURCE and TARGET say; the exit code."""
    if not source.is_dir():
        return run_pair(source, target, output, beads, opts, wopts, quiet)
    if target is not None and not target.is_dir():
        raise InputError(
            f"{source}: is a folder; give a folder alone, two folders, or SOURCE and TARGET files"
        )
    return run_folder(source, output, beads, opts, wopts, quiet, target)
