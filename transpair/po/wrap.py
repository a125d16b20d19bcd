"""Quote and wrap PO strings exactly as GNU gettext 0.21 does (write-po.c + libunistring line breaking).

gettext splits a string after each `\\n`, escapes it, finds the UAX #14 break opportunities of the
escaped text (libunistring's pair table, where Hangul syllables may break between each other), and
breaks at the last opportunity before the line would pass 79 display columns (wide characters
count 2). A string that spans several lines starts with an empty `msgid ""` line.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

PAGE_WIDTH = 79

# The UAX #14 pair table of libunistring 1.0 as gettext 0.21 applies it, measured with msgcat by
# bench/measure_gettext_linebreaks.py: row = class before, column = class after; D = direct break,
# I = break only across spaces, P = prohibited.
_CLASSES = (
    "WJ GL B2 BA BB HY CL CP EX IN NS OP QU IS NU PO PR SY AL H2 H3 ID JL JV JT HL RI ZWJ EB EM".split()
)
_ROWS = """
WJ PIIIIIPPPIIIIPIIIPIIIIIIIIIIII
GL PIIIIIPPPIIIIPIIIPIIIIIIIIIIII
B2 PIPIDIPPPIIDIPDDDPDDDDDDDDDIDD
BA PDDIDIPPPIIDIPDDDPDDDDDDDDDIDD
BB PIIIIIPPPIIIIPIIIPIIIIIIIIIIII
HY PDDIDIPPPIIDIPIDDPDDDDDDDDDIDD
CL PIDIDIPPPIPDIPDIIPDDDDDDDDDIDD
CP PIDIDIPPPIIDIPIIIPIDDDDDDIDIDD
EX PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD
IN PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD
NS PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD
OP PPPPPPPPPPPPPPPPPPPPPPPPPPPIPP
QU PIIIIIPPPIIPIPIIIPIIIIIIIIIIII
IS PIDIDIPPPIIDIPIDDPDDDDDDDDDIDD
NU PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD
PO PIDIDIPPPIIIIPIDDPIDDDDDDIDIDD
PR PIDIDIPPPIIIIPIDDPIIIIIIIIDIII
SY PIDIDIPPPIIDIPIDDPDDDDDDDIDIDD
AL PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD
H2 PIDIDIPPPIIDIPDIDPDDDDDIIDDIDD
H3 PIDIDIPPPIIDIPDIDPDDDDDDIDDIDD
ID PIDIDIPPPIIDIPDIDPDDDDDDDDDIDD
JL PIDIDIPPPIIDIPDIDPDIIDIIDDDIDD
JV PIDIDIPPPIIDIPDIDPDDDDDIIDDIDD
JT PIDIDIPPPIIDIPDIDPDDDDDDIDDIDD
HL PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD
RI PIDIDIPPPIIDIPDDDPDDDDDDDDIIDD
ZWJ PPPPPPPPPPPPPPPPPPPPPPPPPPPIPP
EB PIDIDIPPPIIDIPDIDPDDDDDDDDDIDI
EM PIDIDIPPPIIDIPDIDPDDDDDDDDDIDD
"""
_TABLE = {
    (row, col): rule
    for row, rules in (line.split() for line in _ROWS.strip().splitlines())
    for col, rule in zip(_CLASSES, rules)
}
# Classes the pair table does not hold, resolved as libunistring does (other scripts' new classes too).
_RESOLVE = {
    "AI": "AL",
    "CB": "ID",
    "SA": "AL",
    "XX": "AL",
    "CJ": "NS",
    "SG": "AL",
    "AK": "AL",
    "AP": "AL",
    "AS": "AL",
    "VF": "AL",
    "VI": "AL",
}
_SPECIAL = ("SP", "ZW", "CM", "BK", "CR", "LF", "NL")
_ALL = _CLASSES + list(_RESOLVE) + list(_SPECIAL)
_CLASS_RE = regex.compile("|".join(f"(?P<{name}>\\p{{Line_Break={name}}})" for name in _ALL))
# Where the regex module's data differs from what gettext does: it reports no Line_Break value for these
# hyphens (BA in Unicode, soft hyphen included), and it has MIDDLE DOT as IS where libunistring has AI.
_FIXED = {
    **dict.fromkeys("\u00ad\u058a\u05be\u1400\u2010\u2012\u2013\u2e17\u2e40\u2e5d\U00010ead", "BA"),
    "\u00b7": "AL",
}
_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v", "\\": "\\", '"': '"'}


@lru_cache(maxsize=4096)
def line_break_class(char: str) -> str:
    """The UAX #14 class libunistring gives a character (ambiguous and unknown ones resolved)."""
    if char in _FIXED:
        return _FIXED[char]
    match = _CLASS_RE.match(char)
    name = match.lastgroup if match else "XX"
    return _RESOLVE.get(name, name)


