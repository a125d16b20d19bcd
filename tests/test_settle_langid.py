"""Tests for transpair.langid: script shares, code-mixed Korean, short strings, other languages."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.model import Block, Document
from transpair.settle import langid
from transpair.settle.langid import detect, document_language, script_shares, strip_non_words


@pytest.mark.parametrize(
    "text",
    [
        "파이썬은 프로그래밍 언어입니다.",
        "Visual Studio Code와 PyCharm을 씁니다.",
        "Win32, OSX, Linux, BSD, Jython, IronPython의 경우:",
        "``os.path.join(a, b)``\\는 https://docs.python.org/3/library/os.path.html 에 설명되어 있습니다.",
        "Andrew Dalke와 Raymond Hettinger",
        "`파이썬 초보자 가이드 <https://wiki.python.org/moin/BeginnersGuide>`_",
        "정규식 HOWTO",
        "개요",
        "문의는 someone@example.com 으로 보내 주세요. Python 3.12.1 에서 확인했습니다.",
    ],
)
def test_korean_with_english_names_code_and_urls_is_korean(text):
    assert detect(text) == "ko"


@pytest.mark.parametrize(
    "text",
    [
        "Python is an interpreted, interactive, object-oriented programming language.",
        "Write a lambda function.",
        "Greedy versus Non-Greedy",
        "Overview",
        "Data descriptors always override instance dictionaries.",
        "The Korean word 안녕 means hello, and it is used all the time.",
        "`The ncurses man page <https://linux.die.net/man/3/ncurses>`_",
        "Guido van Rossum and Jelke de Boer wrote the paper.",
    ],
)
def test_english_including_short_strings_is_english(text):
    assert detect(text) == "en"


@pytest.mark.parametrize(
    "text",
    ["``descr.__set__(self, obj, value)``", "3.14 + 2 = 5.14", "https://example.com/a/b", "", "  -- ;; ()"],
)
def test_no_letters_is_none(text):
    assert detect(text) is None


@pytest.mark.parametrize(
    "text,lang",
    [
        ("これは日本語の文章です。Python を使います。", "ja"),
        ("这是一个用中文写的句子，我们使用它来测试。", "zh"),
        ("Das ist ein kleiner Test für die Erkennung der Sprache.", "de"),
        ("Le logiciel est gratuit et nous sommes très contents de vous le donner.", "fr"),
        ("Это предложение написано на русском языке.", "ru"),
    ],
)
def test_third_languages_return_their_code(text, lang):
    assert detect(text) == lang


def test_detect_is_stable_across_calls():
    text = "Questo programma è gratuito e funziona bene su tutti i sistemi operativi moderni."
    assert len({detect.__wrapped__(text) for _ in range(5)}) == 1


def test_script_shares_ignore_code_urls_and_numbers():
    assert script_shares("파이썬 ``print`` https://python.org 123") == (1.0, 0.0)
    hangul, latin = script_shares("Python은 좋다")
    assert hangul == pytest.approx(3 / 9) and latin == pytest.approx(6 / 9)
    assert script_shares("123 ``x``") == (0.0, 0.0)


def test_strip_non_words_keeps_link_text_and_hangul_code():
    assert strip_non_words("See `the guide <https://x.org>`_ now").split() == [
        "See",
        "the",
        "guide",
        "_",
        "now",
    ]
    assert "설정" in strip_non_words("``설정``")
    assert "123" not in strip_non_words("version 123 and 4.5")


def _doc(*texts):
    return Document("d.txt", "", tuple(Block(t) for t in texts))


def test_document_language_is_letter_weighted_majority():
    long_korean = "이 문서는 파이썬의 설치 방법과 사용법을 자세히 설명하는 긴 한국어 문단입니다. " * 3
    assert document_language(_doc("Overview", "Introduction", long_korean)) == "ko"
    assert (
        document_language(_doc("Short 한글.", "This is a much longer English paragraph about the tool."))
        == "en"
    )
    assert document_language(_doc("``x = 1``", "42")) is None


def test_unmarked_shell_output_is_not_a_third_language():
    text = (
        "# ip netns exec netns1 ip link list 1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT"
    )
    assert detect(text) == "en"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_detect_never_raises_and_gives_a_code_or_none(text):
    found = detect(text)
    assert found is None or (found.isalpha() and found.islower() and 2 <= len(found) <= 3)
    hangul, latin = script_shares(text)
    assert 0 <= hangul <= 1 and 0 <= latin <= 1 and hangul + latin <= 1 + 1e-9


@pytest.mark.parametrize(
    "text, lang, other",
    [
        ("静态 vs. 动态 Props {#static-vs-dynamic-props}", "en", True),  # Vue docs zh-cn heading
        ("IronPython의 경우", "en", True),
        ("リアクティブな Props の分割代入", "en", True),
        ("Привет, мир", "en", True),
        ("The constant π is irrational", "en", False),  # Greek is no language's script here
        ("日本語のテキスト", "zh", True),  # kana is not Chinese
        ("中文文本", "ja", False),  # Han is Japanese too
        ("한국어 漢字 표기", "ko", False),
        ("Reactive Props Destructure <sup class='vt-badge' />", "en", False),
    ],
)
def test_a_letter_of_another_languages_script_is_told(text, lang, other):
    assert langid.in_other_script(text, lang) is other


def test_heading_ids_tags_and_link_targets_are_no_words():
    assert langid.strip_non_words("静态 {#static-vs-dynamic-props}").strip() == "静态"
    assert "href" not in langid.strip_non_words('<a href="x">链接</a>')
    assert "guide" not in langid.strip_non_words("见 [指南](/guide/essentials/intro)")
