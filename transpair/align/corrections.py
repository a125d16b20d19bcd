"""A reviewer's corrections (corrections.json, exported by the `transpair review` page): read them, drop the
stale ones, and align the rest of the pair around them as fixed beads.

Format (docs/review.md): {"format": "transpair-corrections", "version": 1, "source": NAME, "target": NAME,
"beads": [{"source": [i, ...], "target": [j, ...], "hash": H}, ...]}: 0-based block indices, and H the
text_hash of the bead's texts, so a correction made on other texts is recognised as stale and ignored.
Fixed beads that pair both sides cut both block lists; the gaps between them are aligned by the usual
aligner (without the blocks of one-sided fixed beads, which are put back in document order).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from transpair.align import search
from transpair.align.embed import Similarity
from transpair.errors import InputError, existing_file, read_input
from transpair.model import REVIEWED, Alignment, Bead, Block, Cause, Document

FORMAT = "transpair-corrections"
VERSION = 1
_FNV_OFFSET, _FNV_PRIME, _MASK = 0xCBF29CE484222325, 0x100000001B3, (1 << 64) - 1

GapAligner = Callable[[Sequence[Block], Sequence[Block]], list[Bead]]


@dataclass(frozen=True)
class Fixed:
    """One corrected bead: its source and target block indices and the hash of their texts."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    hash: str


def text_hash(text: str) -> str:
    """FNV-1a 64-bit of the text's UTF-8, as 16 hex digits (the review page computes the same in JS)."""
    value = _FNV_OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * _FNV_PRIME) & _MASK
    return f"{value:016x}"


def bead_hash(source: Sequence[Block], target: Sequence[Block]) -> str:
    """The hash of a bead's texts: source blocks, then target blocks, each side joined by a blank line."""
    return text_hash("\n\n".join(b.text for b in source) + "\x00" + "\n\n".join(b.text for b in target))


def fixed_of(bead: Bead, source: Document, target: Document) -> Fixed:
    """A bead of these documents as a correction (the review page builds the same in JS)."""
    src = [source.blocks[i] for i in bead.source]
    tgt = [target.blocks[j] for j in bead.target]
    return Fixed(bead.source, bead.target, bead_hash(src, tgt))


