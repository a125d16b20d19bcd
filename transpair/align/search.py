"""Content-based alignment of two block lists: banded dynamic programming over beads.

A bead pairs 0-3 source blocks with 0-3 target blocks (SHAPES); its score (match_scores) weighs the
embeddings' cosine, the token lengths, anchors that survive translation, closing punctuation and block
kinds. The search runs on the pair coarsened by two first and then in a band around that path, so time
and memory grow linearly. docs/align.md explains the model, the search and the calibration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import NamedTuple

import numpy as np

from transpair import parallel
from transpair.align.confidence import Evidence
from transpair.align.embed import Similarity, default_similarity
from transpair.align.features import (
    ANCHOR_COSINE,
    MAX_SPAN,
    WEIGHTS,
    Pair,
    Weights,
    coarsen,
    features,
    kept_copy,
    match_scores,
)
from transpair.align.members import path_beads, settled_by_cuts
from transpair.model import Alignment, Bead, Block
from transpair.read import segment
from transpair.settle import placeholders

SHAPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1))
_BAND = 8  # half-width in blocks of the band around the coarse path; doubles while the path touches an edge
_FULL_TABLE = 64 * 64  # pairs up to this many cells are searched without a band
_BAND_CELLS = 32  # the band doubles up to this many cells per block (real pages: ~10, it never doubles)
CELLS = 4096  # DP cells scored at once: both sides' anchor rows for each, a few MB
# Inside a paragraph bead both sides translate each other, so a sentence left alone there is rare (7 of the
# 413 beads of data/gold/sentences-ko; merges 38%): it costs more than a paragraph left alone. Fitted on that
# gold (strict F1 flat from 11 to 13), checked leave-one-domain-out by bench/bench_sentences.py.
SENTENCE_WEIGHTS = replace(WEIGHTS, skip=12.0)


class Step(NamedTuple):
    """One bead of a DP path: source blocks i..i+a-1 with target blocks j..j+b-1, and its DP margin (0 until
    with_margins sets it)."""

    i: int
    a: int
    j: int
    b: int
    margin: float


def with_kept_originals(pair: Pair, path: list[Step]) -> list[Step]:
    """The path with each run of n translations left unpaired (0-1) followed by n 1-1 beads whose targets are
    their sources kept as is, joined into one n-2n bead: a Korean page showing n translated paragraphs then
    their English originals (the 1-2 shape scores the one-paragraph case in the search itself)."""
    out: list[Step] = []
    k = 0
    while k < len(path):
        n = _kept_run(pair, path, k)
        if not n:
            out.append(path[k])
            k += 1
            continue
        run = path[k : k + 2 * n]
        out.append(Step(run[n].i, n, run[0].j, 2 * n, min(step.margin for step in run)))
        k += 2 * n
    return out


def with_paired_gaps(path: list[Step], target: Sequence[Block]) -> list[Step]:
    """The path with each lone source block and lone target block standing between two pairs (or an end of
    the pair) joined into a 1-1 bead: at one place in both versions they are a free translation the
    embeddings missed (a short heading, a reworded lead-in), left to the confidence to flag. A target block
    holding a translator's note is text the translation added and stays alone."""
    out: list[Step] = []
    k = 0
    while k < len(path):
        first = path[k]  # the pair starts where the first of the two beads does, in either order
        if _lone_pair(path, k) and not placeholders.has_translator_note(target[first.j].norm):
            out.append(Step(first.i, 1, first.j, 1, min(first.margin, path[k + 1].margin)))
            k += 2
            continue
        out.append(path[k])
        k += 1
    return out


def _lone_pair(path: list[Step], k: int) -> bool:
    """True when path[k] and path[k+1] are a 1-0 and a 0-1 bead (either order) between pairs or ends."""
    if k + 1 >= len(path) or {(s.a, s.b) for s in path[k : k + 2]} != {(1, 0), (0, 1)}:
        return False
    return all(not 0 <= n < len(path) or (path[n].a and path[n].b) for n in (k - 1, k + 2))


def _kept_run(pair: Pair, path: list[Step], k: int) -> int:
    """n >= 2 when path[k:k+n] are 0-1 beads translating the sources of path[k+n:k+2n], 1-1 beads of kept
    copies (translation cosine above ANCHOR_COSINE), else 0."""
    n = 0
    while k + n < len(path) and (path[k + n].a, path[k + n].b) == (0, 1):
        n += 1
    copies = path[k + n : k + 2 * n]
    if n < 2 or len(copies) < n or any((c.a, c.b) != (1, 1) for c in copies):
        return 0
    src, tgt = pair.src.vectors[0], pair.tgt.vectors[0]
    for lone, copy in zip(path[k : k + n], copies):
        if not kept_copy(pair, copy.i, np.array([copy.j]))[0] or tgt[lone.j] @ src[copy.i] < ANCHOR_COSINE:
            return 0
    return n


