"""The `[read]` table of the nearest .transpair.toml: a site's prose fences, lines with no text, components
whose children are code (`code_components`, replacing the defaults), attributes and front matter keys
to translate."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

import regex

from transpair.errors import InputError
from transpair.read.dialects import ReadOptions
from transpair.read.placeholder_patterns import find_config


def _strings(table: dict, key: str, config: Path, default: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A list-of-strings setting of the [read] table, `default` when absent."""
    value = table.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise InputError(f"{config}: [read] {key} must be a list of strings")
    return tuple(value)


def settings_table(config: Path, name: str) -> dict:
    """One table of a .transpair.toml ({} when absent); InputError for a file that is no TOML or a
    setting that is no table."""
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:  # nested too deep
        raise InputError(f"{config}: cannot read the settings ({exc})") from None
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise InputError(f"{config}: [{name}] must be a table")
    return table


@lru_cache(maxsize=256)
def _load(config: Path) -> ReadOptions:
    """ReadOptions from one config file, its skip_lines validated as regexes."""
    table = settings_table(config, "read")
    skip_lines = _strings(table, "skip_lines", config)
    for pattern in skip_lines:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise InputError(f"{config}: [read] skip_lines: bad regex {pattern!r} ({exc})") from None
    return ReadOptions(
        _strings(table, "prose_fences", config),
        skip_lines,
        _strings(table, "code_components", config, ReadOptions.code_components),
        _strings(table, "attributes", config, ReadOptions.attributes),
        front_matter=_strings(table, "front_matter", config, ReadOptions.front_matter),
    )


@lru_cache(maxsize=1024)
def _folder_options(folder: Path) -> ReadOptions:
    """The reading settings of every file in a folder (looked up once per folder)."""
    config = find_config(folder)
    return _load(config) if config else ReadOptions()


def read_options(path: str | Path) -> ReadOptions:
    """The reading settings that apply to a file: the nearest .transpair.toml's [read] table."""
    return _folder_options(Path(path).parent)
