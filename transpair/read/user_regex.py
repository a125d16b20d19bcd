"""Regular expressions the user writes (marker patterns, `[read] skip_lines`, `[files]` globs): each match
gets MATCH_TIMEOUT seconds, so a catastrophic pattern (`^(a|a)+$`) is one error line, never a hang."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from transpair.errors import InputError

MATCH_TIMEOUT = 1.0  # seconds for one match; a sane pattern takes microseconds on a line or a paragraph


class PatternTimeout(InputError):
    """A user pattern that took over MATCH_TIMEOUT on one text (the text kept, so a caller can say where)."""

    def __init__(self, what: str, pattern: str, text: str):
        shown = text if len(text) <= 40 else text[:40] + "…"
        super().__init__(
            f"{what} {pattern!r} took over {MATCH_TIMEOUT:g} s on {shown!r} (catastrophic "
            "backtracking); simplify it"
        )
        self.text = text


@dataclass(frozen=True)
class UserPattern:
    """A compiled user pattern whose matches are bounded in time."""

    compiled: regex.Pattern
    what: str = "pattern"  # what the user calls it, for messages

    def search(self, text: str) -> regex.Match | None:
        """compiled.search, PatternTimeout past MATCH_TIMEOUT."""
        try:
            return self.compiled.search(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.what, self.compiled.pattern, text) from None

    def fullmatch(self, text: str) -> regex.Match | None:
        """compiled.fullmatch, PatternTimeout past MATCH_TIMEOUT."""
        try:
            return self.compiled.fullmatch(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.what, self.compiled.pattern, text) from None


def compile_user(pattern: str, flags: int = 0, what: str = "pattern") -> UserPattern:
    """A user's pattern compiled; InputError naming it (as `what`) when it is not a valid regex."""
    try:
        return UserPattern(regex.compile(pattern, flags), what)
    except (regex.error, RecursionError, OverflowError) as exc:
        raise InputError(f"{what} {pattern!r} is not a valid regular expression ({exc})") from None
