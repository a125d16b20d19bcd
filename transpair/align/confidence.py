"""A bead's confidence in [0, 1], from its DP margin and its match score, and the Bead it makes (fuzzy below
FUZZY_THRESHOLD). docs/align.md says how the constants are calibrated.
"""

from __future__ import annotations

from dataclasses import dataclass

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