def bead_match(pair: Pair, step: Step) -> float | None:
    """A bead's match score (None for a skip); a bead of kept originals scores as its weakest translation."""
    i, a, j, b = step.i, step.a, step.j, step.b
    if not a or not b:
        return None
    if b > MAX_SPAN:  # only kept originals (n-2n) go beyond the shapes
        return min(float(match_scores(pair, i + k, 1, np.array([j + k]), 1)[0]) for k in range(a))
    return float(match_scores(pair, i, a, np.array([j]), b)[0])


def _full_band(n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Every cell: the band of a pair small enough for the whole DP table."""
    return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64)


def _band_around(path: list[Step], n: int, m: int, half: int) -> tuple[np.ndarray, np.ndarray]:
    """The band of an n x m table around a path found on the table coarsened by two, half cells each way."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for step in path:
        r0, r1 = min(2 * step.i, n), min(2 * (step.i + step.a), n)
        lo[r0 : r1 + 1] = np.minimum(lo[r0 : r1 + 1], min(2 * step.j, m) - half)
        hi[r0 : r1 + 1] = np.maximum(hi[r0 : r1 + 1], min(2 * (step.j + step.b), m) + half)
    lo, hi = np.clip(lo, 0, m), np.clip(hi, 0, m)
    lo[0], hi[n] = 0, m
    return lo, hi


@dataclass(frozen=True)
class Row:
    """One DP row inside the band: best total per cell, the shape that reached it, and the scores of the
    beads ending in the row, per shape: (first column reached, scores), for the backward pass."""

    total: np.ndarray
    shape: np.ndarray
    beads: dict[int, tuple[int, np.ndarray]]


@dataclass(frozen=True)
class Table:
    """One DP run inside a band: its rows, the band, the best path and whether the path touched an edge."""

    rows: list[Row]
    lo: np.ndarray
    hi: np.ndarray
    path: list[Step]
    touched: bool


def bead_scores(pair: Pair, lo: np.ndarray, hi: np.ndarray) -> list[dict[int, tuple[int, np.ndarray]]]:
    """Per DP row, the scores of the beads of each shape ending in it inside the band: (first column, scores).
    The cells of a shape over all rows are scored together, CELLS at a time, not in a small call per row."""
    rows: list[dict[int, tuple[int, np.ndarray]]] = [{} for _ in lo]
    with parallel.one_blas_thread():  # the band's products are small
        for k, (a, b) in enumerate(SHAPES):
            if a == 0:
                continue
            ends = np.arange(a, len(lo))  # rows where a bead of a source blocks ends
            # both rows' bands are intervals, so the columns a bead can join them by are one too
            first = np.maximum(lo[ends], lo[ends - a] + b)
            counts = np.maximum(np.minimum(hi[ends], hi[ends - a] + b) - first + 1, 0)
            starts = np.repeat(first - b, counts)
            j0 = starts + np.arange(len(starts)) - np.repeat(np.cumsum(counts) - counts, counts)
            i0 = np.repeat(ends - a, counts)
            if b:
                cells = range(0, len(j0), CELLS)
                parts = [match_scores(pair, i0[c : c + CELLS], a, j0[c : c + CELLS], b) for c in cells]
                scores = np.concatenate([np.zeros(0), *parts])
            else:
                scores = np.full(len(j0), -pair.weights.skip)
            for i, f, part in zip(ends, first, np.split(scores, np.cumsum(counts)[:-1])):
                if len(part):
                    rows[i][k] = (int(f), part)
    return rows


def _row(
    i: int,
    lo: np.ndarray,
    hi: np.ndarray,
    rows: list[Row],
    beads: dict[int, tuple[int, np.ndarray]],
    skip: float,
) -> Row:
    """Best scores and chosen shapes for DP row i, from the earlier rows (banded) and its bead scores."""
    cols = np.arange(lo[i], hi[i] + 1)
    best = np.full(len(cols), -np.inf)
    shape = np.full(len(cols), -1, dtype=np.int8)
    for k, (first, gain) in beads.items():
        a, b = SHAPES[k]
        start, width = first - b - lo[i - a], len(gain)
        cand = np.full(len(cols), -np.inf)
        cand[first - lo[i] : first - lo[i] + width] = rows[i - a].total[start : start + width] + gain
        better = cand > best
        best[better], shape[better] = cand[better], k
    if i == 0:
        best[0], shape[0] = 0.0, -1
    # 0-1 beads chain along the row: D[j] = max(best[j], D[j-1] - skip), a running maximum.
    offset = skip * np.arange(len(cols))
    total = np.maximum.accumulate(best + offset) - offset
    left = np.full(len(cols), -np.inf)
    left[1:] = total[:-1] - skip
    shape[left > best] = SHAPES.index((0, 1))
    return Row(total, shape, beads)


def _search(pair: Pair, lo: np.ndarray, hi: np.ndarray) -> Table:
    """Run the DP inside the band: its rows, the best path (margins still 0), whether it touched the edge."""
    n, m = pair.src.size, pair.tgt.size
    rows: list[Row] = []
    for i, beads in enumerate(bead_scores(pair, lo, hi)):
        rows.append(_row(i, lo, hi, rows, beads, pair.weights.skip))
    path, touched = [], False
    i, j = n, m
    while i > 0 or j > 0:
        touched |= (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m)
        a, b = SHAPES[rows[i].shape[j - lo[i]]]
        i, j = i - a, j - b
        path.append(Step(i, a, j, b, 0.0))
    return Table(rows, lo, hi, path[::-1], touched)


def _solve(pair: Pair) -> Table:
    """Best bead path: the whole table when small, else a band around the path of the pair coarsened by two.

    Each level costs time and memory linear in the blocks (band of fixed width), each coarser level half the
    size, so the total stays linear; the band doubles while the path touches its edge (to _BAND_CELLS)."""
    n, m = pair.src.size, pair.tgt.size
    if n * m <= _FULL_TABLE or min(n, m) <= 2:
        return _search(pair, *_full_band(n, m))
    guide = _solve(Pair(coarsen(pair.src), coarsen(pair.tgt), pair.ratio, pair.weights)).path
    half, table = _BAND, _search(pair, *_band_around(guide, n, m, _BAND))
    while table.touched and half < max(n, m):
        half *= 2
        lo, hi = _band_around(guide, n, m, half)
        if int(np.sum(hi - lo + 1)) > _BAND_CELLS * (n + m):  # long unrelated pages cost no whole table
            break
        table = _search(pair, lo, hi)
    return table


def _backward(table: Table, skip: float) -> list[np.ndarray]:
    """The DP run backwards over the band: per row, the best total from each cell to the end of both
    sides, from the bead scores the forward run kept."""
    rows, lo, hi = table.rows, table.lo, table.hi
    n = len(rows) - 1
    after: list[np.ndarray] = [np.zeros(0)] * (n + 1)
    for i in range(n, -1, -1):
        best = np.full(hi[i] - lo[i] + 1, -np.inf)
        if i == n:
            best[-1] = 0.0  # the band's last row ends at the last target block
        for k, (a, b) in enumerate(SHAPES):
            if a and i + a <= n and k in rows[i + a].beads:
                first, scores = rows[i + a].beads[k]
                start, end = first - b - lo[i], first - lo[i + a]
                width = len(scores)
                best[start : start + width] = np.maximum(
                    best[start : start + width], scores + after[i + a][end : end + width]
                )
        # 0-1 beads chain along the row backwards: D[j] = max(best[j], D[j+1] - skip).
        offset = skip * np.arange(len(best))
        after[i] = (np.maximum.accumulate(best[::-1] + offset) - offset)[::-1]
    return after


def with_margins(table: Table, skip: float) -> list[Step]:
    """The best path with each bead's margin: the path's total minus the best total of any path in the band
    that does not take this bead (its min-marginal). Such a path covers the bead's first block (source if
    it has one) by another bead, so the best total through any other bead covering that block, from the
    forward totals, the bead's score and the backward totals, gives the margin exactly."""
    rows, lo, hi, path = table.rows, table.lo, table.hi, table.path
    n, m = len(rows) - 1, int(hi[-1])
    after = _backward(table, skip)
    taken: dict[tuple[int, int], list[int]] = {}  # (row, shape) -> columns where the path's beads end
    for s in path:
        taken.setdefault((s.i + s.a, SHAPES.index((s.a, s.b))), []).append(s.j + s.b)
    src_alt, tgt_alt = np.full(n, -np.inf), np.full(m, -np.inf)
    lone = SHAPES.index((0, 1))
    for i, row in enumerate(rows):
        for k, (first, scores) in row.beads.items():
            a, b = SHAPES[k]
            start, end, width = first - b - lo[i - a], first - lo[i], len(scores)
            through = rows[i - a].total[start : start + width] + scores + after[i][end : end + width]
            _drop_taken(through, first, i, k, taken)
            src_alt[i - a : i] = np.maximum(src_alt[i - a : i], through.max())
            for d in range(first - b, first):
                tgt_alt[d : d + width] = np.maximum(tgt_alt[d : d + width], through)
        through = row.total[:-1] - skip + after[i][1:]  # 0-1 beads of target blocks lo[i]..hi[i]-1
        _drop_taken(through, lo[i] + 1, i, lone, taken)
        tgt_alt[lo[i] : hi[i]] = np.maximum(tgt_alt[lo[i] : hi[i]], through)
    best = float(rows[n].total[-1])
    return [s._replace(margin=max(best - float(src_alt[s.i] if s.a else tgt_alt[s.j]), 0.0)) for s in path]


def _drop_taken(
    through: np.ndarray, first: int, i: int, k: int, taken: dict[tuple[int, int], list[int]]
) -> None:
    """Set to -inf the totals of the path's own beads among beads of shape k ending in row i at columns
    first, first+1, ... (a path avoiding a bead cannot take it)."""
    for c in taken.get((i, k), ()):
        if first <= c < first + len(through):
            through[c - first] = -np.inf


def best_path(
    source: Sequence[Block],
    target: Sequence[Block],
    similarity: Similarity | None = None,
    weights: Weights = WEIGHTS,
) -> list[Evidence]:
    """The best bead path over two non-empty block lists, with each bead's margin and match score."""
    pair = features(source, target, similarity or default_similarity(), weights)
    path = with_margins(_solve(pair), weights.skip)
    return [
        Evidence(
            tuple(range(step.i, step.i + step.a)),
            tuple(range(step.j, step.j + step.b)),
            step.margin,
            bead_match(pair, step),
        )
        for step in with_paired_gaps(with_kept_originals(pair, path), target)
    ]


def align_blocks(
    source: Sequence[Block],
    target: Sequence[Block],
    similarity: Similarity | None = None,
    weights: Weights = WEIGHTS,
) -> list[Bead]:
    """Align two block lists into beads covering every block of both sides once, in order."""
    if not source or not target:
        return [Bead((i,), (), 1.0, "source-only") for i in range(len(source))] + [
            Bead((), (j,), 1.0, "target-only") for j in range(len(target))
        ]
    return path_beads(best_path(source, target, similarity, weights), source, target, similarity, weights)


def refine_sentences(
    alignment: Alignment,
    similarity: Similarity | None = None,
    split: tuple[Sequence[Sequence[Block]], Sequence[Sequence[Block]]] | None = None,
) -> Alignment:
    """The alignment at sentence level: each aligned bead's blocks split into sentences and those aligned
    (the documents hold the sentences as blocks, in document order). `split` gives each block's sentences
    on both sides (a sentence gold's own cut) instead of the segmenter's."""
    source, target = alignment.source.blocks, alignment.target.blocks
    src_split, tgt_split = split or (
        [segment.sentences(b, alignment.source_lang) for b in source],
        [segment.sentences(b, alignment.target_lang) for b in target],
    )
    src_first, tgt_first = _firsts(src_split), _firsts(tgt_split)
    out: list[Bead] = []
    for bead in alignment.beads:
        src = [(src_first[i] + k, s) for i in bead.source for k, s in enumerate(src_split[i])]
        tgt = [(tgt_first[j] + k, s) for j in bead.target for k, s in enumerate(tgt_split[j])]
        out += [
            replace(b, source=tuple(src[i][0] for i in b.source), target=tuple(tgt[j][0] for j in b.target))
            for b in _sentence_beads(bead, [s for _, s in src], [s for _, s in tgt], similarity)
        ]
    return replace(
        alignment,
        source=replace(alignment.source, blocks=tuple(s for part in src_split for s in part)),
        target=replace(alignment.target, blocks=tuple(s for part in tgt_split for s in part)),
        beads=tuple(out),
    )


def _firsts(split: Sequence[Sequence[Block]]) -> list[int]:
    """The index of each block's first sentence among all the sentences of its document."""
    return list(accumulate((len(part) for part in split), initial=0))[:-1]


def _sentence_beads(
    bead: Bead, src: list[Block], tgt: list[Block], similarity: Similarity | None
) -> list[Bead]:
    """Beads over the sentences of one block bead (0-based inside it); one sentence each keeps it as is."""
    if len(src) == len(tgt) == 1:
        return [replace(bead, source=(0,), target=(0,))]
    return settled_by_cuts(align_blocks(src, tgt, similarity, SENTENCE_WEIGHTS), src, tgt, similarity)
