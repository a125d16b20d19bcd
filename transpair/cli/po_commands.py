"""The commands that read PO files: report, eval, apply, check, terms and tmx (their options)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from transpair.check.terms import MIN_COUNT
from transpair.cli import languages
from transpair.cli.console import user_errors
from transpair.cli.options import (
    CHECK_FAIL_ON,
    CHECK_FORMATS,
    EXCLUDE,
    HISTORY,
    INCLUDE,
    JOBS,
    NO_CACHE,
    QUIET,
    REPORT_FORMATS,
    REPORT_MEASURES,
    REPORT_SORTS,
    SIMILARITY,
    Fuzzy,
)
from transpair.cli.outputs import output_format
from transpair.errors import EXIT_BELOW, InputError
from transpair.parallel import default_jobs
from transpair.read.pairs import Selection

ReportFormat = Enum("ReportFormat", [(f, f) for f in REPORT_FORMATS], type=str)


ReportSort = Enum("ReportSort", [(s, s) for s in REPORT_SORTS], type=str)


ReportBy = Enum("ReportBy", [(b, b) for b in REPORT_MEASURES], type=str)


def report_cmd(
    paths: list[Path] = typer.Argument(
        ..., help="PO or POT files, folders of PO files, folders of article pairs, or - (a PO on stdin)."
    ),
    fmt: ReportFormat | None = typer.Option(
        None, "--format", "-f", help="Output format (default: -o's extension, else table)."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write the report to this file (- for standard output)."
    ),
    badge: Path | None = typer.Option(None, "--badge", help="Also write a progress badge SVG here."),
    sort: ReportSort = typer.Option(
        ReportSort("coverage"), "--sort", help="coverage: least translated first."
    ),
    by: ReportBy = typer.Option(
        ReportBy("words"), "--by", help="Count coverage by source words or by strings."
    ),
    fail_under: float | None = typer.Option(
        None,
        "--fail-under",
        metavar="PCT",
        min=0,
        max=100,
        help="Exit 1 when total coverage (--by) is below PCT percent.",
    ),
    sections: bool = typer.Option(False, "--sections", help="Table: a row per section under each article."),
    source_lang: str = languages.source_lang(),
    target_lang: str = languages.target_lang(),
    history: bool = HISTORY,
    quiet: bool = QUIET,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    width: int | None = typer.Option(
        None,
        "--width",
        min=40,
        help="Table: columns to fit (default: the terminal's; whole names when redirected).",
    ),
    include: list[str] = INCLUDE,
    exclude: list[str] = EXCLUDE,
    check: bool = typer.Option(
        True, "--check/--no-check", help="Count each article's `transpair check` findings (off: faster)."
    ),
) -> None:
    """Report translation coverage: strings and source words translated, fuzzy, untranslated, per article.

    Coverage = translated / total (one decimal); fuzzy entries count as NOT done. Placeholders (TBD) and
    text left in the source language are counted as untranslated and also shown on their own. Words:
    English words, Korean eojeol, one per CJK character. Exit 2 on unreadable input (other inputs are
    still reported), 1 when below --fail-under.
    """
    from transpair.cli import report  # the command's code only when it runs

    opts = report.ReportOptions(
        format=fmt.value if fmt else None,
        by=by.value,
        sort=sort.value,
        sections=sections,
        output=output,
        badge=badge,
        fail_under=fail_under,
        quiet=quiet,
        langs=(source_lang, target_lang),
        jobs=jobs or default_jobs(),
        cache=not no_cache,
        history=history,
        width=width,
        select=Selection(tuple(include), tuple(exclude)),
        check=check,
    )
    with user_errors():
        code = report.run(paths, opts)
    raise typer.Exit(code)


def eval_cmd(
    gold_dir: Path = typer.Argument(
        ..., help="Folder of NAME.en.txt, NAME.<lang>.txt (ko, ja, zh_CN…) and NAME.gold.json files."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    quiet: bool = QUIET,
    similarity: str | None = SIMILARITY,
    target_lang: str | None = languages.gold_lang(),
) -> None:
    """Align every gold pair and print strict and lax bead precision, recall and F1 ('align' and 'po'
    views)."""
    from transpair.align import embed, evaluate

    with user_errors():
        figures = evaluate.evaluate(gold_dir, embed.load_similarity(similarity), quiet, target_lang)
    typer.echo(evaluate.report_json(figures) if as_json else evaluate.format_report(figures))


def apply_cmd(
    po: Path = typer.Argument(
        ..., help="The translated PO file (from align or pot, filled by a translator)."
    ),
    source: Path = typer.Argument(..., help="The original article the PO was made from."),
    output: Path = typer.Option(
        ...,
        "-o",
        "--output",
        help="The translated article to write (SOURCE's format; - for standard output).",
    ),
    mark_untranslated: bool = typer.Option(
        False,
        "--mark-untranslated",
        help="Put \\[untranslated] before paragraphs left in the source language.",
    ),
    threshold: float = typer.Option(
        0.0,
        "--threshold",
        metavar="PCT",
        min=0,
        max=100,
        help="Refuse (exit 1, nothing written) when under PCT percent of the paragraphs are translated.",
    ),
    fuzzy: Fuzzy = typer.Option(
        Fuzzy.msgstr,
        "--fuzzy",
        help="What a fuzzy entry gives the page: msgstr (default: the translation it holds) or source "
        "(the source text, as po4a does).",
    ),
) -> None:
    """Rebuild the translated article: each entry's msgstr replaces its paragraph or code block.

    Translated and fuzzy entries give their msgstr (--fuzzy source: fuzzy ones the source text), untranslated
    ones the source text, obsolete ones nothing; text kept only in the translation goes back in its place.
    Markup, front matter and identical code stay byte for byte. A msgstr the page's structure cannot hold
    is escaped, with a warning naming its PO line. Exit 2 for a PO from another article or an OUTPUT that
    is SOURCE or PO; 1 under --threshold.
    """
    from transpair.apply import rebuild

    with user_errors():
        if source.suffix.lower() in (".po", ".pot") and po.suffix.lower() not in (".po", ".pot"):
            raise InputError(
                f"{po}: is the article and {source} the PO? give the PO first: apply PO SOURCE -o OUT"
            )
        try:
            result = rebuild.apply_file(po, source, output, mark_untranslated, threshold, fuzzy.value)
        except rebuild.CoverageError as exc:
            typer.echo(f"transpair: {exc}", err=True)
            raise typer.Exit(EXIT_BELOW) from None
    for line, warning in result.warnings:
        typer.echo(f"transpair: warning: {po}:{line}: {warning}", err=True)
    typer.echo(f"{output}: {rebuild.summary(result)}", err=True)


CheckFormat = Enum("CheckFormat", [(f, f) for f in CHECK_FORMATS], type=str)


FailOn = Enum("FailOn", [(f, f) for f in CHECK_FAIL_ON], type=str)


def check_cmd(
    paths: list[Path] = typer.Argument(..., help="PO files or folders of PO files."),
    glossary: Path | None = typer.Option(
        None, "--glossary", "-g", help="CSV (source,target[,forbidden;...][,note]) or TBX glossary."
    ),
    fmt: CheckFormat = typer.Option(CheckFormat("text"), "--format", "-f", help="Output format."),
    fail_on: FailOn = typer.Option(
        FailOn("error"), "--fail-on", help="Exit 1 when a finding is at this level or above."
    ),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the findings to this file."),
    fuzzy: bool = typer.Option(False, "--fuzzy", help="Check fuzzy entries too."),
    quiet: bool = QUIET,
) -> None:
    """Check translated entries: glossary, consistency, code, link, number, tag, anchor, placeholder,
    english-left, cjk-stray, particle-form, spacing, speech-level.

    Levels and `off` per check, the expected speech level and reviewed findings go in .transpair.toml
    [check]; `#, transpair-ok` on an entry silences it. Exit 2 on unusable input, 1 at --fail-on.
    """
    from transpair.cli import check

    opts = check.CheckOptions(
        glossary=glossary, format=fmt.value, fail_on=fail_on.value, output=output, fuzzy=fuzzy, quiet=quiet
    )
    with user_errors():
        code = check.run(paths, opts)
    raise typer.Exit(code)


def terms_cmd(
    paths: list[Path] = typer.Argument(..., help="PO files or folders of PO files."),
    output: Path = typer.Option(
        ..., "-o", "--output", help="The glossary to write: .csv, or .tbx (TBX-Basic)."
    ),
    min_count: int = typer.Option(
        MIN_COUNT, "--min-count", min=1, help="Entries a term pair must share to be proposed."
    ),
    quiet: bool = QUIET,
) -> None:
    """Propose a glossary from the site's own translations: term pairs by association over every
    translated entry, with counts, competing translations (listed on stderr) and example places."""
    from transpair.cli import check

    with user_errors():
        code = check.run_terms(paths, output, min_count, quiet)
    raise typer.Exit(code)


def tmx_cmd(
    paths: list[Path] = typer.Argument(..., help="PO files (edited ones too) or folders of them."),
    output: Path = typer.Option(..., "-o", "--output", help="The TMX file to write (- for standard output)."),
    fuzzy: bool = typer.Option(False, "--fuzzy", help="Export fuzzy entries too (status x-status=fuzzy)."),
    source_lang: str = typer.Option("en", "--source-lang"),
    target_lang: str = typer.Option("ko", "--target-lang"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line."),
) -> None:
    """Write one TMX 1.4b translation memory of the translated entries of PO files: a `tuid` per unit and
    its source file, line, status and PO as `prop`s (x-file, x-line, x-status, x-po)."""
    from transpair.cli import tmx

    with user_errors():
        output_format(output, None, ("tmx",), "tmx")
        code = tmx.run(paths, output, source_lang, target_lang, fuzzy, quiet)
    raise typer.Exit(code)
