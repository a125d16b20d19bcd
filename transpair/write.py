"""Write output files so that nothing is lost: never over an input (nor over a file an option names, nor
the settings file); a regular file through a synced temporary file and a rename (mode kept, `.bak`
renamed into place only once the new file is); the temporary files of a killed run removed by the next
write of that file; a file whose content would not change is left alone (no rename, no `.bak`); a
symlink's target instead of the link; a device or FIFO written through, never replaced; one writer at a
time per folder; errors in one line."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import regex

from transpair.errors import InputError, kind, os_error, status
from transpair.names import ESCAPE
from transpair.settings import find_config

_held = threading.local()  # per thread: folders whose lock it holds, and how deeply (locks nest)
_WRITABLE_SPECIAL = (stat.S_ISCHR, stat.S_ISFIFO)  # written through; block devices and sockets refused


def destination(path: str | Path) -> Path:
    """The file a write updates: a symlink's final target (so the link keeps pointing there), else PATH."""
    p = Path(path)
    return Path(os.path.realpath(p)) if os.path.islink(p) else p


def check_output(path: str | Path, backup: bool = False) -> Path:
    """Refuse, before any work, an output that cannot be written: a folder, a missing or non-folder parent,
    a name the system refuses (too long), a block device or socket."""
    p = destination(path)
    folder = p.parent if str(p.parent) else Path(".")
    parent = status(folder)
    if parent is None or not stat.S_ISDIR(parent.st_mode):
        raise InputError(f"{path}: cannot write, folder {folder} does not exist")
    st = status(p)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory, not a file")
    if st is not None and kind(st.st_mode) and not any(test(st.st_mode) for test in _WRITABLE_SPECIAL):
        raise InputError(f"{path}: is {kind(st.st_mode)}; refusing to write to it")
    if backup and (st is None or stat.S_ISREG(st.st_mode)):
        status(p.with_name(p.name + ".bak"))  # the backup's name must be acceptable too
    return p


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (existing or not), so an output never overwrites an input."""
    sa, sb = status(a), status(b)
    if sa is not None and sb is not None:
        return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)
    return a.resolve() == b.resolve()


def settings_files(paths: Iterable[Path]) -> list[Path]:
    """The .transpair.toml files that apply to PATHS (files or folders): inputs of every command too."""
    found = set()
    for path in paths:
        with suppress(OSError):  # a name the system refuses is refused where it is read
            found.add(find_config(path if path.is_dir() else path.parent))
    return sorted(p for p in found if p is not None)


def refuse_overwriting(outputs: Iterable[Path | None], inputs: Iterable[str | Path | None]) -> None:
    """InputError when an output names one of the inputs (those of every option, and the settings file
    that applies to them) or another output, or cannot be written at all: nobody's file is replaced by
    surprise, and no work is done for an output that would fail."""
    named = [Path(p) for p in inputs if p is not None and not is_stdout(p)]  # `-` names no file
    seen: list[Path] = [*named, *settings_files(named)]
    for out in (Path(o) for o in outputs if o is not None and not is_stdout(o)):
        check_output(out)
        clash = next((p for p in seen if same_file(out, p)), None)
        if clash is not None:
            raise InputError(
                f"{out}: would overwrite {clash}, which this command reads or writes; choose another path"
            )
        seen.append(out)


def regular(path: str | Path) -> bool:
    """Whether PATH (followed through links) is an existing regular file, the only kind merged or backed
    up."""
    st = status(path)
    return st is not None and stat.S_ISREG(st.st_mode)


@contextmanager
def locked(path: str | Path) -> Iterator[None]:
    """Hold an advisory lock on the folder of PATH's destination (fcntl.flock) so that concurrent runs
    read, merge and write there one after the other; nested holds in one process are free."""
    folder = os.path.abspath(destination(path).parent)
    held = _held.__dict__.setdefault("folders", {})
    if held.get(folder):
        held[folder] += 1
        try:
            yield
        finally:
            held[folder] -= 1
        return
    fd, real = None, _held.__dict__.setdefault("real", set())
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(fd, fcntl.LOCK_EX)  # a file system without locks just goes unlocked
        real.add(folder)
    held[folder] = 1
    try:
        yield
    finally:
        del held[folder]
        real.discard(folder)
        if fd is not None:
            os.close(fd)  # closing releases the lock


def _locked_here(path: Path) -> bool:
    """Whether this thread holds a real lock on the folder of PATH (not one a file system ignored)."""
    return os.path.abspath(path.parent) in _held.__dict__.get("real", set())


def _mode(st: os.stat_result | None) -> int:
    """The mode the new file gets: the old file's, else the default for new files (0666 less umask)."""
    if st is not None:
        return stat.S_IMODE(st.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temp_name(target: Path, suffix: str) -> str:
    """A fresh hidden name beside TARGET, short enough for any file name TARGET itself may have."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:32]}.", suffix=suffix)
    os.close(fd)
    return name


def _sync(fd: int) -> None:
    """fsync, ignoring file systems that cannot (the rename still gives all-or-nothing)."""
    with suppress(OSError):
        os.fsync(fd)


def _temp_files(target: Path) -> regex.Pattern:
    """The names _temp_name gives beside TARGET (mkstemp's eight random characters)."""
    return regex.compile(rf"\.{regex.escape(target.name[:32])}\.[a-z0-9_]{{8}}(?:\.bak)?\.tmp")


def _clean_stale(target: Path) -> None:
    """Remove the temporary files a killed run left beside TARGET (called with the folder's lock held, so
    no other run is writing them)."""
    names, prefix = _temp_files(target), f".{target.name[:32]}."
    with suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if (
                entry.name.startswith(prefix)
                and names.fullmatch(entry.name)
                and entry.is_file(follow_symlinks=False)
            ):
                with suppress(OSError):
                    os.unlink(entry.path)


def _stage_backup(target: Path) -> str:
    """TARGET as it is now under a fresh temporary name beside it (a hard link, or a synced copy), to be
    renamed to TARGET.bak once the new TARGET is in place."""
    tmp = _temp_name(target, ".bak.tmp")
    try:
        os.unlink(tmp)
        try:
            os.link(target, tmp)
        except OSError:  # no hard links here (or another device): copy and sync
            shutil.copy2(target, tmp)
            with open(tmp, "rb") as handle:
                _sync(handle.fileno())
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _replace(target: Path, data: bytes, backup: bool) -> None:
    """Write DATA to a synced temporary file beside TARGET with TARGET's mode, rename it over TARGET, and
    only then rename the old file (kept under a temporary name) to TARGET.bak when asked."""
    old = status(target)
    tmp, staged = _temp_name(target, ".tmp"), None
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            _sync(handle.fileno())
        os.chmod(tmp, _mode(old))
        if backup and old is not None:
            staged = _stage_backup(target)
        os.replace(tmp, target)
        if staged is not None:
            os.replace(staged, target.with_name(target.name + ".bak"))
    finally:
        for name in filter(None, (tmp, staged)):
            with suppress(OSError):
                os.unlink(name)
    folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        _sync(folder)
    finally:
        os.close(folder)


def unchanged(target: Path, data: bytes) -> bool:
    """Whether the regular file TARGET already holds exactly DATA (sizes compared before contents)."""
    st = status(target)
    if st is None or not stat.S_ISREG(st.st_mode) or st.st_size != len(data):
        return False
    with open(target, "rb") as handle:
        return handle.read(len(data) + 1) == data


def _write_through(target: Path, data: bytes) -> None:
    """Write DATA into a device or FIFO in place (a FIFO with nobody reading is refused, not waited on)."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise InputError(f"{target}: a FIFO with no reader; nothing written") from None
        raise
    os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


STDOUT = "-"  # as an output path: standard output, where a command writes one output


def is_stdout(path: str | Path | None) -> bool:
    """Whether an output path is `-`, standard output."""
    return path is not None and str(path) == STDOUT


def write_text(path: str | Path, text: str | bytes, backup: bool = False) -> Path:
    """Write an output of any command as described in the module docstring; InputError (exit 2) when the
    system refuses, with the previous file, its `.bak` and the folder left as they were; `-` writes to
    standard output."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", ESCAPE)
    if is_stdout(path):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return Path(path)
    target = check_output(path, backup)
    try:
        with locked(target):
            if _locked_here(target):
                _clean_stale(target)
            if unchanged(target, data):
                pass  # nothing to write: the file, its mode, its time and its .bak stay as they are
            elif regular(target) or status(target) is None:
                _replace(target, data, backup)
            else:
                _write_through(target, data)
    except OSError as exc:
        raise os_error(path, exc, "cannot write") from None
    return Path(path)


def write_json(path: str | Path, data: object) -> Path:
    """Write data as indented UTF-8 JSON (Hangul as is), atomically."""
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
