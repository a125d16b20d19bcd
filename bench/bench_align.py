"""Benchmark the aligner on gold sets: bead F1, seconds, peak memory, fuzzy-threshold calibration, scaling.

For each DATA_DIR (a folder of NAME.en.txt / NAME.ko.txt / NAME.gold.json):
1. accuracy: strict and lax bead P/R/F1 in the 'align' view (gold as given) and the 'po' view
   (beads marked untranslated by classify.classify split);
2. time: seconds to align the whole set with a fresh embedding cache, plus the one-off model load,
   and the process's peak resident memory;
3. with --hunalign PATH: the same F1 and seconds for hunalign (empty dictionary, one paragraph per
   line, tokens split at script boundaries) and the time ratio transpair/hunalign.
Then, over all given sets together:
4. calibration (the procedure documented at align.FUZZY_THRESHOLD): every bead of the best path is
   labelled right (equal to a gold bead) or wrong; the max-likelihood logistic slope over DP margins
   gives Weights.confidence_scale; a logistic regression of the match score of gold beads against
   wrong pairings (each gold bead's best-scoring same-shape rival in another document) gives
   Weights.quality_slope and quality_mid; then, over beads pairing both sides in the dev alignments
   and in the alignments of different documents of part 5 (all wrong), each candidate threshold on
   the resulting confidence is scored as a detector of wrong beads (flag those below it) and the
   best F2 (recall counted twice) gives FUZZY_THRESHOLD (on a tie the lower one, flagging less).
5. robustness: the English of one document aligned with the Korean of another (share of beads
   wrongly marked 'translated'), and k unrelated paragraphs inserted on each side of every pair
   (strict F1, share of the inserted paragraphs left unaligned); --unrelated N and --inserted K.
6. scaling: synthetic pairs of 1,000 and 5,000 blocks built by shuffling the sets' gold 1-1 pairs
   (with a few merges and drops), aligned with warm embeddings: seconds, then the tracemalloc peak
   of a second, traced run of the alignment itself; both should grow linearly with the blocks.

Usage: python bench/bench_align.py DATA_DIR [DATA_DIR...] [--hunalign PATH] [--sizes 1000 5000]
       [--unrelated 20] [--inserted 3]
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
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import regex

from transpair import align, evaluate
from transpair.embed import CachedSimilarity, USESimilarity
from transpair.model import Block, normalize


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_set(folder: Path, model: USESimilarity, load_seconds: float) -> tuple[list, list[tuple[float, bool]]]:
    """Align a gold set with a fresh cache; print F1, seconds and memory; return labelled beads and match
    samples."""
    start = time.perf_counter()
    similarity = CachedSimilarity(model)
    report = evaluate.evaluate(folder, similarity)
    seconds = time.perf_counter() - start
    print(f"== {folder}")
    print(evaluate.format_report(report))
    print(
        f"seconds: {seconds + load_seconds:.1f} total ({load_seconds:.1f} model load + {seconds:.1f} "
        f"aligning), "
        f"peak memory {peak_rss_mb():.0f} MB (max RSS of the process)"
    )
    return labelled_beads(folder, similarity), match_samples(folder, similarity)


@dataclass(frozen=True)
class Labelled:
    """A bead of the best path (margin, match score) and whether it equals a gold bead."""

    evidence: align.Evidence
    right: bool

    @property
    def matched(self) -> bool:
        """Whether the bead pairs both sides."""
        return bool(self.evidence.source and self.evidence.target)


def labelled_beads(folder: Path, similarity: CachedSimilarity) -> list[Labelled]:
    """Every bead of each document's best path labelled against the gold (align view); embeddings are warm."""
    from transpair.read import read_document

    out = []
    for doc in evaluate.load_gold(folder):
        path = align.best_path(read_document(doc.source).blocks, read_document(doc.target).blocks, similarity)
        gold = set(doc.beads)
        out += [Labelled(e, (e.source, e.target) in gold) for e in path]
    return out


def _rival(pair: align.Pair, start: int, a: int, spans: int, b: int) -> float:
    """Best match score of the source span at `start` (a blocks) with any of the first `spans` b-block target
    spans."""
    return float(align.match_scores(pair, start, a, np.arange(spans), b).max())


