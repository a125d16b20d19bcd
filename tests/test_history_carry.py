"""Carrying an alignment made with the old source over to today's source."""

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from transpair.cli.align import doubt
from transpair.history import carry, fuzzy
from transpair.model import Alignment, Bead, Block, Cause, Document, Origin

ORIGIN = Origin("3f2a1c9e77aa", "2025-02-24", commits_since=2)
OLD = [
    "Installing the package.",
    "Run the installer and follow the steps it shows on the screen.",
    "They both equal 3 when the loop ends.",
    "The configuration file lives in your home folder.",
    "This paragraph is about to be removed from the English.",
    "Troubleshooting.",
]


def doc(path: str, texts: list[str]) -> Document:
    return Document(path, "\n\n".join(texts), tuple(Block(t) for t in texts))


def translated(texts: list[str]) -> Alignment:
    """A 1-1 alignment of `texts` with a Korean version of each."""
    korean = [f"번역 {i}" for i in range(len(texts))]
    beads = tuple(Bead((i,), (i,), 0.9, "translated") for i in range(len(texts)))
    return Alignment(doc("a.en.txt", texts), doc("a.ko.txt", korean), beads)


def test_blocks_are_matched_exactly_moved_and_near():
    new = [OLD[0], "New paragraph about something else entirely.", OLD[1], OLD[5], OLD[3]]
    new.insert(3, "They both equal 5 when the loop ends.")
    found = carry.match_blocks(OLD, new)
    assert found[0] == carry.BlockMatch((0,), False) and found[1] == carry.BlockMatch((2,), False)
    assert found[2] == carry.BlockMatch((3,), True)
    assert found[5] == carry.BlockMatch((4,), False) and found[3] == carry.BlockMatch((5,), False)
    assert 4 not in found


def test_of_two_near_matches_the_one_that_keeps_document_order_wins():
    old = ["Intro.", "Web Components and Typescript", "Register the element type with the compiler.", "End."]
    new = [
        "Intro.",
        "Vue-based Web Components and TypeScript",
        "Register the element types with the compiler.",
        "Non-Vue Web Components and TypeScript",
        "End.",
    ]
    assert fuzzy.similarity(old[1], new[3]) > fuzzy.similarity(old[1], new[1])
    found = carry.match_blocks(old, new)
    assert found[1] == carry.BlockMatch((1,), True) and found[2] == carry.BlockMatch((2,), True)


def test_of_equally_near_matches_in_one_gap_the_first_wins():
    old, new = ["A.", "Step one of three.", "B."], ["A.", "Step one of tree.", "Step one of thee.", "B."]
    assert fuzzy.similarity(old[1], new[1]) == fuzzy.similarity(old[1], new[2])
    assert carry.match_blocks(old, new)[1] == carry.BlockMatch((1,), True)
    assert carry.match_blocks(old, [new[0], new[2], new[1], new[3]])[1] == carry.BlockMatch((1,), True)


def test_a_link_whose_encoded_query_or_fragment_changed_is_the_same_link():
    old = [
        "Intro.",
        "[Try it](https://play.example.org/?v=1#eNpFjs1qwzAQhF9l0CU2uDZtb8UOlJ576bXqwaQyCGRJyCsTEHr3rGwnOehnd2)",
        "End.",
    ]
    new = [
        "Intro.",
        "[Try it](https://play.example.org/?v=2#eNp9UsluwjAQ/ZWRLwQpDepyQoDUIg6t1EWmhlHR3yZGmwq0Vt8bKcA)",
        "End.",
    ]
    assert fuzzy.similarity(old[1], new[1]) < fuzzy.FUZZY_MATCH  # the encoded code differs
    assert carry.match_blocks(old, new)[1] == carry.BlockMatch((1,), True)


def test_a_paragraph_split_since_takes_both_parts():
    old = [
        "Slots.",
        "An option to assist with type inference in render functions. Only supported in 3.3+.",
        "End.",
    ]
    new = [
        "Slots.",
        "Only supported in 3.3+",
        "An option to assist with type inference in render functions.",
        "End.",
    ]
    assert carry.match_blocks(old, new)[1] == carry.BlockMatch((1, 2), True)
    result = carry.carry(translated(old), doc("a.en.txt", new), ORIGIN)
    assert [(b.source, b.target, b.status) for b in result.beads][1] == ((1, 2), (1,), "outdated")


