"""write: files written through a temporary file and a rename, never over an input, backups that always
hold the previous file, links, special files, the lock, errors in one line."""

import errno
import json
import multiprocessing
import os
import shutil
import time
from pathlib import Path

import pytest

from transpair import write
from transpair.errors import InputError
from transpair.write import refuse_overwriting, write_json, write_text


def test_write_into_missing_folder_is_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        write_text(tmp_path / "nope" / "a.po", "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_write_into_read_only_folder_is_input_error_and_keeps_old_file(tmp_path):
    path = tmp_path / "a.po"
    path.write_text("old\n")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(InputError, match="cannot write"):
            write_text(path, "new\n")
    finally:
        tmp_path.chmod(0o700)
    assert path.read_text() == "old\n"


def test_permission_error_while_writing_is_input_error_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "a.po"
    path.write_text("old\n")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match="Permission denied"):
        write_text(path, "new\n")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.po"]


def test_an_output_naming_an_input_or_another_output_is_refused(tmp_path):
    source = tmp_path / "a.en.txt"
    source.write_text("x")
    with pytest.raises(InputError, match="would overwrite"):
        refuse_overwriting([tmp_path / "." / "a.en.txt"], [source])
    with pytest.raises(InputError, match="would overwrite"):
        refuse_overwriting([tmp_path / "o.po", tmp_path / "o.po"], [source])
    refuse_overwriting([tmp_path / "o.po", None], [source])


def test_json_is_written_with_hangul_as_is(tmp_path):
    path = write_json(tmp_path / "b.json", {"text": "한국어"})
    assert "한국어" in path.read_text(encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == {"text": "한국어"}


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_new_file_old_file_and_backup(tmp_path):
    path = tmp_path / "a.po"
    write_text(path, "one\n", backup=True)
    assert path.read_text() == "one\n" and not (tmp_path / "a.po.bak").exists()
    path.chmod(0o640)
    write_text(path, "two\n", backup=True)
    assert path.read_text() == "two\n" and (tmp_path / "a.po.bak").read_text() == "one\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "a.po.bak"]


def test_disk_full_while_writing_keeps_file_and_backup(tmp_path, monkeypatch):
    path, bak = tmp_path / "a.po", tmp_path / "a.po.bak"
    path.write_text("current\n")
    bak.write_text("older\n")
    monkeypatch.setattr(os, "fsync", _no_space)  # the new data cannot reach the disk
    monkeypatch.setattr(write, "_sync", lambda fd: _no_space())
    with pytest.raises(InputError, match="No space left"):
        write_text(path, "new\n", backup=True)
    assert path.read_text() == "current\n" and bak.read_text() == "older\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "a.po.bak"]


def test_disk_full_while_copying_the_backup_keeps_the_old_backup(tmp_path, monkeypatch):
    path, bak = tmp_path / "a.po", tmp_path / "a.po.bak"
    path.write_text("current\n")
    bak.write_text("older\n")

    def half_copy(src, dst):
        with open(dst, "w") as handle:
            handle.write("cur")  # a torn copy, then the disk is full
        _no_space()

    monkeypatch.setattr(os, "link", _no_space)  # no hard links here: the copy path is taken
    monkeypatch.setattr(shutil, "copy2", half_copy)
    with pytest.raises(InputError, match="No space left"):
        write_text(path, "new\n", backup=True)
    assert path.read_text() == "current\n" and bak.read_text() == "older\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "a.po.bak"]


def test_backup_copy_without_hard_links_holds_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "a.po"
    path.write_text("current\n")
    monkeypatch.setattr(os, "link", _no_space)
    write_text(path, "new\n", backup=True)
    assert path.read_text() == "new\n" and (tmp_path / "a.po.bak").read_text() == "current\n"


def test_symlink_keeps_pointing_at_its_target(tmp_path):
    target = tmp_path / "real.po"
    target.write_text("old\n")
    link = tmp_path / "link.po"
    link.symlink_to("real.po")
    write_text(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == "real.po" and target.read_text() == "new\n"


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.po"
    link.symlink_to("made.po")
    write_text(link, "x\n")
    assert link.is_symlink() and (tmp_path / "made.po").read_text() == "x\n"


def test_fifo_without_reader_is_refused_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="no reader"):
        write_text(fifo, "x")
    assert fifo.is_fifo()


def test_folder_and_long_names_are_refused_before_writing(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        write_text(tmp_path, "x")
    with pytest.raises(InputError, match="too long"):
        write_text(tmp_path / ("n" * 300), "x")
    with pytest.raises(InputError, match="too long"):  # the backup's name would be too long
        (tmp_path / ("m" * 253)).write_text("old")
        write_text(tmp_path / ("m" * 253), "x", backup=True)
    assert (tmp_path / ("m" * 253)).read_text() == "old"


def test_undecodable_name_characters_are_written_as_escapes(tmp_path):
    path = tmp_path / "a.txt"
    write_text(path, "caf\udce9\n")
    assert path.read_bytes() == b"caf\\udce9\n"


def _hold(folder: str, log: str, tag: str) -> None:
    """In a child process: take the lock, record entry and exit times."""
    with write.locked(os.path.join(folder, "a.po")):
        start = time.monotonic()
        time.sleep(0.4)
        with open(log, "a") as handle:
            handle.write(f"{tag} {start} {time.monotonic()}\n")


def test_the_lock_serialises_two_processes(tmp_path):
    log = str(tmp_path / "log")
    children = [
        multiprocessing.get_context("fork").Process(target=_hold, args=(str(tmp_path), log, t)) for t in "ab"
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(30)
    spans = sorted(tuple(map(float, line.split()[1:])) for line in Path(log).read_text().splitlines())
    assert len(spans) == 2 and spans[0][1] <= spans[1][0]  # the second entered after the first left


def test_the_lock_nests_within_one_process(tmp_path):
    with write.locked(tmp_path / "a.po"), write.locked(tmp_path / "b.po"):
        write_text(tmp_path / "a.po", "x")
    assert (tmp_path / "a.po").read_text() == "x" and not write._held.folders


def test_the_lock_serialises_two_threads(tmp_path):
    import threading

    spans = []

    def hold():
        with write.locked(tmp_path / "a.po"):
            start = time.monotonic()
            time.sleep(0.3)
            spans.append((start, time.monotonic()))

    threads = [threading.Thread(target=hold) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    spans.sort()
    assert len(spans) == 2 and spans[0][1] <= spans[1][0]


def test_an_unchanged_file_is_left_alone_with_no_backup(tmp_path):
    path = tmp_path / "a.po"
    write_text(path, "same\n", backup=True)
    before = path.stat()
    write_text(path, "same\n", backup=True)
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po"]
    write_text(path, "changed\n", backup=True)
    assert (tmp_path / "a.po.bak").read_text() == "same\n"
