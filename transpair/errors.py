"""The one exception the CLI turns into a one-line message and exit code 2, the exit codes, and the path
check."""

from pathlib import Path

EXIT_OK, EXIT_BELOW, EXIT_INPUT = 0, 1, 2  # done; coverage under the asked threshold; bad input


def error_line(message: object) -> str:
    """The one line a command prints on stderr for bad input."""
    return f"transpair: error: {message}"


class InputError(Exception):
    """Bad user input (missing file, undecodable text, wrong language...): exit 2, no traceback."""


def existing_file(path: str | Path, what: str = "file") -> Path:
    """The path, if it names an existing file; else an InputError saying what is wrong with it."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a {what}")
    return p
