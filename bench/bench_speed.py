"""Speed of whole `transpair align` commands: a folder run cold and warm against hunalign, scaling, merging.

Every figure is the wall time of a real `python -m transpair.cli ...` process (start-up and model load
included), the minimum over --repeat runs (other jobs share the machine; the minimum is the least
disturbed run, and the load averages printed at start and end say how disturbed), with its peak
resident memory:
1. folder run of DATA (default ../shared/data/pydocs-ko-hard): cold (empty cache folder), warm (the
   cache filled by the cold run), and warm with one article edited (its alignment recomputed, the
   vectors of its unchanged paragraphs read from the cache); hunalign on the same set in the same run
   (bench_align.run_hunalign) and the ratio warm / hunalign;
2. scaling: synthetic pairs of N one-paragraph blocks per side (bench_align.synthetic: shuffled gold
   1-1 pairs, a few merged and dropped), each aligned cold; seconds, peak memory, both per block;
3. one paragraph of 20 MB per side (--huge-mb): seconds and peak memory until aligned or refused;
4. merge: an article of 510 paragraphs aligned into a PO, then every English paragraph edited and the
   article re-aligned into that PO (all 510 msgids reach the fuzzy matcher); the whole command, and the
   merge step alone in this process;
5. site (--site SOURCE_TREE TARGET_TREE, two clones with git history): `align SOURCE TARGET -o OUT` cold
   (empty cache folder) and warm (the same command again: everything cached, unchanged POs kept), beside
   hunalign on the same blocks (the documents the warm run aligned: with history, the source as of the
   translation); then the command line's start-up: `transpair --help` and a completion call beside a
   bare one-command typer app's `--help` and completion;
6. load (--load N [N ...]): the cold folder run of DATA with N busy loops (one process each) running beside
   it, for each N: seconds and CPU seconds, and the slope of cold seconds against N (least squares);
7. synthetic: a folder of --pairs article pairs (every size given) built from the gold 1-1 pairs of the
   dev sets (DATA's parent folder: every set in it), 10 to 70 paragraphs each, every paragraph made
   distinct by one inserted word (as an edit would, so the cache cannot share vectors between
   articles); cold and warm with peak memory, per pair.

Usage: python bench/bench_speed.py [DATA] [--parts folder scaling huge merge site synthetic]
       [--hunalign PATH] [--repeat 3] [--jobs N] [--sizes 1000 3000 10000 30000] [--huge-mb 20]
       [--merge-entries 510] [--site SOURCE_TREE TARGET_TREE] [--pairs 250 500 1000 2000] [--load 0 1 2]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_align import gold_pairs, synthetic
from hunalign_peer import hunalign_beads, run_hunalign

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # the shared data beside the checkout (a link in a worktree folder)
EN_WORDS = ("also", "now", "still", "often", "again", "here", "there", "then", "usually", "today", "first")
KO_WORDS = ("또한", "이제", "여전히", "자주", "다시", "여기서", "거기서", "그때", "보통", "오늘", "먼저")


def timed(args: list[str], cache: Path, refused: list[str] | None = None) -> tuple[float, float, float]:
    """Run `python -m transpair.cli ARGS` with the given cache folder: (wall seconds, peak RSS in MB, CPU
    seconds of the command and its workers: the work done, which other jobs on the machine stretch less); its
    error lines go to `refused` when given (exit 2 allowed), else a failure stops the bench."""
    return measured(
        [sys.executable, "-m", "transpair.cli", *args], {"TRANSPAIR_CACHE_DIR": str(cache)}, refused
    )


def measured(
    command: list[str], env: dict[str, str], refused: list[str] | None = None
) -> tuple[float, float, float]:
    """Run a command with these variables added: (wall seconds, peak RSS in MB of its largest process, CPU
    seconds of it and its workers), its errors kept or fatal as `timed` says."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=os.environ | env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        if refused is not None:
            refused += errors.read().decode().splitlines()
        elif proc.returncode != 0:
            sys.exit(f"{' '.join(command)} failed: {errors.read().decode()}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def load() -> str:
    """The 1, 5 and 15 minute load averages: other jobs on the machine slow every figure down."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def best(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """The fastest run's seconds, the largest peak memory of all runs and the least CPU seconds."""
    return min(s for s, _, _ in runs), max(m for _, m, _ in runs), min(c for _, _, c in runs)


def folder_runs(data: Path, repeat: int, jobs: list[str]) -> dict[str, tuple[float, float]]:
    """Cold, warm and one-article-edited runs of `align DATA -o OUT`, each the best of `repeat`."""
    runs: dict[str, list] = {"cold": [], "warm": [], "one article edited": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            copy = tmp / "data"
            copy.mkdir()
            for f in data.glob("*.txt"):
                (copy / f.name).write_bytes(f.read_bytes())
            args = ["align", str(copy), "-q", *jobs, "-o"]
            runs["cold"].append(timed([*args, str(tmp / "cold")], tmp / "cache"))
            runs["warm"].append(timed([*args, str(tmp / "warm")], tmp / "cache"))
            first = sorted(copy.glob("*.en.txt"))[0]
            first.write_text(first.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
            runs["one article edited"].append(timed([*args, str(tmp / "edited")], tmp / "cache"))
    return {name: best(found) for name, found in runs.items()}


def folder_and_hunalign(data: Path, repeat: int, jobs: list[str], hunalign_binary: str) -> None:
    """Print the folder runs, hunalign's time on the same set, and the ratios."""
    print(
        f"== {data}: align DIR -o OUT {' '.join(jobs)}, best of {repeat} (wall seconds, peak MB, CPU seconds)"
    )
    figures = folder_runs(data, repeat, jobs)
    for name, (seconds, peak, cpu) in figures.items():
        print(f"{name:>20}: {seconds:6.2f} s  {peak:6.0f} MB  {cpu:6.2f} s CPU")
    hunalign = min(run_hunalign(data, hunalign_binary)[2] for _ in range(repeat))  # its seconds
    print(f"hunalign (best of {repeat}): {hunalign:.2f} s")
    warm, cold = figures["warm"][0], figures["cold"][0]
    print(f"ratio to hunalign: warm {warm / hunalign:.1f}x, cold {cold / hunalign:.1f}x")


def busy_loops(count: int) -> list[subprocess.Popen]:
    """COUNT processes that spin on a core until killed (the other jobs of a loaded machine)."""
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]


def under_load(data: Path, loads: list[int], repeat: int, jobs: list[str]) -> None:
    """The cold folder run of DATA beside N busy loops for each N, and the slope of its seconds against N."""
    command = " ".join(["align DIR -o OUT", *jobs])
    print(f"== cold `{command}` of {data.name} beside N busy loops, best of {repeat}")
    points = []
    for count in loads:
        loops = busy_loops(count)
        try:
            runs = []
            for _ in range(repeat):
                with tempfile.TemporaryDirectory() as tmp:
                    args = ["align", str(data), "-q", *jobs, "-o", str(Path(tmp) / "out")]
                    runs.append(timed(args, Path(tmp) / "cache"))
        finally:
            for loop in loops:
                loop.kill()
                loop.wait()
        seconds, peak, cpu = best(runs)
        points.append((count, seconds))
        print(f"N={count}: cold {seconds:6.2f} s  {cpu:6.2f} s CPU  {peak:6.0f} MB  (load average {load()})")
    if len(points) > 1:
        slope = statistics.linear_regression([n for n, _ in points], [s for _, s in points]).slope
        print(f"slope: {slope:+.2f} s per busy loop ({slope / points[0][1] * 100:+.0f}% of N={points[0][0]})")


def write_pair(folder: Path, name: str, source: list[str], target: list[str]) -> tuple[Path, Path]:
    """NAME.en.txt and NAME.ko.txt, one block per paragraph."""
    paths = (folder / f"{name}.en.txt", folder / f"{name}.ko.txt")
    for path, blocks in zip(paths, (source, target)):
        path.write_text("\n\n".join(b.replace("\n", " ") for b in blocks) + "\n", encoding="utf-8")
    return paths


def scaling(pairs: list[tuple[str, str]], sizes: list[int]) -> None:
    """Align a synthetic pair of each size cold; print seconds, CPU seconds and peak memory."""
    print("== scaling: one synthetic pair per size, aligned cold (empty cache)")
    heads = ("blocks", "target", "distinct", "seconds", "CPU s", "ms/block", "peak MB", "KB/block")
    print(" ".join(f"{h:>9}" for h in heads))
    for size in sizes:
        src, tgt = synthetic(pairs, size)
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            en, ko = write_pair(tmp, "big", [b.text for b in src], [b.text for b in tgt])
            seconds, peak, cpu = timed(["align", str(en), str(ko), "-o", str(tmp / "big.po")], tmp / "cache")
        distinct = len({b.text for b in src} | {b.text for b in tgt})
        print(
            f"{size:9d} {len(tgt):9d} {distinct:9d} {seconds:9.1f} {cpu:9.1f} {seconds / size * 1000:9.2f} "
            f"{peak:9.0f} {peak * 1024 / size:9.1f}"
        )


def huge(pairs: list[tuple[str, str]], megabytes: int) -> None:
    """One paragraph of about `megabytes` MB per side (gold pairs joined by spaces): seconds, memory, and
    what transpair said."""
    rng, chosen, size = random.Random(3), [], 0
    while size < megabytes * 2**20:
        chosen.append(rng.choice(pairs))
        size += len(chosen[-1][0].encode()) + 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        en, ko = write_pair(tmp, "huge", [" ".join(e for e, _ in chosen)], [" ".join(k for _, k in chosen)])
        said: list[str] = []
        seconds, peak, cpu = timed(
            ["align", str(en), str(ko), "-o", str(tmp / "huge.po")], tmp / "cache", said
        )
    print(
        f"== one paragraph of {megabytes} MB per side: {seconds:.1f} s ({cpu:.1f} s CPU), peak {peak:.0f} MB"
    )
    print("\n".join(said[:3]) or "aligned")


def edited(
    text: str, rng: random.Random, inserted: tuple[str, ...] = ("also", "now", "still", "often")
) -> str:
    """The paragraph with one word inserted, as an author's small edit."""
    words = text.split(" ")
    words.insert(rng.randrange(len(words) + 1), rng.choice(inserted))
    return " ".join(words)


def merging(pairs: list[tuple[str, str]], entries: int, repeat: int) -> None:
    """Re-align an article with every paragraph edited into its translated PO: the command (the edited
    paragraphs embedded, the rest from the cache), and the merge step alone."""
    import polib

    from transpair import pipeline
    from transpair.po import catalog, merge

    rng = random.Random(7)
    chosen = rng.sample(sorted(set(pairs)), entries)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        en, ko = write_pair(tmp, "art", [e for e, _ in chosen], [k for _, k in chosen])
        po = tmp / "art.po"
        timed(["align", str(en), str(ko), "-o", str(po), "--no-backup"], tmp / "cache")
        old = polib.pofile(str(po))
        for entry in old:
            entry.msgstr = f"{entry.msgstr} (검토)"  # the translator's own wording, not the target's
        old.save(str(po))
        en.write_text("\n\n".join(edited(e, rng) for e, _ in chosen) + "\n", encoding="utf-8")
        runs = []
        for k in range(repeat):  # each run from the cache as the first align left it (edits not yet embedded)
            work = tmp / f"run{k}.po"
            work.write_bytes(po.read_bytes())
            shutil.copytree(tmp / "cache", tmp / f"cache{k}")
            runs.append(timed(["align", str(en), str(ko), "-o", str(work), "--no-backup"], tmp / f"cache{k}"))
        os.environ["TRANSPAIR_CACHE_DIR"] = str(tmp / "cache")  # the alignment the commands cached
        new = catalog.build_catalog(pipeline.align_files(en, ko, pipeline.AlignOptions()))
        start = time.perf_counter()
        merged = merge.merge(new, old)
        step = time.perf_counter() - start
    fuzzy = sum("fuzzy" in e.flags for e in merged if not e.obsolete)
    seconds, peak, cpu = best(runs)
    print(f"== merge: {entries}-entry PO, every msgid edited, re-aligned into it")
    print(
        f"whole command {seconds:.2f} s ({cpu:.2f} s CPU, peak {peak:.0f} MB), of which merge.merge "
        f"{step:.2f} s; {fuzzy} entries kept their translation as fuzzy"
    )


TRANSPAIR = "import sys; from transpair.cli.app import main; sys.argv[0] = 'transpair'; sys.exit(main())"
BARE_APP = """import sys

import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    \"\"\"Say hello.\"\"\"
    print(f"hello {name}")


sys.argv[0] = "bare"
app()
"""


def site_blocks(source: Path, target: Path, cache: Path) -> list[tuple[list, list]]:
    """The blocks of every article pair a site run aligned, as it aligned them (from its cache, in this
    process): with history, the source as of the translation."""
    from transpair import pipeline
    from transpair.read.pairs import folder_articles

    os.environ["TRANSPAIR_CACHE_DIR"] = str(cache)
    found = []
    for article in folder_articles(source, target, ("en", "ko")):
        alignment = pipeline.align_article(article, pipeline.AlignOptions())
        if not isinstance(alignment, Exception) and alignment.source.blocks and alignment.target.blocks:
            found.append((list(alignment.source.blocks), list(alignment.target.blocks)))
    return found


def site(trees: list[Path], repeat: int, jobs: list[str], hunalign_binary: str) -> None:
    """Cold and warm runs of a two-tree site, hunalign on the same blocks, and the ratios."""
    print(
        f"== site {trees[0]} {trees[1]}: align SOURCE TARGET -o OUT {' '.join(jobs)}".rstrip()
        + f", best of {repeat}"
    )
    runs: dict[str, list] = {"cold": [], "warm": []}
    for k in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            args = ["align", *map(str, trees), "-q", *jobs, "-o", str(tmp / "po")]
            runs["cold"].append(timed(args, tmp / "cache"))
            runs["warm"].append(timed(args, tmp / "cache"))  # a re-run: everything cached, POs unchanged
            if k == repeat - 1:
                blocks = site_blocks(*trees, tmp / "cache")
    figures = {name: best(found) for name, found in runs.items()}
    for name, (seconds, peak, cpu) in figures.items():
        print(f"{name:>20}: {seconds:6.2f} s  {peak:6.0f} MB  {cpu:6.2f} s CPU")
    hunalign = []
    for _ in range(repeat):
        start = time.perf_counter()
        for source, target in blocks:
            hunalign_beads(hunalign_binary, source, target)
        hunalign.append(time.perf_counter() - start)
    count = sum(len(s) + len(t) for s, t in blocks)
    print(
        f"hunalign on the same {len(blocks)} pairs ({count} blocks), best of {repeat}: {min(hunalign):.2f} s"
    )
    print(
        f"ratio to hunalign: warm {figures['warm'][0] / min(hunalign):.1f}x, "
        f"cold {figures['cold'][0] / min(hunalign):.1f}x"
    )


def startup(repeat: int) -> None:
    """`transpair --help` and a completion call beside a bare one-command typer app, runs interleaved."""
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        complete = {"COMP_CWORD": "1"}
        commands = {
            "transpair --help": ([sys.executable, "-c", TRANSPAIR, "--help"], {}),
            "transpair completion": (
                [sys.executable, "-c", TRANSPAIR],
                complete | {"_TRANSPAIR_COMPLETE": "complete_bash", "COMP_WORDS": "transpair al"},
            ),
            "bare typer --help": ([sys.executable, str(bare), "--help"], {}),
            "bare typer completion": (
                [sys.executable, str(bare)],
                complete | {"_BARE_COMPLETE": "complete_bash", "COMP_WORDS": "bare --"},
            ),
        }
        runs: dict[str, list] = {name: [] for name in commands}
        for _ in range(repeat):  # in turn, so that a busy moment of the machine falls on all of them
            for name, (command, env) in commands.items():
                runs[name].append(measured(command, env))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # a child's peak starts at it
    print(
        f"== command-line start-up, best of {repeat} (wall seconds, peak MB: at least {own:.0f}, CPU seconds)"
    )
    yardstick = best(runs["bare typer --help"])
    for name, found in runs.items():
        seconds, peak, cpu = best(found)
        print(
            f"{name:>22}: {seconds:6.3f} s  {peak:6.0f} MB  {cpu:6.3f} s CPU  "
            f"{seconds / yardstick[0]:5.2f}x wall, {cpu / yardstick[2]:5.2f}x CPU of bare --help"
        )


def synthetic_site(pairs: list[tuple[str, str]], counts: list[int], jobs: list[str]) -> None:
    """Folders of `count` synthetic article pairs, aligned cold then warm: seconds and peak memory."""
    print(
        "== synthetic site: N article pairs of 10-70 paragraphs, every paragraph distinct; align DIR -o OUT"
    )
    heads = (
        "pairs",
        "blocks",
        "distinct",
        "cold s",
        "CPU s",
        "peak MB",
        "warm s",
        "CPU s",
        "peak MB",
        "s/pair",
    )
    print(" ".join(f"{h:>9}" for h in heads))
    for count in counts:
        rng = random.Random(count)
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            folder, texts, size = tmp / "site", set(), 0
            folder.mkdir()
            for k in range(count):
                src, tgt = synthetic(pairs, rng.randint(10, 70), seed=k)
                source = [edited(b.text, rng, EN_WORDS) for b in src]
                target = [edited(b.text, rng, KO_WORDS) for b in tgt]
                write_pair(folder, f"article-{k:04d}", source, target)
                texts.update(source + target)
                size += len(source) + len(target)
            args = ["align", str(folder), "-q", *jobs, "-o", str(tmp / "po")]
            cold = timed(args, tmp / "cache")
            warm = timed(args, tmp / "cache")
        print(
            f"{count:9d} {size:9d} {len(texts):9d} {cold[0]:9.1f} {cold[2]:9.1f} {cold[1]:9.0f} "
            f"{warm[0]:9.2f} {warm[2]:9.2f} {warm[1]:9.0f} {cold[0] / count:9.3f}"
        )


def main() -> None:
    """Parse arguments and print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=SHARED / "data" / "pydocs-ko-hard")
    parts = ("folder", "scaling", "huge", "merge")
    parser.add_argument(
        "--parts", nargs="*", choices=(*parts, "site", "synthetic"), default=parts, help="which parts to run"
    )
    parser.add_argument("--hunalign", default=str(SHARED / "peers" / "bin" / "hunalign"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", help="passed to align as --jobs (default: align's own, all cores)")
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 3000, 10000, 30000])
    parser.add_argument("--huge-mb", type=int, default=20)
    parser.add_argument("--merge-entries", type=int, default=510)
    parser.add_argument("--site", nargs=2, type=Path, metavar=("SOURCE_TREE", "TARGET_TREE"))
    parser.add_argument("--pairs", nargs="*", type=int, default=[2000], help="synthetic site sizes")
    parser.add_argument("--load", nargs="*", type=int, help="cold folder runs beside N busy loops, each N")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data}: no such folder")
    if {"folder", "site"} & set(args.parts) and not Path(args.hunalign).is_file():
        sys.exit(
            f"{args.hunalign}: no hunalign binary (see ../shared/peers/build-hunalign.sh, or --hunalign)"
        )
    jobs = ["--jobs", args.jobs] if args.jobs else []
    print(f"load average at start: {load()} on {os.cpu_count()} cores")
    if "folder" in args.parts:
        folder_and_hunalign(args.data, args.repeat, jobs, args.hunalign)
    if args.load:
        under_load(args.data, args.load, args.repeat, jobs)
    pairs = gold_pairs([args.data])
    if "scaling" in args.parts:
        scaling(pairs, args.sizes)
    if "huge" in args.parts:
        huge(pairs, args.huge_mb)
    if "merge" in args.parts:
        merging(pairs, args.merge_entries, args.repeat)
    if "site" in args.parts:
        if not args.site:
            sys.exit("--parts site needs --site SOURCE_TREE TARGET_TREE (two clones with git history)")
        startup(max(args.repeat, 10))  # first: a child's peak memory counts this process's size at its start
        site(args.site, args.repeat, jobs, args.hunalign)
    if "synthetic" in args.parts:
        sets = [d for d in sorted(args.data.parent.iterdir()) if any(d.glob("*.gold.json"))]
        synthetic_site(gold_pairs(sets), args.pairs, jobs)
    print(f"load average at end: {load()}")


if __name__ == "__main__":
    main()
