"""Language of a block or sentence: script shares first, English function words, then langdetect.

Before counting, URLs, e-mail addresses, inline code without Hangul (`x`, ``x``, :role:`x`) and
numbers are taken out, so code and links never vote. Then, in order:
1. no letter left: None (code, numbers, punctuation);
2. Hangul words at least as many as English function words (the, of, is...): 'ko' -- Korean text
   with product names, identifiers or an English title inside stays Korean, while an English
   sentence quoting one Korean word stays English;
3. kana, Han or another script carries most letters: 'ja', 'zh', or langdetect's code for that script;
4. Latin text: 'en' when English function words outnumber those of other Latin-script languages, or
   when neither occurs and the text has too few lower-case words for a statistical guess (a title, a
   name, a term; langdetect is unreliable there) or langdetect is not confident (unmarked code, lists
   of names); otherwise langdetect's best language.
langdetect runs with a fixed seed on profiles loaded once, and only for cases 3 and 4 when the
rules above do not decide, which keeps a 4,600-paragraph corpus to about a second.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache

import regex
from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import LangDetectException

from transpair.model import Document

MARKUP = r"\{#[^{}\s]*\}|</?[A-Za-z][^<>]*>"  # heading ids, HTML tags: never words of a language
LINK_TARGET = regex.compile(r"(?<=\])\([^()\s]*\)")  # a Markdown link's target, after its text
_NOT_WORDS = regex.compile(
    r"(?:https?|ftp)://[^\s<>`]+|www\.[^\s<>`]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?::[\w:.-]+:)?``(?:(?!``).)+``|(?::[\w:.-]+:)?`[^`]+`|\p{N}+(?:[.,]\p{N}+)*"
    f"|{MARKUP}|{LINK_TARGET.pattern}",
)
_LINK_TEXT = regex.compile(r"(?::[\w:.-]+:)?`([^`<]*?)\s*<[^`>]*>`")
_HANGUL = regex.compile(r"\p{Hangul}")
_HANGUL_LETTER = regex.compile(r"(?=\p{L})\p{Hangul}")  # not ㈀ or ㉠ (symbols)
_LATIN = regex.compile(r"\p{Latin}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HAN = regex.compile(r"\p{Han}")
_LETTER = regex.compile(r"\p{L}")
# Scripts of the languages transpair knows that are not Latin: text of one language holding letters of
# another's script was written by a translator (a Korean particle on a name, a Chinese heading keeping
# its English terms), whatever its Latin words say.
SCRIPTS = {
    "ko": ("Hangul", "Han"),
    "ja": ("Hiragana", "Katakana", "Han"),
    "zh": ("Han",),
    "ru": ("Cyrillic",),
    "uk": ("Cyrillic",),
    "th": ("Thai",),
    "ar": ("Arabic",),
}
_LATIN_WORD = regex.compile(r"\p{Latin}+(?:['’]\p{Latin}+)?")
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to is are was were be been being that this these those with for it its by from as "
    "you your we our they their he she his her not which who whom what when where how there "
    "have has had will would should could can does did than then or if into about".split()
)
# Function words of other Latin-script languages that are not English words (de, fr, es, it, pt, nl).
OTHER_FUNCTION_WORDS = frozenset(  # none that English text uses as a word, name or identifier (os, del, y)
    "der die das und ist nicht ein eine einen für auf sich dem den des zu ich sie wir auch "
    "le la les est une pour dans que qui pas avec ce je vous nous sont "
    "el los las es por para una il gli della di che è sono "
    "não é het een dat niet voor op zijn".split()
)
SHORT_WORDS = 8  # fewer lower-case words than this, with no function word, is a title, a name or a term
MIN_OTHER_WORDS = 2  # one stray "la" or "die" in a name or in code is no language
CONFIDENT = 0.9  # with no function word on either side, langdetect must be this sure to overrule English
CJK_WEIGHT = 2  # one Han/kana character carries about as much as two Latin letters
SEED = 0


def _words_of(found: regex.Match) -> str:
    """What a URL, code span or number leaves for counting: a link's text, Hangul code, else a space."""
    link = _LINK_TEXT.fullmatch(found.group())
    if link:
        return f" {link.group(1)} "
    return found.group() if _HANGUL.search(found.group()) else " "


