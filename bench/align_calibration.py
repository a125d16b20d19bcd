"""Calibration of the aligner's confidence on gold sets for bench_align.py (see align.FUZZY_THRESHOLD).

Every bead of the best path is labelled right (equal to a gold bead) or wrong. The max-likelihood logistic
slope over DP margins gives Weights.confidence_scale; a logistic regression of the match score of gold beads
against wrong pairings (each gold bead's best-scoring same-shape rival in another document) gives
Weights.quality_slope and quality_mid; the threshold on the resulting confidence with the best F2 at flagging
wrong beads (recall counted twice) gives FUZZY_THRESHOLD. Fits take the sets together; leave_one_out fits on
all sets but one and reports on that one, to show the fit does not depend on the data it saw.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from transpair import align, evaluate
from transpair.embed import Similarity
from transpair.read import read_document


@dataclass(frozen=True)
class Labelled:
    """A bead of the best path (margin, match score) and whether it equals a gold bead."""

    evidence: align.Evidence
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
    unrelated: tuple[align.Evidence, ...] = ()


@dataclass(frozen=True)
class Fit:
    """Fitted confidence constants."""

    scale: float
    slope: float
    mid: float
    threshold: float

    @property
    def weights(self) -> align.Weights:
        """The aligner's weights with these confidence constants."""
        return replace(
            align.WEIGHTS, confidence_scale=self.scale, quality_slope=self.slope, quality_mid=self.mid
        )


def labelled_beads(folder: Path, similarity: Similarity) -> list[Labelled]:
    """Every bead of each document's best path labelled against the gold (align view)."""
    out = []
    for doc in evaluate.load_gold(folder):
        path = align.best_path(read_document(doc.source).blocks, read_document(doc.target).blocks, similarity)
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
        pair = align.features(en, ko, similarity, align.WEIGHTS)
        foreign = align.features(en, other, similarity, align.WEIGHTS)
        for src, tgt in (b for b in doc.beads if (len(b[0]), len(b[1])) in align.SHAPES and b[0] and b[1]):
            a, b = len(src), len(tgt)
            out.append((float(align.match_scores(pair, src[0], a, np.array([tgt[0]]), b)[0]), True))
            if len(other) >= b:
                rivals = align.match_scores(foreign, src[0], a, np.arange(len(other) - b + 1), b)
                out.append((float(rivals.max()), False))
    return out


def fit_quality(samples: Iterable[tuple[float, bool]]) -> tuple[float, float]:
    """(slope, mid) of the logistic regression of true pair on match score (Newton's method)."""
    samples = list(samples)
    x = np.array([s for s, _ in samples])
    y = np.array([t for _, t in samples], dtype=float)
    design = np.stack([np.ones_like(x), x], axis=1)
    beta = np.zeros(2)
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ beta))
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + 1e-9 * np.eye(2)
        beta += np.linalg.solve(hessian, design.T @ (y - p))
    return float(beta[1]), float(-beta[0] / beta[1])


def fit_scale(labelled: Iterable[Labelled]) -> float:
    """The logistic slope over DP margins that best explains right/wrong (max likelihood, grid 0.25..10)."""
    labelled = list(labelled)
    margins = np.array([x.evidence.margin for x in labelled])
    right = np.array([x.right for x in labelled])
    return max(
        (float(np.sum(np.where(right, -np.logaddexp(0, -s * margins), -np.logaddexp(0, s * margins)))), s)
        for s in np.arange(0.25, 10.01, 0.25)
    )[1]


def threshold_rows(matched: list[tuple[float, bool]]) -> list[tuple[float, int, int, float, float, float]]:
    """(t, flagged, wrong caught, P, R, F2) of flagging the matched beads whose confidence is below t."""
    wrong = sum(not right for _, right in matched)
    rows = []
    for step in range(1, 20):
        t = step / 20
        flagged = [right for score, right in matched if score < t]
        caught = sum(not right for right in flagged)
        p = caught / len(flagged) if flagged else 0.0
        r = caught / wrong if wrong else 0.0
        rows.append((t, len(flagged), caught, p, r, 5 * p * r / (4 * p + r) if p + r else 0.0))
    return rows


def fit(sets: Iterable[SetSamples]) -> tuple[Fit, list]:
    """The confidence constants fitted on the sets together, and the threshold table they were chosen from
    (on a tie the lower threshold, flagging less)."""
    sets = list(sets)
    slope, mid = fit_quality(s for one in sets for s in one.samples)
    partial = Fit(fit_scale(x for one in sets for x in one.labelled), slope, mid, 0.0)
    beads = [x for one in sets for x in one.labelled] + [
        Labelled(e, False) for one in sets for e in one.unrelated
    ]
    rows = threshold_rows(
        [(align.confidence(x.evidence, partial.weights), x.right) for x in beads if x.matched]
    )
    best = max(rows, key=lambda row: (row[5], -row[0]))
    return replace(partial, threshold=best[0]), rows


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
    def flag_f1(self) -> float:
        """F1 of 'fuzzy' as a detector of wrong beads."""
        wrong = self.translated - self.translated_right + self.fuzzy - self.fuzzy_right
        caught = self.fuzzy - self.fuzzy_right
        p, r = (caught / self.fuzzy if self.fuzzy else 0.0), (caught / wrong if wrong else 0.0)
        return 2 * p * r / (p + r) if p + r else 0.0


def statuses(labelled: Iterable[Labelled], found: Fit) -> Statuses:
    """Translated (confidence at or above the threshold) and fuzzy matched beads, and how many are right."""
    marks = [
        (align.confidence(x.evidence, found.weights) >= found.threshold, x.right)
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
    """For each set: the fit on all the other sets and its statuses on the held-out set."""
    out = []
    for name, held in sets.items():
        found, _ = fit(s for other, s in sets.items() if other != name)
        out.append((name, found, statuses(held.labelled, found)))
    return out
