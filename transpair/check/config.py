"""The `[check]` table of the nearest .transpair.toml: each check's level or `off`, the expected speech
level, whether Hanja glosses are allowed, and the fingerprints of reviewed findings to keep quiet.

    [check]
    number = "info"            # a check's level: error, warning, info, or off
    speech-level = "off"
    expected-speech-level = "합니다체"   # report every other level, not only a page's minority
    hanja-glosses = false      # report Hanja in parentheses too
    ignore = ["spacing:1a2b3c4d5e"]    # `check:hash` of reviewed findings (shown by --format json)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from transpair.check.findings import LEVELS
from transpair.check.korean import FORMAL, PLAIN, POLITE
from transpair.errors import InputError
from transpair.read.placeholder_patterns import find_config

# every check with its default level; the names are the interface (config keys, output, SARIF rule ids)
DEFAULT_LEVELS = {
    "glossary": "warning",
    "consistency": "warning",
    "code": "error",
    "link": "error",
    "number": "warning",
    "tag": "error",
    "anchor": "error",
    "placeholder": "error",
    "english-left": "warning",
    "cjk-stray": "error",
    "particle-form": "warning",
    "spacing": "warning",
    "speech-level": "warning",
}
OFF = "off"


@dataclass(frozen=True)
class CheckSettings:
    """What the checks do on a site."""

    levels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LEVELS))  # check -> level or off
    speech_level: str | None = None  # 합니다체, 해요체 or 한다체: the level every page must keep
    hanja_glosses: bool = True
    ignore: frozenset[str] = frozenset()  # fingerprints of findings a reviewer accepted

    def active(self, check: str) -> bool:
        """Whether a check runs."""
        return self.levels[check] != OFF


def load_settings(folder: str | Path) -> CheckSettings:
    """The settings of the nearest .transpair.toml above a folder (defaults when there is none)."""
    config = find_config(folder)
    return read_settings(config) if config else CheckSettings()


def read_settings(config: Path) -> CheckSettings:
    """CheckSettings from a config file's [check] table; InputError naming the file for a bad value."""
    try:
        table = tomllib.loads(config.read_text(encoding="utf-8-sig")).get("check", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:  # nested too deep
        raise InputError(f"{config}: cannot read the settings ({exc})") from None
    if not isinstance(table, dict):
        raise InputError(f"{config}: [check] must be a table")
    levels = dict(DEFAULT_LEVELS)
    for key, value in table.items():
        if key in DEFAULT_LEVELS:
            if value not in (*LEVELS, OFF):
                raise InputError(f"{config}: [check] {key} must be one of {', '.join((*LEVELS, OFF))}")
            levels[key] = value
        elif key not in ("expected-speech-level", "hanja-glosses", "ignore"):
            raise InputError(
                f"{config}: [check] unknown setting {key!r} (checks: {', '.join(DEFAULT_LEVELS)})"
            )
    speech = table.get("expected-speech-level")
    if speech is not None and speech not in (FORMAL, POLITE, PLAIN):
        raise InputError(f"{config}: [check] expected-speech-level must be {FORMAL}, {POLITE} or {PLAIN}")
    hanja = table.get("hanja-glosses", True)
    ignore = table.get("ignore", [])
    if not isinstance(hanja, bool):
        raise InputError(f"{config}: [check] hanja-glosses must be true or false")
    if not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
        raise InputError(f"{config}: [check] ignore must be a list of strings")
    return CheckSettings(levels, speech, hanja, frozenset(ignore))
