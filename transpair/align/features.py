"""The features of two block lists and the score of a bead (match_scores): the embeddings' cosine, the
token lengths, anchors that survive translation, closing punctuation and block kinds, weighed by one set of
Weights for every document. docs/align.md explains the model.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from transpair.align import anchors
from transpair.align.embed import Similarity, normalize_rows
from transpair.model import Block

KINDS = (
    "paragraph",
    "heading",
    "list",
    "quote",
    "table",
)  # block kinds compared across sides; others count as paragraph
MAX_SPAN = 3


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


def coarsen(side: Side) -> Side:
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
    cosine = cell_dots(src.vectors[a - 1], i0, tgt.vectors[b - 1], j0)
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
    src_short, src_best = _parts(src, i0, a, tgt.vectors[b - 1], j0, w.part_base)
    tgt_short, tgt_best = _parts(tgt, j0, b, src.vectors[a - 1], i0, w.part_base)
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
    copies = kept_copy(pair, i0, np.stack([j0, j0 + 1]))
    one = copies[0] != copies[1]
    if not one.any():
        return score
    both = match_scores(pair, i0[one], 1, j0[one], 1) + match_scores(pair, i0[one], 1, j0[one] + 1, 1)
    out = score.copy()
    out[one] = both
    return out


def kept_copy(pair: Pair, i: int | np.ndarray, j: np.ndarray) -> np.ndarray:
    """True where target block j is source block i kept as is (i one block, or one per last axis of j): same
    script mix, nearly the same vector (the cosine only where the scripts agree, mostly none: a translation
    is in another script)."""
    i = np.broadcast_to(i, j.shape)
    kept = np.abs(pair.tgt.latin[j] - pair.src.latin[i]) <= KEPT_SCRIPT_GAP
    cosine = np.einsum("kd,kd->k", pair.tgt.vectors[0][j[kept]], pair.src.vectors[0][i[kept]])
    kept[kept] = cosine >= KEPT_COSINE
    return kept


def _parts(
    side: Side, start: np.ndarray, count: int, others: np.ndarray, other: np.ndarray, base: float
) -> tuple[np.ndarray, np.ndarray]:
    """For spans of count blocks from each start: the largest shortfall below base of one block's cosine with
    the other side's span others[other] (scaled by its length share), and the best such cosine (-inf for
    one block)."""
    if count == 1:
        return np.zeros(len(start)), np.full(len(start), -np.inf)
    cosines = np.stack([cell_dots(side.vectors[0], start + k, others, other) for k in range(count)], axis=1)
    blocks = start[:, None] + np.arange(count)
    lengths = side.tokens[blocks + 1] - side.tokens[blocks]
    share = np.sqrt(lengths / np.maximum(lengths.sum(axis=1, keepdims=True), 1e-9))
    return (np.maximum(base - cosines, 0.0) * share).max(axis=1), cosines.max(axis=1)


def cell_dots(left: np.ndarray, rows: np.ndarray, right: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """left[rows[k]] . right[cols[k]] for each k, from one matrix product over the rectangle the cells span
    (the cells of a band: rows and columns near each other), split while the rectangle is over 4 times the
    cells: a product costs far less than copying two vectors out per cell."""
    if not len(rows):
        return np.zeros(0)
    r0, r1, c0, c1 = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    if len(rows) > 1 and (r1 - r0) * (c1 - c0) > 4 * len(rows):
        half = len(rows) // 2
        return np.concatenate(
            [
                cell_dots(left, rows[:half], right, cols[:half]),
                cell_dots(left, rows[half:], right, cols[half:]),
            ]
        )
    product = left[r0:r1].astype(np.float64) @ right[c0:c1].T.astype(np.float64)  # the same sum however
    return product[rows - r0, cols - c0]  # the cells are grouped (float32 rounds by the product's shape)
