"""The commands that read article pairs: align, review, scan and pot (their options; the jobs are in cli/)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from transpair.cli import languages
from transpair.cli.console import user_errors
from transpair.cli.options import (
    EXCLUDE,
    HISTORY,
    INCLUDE,
    JOBS,
    MARKERS,
    NO_CACHE,
    ORIGINAL,
    QUIET,
    SIMILARITY,
    SOURCE,
    TARGET,
    VERBOSE,
    CodeMode,
    Original,
    OutFormat,
    Unit,
)
from transpair.cli.outputs import output_format
from transpair.parallel import default_jobs
from transpair.read.pairs import Selection


def align_cmd(
    source: Path = SOURCE,
    target: Path | None = typer.Argument(
        None,
        help="Its translation (the translated tree when SOURCE is a folder); omit for one folder or a "
        "bilingual file.",
    ),
    output: Path = typer.Option(
        ...,
        "-o",
        "--output",
        help="PO file to write (a folder when SOURCE is a folder; - for standard output).",
    ),
    beads: Path | None = typer.Option(None, "--beads", help="Also write the alignment as JSON."),
    unit: Unit = typer.Option(
        Unit.paragraph, "--unit", help="Align paragraphs, or sentences inside aligned paragraphs."
    ),
    source_lang: str = languages.source_lang(),
    target_lang: str = languages.target_lang(),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing PO instead of merging into it."),
    backup: bool = typer.Option(True, "--backup/--no-backup", help="Keep the replaced file as OUTPUT.bak."),
    prefer_target: bool = typer.Option(
        False,
        "--prefer-target",
        help="When merging, the translation found in TARGET wins over the PO's msgstr.",
    ),
    no_wrap: bool = typer.Option(
        False, "--no-wrap", help="Do not wrap long PO lines (as gettext's --no-wrap)."
    ),
    out_format: OutFormat | None = typer.Option(
        None,
        "--format",
        help="po, or tmx: a TMX 1.4 translation memory of the translated pairs (default: -o's extension, "
        "else po).",
    ),
    original: Original = ORIGINAL,
    markers: Path | None = MARKERS,
    similarity: str | None = SIMILARITY,
    corrections: Path | None = typer.Option(
        None,
        "--corrections",
        help="A reviewer's corrections.json (from `transpair review`): fixed beads, aligned around (a "
        "folder of NAME.corrections.json for a folder).",
    ),
    translated_from: str | None = typer.Option(
        None,
        "--translated-from",
        metavar="REV",
        help="The revision of SOURCE's git repository the translation was made from.",
    ),
    history: bool = HISTORY,
    code_mode: CodeMode | None = typer.Option(
        None,
        "--code",
        help="Code blocks as entries: changed (default: those whose translation differs), all, or none "
        "(default from .transpair.toml [po] code).",
    ),
    quiet: bool = QUIET,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    include: list[str] = INCLUDE,
    exclude: list[str] = EXCLUDE,
    verbose: bool = VERBOSE,
) -> None:
    """Align an article and its translation into a PO file (msgid = source, msgstr = translation).

    SOURCE may be a folder: every article pair below it gets OUTPUT/NAME.po (pairing conventions in README);
    SOURCE_DIR TARGET_DIR pairs the files at the same relative paths of two trees (two clones).
    A single file with no TARGET is split by language (bilingual articles).
    """
    from transpair import pipeline  # imported by the commands that align: --help and report stay light
    from transpair.cli import align

    opts = pipeline.AlignOptions(
        unit=unit.value,
        source_lang=source_lang,
        target_lang=target_lang,
        original=original.value,
        markers_file=markers,
        similarity=similarity,
        cache=not no_cache,
        corrections=corrections,
        history=history,
        translated_from=translated_from,
    )
    with user_errors():
        given = out_format.value if out_format else None
        fmt = given or "po" if source.is_dir() else output_format(output, given, ("po", "tmx"), "align")
        wopts = pipeline.WriteOptions(
            force=force,
            backup=backup,
            prefer_target=prefer_target,
            wrap=not no_wrap,
            format=fmt,
            unit=unit.value,
            code=code_mode.value if code_mode else None,
        )
        select = Selection(tuple(include), tuple(exclude))
        code = align.run(
            source, target, output, beads, opts, wopts, quiet, jobs or default_jobs(), select, verbose
        )
    raise typer.Exit(code)


def review_cmd(
    source: Path = SOURCE,
    target: Path | None = TARGET,
    output: Path = typer.Option(
        ..., "-o", "--output", help="HTML page to write (a folder of pages plus index.html for a folder)."
    ),
    corrections: Path | None = typer.Option(
        None,
        "--corrections",
        help="Show the alignment with these corrections applied (a folder of NAME.corrections.json for a "
        "folder).",
    ),
    beads: Path | None = typer.Option(
        None,
        "--beads",
        help="Reuse the alignment `align --beads` wrote instead of aligning again (a folder: NAME.json).",
    ),
    po: Path | None = typer.Option(
        None,
        "--po",
        help="The article's PO from earlier align runs: entries whose source changed since their translation "
        "(fuzzy with #| msgid) show as outdated (a folder: NAME.po).",
    ),
    source_lang: str = languages.source_lang(),
    target_lang: str = languages.target_lang(),
    original: Original = ORIGINAL,
    markers: Path | None = MARKERS,
    similarity: str | None = SIMILARITY,
    quiet: bool = QUIET,
    include: list[str] = INCLUDE,
    exclude: list[str] = EXCLUDE,
    verbose: bool = VERBOSE,
) -> None:
    """Write a page to review an alignment side by side: doubtful rows highlighted, and join, split, unpair
    or pair rows; the edits export as corrections.json for `align --corrections`.

    The page is one self-contained HTML file (no network). SOURCE may be a folder (or SOURCE_DIR TARGET_DIR,
    two trees): OUTPUT/NAME.html per article and OUTPUT/index.html, the most doubtful articles first.
    """
    from transpair import pipeline
    from transpair.cli import review

    opts = pipeline.AlignOptions(
        source_lang=source_lang,
        target_lang=target_lang,
        original=original.value,
        markers_file=markers,
        similarity=similarity,
        corrections=corrections,
    )
    with user_errors():
        if not source.is_dir():
            output_format(output, None, ("html",), "review")
        select = Selection(tuple(include), tuple(exclude))
        code = review.run(source, target, output, opts, review.Earlier(beads, po), quiet, select, verbose)
    raise typer.Exit(code)


class ScanFormat(StrEnum):
    table = "table"
    json = "json"


def scan_cmd(
    folder: Path = typer.Argument(
        ..., help="A folder of articles (pairs and lone files), or one article file."
    ),
    target: Path | None = typer.Argument(
        None, help="The translated tree, when FOLDER is the original's (two clones)."
    ),
    fmt: ScanFormat = typer.Option(ScanFormat.table, "--format", "-f", help="Output format."),
    markers: Path | None = MARKERS,
    source_lang: str = languages.source_lang(),
    target_lang: str = languages.target_lang(),
    history: bool = HISTORY,
    quiet: bool = QUIET,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    include: list[str] = INCLUDE,
    exclude: list[str] = EXCLUDE,
    verbose: bool = VERBOSE,
) -> None:
    """List per article its original language and its untranslated sections (line ranges and reasons).

    Placeholders ([TBD], TODO: translate, 번역 예정...) govern their section up to the next heading; a
    .transpair.toml in the folder (or a parent) adds patterns. Articles that cannot be read are listed
    with the reason and make the exit code 2.
    """
    from transpair.report import scan

    with user_errors():
        opts = scan.ScanOptions(
            langs=(source_lang, target_lang),
            markers_file=markers,
            use_cache=not no_cache,
            history=history,
            jobs=jobs or default_jobs(),
            quiet=quiet,
            target=target,
            select=Selection(tuple(include), tuple(exclude)),
        )
        code = scan.run(folder, opts, fmt.value, verbose)
    raise typer.Exit(code)


def pot_cmd(
    source: Path = typer.Argument(..., help="An article with no translation yet (or a folder of articles)."),
    target: Path | None = typer.Argument(
        None, help="With a SOURCE folder: the translated tree; templates only for pages it does not have."
    ),
    output: Path = typer.Option(
        ...,
        "-o",
        "--output",
        help="The POT file to write (a previous one is kept as .bak; - for standard output).",
    ),
    source_lang: str = languages.source_lang(),
    unit: Unit = typer.Option(Unit.paragraph, "--unit", help="One entry per paragraph, or per sentence."),
    no_wrap: bool = typer.Option(False, "--no-wrap", help="Do not wrap long lines (gettext's --no-wrap)."),
    target_lang: str = typer.Option("ko", "--target-lang"),
    include: list[str] = INCLUDE,
    exclude: list[str] = EXCLUDE,
    verbose: bool = VERBOSE,
) -> None:
    """Write a PO template for SOURCE, segmented as align does so that a later align merges cleanly.

    SOURCE may be a folder (OUTPUT/NAME.pot per article), or SOURCE_DIR TARGET_DIR: templates for the
    pages the translation does not have yet."""
    from transpair.cli import pot

    with user_errors():
        if source.is_dir():
            select = Selection(tuple(include), tuple(exclude))
            langs = (source_lang, target_lang)
            code = pot.run_folder(source, target, output, langs, unit.value, not no_wrap, select, verbose)
            raise typer.Exit(code)
        output_format(output, None, ("po",), "pot")
        made = pot.one(source, output, source_lang, unit.value, not no_wrap)
    typer.echo(f"{output}: {len(made)} entries", err=True)
