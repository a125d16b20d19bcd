"""Peak memory of `transpair pot` on a page, or `transpair align` on a pair of pages, made of tiny paragraphs,
per format and size: what the 64 MiB input limit means in memory (README's promise).

Each pair is an English and a Korean page of N MB of one-line paragraphs ("Item 17." / "항목 17.", blank line
between; --distinct texts repeated, so that the embedding model's time stays small and what is measured is
what each block costs), as plain text, Markdown and HTML (`<p>` each); the whole command runs in its own
process (the model load included) and its peak resident memory (ru_maxrss) and wall seconds are printed with
the blocks per side and the megabytes of peak per megabyte of input (both pages for align). A refusal is
printed as its error line.

Usage: python bench/bench_memory.py [--command pot|align] [--sizes 1 4 16] [--formats txt md html]
       [--distinct 100] [--repeat 1]   (align of 0.25 MB a side took 350 s; 1 MB did not finish in 10 minutes)
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench_speed import timed

WRAP = {"txt": "{}\n\n", "md": "{}\n\n", "html": "<p>{}</p>\n"}
HEAD = {"txt": "", "md": "", "html": "<!DOCTYPE html>\n<html><body>\n"}


def write_page(path: Path, words: str, fmt: str, megabytes: float, distinct: int, repeat: int = 1) -> None:
    """A page of `megabytes` of one-line paragraphs (`words N.`, N below `distinct`, said `repeat` times) in
    format `fmt`, written as it is made (on Linux a child's peak counts the memory of the bench at fork)."""
    size, n = 0, 0
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD[fmt])
        while size < megabytes * 2**20:
            n += 1
            line = WRAP[fmt].format(" ".join([f"{words} {n % distinct}."] * repeat))
            out.write(line)
            size += len(line.encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16])
    parser.add_argument("--formats", nargs="+", default=["txt", "md", "html"])
    parser.add_argument("--distinct", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1, help="words per paragraph: 2 x this (longer blocks)")
    parser.add_argument("--command", choices=["pot", "align"], default="pot")
    args = parser.parse_args()
    for fmt in args.formats:
        for megabytes in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                tmp = Path(tmp)
                source, target = tmp / f"en.{fmt}", tmp / f"ko.{fmt}"
                write_page(source, "Item", fmt, megabytes, args.distinct, args.repeat)
                write_page(target, "항목", fmt, megabytes, args.distinct, args.repeat)
                with source.open(encoding="utf-8") as lines:
                    blocks = sum(line.count(".") for line in lines) // args.repeat
                refused: list[str] = []
                pages = [str(source), str(target)] if args.command == "align" else [str(source)]
                out = tmp / ("out.pot" if args.command == "pot" else "out.po")
                quiet = ["-q"] if args.command == "align" else []  # pot has no progress to silence
                command = [args.command, *pages, *quiet, "-o", str(out)]
                seconds, peak, _ = timed(command, tmp / "cache", refused)
                inputs = sum(Path(name).stat().st_size for name in pages) / 2**20
                outcome = refused[-1] if refused else f"{peak / inputs:.0f} MB per MB of input"
                print(
                    f"{fmt:4} {megabytes:>4g} MB/side {blocks:>9,} blocks/side  {seconds:7.1f} s  "
                    f"peak {peak:7.0f} MB  {outcome}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
