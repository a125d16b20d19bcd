"""Sentences of English and Korean text, such that the sentences joined give back the text exactly.

A boundary follows a terminator (. ! ? … and the CJK 。！？), any closing quotes or brackets, and
the whitespace after them (whitespace stays with the sentence it follows). Rejected: abbreviations
(e.g., Mr., Dr.), initials, list numbers at a line start, a lower-case Latin word next (English
sentences start upper-case), and terminators inside URLs, e-mail addresses and inline code; decimals and
version
numbers (3.14, v2.6.24) have no space after the dot and never split. Korean also splits where a
sentence ending such as 다./요. runs into the next Hangul word with no space, and CJK full stops split
with or without a following space. Thai writes no terminator: a space between two Thai words ends a
sentence (words run together within one).
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from transpair.languages import base
from transpair.model import Block

_TERMINATOR = regex.compile(r"(?:[.!?…‼⁇⁈⁉]+|[。！？｡]+)[\"'’”»)\]}」』》〉）]*")
_SPACE = regex.compile(r"\s*")
_PROTECTED = regex.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"]+?(?=[.,;:!?)\]'\"’”]*(?:\s|$))|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|``[^`]+``|`[^`\n]+`"
)
_WORD_BEFORE = regex.compile(r"(?:^|(?<=[^\p{L}.]))(\p{L}[\p{L}.]*)\Z")
_LIST_MARKER = regex.compile(r"[ \t]*[(\[]?(?:\d{1,3}|\p{L}|[ivxlcIVXLC]{1,5})")
CONTEXT = 60  # characters before a terminator that the abbreviation and list-marker rules look at
_DOTTED = regex.compile(r"\p{L}{1,3}(?:\.\p{L}{1,3})+")  # U.S, e.g, Ph.D
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt vs cf e.g i.e eg ie fig figs no nos vol vols pp approx ca "
    "al resp dept est jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_THAI_SPACE = regex.compile(r"(?<=\p{Thai})[ \t\u00a0]+(?=\p{Thai})")
UNCASED = frozenset({"ko", "ja", "zh", "th"})  # scripts where a sentence may start with any character


def _is_abbreviation(before: str, after: str) -> bool:
    """True when the dot that ends `before` belongs to an abbreviation or an initial, not a sentence end."""
    word = _WORD_BEFORE.search(before)
    if not word:
        return False
    token = word.group(1).lower()
    if token in ABBREVIATIONS and not (token == "no" and not after[:1].isdigit()):
        return True
    return (len(token) == 1 and word.group(1).isupper()) or _DOTTED.fullmatch(token) is not None


def _is_boundary(text: str, term: regex.Match, end: int, lang: str) -> bool:
    """Decide whether the terminator `term`, followed by whitespace up to `end`, ends a sentence."""
    mark = term.group()
    line_start = text.rfind("\n", 0, term.start()) + 1
    before, after = text[max(line_start, term.start() - CONTEXT) : term.start()], text[end : end + 2]
    if regex.match(r"[。！？｡]", mark):
        return True
    if end == term.end():  # no space: only a bare Korean ending that runs into the next Hangul word
        glued = regex.match(r"\p{Hangul}", before[-1:]) and regex.match(r"\p{Hangul}", after)
        return bool(glued) and regex.fullmatch(r"[.!?]+", mark) is not None
    prev_latin = regex.search(r"[\p{Latin}\d]\W*\Z", before[-3:]) is not None
    if after[:1].islower() and (base(lang) not in UNCASED or prev_latin):
        return False
    if mark[0] == "." and not mark.startswith(".."):
        list_marker = line_start + len(before) == term.start() and _LIST_MARKER.fullmatch(before)
        return not (_is_abbreviation(before, after) or list_marker)
    return True


def _protected(text: str) -> list[int]:
    """Sorted starts and ends of URLs, e-mail addresses and inline code, whose dots never end a sentence."""
    return [pos for m in _PROTECTED.finditer(text) for pos in m.span()]


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """Split text into sentences; `"".join(result) == text` and no sentence is empty."""
    protected = _protected(text)
    cuts = [0]
    for term in _TERMINATOR.finditer(text):
        if bisect_right(protected, term.start()) % 2:  # inside a protected span
            continue
        end = _SPACE.match(text, term.end()).end()
        if end < len(text) and end > cuts[-1] and _is_boundary(text, term, end, lang):
            cuts.append(end)
    if base(lang) == "th":
        cuts = sorted({*cuts, *(m.end() for m in _THAI_SPACE.finditer(text))})
    cuts.append(len(text))
    return [text[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def sentences(block: Block, lang: str = "en") -> list[Block]:
    """Sentence blocks of a block, with absolute spans and lines and the parent's kind.

    When block.text is not the verbatim slice of its file (HTML, where the span holds markup), every
    sentence keeps the parent's span, since its own position in the markup is unknown.
    """
    verbatim = block.end - block.start == len(block.text)
    out, offset = [], 0
    for part in split_sentences(block.text, lang):
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        if stripped:
            start = block.start + offset + lead
            span = (start, start + len(stripped)) if verbatim else (block.start, block.end)
            line = block.line + block.text.count("\n", 0, offset + lead)
            out.append(Block(stripped, block.kind, line, *span, html=block.html, content=block.content))
        offset += len(part)
    return out
