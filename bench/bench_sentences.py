"""Check the sentence-level skip cost (search.SENTENCE_WEIGHTS) on a sentence gold, leave-one-domain-out.

For each skip cost of a grid, align every document of the gold as `transpair eval` does (paragraphs, then
sentences on the gold's cut) and print strict F1 per domain (the file-name prefix before the first '-':
rust, helm, vue) and overall; then, per domain, the cost that the other domains pick (best summed strict
F1, the middle of a tie) and the held-out domain's F1 with it, beside its F1 with the current cost.

Usage: python bench/bench_sentences.py data/gold/sentences-ko [--grid 2.2 4 6 8 10 12 14 16]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from transpair.align import evaluate, search
from transpair.align.embed import CachedSimilarity, USESimilarity


def per_domain(folder: Path, similarity: CachedSimilarity, skip: float) -> dict[str, evaluate.Counts]:
    """Strict and lax counts per domain with the sentence-level skip cost set to `skip`."""
    kept = search.SENTENCE_WEIGHTS
    search.SENTENCE_WEIGHTS = replace(kept, skip=skip)
    try:
        out: dict[str, evaluate.Counts] = defaultdict(evaluate.Counts)
        for doc in evaluate.load_gold(folder):
            found = evaluate.align_gold_doc(doc, similarity)
            out[doc.name.split("-")[0]] += evaluate.count(
                doc.beads, [(b.source, b.target) for b in found.beads]
            )
        return out
    finally:
        search.SENTENCE_WEIGHTS = kept


def f1(counts: evaluate.Counts) -> float:
    """Strict F1 of some counts."""
    return evaluate.scores(counts).strict[2]


def main() -> None:
    """Run the grid and print the per-domain and leave-one-domain-out tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--grid", nargs="+", type=float, default=[2.2, 4, 6, 8, 10, 11, 12, 13, 14, 16, 20])
    args = parser.parse_args()
    similarity = CachedSimilarity(USESimilarity())
    current = search.SENTENCE_WEIGHTS.skip
    grid = sorted({*args.grid, current})
    runs = {skip: per_domain(args.data, similarity, skip) for skip in grid}
    domains = sorted(runs[grid[0]])
    print(f"{'skip':>6} " + " ".join(f"{d:>7}" for d in domains) + f" {'all':>7}")
    for skip, found in runs.items():
        total = sum(found.values(), evaluate.Counts())
        print(f"{skip:6.1f} " + " ".join(f"{f1(found[d]):7.4f}" for d in domains) + f" {f1(total):7.4f}")
    print(f"== leave one domain out (current skip {current})")
    for held in domains:
        rest = {
            skip: f1(sum((c for d, c in found.items() if d != held), evaluate.Counts()))
            for skip, found in runs.items()
        }
        best = max(rest.values())
        ties = [skip for skip in grid if rest[skip] == best]
        chosen = ties[len(ties) // 2]
        print(
            f"{held:<6} others pick {chosen:5.1f} ({best:.4f}): held-out F1 {f1(runs[chosen][held]):.4f}, "
            f"with the current cost {f1(runs[current][held]):.4f}, "
            f"its own best {max(f1(r[held]) for r in runs.values()):.4f}"
        )


if __name__ == "__main__":
    main()
