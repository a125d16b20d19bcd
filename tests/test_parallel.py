"""Mapping the per-article function over worker processes: order kept, one job stays in-process."""

import os
import time

import numpy as np
from threadpoolctl import threadpool_info

from transpair import parallel


def slow_square(n: int) -> tuple[int, int]:
    """n squared and the worker's process id; early items finish last."""
    time.sleep(0.05 * (4 - n))
    return n * n, os.getpid()


def test_results_come_back_in_input_order_from_several_workers():
    results = list(parallel.map_ordered(slow_square, range(5), jobs=2))
    assert [r for r, _ in results] == [0, 1, 4, 9, 16]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_job_or_one_item_runs_in_this_process():
    assert {pid for _, pid in parallel.map_ordered(slow_square, range(3), jobs=1)} == {os.getpid()}
    assert [pid for _, pid in parallel.map_ordered(slow_square, [4], jobs=8)] == [os.getpid()]


LOADED: list[int] = []  # the process ids that ran `load` (a model loaded before the workers fork)


def load() -> None:
    """Stand-in for loading a model: note which process did it."""
    LOADED.append(os.getpid())


def loaded_by(_: int) -> list[int]:
    """What a worker finds loaded when it starts on an item."""
    return list(LOADED)


def test_what_is_shared_loads_once_in_this_process_before_the_workers_fork():
    LOADED.clear()
    results = list(parallel.map_ordered(loaded_by, range(3), jobs=2, shared=load))
    assert results == [[os.getpid()]] * 3  # every worker inherits the parent's load and loads nothing
    LOADED.clear()
    assert list(parallel.map_ordered(loaded_by, range(3), jobs=1, shared=load)) == [[]] * 3  # no fork


def test_workers_share_the_cores_between_them(monkeypatch):
    monkeypatch.setattr(parallel, "default_jobs", lambda: 4)
    threads = list(parallel.map_ordered(_threads, range(2), jobs=2))
    assert threads == ["2", "2"]


def _threads(_: int) -> str:
    """The embedding threads a worker was given."""
    time.sleep(0.05)
    return os.environ[parallel.THREADS_VARIABLE]


def test_workers_limit_every_blas_call_to_their_share(monkeypatch):
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    assert list(parallel.map_ordered(_blas_threads, range(2), jobs=2)) == [{1}, {1}]


def _blas_threads(_: int) -> set[int]:
    """The thread counts of the worker's BLAS libraries (numpy's matrix products)."""
    time.sleep(0.05)
    np.ones((64, 64)) @ np.ones((64, 64))
    return {info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"}


def test_small_products_run_on_one_blas_thread():
    with parallel.one_blas_thread():
        inside = {info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"}
    assert inside == {1}


def test_default_jobs_is_every_usable_core():
    assert parallel.default_jobs() == len(os.sched_getaffinity(0))