def match_samples(folder: Path, similarity: CachedSimilarity, seed: int = 0) -> list[tuple[float, bool]]:
    """(match score, true pair?) for every gold bead pairing both sides and, for each, its best-scoring
    pairing of the same shape with another document's target blocks (a false pair)."""
    from transpair.read import read_document

    docs = evaluate.load_gold(folder)
    rng = random.Random(seed)
    out = []
    for doc in docs:
        en, ko = read_document(doc.source).blocks, read_document(doc.target).blocks
        other = read_document(rng.choice([d for d in docs if d is not doc]).target).blocks
        pair = align.features(en, ko, similarity, align.WEIGHTS)
        foreign = align.features(en, other, similarity, align.WEIGHTS)
        for src, tgt in (b for b in doc.beads if b[0] and b[1]):
            out.append(
                (float(align.match_scores(pair, src[0], len(src), np.array([tgt[0]]), len(tgt))[0]), True)
            )
            if len(other) >= len(tgt):
                out.append((_rival(foreign, src[0], len(src), len(other) - len(tgt) + 1, len(tgt)), False))
    return out


def fit_quality(samples: list[tuple[float, bool]]) -> tuple[float, float]:
    """Print and return (slope, mid) of the logistic regression of true pair on match score (Newton's
    method)."""
    x = np.array([s for s, _ in samples])
    y = np.array([t for _, t in samples], dtype=float)
    design = np.stack([np.ones_like(x), x], axis=1)
    beta = np.zeros(2)
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ beta))
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + 1e-9 * np.eye(2)
        beta += np.linalg.solve(hessian, design.T @ (y - p))
    slope, mid = float(beta[1]), float(-beta[0] / beta[1])
    w = align.WEIGHTS
    print(
        f"== quality: logistic of match score over {int(y.sum())} gold pairs vs {int(len(y) - y.sum())} "
        f"wrong "
        f"pairings: slope {slope:.3f}, mid {mid:.3f} (current {w.quality_slope}, {w.quality_mid})"
    )
    return slope, mid


def fit_scale(labelled: list[Labelled]) -> float:
    """Print and return the logistic slope over DP margins that best explains right/wrong (max likelihood)."""
    current = align.WEIGHTS.confidence_scale
    margins = np.array([x.evidence.margin for x in labelled])
    right = np.array([x.right for x in labelled])
    best = max(
        (float(np.sum(np.where(right, -np.logaddexp(0, -s * margins), -np.logaddexp(0, s * margins)))), s)
        for s in np.arange(0.25, 10.01, 0.25)
    )
    print(
        f"== confidence_scale: max-likelihood slope {best[1]:.2f} (log-likelihood {best[0]:.1f}; current "
        f"{current})"
    )
    return best[1]


def calibrate(labelled: list[Labelled], weights: align.Weights) -> float:
    """Print the fuzzy-threshold table over matched beads (flag those whose confidence is below t) and return
    the
    threshold with the best F2 (recall of wrong beads weighs twice: a wrong pair passed as translated costs
    more
    than a right one reviewed); confidences are computed with the fitted weights."""
    matched = [(align.confidence(x.evidence, weights), x.right) for x in labelled if x.matched]
    wrong = sum(not right for _, right in matched)
    print(
        f"== FUZZY_THRESHOLD calibration: {len(matched)} matched beads, {wrong} wrong (current "
        f"{align.FUZZY_THRESHOLD})"
    )
    print(f"{'t':>5} {'flagged':>8} {'wrong':>6} {'P':>6} {'R':>6} {'F2':>6}")
    best = (-1.0, 0.0)
    for step in range(1, 20):
        t = step / 20
        flagged = [right for score, right in matched if score < t]
        caught = sum(not right for right in flagged)
        p = caught / len(flagged) if flagged else 0.0
        r = caught / wrong if wrong else 0.0
        f2 = 5 * p * r / (4 * p + r) if p + r else 0.0
        print(f"{t:5.2f} {len(flagged):8d} {caught:6d} {p:6.3f} {r:6.3f} {f2:6.3f}")
        if f2 > best[0]:
            best = (f2, t)
    print(f"best threshold {best[1]:.2f} (F2 {best[0]:.3f})")
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
        print(
            f"{size:6d} source blocks, {len(tgt):6d} target: {seconds:6.1f} s, "
            f"peak {peak / 2**20:7.1f} MB traced in a second run ({peak / size / 1024:.1f} KB per block)"
        )


