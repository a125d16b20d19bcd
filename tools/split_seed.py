"""Split the seed blog dump into one file per post, named by the post's date (how corpora/blog was made)."""

from __future__ import annotations

import sys
from pathlib import Path

import regex

POST_START = regex.compile(
    r"^\(Recovered\s+from my old article\s+-\s+originally posted on (\d{4})\.(\d\d)\.(\d\d)", regex.M
)


def split_posts(text: str) -> list[tuple[str, str]]:
    """(date, text) of each post; a post runs from its 'Recovered from' line to the next one."""
    starts = list(POST_START.finditer(text))
    return [
        ("-".join(m.groups()), text[m.start() : nxt.start() if nxt else len(text)].rstrip() + "\n")
        for m, nxt in zip(starts, [*starts[1:], None])
    ]


def main(dump: str, out_dir: str) -> None:
    """Write OUT_DIR/DATE.en.txt for every post of DUMP."""
    for date, post in split_posts(Path(dump).read_text(encoding="utf-8")):
        Path(out_dir, f"{date}.en.txt").write_text(post, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
