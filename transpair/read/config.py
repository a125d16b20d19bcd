"""The `[read]` table of the nearest .transpair.toml: a site's prose fences, lines with no text, components
whose children are code (`code_components`, replacing the defaults), attributes and front matter keys
to translate."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from transpair.errors import InputError
from transpair.read.dialects import ReadOptions
from transpair.read.user_regex import compile_user
from transpair.settings import config_table, find_config, setting_error, version


def _strings(table: dict, key: str, config: Path, default: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A list-of-strings setting of the [read] table, `default` when absent."""
    value = table.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise setting_error(config, "read", key, "must be a list of strings")
    return tuple(value)


@lru_cache(maxsize=256)
def _load(config: Path, version: tuple[int, int, int]) -> ReadOptions:
    """ReadOptions from one version of a config file, its skip_lines validated as regexes."""
    table = config_table(config, "read")
    skip_lines = _strings(table, "skip_lines", config)
    for pattern in skip_lines:
        try:
            compile_user(pattern)
        except InputError as exc:
            raise setting_error(config, "read", "skip_lines", f"{exc}") from None
    return ReadOptions(
        _strings(table, "prose_fences", config),
        skip_lines,
        _strings(table, "code_components", config, ReadOptions.code_components),
        _strings(table, "attributes", config, ReadOptions.attributes),
        front_matter=_strings(table, "front_matter", config, ReadOptions.front_matter),
    )


def read_options(path: str | Path) -> ReadOptions:
    """The reading settings that apply to a file: the nearest .transpair.toml's [read] table (built once
    per version of that file)."""
    config = find_config(Path(path).parent)
    return _load(config, version(config)) if config else ReadOptions()
