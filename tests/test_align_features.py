"""align/features: the length ratio from mutually most similar blocks, windows on long pairs."""

import numpy as np
import pytest

from transpair.align import embed, features


def test_length_ratio_is_bounded():
    assert (
        features.length_ratio(np.array([10.0, 12.0, 1.0]), np.array([20.0, 2.0, 200.0, 24.0, 1.0])) == 2.0
    )  # medians 20 and 10
    assert features.length_ratio(np.array([1.0]), np.array([100.0])) == 4.0
    assert features.length_ratio(np.array([]), np.array([5.0])) == 1.0


def test_ratio_comes_from_mutually_most_similar_blocks():
    src = np.eye(4, dtype=np.float32)
    tgt = np.eye(4, dtype=np.float32)[[1, 0, 2, 3]]
    assert features.mutual_best(src, tgt, 0.5) == [(0, 1), (1, 0), (2, 2), (3, 3)]
    ratio = features.anchored_ratio(src, tgt, np.array([10.0, 20, 30, 40]), np.array([42.0, 21, 63, 83]))
    assert ratio == pytest.approx(2.0, rel=0.05)


def test_mutual_best_of_a_long_pair_compares_proportional_windows():
    rng = np.random.default_rng(1)
    src = embed.normalize_rows(rng.standard_normal((50, 64)))  # unrelated blocks: cosine far below 0.5
    tgt = src[[*range(10), *range(11, 50)]]  # block 10 dropped from the target
    whole = features.mutual_best(src, tgt, 0.5)
    assert whole == [(i, i if i < 10 else i - 1) for i in range(50) if i != 10]
    assert features.mutual_best(src, tgt, 0.5, window=100) == whole
    assert set(features.mutual_best(src, tgt, 0.5, window=12)) <= set(whole)
    assert len(features.mutual_best(src, tgt, 0.5, window=12)) >= 45  # only pairs across a window edge lost
    assert features.mutual_best(src[:0], tgt, 0.5, window=12) == []


def test_ratio_falls_back_to_median_lengths_without_enough_pairs():
    src, tgt = np.eye(2, dtype=np.float32), np.eye(2, dtype=np.float32)
    assert features.anchored_ratio(src, tgt, np.array([10.0, 10]), np.array([30.0, 30])) == 3.0


def test_cell_dots_are_each_cells_dot_product_however_the_cells_are_grouped():
    rng = np.random.default_rng(0)
    left, right = rng.normal(size=(40, 16)).astype(np.float32), rng.normal(size=(50, 16)).astype(np.float32)

    def dots(rows, cols):
        return np.array(
            [left[i].astype(np.float64) @ right[j].astype(np.float64) for i, j in zip(rows, cols)]
        )

    rows = np.repeat(np.arange(40), 5)  # a band: each row's cells near its diagonal
    cols = np.clip(rows + np.tile(np.arange(-2, 3), 40), 0, 49)
    far = np.array([0, 39]), np.array([49, 0])  # two cells far apart: split, not one 40 x 50 product
    for r, c in ((rows, cols), far, (rows[:1], cols[:1])):
        assert np.allclose(features.cell_dots(left, r, right, c), dots(r, c), rtol=0, atol=1e-12)
    assert features.cell_dots(left, rows[:0], right, cols[:0]).shape == (0,)
