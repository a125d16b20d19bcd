"""Which format a command writes: the one `--format` names, else the one `-o`'s extension names, else the
command's default; a name whose extension says another format is refused (one line, exit 2)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from transpair.errors import InputError
from transpair.write import is_stdout

EXTENSIONS = {
    ".po": "po",
    ".pot": "po",  # a template is a PO without translations
    ".tmx": "tmx",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".svg": "svg",
}


def implied(output: Path | None) -> str | None:
    """The format OUTPUT's extension names, None for `-`, no output or an extension of no format."""
    if output is None or is_stdout(output):
        return None
    return EXTENSIONS.get(output.suffix.lower())


def output_format(
    output: Path | None, given: str | None, allowed: Sequence[str], command: str, default: str | None = None
) -> str:
    """The format to write: --format (checked against OUTPUT's extension), else the extension's, else the
    default (the first allowed); InputError when the two disagree or the extension names a format the
    command does not write."""
    named = implied(output)
    if given is not None:
        if named is not None and named != given:
            raise InputError(
                f"{output}: the name says {named} but --format says {given}; rename the file or drop --format"
            )
        return given
    if named is not None and named not in allowed:
        raise InputError(
            f"{output}: the name says {named}, but `transpair {command}` writes {' or '.join(allowed)}; "
            "give another name"
        )
    return named or default or allowed[0]
