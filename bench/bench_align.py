"""Benchmark the aligner on gold sets: bead F1, seconds, peak memory, fuzzy-threshold calibration, scaling.

For each DATA_DIR (a folder of NAME.en.txt / NAME.<lang>.txt / NAME.gold.json; ko, ja, zh_CN, fr…):
1. accuracy: strict and lax bead P/R/F1 in the 'align' view (gold as given) and the 'po' view
   (beads marked untranslated by classify.classify split); then the output's statuses as eval scores
   them: translated pairs right, pairs fuzzy for low confidence that are wrong or partial, n-m pairs
   right, and untranslated precision and recall;
2. time: seconds to align the whole set with a fresh embedding cache, plus the one-off model load,
   and the process's peak resident memory;
3. with --hunalign PATH: the same F1 and seconds for hunalign (empty dictionary, one paragraph per
   line, tokens split at script boundaries) and the time ratio transpair/hunalign.
A sentence gold (see data/gold/sentences-ko) gets parts 1-3 only, at sentence level (hunalign given the same
sentences with `<p>` paragraph marks); parts 4-6 are paragraph-level and use the other sets.
Then, over all given paragraph sets together:
4. calibration (the procedure documented at align.FUZZY_THRESHOLD): every bead of the best path is
   labelled right (equal to a gold bead) or wrong; the max-likelihood logistic slope over DP margins
   gives Weights.confidence_scale; a logistic regression of the match score of gold beads against
   wrong pairings (each gold bead's best-scoring same-shape rival in another document) gives
   Weights.quality_slope; then, over beads pairing both sides in the dev alignments and in the
   alignments of different documents of part 5 (all wrong), each pair of midpoints on a grid
   (Weights.confidence_mid for the margin, quality_mid for the match score) is scored as a detector
   of wrong beads (fuzzy: confidence below one half) and the best F2 (recall counted twice) wins (on a
   tie the one flagging fewer beads). Per set it prints the statuses: beads marked translated and the
   share right, fuzzy and the share right, wrong beads and the share marked fuzzy.
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
import sys
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import align_calibration as cal
from hunalign_peer import run_hunalign

from transpair.align import confidence, evaluate, features, members, moves, search
from transpair.align.embed import CachedSimilarity, USESimilarity
from transpair.model import Block, Cause, normalize


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class SetResult:
    """One gold set's figures: both views, untranslated detection, hunalign, seconds, calibration samples."""

    name: str
    report: evaluate.EvalReport
    untranslated: tuple[float, float]  # precision, recall of the English ids marked untranslated
    seconds: float
    calibration: cal.SetSamples
    hunalign: tuple[float, float] | None = None  # strict F1 align, po


def run_set(folder: Path, model: USESimilarity, load_seconds: float) -> SetResult:
    """Align a gold set with a fresh cache; print F1, untranslated P/R, seconds and memory."""
    start = time.perf_counter()
    similarity = CachedSimilarity(model)
    report = evaluate.evaluate(folder, similarity)
    seconds = time.perf_counter() - start
    output = output_scores(folder, similarity)
    found = output.untranslated
    print(f"== {folder}")
    print(evaluate.format_report(report))
    print(output.line())
    print(
        f"seconds: {seconds + load_seconds:.1f} total ({load_seconds:.1f} model load + {seconds:.1f} "
        f"aligning), peak memory {peak_rss_mb():.0f} MB (max RSS of the process)"
    )
    if report.segments:  # a sentence gold: nothing for the paragraph-level calibration
        return SetResult(folder.name, report, found, seconds, cal.SetSamples((), ()))
    samples = cal.SetSamples(
        tuple(cal.labelled_beads(folder, similarity)), tuple(cal.match_samples(folder, similarity))
    )
    return SetResult(folder.name, report, found, seconds, samples)


