"""Language-neutral evidence for the aligner: SentencePiece token counts and anchor tokens.

Anchors are what survives translation: numbers, URLs, inline code, Latin-script words (names and
identifiers left in Korean text), and punctuation such as parentheses, colons and question marks.
Each block becomes a hashed, idf-weighted count vector over the anchors the two documents share,
so the anchors of a multi-block span are the sum of its blocks' vectors (memory stays linear).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np
import regex

from transpair.align import embed

HASH_DIM = 256  # hashed anchor vocabulary; collisions are rare at a few dozen anchors per block

_URL = r"https?://[^\s<>()\"'`]+"
_CODE = r"``[^`]+``|`[^`]+`"
_NUMBER = r"\d+(?:[.,:]\d+)*"
_WORD = r"\p{Latin}[\p{Latin}\d_]*(?:[.'][\p{Latin}\d_]+)*"
_PUNCT = r"[()?!:;\"]"
_ANCHOR = regex.compile(
    f"(?P<url>{_URL})|(?P<code>{_CODE})|(?P<num>{_NUMBER})|(?P<word>{_WORD})|(?P<punct>{_PUNCT})"
)


def token_counts(texts: Sequence[str]) -> np.ndarray:
    """SentencePiece token count of each text (a length that varies less across languages than characters)."""
    if not texts:
        return np.zeros(0)
    return np.array([len(ids) for ids in embed.use_tokenizer().encode(list(texts))], dtype=np.float64)


_LETTER = regex.compile(r"\p{L}")
_LATIN = regex.compile(r"\p{Latin}")


def latin_shares(texts: Sequence[str]) -> np.ndarray:
    """Share of each text's letters that are Latin: tells a block kept in English from its translation."""
    return np.array(
        [len(_LATIN.findall(t)) / max(len(_LETTER.findall(t)), 1) for t in texts], dtype=np.float64
    )


def anchor_tokens(text: str) -> list[str]:
    """The anchors of one text: URLs, code spans, numbers, Latin words (case-folded), key punctuation."""
    tokens = []
    for match in _ANCHOR.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind == "code":
            tokens.append("code:" + value.strip("`"))
        elif kind == "word":
            tokens.append(value.casefold())
        else:
            tokens.append(value)
    return tokens


def _bucket(token: str) -> int:
    """A stable hash bucket for a token (crc32, independent of PYTHONHASHSEED)."""
    return zlib.crc32(token.encode("utf-8")) % HASH_DIM


def anchor_vectors(source: Sequence[str], target: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hashed anchor count vectors of each block, keeping anchors found on both sides, weighted by idf."""
    src_tokens = [Counter(anchor_tokens(t)) for t in source]
    tgt_tokens = [Counter(anchor_tokens(t)) for t in target]
    df = Counter(tok for counts in src_tokens + tgt_tokens for tok in counts)
    shared = set().union(*src_tokens) & set().union(*tgt_tokens) if src_tokens and tgt_tokens else set()
    total = len(src_tokens) + len(tgt_tokens)
    weight = {tok: float(np.log((total + 1) / df[tok])) for tok in shared}
    return _hashed(src_tokens, weight), _hashed(tgt_tokens, weight)


def _hashed(blocks: list[Counter], weight: dict[str, float]) -> np.ndarray:
    """One row per block: idf-weighted counts of its shared anchors, folded into HASH_DIM buckets."""
    out = np.zeros((len(blocks), HASH_DIM), dtype=np.float32)
    for row, counts in zip(out, blocks):
        for tok, n in counts.items():
            if tok in weight:
                row[_bucket(tok)] += n * weight[tok]
    return out