@lru_cache(maxsize=8192)
def strip_non_words(text: str) -> str:
    """The text without URLs, e-mail addresses, numbers and inline code (a link's text and Hangul stay)."""
    return _NOT_WORDS.sub(_words_of, text)


def script_shares(text: str) -> tuple[float, float]:
    """Shares of Hangul and of Latin letters among all letters, code and URLs left out (0, 0 when none)."""
    words = strip_non_words(text)
    letters = len(_LETTER.findall(words))
    if not letters:
        return 0.0, 0.0
    return len(_HANGUL_LETTER.findall(words)) / letters, len(_LATIN.findall(words)) / letters


@cache
def _other_script(lang: str) -> regex.Pattern:
    """Letters of the SCRIPTS that `lang` (a detector code) is not written in."""
    others = sorted(
        {script for scripts in SCRIPTS.values() for script in scripts} - set(SCRIPTS.get(lang, ()))
    )
    return regex.compile("[" + "".join(f"\\p{{{script}}}" for script in others) + "]")


def in_other_script(text: str, lang: str) -> bool:
    """True when the text, code and URLs left out, holds a letter of a script `lang` is not written in."""
    return _other_script(lang).search(strip_non_words(text)) is not None


@cache
def detector_factory() -> DetectorFactory:
    """langdetect's language profiles, loaded once (about half a second)."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = SEED
    return factory


def langdetect_code(text: str, min_probability: float = 0.0) -> str | None:
    """langdetect's best language for text (seeded), None below `min_probability`; 'zh-cn' becomes 'zh'."""
    detector = detector_factory().create()
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    return best.lang.split("-")[0] if best.prob >= min_probability else None


def _latin_language(words: str, tokens: list[str], english: int, strict: bool = False) -> str | None:
    """English when its function words win, or when the text is too short or langdetect unsure; else
    langdetect. `strict`: no English by default (None) where only the default would say English, for a
    pair of two Latin-script languages, where a short title in either reads alike.

    `tokens` are the Latin words of `words` and `english` how many of them are English function words."""
    other = sum(w.lower() in OTHER_FUNCTION_WORDS for w in tokens)
    if english > other or (english == other and sum(w[0].islower() for w in tokens) < SHORT_WORDS):
        return "en" if english > other or not strict else None
    if other > english and other >= MIN_OTHER_WORDS:
        return langdetect_code(words)
    return langdetect_code(words, CONFIDENT) or (None if strict else "en")


@lru_cache(maxsize=8192)
def detect(text: str, strict: bool = False) -> str | None:
    """ISO 639-1 code of the text's language ('en', 'ko', other), None when it has no words (or, with
    `strict`, Latin text too short and plain to tell: see _latin_language)."""
    words = strip_non_words(text)
    letters = len(_LETTER.findall(words))
    if not letters:
        return None
    hangul_words = sum(1 for w in words.split() if _HANGUL.search(w))
    tokens = _LATIN_WORD.findall(words)
    english = sum(w.lower() in ENGLISH_FUNCTION_WORDS for w in tokens)
    if hangul_words and hangul_words >= english:
        return "ko"
    kana, han = len(_KANA.findall(words)), len(_HAN.findall(words))
    latin = len(_LATIN.findall(words))
    other = letters - latin - kana - han - len(_HANGUL.findall(words))
    if CJK_WEIGHT * (kana + han) > max(latin, other):
        return "ja" if kana else "zh"
    if other > latin:
        return langdetect_code(words)
    return _latin_language(words, tokens, english, strict)


def same_script(lang: str, other: str) -> bool:
    """True when two languages (detector codes) are written in the same script, so script tells them
    nowhere apart: en and fr (Latin), ru and uk (Cyrillic)."""
    return SCRIPTS.get(lang, ("Latin",)) == SCRIPTS.get(other, ("Latin",))


def document_language(doc: Document) -> str | None:
    """The language holding most letters over the document's blocks, None when no block has one."""
    weights: Counter[str] = Counter()
    for block in doc.blocks:
        lang = detect(block.norm)
        if lang:
            weights[lang] += len(_LETTER.findall(block.text))
    return weights.most_common(1)[0][0] if weights else None


def other_language(lang: str, langs: tuple[str, str]) -> str:
    """The language of the pair that is not `lang`."""
    return langs[1] if lang == langs[0] else langs[0]
