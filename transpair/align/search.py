"""Content-based alignment of two block lists: banded dynamic programming over beads.

A bead pairs 0-3 source blocks with 0-3 target blocks (SHAPES); its score (match_scores) weighs the
embeddings' cosine, the token lengths, anchors that survive translation, closing punctuation and block
kinds. The search runs on the pair coarsened by two first and then in a band around that path, so time
and memory grow linearly. docs/align.md explains the model, the search and the calibration.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np

from transpair.align import anchors
from transpair.align.embed import Similarity, default_similarity, normalize_rows
from transpair.model import Bead, Block, Cause, Document
from transpair.read import segment
from transpair.settle import placeholders

KINDS = (
    "paragraph",
    "heading",
    "list",
    "quote",
    "table",
)  # block kinds compared across sides; others count as paragraph
SHAPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1))
MAX_SPAN = 3

# Confidence below which a matched bead is marked 'fuzzy': one half, more likely wrong than right. The
# margin and match score at which a bead falls below it (Weights.confidence_mid, quality_mid) are the
# best F2 at flagging wrong beads on all dev sets together (bench/bench_align.py fits them and prints
# the table; docs/align.md says how).
FUZZY_THRESHOLD = 0.5


@dataclass(frozen=True)
class Weights:
    """The constants of the bead score; one set for every document and data set (docs/align.md)."""

    semantic: float = 12.0  # per unit of cosine
    semantic_base: float = 0.55  # cosine at which the semantic term is neutral
    # weight of the length log-likelihood: log(target tokens / expected) taken as Gaussian with variance
    # length_floor + length_per_token / tokens (wider than dev 1-1 pairs: sd 0.28 at 3 tokens, 0.10 at 100)
    length: float = 1.0
    length_floor: float = 0.0625
    length_per_token: float = 1.0
    length_cap: float = 2.0  # most a length mismatch can cost (English rewritten after the translation)
    length_smoothing: float = 4.0  # tokens added to both sides so empty blocks have a length
    anchor: float = 2.0  # per unit of anchor agreement (Dice in [-1, 1] scaled by mass)
    anchor_mass: float = 6.0  # idf mass at which anchor evidence counts half
    ending: float = 0.7  # closing punctuation of the spans agrees (+) or differs (-)
    # per span end whose block kinds differ, e.g. heading vs paragraph (plain-text kinds are guessed, so mild)
    kind: float = 1.0
    skip: float = 2.2  # a block with no counterpart (1-0 or 0-1)
    merge: float = 1.2  # each extra block in a 2-1, 1-2, 2-2, 1-3, 3-1 bead
    # per unit of cosine by which a merged block falls short of part_base, times sqrt(its length share)
    part: float = 5.0
    part_base: float = 0.35  # cosine that each block of a merge should reach with the other side
    # per unit of cosine by which a merged span falls short of its best part's cosine plus gain_base
    gain: float = 30.0
    gain_base: float = 0.02
    pair_margin: float = 3.0  # how much a 2-2 bead must beat the two 1-1 beads it replaces
    confidence_scale: float = 1.75  # logistic slope turning a bead's DP margin into a confidence
    confidence_mid: float = 1.75  # DP margin at which that confidence is one half
    quality_slope: float = 1.6  # logistic slope turning a bead's match score into p(true pair)
    quality_mid: float = -2.0  # match score at which that probability is one half


WEIGHTS = Weights()
ANCHOR_COSINE = 0.5  # cosine above which mutually most similar blocks count as a translation pair
MUTUAL_WINDOW = 2048  # blocks per side compared all with all when looking for mutually best pairs
KEPT_COSINE = 0.9  # cosine above which a target block is the source block kept as is (not translated)
KEPT_SCRIPT_GAP = 0.1  # most the Latin share of letters may differ between a block and its kept copy
_BAND = 8  # half-width in blocks of the band around the coarse path; doubles while the path touches an edge
_FULL_TABLE = 64 * 64  # pairs up to this many cells are searched without a band
CELLS = 4096  # DP cells scored at once: both sides' vectors for each, at most a few tens of MB


class Step(NamedTuple):
    """One bead of a DP path: source blocks i..i+a-1 with target blocks j..j+b-1, and its DP margin (0 until
    with_margins sets it)."""

    i: int
    a: int
    j: int
    b: int
    margin: float


@dataclass(frozen=True)
class Side:
    """Per-side features: span vectors, token-count and anchor prefix sums, endings, block kinds."""

    vectors: tuple[np.ndarray, ...]  # vectors[k][i] = unit vector of blocks i..i+k
    tokens: np.ndarray  # prefix sums of token counts, len n+1
    anchors: np.ndarray  # prefix sums of hashed anchor vectors, shape (n+1, HASH_DIM)
    endings: np.ndarray  # closing punctuation class of each block
    kinds: np.ndarray  # index of each block's kind in KINDS
    latin: np.ndarray  # share of each block's letters that are Latin

    @property
    def size(self) -> int:
        """Number of blocks."""
        return len(self.endings)


_ENDINGS = {".": 1, "。": 1, ":": 2, "：": 2, "?": 3, "？": 3, "!": 4, "！": 4, ")": 5, "）": 5}


def _ending(text: str) -> int:
    """Closing punctuation class: 0 none, 1 period, 2 colon, 3 question, 4 exclamation, 5 bracket."""
    stripped = text.rstrip()
    return _ENDINGS.get(stripped[-1], 0) if stripped else 0


def _side(
    weighted: np.ndarray,
    tokens: np.ndarray,
    anchor_rows: np.ndarray,
    endings: np.ndarray,
    kinds: np.ndarray,
    latin: np.ndarray,
) -> Side:
    """One side's features from its blocks' length-weighted vectors (span vector = normalized sum)."""
    n = len(tokens)
    spans = tuple(
        normalize_rows(sum(weighted[s : n - k + 1 + s] for s in range(k))) if n >= k else weighted[:0]
        for k in range(1, MAX_SPAN + 1)
    )
    prefix_anchors = np.zeros((n + 1, anchors.HASH_DIM), dtype=np.float32)
    np.cumsum(anchor_rows, axis=0, out=prefix_anchors[1:])
    return Side(spans, np.concatenate([[0.0], np.cumsum(tokens)]), prefix_anchors, endings, kinds, latin)


def _block_side(
    blocks: Sequence[Block], vectors: np.ndarray, tokens: np.ndarray, anchor_rows: np.ndarray
) -> Side:
    """Features of a side at block level; a block's vector is weighted by the square root of its length."""
    endings = np.array([_ending(b.norm) for b in blocks], dtype=np.int8)
    kinds = np.array([KINDS.index(b.kind) if b.kind in KINDS else 0 for b in blocks], dtype=np.int8)
    latin = anchors.latin_shares([b.norm for b in blocks])
    return _side(vectors * np.sqrt(tokens)[:, None], tokens, anchor_rows, endings, kinds, latin)