# Marks libunistring 1.0 counts one column wide although Unicode now calls them non-spacing (Mn). This and
# the blocks above were measured with msgcat over every mark, format, wide, ambiguous and unassigned code
# point outside the ideograph and Hangul blocks (tests/test_po_wrap.py checks a sample).
_WIDE_BLOCKS = (  # where libunistring counts an unassigned code point two columns wide (measured, as below)
    ("\u2e80", "\u33ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\ua000", "\ua4cf"),
    ("\uac00", "\ud7a3"),
    ("\uf900", "\ufaff"),
    ("\ufe10", "\ufe1f"),
    ("\ufe30", "\ufe6f"),
    ("\uff00", "\uff60"),
    ("\uffe0", "\uffe6"),
    ("\U0001f200", "\U0001f64f"),
    ("\U0001f900", "\U0001f9ff"),
    ("\U00020000", "\U0002fffd"),
    ("\U00030000", "\U0003fffd"),
)
_SPACING_MARKS = frozenset("\u0cbf\u0cc6\U00011a07\U00011a08\U00011c3f")


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Display columns of a character as libunistring counts them: 0 for combining marks, format
    characters and conjoining jamo, 2 for East Asian wide, else 1."""
    category = unicodedata.category(char)
    if "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff":
        return int(category == "Cn")  # jamo join the initial before them (decomposed Korean); gaps: 1
    if category in ("Mn", "Me", "Cf", "Cc") and char not in _SPACING_MARKS:
        return 0
    if category == "Cn":  # unassigned: wide only inside the East Asian blocks
        return 2 if any(low <= char <= high for low, high in _WIDE_BLOCKS) else 1
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _can_break(before: str, after: str, char: str, spaced: bool, joined: bool, flags: int) -> bool:
    """The pair-table rule, with the UAX #14 rules a pair table cannot hold (LB8a, LB30, LB30a)."""
    if joined:
        return False  # nothing breaks right after a zero-width joiner
    if before == after == "RI" and not spaced:
        return flags % 2 == 0  # regional indicators pair up into flags
    if after == "OP" and before in ("AL", "HL", "NU") and unicodedata.east_asian_width(char) in ("W", "F"):
        return True  # letters and digits stick to a narrow '(' but not to a wide one
    rule = _TABLE[(before, after)]
    return rule == "D" or (rule == "I" and spaced)


