"""What kind of change turned an old source paragraph into today's, and the word diff that shows it.

A paragraph whose source changed since its translation is one of:
- cosmetic: the same text once whitespace, punctuation, quotes, emphasis markers, heading ids and case
  are left out (`"bar` -> `"bar"`, `_Do_ use` -> `*Do* use`): the translation still holds;
- markup: the same words once markup is left out (link targets, URLs, inline tags, code-span backticks)
  or once the portable spans (link targets, URLs, code spans, numbers) are masked: the words the
  translator translated are the same, only links, code or numbers moved. When every changed span
  appears verbatim in the translation it is ported there (`ported`); otherwise the entry needs a look;
- wording: the words changed: the translation is outdated.
No threshold: each class is an equality of two normal forms, so a change is never called cosmetic by
degree.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum

import regex

HEADING_ID = regex.compile(r"\s*\{#[^}\s]*\}\s*$", regex.M)
QUOTES = regex.compile(r"[\"'`\u2018\u2019\u201c\u201d\u00ab\u00bb]")
EMPHASIS = regex.compile(r"(?<!\w)[*_~]+|[*_~]+(?!\w)")
NOT_WORD = regex.compile(r"[\p{P}\p{Z}\p{So}\s]+")  # \p{So}: emoji and dingbats (`✅ **Do**`)
LINK_TARGET = regex.compile(r"\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")
URL = regex.compile(r"https?://[^\s<>()\[\]`\"']+[^\s<>()\[\]`\"'.,;:!?]")
TAG = regex.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
CODE = regex.compile(r"(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
NUMBER = regex.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
WORD = regex.compile(r"[\p{L}\p{N}]+")
# spans a translation keeps verbatim, so a change of one can be ported: whole code spans, link targets,
# URLs and numbers, in the order they are looked for
PORTABLE = regex.compile(
    rf"(?P<code>{CODE.pattern})|\]\((?P<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)|(?P<url>{URL.pattern})"
    rf"|(?P<number>{NUMBER.pattern})"
)
MASK = "\x00"


class Change(StrEnum):
    """How an old source paragraph differs from today's."""

    UNCHANGED = "unchanged"
    COSMETIC = "cosmetic"
    MARKUP = "markup"
    WORDING = "wording"


@dataclass(frozen=True)
class Verdict:
    """A change's kind and, for a markup change, the spans to replace in the translation (old, new) when
    every changed span appears there verbatim (empty when it cannot be ported)."""

    change: Change
    ported: tuple[tuple[str, str], ...] = ()


def cosmetic_form(text: str) -> str:
    """The text without heading ids, quotes, emphasis markers, punctuation, spacing and case (a title cased
    anew, a sentence joined to the one before)."""
    text = QUOTES.sub("", HEADING_ID.sub("", text))
    return NOT_WORD.sub("", EMPHASIS.sub("", text)).casefold()


def prose_words(text: str) -> list[str]:
    """The words a reader reads: link targets, URLs, inline tags and heading ids left out."""
    text = TAG.sub(" ", URL.sub(" ", LINK_TARGET.sub("] ", HEADING_ID.sub("", text))))
    return WORD.findall(text)


def spans(text: str) -> list[str]:
    """The portable spans of a text (code spans, `](link targets)`, URLs, numbers), in order."""
    return [m.group(0) for m in PORTABLE.finditer(text)]


def masked_words(text: str) -> list[str]:
    """The words outside the portable spans, each span one mask token."""
    return WORD.findall(PORTABLE.sub(f" {MASK}x ", HEADING_ID.sub("", text))) if text else []


def occurrences(span: str, text: str) -> int:
    """How often a span occurs in a text as a whole (a number not inside a longer number)."""
    if span and span[0].isdigit():
        return len(regex.findall(rf"(?<![\w.]){regex.escape(span)}(?!\w)", text))
    return text.count(span)


def port(old: str, new: str, translation: str) -> tuple[tuple[str, str], ...]:
    """The (old span, new span) replacements that bring the translation up to date, when the change lies
    only in spans that the translation holds verbatim as often as the old source does; () otherwise."""
    before, after = spans(old), spans(new)
    if len(before) != len(after) or masked_words(old) != masked_words(new):
        return ()
    changed = tuple(dict.fromkeys((a, b) for a, b in zip(before, after) if a != b))
    olds = [a for a, _ in changed]
    if not changed or len(set(olds)) != len(olds):
        return ()
    ok = all(occurrences(a, translation) == occurrences(a, old) >= 1 for a in olds)
    return changed if ok else ()


def apply_ports(text: str, ported: tuple[tuple[str, str], ...]) -> str:
    """The translation with each ported span replaced (numbers only where they stand alone)."""
    for old, new in ported:
        if old[0].isdigit():
            text = regex.sub(rf"(?<![\w.]){regex.escape(old)}(?!\w)", lambda _, n=new: n, text)
        else:
            text = text.replace(old, new)
    return text


def classify_change(old: str, new: str, translation: str) -> Verdict:
    """How `old` became `new`, and what to port into `translation` for a markup change."""
    if old == new:
        return Verdict(Change.UNCHANGED)
    if cosmetic_form(old) == cosmetic_form(new):
        return Verdict(Change.COSMETIC)
    ported = port(old, new, translation)
    if ported or prose_words(old) == prose_words(new) or masked_words(old) == masked_words(new):
        return Verdict(Change.MARKUP, ported)
    return Verdict(Change.WORDING)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The change as (op, text) runs over words and the spaces between them: op is '=' kept, '-' removed
    from the old text, '+' added in the new one."""
    a, b = regex.findall(r"\s+|[^\s]+", old), regex.findall(r"\s+|[^\s]+", new)
    runs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("+", "".join(b[j1:j2])))
    return runs


def diff_text(old: str, new: str) -> str:
    """The word diff in wdiff's notation: `[-removed-]{+added+}`."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in word_diff(old, new))


@dataclass(frozen=True)
class Outdated:
    """A paragraph whose source changed since its translation in a way a translator must look at: where
    it is, why (`outdated` or `markup-changed`), the old and new source, and the word diff between them."""

    line: int
    cause: str
    old: str
    new: str
    diff: str


def outdated_paragraph(line: int, cause: str, old: str, new: str) -> Outdated:
    """The record of one changed paragraph, with its diff."""
    return Outdated(line, cause, old, new, diff_text(old, new))
