"""Which fences hold prose: an info word that names no programming language, and a body that reads as text
(VitePress's ```` ```smart header="…" ```` callouts are prose, a ```` ```mermaid ```` diagram is not)."""

from __future__ import annotations

from functools import lru_cache

import regex
from pygments.lexers import get_all_lexers

PROSE_LINE_SHARE = 0.75  # a fence with an unknown info string is prose when this share of its lines is
FENCE = regex.compile(r"(?P<lead>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*?)[ \t]*$")
_CODE_SPAN = regex.compile(r"`+[^`]*`+")
_LINK_TARGET = regex.compile(r"\]\([^)]*\)")
_CODE_CHARS = regex.compile(r"[{}<>;=$\\]|\(\)|=>|::")
_WORDS = regex.compile(r"\p{L}+(?:[ \t,]+\p{L}+){2,}")
_SENTENCE_END = regex.compile(r"[.!?…。]['\"’”)\]*_]*[ \t]*$")


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """Every Pygments lexer alias and file extension, lower case (read from its table, nothing imported)."""
    names: set[str] = set()
    for _name, aliases, patterns, _mimetypes in get_all_lexers(plugins=False):
        names.update(alias.lower() for alias in aliases)
        names.update(p[2:].lower() for p in patterns if p.startswith("*.") and "*" not in p[2:])
    return frozenset(names)


def is_language(word: str) -> bool:
    """Whether a fence info word names a programming or data language or a file type (Pygments has a lexer
    by that name or for that file extension, as `txt`)."""
    return word.lower() in _language_names()


def _prose_line(line: str) -> bool:
    """A line of running text: three words in a row and no code punctuation outside code spans."""
    plain = _LINK_TARGET.sub("]", _CODE_SPAN.sub("", line))
    return bool(_WORDS.search(plain)) and not _CODE_CHARS.search(plain)


def is_prose(lines: list[str]) -> bool:
    """Whether a fence body reads as text: outside the code fences it holds, most non-blank lines are
    prose lines, and one of them ends a sentence (diagram and log lines rarely do)."""
    filled, fence = [], None
    for line in lines:
        found = FENCE.match(line)
        if found:
            fence = None if fence and not found.group("info") else fence or found.group("fence")
        elif fence is None and line.strip():
            filled.append(line)
    prose = [line for line in filled if _prose_line(line)]
    return len(prose) >= PROSE_LINE_SHARE * len(filled) > 0 and any(_SENTENCE_END.search(p) for p in prose)
