"""Options and arguments several commands share (jobs, history, folders, the pair), and help epilogs."""

from __future__ import annotations

from enum import StrEnum

import typer

# choices of report and check, here so that defining the commands imports neither command's code
REPORT_FORMATS = ("table", "json", "csv", "markdown", "html", "svg")
REPORT_SORTS = ("coverage", "name")
REPORT_MEASURES = ("words", "strings")
CHECK_FORMATS = ("text", "json", "sarif")
CHECK_FAIL_ON = ("error", "warning", "info", "never")


def examples(*lines: str) -> str:
    """A help epilog listing example command lines, one per line as typed."""
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)


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


QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar.")
VERBOSE = typer.Option(False, "--verbose", "-v", help="Folders: list the files skipped, by name.")


SOURCE = typer.Argument(..., help="The original article (or a folder of article pairs).")


TARGET = typer.Argument(None, help="Its translation; omit for a folder or a bilingual file.")


ORIGINAL = typer.Option(
    Original.given,
    "--source",
    help="given: SOURCE is the original; auto: decide which version is the original.",
)


MARKERS = typer.Option(
    None,
    "--markers",
    help="Extra placeholder patterns: TOML (\\[markers] patterns = [...]) or one regex per line.",
)


SIMILARITY = typer.Option(
    None,
    "--similarity",
    metavar="MODULE:CLASS",
    help="Embedding backend class (default: multilingual USE).",
)
