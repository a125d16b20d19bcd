"""The `transpair` command line: parse options, call the stage modules, turn InputError into exit 2."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import pipeline
from .errors import InputError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@contextmanager
def user_errors():
    """Turn an InputError into one line on stderr and exit code 2, never a traceback."""
    try:
        yield
    except InputError as exc:
        typer.echo(f"transpair: error: {exc}", err=True)
        raise typer.Exit(2) from None


class Unit(str, Enum):
    paragraph = "paragraph"
    sentence = "sentence"


@app.command("align")
def align_cmd(
    source: Path = typer.Argument(..., help="The original article (or a folder of article pairs)."),
    target: Optional[Path] = typer.Argument(None, help="Its translation; omit for a folder or a bilingual file."),
    output: Path = typer.Option(..., "-o", "--output", help="PO file to write (a folder when SOURCE is a folder)."),
    beads: Optional[Path] = typer.Option(None, "--beads", help="Also write the alignment as JSON."),
    unit: Unit = typer.Option(Unit.paragraph, "--unit", help="Align paragraphs, or sentences inside aligned paragraphs."),
    source_lang: str = typer.Option("en", "--source-lang"),
    target_lang: str = typer.Option("ko", "--target-lang"),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing PO instead of merging into it."),
) -> None:
    """Align an article and its translation into a PO file (msgid = source, msgstr = translation)."""
    opts = pipeline.AlignOptions(unit=unit.value, source_lang=source_lang, target_lang=target_lang)
    with user_errors():
        alignment = pipeline.align_files(source, target, opts)
        pipeline.write_outputs(alignment, output, pipeline.WriteOptions(force=force), beads)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
