"""align/confidence: a bead's confidence is a probability falling with its match score and margin, and a pair
held in place by sure pairs is not in doubt."""

from conftest import gold_data
from hypothesis import given
from hypothesis import strategies as st

from transpair.align import confidence, search
from transpair.model import Bead, Cause
from transpair.read.reader import read_document


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.floats(0, 50))
def test_confidence_is_a_probability_falling_with_the_match_score_and_the_margin(margin, match, drop):
    high = confidence.confidence(confidence.Evidence((0,), (0,), margin, match))
    low = confidence.confidence(confidence.Evidence((0,), (0,), margin, match - drop))
    assert 0.0 <= low <= high <= 1.0
    assert confidence.confidence(confidence.Evidence((0,), (0,), margin - drop, match)) <= high
    skip = confidence.Evidence((0,), (), margin)
    assert confidence.confidence(skip) >= high  # a skip is judged by its margin alone


def bead(source, target, score=0.9, fuzzy=False):
    """A bead as bead_of makes it: fuzzy for low confidence below one half."""
    if fuzzy:
        return Bead(source, target, score, "fuzzy", "low alignment confidence", Cause.LOW_CONFIDENCE)
    if not source or not target:
        return Bead(source, target, score, "source-only" if source else "target-only")
    return Bead(source, target, score, "translated")


def test_pairs_between_sure_pairs_are_held_in_place():
    beads = [
        bead((0,), (0,), 0.8),
        bead((1,), (1,), 0.1, True),
        bead((2,), (2,), 0.2, True),
        bead((3,), (3,), 0.95),
    ]
    held = confidence.held_in_place(beads)
    assert [b.status for b in held] == ["translated"] * 4
    assert [b.score for b in held] == [0.8, 0.8, 0.8, 0.95]  # as sure as the weaker of the pairs around them
    assert held[1].cause == Cause.NONE and not held[1].reason
    at_the_end = confidence.held_in_place([bead((0,), (0,), 0.7), bead((1,), (1,), 0.1, True)])
    assert [b.status for b in at_the_end] == ["translated", "translated"]


def test_pairs_with_somewhere_else_to_go_stay_fuzzy():
    lone = [bead((0,), (0,), 0.1, True), bead((1,), (1,), 0.1, True)]  # no sure pair holds them
    beside_a_skip = [bead((0,), (0,), 0.9), bead((1,), (1,), 0.1, True), bead((2,), ())]
    beside_a_merge = [bead((0,), (0,), 0.9), bead((1,), (1,), 0.1, True), bead((2, 3), (2,), 0.2, True)]
    merged = [bead((0,), (0,), 0.9), bead((1, 2), (1,), 0.1, True), bead((3,), (2,), 0.9)]
    for beads in (lone, beside_a_skip, beside_a_merge, merged):
        assert confidence.held_in_place(beads) == beads


def test_a_short_free_translation_between_translated_paragraphs_is_not_fuzzy():
    # The Rust book's "Summary" / "정리" (data/gold/rust-book-ko, MIT or Apache-2.0): the heading's words
    # share little with their translation, so its match is weak, but the paragraphs around it hold it.
    folder = gold_data() / "rust-book-ko"
    source = read_document(folder / "ch06-03-if-let.en.txt").blocks
    target = read_document(folder / "ch06-03-if-let.ko.txt").blocks
    heading = next(b for b in search.align_blocks(source, target) if source[b.source[0]].text == "Summary")
    assert [target[j].text for j in heading.target] == ["정리"]
    assert heading.status == "translated" and heading.score >= confidence.FUZZY_THRESHOLD
