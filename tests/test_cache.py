"""The persistent cache: where it lives, rows shared between processes, the size cap, reuse of results."""

import multiprocessing
import os
import pickle
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPORA, ROOT

from transpair import cache, codec
from transpair.model import Origin


def test_folder_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.DIR_VARIABLE, str(tmp_path / "c"))
    assert cache.cache_dir() == tmp_path / "c"
    monkeypatch.delenv(cache.DIR_VARIABLE)
    assert cache.cache_dir().name == "transpair"


def test_size_cap_default_and_override(monkeypatch):
    monkeypatch.delenv(cache.SIZE_VARIABLE, raising=False)
    assert cache.max_bytes() == cache.DEFAULT_MAX_MB * 1024 * 1024
    monkeypatch.setenv(cache.SIZE_VARIABLE, "2")
    assert cache.max_bytes() == 2 * 1024 * 1024


def test_digest_separates_its_parts():
    assert cache.digest("ab", "c") != cache.digest("a", "bc")
    assert cache.digest("a", b"b") == cache.digest("a", "b")


def test_rows_round_trip_and_missing_keys_are_absent(tmp_path):
    store = cache.Store(tmp_path, 1 << 20)
    store.put_many({"a": b"1", "b": b"22"})
    assert store.get_many(["a", "b", "c"]) == {"a": b"1", "b": b"22"}
    assert store.get("c") is None


def test_least_recently_used_rows_go_first_when_over_the_cap(tmp_path):
    store = cache.Store(tmp_path, 1000)
    for key in "abcdefgh":
        store.put(key, bytes(200))
        store.get("a")  # a stays in use
    kept = store.get_many("abcdefgh")
    assert sum(len(v) for v in kept.values()) <= 1000
    assert "a" in kept and "h" in kept and "b" not in kept


def _writer(folder, start):
    cache.BUSY_SECONDS = 60.0  # a loaded machine may keep a writer waiting: here every write must land
    store = cache.Store(folder, 1 << 24)
    for k in range(start, start + 50):
        store.put(f"k{k}", str(k).encode())


