"""Seconds to read hostile Markdown shapes at growing sizes: what tests/test_read_dialects.py checks by
counting the lines looked at (linear), timed here instead of in a test.

Shapes: `fences` (```smart + a line of text, repeated: an unclosed fence whose word may make a callout),
`tags` (`<Note` lines, repeated: component tags that never end). Each size is read once with
markdown_blocks; the script prints seconds and seconds per 1,000 copies (flat when linear).

Usage: python bench/bench_read_hostile.py [--copies 5000 20000 80000] [--shapes fences tags]
"""

from __future__ import annotations

import argparse
import time

from transpair.read.markdown import markdown_blocks

SHAPES = {"fences": "```smart\nSome text words here.\n", "tags": "<Note\n"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[5000, 20000, 80000])
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    args = parser.parse_args()
    for shape in args.shapes:
        for copies in args.copies:
            text = SHAPES[shape] * copies
            start = time.perf_counter()
            blocks = markdown_blocks(text)
            seconds = time.perf_counter() - start
            print(
                f"{shape:7} {copies:>7,} copies {len(text) / 2**20:6.2f} MiB  {len(blocks):>3} blocks  "
                f"{seconds:6.2f} s  {1000 * seconds / copies:.4f} s per 1,000",
                flush=True,
            )


if __name__ == "__main__":
    main()
