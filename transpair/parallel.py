"""Map a pure per-article function over a list on a pool of worker processes (`--jobs`), in order.

Each worker is forked (no imports to repeat), sharing what the parent loaded just before (the
embedding model, copy-on-write), or loading it once on its first article and keeping it; results
come back in the order of the input whatever order the workers finish in. The function and its
arguments only have to be picklable, which is also all a distributed engine needs:
`dask.bag.from_sequence(articles).map(f)` or `ray.remote(f)` would run the same function past one
machine.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager
from typing import TypeVar

from threadpoolctl import ThreadpoolController, threadpool_limits

T = TypeVar("T")
R = TypeVar("R")
THREADS_VARIABLE = "TRANSPAIR_THREADS"  # math threads in one process (embedding model, fuzzy matching)


def default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def thread_share() -> int:
    """This process's math threads: the share of the cores a worker was given (TRANSPAIR_THREADS), else every
    core; a value that is no positive count (set by hand) is ignored rather than a traceback."""
    share = os.environ.get(THREADS_VARIABLE, "").strip()
    return int(share) if share.isdecimal() and int(share) > 0 else default_jobs()


@functools.cache
def _controller() -> ThreadpoolController:
    """The process's thread pools (BLAS), found once."""
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager:
    """A context where matrix products run on one thread: small ones (the search band's) lose more to
    waking BLAS threads than they gain, and far more on a busy machine."""
    return _controller().limit(limits=1, user_api="blas")


def _start_worker(threads: int) -> None:
    """Give a worker its share of the cores, so workers do not fight over them: the embedding model's
    threads and every other BLAS call's (a forked worker inherits the parent's BLAS thread pool)."""
    os.environ[THREADS_VARIABLE] = str(threads)
    threadpool_limits(limits=threads, user_api="blas")


def map_ordered(
    func: Callable[[T], R], items: Sequence[T], jobs: int, shared: Callable[[], None] | None = None
) -> Iterator[R]:
    """func(item) for every item, in order: in this process for one job (or one item), else on a pool of
    forked workers started now, before the caller starts any thread (a progress bar); `shared()` runs just
    before they fork, so what it loads is loaded once and shared by them (where workers fork)."""
    workers = max(1, min(jobs, len(items)))
    if workers == 1:
        return map(func, items)
    # fork on Linux (workers start at once, nothing imported again); macOS and Windows only spawn safely
    forked = sys.platform.startswith("linux")
    if forked and shared is not None:
        shared()
    context = multiprocessing.get_context("fork" if forked else "spawn")
    threads = max(1, default_jobs() // workers)
    pool = ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(threads,))
    return _drained(pool, pool.map(func, items))


def _drained(pool: ProcessPoolExecutor, results: Iterator[R]) -> Iterator[R]:
    """The pool's results, the pool shut down once they are read (or the reader stops)."""
    with pool:
        yield from results
