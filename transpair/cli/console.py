"""How the command line fails: bad input and usage errors as one `transpair: error: ...` line with exit
code 2, a closed stdout pipe quietly (as `head` users expect), a full disk under stdout as one line."""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from typer.core import TyperGroup

try:
    from typer._click import exceptions as click  # typer 0.2x carries its own copy of click
except ImportError:  # older typer uses click itself
    from click import exceptions as click

from transpair.errors import EXIT_INPUT, InputError, error_line, os_error
from transpair.names import ESCAPE


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn an InputError, or a file the system refuses, into one line on stderr and exit code 2."""
    try:
        yield
    except InputError as exc:
        typer.echo(error_line(exc), err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except OSError as exc:
        if exc.filename is None:
            raise  # not about a named file: stdout, handled by OneLineErrors
        typer.echo(error_line(os_error(exc.filename, exc)), err=True)
        raise typer.Exit(EXIT_INPUT) from None


def _command(ctx: object) -> str:
    """`transpair COMMAND` for the command a usage error is about (whatever the program was started as)."""
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return " ".join(["transpair", *reversed(names)])


def _usage_line(exc: click.UsageError) -> str:
    """A usage error as one line with the help hint, instead of click's usage box."""
    message = " ".join(exc.format_message().split()).rstrip(".")
    return error_line(f"{message}; see `{_command(exc.ctx)} --help`")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the exit-time flush of what is left cannot fail again."""
    if isinstance(getattr(sys.stdout, "buffer", None), ClosedOutput):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (stdout for the rest of the run)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # a stdout without a file descriptor (a test runner's buffer) has nothing to flush
    finally:
        os.close(devnull)


class ClosedOutput(io.RawIOBase):
    """Standard output closed before transpair started (`>&-`): every write fails as that descriptor
    would, so a command that prints ends with one line and exit 2 while one that writes files works."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def reopen_closed_streams() -> None:
    """Stand-ins for standard streams closed at start (Python sets them to None): stdin reads as empty,
    stdout fails on its first write, stderr writes nowhere."""
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 (stdin for the whole run)
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(ClosedOutput(), encoding="utf-8", write_through=True)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (stderr for the whole run)


def _name_bytes(arg: str) -> bytes:
    """An argument's bytes as the C library read them: per character the locale's encoding, else the byte
    it stood for (glibc's EUC-KR reads bytes 0x80-0xA0 as U+0080-U+00A0, which Python's codec refuses)."""
    encoding = sys.getfilesystemencoding()
    out = bytearray()
    for char in arg:
        try:
            out += char.encode(encoding, "surrogateescape")
        except UnicodeEncodeError:
            out += bytes([ord(char)]) if ord(char) < 0x100 else char.encode(encoding, "replace")
    return bytes(out)


def restore_argv() -> None:
    """Arguments that os.fsencode cannot turn back into the bytes typed (a UTF-8 name under an EUC-KR
    locale) decoded again from those bytes, so every name opens the file it names."""
    for i, arg in enumerate(sys.argv):
        try:
            os.fsencode(arg)
        except UnicodeEncodeError:
            sys.argv[i] = os.fsdecode(_name_bytes(arg))


def _escape_undecodable_names() -> None:
    """stdout and stderr write undecodable bytes of file names as \\xNN instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=ESCAPE)


class OneLineErrors(TyperGroup):
    """The command group, failing in the README's one-line form instead of click's usage box."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Run a command; usage errors and a failing stdout end with one line and exit code 2."""
        _escape_undecodable_names()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            sys.stdout.flush()
        except click.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx else exc.format_message(), err=True)
            code = EXIT_INPUT
        except click.UsageError as exc:
            typer.echo(_usage_line(exc), err=True)
            code = EXIT_INPUT
        except click.ClickException as exc:
            typer.echo(error_line(exc.format_message()), err=True)
            code = exc.exit_code
        except OSError as exc:  # stdout refused the output (a full disk, an I/O error)
            _silence_stdout()
            typer.echo(error_line(f"cannot write to standard output ({exc.strerror or exc})"), err=True)
            code = EXIT_INPUT
        if not standalone_mode:
            return code
        sys.exit(code or 0)


def restore_sigpipe() -> None:
    """Die quietly of SIGPIPE when the reader of stdout goes away (`transpair report | head`), as
    coreutils do, instead of a BrokenPipeError traceback."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
