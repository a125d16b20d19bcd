"""The `transpair` command line: parse options, call the stage modules, turn InputError into exit 2."""

from __future__ import annotations

from enum import Enum, StrEnum
from pathlib import Path

import typer

from transpair import __version__
from transpair.cli import check, languages, report
from transpair.cli.console import OneLineErrors, reopen_closed_streams, restore_sigpipe, user_errors
from transpair.cli.outputs import output_format
from transpair.errors import EXIT_BELOW, InputError
from transpair.parallel import default_jobs
from transpair.read.pairs import Selection


def examples(*lines: str) -> str:
    """A help epilog listing example command lines, one per line as typed."""
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)


app = typer.Typer(  # its help is the docstring of `common`; --install-completion for bash, zsh, fish
    cls=OneLineErrors, no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]}
)


class Original(StrEnum):
    given = "given"
    auto = "auto"


class Unit(StrEnum):
    paragraph = "paragraph"
    sentence = "sentence"


class CodeMode(StrEnum):
    changed = "changed"
    all = "all"
    none = "none"


class Fuzzy(StrEnum):
    msgstr = "msgstr"
    source = "source"


class OutFormat(StrEnum):
    po = "po"
    tmx = "tmx"


JOBS = typer.Option(
    None, "--jobs", "-j", min=1, help="Articles aligned at once, one process each (default: all cores)."
)
NO_CACHE = typer.Option(
    False, "--no-cache", help="Neither read nor fill the cache of embeddings and alignments (see README)."
)
HISTORY = typer.Option(
    True,
    "--history/--no-history",
    help="In git work trees, align with SOURCE as of TARGET's last commit and mark what changed since.",
)
INCLUDE = typer.Option(
    [], "--include", metavar="GLOB", help="Folders: read only files matching GLOB (repeatable; also [files])."
)
EXCLUDE = typer.Option(
    [], "--exclude", metavar="GLOB", help="Folders: leave out files matching GLOB (repeatable; also [files])."
)
VERBOSE = typer.Option(False, "--verbose", "-v", help="Folders: list the files skipped, by name.")
SOURCE = typer.Argument(..., help="The original article (or a folder of article pairs).")
TARGET = typer.Argument(None, help="Its translation; omit for a folder or a bilingual file.")
ORIGINAL = typer.Option(
    Original.given,
    "--source",
    help="given: SOURCE is the original; auto: decide which version is the original.",
)
MARKERS = typer.Option(
    None, "--markers", help="Extra placeholder patterns: TOML (patterns = [...]) or one regex per line."
)
SIMILARITY = typer.Option(
    None,
    "--similarity",
    metavar="MODULE:CLASS",
    help="Embedding backend class (default: multilingual USE).",
)


def show_version(value: bool) -> None:
    """--version: print the version and stop."""
    if value:
        typer.echo(f"transpair {__version__}")
        raise typer.Exit()


