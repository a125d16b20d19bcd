"""align/members: a doubtful merge whose every block brings its own translation, and a doubtful pair beside a
block that is really alone, are translated; a pair whose other side holds the lone block stays fuzzy."""

import numpy as np
from conftest import dev_data, gold_data
from fake_similarity import BagOfWords

from transpair.align import members, search
from transpair.model import Bead, Block, Cause
from transpair.read.reader import read_document


def unit(*rows):
    """Rows scaled to unit length."""
    vectors = np.array(rows, dtype=float)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_each_member_must_have_a_piece_of_the_other_side_of_its_own():
    m0, m1 = [1, 0, 0, 0], [0, 1, 0, 0]
    # pieces: sentences, then the span at the start (the first member's) and at the end (the last one's)
    places = [(0, 10), (10, 20), (0, 5), (15, 20)]
    pieces = unit(m0, m1, m0, m1)
    assert members.members_earn_place(unit(m0, m1), pieces, places)
    # the second member is nobody's closest and far from the end span: swallowed
    assert not members.members_earn_place(unit(m0, [0, 0, 1, 0]), pieces, places)
    # closest to a sentence, but too far from it to be its translation (below ANCHOR_COSINE)
    far = unit(m0, [0, 0.4, 1, 0], m0, [0, 0, 0, 1])
    assert not members.members_earn_place(unit(m0, m1), far, places)


def test_a_heading_merged_without_a_sentence_end_earns_its_place_by_the_edge_span():
    # the heading's translation opens the first sentence, which reads as the paragraph's
    pieces = unit([0.3, 1, 0, 0], [0, 1, 0.2, 0], [1, 0.1, 0, 0], [0, 1, 0, 0])
    places = [(0, 20), (21, 40), (0, 5), (35, 40)]
    assert members.members_earn_place(unit([1, 0, 0, 0], [0, 1, 0, 0]), pieces, places)


def test_two_members_cannot_both_claim_the_same_words():
    # the first member is the closest to the one sentence; the second matches the end span, inside it
    pieces = unit([1, 0.6, 0, 0], [0.5, 1, 0, 0], [0.2, 1, 0, 0])
    places = [(0, 40), (0, 10), (30, 40)]
    assert not members.members_earn_place(unit([1, 0, 0, 0], [0, 1, 0, 0]), pieces, places)


def test_a_lone_block_is_answered_by_a_piece_closer_to_it_than_to_the_pairs_own_sentences():
    lone, own = unit([1, 0, 0])[0], unit([0, 1, 0])
    pieces = unit([0.9, 0.1, 0], [0, 1, 0.1])
    assert members.answers_lone(lone, own, pieces, np.array([-1.0, -1.0]))
    assert not members.answers_lone(lone, own, pieces, np.array([0.999, -1.0]))  # below its floor
    assert not members.answers_lone(lone, own, unit([0.1, 0.9, 0], [0, 1, 0.1]), np.array([-1.0, -1.0]))


def test_the_edge_span_takes_whole_words_from_the_side_facing_the_lone_block():
    text = "장식적인 출력 포매팅 지금까지 우리는 값을"
    assert members.edge_span(text, 10, at_start=True) == "장식적인 출력 포매팅"
    assert members.edge_span(text, 5, at_start=False) == "우리는 값을"
    assert members.edge_span(text, 1000, at_start=True) == text


def fuzzy(source, target):
    """A bead fuzzy for low confidence, as bead_of makes it."""
    return Bead(source, target, 0.3, "fuzzy", "low alignment confidence", Cause.LOW_CONFIDENCE)


def blocks(*texts):
    """Blocks for texts."""
    return [Block(t) for t in texts]


