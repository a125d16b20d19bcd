"""Code blocks (and image lines) as PO entries: the source's and the translation's paired in order, and a pair
whose text differs (translated comments and strings, alt text) offered to translators as a `#, no-wrap`
entry.

Code blocks are paired apart from the prose (their words are not prose to embed): a monotone alignment
that maximises their likeness (the share of lines they share, or their character similarity), then blocks
left between two pairs in equal numbers on both sides are paired in order, as the translation keeps them.
Which code blocks become entries (`--code`, or `code` in the `[po]` table of .transpair.toml):
- changed (default): those whose translated version differs; identical code has nothing to translate;
- all: every source code block (unpaired ones untranslated), for teams that translate code examples;
- none: no code in the PO (apply keeps the source's code).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import polib

from transpair.errors import InputError
from transpair.model import Block
from transpair.po.notes import Note, format_note
from transpair.read.placeholder_patterns import find_config

CODE_MODES = ("changed", "all", "none")
MIN_LIKENESS = 0.5  # below this, two code blocks are not one block and its translation
NOTES = {
    "code": "code block: keep the code as it is, translate only its comments and strings",
    "image": "image line: translate only its alt text (and title)",
}


def _lines(block: Block) -> Counter[str]:
    """The block's non-blank lines without their indentation."""
    return Counter(line.strip() for line in block.text.split("\n") if line.strip())


def likeness(
    a: Block, b: Block, lines_a: Counter[str] | None = None, lines_b: Counter[str] | None = None
) -> float:
    """How alike two code blocks are, 0..1: the larger of the share of lines they share (a translation
    changes a few comment or string lines) and their character similarity (short blocks)."""
    from rapidfuzz import fuzz  # here, not at the top: apply and pot, which never pair code, stay light

    lines_a, lines_b = lines_a or _lines(a), lines_b or _lines(b)
    total = sum(lines_a.values()) + sum(lines_b.values())
    shared = 2 * sum((lines_a & lines_b).values()) / total if total else 0.0
    return max(shared, fuzz.ratio(a.text, b.text) / 100)


def pair_code(source: Sequence[Block], target: Sequence[Block]) -> list[tuple[int, int, float]]:
    """(source index, target index, likeness) of the code blocks that are one block and its translation,
    in order."""
    lines_s, lines_t = [_lines(b) for b in source], [_lines(b) for b in target]
    n, m = len(source), len(target)
    like = [[likeness(source[i], target[j], lines_s[i], lines_t[j]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            paired = best[i - 1][j - 1] + like[i - 1][j - 1] if like[i - 1][j - 1] >= MIN_LIKENESS else -1.0
            best[i][j] = max(best[i - 1][j], best[i][j - 1], paired)
    pairs: list[tuple[int, int, float]] = []
    i, j = n, m
    while i and j:
        if like[i - 1][j - 1] >= MIN_LIKENESS and best[i][j] == best[i - 1][j - 1] + like[i - 1][j - 1]:
            pairs.append((i - 1, j - 1, like[i - 1][j - 1]))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return _fill_gaps(pairs[::-1], n, m, like)


def _fill_gaps(
    pairs: list[tuple[int, int, float]], n: int, m: int, like: list[list[float]]
) -> list[tuple[int, int, float]]:
    """The pairs, plus the blocks between two pairs (or an end) paired in order where both sides hold as
    many."""
    out: list[tuple[int, int, float]] = []
    prev = (-1, -1)
    for pair in [*pairs, (n, m, 0.0)]:
        gap_s, gap_t = range(prev[0] + 1, pair[0]), range(prev[1] + 1, pair[1])
        if len(gap_s) == len(gap_t):
            out += [(i, j, like[i][j]) for i, j in zip(gap_s, gap_t)]
        out += [pair] if pair[0] < n else []
        prev = pair[:2]
    return out


def code_entries(
    source: Sequence[Block], target: Sequence[Block], name: str, mode: str = "changed"
) -> tuple[list[polib.POEntry], set[int]]:
    """The `#, no-wrap` entries of the source's code blocks (by `mode`), each with its source block's
    start offset as `linenum` until the catalog orders them, and the target code blocks paired."""
    if mode == "none":
        return [], set()
    pairs = {i: (j, score) for i, j, score in pair_code(source, target)}
    entries = []
    for i, block in enumerate(source):
        j, score = pairs.get(i, (None, 0.0))
        msgstr = target[j].text if j is not None else ""
        if mode == "changed" and (j is None or msgstr == block.text):
            continue
        status = "translated" if msgstr else "source-only"
        note = Note("1-1" if j is not None else "1-0", block.kind, score, status)
        entry = polib.POEntry(
            msgid=block.text,
            msgstr=msgstr,
            comment=f"{format_note(note)}\n{NOTES.get(block.kind, NOTES['code'])}",
            occurrences=[(name, str(block.line))],
            flags=["no-wrap"],
        )
        entry.linenum = block.start
        entries.append(entry)
    return entries, {j for j, _ in pairs.values()}


def _configured(config: Path) -> str:
    """The `code` setting of a .transpair.toml's [po] table ('changed' when absent)."""
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:  # nested too deep
        raise InputError(f"{config}: cannot read the settings ({exc})") from None
    table = data.get("po", {})
    mode = table.get("code", "changed") if isinstance(table, dict) else None
    if mode not in CODE_MODES:
        raise InputError(f"{config}: [po] code must be one of {', '.join(CODE_MODES)}")
    return mode


def code_mode(path: str | Path, given: str | None = None) -> str:
    """Which code blocks become entries: the one given (--code), else the nearest .transpair.toml's."""
    if given is not None:
        return given
    config = find_config(Path(path).parent)
    return _configured(config) if config else "changed"
