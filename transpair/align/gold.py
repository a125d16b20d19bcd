"""Gold files for `transpair eval` checked before use: JSON of the documented shape, ids that are
non-negative integers, every block of both files in exactly one bead, a sentence gold's paragraphs runs of
consecutive sentences covering each side (one line naming the problem)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from transpair.errors import InputError, read_input

Ids = tuple[tuple[int, ...], tuple[int, ...]]  # a bead: sorted source ids, sorted target ids
Groups = tuple[tuple[int, ...], ...]  # a sentence gold's paragraphs: the sentence ids of each, in order


def _index(value: object, path: Path, where: str) -> int:
    """A block index: a non-negative int (not a bool, a float or a string)."""
    if type(value) is not int or value < 0:
        raise InputError(f"{path}: {where}: {value!r} is not a block index (a non-negative integer)")
    return value


def _side(value: object, path: Path, where: str) -> tuple[int, ...]:
    """One side of a bead: a list of block indices."""
    if not isinstance(value, list):
        raise InputError(f"{path}: {where}: expected a list of block indices, got {type(value).__name__}")
    return tuple(sorted(_index(v, path, where) for v in value))


def _bead(value: object, path: Path, number: int) -> Ids:
    """A bead: [[source indices], [target indices]]."""
    if not isinstance(value, list) or len(value) != 2:
        raise InputError(f"{path}: bead {number}: expected [[source ids], [target ids]]")
    return _side(value[0], path, f"bead {number}"), _side(value[1], path, f"bead {number}")


def _covered_once(ids: list[int], path: Path, side: str) -> None:
    """The ids of one side are 0..n-1, each exactly once."""
    if sorted(ids) != list(range(len(ids))):
        seen = set()
        odd = next((i for i in sorted(ids) if i in seen or seen.add(i)), None)
        gap = min(set(range(len(ids) + 1)) - set(ids))
        problem = f"block {odd} is in two beads" if odd is not None else f"block {gap} is in no bead"
        raise InputError(f"{path}: {side} {problem} (every block must be in exactly one bead)")


def _paragraphs(value: object, path: Path, side: str) -> Groups:
    """One side's paragraphs: lists of sentence ids that, read in order, are 0, 1, 2... (each paragraph a
    run of consecutive sentences, every sentence in one)."""
    if not isinstance(value, list) or not all(isinstance(g, list) and g for g in value):
        raise InputError(f"{path}: {side} paragraphs: expected a list of non-empty lists of sentence ids")
    groups = tuple(tuple(_index(i, path, f"{side} paragraphs") for i in g) for g in value)
    if [i for g in groups for i in g] != list(range(sum(map(len, groups)))):
        raise InputError(f"{path}: {side} paragraphs must hold sentences 0, 1, 2... in order")
    return groups


def parse_gold(path: Path) -> tuple[tuple[Ids, ...], frozenset[int], tuple[Groups, Groups] | None]:
    """The beads, untranslated source ids and (a sentence gold only) paragraphs of both sides of a
    NAME.gold.json, checked; InputError on one line."""
    try:
        data = json.loads(read_input(path, "gold file").decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise InputError(f"{path}: not a gold file ({reason})") from None
    if not isinstance(data, dict) or not isinstance(data.get("beads"), list):
        raise InputError(f'{path}: not a gold file (expected an object with a "beads" list)')
    beads = tuple(_bead(b, path, n) for n, b in enumerate(data["beads"], 1))
    for side, pick in (("source", 0), ("target", 1)):
        _covered_once([i for b in beads for i in b[pick]], path, side)
    untranslated = _side(data.get("untranslated_en", []), path, "untranslated_en")
    sources = {i for b in beads for i in b[0]}
    if not set(untranslated) <= sources:
        raise InputError(f"{path}: untranslated_en names blocks that are in no bead")
    if "paragraphs" not in data:
        return beads, frozenset(untranslated), None
    both = data["paragraphs"]
    if not isinstance(both, list) or len(both) != 2:
        raise InputError(f"{path}: paragraphs: expected [[source paragraphs], [target paragraphs]]")
    groups = _paragraphs(both[0], path, "source"), _paragraphs(both[1], path, "target")
    for side, pick in (("source", 0), ("target", 1)):
        if sum(map(len, groups[pick])) != sum(len(b[pick]) for b in beads):
            raise InputError(f"{path}: the {side} paragraphs do not hold the sentences of the beads")
    return beads, frozenset(untranslated), groups


def check_counts(path: Path, beads: Sequence[Ids], blocks: tuple[int, int]) -> None:
    """The gold beads cover exactly the blocks the two files have (the files may have changed)."""
    for side, pick, count in (("source", 0, blocks[0]), ("target", 1, blocks[1])):
        used = sum(len(b[pick]) for b in beads)
        if used != count:
            raise InputError(f"{path}: {used} {side} blocks in the beads, but the file has {count} blocks")