@app.callback()
def common(
    version: bool = typer.Option(
        False, "--version", callback=show_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Align the English and Korean versions of articles into PO files, find what is untranslated, report
    coverage."""


@app.command(
    "align",
    epilog=examples(
        "transpair align post.en.md post.ko.md -o post.po",
        "transpair align site/ -o po/ --beads beads/",
        "transpair align post.en.md post.ko.md -o post.tmx --format tmx",
    ),
)
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
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
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


@app.command("review")
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
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
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


ReportFormat = Enum("ReportFormat", [(f, f) for f in report.FORMATS], type=str)
ReportSort = Enum("ReportSort", [(s, s) for s in report.SORTS], type=str)
ReportBy = Enum("ReportBy", [(b, b) for b in report.MEASURES], type=str)


@app.command(
    "report",
    epilog=examples(
        "transpair report po/",
        "transpair report po/ -f html -o report.html --badge badge.svg",
        "transpair report po/ --fail-under 80 -q",
    ),
)
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
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
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
) -> None:
    """Report translation coverage: strings and source words translated, fuzzy, untranslated, per article.

    Coverage = translated / total (one decimal); fuzzy entries count as NOT done. Placeholders (TBD) and
    text left in the source language are counted as untranslated and also shown on their own. Words:
    English words, Korean eojeol, one per CJK character. Exit 2 on unreadable input (other inputs are
    still reported), 1 when below --fail-under.
    """
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
    )
    with user_errors():
        code = report.run(paths, opts)
    raise typer.Exit(code)


@app.command("eval", epilog=examples("transpair eval ../shared/data/pydocs-ko --json"))
def eval_cmd(
    gold_dir: Path = typer.Argument(
        ..., help="Folder of NAME.en.txt, NAME.<lang>.txt (ko, ja, zh_CN…) and NAME.gold.json files."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    similarity: str | None = SIMILARITY,
    target_lang: str | None = languages.gold_lang(),
) -> None:
    """Align every gold pair and print strict and lax bead precision, recall and F1 ('align' and 'po'
    views)."""
    from transpair.align import embed, evaluate

    with user_errors():
        figures = evaluate.evaluate(gold_dir, embed.load_similarity(similarity), quiet, target_lang)
    typer.echo(evaluate.report_json(figures) if as_json else evaluate.format_report(figures))


class ScanFormat(StrEnum):
    table = "table"
    json = "json"


@app.command(
    "scan", epilog=examples("transpair scan site/", "transpair scan site/ -f json --markers markers.toml")
)
def scan_cmd(
    folder: Path = typer.Argument(
        ..., help="A folder of articles (pairs and lone files), or one article file."
    ),
    target: Path | None = typer.Argument(
        None, help="The translated tree, when FOLDER is the original's (two clones)."
    ),
    fmt: ScanFormat = typer.Option(ScanFormat.table, "--format", "-f", help="Output format."),
    markers: Path | None = typer.Option(
        None,
        "--markers",
        help="Extra placeholder patterns: TOML (\\[markers] patterns = [...]) or one regex per line.",
    ),
    source_lang: str = languages.source_lang(),
    target_lang: str = languages.target_lang(),
    history: bool = HISTORY,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
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
        code = scan.run(
            folder,
            (source_lang, target_lang),
            markers,
            fmt.value,
            quiet,
            jobs or default_jobs(),
            not no_cache,
            history,
            target,
            Selection(tuple(include), tuple(exclude)),
            verbose,
        )
    raise typer.Exit(code)


@app.command(
    "apply",
    epilog=examples(
        "transpair apply post.po post.en.md -o post.ko.md",
        "transpair apply post.po post.en.md -o - --mark-untranslated",
    ),
)
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


CheckFormat = Enum("CheckFormat", [(f, f) for f in check.FORMATS], type=str)
FailOn = Enum("FailOn", [(f, f) for f in check.FAIL_ON], type=str)


@app.command(
    "check",
    epilog=examples(
        "transpair check po/",
        "transpair check po/ --glossary glossary.csv --format sarif -o check.sarif --fail-on never",
    ),
)
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
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Check translated entries: glossary, consistency, code, link, number, tag, anchor, placeholder,
    english-left, cjk-stray, particle-form, spacing, speech-level.

    Levels and `off` per check, the expected speech level and reviewed findings go in .transpair.toml
    [check]; `#, transpair-ok` on an entry silences it. Exit 2 on unusable input, 1 at --fail-on.
    """
    opts = check.CheckOptions(
        glossary=glossary, format=fmt.value, fail_on=fail_on.value, output=output, fuzzy=fuzzy, quiet=quiet
    )
    with user_errors():
        code = check.run(paths, opts)
    raise typer.Exit(code)


@app.command(
    "terms", epilog=examples("transpair terms po/ -o glossary.csv", "transpair terms po/ -o glossary.tbx")
)
def terms_cmd(
    paths: list[Path] = typer.Argument(..., help="PO files or folders of PO files."),
    output: Path = typer.Option(
        ..., "-o", "--output", help="The glossary to write: .csv, or .tbx (TBX-Basic)."
    ),
    min_count: int = typer.Option(
        check.MIN_COUNT, "--min-count", min=1, help="Entries a term pair must share to be proposed."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Propose a glossary from the site's own translations: term pairs by association over every
    translated entry, with counts, competing translations (listed on stderr) and example places."""
    with user_errors():
        code = check.run_terms(paths, output, min_count, quiet)
    raise typer.Exit(code)


@app.command(
    "pot",
    epilog=examples(
        "transpair pot new-post.en.md -o new-post.pot", "transpair pot docs/src docs-ko/src -o pot/"
    ),
)
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


@app.command(
    "tmx",
    epilog=examples(
        "transpair tmx po/ -o site.tmx", "transpair tmx po/guide/a.po po/guide/b.po -o ab.tmx --fuzzy"
    ),
)
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


def main() -> None:
    """Console-script entry point."""
    reopen_closed_streams()
    restore_sigpipe()
    app()


if __name__ == "__main__":
    main()
