"""Legacy Korean, Japanese and Chinese encodings (CP949/EUC-KR, EUC-JP/Shift_JIS, GB18030, Big5) told
apart by what their decoding looks like, since most byte strings decode in several of them.

A decoding is taken only when it reads as its language: Korean mostly Hangul (GB2312 read as EUC-KR
gives Hangul too, with 40 % Hanja among it); Japanese with Kana;
Chinese mostly Han characters, nearly all from the encoding's own first level of common characters
(bytes of another encoding land on rare ones). A language named by the path (`post.ja.md`, `zh-TW/`,
`i18n/ko/`) is tried first; then Korean, Japanese, simplified and traditional Chinese in that order
(EUC-JP's Kana sit where GB2312 has them, so Japanese goes before Chinese).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

import regex

MIN_SCRIPT_SHARE = 0.5  # of the non-ASCII characters: Hangul for Korean, Han for Chinese
MIN_HANGUL_LETTERS = 0.9  # of the Hangul, Han and Kana letters in Korean (Hanja are rare, not 40 %)
MIN_KANA_SHARE = 0.1  # of the non-ASCII characters in Japanese (particles and endings are Kana)
MIN_COMMON = 0.9  # of the Hangul (Han) characters in Korean (Chinese), from the encoding's common set

_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HANGUL = regex.compile(r"\p{Hangul}")
_KANA = regex.compile(r"(?V1)[\p{Hiragana}\p{Katakana}--[\uff61-\uff9f]]")  # half-width Kana: single bytes
_HAN = regex.compile(r"\p{Han}")
_TAG = regex.compile(r"(?i)(ko|ja|zh)(?:[-_](hans|hant|cn|sg|tw|hk|mo))?")
_TRADITIONAL = {"hant", "tw", "hk", "mo"}


def _wide(text: str) -> int:
    """Characters outside ASCII."""
    return sum(1 for c in text if ord(c) > 0x7F)


def _korean(text: str, encoding: str) -> bool:
    hangul = _HANGUL.findall(text)
    others = len(_HAN.findall(text)) + len(_KANA.findall(text))
    return (
        len(hangul) >= MIN_SCRIPT_SHARE * _wide(text)
        and len(hangul) >= MIN_HANGUL_LETTERS * (len(hangul) + others)
        and _common(hangul, encoding)
    )


def _japanese(text: str, encoding: str) -> bool:
    return not _HANGUL.search(text) and len(_KANA.findall(text)) >= MIN_KANA_SHARE * _wide(text)


def _first_level(char: str, encoding: str) -> bool:
    """Whether a character is among the common ones of an encoding: KS X 1001's 2,350 Hangul (CP949's
    other 8,822 are where other encodings' bytes land), GB2312 level 1, Big5 level 1."""
    try:
        data = char.encode("euc-kr" if encoding in ("euc-kr", "cp949") else encoding)
    except UnicodeEncodeError:
        return False
    if encoding == "gb18030":
        return 0xB0 <= data[0] <= 0xD7
    return 0xA4 <= data[0] <= 0xC6 if encoding in ("big5", "cp950") else True


def _common(chars: list[str], encoding: str) -> bool:
    """Whether nearly all the characters are common ones of the encoding."""
    return sum(_first_level(c, encoding) for c in chars) >= MIN_COMMON * len(chars)


def _chinese(text: str, encoding: str) -> bool:
    han = _HAN.findall(text)
    return (
        not _HANGUL.search(text)
        and len(han) >= MIN_SCRIPT_SHARE * _wide(text)
        and len(_KANA.findall(text)) < MIN_KANA_SHARE * _wide(text)
        and _common(han, encoding)
    )


# language -> its legacy encodings (strictest first) and the test a decoding must pass
LEGACY: dict[str, tuple[tuple[str, ...], Callable[[str, str], bool]]] = {
    "ko": (("euc-kr", "cp949"), _korean),
    "ja": (("euc-jp", "shift_jis", "cp932"), _japanese),
    "zh-Hans": (("gb18030",), _chinese),
    "zh-Hant": (("big5", "cp950"), _chinese),
}


def path_language(path: str) -> str | None:
    """The legacy-encoding language a path names in a folder or a file name tag (ja/, post.zh-TW.md)."""
    parts = PurePath(path).parts
    names = [*parts[:-1], *PurePath(parts[-1]).suffixes[-2:-1]] if parts else []
    for name in reversed(names):
        found = _TAG.fullmatch(name.lstrip("."))
        if found:
            lang = found.group(1).lower()
            if lang != "zh":
                return lang
            return "zh-Hant" if (found.group(2) or "").lower() in _TRADITIONAL else "zh-Hans"
    return None


def decode_legacy(data: bytes, path: str) -> tuple[str, str] | None:
    """The text and encoding of bytes in a legacy CJK encoding that reads as its language, or None."""
    named = path_language(path)
    for lang in sorted(LEGACY, key=lambda lang: lang != named):
        encodings, reads_as = LEGACY[lang]
        for encoding in encodings:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _wide(text) and not _CONTROL.search(text) and reads_as(text, encoding):
                return text, encoding
    return None
