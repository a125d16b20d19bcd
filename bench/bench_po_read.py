"""Time and memory of reading generated POs of 10k, 100k and 1M lines: the PO reader must be linear in lines.

Shapes: `entries` (N lines of three-line entries), `continuation` (one msgid split over N string lines, the
shape that was quadratic), `one-line` (one msgid of N x 10 bytes on one line). Each file is read
(read_po_data, strict, as report reads it) in a fresh process; the script prints seconds, seconds per
100k lines and the process's peak resident memory.

Usage: python bench/bench_po_read.py [--lines 10000 100000 1000000] [--shapes entries continuation one-line]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time

HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def generate(shape: str, lines: int) -> bytes:
    """A PO of about `lines` lines (or, for one-line, one line of `lines` x 10 bytes)."""
    if shape == "entries":
        body = "".join(f'msgid "entry {i} text"\nmsgstr "항목 {i}"\n\n' for i in range(lines // 3))
    elif shape == "continuation":
        body = 'msgid ""\n' + '"a piece of text "\n' * lines + 'msgstr "b"\n'
    else:
        body = 'msgid "' + "0123456789" * lines + '"\nmsgstr "b"\n'
    return (HEAD + body).encode("utf-8")


def measure(shape: str, lines: int) -> None:
    """Read one generated file in this process; print seconds and peak memory as one line."""
    from transpair.po.file import read_po_data

    data = generate(shape, lines)
    start = time.perf_counter()
    po = read_po_data(data, f"{shape}.po", strict=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{shape:12} {lines:>9,} lines {len(data) / 2**20:7.1f} MiB  {len(po):>7} entries  {seconds:7.2f} s  "
        f"{seconds / max(lines, 1) * 1e5:6.3f} s/100k lines  peak {peak:6.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--shapes", nargs="+", default=["entries", "continuation", "one-line"])
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "LINES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        measure(args.one[0], int(args.one[1]))
        return
    for shape in args.shapes:
        for lines in args.lines:
            subprocess.run([sys.executable, __file__, "--one", shape, str(lines)], check=True)


if __name__ == "__main__":
    main()
