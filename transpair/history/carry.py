"""Carry an alignment made with the old source over to today's source, through a diff of the two sources.

Old and new source blocks are matched in four passes: exact matches in document order (difflib over
the block texts), exact matches that moved, near-exact matches in document order (between two exact
ones, the pairs of largest total similarity that keep the order, so of two new headings as close to an
old one, the one in its place wins; in a gap too large for that table, best pairs first), then near-exact
ones that moved (best pairs first). Near-exact is
msgmerge's similarity (see `fuzzy.similarity`) over the text with each URL cut before its query and
fragment (a playground link whose encoded code changed is the same link). A changed block takes the
unmatched new blocks beside it that bring it closer to the old text, words in any order (a paragraph
split in two since, a sentence moved out into a badge), and the old blocks beside it that are gone and
bring the pair closer (two paragraphs merged into one since). Every bead of the old alignment then lands
on today's source, old beads that landed on one block merged:
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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np
import regex
from rapidfuzz import fuzz, process

from transpair.history.changes import Change, Verdict, classify_change
from transpair.history.fuzzy import FUZZY_MATCH, fuzzy_pairs
from transpair.model import OUTDATED, Alignment, Bead, Cause, Document, Origin, joined

KEPT_WHEN_CHANGED = ("translated", "fuzzy")  # statuses that carry a translation that can fall behind
URL_TAIL = regex.compile(r"(https?://[^\s?#()<>]*)[?#][^\s()<>]*")
# cells of the in-order table of one gap (12 bytes each, about 50 MB): a larger gap (a rewrite of thousands
# of paragraphs between two unchanged ones) is matched best-first, as moved paragraphs are
NEAR_CELLS = 4_000_000


@dataclass(frozen=True)
class BlockMatch:
    """Where an old source block went in today's source (one block, or the parts it was split into),
    and whether its text changed."""

    new: tuple[int, ...]
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


def address_only(text: str) -> str:
    """The text as near-exact matching compares it: each URL cut before its query and fragment."""
    return URL_TAIL.sub(r"\1", text)


def gaps(anchors: dict[int, int], old_size: int, new_size: int) -> Iterator[tuple[range, range]]:
    """The stretches of old and new blocks between two consecutive in-order matches (and at both ends)."""
    last_old, last_new = -1, -1
    for i, j in [*sorted(anchors.items()), (old_size, new_size)]:
        yield range(last_old + 1, i), range(last_new + 1, j)
        last_old, last_new = i, j


def heaviest_in_order(weights: np.ndarray) -> list[tuple[int, int]]:
    """(row, column) cells of positive weight, increasing on both sides, of the largest total weight;
    of equal choices the earliest column (dynamic programming, one numpy pass per row)."""
    rows, cols = weights.shape
    best = np.zeros((rows + 1, cols + 1))
    for r in range(rows):
        taken = np.where(weights[r] > 0, best[r, :-1] + weights[r], 0.0)
        best[r + 1, 1:] = np.maximum.accumulate(np.maximum(best[r, 1:], taken))
    cells, r, c = [], rows, cols
    while r and c:
        if best[r, c] == best[r - 1, c]:
            r -= 1
        elif best[r, c] == best[r, c - 1]:
            c -= 1
        else:
            cells.append((r - 1, c - 1))
            r, c = r - 1, c - 1
    return cells[::-1]


def near_in_order(
    old: Sequence[str], new: Sequence[str], anchors: dict[int, int], exact: dict[int, int]
) -> dict[int, int]:
    """old index -> new index for near-exact blocks between the same two in-order exact matches
    (`anchors`), the pairs that keep document order with the largest total similarity; none in a gap of
    over NEAR_CELLS pairs, whose table would not fit in memory."""
    used = set(exact.values())
    found = {}
    for old_gap, new_gap in gaps(anchors, len(old), len(new)):
        rows = [i for i in old_gap if i not in exact]
        cols = [j for j in new_gap if j not in used]
        if rows and cols and len(rows) * len(cols) <= NEAR_CELLS:
            weights = process.cdist(
                [old[i] for i in rows],
                [new[j] for j in cols],
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_MATCH * 100,
            )
            found |= {rows[r]: cols[c] for r, c in heaviest_in_order(weights)}
    return found


def grown(texts: Sequence[str], start: int, free: set[int], other: str) -> tuple[int, ...]:
    """`start` and the free neighbours of it in `texts` that, taken with it, bring it closer to `other`
    (words in any order)."""
    parts = [start]
    for step in (-1, 1):
        k = start + step
        while k in free and closeness(texts, [*parts, k], other) > closeness(texts, parts, other):
            parts.append(k)
            k += step
    return tuple(sorted(parts))


def closeness(texts: Sequence[str], parts: list[int], other: str) -> float:
    """How close some of `texts` taken together are to another text, words in any order."""
    return fuzz.token_sort_ratio(" ".join(texts[k] for k in sorted(parts)), other)


def match_blocks(old: Sequence[str], new: Sequence[str]) -> dict[int, BlockMatch]:
    """old index -> where it went: exact in order, exact moved, near-exact in order, near-exact moved,
    and a changed block's split-off parts."""
    anchors = in_order(old, new)
    exact = anchors | moved(old, new, anchors)
    loose_old, loose_new = [address_only(t) for t in old], [address_only(t) for t in new]
    near = near_in_order(loose_old, loose_new, anchors, exact)
    old_rest = [i for i in range(len(old)) if i not in exact and i not in near]
    new_rest = sorted(set(range(len(new))) - set(exact.values()) - set(near.values()))
    pairs = fuzzy_pairs([loose_new[j] for j in new_rest], [loose_old[i] for i in old_rest])
    near |= {old_rest[i]: new_rest[j] for j, i in pairs.items()}
    free = set(range(len(new))) - set(exact.values()) - set(near.values())
    gone = set(range(len(old))) - set(exact) - set(near)
    found = {i: BlockMatch((j,), False) for i, j in exact.items()}
    for i, j in sorted(near.items()):
        parts = grown(loose_new, j, free, loose_old[i])  # a paragraph split since
        free -= set(parts)
        merged = grown(loose_old, i, gone, " ".join(loose_new[k] for k in parts))  # paragraphs merged since
        gone -= set(merged)
        found |= dict.fromkeys(merged, BlockMatch(parts, True))
    return found


