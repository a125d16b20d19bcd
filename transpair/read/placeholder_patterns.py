"""Placeholder markers: what counts as one, and the user's own patterns (read with the settings).

A *marker block* is a block where a marker pattern matches and at most MARKER_SLACK words remain
outside the match, e.g. ``[TBD - to be translated later, sorry]``, ``TBD``, ``TODO: translate``,
``(to be translated)``, ``[translation in progress]``, ``번역 예정``, ``번역 중``, or a language-switch
note such as ``(The followings are written in Korean. Thanks!)``. The reader keeps such a line as text
(never a site macro); transpair.settle.placeholders finds the sections a marker governs.

User patterns are regular expressions (``regex`` module syntax, matched case-insensitively against
a block's text with its whitespace folded, so ``^…$`` spans the whole block). They add to the
defaults. Pass them as ``classify(alignment, markers=[...])``, or keep them in files:
``user_markers(near, markers_file)`` reads both of these (``load_markers(path)`` reads one):

- ``.transpair.toml`` (found by ``find_config(folder)`` in a folder or its parents), or any
  ``--markers FILE`` ending in ``.toml``::

      [markers]
      patterns = ['^\\[PENDING\\]$', '검토 전']

  (``patterns = [...]`` at the top level of the file is read the same way);

- any other ``--markers FILE``: plain text, one pattern per line; blank lines and lines starting
  with ``#`` are ignored.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path

import regex

from transpair.errors import InputError, read_input

MARKER_SLACK = 3  # words allowed beside a marker ("TODO: translate this section", "번역 예정입니다")
CONFIG_NAME = ".transpair.toml"

DEFAULT_MARKERS = (
    r"\[\s*(?:TBD|TODO|WIP)\b[^\]]*\]",
    r"\bTBD\b",
    r"\bTODO\s*:?\s*translat\w*",
    r"\(\s*(?:to\s+be|not\s+yet)\s+translated\b[^)]*\)",
    r"\bto\s+be\s+translated\b",
    r"\btranslation\s+(?:in\s+progress|pending|needed)\b",
    r"번역\s*(?:예정|중|필요)",
    r"미번역",
    r"\(?\s*(?:the\s+)?follow\w*\s+(?:is|are)\s+(?:written\s+)?(?:only\s+)?in\s+\p{L}+\b[^)\n]*\)?",
    r"\(?\s*(?:이하|다음|아래)\s*(?:내용|글|부분)?[은는]?\s*(?:영어|영문|한국어|한글)\s*(?:으로|로)?\s*(?:만\s*)?작성[^)\n]*\)?",
)

_WORD = regex.compile(r"\p{L}+")


def compile_markers(extra: Iterable[str] = ()) -> tuple[regex.Pattern, ...]:
    """The default marker patterns plus the user's, compiled; a bad user pattern is an InputError."""
    return _compiled(tuple(extra))


@cache
def _compiled(extra: tuple[str, ...]) -> tuple[regex.Pattern, ...]:
    """compile_markers, once per set of user patterns (every stage asks for them)."""
    compiled = []
    for pattern in (*DEFAULT_MARKERS, *extra):
        try:
            compiled.append(regex.compile(pattern, regex.IGNORECASE | regex.VERSION1))
        except regex.error as exc:
            raise InputError(
                f"marker pattern {pattern!r} is not a valid regular expression ({exc})"
            ) from None
    return tuple(compiled)


def load_markers(path: str | Path) -> tuple[str, ...]:
    """Marker patterns from a TOML file ([markers] patterns = [...], or patterns at the top level) or
    from a one-pattern-per-line file."""
    p = Path(path)
    try:
        raw = read_input(p, "marker file").decode("utf-8-sig")
    except InputError as exc:  # missing, a folder, a FIFO or device, too large
        raise InputError(f"cannot read the marker file: {exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: cannot read the marker file ({exc.__class__.__name__})") from None
    if p.suffix != ".toml":
        return tuple(s.strip() for s in raw.splitlines() if s.strip() and not s.lstrip().startswith("#"))
    try:
        data = tomllib.loads(raw)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:  # RecursionError: nested too deep
        raise InputError(f"{p}: not a valid TOML file ({exc})") from None
    section = data.get("markers", data)
    patterns = section.get("patterns", []) if isinstance(section, dict) else None
    if not isinstance(patterns, list) or not all(isinstance(s, str) for s in patterns):
        raise InputError(f"{p}: [markers] patterns must be a list of strings")
    return tuple(patterns)


def find_config(folder: str | Path) -> Path | None:
    """The nearest .transpair.toml in a folder or its parents, None if there is none."""
    start = Path(folder).resolve()
    for candidate in (start, *start.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate / CONFIG_NAME
    return None


def user_markers(near: str | Path, markers_file: str | Path | None = None) -> tuple[str, ...]:
    """The user's marker patterns: the .transpair.toml nearest to `near` (a file or folder), then
    those of `markers_file` (the --markers option); validated, so a bad pattern fails early."""
    start = Path(near)
    config = find_config(start if start.is_dir() else start.parent)
    patterns = (
        *(load_markers(config) if config else ()),
        *(load_markers(markers_file) if markers_file else ()),
    )
    compile_markers(patterns)
    return patterns


@lru_cache(maxsize=8192)
def marker_in(text: str, patterns: Sequence[regex.Pattern]) -> str | None:
    """The marker text when a block is a placeholder marker (little else beside it), else None."""
    flat = " ".join(text.split())
    for pattern in patterns:
        found = pattern.search(flat)
        if found and len(_WORD.findall(flat[: found.start()] + " " + flat[found.end() :])) <= MARKER_SLACK:
            return flat
    return None
