"""Language identification on a gold set: every English block must be 'en', every Korean block 'ko'
except those the gold lists as left untranslated ('en'). Counted apart: blocks that are only inline
code (expected None: no words) and Korean-side blocks the gold calls translated that hold no Hangul
(a citation kept in English, e.g. faq-general #56; expected 'en'). Prints accuracy and errors per
class, and seconds.

Usage: python bench/bench_langid.py [GOLD_DIR ...]   (default: ../shared/data/pydocs-ko)
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import regex

from transpair.align.evaluate import GoldDoc, load_gold
from transpair.read.reader import read_document
from transpair.read.segment import split_sentences
from transpair.settle import langid

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "pydocs-ko"
_CODE_ONLY = regex.compile(r"(?:``[^`]+``|`[^`]+`|[\s,;.:()])+")
_HANGUL = regex.compile(r"\p{Hangul}")


def _expected(side: str, text: str, left_in_english: bool) -> tuple[str, str | None]:
    """The class of a block and the language detect() must give it."""
    if _CODE_ONLY.fullmatch(text):
        return "code-only", None
    if side == "en":
        return "en", "en"
    if left_in_english:
        return "ko-untranslated", "en"
    return ("ko", "ko") if _HANGUL.search(text) else ("ko-without-hangul", "en")


def expectations(gold: GoldDoc) -> list[tuple[str, str | None, str]]:
    """(class, expected language, text) for every block of one gold document pair."""
    en, ko = read_document(gold.source), read_document(gold.target)
    left_en = {j for src, tgt in gold.beads for j in tgt if any(i in gold.untranslated for i in src)}
    rows = [(*_expected("en", b.norm, False), b.norm) for b in en.blocks]
    return rows + [(*_expected("ko", b.norm, j in left_en), b.norm) for j, b in enumerate(ko.blocks)]


def sentence_rows(rows: list[tuple[str, str | None, str]]) -> list[tuple[str, str | None, str]]:
    """The sentences of the 'en' and 'ko' blocks, each expected in its block's language unless it has no
    words."""
    out = []
    for cls, expected, text in rows:
        if cls in ("en", "ko"):
            out += [(f"{cls} sentence", expected, s.strip()) for s in split_sentences(text, cls)]
    return [(cls, None, s) if _CODE_ONLY.fullmatch(s) else (cls, lang, s) for cls, lang, s in out]


def evaluate(rows: list[tuple[str, str | None, str]]) -> None:
    """Run detect() over the rows and print per-class accuracy, the errors and the seconds."""
    langid.detect.cache_clear()
    started = time.perf_counter()
    found = [langid.detect(text) for _, _, text in rows]
    seconds = time.perf_counter() - started
    totals, errors = Counter(), defaultdict(list)
    for (cls, expected, text), got in zip(rows, found):
        totals[cls] += 1
        if got != expected:
            errors[cls].append((got, text))
    for cls in sorted(totals):
        ok = totals[cls] - len(errors[cls])
        print(f"{cls:16} {ok}/{totals[cls]} = {ok / totals[cls]:.4f}")
        for got, text in errors[cls]:
            print(f"    got {got}: {text[:110]}")
    print(f"{len(rows)} texts  detect seconds {seconds:.2f}")


def main(dirs: list[str]) -> None:
    """Blocks, then sentences, of every gold document in the given folders."""
    rows = [row for d in dirs or [str(DEFAULT)] for g in load_gold(d) for row in expectations(g)]
    langid.detect("warm up the langdetect profiles")
    evaluate(rows)
    evaluate(sentence_rows(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
