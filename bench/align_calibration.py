"""Calibration of the aligner's confidence on gold sets for bench_align.py (see align.FUZZY_THRESHOLD).

Every bead of the best path is labelled right (equal to a gold bead) or wrong. The max-likelihood logistic
slope over DP margins gives Weights.confidence_scale; a logistic regression of the match score of gold beads
against wrong pairings (each gold bead's best-scoring same-shape rival in another document) gives
Weights.quality_slope. A bead is fuzzy when its confidence falls below one half; the DP margin and the match
score where each logistic is one half (Weights.confidence_mid, quality_mid) are the pair on a grid with the
best F2 at flagging wrong beads (recall counted twice). Fits take the sets together; leave_one_out fits on
all sets but one and reports on that one, to show the fit does not depend on the data it saw.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from transpair.align import confidence, evaluate, features, search
from transpair.align.embed import Similarity
from transpair.read.reader import read_document


@dataclass(frozen=True)
class Labelled:
    """A bead of the best path (margin, match score) and whether it equals a gold bead."""

    evidence: confidence.Evidence
    right: bool

    @property
    def matched(self) -> bool:
        """Whether the bead pairs both sides."""
        return bool(self.evidence.source and self.evidence.target)


@dataclass(frozen=True)
class SetSamples:
    """What one gold set gives the calibration: labelled beads, match-score samples, unrelated-pair beads."""

    labelled: tuple[Labelled, ...]
    samples: tuple[tuple[float, bool], ...]
    unrelated: tuple[confidence.Evidence, ...] = ()


@dataclass(frozen=True)
class Fit:
    """Fitted confidence constants."""

    scale: float
    margin_mid: float
    slope: float
    quality_mid: float

    @property
    def weights(self) -> features.Weights:
        """The aligner's weights with these confidence constants."""
        return replace(
            features.WEIGHTS,
            confidence_scale=self.scale,
            confidence_mid=self.margin_mid,
            quality_slope=self.slope,
            quality_mid=self.quality_mid,
        )


MARGIN_MIDS = [k / 4 for k in range(25)]  # the grids the two midpoints are chosen from: 0..6, -6..3
QUALITY_MIDS = [k / 4 for k in range(-24, 13)]


def labelled_beads(folder: Path, similarity: Similarity) -> list[Labelled]:
    """Every bead of each document's best path labelled against the gold (align view)."""
    out = []
    for doc in evaluate.load_gold(folder):
        path = search.best_path(
            read_document(doc.source).blocks, read_document(doc.target).blocks, similarity
        )
        gold = set(doc.beads)
        out += [Labelled(e, (e.source, e.target) in gold) for e in path]
    return out


def match_samples(folder: Path, similarity: Similarity, seed: int = 0) -> list[tuple[float, bool]]:
    """(match score, true pair?) for every gold bead pairing both sides (shapes the aligner has) and, for
    each, its best-scoring pairing of the same shape with another document's target blocks (a false pair)."""
    docs = evaluate.load_gold(folder)
    rng = random.Random(seed)
    out = []
    for doc in docs:
        en, ko = read_document(doc.source).blocks, read_document(doc.target).blocks
        other = read_document(rng.choice([d for d in docs if d is not doc]).target).blocks
        pair = features.features(en, ko, similarity, features.WEIGHTS)
        foreign = features.features(en, other, similarity, features.WEIGHTS)
        for src, tgt in (b for b in doc.beads if (len(b[0]), len(b[1])) in search.SHAPES and b[0] and b[1]):
            a, b = len(src), len(tgt)
            out.append((float(features.match_scores(pair, src[0], a, np.array([tgt[0]]), b)[0]), True))
            if len(other) >= b:
                rivals = features.match_scores(foreign, src[0], a, np.arange(len(other) - b + 1), b)
                out.append((float(rivals.max()), False))
    return out


def fit_quality(samples: Iterable[tuple[float, bool]]) -> float:
    """The slope of the logistic regression of true pair on match score (Newton's method)."""
    samples = list(samples)
    x = np.array([s for s, _ in samples])
    y = np.array([t for _, t in samples], dtype=float)
    design = np.stack([np.ones_like(x), x], axis=1)
    beta = np.zeros(2)
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ beta))
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + 1e-9 * np.eye(2)
        beta += np.linalg.solve(hessian, design.T @ (y - p))
    return float(beta[1])


