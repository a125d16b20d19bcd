"""fuzzy: msgmerge's similarity and the best one-to-one near-exact pairs, whatever the chunking and on this
process's share of the cores."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process

import transpair.history.fuzzy
from transpair.history.fuzzy import FUZZY_MATCH, fuzzy_pairs, similarity

LONG = "The quick brown fox jumps over the lazy dog near the river bank."


def test_similarity_bounds():
    assert similarity(LONG, LONG) == 1.0
    assert similarity(LONG, "Zzz.") < FUZZY_MATCH


def test_similarity_is_msgmerges_share_of_characters_kept_by_inserts_and_deletes():
    assert similarity("abcd", "abxd") == pytest.approx(1 - 2 / 8)  # one change: a delete and an insert
    assert similarity("abc", "abcdef") == pytest.approx(1 - 3 / 9)
    assert similarity("", "") == 1.0 and similarity("ab", "") == 0.0


def greedy_pairs(new: list[str], old: list[str]) -> dict[int, int]:
    """The reference: every pair scored, best first (then lower indices), taken when both are free."""
    scored = sorted(
        (-similarity(n, o), i, j)
        for i, n in enumerate(new)
        for j, o in enumerate(old)
        if similarity(n, o) >= FUZZY_MATCH
    )
    pairs: dict[int, int] = {}
    for _, i, j in scored:
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    return pairs


texts = st.lists(st.text(alphabet="abc de", max_size=12), max_size=12)


@settings(max_examples=200, deadline=None)  # a property of the pairs, not a timing
@given(texts, texts, st.integers(1, 5))
def test_fuzzy_pairs_are_the_greedy_best_pairs_whatever_the_chunking(new, old, rows):
    saved, transpair.history.fuzzy.ROWS = transpair.history.fuzzy.ROWS, rows
    try:
        assert fuzzy_pairs(new, old) == greedy_pairs(new, old)
    finally:
        transpair.history.fuzzy.ROWS = saved


def test_fuzzy_pairs_use_only_this_process_share_of_the_cores(monkeypatch):
    workers = []
    cdist = process.cdist

    def counted(*args, **kwargs):
        workers.append(kwargs.get("workers", 1))
        return cdist(*args, **kwargs)

    monkeypatch.setattr(process, "cdist", counted)
    monkeypatch.setenv("TRANSPAIR_THREADS", "1")  # a --jobs worker's share on a machine of --jobs cores
    assert fuzzy_pairs(["abc", "xyz"], ["abd"]) == {0: 0}
    assert workers == [1]
