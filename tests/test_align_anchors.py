"""Anchors that survive translation, and SentencePiece lengths."""

import numpy as np

from transpair.align import anchors


def test_anchor_tokens_find_code_numbers_urls_names_and_punctuation():
    tokens = anchors.anchor_tokens(
        "``x++`` 문은 Python 3.12 에서 https://docs.python.org/3/ 참고 (역주: 예)?"
    )
    assert "code:x++" in tokens
    assert "python" in tokens
    assert "3.12" in tokens
    assert "https://docs.python.org/3/" in tokens
    assert {"(", ")", ":", "?"} <= set(tokens)
    assert not any("문" in t for t in tokens)


def test_anchor_vectors_keep_only_shared_anchors_and_add_up_over_spans():
    src, tgt = anchors.anchor_vectors(
        ["Use ``len`` on 42 items", "nothing shared here"], ["``len`` 을 42 개에", "없음"]
    )
    assert src[1].sum() == 0 and tgt[1].sum() == 0
    assert np.minimum(src[0], tgt[0]).sum() > 0
    assert np.allclose(src[0], tgt[0])  # both hold exactly the shared anchors code:len and 42


def test_token_counts_use_sentencepiece_for_both_languages():
    counts = anchors.token_counts(["Hello world", "안녕하세요 세계", ""])
    assert counts[0] > 1 and counts[1] > 1 and counts[2] == 0
    assert len(anchors.token_counts([])) == 0