def test_processes_write_to_one_cache_at_once(tmp_path):
    context = multiprocessing.get_context("forkserver")
    procs = [context.Process(target=_writer, args=(tmp_path, start)) for start in (0, 50, 100)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    found = cache.Store(tmp_path, 1 << 24).get_many(f"k{k}" for k in range(150))
    assert found == {f"k{k}": str(k).encode() for k in range(150)}


def test_an_unusable_cache_file_is_a_miss_not_an_error(tmp_path):
    (tmp_path / cache.FILE_NAME).write_bytes(b"not a database" * 100)
    store = cache.Store(tmp_path, 1 << 20)
    store.put("a", b"1")
    assert store.get("a") is None
    assert cache.remember(store, "a", Origin, lambda: Origin("ab", "2025-01-01")) == Origin(
        "ab", "2025-01-01"
    )


def test_remember_computes_once_then_reads_the_store(tmp_path):
    store, calls = cache.Store(tmp_path, 1 << 20), []
    compute = lambda: calls.append(1) or Origin("ab", "2025-01-01", 3)  # noqa: E731
    assert cache.remember(store, "k", Origin, compute) == Origin("ab", "2025-01-01", 3)
    assert cache.remember(store, "k", Origin, compute) == Origin("ab", "2025-01-01", 3)
    assert cache.remember(None, "k", Origin, compute) == Origin("ab", "2025-01-01", 3)
    assert len(calls) == 2


class Payload:
    """A pickle payload that would leave a mark (a file) if the cache ever unpickled a row."""

    def __init__(self, mark: Path):
        self.mark = mark

    def __reduce__(self):
        return (Path.touch, (self.mark,))


def test_a_row_is_data_a_pickled_row_is_never_run(tmp_path):
    mark = tmp_path / "unpickled"
    store = cache.Store(tmp_path, 1 << 20)
    store.put("k", pickle.dumps(Payload(mark)))
    assert cache.remember(store, "k", Origin, lambda: Origin("cd", "2025-02-02")) == Origin(
        "cd", "2025-02-02"
    )
    assert not mark.exists()
    assert cache.remember(store, "k", Origin, lambda: Origin("ef", "2025-03-03")) == Origin(
        "cd", "2025-02-02"
    )


def test_the_file_uses_write_ahead_logging(tmp_path):
    cache.Store(tmp_path, 1 << 20).put("a", b"1")
    with sqlite3.connect(tmp_path / cache.FILE_NAME) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_cache_locked_by_another_process_is_given_up_after_a_short_wait(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cache, "BUSY_SECONDS", 0.2)
    store = cache.Store(tmp_path, 1 << 20)
    store.put("k", b"v")
    holder = sqlite3.connect(tmp_path / cache.FILE_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process holding the file
    other = cache.Store(tmp_path, 1 << 20)
    started = time.monotonic()
    other.get("k")  # WAL readers still read; marking the row as used meets the lock
    other.put("k2", b"v2")
    assert other.locked and other.get("k") is None  # given up: this run goes on uncached
    assert time.monotonic() - started < 2  # one short wait, then no more tries
    err = capsys.readouterr().err
    assert err.count("locked by another process") == 1 and err.startswith("transpair: warning: the cache")
    holder.execute("ROLLBACK")
    assert store.get("k") == b"v"  # a store that never met the lock goes on using it


def test_two_runs_sharing_a_cache_folder_write_what_separate_runs_write(tmp_path):
    """Per-language or per-folder runs of one organisation share a cache folder: run at once over the same
    and different articles, they write the POs that runs with caches of their own write."""
    pairs = [CORPORA / "pydocs" / name for name in ("tutorial-appetite", "howto-annotations")]
    env = os.environ | {"PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}

    def start(base: Path, out: Path, cache_dir: Path) -> subprocess.Popen:
        args = [base.with_suffix(".en.txt"), base.with_suffix(".ko.txt"), "-o", out, "-q"]
        command = [sys.executable, "-m", "transpair.cli", "align", *map(str, args)]
        command += ["--similarity", "fake_similarity:BagOfWords"]
        return subprocess.Popen(command, env=env | {"TRANSPAIR_CACHE_DIR": str(cache_dir)})

    def po_text(path: Path) -> list[str]:
        return [line for line in path.read_text().splitlines() if "-Date:" not in line]

    runs = [(pairs[0], "shared-a"), (pairs[1], "shared-b"), (pairs[0], "shared-c")]
    for rounds in range(2):  # the second round reads what the first wrote, at once
        procs = [start(base, tmp_path / f"{name}-{rounds}.po", tmp_path / "cache") for base, name in runs]
        assert [p.wait(120) for p in procs] == [0, 0, 0]
    for base, name in runs:
        alone = tmp_path / f"alone-{name}.po"
        assert start(base, alone, tmp_path / f"cache-{name}").wait(120) == 0
        for rounds in range(2):
            assert po_text(tmp_path / f"{name}-{rounds}.po") == po_text(alone)


def test_remember_many_computes_only_the_missing_and_hands_back_errors_unstored(tmp_path):
    store, computed = cache.Store(tmp_path, 1 << 20), []
    store.put("a", codec.dumps(Origin("ab", "2025-01-01")))

    def compute(key):
        computed.append(key)
        return ValueError(key) if key == "c" else Origin(key, "2025-02-02")

    values = cache.remember_many(store, ["a", "b", "c"], Origin, compute)
    assert values[:2] == [Origin("ab", "2025-01-01"), Origin("b", "2025-02-02")]
    assert isinstance(values[2], ValueError) and computed == ["b", "c"]
    assert store.get("c") is None and codec.loads(Origin, store.get("b")) == Origin("b", "2025-02-02")
    assert cache.remember_many(None, ["a"], Origin, compute) == [Origin("a", "2025-02-02")]


class _Failing:
    """A connection on a broken disk."""

    def execute(self, sql):
        raise sqlite3.OperationalError("disk I/O error")


class _SetUpRace:
    """A connection whose first statements meet another process setting up the same new file."""

    def __init__(self, refusals):
        self.refusals, self.statements = refusals, []

    def execute(self, sql):
        if self.refusals:
            self.refusals -= 1
            raise sqlite3.OperationalError("database is locked")
        self.statements.append(sql)

    def executescript(self, sql):
        self.statements.append("schema")


def test_setting_up_a_new_file_another_process_sets_up_is_tried_again():
    db = _SetUpRace(refusals=3)
    cache._set_up(db)
    assert db.statements == ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "schema"]
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        cache._set_up(_Failing())
