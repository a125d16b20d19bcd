"""Reading a gold set: seconds to read every file, block counts against the gold, and how often the
plain-text heading guess agrees between an English block and its Korean 1-1 counterpart.

Usage: python bench/bench_read_gold.py [GOLD_DIR ...]   (default: ../shared/data/pydocs-ko)
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from transpair.read.reader import read_document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "pydocs-ko"


def main(dirs: list[str]) -> None:
    """Read every gold pair, check block counts, and print kind agreement over 1-1 beads."""
    kinds: Counter[tuple[str, str]] = Counter()
    wrong_counts, blocks, seconds = [], 0, 0.0
    for gold_path in sorted(g for d in dirs or [str(DEFAULT)] for g in Path(d).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())
        base = str(gold_path)[: -len(".gold.json")]
        started = time.perf_counter()
        en, ko = read_document(base + ".en.txt"), read_document(base + ".ko.txt")
        seconds += time.perf_counter() - started
        blocks += len(en.blocks) + len(ko.blocks)
        if (len(en.blocks), len(ko.blocks)) != (gold["n_en"], gold["n_ko"]):
            wrong_counts.append(gold_path.name)
        for src, tgt in gold["beads"]:
            if len(src) == 1 and len(tgt) == 1:
                kinds[en.blocks[src[0]].kind, ko.blocks[tgt[0]].kind] += 1
    agree = sum(n for (a, b), n in kinds.items() if a == b)
    print(
        f"blocks {blocks}  read seconds {seconds:.2f}  documents with wrong block counts: "
        f"{wrong_counts or 'none'}"
    )
    print(f"1-1 beads with the same kind: {agree}/{sum(kinds.values())} = {agree / sum(kinds.values()):.4f}")
    for (a, b), n in sorted(kinds.items()):
        print(f"    en {a:9} ko {b:9} {n}")


if __name__ == "__main__":
    main(sys.argv[1:])