def test_settled_by_sentences_on_made_up_words():
    similarity = BagOfWords()
    source = blocks("A1 a2 a3", "B1 b2 b3")
    merged = blocks("A1다 a2다 a3다 x. B1다 b2다 b3다 y.")
    settled = members.settled_by_sentences([fuzzy((0, 1), (0,))], source, merged, similarity)
    assert settled[0].status == "translated" and settled[0].cause == Cause.NONE and settled[0].score == 0.5
    joined = blocks("A1다 a2다 a3다 B1다 b2다 b3다.")  # no sentence end: each block has its edge of it
    assert (
        members.settled_by_sentences([fuzzy((0, 1), (0,))], source, joined, similarity)[0].status
        == "translated"
    )
    swallowed = blocks("A1다 a2다 a3다 x1다 x2다 x3다.")  # nothing of the second block: it was swallowed
    assert (
        members.settled_by_sentences([fuzzy((0, 1), (0,))], source, swallowed, similarity)[0].status
        == "fuzzy"
    )
    # a heading left alone beside a pair: the pair's other side starts with the heading's words
    source = blocks("h1 h2", "p1 p2 p3 p4 p5 p6.")
    beads = [Bead((0,), (), 0.9, "source-only"), fuzzy((1,), (0,))]
    partial = blocks("h1다 h2다 p1다 p2다 p3다 p4다 p5다 p6다.")
    assert members.settled_by_sentences(beads, source, partial, similarity)[1].status == "fuzzy"
    alone = blocks("p1다 p2다 p3다 p4다 p5다 p6다.")
    assert members.settled_by_sentences(beads, source, alone, similarity)[1].status == "translated"
    # a pair whose own blocks do not match (one word of six) is not settled by a lone block beside it
    other = blocks("p1다 q2다 q3다 q4다 q5다 q6다.")
    assert members.settled_by_sentences(beads, source, other, similarity)[1].status == "fuzzy"
    # no block left alone beside it: nothing inside the blocks settles a 1-1 pair
    assert (
        members.settled_by_sentences([fuzzy((1,), (0,))], source[1:], alone, similarity)[0].status == "fuzzy"
    )


def statuses(name, en, ko):
    """Align a window of a real dev-set document with the default embeddings: each bead's status."""
    source = read_document(dev_data() / f"{name}.en.txt").blocks[slice(*en)]
    target = read_document(dev_data() / f"{name}.ko.txt").blocks[slice(*ko)]
    return {(b.source, b.target): b.status for b in search.align_blocks(source, target)}


def test_a_heading_merged_into_the_next_paragraph_leaves_the_pair_fuzzy():
    # pydocs-ko-hard (PSF licence): the Korean joins "장식적인 출력 포매팅" (the heading "Fancier Output
    # Formatting") to the paragraph after it; the English heading is left alone and the pair is partial
    found = statuses("pydocs-ko-hard/tutorial-inputoutput", (0, 6), (0, 5))
    assert found[((1,), ())] == "source-only" and found[((2,), (1,))] == "fuzzy"


def test_a_pair_beside_a_paragraph_added_to_one_version_is_translated():
    # vitedocs-ko (MIT): "In general, prefer **importing assets** ..." was added to the English after the
    # translation; the pair before it ("Note that you should always reference `public` assets ...") is right
    found = statuses("vitedocs-ko/guide-assets", (26, 36), (26, 36))
    assert found[((6,), ())] == "source-only" and found[((5,), (5,))] == "translated"
    # a Korean paragraph with no English ("`vite@2` 및 `vite@5.0`은 ...") before "We recommend updating
    # Vite regularly" / "따라서 정기적인 Vite 업데이트를 권장합니다"
    found = statuses("vitedocs-ko/releases", (10, 19), (8, 22))
    assert found[((), (9,))] == "target-only" and found[((5,), (10,))] == "translated"


def test_a_split_whose_second_part_reads_as_the_end_of_the_english_is_translated():
    # pydocs-ko-hard: the Korean splits "An optional format specifier can follow the expression. This allows
    # greater control ... three places after the decimal::" in two; its second part is closer to the last
    # two English sentences than to the first, but below ANCHOR_COSINE with each: it earns its place by
    # the words at the end of the English, which the first part does not claim
    found = statuses("pydocs-ko-hard/tutorial-inputoutput", (10, 16), (8, 14))
    assert found[((3,), (2, 3))] == "translated"


