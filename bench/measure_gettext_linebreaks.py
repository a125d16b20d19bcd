"""Measure the UAX #14 pair table GNU gettext applies when it wraps PO strings (how powrap._ROWS was made).

For every pair of line-break classes (X, Y), one msgid `(((...X Y!!!...` (74 narrow '(' before, 74 '!'
after, so the only possible break is between X and Y) is written twice, with and without a space
between X and Y, and passed through `msgcat`. A line starting with Y means a break was allowed:
D = without a space, I = only across a space, P = never. Prints one row per class, in the format of
powrap._ROWS, and the rows that differ from powrap's table.

Usage: python bench/measure_gettext_linebreaks.py [PATH_TO_MSGCAT]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from transpair.po.wrap import _CLASSES, _TABLE

SAMPLES = {
    "WJ": "\u2060",
    "GL": "\u00a0",
    "B2": "\u2014",
    "BA": "|",
    "BB": "\u00b4",
    "HY": "-",
    "CL": "}",
    "CP": ")",
    "EX": "!",
    "IN": "\u2026",
    "NS": "\u203c",
    "OP": "(",
    "QU": "'",
    "IS": ",",
    "NU": "7",
    "PO": "%",
    "PR": "$",
    "SY": "/",
    "AL": "a",
    "H2": "가",
    "H3": "각",
    "ID": "中",
    "JL": "\u1100",
    "JV": "\u1161",
    "JT": "\u11a8",
    "HL": "\u05d0",
    "RI": "\U0001f1e6",
    "ZWJ": "\u200d",
    "EB": "\U0001f466",
    "EM": "\U0001f3fb",
}


def quoted(text: str) -> str:
    """A PO string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def probe_file() -> str:
    """A PO file with one probe entry per class pair and spacing."""
    lines = ['msgid ""', 'msgstr "Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for a in _CLASSES:
        for b in _CLASSES:
            for gap in ("", " "):
                text = "(" * 74 + SAMPLES[a] + gap + SAMPLES[b] + "!" * 74
                lines += [f'msgctxt "{a} {b} {len(gap)}"', f"msgid {quoted(text)}", 'msgstr ""', ""]
    return "\n".join(lines)


def measure(msgcat: str) -> dict[tuple[str, str], str]:
    """The rule gettext applies to each class pair."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "probe.po"
        path.write_text(probe_file(), encoding="utf-8")
        out = subprocess.run([msgcat, str(path)], capture_output=True, text=True, check=True).stdout
    broke = {}
    for block in out.split("\n\n")[1:]:
        lines = block.split("\n")
        a, b, gap = lines[0][len('msgctxt "') : -1].split()
        body = [line for line in lines[1:] if not line.startswith("msgstr")]
        broke[(a, b, gap)] = any(line[1:].startswith(quoted(SAMPLES[b])[1:-1]) for line in body[1:])
    return {
        (a, b): "D" if broke[(a, b, "0")] else "I" if broke[(a, b, "1")] else "P"
        for a in _CLASSES
        for b in _CLASSES
    }


def main(msgcat: str) -> None:
    """Print the measured table and where it differs from powrap's."""
    table = measure(msgcat)
    for a in _CLASSES:
        row = "".join(table[(a, b)] for b in _CLASSES)
        mine = "".join(_TABLE[(a, b)] for b in _CLASSES)
        print(a, row, "" if row == mine else f"differs from powrap: {mine}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "msgcat")