def _coarsen(side: Side) -> Side:
    """The side with each two neighbouring blocks fused into one (a cheap guide for the band)."""
    n = side.size
    pairs_at = np.arange(0, n, 2)
    tokens = np.diff(side.tokens)
    lengths = np.add.reduceat(tokens, pairs_at)
    weighted = np.add.reduceat(side.vectors[0] * np.sqrt(tokens)[:, None], pairs_at, axis=0)
    anchor_rows = np.add.reduceat(np.diff(side.anchors, axis=0), pairs_at, axis=0)
    last = np.minimum(pairs_at + 1, n - 1)
    latin = np.maximum.reduceat(side.latin, pairs_at)
    return _side(weighted, lengths, anchor_rows, side.endings[last], side.kinds[last], latin)


@dataclass(frozen=True)
class Pair:
    """Both sides' features plus the expected target/source token ratio of this document pair."""

    src: Side
    tgt: Side
    ratio: float
    weights: Weights


def features(
    source: Sequence[Block], target: Sequence[Block], similarity: Similarity, weights: Weights
) -> Pair:
    """Embed each block once and compute lengths, anchors and the document's length ratio."""
    src_texts, tgt_texts = [b.norm for b in source], [b.norm for b in target]
    vectors = similarity.embed(src_texts + tgt_texts)
    src_tokens, tgt_tokens = anchors.token_counts(src_texts), anchors.token_counts(tgt_texts)
    src_anchors, tgt_anchors = anchors.anchor_vectors(src_texts, tgt_texts)
    ratio = anchored_ratio(vectors[: len(source)], vectors[len(source) :], src_tokens, tgt_tokens)
    return Pair(
        _block_side(source, vectors[: len(source)], src_tokens, src_anchors),
        _block_side(target, vectors[len(source) :], tgt_tokens, tgt_anchors),
        ratio,
        weights,
    )


