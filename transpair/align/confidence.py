"""A bead's confidence in [0, 1], from its DP margin and its match score, and the Bead it makes (fuzzy below
FUZZY_THRESHOLD), then settled by its place: a pair held in place by sure pairs is not in doubt.
docs/align.md says how the constants are calibrated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from transpair.align.features import WEIGHTS, Weights
from transpair.model import Bead, Cause

# Confidence below which a matched bead is marked 'fuzzy': one half, more likely wrong than right. The
# margin and match score at which a bead falls below it (Weights.confidence_mid, quality_mid) are the
# best F2 at flagging wrong beads on all dev sets together (bench/bench_align.py fits them and prints
# the table; docs/align.md says how).
FUZZY_THRESHOLD = 0.5


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


def held_in_place(beads: Sequence[Bead]) -> list[Bead]:
    """The beads with each run of fuzzy 1-1 pairs that stands between two sure pairs, or a sure pair and an
    end of the article, marked translated with the confidence of its weaker sure pair: the run's blocks have
    nowhere else to go, so a weak match there is a free translation ("Summary" / "정리"), not a doubtful
    pairing (on the dev sets 47 of 50 such pairs were right, against 82 of 106 other fuzzy pairs)."""
    out = list(beads)
    k = 0
    while k < len(out):
        end = k
        while end < len(out) and _doubtful_one_to_one(out[end]):
            end += 1
        if end == k:
            k += 1
            continue
        anchors = [out[n] for n in (k - 1, end) if 0 <= n < len(out)]
        if anchors and all(_sure_pair(b) for b in anchors):
            score = min(b.score for b in anchors)
            out[k:end] = [
                replace(b, score=score, status="translated", reason="", cause=Cause.NONE) for b in out[k:end]
            ]
        k = end
    return out


def _doubtful_one_to_one(bead: Bead) -> bool:
    """True for a 1-1 bead fuzzy for its low confidence."""
    return bead.cause == Cause.LOW_CONFIDENCE and len(bead.source) == len(bead.target) == 1


def _sure_pair(bead: Bead) -> bool:
    """True for a bead pairing both sides and marked translated."""
    return bool(bead.source and bead.target) and bead.status == "translated"