_SCRIPT_EDGE = regex.compile(
    r"(?<=\p{Hangul})(?=[^\p{Hangul}\s])|(?<=[^\p{Hangul}\s])(?=\p{Hangul})|(?=\p{P})|(?<=\p{P})"
)


def hunalign_line(text: str) -> str:
    """A block as one hunalign line, tokens split at script boundaries and punctuation."""
    return " ".join(_SCRIPT_EDGE.sub(" ", text).split())


def hunalign_beads(
    binary: str, source: list[Block], target: list[Block]
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Run hunalign (empty dictionary) on one pair and turn its ladder into beads."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp) / name for name in ("empty.dic", "src.txt", "tgt.txt")]
        paths[0].write_text("", encoding="utf-8")
        for path, blocks in zip(paths[1:], (source, target)):
            path.write_text("".join(hunalign_line(b.text) + "\n" for b in blocks), encoding="utf-8")
        out = subprocess.run([binary, *map(str, paths)], capture_output=True, text=True, check=True).stdout
    rungs = [(0, 0)] + [
        tuple(int(x) for x in line.split("\t")[:2]) for line in out.splitlines() if line.strip()
    ]
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
        beads = hunalign_beads(
            binary, list(read_document(doc.source).blocks), list(read_document(doc.target).blocks)
        )
        total += evaluate.count(doc.beads, beads)
    seconds = time.perf_counter() - start
    s = evaluate.scores(total)
    print(f"hunalign: strict F1 {s.strict[2]:.4f}, lax F1 {s.lax[2]:.4f}, {seconds:.1f} s")
    return seconds


def unrelated_paths(
    folder: Path, similarity: CachedSimilarity, count: int, seed: int = 0
) -> list[align.Evidence]:
    """The beads of the best paths aligning the English of one document with the Korean of another (`count`
    seeded pairs of different documents): every bead pairing both sides is wrong."""
    from transpair.read import read_document

    docs = evaluate.load_gold(folder)
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        en_doc, ko_doc = rng.sample(docs, 2)
        out += align.best_path(
            read_document(en_doc.source).blocks, read_document(ko_doc.target).blocks, similarity
        )
    return out


def unrelated_pairs(folder: Path, path: list[align.Evidence], count: int) -> None:
    """Print, for the alignments of different documents, the share of beads wrongly marked 'translated'
    (should
    be ~0) and of blocks left unaligned (all should be)."""
    beads = [align.bead_of(e) for e in path]
    blocks = sum(len(b.source) + len(b.target) for b in beads)
    loose = sum(len(b.source) + len(b.target) for b in beads if not (b.source and b.target))
    translated = sum(b.status == "translated" for b in beads)
    fuzzy = sum(b.status == "fuzzy" for b in beads)
    print(f"== unrelated documents ({count} seeded pairs of different documents of {folder.name})")
    print(
        f"{len(beads)} beads: {translated} translated ({translated / len(beads):.3f}, should be ~0), "
        f"{fuzzy} fuzzy; "
        f"{loose / blocks:.3f} of the {blocks} blocks left unaligned"
    )


def with_insertions(doc: evaluate.GoldDoc, donors: list[evaluate.GoldDoc], k: int, rng: random.Random):
    """A gold pair with k unrelated Korean paragraphs (from one donor) inserted at one place and k unrelated
    English ones (from another donor, so the two insertions do not translate each other) at another:
    (English blocks, Korean blocks, gold beads, inserted English ids, inserted Korean ids)."""
    from transpair.read import read_document

    en, ko = list(read_document(doc.source).blocks), list(read_document(doc.target).blocks)
    ko_donor, en_donor = rng.sample(donors, 2)
    donor_en, donor_ko = read_document(en_donor.source).blocks, read_document(ko_donor.target).blocks
    beads = list(doc.beads)
    at_ko, at_en = rng.randrange(len(beads) + 1), rng.randrange(len(beads) + 1)
    ko_from, en_from = (
        rng.randrange(max(len(donor_ko) - k, 0) + 1),
        rng.randrange(max(len(donor_en) - k, 0) + 1),
    )
    extra_ko, extra_en = list(donor_ko[ko_from : ko_from + k]), list(donor_en[en_from : en_from + k])
    marked = [("ko", i) for i in range(len(extra_ko))]
    layout = beads[:at_ko] + marked + beads[at_ko:]
    where = layout.index(beads[at_en]) if at_en < len(beads) else len(layout)
    layout = layout[:where] + [("en", i) for i in range(len(extra_en))] + layout[where:]
    out_en, out_ko, gold, new_en, new_ko = [], [], [], [], []
    for item in layout:
        if item[0] == "ko":
            new_ko.append(len(out_ko))
            gold.append(((), (len(out_ko),)))
            out_ko.append(extra_ko[item[1]])
        elif item[0] == "en":
            new_en.append(len(out_en))
            gold.append(((len(out_en),), ()))
            out_en.append(extra_en[item[1]])
        else:
            src, tgt = item
            gold.append(
                (
                    tuple(range(len(out_en), len(out_en) + len(src))),
                    tuple(range(len(out_ko), len(out_ko) + len(tgt))),
                )
            )
            out_en += [en[i] for i in src]
            out_ko += [ko[j] for j in tgt]
    return out_en, out_ko, gold, new_en, new_ko


def inserted_sections(folder: Path, similarity: CachedSimilarity, k: int, seed: int = 0) -> None:
    """Insert k unrelated paragraphs on each side of every pair of the set; print strict F1 and the share of
    inserted paragraphs left unaligned (in a 1-0 or 0-1 bead)."""
    docs = evaluate.load_gold(folder)
    rng = random.Random(seed)
    total, left, inserted, translated = evaluate.Counts(), 0, 0, 0
    for doc in docs:
        en, ko, gold, new_en, new_ko = with_insertions(doc, [d for d in docs if d is not doc], k, rng)
        beads = align.align_blocks(en, ko, similarity)
        total += evaluate.count(gold, [(b.source, b.target) for b in beads])
        alone = (
            {i for b in beads if not b.target for i in b.source},
            {j for b in beads if not b.source for j in b.target},
        )
        left += sum(i in alone[0] for i in new_en) + sum(j in alone[1] for j in new_ko)
        translated += sum(
            b.status == "translated"
            for b in beads
            if set(b.source) & set(new_en) or set(b.target) & set(new_ko)
        )
        inserted += len(new_en) + len(new_ko)
    s = evaluate.scores(total)
    print(
        f"== inserted unrelated sections ({k} Korean + {k} English paragraphs from two other documents, "
        f"into each pair of {folder.name})"
    )
    print(
        f"strict F1 {s.strict[2]:.4f} (P {s.strict[0]:.4f}, R {s.strict[1]:.4f}); {left} of {inserted} "
        f"inserted paragraphs "
        f"left unaligned ({left / max(inserted, 1):.3f}); {translated} beads holding one marked translated"
    )


def main() -> None:
    """Parse arguments and run every part of the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--hunalign", help="path to a hunalign binary to compare with")
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument(
        "--unrelated", type=int, default=20, help="pairs of different documents to align (0: skip)"
    )
    parser.add_argument(
        "--inserted", type=int, default=3, help="unrelated paragraphs inserted per side (0: skip)"
    )
    args = parser.parse_args()
    start = time.perf_counter()
    model = USESimilarity()
    model.embed(["warm up"])
    load_seconds = time.perf_counter() - start
    labelled, samples, unrelated = [], [], {}
    for folder in args.data:
        set_start = time.perf_counter()
        found = run_set(folder, model, load_seconds)
        labelled, samples = labelled + found[0], samples + found[1]
        if args.hunalign:
            ours = time.perf_counter() - set_start
            print(f"time ratio transpair/hunalign: {ours / run_hunalign(folder, args.hunalign):.1f}")
    similarity = CachedSimilarity(model)
    for folder in args.data if args.unrelated else ():
        unrelated[folder] = unrelated_paths(folder, similarity, args.unrelated)
    slope, mid = fit_quality(samples)
    fitted = replace(
        align.WEIGHTS, confidence_scale=fit_scale(labelled), quality_slope=slope, quality_mid=mid
    )
    calibrate(labelled + [Labelled(e, False) for path in unrelated.values() for e in path], fitted)
    for folder in args.data:
        if folder in unrelated:
            unrelated_pairs(folder, unrelated[folder], args.unrelated)
        if args.inserted:
            inserted_sections(folder, similarity, args.inserted)
    if args.sizes:
        scaling(args.data, model, args.sizes)


if __name__ == "__main__":
    sys.exit(main())
