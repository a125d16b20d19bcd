"""Similarity backends: the default USE model, the text cache, plugging a class by dotted path."""

import numpy as np
import pytest
from fake_similarity import BagOfWords

from transpair import embed
from transpair.errors import InputError


def test_cache_embeds_each_distinct_text_once():
    backend = BagOfWords()
    cached = embed.CachedSimilarity(backend)
    first = cached.embed(["a b", "c", "a b"])
    again = cached.embed(["c", "a b"])
    assert backend.texts == 2
    assert (cached.hits, cached.misses) == (3, 2)
    assert np.allclose(first[0], again[1])
    assert cached.embed([]).shape[0] == 0


def test_rows_are_unit_vectors_even_from_a_backend_that_does_not_normalize():
    class Raw:
        def embed(self, texts):
            return np.array([[3.0, 4.0], [0.0, 0.0]])[: len(texts)]

    vectors = embed.CachedSimilarity(Raw()).embed(["x", "y"])
    assert np.allclose(vectors, [[0.6, 0.8], [0.0, 0.0]])


def test_load_similarity_by_dotted_path():
    backend = embed.load_similarity("fake_similarity:BagOfWords")
    assert isinstance(backend.backend, BagOfWords)
    assert isinstance(embed.load_similarity(None).backend, embed.USESimilarity)


@pytest.mark.parametrize(
    "spec", ["nomodule_xyz:Thing", "fake_similarity:Missing", "fake_similarity", "numpy:ndarray"]
)
def test_load_similarity_rejects_bad_specs(spec):
    with pytest.raises(InputError, match="--similarity"):
        embed.load_similarity(spec)


def test_use_model_scores_a_translation_above_an_unrelated_sentence():
    vectors = embed.USESimilarity().embed(
        [
            "The cat sleeps on the sofa.",
            "고양이가 소파 위에서 잠을 잡니다.",
            "주식 시장이 오늘 크게 하락했습니다.",
        ]
    )
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
