"""What Korean reviewers check in a translation: English sentences left in it, stray Chinese or Japanese
characters, double particle forms where the word decides, a space before a particle, and the speech
level (합니다체, 해요체, 한다체) of a page.

Entry checks are small named functions `check(msgid, msgstr) -> [message, ...]`; speech_levels() tells
the level of each sentence, and the page-wide decision is made by the runner.
"""

from __future__ import annotations

import regex

from transpair.check.markup import HANGUL, link_texts, prose

LATIN_RUN = regex.compile(r"[A-Za-z][A-Za-z0-9'’\-]*(?:[\s,;:\"“”()/-]+[A-Za-z0-9][A-Za-z0-9'’\-]*)+")
WORD = regex.compile(r"[A-Za-z][A-Za-z'’\-]*")
FUNCTION_WORDS = frozenset(
    "the a an is are was were be been to of and or in on for with that this it its you your can will "
    "not by from as at which when if but do does should would may into than then there these those".split()
)
STRAY = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}。、「」『』・]+")
HANJA_GLOSS = regex.compile(r"[(（][\p{Han}\s]+[)）]")  # 의존성(依存性): Hanja in parentheses, a gloss
SYLLABLE = regex.compile(r"[가-힣]")

# double forms: (with final consonant, without), the form shown in the text
DOUBLE_FORMS = {
    "을(를)": ("을", "를"),
    "를(을)": ("을", "를"),
    "이(가)": ("이", "가"),
    "가(이)": ("이", "가"),
    "은(는)": ("은", "는"),
    "는(은)": ("은", "는"),
    "와(과)": ("과", "와"),
    "과(와)": ("과", "와"),
    "(으)로": ("으로", "로"),
    "(이)나": ("이나", "나"),
    "(이)라": ("이라", "라"),
    "(이)란": ("이란", "란"),
    "(이)며": ("이며", "며"),
    "(이)고": ("이고", "고"),
    "(이)다": ("이다", "다"),
}
DOUBLE = regex.compile(r"([가-힣]+)(" + "|".join(regex.escape(form) for form in DOUBLE_FORMS) + ")")
PARTICLES = (
    "을 를 은 는 이 가 와 과 의 에 에서 에게 으로 로 도 만 처럼 보다 까지 부터 이나 나 라는 이라는 이란 란 "
    "이고 이며 인 와의 과의 으로는 로는 에는 에서는 에서도 으로도 로도 만의 이라고 라고 를요"
).split()
# a code span or a link closed by `)`, a space, then a particle standing alone
SPACED_PARTICLE = regex.compile(
    r"((?<!`)`+[^`]+?`+|\]\([^()\s]*\))[ \t]+("
    + "|".join(sorted(PARTICLES, key=len, reverse=True))
    + r")(?=[\s.,!?:;)]|$)"
)

FORMAL, POLITE, PLAIN = "합니다체", "해요체", "한다체"
# the last word of a statement (a question keeps no level: 무엇인가요? is at home in a 합니다체 page)
SENTENCE_END = regex.compile(r"([가-힣]+)[\"'”’)\]*_~]*(?:[.!]+|\s*$)")
POLITE_NOUNS = ("필요", "중요", "개요", "주요", "수요", "강요", "요요", "불필요")


def _sentence(words: list[str], source: set[str], ends: bool) -> bool:
    """Whether English words read as a sentence of the source: 80 %+ of them in it, and 5+ words with 2+
    function words, or 4+ words with one, closed by sentence punctuation."""
    function = sum(w in FUNCTION_WORDS for w in words)
    if sum(w in source for w in words) < 0.8 * len(words):
        return False
    return (len(words) >= 5 and function >= 2) or (len(words) >= 4 and function >= 1 and ends)


def english_left(msgid: str, msgstr: str) -> list[str]:
    """A run of English words that reads as a sentence of the source inside an otherwise Korean msgstr
    (not a linked title kept as the source writes it: a name)."""
    text = prose(msgstr)
    if not HANGUL.search(text):
        return []
    titles = set(link_texts(msgid))
    source = {w.lower() for w in WORD.findall(prose(msgid))}
    found = []
    for match in LATIN_RUN.finditer(text):
        run = match[0].strip()
        words = [w.lower() for w in WORD.findall(run)]
        ends = regex.match(r"[\s)\]\"'”’]*[.!?:]", text[match.end() :]) is not None
        if run not in titles and _sentence(words, source, ends):
            found.append(f"English left untranslated: {_clip(run)!r}")
    return found


def cjk_stray(msgid: str, msgstr: str, hanja_glosses: bool = True) -> list[str]:
    """Han or Kana characters, or Chinese/Japanese punctuation, that the source does not have (Hanja in
    parentheses, a gloss, allowed unless the site says otherwise)."""
    text = prose(msgstr)
    if hanja_glosses:
        text = HANJA_GLOSS.sub(" ", text)
    source = set(msgid)
    return [
        f"Chinese or Japanese characters {m[0]!r} in the Korean text"
        for m in STRAY.finditer(text)
        if not set(m[0]) <= source
    ]


def _final(syllable: str) -> int:
    """The index of a Hangul syllable's final consonant (0 for none, 8 for ㄹ, 17 for ㅂ)."""
    return (ord(syllable) - 0xAC00) % 28 if "가" <= syllable <= "힣" else 0


def has_final(syllable: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (받침)."""
    return _final(syllable) != 0


def _right_form(syllable: str, form: str) -> str:
    """The particle a word ending in this syllable takes, for a double form (ㄹ takes 로, not 으로)."""
    with_final, without = DOUBLE_FORMS[form]
    if form == "(으)로" and _final(syllable) == 8:
        return without
    return with_final if has_final(syllable) else without


def particle_form(msgid: str, msgstr: str) -> list[str]:
    """A double particle form such as 을(를) after a Korean word, whose last syllable decides the form."""
    return [f"{m[1]}{m[2]}: write {m[1]}{_right_form(m[1][-1], m[2])}" for m in DOUBLE.finditer(msgstr)]


def spacing(msgid: str, msgstr: str) -> list[str]:
    """A particle written apart from the code span or link it belongs to (`` `ref` 를 ``)."""
    return [
        f"space before the particle: {_clip(m[0])!r} (write {_clip(m[1])}{m[2]})"
        for m in SPACED_PARTICLE.finditer(msgstr)
    ]


def speech_level(sentence_end: str) -> str | None:
    """The speech level of a sentence by its last word, None when it tells none (a noun, 하세요)."""
    if regex.search(r"(니다|니까|십시오)$", sentence_end):
        return FORMAL
    if sentence_end.endswith(("세요", "시오", "시죠")) or sentence_end.endswith(POLITE_NOUNS):
        return None
    if sentence_end.endswith("시다") and len(sentence_end) > 2 and _final(sentence_end[-3]) == 17:
        return None  # 봅시다, 가정합시다: "let us", at home in a 합니다체 page
    if regex.search(r"[가-힣](요|죠)$", sentence_end):
        return POLITE
    if len(sentence_end) >= 2 and sentence_end.endswith("다"):
        return PLAIN
    return None


def speech_levels(msgstr: str) -> list[tuple[str, str]]:
    """(level, last word) of each sentence of the msgstr's prose that shows its level."""
    found = []
    for line in prose(msgstr).split("\n"):
        for match in SENTENCE_END.finditer(line):
            level = speech_level(match[1])
            if level:
                found.append((level, match[1]))
    return found


def _clip(text: str, size: int = 60) -> str:
    """Text cut to `size` characters for a message."""
    return text if len(text) <= size else text[: size - 1] + "…"
