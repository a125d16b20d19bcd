"""Evidence inside the blocks of a pair in doubt: which sentences of one side answer which blocks of the
other.

A bead fuzzy for low confidence is settled by it (docs/align.md, "Pairs held in place"): an n-m bead whose
every block earns its place (a piece of the other side of its own: a sentence, or the words at the edge of
it where a heading merged with no sentence end stands), and a 1-1 pair beside a block left alone that
nothing in the pair's other side answers, are translated. Everything else stays fuzzy, among it a pair whose
other side holds the lone block's translation (a heading merged into the next paragraph): it is partial. It
runs after held_in_place, so a pair it settles never holds others in place (as an anchor it took
vitedocs-ko to 7 wrong translated pairs, 0.9888). Sentence merges inside a paragraph bead are settled by an
ordered cut of their other side's words instead (settled_by_cuts): a sentence holds no smaller sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import product

import numpy as np

from transpair.align.confidence import FUZZY_THRESHOLD, Evidence, bead_of, held_in_place
from transpair.align.embed import Similarity, default_similarity
from transpair.align.features import ANCHOR_COSINE, WEIGHTS, Weights
from transpair.model import Bead, Block, Cause
from transpair.read import segment

MOST_CUTS = 16  # word boundaries tried when cutting a sentence into parts


def members_earn_place(members: np.ndarray, pieces: np.ndarray, places: Sequence[tuple[int, int]]) -> bool:
    """True when each member (a block of a merge's larger side, one vector a row) has a piece of the other
    side of its own, no two overlapping: a sentence it is the closest member to, at ANCHOR_COSINE or more,
    or for the first and the last member the span at that edge (the last two pieces), if it matches it at
    ANCHOR_COSINE or more and better than the other members do. `places` holds each piece's (start, end) in
    the other side. A member with none was swallowed (a heading, a link list beside the paragraph the other
    side merged)."""
    cosines = members @ pieces.T
    sentences = len(pieces) - 2
    closest = cosines[:, :sentences].argmax(axis=0) if sentences else np.zeros(0, dtype=int)
    owned = [
        [places[y] for y in range(sentences) if closest[y] == k and cosines[k, y] >= ANCHOR_COSINE]
        for k in range(len(members))
    ]
    edges = {0: sentences, len(members) - 1: sentences + 1}
    spans = {
        k: places[y]
        for k, y in edges.items()
        if cosines[k, y] >= ANCHOR_COSINE and cosines[k, y] > np.delete(cosines[:, y], k).max()
    }
    for taken in _subsets(spans):
        chosen = [spans[k] for k in taken]
        if _overlap(chosen):
            continue
        if all(k in taken or any(not _overlap([p, *chosen]) for p in owned[k]) for k in range(len(members))):
            return True
    return False


def _subsets(spans: dict[int, tuple[int, int]]) -> list[tuple[int, ...]]:
    """Every choice of the members that take their edge span (at most two members, so four choices)."""
    keys = sorted(spans)
    return [tuple(k for k, bit in zip(keys, bits) if bit) for bits in product((0, 1), repeat=len(keys))]


def _overlap(places: Sequence[tuple[int, int]]) -> bool:
    """True when two of the (start, end) character ranges share a character."""
    ordered = sorted(places)
    return any(a[1] > b[0] for a, b in zip(ordered, ordered[1:]))


def answers_lone(lone: np.ndarray, own: np.ndarray, pieces: np.ndarray, floors: np.ndarray) -> bool:
    """True when some piece of a pair's other side (one vector a row) is closer to the lone block beside
    the pair than to every sentence of the pair's own block on the lone block's side (`own`), at its floor
    or more: that piece translates the lone block, which belongs to the pair."""
    to_lone = pieces @ lone
    to_own = (pieces @ own.T).max(axis=1)
    return bool(np.any((to_lone > to_own) & (to_lone >= floors)))


def edge_span(text: str, chars: int, at_start: bool) -> str:
    """The words at the start (or end) of text that first reach `chars` characters: where a block merged
    into it from that side would stand."""
    words = text.split() if at_start else text.split()[::-1]
    taken, size = [], 0
    for word in words:
        if size >= chars:
            break
        taken.append(word)
        size += len(word) + 1
    return " ".join(taken if at_start else taken[::-1])


def path_beads(
    path: Sequence[Evidence],
    source: Sequence[Block],
    target: Sequence[Block],
    similarity: Similarity | None = None,
    weights: Weights = WEIGHTS,
) -> list[Bead]:
    """The beads of a best path with their statuses: by confidence, then runs held in place by sure pairs,
    then doubt settled by the sentences inside the blocks (what align_blocks gives, and benches measure)."""
    beads = held_in_place([bead_of(e, weights) for e in path])
    return settled_by_sentences(beads, source, target, similarity, weights)


def settled_by_sentences(
    beads: Sequence[Bead],
    source: Sequence[Block],
    target: Sequence[Block],
    similarity: Similarity | None = None,
    weights: Weights = WEIGHTS,
) -> list[Bead]:
    """The beads with each doubtful merge whose members earn their place, and each doubtful 1-1 pair beside
    blocks left alone none of which it answers, marked translated at a confidence of at least
    FUZZY_THRESHOLD (the rest as they are)."""
    sides, similarity = (source, target), similarity or default_similarity()
    out = list(beads)
    for k, bead in enumerate(beads):
        if bead.cause != Cause.LOW_CONFIDENCE:
            continue
        if len(bead.source) + len(bead.target) > 2:
            sure = _merge_is_sound(bead, sides, similarity)
        else:
            lone = _lone_neighbours(beads, k)
            sure = (
                bool(lone)
                and _pair_cosine(bead, sides, similarity) >= ANCHOR_COSINE
                and not any(_belongs(bead, b, before, sides, similarity, weights) for b, before in lone)
            )
        if sure:
            out[k] = _settled(bead)
    return out


def settled_by_cuts(
    beads: Sequence[Bead],
    source: Sequence[Block],
    target: Sequence[Block],
    similarity: Similarity | None = None,
) -> list[Bead]:
    """Sentence beads (inside one paragraph bead) with each doubtful merge whose other side cuts, in order,
    into a part of its own for every sentence of its larger side marked translated (the rest as they are):
    a sentence holds no smaller sentences, so its pieces are runs of its words."""
    sides, similarity = (source, target), similarity or default_similarity()
    return [
        _settled(b)
        if b.cause == Cause.LOW_CONFIDENCE
        and len(b.source) + len(b.target) > 2
        and _cut_is_sound(b, sides, similarity)
        else b
        for b in beads
    ]


def _settled(bead: Bead) -> Bead:
    """The bead marked translated, as sure as the least sure pair marked so (confidence FUZZY_THRESHOLD)."""
    score = max(bead.score, FUZZY_THRESHOLD)
    return replace(bead, score=score, status="translated", reason="", cause=Cause.NONE)


def cut_earns_place(cosines: np.ndarray, spans: Sequence[tuple[int, int]], words: int) -> bool:
    """True when the other side's `words` words cut, in order, into one part per member (a row of
    `cosines`, one column per (start, end) word span of `spans`), each part matching its member at
    ANCHOR_COSINE or more and better than it matches the other members."""
    starts = {0}
    for k in range(len(cosines)):
        starts = {
            end
            for s, (start, end) in enumerate(spans)
            if start in starts and cosines[k, s] >= ANCHOR_COSINE and cosines[:, s].argmax() == k
        }
    return words in starts


def word_spans(words: int, parts: int, most: int = MOST_CUTS) -> list[tuple[int, int]]:
    """The (start, end) word spans a cut of `words` words into `parts` (two or more) ordered parts can make,
    cutting at word boundaries (at most `most` of them, evenly spread, so that long sentences stay cheap)."""
    inner = range(1, words)
    if len(inner) > most:
        inner = sorted({inner[round(i * (len(inner) - 1) / (most - 1))] for i in range(most)})
    bounds = [0, *inner, words]
    return [
        (a, b)
        for i, a in enumerate(bounds)
        for b in bounds[i + 1 :]
        if (a == 0 or b == words or parts > 2) and not (a == 0 and b == words)
    ]


def _sentences(block: Block) -> list[str]:
    """A block's sentences (the segmenter's rules for English: the languages are not known here; they cut
    Korean, Japanese and Chinese as the rules for them do, save before a lower-case Latin word)."""
    return [s.strip() for s in segment.split_sentences(block.norm) if s.strip()] or [block.norm]


def _larger_side(bead: Bead, sides: tuple[Sequence[Block], Sequence[Block]]) -> tuple[list[str], list[str]]:
    """The texts of a merge's larger side (the source on a tie), whose blocks must each earn their place,
    and those of its other side."""
    larger = 0 if len(bead.source) >= len(bead.target) else 1
    ids = (bead.source, bead.target)
    return [sides[larger][i].norm for i in ids[larger]], [sides[1 - larger][i].norm for i in ids[1 - larger]]


def _merge_is_sound(
    bead: Bead, sides: tuple[Sequence[Block], Sequence[Block]], similarity: Similarity
) -> bool:
    """True when every block of the bead's larger side earns its place in the other side (joined by spaces):
    among its sentences, or at its edges, a span as long as the block's share of the larger side."""
    members, other = _larger_side(bead, sides)
    whole, found, offset = " ".join(other), [], 0
    for text in other:  # each sentence with its place in `whole`
        found += segment.sentences(Block(text, start=offset, end=offset + len(text)))
        offset += len(text) + 1
    texts, places = [s.text for s in found], [(s.start, s.end) for s in found]
    total = sum(len(m) for m in members) or 1
    first = edge_span(whole, round(len(members[0]) * len(whole) / total), at_start=True)
    last = edge_span(whole, round(len(members[-1]) * len(whole) / total), at_start=False)
    places += [(0, len(first)), (len(whole) - len(last), len(whole))]
    vectors = similarity.embed([*members, *texts, first, last])
    return members_earn_place(vectors[: len(members)], vectors[len(members) :], places)