def test_two_paragraphs_merged_since_keep_both_translations():
    # Vite's features guide (MIT), its Lightning CSS section rewritten in 2025: the second half of one
    # paragraph and the whole next one became one paragraph, and the first half was dropped
    old = [
        "Lightning CSS",
        "If enabled, CSS files will be processed by Lightning CSS instead of PostCSS. To configure it, you "
        "can pass Lightning CSS options to the css.lightningcss config option.",
        "To configure CSS Modules, you'll use css.lightningcss.cssModules instead of css.modules (which "
        "configures the way PostCSS handles CSS modules).",
        "Static Assets",
    ]
    new = [
        "Lightning CSS",
        "To configure it, you can pass Lightning CSS options to the css.lightningcss config option. To "
        "configure CSS Modules, you should use css.lightningcss.cssModules instead of css.modules (which "
        "configures the way PostCSS handles CSS modules).",
        "Static Assets",
    ]
    found = carry.match_blocks(old, new)
    assert found[1] == found[2] == carry.BlockMatch((1,), True)
    result = carry.carry(translated(old), doc("a.en.txt", new), ORIGIN)
    assert [(b.source, b.target, b.status) for b in result.beads] == [
        ((0,), (0,), "translated"),
        ((1,), (1, 2), "outdated"),
        ((2,), (3,), "translated"),
    ]
    assert result.beads[1].previous == f"{old[1]}\n\n{old[2]}"


def test_a_heading_removed_beside_a_changed_paragraph_is_not_merged_into_it():
    old = ["Lightning CSS", "Vite can use Lightning CSS to process CSS files.", "End."]
    new = ["Vite uses Lightning CSS to minify CSS files by default.", "End."]
    assert 0 not in carry.match_blocks(old, new)


def test_a_new_paragraph_beside_a_changed_one_stays_new():
    old = ["Slots.", "An option to assist with type inference in render functions.", "End."]
    new = [
        "Slots.",
        "An option to help type inference in render functions.",
        "Slots can be typed too.",
        "End.",
    ]
    assert carry.match_blocks(old, new)[1] == carry.BlockMatch((1,), True)


def test_a_gap_too_large_for_the_in_order_table_is_matched_best_first(monkeypatch):
    # the table costs 12 bytes a cell: a rewrite of 30,000 paragraphs between two exact matches would need
    # 10 GB, so such a gap takes the best-first near matches the moved paragraphs get
    old = ["Intro.", "Step one of three.", "Step two of three.", "End."]
    new = ["Intro.", "Step two of tree.", "Step one of tree.", "End."]
    assert carry.match_blocks(old, new)[1] == carry.BlockMatch((1,), True)  # in order
    monkeypatch.setattr(carry, "NEAR_CELLS", 3)
    monkeypatch.setattr(carry, "heaviest_in_order", lambda weights: pytest.fail("a table of 4 cells"))
    found = carry.match_blocks(old, new)
    assert found[1] == carry.BlockMatch((2,), True) and found[2] == carry.BlockMatch((1,), True)


@given(st.lists(st.lists(st.integers(0, 3), min_size=3, max_size=3), min_size=1, max_size=3))
def test_the_heaviest_in_order_cells_beat_every_other_increasing_choice(rows):
    weights = np.array(rows, dtype=float)
    cells = carry.heaviest_in_order(weights)
    assert all(weights[r, c] > 0 for r, c in cells)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(cells, cells[1:]))
    every = itertools.product(*[[None, *range(weights.shape[1])] for _ in rows])
    increasing = (
        [(r, c) for r, c in enumerate(choice) if c is not None and weights[r, c] > 0] for choice in every
    )
    best = max(
        sum(weights[r, c] for r, c in cs) for cs in increasing if all(a[1] < b[1] for a, b in zip(cs, cs[1:]))
    )
    assert sum(weights[r, c] for r, c in cells) == best


