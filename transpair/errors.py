"""The one exception the CLI turns into a one-line message and exit code 2, the exit codes, and the input
checks: a path must name a regular, readable file of sensible size before anything reads it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from transpair.names import one_line

EXIT_OK, EXIT_BELOW, EXIT_INPUT = 0, 1, 2  # done; coverage under the asked threshold; bad input
MAX_INPUT_BYTES = 64 * 2**20  # an article or PO is far smaller; more is a wrong file, a device or a stream
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def error_line(message: object) -> str:
    """The one line a command prints on stderr for bad input (controls and undecodable bytes as \\xNN)."""
    return f"transpair: error: {one_line(message)}"


class InputError(Exception):
    """Bad user input (missing file, undecodable text, wrong language...): exit 2, no traceback."""


class NotAnArticle(InputError):
    """A file with no prose to align (code, components, snippets): an error alone, skipped in a folder."""


def os_error(path: str | Path, exc: OSError, doing: str = "") -> InputError:
    """An OSError as the InputError the user sees: the path and the system's reason, on one line."""
    return InputError(f"{path}: {doing}{' (' if doing else ''}{exc.strerror or exc}{')' if doing else ''}")


def status(path: str | Path) -> os.stat_result | None:
    """The file's stat (following links), None when nothing is there; InputError for names the system
    refuses (too long, a loop of links, no permission)."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise os_error(path, exc) from None


def kind(mode: int) -> str | None:
    """What a non-regular, non-folder file is (a FIFO, a device...), None for a regular file or folder."""
    return next((name for test, name in _KINDS if test(mode)), None)


def check_input(path: Path, st: os.stat_result | None, what: str) -> None:
    """Refuse a missing path, a folder, a device or FIFO, and a file too large to be an article."""
    if st is None:
        raise InputError(f"{path}: no such file")
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory, not a {what}")
    if special := kind(st.st_mode):
        raise InputError(f"{path}: is {special}, not a regular file; nothing read")
    if st.st_size > MAX_INPUT_BYTES:
        raise InputError(
            f"{path}: too large for a {what} ({st.st_size / 2**20:.0f} MiB; the limit is "
            f"{MAX_INPUT_BYTES // 2**20} MiB)"
        )


def existing_file(path: str | Path, what: str = "file") -> Path:
    """The path, if it names an existing regular file of sensible size; else an InputError saying why."""
    p = Path(path)
    check_input(p, status(p), what)
    return p


def read_input(path: str | Path, what: str = "file") -> bytes:
    """A regular file's bytes, checked on the opened file itself (a FIFO never blocks the read, a file
    swapped after the check is still checked)."""
    p = existing_file(path, what)
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise os_error(p, exc, "cannot read the file") from None
    with os.fdopen(fd, "rb") as handle:
        check_input(p, os.fstat(fd), what)
        try:
            return handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise os_error(p, exc, "cannot read the file") from None