def corrections_json(fixed: Sequence[Fixed], source: Document, target: Document) -> dict:
    """The documented corrections.json for these fixed beads."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "source": source.path,
        "target": target.path,
        "beads": [{"source": list(f.source), "target": list(f.target), "hash": f.hash} for f in fixed],
    }


def _indices(value: object) -> tuple[int, ...]:
    """A JSON list of block indices, ascending and contiguous, or ValueError."""
    if not isinstance(value, list) or not all(type(i) is int and i >= 0 for i in value):
        raise ValueError("block indices must be a list of non-negative integers")
    if value and value != list(range(value[0], value[0] + len(value))):
        raise ValueError(f"block indices {value} are not consecutive")
    return tuple(value)


@dataclass(frozen=True)
class Corrections:
    """A corrections file read once: its path (for messages), its bytes (they key the cached alignment) and
    its fixed beads."""

    path: Path
    data: bytes
    fixed: tuple[Fixed, ...]


def read(path: str | Path) -> Corrections:
    """Read a corrections.json; InputError (one line) for anything that is not one."""
    path = existing_file(path, "corrections file")
    data = read_input(path)
    try:
        value = json.loads(data.decode("utf-8"))
        if not isinstance(value, dict) or value.get("format") != FORMAT:
            raise ValueError(f'"format" is not "{FORMAT}"')
        fixed = tuple(
            Fixed(_indices(b["source"]), _indices(b["target"]), str(b["hash"])) for b in value["beads"]
        )
    except (ValueError, KeyError, TypeError, IndexError, RecursionError) as exc:
        raise InputError(f"{path}: not a corrections file ({exc})") from None
    if any(not f.source and not f.target for f in fixed):
        raise InputError(f"{path}: not a corrections file (a bead with no blocks)")
    return Corrections(path, data, fixed)


def current(fixed: Sequence[Fixed], source: Document, target: Document) -> tuple[list[Fixed], int]:
    """The corrections whose blocks exist and whose texts still hash the same, and how many are stale."""
    kept = [
        f
        for f in fixed
        if all(i < len(source.blocks) for i in f.source)
        and all(j < len(target.blocks) for j in f.target)
        and fixed_of(Bead(f.source, f.target, 1.0), source, target).hash == f.hash
    ]
    return kept, len(fixed) - len(kept)


def stale_warning(path: str | Path, stale: int, total: int) -> str:
    """The one warning line about corrections made on texts that have changed since."""
    return f"{path}: {stale} of {total} corrections are stale (the texts changed since the review); ignored"


def _check_disjoint(fixed: Sequence[Fixed]) -> None:
    """InputError when two corrections claim the same block."""
    for side, name in ((0, "source"), (1, "target")):
        seen: set[int] = set()
        for f in fixed:
            ids = (f.source, f.target)[side]
            if seen & set(ids):
                raise InputError(f"corrections overlap at {name} block {min(seen & set(ids))}")
            seen.update(ids)


def _contiguous(bead: Bead) -> list[Bead]:
    """The bead, or its blocks one by one when a fixed block sits inside it (it no longer holds together)."""
    if all(ids == tuple(range(ids[0], ids[0] + len(ids))) for ids in (bead.source, bead.target) if ids):
        return [bead]
    singles = [Bead((i,), (), bead.score, "source-only") for i in bead.source]
    return singles + [Bead((), (j,), bead.score, "target-only") for j in bead.target]


def _gap(
    source: Sequence[Block], target: Sequence[Block], src: list[int], tgt: list[int], align_gap: GapAligner
) -> list[Bead]:
    """Align the free blocks src (source indices) and tgt (target indices) and map the beads back."""
    if not src and not tgt:
        return []
    local = align_gap([source[i] for i in src], [target[j] for j in tgt])
    mapped = [
        replace(b, source=tuple(src[k] for k in b.source), target=tuple(tgt[k] for k in b.target))
        for b in local
    ]
    return [piece for b in mapped for piece in _contiguous(b)]


def _insert(beads: list[Bead], extra: Sequence[Bead], side: int) -> list[Bead]:
    """Put one-sided beads in document order on their side: before the first bead that starts after them."""
    out = list(beads)
    for bead in sorted(extra, key=lambda b: (b.source, b.target)[side]):
        first = (bead.source, bead.target)[side][0]
        at = next((k for k, b in enumerate(out) if (b.source, b.target)[side][:1] > (first,)), len(out))
        out.insert(at, bead)
    return out


def fixed_bead(f: Fixed) -> Bead:
    """The Bead of a correction: sure, and translated, source-only or target-only by its shape."""
    status = "translated" if f.source and f.target else ("source-only" if f.source else "target-only")
    return Bead(f.source, f.target, 1.0, status)


def align_around(
    source: Sequence[Block], target: Sequence[Block], fixed: Sequence[Fixed], align_gap: GapAligner
) -> list[Bead]:
    """Beads covering both block lists once, in order: the fixed ones as given, the gaps between the
    two-sided ones aligned by align_gap; InputError when corrections overlap or cross."""
    _check_disjoint(fixed)
    taken = ({i for f in fixed for i in f.source}, {j for f in fixed for j in f.target})
    paired = sorted((f for f in fixed if f.source and f.target), key=lambda f: f.source[0])
    beads: list[Bead] = []
    s = t = 0
    for f in [*paired, None]:
        s_end, t_end = (f.source[0], f.target[0]) if f else (len(source), len(target))
        if s_end < s or t_end < t:
            raise InputError(f"corrections cross: source {list(f.source)} and target {list(f.target)}")
        free_src = [i for i in range(s, s_end) if i not in taken[0]]
        free_tgt = [j for j in range(t, t_end) if j not in taken[1]]
        beads += _gap(source, target, free_src, free_tgt, align_gap)
        if f:
            beads.append(fixed_bead(f))
            s, t = f.source[-1] + 1, f.target[-1] + 1
    beads = _insert(beads, [fixed_bead(f) for f in fixed if not f.target], 0)
    return _insert(beads, [fixed_bead(f) for f in fixed if not f.source], 1)


@dataclass(frozen=True)
class Realigned:
    """A pair aligned around a reviewer's corrections: its beads, the corrections still current, and a
    warning when some were stale."""

    beads: tuple[Bead, ...]
    fixed: tuple[Fixed, ...]
    warnings: tuple[str, ...] = ()


def apply(fixes: Corrections, source: Document, target: Document, similarity: Similarity) -> Realigned:
    """The pair aligned around the corrections that still fit it."""
    fixed, stale = current(fixes.fixed, source, target)
    gap = partial(search.align_blocks, similarity=similarity)
    beads = align_around(source.blocks, target.blocks, fixed, gap)
    warnings = (stale_warning(fixes.path, stale, len(fixes.fixed)),) if stale else ()
    return Realigned(tuple(beads), tuple(fixed), warnings)


def mark_reviewed(alignment: Alignment, fixed: Sequence[Fixed]) -> Alignment:
    """Mark the classified beads that came from corrections: reviewed, sure (score 1), never fuzzy for low
    confidence, and 'reviewed' in their reason (the PO's #. note); what classify found in their text stays."""
    keys = {(f.source, f.target) for f in fixed}

    def mark(bead: Bead) -> Bead:
        if (bead.source, bead.target) not in keys:
            return bead
        if bead.cause == Cause.LOW_CONFIDENCE:
            bead = replace(bead, status="translated", reason="", cause=Cause.NONE)
        reason = f"{bead.reason}; {REVIEWED}" if bead.reason else REVIEWED
        return replace(bead, score=1.0, reason=reason, reviewed=True)

    return replace(alignment, beads=tuple(mark(b) for b in alignment.beads))


def _carried_gap(gap: Sequence[Bead], carried: Sequence[Bead]) -> list[Bead]:
    """The beads between two corrections as history carried them, when history's beads cover exactly the
    same blocks there; else the gap's own beads, each taking history's status where it pairs the same
    blocks."""
    src = {i for b in gap for i in b.source}
    tgt = {j for b in gap for j in b.target}
    inside = [b for b in carried if set(b.source) <= src and set(b.target) <= tgt and (b.source or b.target)]
    if sum(len(b.source) for b in inside) == len(src) and sum(len(b.target) for b in inside) == len(tgt):
        return inside
    found = {(b.source, b.target): b for b in carried}
    return [found.get((b.source, b.target), b) for b in gap]


def keep_history(fixed: Alignment, carried: Alignment) -> Alignment:
    """The alignment around a reviewer's corrections with what git history found kept: between two
    corrections, the beads history carried over (outdated, new in source, moved) where they fit."""
    beads: list[Bead] = []
    gap: list[Bead] = []
    for bead in [*fixed.beads, None]:
        if bead is not None and not bead.reviewed:
            gap.append(bead)
            continue
        beads += _carried_gap(gap, carried.beads) if gap else []
        beads += [bead] if bead is not None else []
        gap = []
    return replace(
        fixed, beads=tuple(beads), origin=carried.origin, warnings=(*carried.warnings, *fixed.warnings)
    )