def test_every_kind_of_edit_gets_its_status():
    new = [
        OLD[0],
        OLD[1],
        "Added since the translation, a paragraph nobody translated.",
        OLD[3],
        OLD[5],
        OLD[2],
    ]
    new[5] = "They both equal 3 once the loop has ended."  # words changed (a number change is markup)
    result = carry.carry(translated(OLD), doc("a.en.txt", new), ORIGIN)
    by_source = {b.source: b for b in result.beads}
    assert by_source[(0,)].status == "translated" and by_source[(0,)].target == (0,)
    assert by_source[(2,)] == Bead(
        (2,), (), 0.0, "untranslated", "new in source since 3f2a1c9 (2025-02-24)", Cause.NEW_IN_SOURCE
    )
    moved = by_source[(5,)]
    assert moved.target == (2,) and moved.status == "outdated" and moved.previous == OLD[2]
    assert moved.cause == Cause.OUTDATED
    assert moved.reason == "source changed since 3f2a1c9 (2025-02-24)"
    removed = by_source[()]
    assert removed.target == (4,) and removed.previous == OLD[4] and removed.status == "target-only"
    assert removed.cause == Cause.REMOVED_FROM_SOURCE
    assert result.origin == Origin(ORIGIN.rev, ORIGIN.date, 2, changed=1, added=1, removed=1)
    assert result.source.path == "a.en.txt" and len(result.source.blocks) == len(new)


def test_a_bead_losing_one_of_two_paragraphs_is_outdated():
    old = translated(OLD[:3])
    old = Alignment(
        old.source, old.target, (Bead((0, 1), (0, 1), 0.8, "translated"), Bead((2,), (2,), 0.9, "translated"))
    )
    result = carry.carry(old, doc("a.en.txt", [OLD[0], OLD[2]]), ORIGIN)
    assert result.beads[0].source == (0,) and result.beads[0].status == "outdated"
    assert result.beads[0].previous == f"{OLD[0]}\n\n{OLD[1]}"
    assert result.beads[1].status == "translated"


def test_untranslated_beads_stay_untranslated_when_their_source_changes():
    old = translated(OLD[:2])
    old = Alignment(
        old.source, old.target, (old.beads[0], Bead((1,), (1,), 0.9, "untranslated", "left in English"))
    )
    result = carry.carry(old, doc("a.en.txt", [OLD[0], OLD[1] + " Then reboot."]), ORIGIN)
    assert result.beads[1].status == "untranslated" and result.beads[1].previous == ""


def test_a_removed_source_only_paragraph_leaves_no_bead():
    old = Alignment(
        doc("a", OLD[:2]),
        doc("b", ["번역"]),
        (Bead((0,), (0,), 0.9, "translated"), Bead((1,), (), 0.5, "source-only")),
    )
    result = carry.carry(old, doc("a", OLD[:1]), ORIGIN)
    assert [b.source for b in result.beads] == [(0,)]


PARAGRAPHS = st.lists(
    st.sampled_from(OLD + [f"Paragraph number {n} of the guide." for n in range(8)]), max_size=12
)


@given(PARAGRAPHS, PARAGRAPHS)
def test_every_block_of_both_sides_is_in_exactly_one_bead(old_texts, new_texts):
    result = carry.carry(translated(old_texts), doc("a.en.txt", new_texts), ORIGIN)
    assert sorted(i for b in result.beads for i in b.source) == list(range(len(new_texts)))
    assert sorted(j for b in result.beads for j in b.target) == list(range(len(old_texts)))
    firsts = [min(b.source) for b in result.beads if b.source]
    assert firsts == sorted(firsts)


@given(PARAGRAPHS)
def test_an_unchanged_source_keeps_the_alignment(texts):
    old = translated(texts)
    assert carry.carry(old, doc("a.en.txt", texts), ORIGIN).beads == old.beads


def test_a_page_mostly_rewritten_since_is_no_sign_of_a_wrong_translation():
    new = [
        "They both equal 5 when the loop ends.",
        *[f"Paragraph number {n} of the guide." for n in range(6)],
    ]
    result = carry.carry(translated(OLD[:3]), doc("a.en.txt", new), ORIGIN)
    assert [b.status for b in result.beads].count("untranslated") == 6
    assert doubt(result) is None