def since(origin: Origin) -> str:
    """`3f2a1c9 (2025-02-24)`, as the reasons quote the revision."""
    return f"{origin.short} ({origin.date})"


def carried_bead(
    bead: Bead, old: Alignment, found: dict[int, BlockMatch], origin: Origin, source: Document
) -> Bead | None:
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
    new = tuple(sorted({j for h in hits for j in h.new}))
    changed = len(hits) < len(bead.source) or any(h.changed for h in hits)
    if changed and keeps:
        whole = len(hits) == len(bead.source)
        translation = joined(old.target.blocks[j] for j in bead.target)
        verdict = classify_change(previous, joined(source.blocks[j] for j in new), translation)
        verdict = verdict if whole else Verdict(Change.WORDING)  # a part of the bead gone: words changed
        return changed_bead(replace(bead, source=new), verdict, previous, origin)
    return replace(bead, source=new)


def changed_bead(bead: Bead, verdict: Verdict, previous: str, origin: Origin) -> Bead:
    """A translated bead whose source changed: kept as it is for a cosmetic change, its links, code or numbers
    ported for a markup change that can be (the old text kept as `previous`), fuzzy `markup-changed` for one
    that cannot, `outdated` for changed words."""
    if verdict.change == Change.COSMETIC:
        reason = f"source changed since {since(origin)} only in spacing, punctuation, quotes or emphasis"
        return replace(bead, reason=reason, cause=Cause.COSMETIC) if bead.status == "translated" else bead
    if verdict.ported:
        ported = ", ".join(f"{a} -> {b}" for a, b in verdict.ported)
        reason = f"ported from the source changed since {since(origin)}: {ported}"
        extra = {"reason": reason, "cause": Cause.PORTED} if bead.status == "translated" else {}
        return replace(bead, ported=verdict.ported, previous=previous, **extra)
    if verdict.change == Change.MARKUP:
        reason = f"links, code or numbers changed in the source since {since(origin)}"
        return replace(bead, status="fuzzy", reason=reason, cause=Cause.MARKUP_CHANGED, previous=previous)
    reason = f"source changed since {since(origin)}"
    return replace(bead, status=OUTDATED, reason=reason, cause=Cause.OUTDATED, previous=previous)


def order_key(bead: Bead, anchor: float) -> float:
    """Where a bead goes: at its first source block, or just after the bead before it when it has none."""
    return min(bead.source) if bead.source else anchor


def landed_together(beads: Sequence[Bead], found: dict[int, BlockMatch]) -> list[Bead]:
    """The old beads, those whose sources landed on one block since (paragraphs merged) made one."""
    groups: list[list[Bead]] = []
    group_of: dict[int, int] = {}  # new block -> the group whose source landed there
    for bead in beads:
        new = {j for i in bead.source if i in found for j in found[i].new}
        shared = next((group_of[j] for j in sorted(new) if j in group_of), None)
        if shared is None:
            shared = len(groups)
            groups.append([])
        groups[shared].append(bead)
        group_of |= dict.fromkeys(new, shared)
    return [group[0] if len(group) == 1 else merged_bead(group) for group in groups]


def merged_bead(group: Sequence[Bead]) -> Bead:
    """Old beads whose sources became one block, as one bead: the least sure score, fuzzy if any of its
    translations was."""
    statuses = [b.status for b in group if b.target] or [group[0].status]
    return Bead(
        tuple(sorted(i for b in group for i in b.source)),
        tuple(sorted(j for b in group for j in b.target)),
        min(b.score for b in group),
        "fuzzy" if "fuzzy" in statuses else statuses[0],
    )


def carry(old: Alignment, source: Document, origin: Origin) -> Alignment:
    """The alignment of the target with today's `source`, from its alignment with the old source."""
    found = match_blocks([b.norm for b in old.source.blocks], [b.norm for b in source.blocks])
    placed: list[tuple[float, int, Bead]] = []
    anchor = -1.0
    for bead in landed_together(old.beads, found):
        new = carried_bead(bead, old, found, origin, source)
        if new is not None:
            anchor = order_key(new, anchor)
            placed.append((anchor, len(placed), new))
    reason = f"new in source since {since(origin)}"
    seen = {j for h in found.values() for j in h.new}
    placed += [
        (j, len(placed) + j, Bead((j,), (), 0.0, "untranslated", reason, cause=Cause.NEW_IN_SOURCE))
        for j in range(len(source.blocks))
        if j not in seen
    ]
    beads = tuple(bead for _, _, bead in sorted(placed))
    drift = replace(
        origin,
        changed=sum(len(b.source) for b in beads if b.cause == Cause.OUTDATED),
        kept=sum(len(b.source) for b in beads if b.cause in (Cause.COSMETIC, Cause.PORTED)),
        markup=sum(len(b.source) for b in beads if b.cause == Cause.MARKUP_CHANGED),
        added=len(source.blocks) - len(seen),
        removed=len(old.source.blocks) - len(found),
    )
    return replace(old, source=replace(source, lang=old.source.lang), beads=beads, origin=drift)
