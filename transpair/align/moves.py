"""Moved sections: a run of source paragraphs left without a partner and a run of target paragraphs left
without one elsewhere in the page, aligned with each other when the aligner is sure of nearly all of it.

The search is monotonic, so a section the translation has at another place (the English moved it since,
or the translator did) comes out as source-only blocks at one place and target-only blocks at another.
Each such pair of runs (two blocks or more each, the longer runs first) is aligned on its own; it is
taken when the pairs the aligner is sure of (not fuzzy) cover MIN_COVER of the shorter run, so two
unrelated sections (a new English one, a translator's own) stay apart. The moved pairs cross the others
and say so in their reason (`moved`, the PO's `#.` note):
every block is still in exactly one bead, the beads in source order. A gold set, monotonic, writes a
move as source-only plus target-only blocks outside the longest run in document order (`monotonic`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from transpair.align import search
from transpair.align.embed import Similarity
from transpair.model import Alignment, Bead, Block

MIN_RUN = 2  # blocks in a run: a lone paragraph is no section
MIN_COVER = 0.8  # of the shorter run's blocks in sure pairs
MOVED = "moved"  # the reason (or its last part) of a pair found across the others: the PO's #. note says it


def _runs(beads: Sequence[Bead], side: int) -> list[list[int]]:
    """Indices (into beads) of the runs of one-sided beads of a side (0: source-only, 1: target-only),
    MIN_RUN long or more."""
    runs, current = [], []
    for k, bead in enumerate(beads):
        ids = (bead.source, bead.target)
        if ids[side] and not ids[1 - side]:
            current.append(k)
        elif bead.source or bead.target:
            runs, current = runs + [current] * (len(current) >= MIN_RUN), []
    return runs + [current] * (len(current) >= MIN_RUN)


def _paired(
    source_run: list[int], target_run: list[int], beads: Sequence[Bead], blocks: tuple, similarity
) -> list[Bead] | None:
    """The run pair aligned, with indices into the documents; None unless sure of nearly all of it."""
    src = [i for k in source_run for i in beads[k].source]
    tgt = [j for k in target_run for j in beads[k].target]
    found = search.align_blocks([blocks[0][i] for i in src], [blocks[1][j] for j in tgt], similarity)
    sure = [b for b in found if b.source and b.target and b.status == "translated"]
    side = 0 if len(src) <= len(tgt) else 1
    if sum(len((b.source, b.target)[side]) for b in sure) < MIN_COVER * min(len(src), len(tgt)):
        return None
    return [
        replace(
            b,
            source=tuple(src[i] for i in b.source),
            target=tuple(tgt[j] for j in b.target),
            reason="; ".join(filter(None, (b.reason, MOVED))) if b.source and b.target else b.reason,
        )
        for b in found
    ]


def _apart(beads: Sequence[Bead], one: list[int], other: list[int]) -> bool:
    """Whether a pair of two-sided beads lies between two runs (side by side, the search weighed them)."""
    low, high = sorted((one, other))
    return any(beads[k].source and beads[k].target for k in range(low[-1] + 1, high[0]))


def paired_moves(
    beads: Sequence[Bead], source: Sequence[Block], target: Sequence[Block], similarity: Similarity | None
) -> list[Bead]:
    """The beads with each moved section paired (see the module doc), in source order."""
    beads, blocks, refused = list(beads), (source, target), set()
    while True:
        for source_run, target_run in (
            (s, t)
            for s in sorted(_runs(beads, 0), key=len, reverse=True)
            for t in sorted(_runs(beads, 1), key=len, reverse=True)
        ):
            key = (tuple(beads[k].source for k in source_run), tuple(beads[k].target for k in target_run))
            if key in refused or not _apart(beads, source_run, target_run):
                continue
            moved = _paired(source_run, target_run, beads, blocks, similarity)
            if moved is None:
                refused.add(key)
                continue
            gone = {*source_run, *target_run}
            at = source_run[0] - sum(k < source_run[0] for k in target_run)
            rest = [b for k, b in enumerate(beads) if k not in gone]
            beads = rest[:at] + moved + rest[at:]
            break
        else:
            return beads


def in_order(beads: tuple[Bead, ...]) -> set[int]:
    """Indices of the two-sided beads that keep the target in document order (a longest increasing run of
    their first target blocks); the others pair a paragraph that moved."""
    paired = [(k, min(b.target)) for k, b in enumerate(beads) if b.source and b.target]
    tails: list[int] = []  # tails[n]: index into `paired` ending the best run of length n + 1
    before: list[int | None] = []
    for n, (_, first) in enumerate(paired):
        at = bisect.bisect_left([paired[t][1] for t in tails], first)
        before.append(tails[at - 1] if at else None)
        tails[at : at + 1] = [n]
    keep, n = set(), tails[-1] if tails else None
    while n is not None:
        keep.add(paired[n][0])
        n = before[n]
    return keep


def monotonic(alignment: Alignment) -> Alignment:
    """The alignment as a monotonic gold can state it: a bead pairing a moved paragraph split into its
    source-only and target-only halves."""
    keep = in_order(alignment.beads)
    beads: list[Bead] = []
    for k, bead in enumerate(alignment.beads):
        if bead.source and bead.target and k not in keep:
            beads += [Bead((i,), (), bead.score, "source-only") for i in bead.source]
            beads += [Bead((), (j,), bead.score, "target-only") for j in bead.target]
        else:
            beads.append(bead)
    return replace(alignment, beads=tuple(beads))


def moved_pairs(alignment: Alignment) -> list[Bead]:
    """The two-sided beads out of the target's document order (pairs of a moved paragraph)."""
    keep = in_order(alignment.beads)
    return [b for k, b in enumerate(alignment.beads) if b.source and b.target and k not in keep]