@dataclass(frozen=True)
class Output:
    """The output's pairs against the gold, counted as `transpair eval` scores them (moves as the gold writes
    them): (right, all) translated pairs, (wrong or partial, all) pairs fuzzy for low confidence, (right,
    all) pairs of more than two blocks; and untranslated precision and recall over English ids."""

    translated: tuple[int, int]
    fuzzy: tuple[int, int]
    merged: tuple[int, int]
    untranslated: tuple[float, float]

    def line(self) -> str:
        """The figures as one printed line."""
        (tr, t), (fw, f), (mr, m) = self.translated, self.fuzzy, self.merged
        return (
            f"output: translated right {tr}/{t} ({tr / max(t, 1):.4f}); fuzzy (low confidence) wrong or "
            f"partial {fw}/{f}; n-m right {mr}/{m}; untranslated precision {self.untranslated[0]:.4f}, "
            f"recall {self.untranslated[1]:.4f}"
        )


def output_scores(folder: Path, similarity: CachedSimilarity) -> Output:
    """The statuses of the output's pairs and the untranslated ids, against the gold (see Output)."""
    counts: Counter[str] = Counter()
    for doc in evaluate.load_gold(folder):
        alignment = evaluate.align_gold_doc(doc, similarity)
        marked = {i for b in alignment.beads if b.status == "untranslated" for i in b.source}
        counts["found"] += len(marked)
        counts["gold"] += len(doc.untranslated)
        counts["right"] += len(marked & doc.untranslated)
        gold = set(doc.beads)
        for bead in moves.monotonic(alignment).beads:
            if not (bead.source and bead.target):
                continue
            right = (bead.source, bead.target) in gold
            if bead.status == "translated":
                counts["t"] += 1
                counts["tr"] += right
            elif bead.cause == Cause.LOW_CONFIDENCE:
                counts["f"] += 1
                counts["fw"] += not right
            if bead.status in ("translated", "fuzzy") and len(bead.source) + len(bead.target) > 2:
                counts["m"] += 1
                counts["mr"] += right
    found, gold, right = counts["found"], counts["gold"], counts["right"]
    return Output(
        (counts["tr"], counts["t"]),
        (counts["fw"], counts["f"]),
        (counts["mr"], counts["m"]),
        ((right / found if found else 1.0), (right / gold if gold else 1.0)),
    )


def gold_pairs(folders: list[Path]) -> list[tuple[str, str]]:
    """Every 1-1 gold pair of the sets, as (English, Korean) block texts."""
    from transpair.read.reader import read_document

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
        search.align_blocks(src, tgt, cache)
        seconds = time.perf_counter() - start
        tracemalloc.start()
        search.align_blocks(src, tgt, cache)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"{size:6d} source blocks, {len(tgt):6d} target: {seconds:6.1f} s, "
            f"peak {peak / 2**20:7.1f} MB traced in a second run ({peak / size / 1024:.1f} KB per block)"
        )


Unrelated = tuple[list[confidence.Evidence], tuple[Block, ...], tuple[Block, ...]]  # a path and its two sides


def unrelated_paths(folder: Path, similarity: CachedSimilarity, count: int, seed: int = 0) -> list[Unrelated]:
    """The best paths aligning the English of one document with the Korean of another (`count` seeded pairs
    of different documents), each with its two sides' blocks: every bead pairing both sides is wrong."""
    from transpair.read.reader import read_document

    docs = evaluate.load_gold(folder)
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        en_doc, ko_doc = rng.sample(docs, 2)
        source, target = read_document(en_doc.source).blocks, read_document(ko_doc.target).blocks
        out.append((search.best_path(source, target, similarity), source, target))
    return out


def unrelated_pairs(folder: Path, paths: list[Unrelated], similarity: CachedSimilarity, count: int) -> None:
    """Print, for the alignments of different documents (statuses as align_blocks gives them), the share of
    beads wrongly marked 'translated' (should be ~0) and of blocks left unaligned (all should be)."""
    beads = [b for path, src, tgt in paths for b in members.path_beads(path, src, tgt, similarity)]
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
    from transpair.read.reader import read_document

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
        beads = search.align_blocks(en, ko, similarity)
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


