"""Benchmark the aligner on gold sets: bead F1, seconds, peak memory, fuzzy-threshold calibration, scaling.

For each DATA_DIR (a folder of NAME.en.txt / NAME.ko.txt / NAME.gold.json):
1. accuracy: strict and lax bead P/R/F1 in the 'align' view (gold as given) and the 'po' view
   (beads marked untranslated by untranslated.classify split);
2. time: seconds to align the whole set with a fresh embedding cache, plus the one-off model load,
   and the process's peak resident memory;
3. with --hunalign PATH: the same F1 and seconds for hunalign (empty dictionary, one paragraph per
   line, tokens split at script boundaries) and the time ratio transpair/hunalign.
Then, over all given sets together:
4. calibration (the procedure documented at align.FUZZY_THRESHOLD): every predicted bead is labelled
   right (equal to a gold bead) or wrong; the max-likelihood logistic slope over DP margins gives
   Weights.confidence_scale; then, over beads pairing both sides, each candidate threshold is scored
   as a detector of wrong beads (flag those below it) and the best F1 gives FUZZY_THRESHOLD (on a
   tie the lower one, flagging less).
5. scaling: synthetic pairs of 1,000 and 5,000 blocks built by shuffling the sets' gold 1-1 pairs
   (with a few merges and drops), aligned with warm embeddings: seconds, then the tracemalloc peak
   of a second, traced run of the alignment itself; both should grow linearly with the blocks.

Usage: python bench/bench_align.py DATA_DIR [DATA_DIR...] [--hunalign PATH] [--sizes 1000 5000]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import regex

from transpair import align, evaluate
from transpair.embed import CachedSimilarity, USESimilarity
from transpair.model import Block, normalize


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_set(folder: Path, model: USESimilarity, load_seconds: float) -> tuple[evaluate.Report, list]:
    """Align a gold set with a fresh cache; print F1, seconds and memory; return the report and labelled beads."""
    start = time.perf_counter()
    report = evaluate.evaluate(folder, CachedSimilarity(model))
    seconds = time.perf_counter() - start
    print(f"== {folder}")
    print(evaluate.format_report(report))
    print(f"seconds: {seconds + load_seconds:.1f} total ({load_seconds:.1f} model load + {seconds:.1f} aligning), "
          f"peak memory {peak_rss_mb():.0f} MB (max RSS of the process)")
    return report, labelled_beads(folder, report)


@dataclass(frozen=True)
class Labelled:
    """A predicted bead's confidence, whether it equals a gold bead, and whether it pairs both sides."""

    score: float
    right: bool
    matched: bool


def labelled_beads(folder: Path, report: evaluate.Report) -> list[Labelled]:
    """Every predicted bead labelled against the gold (align view)."""
    out = []
    for doc, beads in zip(evaluate.load_gold(folder), report.predictions):
        gold = set(doc.beads)
        out += [Labelled(b.score, (b.source, b.target) in gold, bool(b.source and b.target)) for b in beads]
    return out


def fit_scale(labelled: list[Labelled]) -> float:
    """Print and return the logistic slope over DP margins that best explains right/wrong (max likelihood)."""
    current = align.WEIGHTS.confidence_scale
    p = np.clip([x.score for x in labelled], 1e-12, 1 - 1e-12)
    margins = np.log(p / (1 - p)) / current
    right = np.array([x.right for x in labelled])
    best = max(
        (float(np.sum(np.where(right, -np.logaddexp(0, -s * margins), -np.logaddexp(0, s * margins)))), s)
        for s in np.arange(0.25, 10.01, 0.25)
    )
    print(f"== confidence_scale: max-likelihood slope {best[1]:.2f} (log-likelihood {best[0]:.1f}; current {current})")
    return best[1]


def calibrate(labelled: list[Labelled]) -> float:
    """Print the fuzzy-threshold table over matched beads (flag those below t) and return the best threshold."""
    matched = [x for x in labelled if x.matched]
    wrong = sum(not x.right for x in matched)
    print(f"== FUZZY_THRESHOLD calibration: {len(matched)} matched beads, {wrong} wrong (current {align.FUZZY_THRESHOLD})")
    print(f"{'t':>5} {'flagged':>8} {'wrong':>6} {'P':>6} {'R':>6} {'F1':>6}")
    best = (-1.0, 0.0)
    for step in range(1, 20):
        t = step / 20
        flagged = [x.right for x in matched if x.score < t]
        caught = sum(not right for right in flagged)
        p = caught / len(flagged) if flagged else 0.0
        r = caught / wrong if wrong else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{t:5.2f} {len(flagged):8d} {caught:6d} {p:6.3f} {r:6.3f} {f1:6.3f}")
        if f1 > best[0]:
            best = (f1, t)
    print(f"best threshold {best[1]:.2f} (F1 {best[0]:.3f})")
    return best[1]