def length_ratio(src_tokens: np.ndarray, tgt_tokens: np.ndarray) -> float:
    """Target/source token ratio of the pair: ratio of median block lengths (robust to added or dropped
    blocks), bounded."""
    if src_tokens.sum() <= 0 or tgt_tokens.sum() <= 0:
        return 1.0
    return float(np.clip(np.median(tgt_tokens) / np.median(src_tokens), 0.25, 4.0))


def mutual_best(
    src: np.ndarray, tgt: np.ndarray, floor: float, window: int = MUTUAL_WINDOW
) -> list[tuple[int, int]]:
    """Pairs (i, j) where target j is source i's most similar block and vice versa, above floor. A pair
    longer than `window` blocks is cut into as many proportional windows per side, compared window with
    window: time linear in the blocks, not quadratic (a shorter pair is compared whole)."""
    n, m = len(src), len(tgt)
    pieces = max(1, math.ceil(max(n, m) / window))
    found = []
    for k in range(pieces):
        s0, t0 = n * k // pieces, m * k // pieces
        window_pairs = _mutual_best(src[s0 : n * (k + 1) // pieces], tgt[t0 : m * (k + 1) // pieces], floor)
        found += [(s0 + i, t0 + j) for i, j in window_pairs]
    return found


def _mutual_best(src: np.ndarray, tgt: np.ndarray, floor: float, chunk: int = 256) -> list[tuple[int, int]]:
    """Pairs (i, j) where target j is source i's most similar block and vice versa, above floor."""
    if not len(src) or not len(tgt):
        return []
    row_best = np.zeros(len(src), dtype=np.int64)
    row_cos = np.zeros(len(src))
    col_best = np.zeros(len(tgt), dtype=np.int64)
    col_cos = np.full(len(tgt), -np.inf)
    for start in range(0, len(src), chunk):
        cosines = src[start : start + chunk] @ tgt.T
        row_best[start : start + chunk] = cosines.argmax(axis=1)
        row_cos[start : start + chunk] = cosines.max(axis=1)
        better = cosines.max(axis=0) > col_cos
        col_best[better] = start + cosines.argmax(axis=0)[better]
        col_cos[better] = cosines.max(axis=0)[better]
    return [(i, int(j)) for i, j in enumerate(row_best) if col_best[j] == i and row_cos[i] > floor]


def anchored_ratio(src: np.ndarray, tgt: np.ndarray, src_tokens: np.ndarray, tgt_tokens: np.ndarray) -> float:
    """Target/source token ratio: median over mutually most similar block pairs (surely translations of
    each other), else the ratio of median block lengths."""
    pairs = mutual_best(src, tgt, ANCHOR_COSINE)
    if len(pairs) < 3:
        return length_ratio(src_tokens, tgt_tokens)
    logs = [math.log((tgt_tokens[j] + 1) / (src_tokens[i] + 1)) for i, j in pairs]
    return float(np.clip(math.exp(float(np.median(logs))), 0.25, 4.0))


def match_scores(pair: Pair, i0: int | np.ndarray, a: int, j0: np.ndarray, b: int) -> np.ndarray:
    """Score of beads pairing source blocks i..i+a-1 with target blocks j..j+b-1 for each cell (i, j) of i0
    and j0 (i0 one block for all, or one per j)."""
    w, src, tgt = pair.weights, pair.src, pair.tgt
    i0 = np.broadcast_to(i0, np.shape(j0))
    src_vectors, tgt_vectors = src.vectors[a - 1][i0], tgt.vectors[b - 1][j0]
    cosine = np.einsum("kd,kd->k", tgt_vectors, src_vectors)
    src_len = src.tokens[i0 + a] - src.tokens[i0]
    tgt_len = tgt.tokens[j0 + b] - tgt.tokens[j0]
    expected = pair.ratio * (src_len + w.length_smoothing)
    log_ratio = np.log((tgt_len + w.length_smoothing) / expected)
    variance = w.length_floor + w.length_per_token * 2 / (expected + tgt_len + w.length_smoothing)
    src_anchor = src.anchors[i0 + a] - src.anchors[i0]
    tgt_anchor = tgt.anchors[j0 + b] - tgt.anchors[j0]
    common = np.minimum(tgt_anchor, src_anchor).sum(axis=1)
    mass = tgt_anchor.sum(axis=1) + src_anchor.sum(axis=1)
    dice = np.where(mass > 0, 4 * common / np.maximum(mass, 1e-9) - 1, 0.0)
    evidence = mass / (mass + w.anchor_mass)
    src_end = src.endings[i0 + a - 1]
    tgt_end = tgt.endings[j0 + b - 1]
    ending = np.where(src_end == tgt_end, 1.0, -1.0)
    kind_gap = (tgt.kinds[j0 + b - 1] != src.kinds[i0 + a - 1]).astype(float) + (
        tgt.kinds[j0] != src.kinds[i0]
    )
    semantic = w.semantic * (cosine - w.semantic_base)  # evidence against the bead counts per block it takes
    score = (
        np.where(semantic < 0, semantic * (a + b) / 2, semantic)
        - w.length * np.minimum(log_ratio**2 / (2 * variance), w.length_cap)
        + w.anchor * dice * evidence
        + w.ending * ending
        - w.kind * kind_gap
    )
    if a == b == 1:
        return score
    src_short, src_best = _parts(src, i0, a, tgt_vectors, w.part_base)
    tgt_short, tgt_best = _parts(tgt, j0, b, src_vectors, w.part_base)
    gain = cosine - np.maximum(src_best, tgt_best)  # a true merge resembles the other side more than any part
    score = (
        score
        - w.part * np.maximum(src_short, tgt_short)
        - w.gain * np.maximum(w.gain_base - gain, 0.0)
        - w.merge * (a + b - 2)
    )
    if a == b == 2:
        split = match_scores(pair, i0, 1, j0, 1) + match_scores(pair, i0 + 1, 1, j0 + 1, 1)
        score = np.where(score > split + w.pair_margin, score, -np.inf)
    if (a, b) == (1, 2):
        score = _with_kept_original(pair, i0, j0, score)
    return score


def _with_kept_original(pair: Pair, i0: np.ndarray, j0: np.ndarray, score: np.ndarray) -> np.ndarray:
    """1-2 beads where one target block is the source block kept as is beside its translation: scored as
    both 1-1 pairs, so the copy does not push the translation out of the bead."""
    copies = _kept_copy(pair, i0, np.stack([j0, j0 + 1]))
    one = copies[0] != copies[1]
    if not one.any():
        return score
    both = match_scores(pair, i0[one], 1, j0[one], 1) + match_scores(pair, i0[one], 1, j0[one] + 1, 1)
    out = score.copy()
    out[one] = both
    return out


def _kept_copy(pair: Pair, i: int | np.ndarray, j: np.ndarray) -> np.ndarray:
    """True where target block j is source block i kept as is (i one block, or one per last axis of j): same
    script mix, nearly the same vector (the cosine only where the scripts agree, mostly none: a translation
    is in another script)."""
    i = np.broadcast_to(i, j.shape)
    kept = np.abs(pair.tgt.latin[j] - pair.src.latin[i]) <= KEPT_SCRIPT_GAP
    cosine = np.einsum("kd,kd->k", pair.tgt.vectors[0][j[kept]], pair.src.vectors[0][i[kept]])
    kept[kept] = cosine >= KEPT_COSINE
    return kept


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
        if not _kept_copy(pair, copy.i, np.array([copy.j]))[0] or tgt[lone.j] @ src[copy.i] < ANCHOR_COSINE:
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


def _parts(
    side: Side, start: int | np.ndarray, count: int, others: np.ndarray, base: float
) -> tuple[np.ndarray, np.ndarray]:
    """For spans of count blocks: the largest shortfall below base of one block's cosine with the other
    side's span (scaled by its length share), and the best such cosine (-inf for one block)."""
    starts, others = np.atleast_1d(start), np.atleast_2d(others)
    if count == 1:
        size = max(len(starts), len(others))
        return np.zeros(size), np.full(size, -np.inf)
    blocks = starts[:, None] + np.arange(count)
    cosines = np.einsum(
        "kcd,kd->kc", side.vectors[0][blocks], np.broadcast_to(others, (len(blocks), others.shape[1]))
    )
    lengths = side.tokens[blocks + 1] - side.tokens[blocks]
    share = np.sqrt(lengths / np.maximum(lengths.sum(axis=1, keepdims=True), 1e-9))
    return (np.maximum(base - cosines, 0.0) * share).max(axis=1), cosines.max(axis=1)


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
            scores = np.concatenate(
                [np.zeros(0)]
                + [
                    match_scores(pair, i0[c : c + CELLS], a, j0[c : c + CELLS], b)
                    for c in range(0, len(j0), CELLS)
                ]
            )
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
    """Run the DP inside the band: its rows, the best path (margins still 0) and whether it touched the
    edge."""
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

    Each level costs time and memory linear in the blocks (band of fixed width), and each coarser level
    is half the size, so the total stays linear; the band doubles while the path touches its edge.
    """
    n, m = pair.src.size, pair.tgt.size
    if n * m <= _FULL_TABLE or min(n, m) <= 2:
        return _search(pair, *_full_band(n, m))
    guide = _solve(Pair(_coarsen(pair.src), _coarsen(pair.tgt), pair.ratio, pair.weights)).path
    half = _BAND
    while True:
        table = _search(pair, *_band_around(guide, n, m, half))
        if not table.touched or half >= max(n, m):
            return table
        half *= 2


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


def _logistic(x: float | np.ndarray) -> float | np.ndarray:
    """1 / (1 + e^-x) of a number or an array, clipped so it never overflows."""
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50.0, 50.0)))


@dataclass(frozen=True)
class Evidence:
    """One bead of the best path: its blocks, its DP margin (how much better the best path is than any path
    without this bead) and its match score (None for a skip)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    margin: float
    match: float | None = None


def confidence(evidence: Evidence, weights: Weights = WEIGHTS) -> float:
    """A bead's confidence in [0, 1]: p(best reading) from its DP margin times p(true pair) from its match
    score."""
    if evidence.match is None:
        return float(_logistic(weights.confidence_scale * (evidence.margin - weights.confidence_mid)))
    return float(pair_confidence(evidence.margin, evidence.match, weights))


def pair_confidence(
    margin: float | np.ndarray, match: float | np.ndarray, weights: Weights = WEIGHTS
) -> float | np.ndarray:
    """The confidence of beads pairing both sides from their DP margins and match scores (numbers or arrays,
    so the calibration can score many beads at once)."""
    sure = _logistic(weights.confidence_scale * (margin - weights.confidence_mid))
    return sure * _logistic(weights.quality_slope * (match - weights.quality_mid))


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
    return [bead_of(e, weights) for e in best_path(source, target, similarity, weights)]


def bead_of(evidence: Evidence, weights: Weights = WEIGHTS) -> Bead:
    """The Bead for one step of the path, with its confidence and status."""
    source, target, score = evidence.source, evidence.target, confidence(evidence, weights)
    if not target:
        return Bead(source, target, score, "source-only")
    if not source:
        return Bead(source, target, score, "target-only")
    if score < FUZZY_THRESHOLD:
        return Bead(source, target, score, "fuzzy", "low alignment confidence", Cause.LOW_CONFIDENCE)
    return Bead(source, target, score, "translated")


def refine_sentences(
    source_doc: Document,
    target_doc: Document,
    beads: Sequence[Bead],
    src_lang: str,
    tgt_lang: str,
    similarity: Similarity | None = None,
) -> tuple[Document, Document, list[Bead]]:
    """Split each aligned bead's blocks into sentences and align those; return sentence-level documents and
    beads."""
    src_sents: list[Block] = []
    tgt_sents: list[Block] = []
    out: list[Bead] = []
    for bead in beads:
        src = [s for i in bead.source for s in segment.sentences(source_doc.blocks[i], src_lang)]
        tgt = [s for j in bead.target for s in segment.sentences(target_doc.blocks[j], tgt_lang)]
        out += [
            replace(
                b,
                source=tuple(len(src_sents) + i for i in b.source),
                target=tuple(len(tgt_sents) + j for j in b.target),
            )
            for b in _sentence_beads(bead, src, tgt, similarity)
        ]
        src_sents += src
        tgt_sents += tgt
    return replace(source_doc, blocks=tuple(src_sents)), replace(target_doc, blocks=tuple(tgt_sents)), out


def _sentence_beads(
    bead: Bead, src: list[Block], tgt: list[Block], similarity: Similarity | None
) -> list[Bead]:
    """Beads over the sentences of one block bead (0-based inside it); one sentence each keeps the bead as
    is."""
    if len(src) == len(tgt) == 1:
        return [replace(bead, source=(0,), target=(0,))]
    return align_blocks(src, tgt, similarity)
