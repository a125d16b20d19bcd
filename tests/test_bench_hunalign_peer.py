"""bench/hunalign_peer.py: a sentence gold's sides as hunalign lines with <p> marks, and the ladder mapped
back to sentence ids."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import hunalign_peer  # noqa: E402

from transpair.model import Block  # noqa: E402


def test_paragraphs_are_marked_and_marks_leave_the_beads(monkeypatch):
    source = [Block("One."), Block("Two."), Block("Three.")]
    target = [Block("하나."), Block("둘."), Block("셋."), Block("넷.")]
    paragraphs = (((0, 1), (2,)), ((0,), (1, 2, 3)))
    seen = []

    def ladder(binary, src, tgt):
        """hunalign's ladder as beads over lines: One-하나, Two-<p>, <p>-둘 셋, Three-넷."""
        seen.append((src, tgt))
        return [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,))]

    monkeypatch.setattr(hunalign_peer, "hunalign_ladder", ladder)
    beads = hunalign_peer.sentence_beads("hunalign", source, target, paragraphs)
    assert seen == [(["One .", "Two .", "<p>", "Three ."], ["하나 .", "<p>", "둘 .", "셋 .", "넷 ."])]
    assert beads == [((0,), (0,)), ((1,), ()), ((), (1, 2)), ((2,), (3,))]


def test_a_bead_of_paragraph_marks_only_is_dropped(monkeypatch):
    monkeypatch.setattr(
        hunalign_peer, "hunalign_ladder", lambda b, s, t: [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    )
    source, target = [Block("A."), Block("B.")], [Block("가."), Block("나.")]
    beads = hunalign_peer.sentence_beads("hunalign", source, target, (((0,), (1,)), ((0,), (1,))))
    assert beads == [((0,), (0,)), ((1,), (1,))]