def summary(results: list[SetResult]) -> None:
    """Every set side by side: strict F1 in both views, untranslated P/R, hunalign's strict F1, seconds."""
    print("== summary (strict F1; hunalign with an empty dictionary)")
    print(
        f"{'set':<16} {'align':>6} {'po':>6} {'untr P':>7} {'untr R':>7} "
        f"{'hun align':>9} {'hun po':>7} {'po gap':>7} {'seconds':>8}"
    )
    for r in results:
        hun = r.hunalign or (float("nan"), float("nan"))
        print(
            f"{r.name:<16} {r.report.align.strict[2]:6.4f} {r.report.po.strict[2]:6.4f} "
            f"{r.untranslated[0]:7.4f} {r.untranslated[1]:7.4f} {hun[0]:9.4f} {hun[1]:7.4f} "
            f"{r.report.po.strict[2] - hun[1]:+7.4f} {r.seconds:8.1f}"
        )


def calibration(sets: dict[str, cal.SetSamples]) -> None:
    """Print the fit on all sets (its table, statuses per set) and the leave-one-out table."""
    found, rows = cal.fit(sets.values())
    w = features.WEIGHTS
    print(
        f"== calibration on all sets (fuzzy below {confidence.FUZZY_THRESHOLD}): "
        f"confidence_scale {found.scale:.2f} mid {found.margin_mid:.2f} (current {w.confidence_scale}, "
        f"{w.confidence_mid}), quality slope {found.slope:.3f} mid {found.quality_mid:.2f} "
        f"(current {w.quality_slope}, {w.quality_mid})"
    )
    print(f"{'margin mid':>10} {'match mid':>9} {'flagged':>8} {'wrong':>6} {'P':>6} {'R':>6} {'F2':>6}")
    for tried, (flagged, caught, p, r, f2) in rows:
        print(
            f"{tried.margin_mid:10.2f} {tried.quality_mid:9.2f} {flagged:8d} {caught:6d} {p:6.3f} {r:6.3f} "
            f"{f2:6.3f}"
        )
    print("== statuses per set (matched beads), all-sets fit vs leave-one-domain-out fit (on the other sets)")
    print(
        f"{'set':<16} {'translated':>10} {'right':>7} {'fuzzy':>6} {'right':>7} {'wrong':>6} {'fuzzy':>7} "
        f"{'flag F1':>8}   {'LODO mids':>11} {'right':>7} {'wrong fuzzy':>11} {'gap':>7}"
    )
    if len(sets) < 2:
        print("(one set: no leave-one-domain-out fit; give two or more sets)")
    for name, held_fit, held in cal.leave_one_out(sets):
        mine = cal.statuses(sets[name].labelled, found)
        print(
            f"{name:<16} {mine.translated:10d} {mine.right_share:7.4f} {mine.fuzzy:6d} "
            f"{mine.fuzzy_right / max(mine.fuzzy, 1):7.4f} {mine.wrong:6d} {mine.wrong_fuzzy_share:7.3f} "
            f"{mine.flag_f1:8.4f}   {held_fit.margin_mid:5.2f} {held_fit.quality_mid:5.2f} "
            f"{held.right_share:7.4f} {held.wrong_fuzzy_share:11.3f} "
            f"{held.right_share - mine.right_share:+7.4f}"
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
    results = []
    for folder in args.data:
        result = run_set(folder, model, load_seconds)
        if args.hunalign:
            hun = run_hunalign(folder, args.hunalign)
            print(f"time ratio transpair/hunalign: {result.seconds / hun[2]:.1f}")
            result = replace(result, hunalign=hun[:2])
        results.append(result)
    summary(results)
    paragraph_sets = [(r, folder) for r, folder in zip(results, args.data) if not r.report.segments]
    if not paragraph_sets:
        return
    similarity = CachedSimilarity(model)
    unrelated = {}
    for _, folder in paragraph_sets if args.unrelated else ():
        unrelated[folder] = unrelated_paths(folder, similarity, args.unrelated)
    calibration(
        {
            r.name: replace(
                r.calibration, unrelated=tuple(e for path, _, _ in unrelated.get(folder, ()) for e in path)
            )
            for r, folder in paragraph_sets
        }
    )
    for _, folder in paragraph_sets:
        if folder in unrelated:
            unrelated_pairs(folder, unrelated[folder], similarity, args.unrelated)
        if args.inserted:
            inserted_sections(folder, similarity, args.inserted)
    if args.sizes:
        scaling([folder for _, folder in paragraph_sets], model, args.sizes)


if __name__ == "__main__":
    sys.exit(main())
