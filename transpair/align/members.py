"""Evidence inside the blocks of a pair in doubt: which sentences of one side answer which blocks of the
other.

A bead fuzzy for low confidence is settled by it (docs/align.md, "Pairs held in place"): an n-m bead whose
every block earns its place, and a 1-1 pair beside a block left alone that nothing in the pair's other side
answers, are translated. Everything else stays fuzzy, among it a pair whose other side holds the lone block's
translation (a heading merged into the next paragraph): it is partial. It runs after held_in_place, so a pair
it settles never holds others in place (as an anchor it took vitedocs-ko to 7 wrong translated pairs, 0.9888).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from transpair.align.confidence import FUZZY_THRESHOLD
from transpair.align.embed import Similarity, default_similarity
from transpair.align.features import ANCHOR_COSINE, WEIGHTS, Weights
from transpair.model import Bead, Block, Cause
from transpair.read.segment import split_sentences


def members_earn_place(members: np.ndarray, sentences: np.ndarray) -> bool:
    """True when each member (a block of a merge's larger side, one vector a row) is the closest member to
    some sentence of the other side, at ANCHOR_COSINE or more: every block brings its own translation, none
    was swallowed (a heading, a link list beside the paragraph the other side merged)."""
    if len(sentences) == 0:
        return False
    cosines = members @ sentences.T
    closest = cosines.argmax(axis=0)
    return all(bool(np.any((closest == k) & (cosines[k] >= ANCHOR_COSINE))) for k in range(len(members)))


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
            sure = bool(lone) and not any(
                _belongs(bead, b, before, sides, similarity, weights) for b, before in lone
            )
        if sure:
            score = max(bead.score, FUZZY_THRESHOLD)  # as sure as the least sure pair marked translated
            out[k] = replace(bead, score=score, status="translated", reason="", cause=Cause.NONE)
    return out


def _sentences(block: Block) -> list[str]:
    """A block's sentences (the segmenter's rules for English: the languages are not known here; they cut
    Korean, Japanese and Chinese as the rules for them do, save before a lower-case Latin word)."""
    return [s.strip() for s in split_sentences(block.norm) if s.strip()] or [block.norm]


def _merge_is_sound(
    bead: Bead, sides: tuple[Sequence[Block], Sequence[Block]], similarity: Similarity
) -> bool:
    """True when every block of the bead's larger side earns its place among the other side's sentences."""
    larger = 0 if len(bead.source) >= len(bead.target) else 1
    members = [sides[larger][i] for i in (bead.source, bead.target)[larger]]
    sentences = [s for i in (bead.source, bead.target)[1 - larger] for s in _sentences(sides[1 - larger][i])]
    vectors = similarity.embed([b.norm for b in members] + sentences)
    return members_earn_place(vectors[: len(members)], vectors[len(members) :])


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
