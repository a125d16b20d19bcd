"""A persistent cache shared by every transpair process: embedding vectors and finished alignments.

One SQLite file (`cache.sqlite3`) in the user cache folder (platformdirs; `TRANSPAIR_CACHE_DIR` overrides
it). WAL mode and a busy timeout let several processes (the workers of `--jobs`, two commands run at
once) read and write it together. Rows are keyed by a hash of everything their value depends on, so a
stale row is never found, only left to age out: the total size is bounded (default 1024 MB,
`TRANSPAIR_CACHE_MAX_MB`) by dropping the least recently used rows. The cache only saves time: any
error reading or writing it (read-only disk, a corrupt file) counts as a miss.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
import typing
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

import platformdirs

from transpair import codec

T = TypeVar("T")
E = TypeVar("E")

DIR_VARIABLE = "TRANSPAIR_CACHE_DIR"
SIZE_VARIABLE = "TRANSPAIR_CACHE_MAX_MB"
DEFAULT_MAX_MB = 1024
FILE_NAME = "cache.sqlite3"
BUSY_SECONDS = 5.0  # a writer holds the lock for milliseconds; past this another process holds it for good
KEEP_AFTER_EVICTION = 0.9  # eviction frees down to this share of the cap, so it does not run on every write
_SCHEMA = """CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY, value BLOB NOT NULL, size INTEGER NOT NULL, used REAL NOT NULL);
CREATE INDEX IF NOT EXISTS entries_used ON entries(used);"""


def cache_dir() -> Path:
    """The cache folder: $TRANSPAIR_CACHE_DIR, else the platform's user cache folder for transpair."""
    return Path(os.environ.get(DIR_VARIABLE) or platformdirs.user_cache_path("transpair"))


def max_bytes() -> int:
    """The size cap in bytes: $TRANSPAIR_CACHE_MAX_MB megabytes, else DEFAULT_MAX_MB."""
    try:
        return int(float(os.environ.get(SIZE_VARIABLE, DEFAULT_MAX_MB)) * 1024 * 1024)
    except ValueError:
        return DEFAULT_MAX_MB * 1024 * 1024


def digest(*parts: str | bytes) -> str:
    """A key from the parts a value depends on (sha256 of their lengths and contents)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_state(path: Path | None) -> bytes | None:
    """A key's part for one file: its path and bytes ('absent' when nothing is there); None when it cannot
    be read as a regular file (then nothing is remembered under the key)."""
    if path is None:
        return b"none"
    try:
        return str(path).encode("utf-8", "surrogatepass") + b"\0" + path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return str(path).encode("utf-8", "surrogatepass") + b"\0absent"
    except OSError:
        return None


def _set_up(db: sqlite3.Connection) -> None:
    """WAL mode and the schema, tried again for up to BUSY_SECONDS while another process sets up the same
    new file: SQLite answers "locked" at once there, without its busy wait, when two connections would
    wait on each other."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class Store:
    """Key -> bytes rows in one SQLite file, opened lazily once per process (safe across fork)."""

    def __init__(self, folder: Path, limit: int):
        self.path = folder / FILE_NAME
        self.limit = limit
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self.locked = False  # another process held the file past BUSY_SECONDS: this run goes on uncached

    def _connect(self) -> sqlite3.Connection:
        """This process's connection, created with the folder and schema on first use."""
        if self._db is None or self._pid != os.getpid():
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
            _set_up(db)
            self._db, self._pid = db, os.getpid()
        return self._db

    def _give_up(self, exc: sqlite3.Error) -> None:
        """After a lock held past BUSY_SECONDS, use the cache no more in this run, and say so once."""
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc) and not self.locked:
            self.locked = True
            print(
                f"transpair: warning: the cache {self.path} is locked by another process; going on without",
                file=sys.stderr,
            )

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The stored values of the keys that are present (marked as just used)."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, bytes] = {}
        if self.locked:
            return found
        try:
            db = self._connect()
            for start in range(0, len(keys), 500):  # SQLite caps the number of bound parameters
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk))
            if found:
                now = time.time()
                db.executemany("UPDATE entries SET used=? WHERE key=?", [(now, k) for k in found])
        except sqlite3.Error as exc:
            self._give_up(exc)
        except OSError:
            pass
        return found

    def put_many(self, items: dict[str, bytes]) -> None:
        """Store the values, then drop the least recently used rows while the file is over its cap."""
        if not items or self.locked:
            return
        now = time.time()
        try:
            db = self._connect()
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)",
                    [(k, v, len(v), now) for k, v in items.items()],
                )
            self._evict(db)
        except sqlite3.Error as exc:
            self._give_up(exc)
        except OSError:
            return

    def _evict(self, db: sqlite3.Connection) -> None:
        """Delete the oldest rows until the stored bytes are under KEEP_AFTER_EVICTION of the cap."""
        used = [
            db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_count", "freelist_count", "page_size")
        ]
        if (used[0] - used[1]) * used[2] <= self.limit:
            return  # the rows hold no more bytes than the pages in use: no need to read them all to sum
        (total,) = db.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()
        if total <= self.limit:
            return
        excess, doomed = total - int(self.limit * KEEP_AFTER_EVICTION), []
        for key, size in db.execute("SELECT key, size FROM entries ORDER BY used"):
            if excess <= 0:
                break
            doomed.append((key,))
            excess -= size
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("DELETE FROM entries WHERE key=?", doomed)

    def get(self, key: str) -> bytes | None:
        """One stored value, or None."""
        return self.get_many([key]).get(key)

    def put(self, key: str, value: bytes) -> None:
        """Store one value."""
        self.put_many({key: value})


@lru_cache(maxsize=4)
def _store(folder: Path, limit: int) -> Store:
    """One Store per folder and cap in a process, so its connection is reused."""
    return Store(folder, limit)


def open_store(enabled: bool = True) -> Store | None:
    """The user's cache (None when disabled by --no-cache)."""
    return _store(cache_dir(), max_bytes()) if enabled else None


@cache
def code_version() -> str:
    """A hash of transpair's own source files: a cached result is reused only by the code that made it."""
    package = Path(__file__).parent
    files = sorted(package.rglob("*.py"))
    return digest(*(part for f in files for part in (f.relative_to(package).as_posix(), f.read_bytes())))


def remember(
    store: Store | None,
    key: str,
    kind: type[T],
    compute: Callable[[], T],
    usable: Callable[[T], bool] = lambda _: True,
) -> T:
    """compute()'s record of type kind for key, read from the store (JSON: a row is data, never code),
    else computed and stored; a row that does not decode, or that `usable` refuses, is recomputed."""
    return remember_many(store, [key], kind, lambda _: compute(), usable)[0]


def remember_many(
    store: Store | None,
    keys: Sequence[str],
    kind: type[T],
    compute: Callable[[str], T | E],
    usable: Callable[[T], bool] = lambda _: True,
) -> list[T | E]:
    """remember() for many keys with one look-up and one write (so one eviction check); what compute
    returns that is no `kind` (an error for that key) is handed back, not stored."""
    found = store.get_many(keys) if store is not None else {}
    values, new = [], {}
    for key in keys:
        try:
            value = codec.loads(kind, found[key]) if key in found else None
        except (ValueError, TypeError, KeyError):  # a row written by other code, or damaged: recompute it
            value = None
        if value is None or not usable(value):
            value = compute(key)
            if isinstance(value, typing.get_origin(kind) or kind):
                new[key] = codec.dumps(value)
        values.append(value)
    if store is not None:
        store.put_many(new)
    return values
