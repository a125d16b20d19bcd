"""Tests for transpair.segment: English and Korean sentence splitting and sentence blocks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.model import Block
from transpair.read.reader import text_blocks
from transpair.read.segment import sentences, split_sentences


@pytest.mark.parametrize(
    "text,expected",
    [
        ("One. Two! Three? Four", ["One. ", "Two! ", "Three? ", "Four"]),
        (
            "Use e.g. this, i.e. that. Mr. Smith and Dr. Who met. Done.",
            ["Use e.g. this, i.e. that. ", "Mr. Smith and Dr. Who met. ", "Done."],
        ),
        ("It costs 3.14 dollars. Next.", ["It costs 3.14 dollars. ", "Next."]),
        ("Linux 2.6.24 and v1.2.3 shipped. Next.", ["Linux 2.6.24 and v1.2.3 shipped. ", "Next."]),
        (
            "Apples, pears, etc. are fruit. The U.S. Army came.",
            ["Apples, pears, etc. are fruit. ", "The U.S. Army came."],
        ),
        ("J. R. R. Tolkien wrote it. Yes.", ["J. R. R. Tolkien wrote it. ", "Yes."]),
        (
            "See https://www.python.org/psf/. Mail a.b@example.com. Go.",
            ["See https://www.python.org/psf/. ", "Mail a.b@example.com. ", "Go."],
        ),
        ("Open http://x.org/?q=1! Now.", ["Open http://x.org/?q=1! ", "Now."]),
        ('He said "Stop." Then (see below.) Next.', ['He said "Stop." ', "Then (see below.) ", "Next."]),
        ("Wait... what? Really... Yes.", ["Wait... what? ", "Really... ", "Yes."]),
        ("1. Install it.\n2. Run it.", ["1. Install it.\n", "2. Run it."]),
        ("It has no. 5 on it. Really.", ["It has no. 5 on it. ", "Really."]),
        ("  Leading. Trailing.  \n", ["  Leading. ", "Trailing.  \n"]),
        ("", []),
    ],
)
def test_english(text, expected):
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("파이썬은 언어입니다. 그렇죠? 좋아요.", ["파이썬은 언어입니다. ", "그렇죠? ", "좋아요."]),
        ("끝났다.그리고 다음이다.정말요?네.", ["끝났다.", "그리고 다음이다.", "정말요?", "네."]),
        (
            "``pip``\\으로 설치합니다. ``x``\\는 변수입니다.",
            ["``pip``\\으로 설치합니다. ", "``x``\\는 변수입니다."],
        ),
        ("버전 3.13.0 입니다. pip 으로 설치하죠.", ["버전 3.13.0 입니다. ", "pip 으로 설치하죠."]),
        ("Python 3.12 를 씁니다. 예: e.g. 이것.", ["Python 3.12 를 씁니다. ", "예: e.g. 이것."]),
        ("これは文です。次の文！最後？", ["これは文です。", "次の文！", "最後？"]),
        ("完成了。 好的。", ["完成了。 ", "好的。"]),
    ],
)
def test_korean_and_cjk(text, expected):
    assert split_sentences(text, "ko") == expected


_ALPHABET = st.sampled_from(
    list("ab A.?!…。 \n\t\"')(1다가")
    + ["e.g. ", "Mr. ", "http://a.b/c. ", "3.14", "요.", "U.S. ", "ไทย", "ภาษา "]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(_ALPHABET, max_size=40).map("".join)), st.sampled_from(["en", "ko", "th"])
)
def test_join_gives_back_the_text_and_no_sentence_is_empty(text, lang):
    parts = split_sentences(text, lang)
    assert "".join(parts) == text
    assert all(parts)


def test_sentence_blocks_have_absolute_spans_lines_and_parent_kind():
    text = "Heading\n\nFirst one. Second\nline two? Third.\n"
    para = text_blocks(text)[1]
    got = sentences(para, "en")
    assert [s.text for s in got] == ["First one.", "Second\nline two?", "Third."]
    assert [s.line for s in got] == [3, 3, 4]
    assert all(s.kind == para.kind and text[s.start : s.end] == s.text for s in got)


def test_sentences_of_markup_block_keep_the_parent_span():
    block = Block("Hello you. Bye.", "paragraph", 4, 100, 125)  # an HTML block: span holds markup
    assert [(s.text, s.start, s.end) for s in sentences(block, "en")] == [
        ("Hello you.", 100, 125),
        ("Bye.", 100, 125),
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_ALPHABET, min_size=1, max_size=12).map("".join), max_size=6).map("\n\n".join))
def test_every_sentence_span_slices_the_document(text):
    for block in text_blocks(text):
        parts = sentences(block, "en")
        assert all(s.text and text[s.start : s.end] == s.text for s in parts)
        assert all(s.line == text.count("\n", 0, s.start) + 1 for s in parts)


def test_no_split_inside_inline_code():
    text = "Use :func:`map(f, a, ...) <map>` here. Then ``x. Y`` too. Done."
    assert split_sentences(text, "en") == [
        "Use :func:`map(f, a, ...) <map>` here. ",
        "Then ``x. Y`` too. ",
        "Done.",
    ]


def test_korean_quote_followed_by_particle_is_not_split():
    assert split_sentences('그는 "좋아요."라고 말했다. 끝.', "ko") == ['그는 "좋아요."라고 말했다. ', "끝."]


def test_many_sentences():
    text = "This is one sentence. " * 20000
    assert len(split_sentences(text, "en")) == 20000


def test_sentences_of_an_attribute_value_stay_attribute_text():
    block = Block("First sentence here. Second one here.", "paragraph", 1, 10, 47, content="attribute:alt")
    parts = sentences(block, "en")
    assert len(parts) == 2 and {p.content for p in parts} == {"attribute:alt"}


def test_thai_sentences_end_at_a_space_between_thai_words():
    text = "ภาษาไทยเป็นภาษาที่สวยงาม ฉันชอบเรียนภาษาไทย Python 3.12 ใช้ได้ดี"
    assert split_sentences(text, "th") == ["ภาษาไทยเป็นภาษาที่สวยงาม ", "ฉันชอบเรียนภาษาไทย Python 3.12 ใช้ได้ดี"]
    assert split_sentences(text, "en") == [text]  # other languages: a space is no boundary
