"""Tests for transpair.bilingual: splitting an article written in both languages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from untranslated_fixtures import BLOG, EN, KO, doc

from transpair.read.placeholder_patterns import compile_markers
from transpair.read.reader import read_document
from transpair.settle import bilingual, langid


def test_split_bilingual_sections_keep_spans_and_languages():
    post = read_document(BLOG / "2014-03-27.en.txt")
    en, ko = bilingual.split_bilingual(post)
    assert (en.lang, ko.lang) == ("en", "ko")
    assert len(en.blocks) + len(ko.blocks) == len(post.blocks)
    assert any(b.text.startswith("Network namespaces are supported") for b in en.blocks)
    assert any(b.text.startswith("lwn.net에서") for b in ko.blocks)
    assert all(post.text[b.start : b.end] == b.text for b in (*en.blocks, *ko.blocks))
    assert en.text == ko.text == post.text


def test_split_bilingual_alternating_paragraphs_and_a_third_language():
    mixed = doc([EN[1], KO[1], EN[2], KO[2], "https://example.com/", "これは日本語の文章です。"])
    en, ko = bilingual.split_bilingual(mixed)
    assert [b.text for b in en.blocks] == [EN[1], EN[2]]
    assert [b.text for b in ko.blocks] == [KO[1], KO[2], "https://example.com/"]


@pytest.mark.parametrize(
    "paragraphs, sizes", [(EN[1:], (3, 0)), (KO, (0, 4)), (["12345", "``x = 1``"], (0, 0)), ([], (0, 0))]
)
def test_split_bilingual_of_a_file_without_both_languages_leaves_a_side_empty(paragraphs, sizes):
    en, ko = bilingual.split_bilingual(doc(paragraphs))
    assert (len(en.blocks), len(ko.blocks)) == sizes


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*EN[1:], *KO[1:], "https://example.com/", "12345"]), min_size=1, max_size=8))
def test_split_bilingual_puts_every_block_on_exactly_one_side_in_order(paragraphs):
    whole = doc(paragraphs)
    en, ko = bilingual.split_bilingual(whole)
    assert sorted((*en.blocks, *ko.blocks), key=lambda b: b.start) == (
        list(whole.blocks) if set(paragraphs) & {*EN, *KO} else []
    )
    assert all(langid.detect(b.norm) in ("en", None) for b in en.blocks)
    assert all(langid.detect(b.norm) in ("ko", None) for b in ko.blocks)


def test_a_section_left_under_a_marker_does_not_make_an_article_bilingual():
    patterns = compile_markers()
    post = read_document(BLOG / "2017-03-14.en.txt")
    assert not bilingual.is_bilingual(bilingual.language_weights(post, patterns))
    alternating = doc([EN[1], KO[1], EN[2], KO[2]])
    assert bilingual.is_bilingual(bilingual.language_weights(alternating, patterns))
    assert not bilingual.is_bilingual(bilingual.language_weights(doc(["12345"]), patterns))
