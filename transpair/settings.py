"""The .transpair.toml file: found only within the project (the lookup stops at the repository root, a
folder holding `.git`), parsed once per version of the file, bounded in size and nesting; every fault is
one `path:LINE:` error.

Each stage reads its own table (`[read]`, `[files]`, `[markers]`, `[check]`, `[history]`, `[po]`) with
`config_table`, and names a wrong-typed setting with `setting_error`, which finds the setting's line.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

import regex

from transpair.errors import InputError, os_error, read_input

CONFIG_NAME = ".transpair.toml"
MAX_CONFIG_BYTES = 2**20  # a settings file is a few lines; more is a wrong file or an attack
MAX_DEPTH = 32  # arrays and inline tables nested deeper than any setting needs
_AT = regex.compile(r" \(at (?:line (\d+), column (\d+)|end of document)\)$")
_TOKEN = regex.compile(
    r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}\n]', regex.S
)
_HEADER = regex.compile(r"^[ \t]*\[\[?[ \t]*([^\]#]*?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_KEY = regex.compile(r"^[ \t]*([A-Za-z0-9_.\"' \t-]+?)[ \t]*=")


def find_config(folder: str | Path) -> Path | None:
    """The nearest .transpair.toml in a folder or its parents up to the repository root (a folder holding
    `.git`), None if there is none (two stats a folder: not cached, so a file added since counts)."""
    start = Path(folder).resolve()
    for candidate in (start, *start.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate / CONFIG_NAME
        if (candidate / ".git").exists():
            return None
    return None


def _too_deep(text: str) -> int | None:
    """The line where arrays and inline tables nest deeper than MAX_DEPTH (strings and comments
    skipped), None when they never do."""
    depth, line = 0, 1
    for token in _TOKEN.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif mark in "]}":
            depth = max(depth - 1, 0)
        line += mark.count("\n")
    return None


def parse_config(path: Path, raw: str) -> dict:
    """The settings of a TOML text; InputError at `path:LINE:` for a syntax error or too deep nesting."""
    deep = _too_deep(raw)
    if deep is not None:
        raise InputError(f"{path}:{deep}: arrays or tables nested more than {MAX_DEPTH} deep")
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = _AT.search(str(exc))
        line = (found[1] if found[1] else raw.count("\n") + 1) if found else 1
        column = f", column {found[2]}" if found and found[2] else ""
        message = str(exc)[: found.start()] if found else str(exc)
        raise InputError(f"{path}:{line}: not a valid TOML file ({message}{column})") from None
    except RecursionError:
        raise InputError(f"{path}:1: arrays or tables nested too deep") from None


def load_config(path: str | Path) -> dict:
    """A settings file's contents, read once per version of the file; InputError for one that is missing,
    over MAX_CONFIG_BYTES, undecodable or no TOML."""
    return _loaded(Path(path), version(path))


def version(path: str | Path) -> tuple[int, int, int]:
    """What tells one version of a settings file from another: its inode, change time and size."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise os_error(path, exc, "cannot read the settings") from None
    return st.st_ino, st.st_mtime_ns, st.st_size


@lru_cache(maxsize=256)
def _loaded(path: Path, version: tuple[int, int, int]) -> dict:
    """load_config for one version of a file (inode, time and size key the cache)."""
    too_large = InputError(
        f"{path}:1: too large for a settings file (the limit is {MAX_CONFIG_BYTES >> 10} KiB)"
    )
    if version[2] > MAX_CONFIG_BYTES:
        raise too_large
    try:
        data = read_input(path, "settings file")
    except InputError as exc:
        raise InputError(f"cannot read the settings: {exc}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise too_large
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{path}:{line}: not UTF-8 text") from None
    return parse_config(path, raw)


def key_line(path: Path, table: str, key: str | None = None) -> int | None:
    """The line of `key` in `[table]` (of the `[table]` header when key is None), None when not found."""
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
    current = ""
    for number, line in enumerate(lines, 1):
        header = _HEADER.match(line)
        if header:
            current = header[1].replace(" ", "").replace('"', "")
            if key is None and current == table:
                return number
            continue
        found = _KEY.match(line)
        name = found[1].replace(" ", "").replace('"', "").replace("'", "") if found else ""
        if found and (current, name) in ((table, key or ""), ("", f"{table}.{key}" if key else table)):
            return number
    return None


def located(path: Path, table: str, key: str | None = None) -> str:
    """`path:LINE:` of a setting (of its table when key is None), `path:` when the line is not found."""
    line = key_line(path, table, key) if key else key_line(path, table) or key_line(path, "", table)
    return f"{path}:{line}:" if line else f"{path}:"


def setting_error(path: Path, table: str, key: str | None, message: str) -> InputError:
    """An InputError naming a bad setting at its line: `path:LINE: [table] key message`."""
    name = " ".join(part for part in (f"[{table}]" if table else "", key or "") if part)
    return InputError(f"{located(path, table, key)} {name} {message}")


def config_table(path: Path, name: str) -> dict:
    """One table of a settings file ({} when absent); InputError when the setting is no table."""
    table = load_config(path).get(name, {})
    if not isinstance(table, dict):
        raise setting_error(path, name, None, "must be a table")
    return table