@lru_cache(maxsize=16)  # wrap_field may ask twice for one string (first line, then a line of its own)
def _possible_breaks(chars: str) -> tuple[bool, ...]:
    """UAX #14 break opportunities before each character, as libunistring computes them."""
    breaks = [False] * len(chars)
    last, spaced, joined, flags = "BK", False, False, 0  # flags: regional indicators in a row so far
    for i, char in enumerate(chars):
        cls = line_break_class(char)
        was_joined, joined = joined, cls == "ZWJ"
        if cls in ("BK", "CR", "LF", "NL", "ZW"):
            last, spaced = ("ZW" if cls == "ZW" else "BK"), False
            continue
        if cls == "SP":
            spaced = True
            continue
        if cls in ("CM", "ZWJ"):
            if last == "ZW":
                breaks[i], last = True, "AL"
                continue
            if not spaced and last != "BK":
                continue  # a mark belongs to the character before it (LB9)
            cls = "AL"  # a mark after a space (or at the start) stands alone as a letter (LB10)
        if last == "ZW":
            breaks[i] = True
        elif last != "BK":
            breaks[i] = _can_break(last, cls, char, spaced, was_joined, flags)
        flags = flags + 1 if cls == "RI" and last == "RI" and not spaced else int(cls == "RI")
        last, spaced = cls, False
    return tuple(breaks)


def _escape(portion: str, glued: list[bool]) -> tuple[str, list[bool]]:
    """The quoted form of a portion and, per output character, whether a break before it is forbidden
    (`glued`: per input character, inside a format directive)."""
    out, fixed = [], []
    for char, inside in zip(portion, glued):
        if char in _ESCAPES:
            out += ["\\", _ESCAPES[char]]
            fixed += [inside, True]  # gettext forbids a break inside the escape
        else:
            out.append(char)
            fixed.append(inside)
    if portion.endswith("\n"):
        fixed[-2] = True  # never break just before the closing \n
    return "".join(out), fixed


def _line_breaks(text: str, fixed: list[bool], width: int, start: int) -> list[bool]:
    """Where to break `text` so no line passes `width` columns (libunistring's width algorithm)."""
    if start + sum(map(char_width, text)) <= width:
        return [False] * len(text)  # fits: no need to look for break opportunities
    possible = _possible_breaks(text)
    result = [False] * len(text)
    last_at, column, piece = None, start, 0
    for i, char in enumerate(text):
        can = possible[i] and not fixed[i]
        if can:
            if last_at is not None and column + piece > width:
                result[last_at], column = True, 0
            last_at, column, piece = i, column + piece, 0
        piece += char_width(char)
    if last_at is not None and column + piece > width:
        result[last_at] = True
    return result


def _portions(value: str) -> list[str]:
    """The string cut after each newline; an empty string is one empty portion."""
    parts = value.split("\n")
    pieces = [part + "\n" for part in parts[:-1]]
    return pieces + [parts[-1]] if parts[-1] or not pieces else pieces


def wrap_field(
    name: str,
    value: str,
    prefix: str = "",
    wrap: bool = True,
    page_width: int = PAGE_WIDTH,
    glued: frozenset[int] = frozenset(),
) -> list[str]:
    """The PO lines for `name "value"` (e.g. msgid), each line starting with `prefix` ('#~ ', '#| ');
    no break before the positions in `glued` (inside format directives)."""
    lines: list[str] = []
    after_break = len(prefix) + 1
    width = (page_width if wrap else 1 << 30) - 1 - after_break
    portions = _portions(value)
    first, offset = True, 0
    for index, portion in enumerate(portions):
        text, fixed = _escape(portion, [offset + k in glued for k in range(len(portion))])
        offset += len(portion)
        start = len(name) + 1 if first else 0
        if first and text and (index + 1 < len(portions) or start > width):
            breaks = None  # the string starts on a line of its own: no need to try the first line
        else:
            breaks = _line_breaks(text, fixed, width, start)
        if first and text and (breaks is None or any(breaks)):
            lines.append(f'{prefix}{name} ""')
            first = False
            breaks = _line_breaks(text, fixed, width, 0)
        pieces, begin = [], 0
        for i, cut in enumerate(breaks):
            if cut:
                pieces.append(text[begin:i])
                begin = i
        pieces.append(text[begin:])
        head = f"{prefix}{name} " if first else prefix
        lines.append(f'{head}"{pieces[0]}"')
        lines.extend(f'{prefix}"{piece}"' for piece in pieces[1:])
        first = False
    return lines
