"""Text of a gold page: the blocks of a Markdown page, one line each, blank-line separated.

Usage: PYTHONPATH=. python bench/gold_extract.py PAGE.md > NAME.en.txt
Blocks are where transpair's Markdown reader puts them; inline HTML tags and comments outside code spans are
removed and blocks without a letter dropped. mdBook's <Listing> component becomes the two lines the rendered
page shows: "Filename: F" above the code and "Listing N: caption" below it.
"""

import re
import sys
from pathlib import Path

from transpair.read.reader import parse

TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>|<!--.*?-->")
CODE_SPAN = re.compile(r"(`[^`]*`)")
LISTING = re.compile(r'^<Listing\b((?:"[^"]*"|[^>"])*)>\s*$(.*?)^</Listing>\s*$', re.M | re.S)
ATTR = re.compile(r'([\w-]+)="([^"]*)"')


def _listing(match: re.Match) -> str:
    """An mdBook <Listing> as its rendered page shows it: file name above the code, caption below."""
    attrs = dict(ATTR.findall(match.group(1)))
    head = f"\nFilename: {attrs['file-name']}\n" if "file-name" in attrs else ""
    tail = ""
    if "caption" in attrs:
        number = f"Listing {attrs['number']}: " if "number" in attrs else ""
        tail = f"\n{number}{attrs['caption']}\n"
    return f"{head}\n{match.group(2)}\n{tail}"


def _clean(text: str) -> str:
    """One line: inline tags and comments outside code spans removed, spaces folded."""
    parts = CODE_SPAN.split(" ".join(text.split()))
    return " ".join("".join(p if p.startswith("`") else TAG.sub("", p) for p in parts).split())


def blocks(path: str) -> list[str]:
    """The blocks of a Markdown page that hold a letter, each on one line."""
    text = LISTING.sub(_listing, Path(path).read_text(encoding="utf-8"))
    cleaned = (_clean(b.text) for b in parse(text, "markdown"))
    return [t for t in cleaned if any(c.isalpha() for c in t)]


if __name__ == "__main__":
    sys.stdout.write("\n\n".join(blocks(sys.argv[1])) + "\n")
