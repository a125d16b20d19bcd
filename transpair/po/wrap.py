"""Quote and wrap PO strings exactly as GNU gettext 0.21 does (write-po.c + libunistring line breaking).

gettext splits a string after each `\\n`, escapes it, finds the UAX #14 break opportunities of the
escaped text (libunistring's pair table, where Hangul syllables may break between each other), and
breaks at the last opportunity before the line would pass 79 display columns (wide characters
count 2). A string that spans several lines starts with an empty `msgid ""` line.
"""

from __future__ import annotations

import operator
import unicodedata
from functools import lru_cache
from itertools import accumulate, compress

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
_HARD_BREAKS = frozenset(("BK", "CR", "LF", "NL", "ZW"))
_NOT_PLAIN = _HARD_BREAKS | {"CM", "ZWJ", "RI"}  # classes with rules beyond the pair table and spaces
_ALL = _CLASSES + list(_RESOLVE) + list(_SPECIAL)
_CLASS_RE = regex.compile("|".join(f"(?P<{name}>\\p{{Line_Break={name}}})" for name in _ALL))
# Where the regex module's data differs from what gettext does: it reports no Line_Break value for these
# hyphens (BA in Unicode, soft hyphen included), and it has MIDDLE DOT as IS where libunistring has AI.
_FIXED = {
    **dict.fromkeys("\u00ad\u058a\u05be\u1400\u2010\u2012\u2013\u2e17\u2e40\u2e5d\U00010ead", "BA"),
    "\u00b7": "AL",
}
_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v", "\\": "\\", '"': '"'}
_ESCAPE_TABLE = str.maketrans({char: "\\" + code for char, code in _ESCAPES.items()})
_NEEDS_ESCAPE = regex.compile("[" + regex.escape("".join(_ESCAPES)) + "]")


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
    classes = list(map(line_break_class, chars))
    if _NOT_PLAIN.isdisjoint(classes) and (
        "OP" not in classes or not any(map(_wide_opening, chars, classes))
    ):
        return _plain_breaks(classes)
    breaks = [False] * len(chars)
    last, spaced, joined, flags = "BK", False, False, 0  # flags: regional indicators in a row so far
    for i, (char, cls) in enumerate(zip(chars, classes)):
        was_joined, joined = joined, cls == "ZWJ"
        if cls in _HARD_BREAKS:
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


def _plain_breaks(classes: list[str]) -> tuple[bool, ...]:
    """_possible_breaks of a text where only spaces and the pair table apply (no mark, joiner, regional
    indicator, hard break or wide opening bracket: most catalog text), in a loop that needs no more."""
    breaks = [False] * len(classes)
    last, spaced = "", False
    for i, cls in enumerate(classes):
        if cls == "SP":
            spaced = True
            continue
        if last:
            breaks[i] = _PAIR_BREAKS[last, cls][spaced]
        last, spaced = cls, False
    return tuple(breaks)


_PAIR_BREAKS = {  # (break without a space between, break across spaces) for two classes, in a plain text
    (before, after): tuple(
        _TABLE[before, after] == "D" or (_TABLE[before, after] == "I" and s) for s in (0, 1)
    )
    for before, after in _TABLE
}


def _wide_opening(char: str, cls: str) -> bool:
    """True for a wide opening bracket, which letters and digits before it may break from (LB30)."""
    return cls == "OP" and unicodedata.east_asian_width(char) in ("W", "F")


def _escape(portion: str, glued: list[bool]) -> tuple[str, list[bool]]:
    """The quoted form of a portion and, per output character, whether a break before it is forbidden
    (`glued`: per input character, inside a format directive)."""
    if _NEEDS_ESCAPE.search(portion) is None:
        out, fixed = portion, list(glued)
    else:
        out, fixed = portion.translate(_ESCAPE_TABLE), []
        for char, inside in zip(portion, glued):
            fixed += [inside, True] if char in _ESCAPES else [inside]  # no break inside an escape
    if portion.endswith("\n"):
        fixed[-2] = True  # never break just before the closing \n
    return out, fixed


def _widths(text: str) -> list[int]:
    """Display columns of each character (one each for printable ASCII, the bulk of most catalogs)."""
    return [1] * len(text) if text.isascii() and text.isprintable() else list(map(char_width, text))


def _line_breaks(text: str, fixed: list[bool], width: int, start: int) -> list[bool]:
    """Where to break `text` so no line passes `width` columns (libunistring's width algorithm): at each
    break opportunity, the last one before it ends a line when the piece since would pass the width."""
    widths = _widths(text)
    if start + sum(widths) <= width:
        return [False] * len(text)  # fits: no need to look for break opportunities
    columns = list(accumulate(widths, initial=0))  # columns before each character
    result = [False] * len(text)
    last_at, column = 0, start  # the last opportunity (0 before the first) and its column on its line
    for i in compress(range(len(text)), map(operator.gt, _possible_breaks(text), fixed)):
        piece = columns[i] - columns[last_at]
        if last_at and column + piece > width:
            result[last_at], column = True, 0
        last_at, column = i, column + piece
    if last_at and column + columns[-1] - columns[last_at] > width:
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
        inside = [offset + k in glued for k in range(len(portion))] if glued else [False] * len(portion)
        text, fixed = _escape(portion, inside)
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
