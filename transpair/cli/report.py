"""The `transpair report` job: collect the inputs, render, write, and decide the exit code."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rich.console import Console

from transpair.check.config import settings_for
from transpair.cli.options import REPORT_FORMATS, REPORT_MEASURES, REPORT_SORTS
from transpair.cli.outputs import output_format
from transpair.errors import EXIT_BELOW, EXIT_INPUT, EXIT_OK, error_line
from transpair.read.pairs import Selection
from transpair.report import formats
from transpair.report.badge import badge_svg
from transpair.report.coverage import Report, below, coverage, done
from transpair.report.html import to_html
from transpair.report.inputs import Reading, collect
from transpair.write import refuse_overwriting, write_text

FORMATS, SORTS, MEASURES = REPORT_FORMATS, REPORT_SORTS, REPORT_MEASURES
UNLIMITED = 100_000  # a table's width when written to a file or a pipe: as wide as its names need


@dataclass(frozen=True, kw_only=True)
class ReportOptions:
    """What to print and where, and the coverage gate."""

    format: str | None = "table"  # None: -o's extension says (else table)
    by: str = "words"  # words | strings
    sort: str = "coverage"  # coverage | name
    sections: bool = False  # table: one row per section under each article
    output: Path | None = None
    badge: Path | None = None
    fail_under: float | None = None
    quiet: bool = False
    langs: tuple[str, str] = ("en", "ko")  # source and target language of article pairs aligned on the fly
    jobs: int = 1  # article pairs aligned at once (processes)
    cache: bool = True  # reuse and fill the persistent cache of alignments (--no-cache: off)
    history: bool = True  # article pairs in git: align with the source as of the translation (--no-history)
    select: Selection = Selection()  # folders of article pairs: --include/--exclude
    width: int | None = None  # table: columns to fit; None: the terminal's, or whole names when redirected
    check: bool = True  # count each article's `transpair check` findings (--no-check: skip, for speed)


def rendered(report: Report, opts: ReportOptions) -> str:
    """The report as text in a non-terminal format (a table becomes plain text)."""
    if opts.format == "table":
        console = Console(file=io.StringIO(), width=opts.width or UNLIMITED, color_system=None)
        formats.print_table(report, opts.by, opts.sort, opts.sections, console)
        return console.file.getvalue()
    makers = {
        "json": formats.to_json,
        "csv": formats.to_csv,
        "markdown": formats.to_markdown,
        "html": to_html,
        "svg": lambda report, by, sort: badge_svg(coverage(report.total, by)) + "\n",
    }
    return makers[opts.format](report, opts.by, opts.sort)


def publish(report: Report, opts: ReportOptions) -> None:
    """Print the report, or write it to --output, and write the badge on request."""
    if opts.output is not None:
        write_text(opts.output, rendered(report, opts))
    elif opts.format == "table":
        console = Console(width=opts.width) if opts.width else Console()
        if not opts.width and not console.is_terminal:  # redirected: whole names, nothing cut
            console = Console(width=UNLIMITED)
        formats.print_table(report, opts.by, opts.sort, opts.sections, console)
    else:
        sys.stdout.write(rendered(report, opts))
    if opts.badge is not None:
        write_text(opts.badge, badge_svg(coverage(report.total, opts.by)) + "\n")


def exit_code(report: Report, opts: ReportOptions) -> int:
    """2 when an input could not be read, 1 when coverage is below --fail-under, else 0."""
    if report.errors:
        return EXIT_INPUT
    if opts.fail_under is not None and below(report.total, opts.fail_under, opts.by):
        return EXIT_BELOW
    return EXIT_OK


def run(paths: Sequence[Path], opts: ReportOptions) -> int:
    """Report every PATH, print the errors of the unusable ones on stderr, return the exit code."""
    refuse_overwriting([opts.output, opts.badge], paths)
    opts = replace(opts, format=output_format(opts.output, opts.format, FORMATS, "report"))
    checks = settings_for(paths) if opts.check else None
    report = collect(
        paths, Reading(opts.quiet, opts.langs, opts.jobs, opts.cache, opts.history, opts.select, checks)
    )
    if report.articles:
        publish(report, opts)
    for error in report.errors:
        print(error_line(error), file=sys.stderr)
    code = exit_code(report, opts)
    if code == EXIT_BELOW:
        part, whole = done(report.total, opts.by)
        print(
            f"transpair: {part} of {whole} {opts.by} translated ({coverage(report.total, opts.by):.1f}%), "
            f"below --fail-under {opts.fail_under:g}",
            file=sys.stderr,
        )
    return code
