"""Fuzz each reader for N minutes: examples run, the slowest input, peak memory, and any exception other than
the one-line InputError (printed with its input, and the run fails).

The targets and input strategies are tests/fuzz_targets.py's (tests/test_fuzz.py runs them with a small
budget in the suite). Each reader runs in its own process, so the peak resident memory printed is that
reader's. Every 50th input is also repeated up to about 1 MB and read once more (the issue's bound: no
input of 1 MB takes over 10 s or 1 GB).

Usage: python bench/fuzz.py [--minutes 2] [--readers po markdown mdx html config]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

BIG = 2**20


def fuzz(name: str, minutes: float) -> None:
    """Run one reader's target until the time is up; print one line of figures."""
    from fuzz_targets import TARGETS
    from hypothesis import HealthCheck, given, settings

    from transpair.errors import InputError, error_line

    strategy, read = TARGETS[name]
    figures = {"examples": 0, "slowest": 0.0, "big": 0, "slowest_big": 0.0}

    def timed(data: bytes, key: str, seed: bytes) -> None:
        start = time.perf_counter()
        try:
            read(data)
        except InputError as exc:
            assert "\n" not in error_line(exc), str(exc)
        seconds = time.perf_counter() - start
        if seconds > figures[key]:
            figures[key], figures[key + "_input"] = seconds, seed

    @settings(max_examples=500, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(data: bytes) -> None:
        figures["examples"] += 1
        timed(data, "slowest", data)
        if data and figures["examples"] % 50 == 0:
            figures["big"] += 1
            timed(data * (BIG // len(data) + 1), "slowest_big", data)

    end = time.monotonic() + minutes * 60
    while time.monotonic() < end:
        run()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{name:9} {figures['examples']:>7} examples in {minutes:g} min, slowest input "
        f"{figures['slowest']:.3f} s; {figures['big']} inputs of ~1 MB, slowest "
        f"{figures['slowest_big']:.2f} s; "
        f"peak memory {peak:.0f} MB; no exception but InputError",
        flush=True,
    )
    if figures["slowest_big"] > 1:
        print(f"          the slowest ~1 MB input repeats {figures['slowest_big_input']!r}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--readers", nargs="+", default=["po", "markdown", "mdx", "html", "config"])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        fuzz(args.one, args.minutes)
        return
    failed = False
    for name in args.readers:
        done = subprocess.run([sys.executable, __file__, "--one", name, "--minutes", str(args.minutes)])
        failed = failed or done.returncode != 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
