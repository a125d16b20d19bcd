"""Language-aware word counts for source text: English words, Korean eojeol and syllables, CJK characters.

Rules (per whitespace-separated token):
- a token holding any Hangul is one Korean word (eojeol), whatever is glued to it (`Python은`, `(역주:`);
- each Han ideograph, Hiragana or Katakana character is one word (Chinese and Japanese have no spaces);
- everything else counts the Unicode words in it, where a number or an identifier joined by `.` `,` `'`
  `-` `_` `/` `:` `@` is one word (`2.6.24`, `os.path.join`, `1,000`, `don't`, `e-mail`);
- punctuation alone is no word.
Hangul syllables (U+AC00..U+D7A3) are counted as well, since Korean translators often plan by them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_SYLLABLE = regex.compile(r"[\uac00-\ud7a3]")
_IDEOGRAPHS = r"\p{Han}\p{Hiragana}\p{Katakana}"
_LETTER = rf"[[\p{{L}}\p{{N}}\p{{M}}_]--[{_IDEOGRAPHS}]]"
# One scan: a token holding Hangul (matched whole from its first character), one ideograph, or one word.
_WORD = regex.compile(rf"(?V1)\S*\p{{Hangul}}\S*|[{_IDEOGRAPHS}]|{_LETTER}+(?:[.,'’:/@_-]{_LETTER}+)*")


@dataclass(frozen=True)
class WordCount:
    """Words of a text (eojeol for Korean, characters for CJK) and its Hangul syllables."""

    words: int = 0
    syllables: int = 0


def count_words(text: str) -> WordCount:
    """Count the words and Hangul syllables of a source text."""
    return WordCount(len(_WORD.findall(text)), len(_SYLLABLE.findall(text)))
