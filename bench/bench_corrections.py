"""The review loop on a gold set: how many corrections a reviewer makes before the alignment is the gold.

For each NAME.en.txt / NAME.ko.txt / NAME.gold.json of DATA_DIR: align (the real aligner), then in
rounds do what a reviewer does on the review page: every gold bead the alignment still lacks becomes a
correction (a fixed bead), and `align --corrections` aligns again around all corrections so far.
Prints per set: documents, gold beads, documents right with no correction, corrections made (and their
share of the gold beads), rounds needed at most, and documents equal to the gold at the end.

Usage: python bench/bench_corrections.py DATA_DIR [MAX_ROUNDS]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from transpair import pipeline
from transpair.align import corrections, embed, evaluate
from transpair.model import Bead
from transpair.read import reader


def review_loop(doc: evaluate.GoldDoc, scratch: Path, max_rounds: int) -> tuple[int, int, bool]:
    """Corrections made, rounds used and whether the alignment ended equal to the gold."""
    source, target = reader.read_document(doc.source), reader.read_document(doc.target)
    gold = [corrections.fixed_of(Bead(s, t, 1.0), source, target) for s, t in doc.beads]
    fixed: list[corrections.Fixed] = []
    path = scratch / f"{doc.name}.corrections.json"
    for rounds in range(max_rounds + 1):
        path.write_text(json.dumps(corrections.corrections_json(fixed, source, target)), encoding="utf-8")
        pair = pipeline.Pair(source, target, "en", "ko")
        found = pipeline.aligned(pair, "paragraph", embed.shared_similarity(), corrections.read(path))
        have = {(b.source, b.target) for b in found.beads}
        missing = [f for f in gold if (f.source, f.target) not in have]
        if not missing:
            return len(fixed), rounds, True
        fixed += missing
    return len(fixed), max_rounds, False


def main(folder: str, max_rounds: int = 5) -> None:
    """Run the loop on every gold document and print the totals."""
    docs = evaluate.load_gold(folder)
    start = time.perf_counter()
    made = beads = clean = done = worst = 0
    with tempfile.TemporaryDirectory() as scratch:
        for doc in docs:
            count, rounds, equal = review_loop(doc, Path(scratch), max_rounds)
            made, beads, clean = made + count, beads + len(doc.beads), clean + (count == 0)
            done, worst = done + equal, max(worst, rounds)
    print(
        f"{Path(folder).name}: {len(docs)} documents, {beads} gold beads, {clean} right without correction, "
        f"{made} corrections ({made / max(beads, 1):.1%} of the gold beads), at most {worst} rounds, "
        f"{done} of {len(docs)} equal to the gold; {time.perf_counter() - start:.0f} s"
    )


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:3]))