def test_a_merge_whose_blocks_each_bring_a_sentence_is_translated():
    # pydocs-ko-hard: ":ref:`reference-index`: ..." and "More Python resources:" merged into one Korean
    # paragraph, each the translation of one of its sentences
    found = statuses("pydocs-ko-hard/tutorial-whatnow", (0, 8), (0, 7))
    assert found[((4, 5), (4,))] == "translated"


def test_two_different_documents_get_no_pair_settled_beside_their_lone_blocks():
    # vuedocs-ko (CC BY 4.0): the English of the render-function API page against the Korean of the
    # watchers guide; their pairs stand beside lone blocks that none of them answers, but they are no
    # translations (their blocks match below ANCHOR_COSINE), so they stay in doubt
    source = read_document(dev_data() / "vuedocs-ko/api-render-function.en.txt").blocks[:12]
    target = read_document(dev_data() / "vuedocs-ko/guide-essentials-watchers.ko.txt").blocks[:12]
    assert "translated" not in {b.status for b in search.align_blocks(source, target)}


def test_each_member_must_have_an_ordered_part_of_the_other_sides_words():
    spans = [(0, 1), (0, 2), (1, 3), (2, 3)]  # a prefix and the suffix after it, for three words
    assert members.cut_earns_place(np.array([[0.8, 0.1, 0.2, 0.1], [0.1, 0.2, 0.7, 0.3]]), spans, 3)
    # the second member's part is closer to the first member
    assert not members.cut_earns_place(np.array([[0.8, 0.1, 0.9, 0.1], [0.1, 0.2, 0.7, 0.3]]), spans, 3)
    # each part reads best with its member, but one of them only at 0.45 (below ANCHOR_COSINE)
    assert not members.cut_earns_place(np.array([[0.8, 0.1, 0.2, 0.1], [0.1, 0.2, 0.45, 0.3]]), spans, 3)
    # the parts must come in the members' order: the first member's words end the other side
    assert not members.cut_earns_place(np.array([[0.1, 0.1, 0.7, 0.1], [0.8, 0.2, 0.1, 0.3]]), spans, 3)


def test_word_spans_are_the_parts_an_ordered_cut_can_make():
    assert members.word_spans(3, 2) == [(0, 1), (0, 2), (1, 3), (2, 3)]
    assert len(members.word_spans(4, 3)) == 9  # every span but the whole
    # a long sentence is cut at 10 boundaries spread from its first word to its last
    long = members.word_spans(200, 2, most=10)
    cuts = sorted(b for a, b in long if a == 0)
    assert len(long) == 20 and len(cuts) == 10 and cuts[0] == 1 and cuts[-1] == 199
    assert cuts == sorted(a for a, b in long if b == 200)


def sentence_bead(name, source, target):
    """A doubtful merge of the sentence gold's document `name` (data/gold/sentences-ko), settled by cuts."""
    en = read_document(gold_data() / f"sentences-ko/{name}.en.txt").blocks
    ko = read_document(gold_data() / f"sentences-ko/{name}.ko.txt").blocks
    return members.settled_by_cuts([fuzzy(source, target)], en, ko)[0]


def test_a_sentence_merged_with_the_end_of_the_one_before_stays_fuzzy():
    # The Rust Programming Language (MIT/Apache-2.0), ch03-03: "이 함수를 `main` 함수 앞에서 정의할 수도
    # 있습니다." translates the end of the English sentence before ("we could have defined it before as
    # well"), not a part of "Rust doesn't care where you define your functions, ..."
    assert sentence_bead("rust-ch03-03-how-functions-work", (3,), (3, 4)).status == "fuzzy"