def gold_pairs(folders: list[Path]) -> list[tuple[str, str]]:
    """Every 1-1 gold pair of the sets, as (English, Korean) block texts."""
    from transpair.read import read_document

    out = []
    for folder in folders:
        for doc in evaluate.load_gold(folder):
            en, ko = read_document(doc.source).blocks, read_document(doc.target).blocks
            out += [(en[s[0]].text, ko[t[0]].text) for s, t in doc.beads if len(s) == 1 and len(t) == 1]
    return out


def synthetic(pairs: list[tuple[str, str]], size: int, seed: int = 0) -> tuple[list[Block], list[Block]]:
    """A size-block source and its target: shuffled gold pairs, about 2% merged and 2% dropped."""
    rng = random.Random(seed)
    chosen = [rng.choice(pairs) for _ in range(size)]
    src = [Block(en) for en, _ in chosen]
    tgt, i = [], 0
    while i < size:
        roll = rng.random()
        if roll < 0.02 and i + 1 < size:
            tgt.append(Block(chosen[i][1] + " " + chosen[i + 1][1]))
            i += 2
            continue
        if roll > 0.02 * 2:
            tgt.append(Block(chosen[i][1]))
        i += 1
    return src, tgt


def scaling(folders: list[Path], model: USESimilarity, sizes: list[int]) -> None:
    """Align synthetic pairs of each size with warm embeddings; print seconds and traced peak memory."""
    pairs = gold_pairs(folders)
    cache = CachedSimilarity(model)
    cache.embed([normalize(t) for pair in pairs for t in pair])  # the aligner embeds Block.norm
    print("== scaling (synthetic pairs, embeddings warm)")
    for size in sizes:
        src, tgt = synthetic(pairs, size)
        start = time.perf_counter()
        align.align_blocks(src, tgt, cache)
        seconds = time.perf_counter() - start
        tracemalloc.start()
        align.align_blocks(src, tgt, cache)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{size:6d} source blocks, {len(tgt):6d} target: {seconds:6.1f} s, "
              f"peak {peak / 2**20:7.1f} MB traced in a second run ({peak / size / 1024:.1f} KB per block)")


_SCRIPT_EDGE = regex.compile(r"(?<=\p{Hangul})(?=[^\p{Hangul}\s])|(?<=[^\p{Hangul}\s])(?=\p{Hangul})|(?=\p{P})|(?<=\p{P})")


def hunalign_line(text: str) -> str:
    """A block as one hunalign line, tokens split at script boundaries and punctuation."""
    return " ".join(_SCRIPT_EDGE.sub(" ", text).split())


def hunalign_beads(binary: str, source: list[Block], target: list[Block]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Run hunalign (empty dictionary) on one pair and turn its ladder into beads."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp) / name for name in ("empty.dic", "src.txt", "tgt.txt")]
        paths[0].write_text("", encoding="utf-8")
        for path, blocks in zip(paths[1:], (source, target)):
            path.write_text("".join(hunalign_line(b.text) + "\n" for b in blocks), encoding="utf-8")
        out = subprocess.run([binary, *map(str, paths)], capture_output=True, text=True, check=True).stdout
    rungs = [(0, 0)] + [tuple(int(x) for x in line.split("\t")[:2]) for line in out.splitlines() if line.strip()]
    rungs.append((len(source), len(target)))  # the ladder may or may not hold its two ends
    return [
        (tuple(range(i, i2)), tuple(range(j, j2)))
        for (i, j), (i2, j2) in zip(rungs, rungs[1:])
        if i2 > i or j2 > j
    ]


def run_hunalign(folder: Path, binary: str) -> float:
    """Score hunalign on a gold set (align view); print its F1 and seconds; return the seconds."""
    from transpair.read import read_document

    total, start = evaluate.Counts(), time.perf_counter()
    for doc in evaluate.load_gold(folder):
        beads = hunalign_beads(binary, list(read_document(doc.source).blocks), list(read_document(doc.target).blocks))
        total += evaluate.count(doc.beads, beads)
    seconds = time.perf_counter() - start
    s = evaluate.scores(total)
    print(f"hunalign: strict F1 {s.strict[2]:.4f}, lax F1 {s.lax[2]:.4f}, {seconds:.1f} s")
    return seconds


def main() -> None:
    """Parse arguments and run every part of the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--hunalign", help="path to a hunalign binary to compare with")
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 5000])
    args = parser.parse_args()
    start = time.perf_counter()
    model = USESimilarity()
    model.embed(["warm up"])
    load_seconds = time.perf_counter() - start
    labelled = []
    for folder in args.data:
        set_start = time.perf_counter()
        labelled += run_set(folder, model, load_seconds)[1]
        if args.hunalign:
            ours = time.perf_counter() - set_start
            print(f"time ratio transpair/hunalign: {ours / run_hunalign(folder, args.hunalign):.1f}")
    fit_scale(labelled)
    calibrate(labelled)
    if args.sizes:
        scaling(args.data, model, args.sizes)


if __name__ == "__main__":
    sys.exit(main())
