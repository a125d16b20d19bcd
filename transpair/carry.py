"""Carry an alignment made with the old source over to today's source, through a diff of the two sources.

Old and new source blocks are matched in three passes: exact matches in document order (difflib over
the block texts), then exact matches that moved, then near-exact ones (msgmerge's similarity, see
`merge.fuzzy_pairs`), best pairs first. Every bead of the old alignment then lands on today's source:
- all its source blocks unchanged: the bead as aligned;
- some changed or gone: `outdated` (translated beads only), the translation kept and the old source
  text kept as `previous` (the PO's `#| msgid`);
- all gone: its translation becomes a target-only bead with the old source as `previous` (an obsolete
  `#~` entry in the PO);
- a new source block nobody matched: untranslated, `new in source since <rev>`.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .catalog import joined
from .merge import fuzzy_pairs
from .model import Alignment, Bead, Cause, Document, Origin

OUTDATED = "outdated"
KEPT_WHEN_CHANGED = ("translated", "fuzzy")  # statuses that carry a translation that can fall behind


@dataclass(frozen=True)
class BlockMatch:
    """Where an old source block went in today's source, and whether its text changed."""

    new: int
    changed: bool


def in_order(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    """old index -> new index for blocks equal in both, in document order (the longest matching runs)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}


def moved(old: Sequence[str], new: Sequence[str], taken: dict[int, int]) -> dict[int, int]:
    """old index -> new index for equal blocks left over by `in_order` (a paragraph moved elsewhere)."""
    free: dict[str, list[int]] = defaultdict(list)
    used = set(taken.values())
    for j, text in enumerate(new):
        if j not in used:
            free[text].append(j)
    found = {}
    for i, text in enumerate(old):
        if i not in taken and free[text]:
            found[i] = free[text].pop(0)
    return found


def match_blocks(old: Sequence[str], new: Sequence[str]) -> dict[int, BlockMatch]:
    """old index -> where it went: exact in order, exact moved, then near-exact (changed)."""
    exact = in_order(old, new)
    exact |= moved(old, new, exact)
    old_rest = [i for i in range(len(old)) if i not in exact]
    new_rest = sorted(set(range(len(new))) - set(exact.values()))
    near = fuzzy_pairs([new[j] for j in new_rest], [old[i] for i in old_rest])
    found = {i: BlockMatch(j, False) for i, j in exact.items()}
    return found | {old_rest[i]: BlockMatch(new_rest[j], True) for j, i in near.items()}


def since(origin: Origin) -> str:
    """`3f2a1c9 (2025-02-24)`, as the reasons quote the revision."""
    return f"{origin.short} ({origin.date})"


def carried_bead(bead: Bead, old: Alignment, found: dict[int, BlockMatch], origin: Origin) -> Bead | None:
    """The old bead on today's source (None when it held only source text that is gone)."""
    hits = [found[i] for i in bead.source if i in found]
    previous = joined(old.source.blocks[i] for i in bead.source)
    keeps = bead.status in KEPT_WHEN_CHANGED and bool(bead.target)
    if bead.source and not hits:
        if not bead.target:
            return None
        reason = f"removed from source since {since(origin)}"
        previous = previous if keeps else ""
        cause = Cause.REMOVED_FROM_SOURCE
        return Bead((), bead.target, bead.score, "target-only", reason, cause=cause, previous=previous)
    source = tuple(sorted(h.new for h in hits))
    changed = len(hits) < len(bead.source) or any(h.changed for h in hits)
    if changed and keeps:
        reason = f"source changed since {since(origin)}"
        return replace(
            bead, source=source, status=OUTDATED, reason=reason, cause=Cause.OUTDATED, previous=previous
        )
    return replace(bead, source=source)


def order_key(bead: Bead, anchor: float) -> float:
    """Where a bead goes: at its first source block, or just after the bead before it when it has none."""
    return min(bead.source) if bead.source else anchor


def carry(old: Alignment, source: Document, origin: Origin) -> Alignment:
    """The alignment of the target with today's `source`, from its alignment with the old source."""
    found = match_blocks([b.norm for b in old.source.blocks], [b.norm for b in source.blocks])
    placed: list[tuple[float, int, Bead]] = []
    anchor = -1.0
    for bead in old.beads:
        new = carried_bead(bead, old, found, origin)
        if new is not None:
            anchor = order_key(new, anchor)
            placed.append((anchor, len(placed), new))
    reason = f"new in source since {since(origin)}"
    seen = {h.new for h in found.values()}
    placed += [
        (j, len(placed) + j, Bead((j,), (), 0.0, "untranslated", reason, cause=Cause.NEW_IN_SOURCE))
        for j in range(len(source.blocks))
        if j not in seen
    ]
    beads = tuple(bead for _, _, bead in sorted(placed))
    drift = replace(
        origin,
        changed=sum(len(b.source) for b in beads if b.cause == Cause.OUTDATED),
        added=len(source.blocks) - len(seen),
        removed=len(old.source.blocks) - len(found),
    )
    return replace(old, source=replace(source, lang=old.source.lang), beads=beads, origin=drift)
