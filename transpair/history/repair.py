"""Pair again what the carry left alone: translated paragraphs whose source was rewritten since.

The carry follows the diff of the two English versions, so a paragraph rewritten beyond near-exact
leaves its translation without a partner (an obsolete `#~` entry) and its new English untranslated.
Between two paired beads, the Korean blocks left without a partner and the English blocks new since
are aligned with each other by the aligner itself (lengths, anchors, semantic similarity); a pair it is
sure of (confidence at least REPAIR_CONFIDENCE) is kept, its change classified as any carried one
(outdated, with the old English as `previous`, when its words changed). So history never pairs fewer
blocks than aligning with today's English would, and a Korean block whose English was removed stays
alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from transpair.align import search
from transpair.align.embed import Similarity
from transpair.history.carry import changed_bead
from transpair.history.changes import Change, Verdict, classify_change
from transpair.model import BLOCK_JOINER, Alignment, Bead, Cause, Origin, joined

# least aligner confidence for a re-paired bead, fitted on the Vue docs' history with
# bench/bench_history.py --repair-sweep (strict F1 with history against the vuedocs-ko gold)
REPAIR_CONFIDENCE = 0.5


def loose(bead: Bead) -> bool:
    """Whether a bead is a leftover of the carry: English new since, or a translation left without source."""
    return (bead.cause == Cause.NEW_IN_SOURCE and not bead.target) or (bool(bead.target) and not bead.source)


def stretches(beads: tuple[Bead, ...]) -> Iterator[range]:
    """The runs of leftover beads between two other beads (and at both ends)."""
    start = 0
    for k, bead in enumerate((*beads, None)):
        if bead is None or not loose(bead):
            if k > start:
                yield range(start, k)
            start = k + 1


def repaired(
    beads: list[Bead], alignment: Alignment, similarity: Similarity, origin: Origin, confidence: float
) -> list[Bead]:
    """One stretch of leftover beads, its new English and lone Korean blocks aligned together; what the
    aligner is not sure of stays as it was."""
    english = sorted(i for b in beads for i in b.source)
    korean = sorted(j for b in beads for j in b.target)
    if not english or not korean:
        return beads
    previous = {j: b.previous for b in beads for j in b.target}
    found = search.align_blocks(
        [alignment.source.blocks[i] for i in english],
        [alignment.target.blocks[j] for j in korean],
        similarity,
    )
    pairs = [
        pair_bead(
            tuple(english[i] for i in b.source),
            tuple(korean[j] for j in b.target),
            b.score,
            previous,
            alignment,
            origin,
        )
        for b in found
        if b.source and b.target and b.score >= confidence
    ]
    if not pairs:
        return beads
    paired_source = {i for b in pairs for i in b.source}
    paired_target = {j for b in pairs for j in b.target}
    rest = []
    for bead in beads:
        target = tuple(j for j in bead.target if j not in paired_target)
        if bead.source and not paired_source & set(bead.source):
            rest.append(bead)
        elif target:
            rest.append(replace(bead, target=target))
    return sorted([*pairs, *rest], key=lambda b: (min(b.source, default=-1), min(b.target, default=-1)))


def pair_bead(
    source: tuple[int, ...],
    target: tuple[int, ...],
    score: float,
    previous: dict[int, str],
    alignment: Alignment,
    origin: Origin,
) -> Bead:
    """A re-paired bead: its change from the old English its Korean was aligned with, classified (outdated
    when that old English is unknown)."""
    old = "\n\n".join(dict.fromkeys(previous[j] for j in target if previous[j]))
    new = joined(alignment.source.blocks[i] for i in source)
    translation = joined(alignment.target.blocks[j] for j in target)
    verdict = classify_change(old, new, translation) if old else Verdict(Change.WORDING)
    bead = Bead(source, target, score, "translated")
    if verdict.change == Change.UNCHANGED:
        return bead
    return changed_bead(bead, verdict, old, origin)


def removed_blocks(beads: Sequence[Bead]) -> int:
    """Old source paragraphs behind the translations left without a source (removed since)."""
    return sum(b.previous.count(BLOCK_JOINER) + 1 for b in beads if b.cause == Cause.REMOVED_FROM_SOURCE)


def repair(alignment: Alignment, similarity: Similarity, confidence: float = REPAIR_CONFIDENCE) -> Alignment:
    """The carried alignment with each stretch of leftovers aligned again (see the module doc), its counts
    of changed, added and removed paragraphs updated."""
    if alignment.origin is None:
        return alignment
    beads = list(alignment.beads)
    for run in reversed(list(stretches(alignment.beads))):
        beads[run.start : run.stop] = repaired(
            beads[run.start : run.stop], alignment, similarity, alignment.origin, confidence
        )
    if tuple(beads) == alignment.beads:
        return alignment
    origin = replace(
        alignment.origin,
        changed=sum(len(b.source) for b in beads if b.cause == Cause.OUTDATED),
        kept=sum(len(b.source) for b in beads if b.cause in (Cause.COSMETIC, Cause.PORTED)),
        markup=sum(len(b.source) for b in beads if b.cause == Cause.MARKUP_CHANGED),
        added=sum(len(b.source) for b in beads if b.cause == Cause.NEW_IN_SOURCE),
        removed=alignment.origin.removed - removed_blocks(alignment.beads) + removed_blocks(beads),
    )
    return replace(alignment, beads=tuple(beads), origin=origin)
