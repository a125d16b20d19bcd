"""Word counts: English words, Korean eojeol and syllables, CJK characters."""

from hypothesis import given
from hypothesis import strategies as st

from transpair.report.words import WordCount, count_words


def test_english_numbers_and_identifiers_are_one_word():
    assert count_words("Use os.path.join in Python 2.6.24, don't panic.").words == 7
    assert count_words("It costs 1,000 won — e-mail me@example.com").words == 6


def test_korean_counts_eojeol_and_syllables():
    count = count_words("파이썬은 os.path 모듈을 지원합니다.")
    assert count == WordCount(words=4, syllables=4 + 3 + 5)


def test_hangul_glued_to_latin_or_punctuation_is_one_eojeol():
    assert count_words("(역주: Python은 3.13부터)").words == 3


def test_cjk_characters_count_singly():
    assert count_words("我爱Python").words == 3
    assert count_words("日本語のテキスト").words == 8


def test_punctuation_and_space_alone_are_no_words():
    assert count_words("— ... !? \u00a0\n") == WordCount(0, 0)


texts = st.text(alphabet=st.sampled_from("ab 1.,'-가나다한 我の\u00a0\n—"), max_size=40)


@given(texts, texts)
def test_counts_add_up_across_whitespace(a, b):
    left, right, both = count_words(a), count_words(b), count_words(a + " " + b)
    assert both == WordCount(left.words + right.words, left.syllables + right.syllables)


@given(texts)
def test_counts_are_bounded_by_the_text(text):
    count = count_words(text)
    assert 0 <= count.syllables <= len(text)
    assert 0 <= count.words <= len(text)
