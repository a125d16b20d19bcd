"""A cheap, deterministic similarity backend for aligner tests: a hashed bag of words."""

import zlib

import numpy as np

DIM = 64


class BagOfWords:
    """Vectors from the words of a text (a trailing '다' is ignored, so 'w1다' matches 'w1'); counts calls."""

    def __init__(self):
        self.calls = 0
        self.texts = 0

    def embed(self, texts):
        """One unit vector per text."""
        self.calls += 1
        self.texts += len(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in zip(out, texts):
            for word in text.split():
                row[zlib.crc32(word.removesuffix("다").encode()) % DIM] += 1
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1)


class WithOwnWait(BagOfWords):
    """A user backend whose methods happen to be named like transpair's model-loading ones."""

    def preload(self, path):
        raise AssertionError(f"transpair called the backend's own preload({path})")

    def wait(self, seconds):
        raise AssertionError(f"transpair called the backend's own wait({seconds})")


def paragraph(rng, words=12) -> str:
    """A random 'English' paragraph of made-up words ending in a period."""
    return " ".join(f"w{rng.randrange(400)}" for _ in range(words)).capitalize() + "."


def translate(text: str) -> str:
    """The fake 'Korean' translation: every word gets a Korean ending."""
    return " ".join(w.rstrip(".") + "다" for w in text.split()) + "."