def fit_scale(labelled: Iterable[Labelled]) -> float:
    """The logistic slope over DP margins that best explains right/wrong (max likelihood, grid 0.25..10)."""
    labelled = list(labelled)
    margins = np.array([x.evidence.margin for x in labelled])
    right = np.array([x.right for x in labelled])
    return max(
        (float(np.sum(np.where(right, -np.logaddexp(0, -s * margins), -np.logaddexp(0, s * margins)))), s)
        for s in np.arange(0.25, 10.01, 0.25)
    )[1]


def flag_row(beads: list[Labelled], found: Fit) -> tuple[int, int, float, float, float]:
    """(flagged, wrong caught, P, R, F2) of marking fuzzy the matched beads below FUZZY_THRESHOLD."""
    right = np.array([x.right for x in beads])
    margins, matches = np.array([[x.evidence.margin, x.evidence.match] for x in beads]).T
    flagged = confidence.pair_confidence(margins, matches, found.weights) < confidence.FUZZY_THRESHOLD
    caught = int((flagged & ~right).sum())
    p = caught / flagged.sum() if flagged.any() else 0.0
    r = caught / (~right).sum() if (~right).any() else 0.0
    return int(flagged.sum()), caught, p, r, 5 * p * r / (4 * p + r) if p + r else 0.0


def fit(sets: Iterable[SetSamples]) -> tuple[Fit, list]:
    """The confidence constants fitted on the sets together, and the table they were chosen from: per margin
    midpoint, the best quality midpoint and its (flagged, caught, P, R, F2). Beads of alignments of two
    different documents count as wrong too; on a tie the fit flagging fewer beads."""
    sets = list(sets)
    slope = fit_quality(s for one in sets for s in one.samples)
    scale = fit_scale(x for one in sets for x in one.labelled)
    beads = [x for one in sets for x in one.labelled if x.matched] + [
        Labelled(e, False) for one in sets for e in one.unrelated if e.source and e.target
    ]
    rows = []
    for margin_mid in MARGIN_MIDS:
        tried = [(f, flag_row(beads, f)) for f in (Fit(scale, margin_mid, slope, q) for q in QUALITY_MIDS)]
        rows.append(max(tried, key=_better))
    return max(rows, key=_better)[0], rows


def _better(row: tuple[Fit, tuple[int, int, float, float, float]]) -> tuple[float, int]:
    """The order of fits: best F2 first, then fewer beads flagged."""
    return row[1][4], -row[1][0]


@dataclass(frozen=True)
class Statuses:
    """How a fit's statuses fare on one set's matched beads."""

    translated: int
    translated_right: int
    fuzzy: int
    fuzzy_right: int

    @property
    def right_share(self) -> float:
        """Share of beads marked translated that equal a gold bead."""
        return self.translated_right / self.translated if self.translated else 0.0

    @property
    def wrong(self) -> int:
        """Matched beads that equal no gold bead, translated or fuzzy."""
        return self.translated - self.translated_right + self.fuzzy - self.fuzzy_right

    @property
    def wrong_fuzzy_share(self) -> float:
        """Share of the wrong beads marked fuzzy (nan when there is none)."""
        return (self.fuzzy - self.fuzzy_right) / self.wrong if self.wrong else float("nan")

    @property
    def flag_f1(self) -> float:
        """F1 of 'fuzzy' as a detector of wrong beads."""
        caught = self.fuzzy - self.fuzzy_right
        p, r = (caught / self.fuzzy if self.fuzzy else 0.0), (caught / self.wrong if self.wrong else 0.0)
        return 2 * p * r / (p + r) if p + r else 0.0


def statuses(labelled: Iterable[Labelled], found: Fit) -> Statuses:
    """Translated (confidence at or above the threshold) and fuzzy matched beads, and how many are right."""
    marks = [
        (confidence.confidence(x.evidence, found.weights) >= confidence.FUZZY_THRESHOLD, x.right)
        for x in labelled
        if x.matched
    ]
    return Statuses(
        sum(t for t, _ in marks),
        sum(t and r for t, r in marks),
        sum(not t for t, _ in marks),
        sum(not t and r for t, r in marks),
    )


def leave_one_out(sets: dict[str, SetSamples]) -> list[tuple[str, Fit, Statuses]]:
    """For each set: the fit on all the other sets and its statuses on the held-out set (none for a single
    set: there is nothing to fit on without it)."""
    if len(sets) < 2:
        return []
    out = []
    for name, held in sets.items():
        found, _ = fit(s for other, s in sets.items() if other != name)
        out.append((name, found, statuses(held.labelled, found)))
    return out
