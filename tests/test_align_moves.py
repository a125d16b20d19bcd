"""Tests for transpair.align.moves: a section found elsewhere in the translation paired across the others."""

import random

from fake_similarity import BagOfWords, paragraph, translate
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.align import moves, search
from transpair.model import Alignment, Bead, Block, Document


def doc(texts: list[str]) -> Document:
    """A document of one block per text."""
    return Document("x.txt", "\n\n".join(texts), tuple(Block(t, "paragraph") for t in texts))


def aligned(source: list[str], target: list[str]) -> Alignment:
    """The search and the moves pass, as pipeline.aligned runs them."""
    src, tgt = doc(source), doc(target)
    similarity = BagOfWords()
    beads = search.align_blocks(src.blocks, tgt.blocks, similarity)
    return Alignment(src, tgt, tuple(moves.paired_moves(beads, src.blocks, tgt.blocks, similarity)))


def pairs(alignment: Alignment) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(b.source, b.target) for b in alignment.beads if b.source and b.target}


def test_a_section_the_translation_has_elsewhere_is_paired_across():
    rng = random.Random(5)
    a, moved, b = ([paragraph(rng) for _ in range(n)] for n in (4, 4, 4))
    # the English has the section in the middle, the translation at the end
    found = aligned([*a, *moved, *b], [translate(t) for t in [*a, *b, *moved]])
    in_place = {((k,), (k,)) for k in range(4)} | {((8 + k,), (4 + k,)) for k in range(4)}
    assert pairs(found) == in_place | {((4 + k,), (8 + k,)) for k in range(4)}  # the moved ones too
    said = {(b.source, b.target) for b in found.beads if moves.MOVED in b.reason.split("; ")}
    assert said == {((8 + k,), (4 + k,)) for k in range(4)}  # the pairs the pass found say so
    assert found.whole()
    # as a monotonic gold writes it: the shorter crossing run split into source-only and target-only
    assert len(pairs(moves.monotonic(found))) == 8


def test_two_unrelated_sections_stay_apart():
    rng = random.Random(6)
    a, new, b, own = ([paragraph(rng) for _ in range(n)] for n in (4, 3, 4, 3))
    found = aligned([*a, *new, *b], [translate(t) for t in [*a, *b]] + [translate(t) for t in own])
    assert pairs(found) == {((k,), (k,)) for k in range(4)} | {((7 + k,), (4 + k,)) for k in range(4)}


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 5), st.integers(1, 4))
def test_every_block_is_in_one_bead_and_the_source_stays_in_order(seed, size, cut):
    rng = random.Random(seed)
    first, moved, last = ([paragraph(rng) for _ in range(n)] for n in (cut, size, 3))
    found = aligned([*first, *moved, *last], [translate(t) for t in [*first, *last, *moved]])
    assert [i for b in found.beads for i in b.source] == list(range(len(found.source.blocks)))
    assert sorted(j for b in found.beads for j in b.target) == list(range(len(found.target.blocks)))


def test_whole_takes_crossing_targets_but_not_a_block_twice_or_the_source_out_of_order():
    src, tgt = doc(["a", "b", "c"]), doc(["x", "y", "z"])
    crossing = Alignment(
        src,
        tgt,
        (
            Bead((0,), (0,), 1.0, "translated"),
            Bead((1,), (2,), 1.0, "translated"),
            Bead((2,), (1,), 1.0, "translated"),
        ),
    )
    assert crossing.whole()
    twice = Alignment(
        src,
        tgt,
        (
            Bead((0,), (0,), 1.0, "translated"),
            Bead((1,), (0,), 1.0, "translated"),
            Bead((2,), (1, 2), 1.0, "translated"),
        ),
    )
    assert not twice.whole()
    swapped = Alignment(
        src,
        tgt,
        (
            Bead((1,), (0,), 1.0, "translated"),
            Bead((0,), (1,), 1.0, "translated"),
            Bead((2,), (2,), 1.0, "translated"),
        ),
    )
    assert not swapped.whole()
