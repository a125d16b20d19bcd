"""Time `transpair report` over 1,000 generated PO files (50 entries each) and print the seconds.

Usage: python bench/bench_report.py [--files 1000] [--entries 50] [--format table]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

from transpair.model import Cause
from transpair.po.notes import Note, format_note

WORDS = "the module list path 함수를 파이썬은 데이터를 version 2.6.24 os.path.join returns value".split()


def generate(folder: Path, files: int, entries: int, seed: int = 1) -> int:
    """Write `files` PO files with a mix of translated, fuzzy, untranslated and placeholder entries."""
    rnd = random.Random(seed)
    total = 0
    for n in range(files):
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
        for i in range(entries):
            kind = "heading" if i % 10 == 0 else "paragraph"
            state = rnd.choice(["translated"] * 6 + ["fuzzy", "untranslated", "placeholder", "left"])
            status = {"placeholder": "untranslated", "left": "untranslated"}.get(state, state)
            reason = {"placeholder": 'placeholder "[TBD]"', "left": "left in English"}.get(state, "")
            cause = {"placeholder": Cause.PLACEHOLDER, "left": Cause.LEFT_IN_SOURCE}.get(state, Cause.NONE)
            msgid = f"{i} " + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 40)))
            po.append(
                polib.POEntry(
                    msgid=msgid,
                    msgstr="번역" if status in ("translated", "fuzzy") else "",
                    flags=["fuzzy"] if status == "fuzzy" else [],
                    comment=format_note(Note("1-1", kind, 0.9, status, reason, cause)),
                    occurrences=[(f"article-{n}.md", str(i + 1))],
                )
            )
        po.save(str(folder / f"article-{n:04d}.po"))
        total += entries
    return total


def main() -> None:
    """Generate the files, run the command once per format asked, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--format", default="table", choices=["table", "json", "csv", "markdown", "html"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "po"
        folder.mkdir()
        entries = generate(folder, args.files, args.entries)
        out = Path(tmp) / f"report.{args.format}"
        cmd = [
            sys.executable,
            "-m",
            "transpair.cli",
            "report",
            str(folder),
            "-f",
            args.format,
            "-o",
            str(out),
        ]
        start = time.perf_counter()
        run = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if run.returncode != 0:
            sys.exit(f"transpair report failed ({run.returncode}): {run.stderr.strip()}")
        print(
            f"files {args.files}  entries {entries}  format {args.format}  seconds {seconds:.2f}  "
            f"output {out.stat().st_size / 1e6:.1f} MB"
        )


if __name__ == "__main__":
    main()