def _pair_cosine(bead: Bead, sides: tuple[Sequence[Block], Sequence[Block]], similarity: Similarity) -> float:
    """The cosine of a 1-1 pair's two blocks: beside a lone block, a pair whose blocks do not match as a
    translation pair (below ANCHOR_COSINE) is left in doubt, since nothing in the lone block speaks for it
    (on two different documents, most pairs settled without it were wrong)."""
    vectors = similarity.embed([sides[0][bead.source[0]].norm, sides[1][bead.target[0]].norm])
    return float(vectors[0] @ vectors[1])


def _cut_is_sound(bead: Bead, sides: tuple[Sequence[Block], Sequence[Block]], similarity: Similarity) -> bool:
    """True when every block of the bead's larger side has an ordered part of the other side's words."""
    members, other = _larger_side(bead, sides)
    words = " ".join(other).split()
    if len(words) < len(members):
        return False
    spans = word_spans(len(words), len(members))
    vectors = similarity.embed([*members, *(" ".join(words[a:b]) for a, b in spans)])
    cosines = vectors[: len(members)] @ vectors[len(members) :].T
    return cut_earns_place(cosines, spans, len(words))


def _lone_neighbours(beads: Sequence[Bead], k: int) -> list[tuple[Bead, bool]]:
    """The beads left alone (one side empty) next to beads[k], each with True when it comes before it."""
    return [
        (beads[n], n < k)
        for n in (k - 1, k + 1)
        if 0 <= n < len(beads) and bool(beads[n].source) != bool(beads[n].target)
    ]


def _belongs(
    pair: Bead,
    lone: Bead,
    before: bool,
    sides: tuple[Sequence[Block], Sequence[Block]],
    similarity: Similarity,
    weights: Weights,
) -> bool:
    """True when the 1-1 pair's other side answers the lone block beside it: one of its sentences, or the span
    at its edge facing the lone block as long as the lone block's translation would be (the pair's length
    ratio), the span at part_base or more since it is only a guess of where a merged block would stand."""
    side = 0 if lone.source else 1
    block = sides[side][(lone.source, lone.target)[side][0]]
    own = sides[side][(pair.source, pair.target)[side][0]]
    other = sides[1 - side][(pair.source, pair.target)[1 - side][0]]
    chars = round(len(block.norm) * len(other.norm) / max(len(own.norm), 1))
    pieces = [*_sentences(other), edge_span(other.norm, chars, at_start=before)]
    mine = _sentences(own)
    vectors = similarity.embed([block.norm, *mine, *pieces])
    floors = np.full(len(pieces), -1.0)
    floors[-1] = weights.part_base
    return answers_lone(vectors[0], vectors[1 : 1 + len(mine)], vectors[1 + len(mine) :], floors)
