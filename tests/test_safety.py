"""Nothing lost, nothing crashes: hostile file names, devices, FIFOs, full disks, closed pipes and usage
errors through the real command line (issue 12). Devices are private clones made with mknod (CI is root)."""

import os
import stat
import subprocess
import sys
import threading
from types import SimpleNamespace

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from transpair.cli.app import app

EN = (
    "Sorting lists\n\nPython lists have a built-in sort method that modifies the list in place.\n\n"
    "There is also a sorted function that builds a new sorted list from an iterable.\n"
)
KO = (
    "리스트 정렬하기\n\n파이썬 리스트에는 리스트를 제자리에서 수정하는 내장 sort 메서드가 있습니다.\n\n"
    "이터러블로부터 새로운 정렬된 리스트를 만드는 sorted 함수도 있습니다.\n"
)
FAKE = ["--similarity", "fake_similarity:BagOfWords"]
ENV = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root (CI runs as root)")


def cli(*args, process=False, stdout=subprocess.PIPE, timeout=120) -> SimpleNamespace:
    """Run `transpair ARGS` (any file name, as bytes or str): in-process by default, as a real process where
    stdout, signals or a possible hang matter. A traceback fails the test."""
    if not process:
        result = CliRunner().invoke(app, [os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return SimpleNamespace(
            returncode=result.exit_code, stdout=result.stdout_bytes, stderr=result.stderr_bytes
        )
    argv = [sys.executable, "-m", "transpair.cli", *(os.fsencode(a) for a in args)]
    return subprocess.run(argv, env=ENV, stdout=stdout, stderr=subprocess.PIPE, timeout=timeout)


def one_error_line(proc, *words: str) -> str:
    """Assert exit 2 with exactly one `transpair: error:` line on stderr naming WORDS; return it."""
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("transpair: error: "), err
    assert all(w in lines[0] for w in words), err
    return lines[0]


def pair(folder, stem: bytes = b"a") -> tuple[str, str]:
    """An English article and its Korean translation under the (byte) name STEM."""
    src, tgt = (
        os.path.join(folder, os.fsdecode(stem + b".en.txt")),
        os.path.join(folder, os.fsdecode(stem + b".ko.txt")),
    )
    for path, text in ((src, EN), (tgt, KO)):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    return src, tgt


def device(folder, name: str, minor: int) -> str:
    """A private clone of /dev/null (3), /dev/zero (5) or /dev/full (7)."""
    path = os.path.join(folder, name)
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return path


def test_names_longer_than_the_system_allows_are_one_line_for_every_command(tmp_path):
    src, tgt = pair(tmp_path)
    long = str(tmp_path / ("x" * 300 + ".en.txt"))
    for args in (
        ["align", long, tgt, "-o", tmp_path / "o.po"],
        ["pot", long, "-o", tmp_path / "o.pot"],
        ["scan", long],
        ["eval", long],
        ["apply", long, src, "-o", tmp_path / "o.txt"],
    ):
        one_error_line(cli(*args), "File name too long")
    report = cli("report", long)
    assert report.returncode == 2 and b"Traceback" not in report.stderr


def test_a_long_output_name_is_refused_before_any_alignment(tmp_path):
    src, tgt = pair(tmp_path)
    for option in ("-o", "--beads"):
        args = ["-o", tmp_path / "ok.po"] if option == "--beads" else []
        one_error_line(
            cli("align", src, tgt, *args, option, tmp_path / ("y" * 300 + ".po"), *FAKE), "too long"
        )
    assert not list(tmp_path.glob("*.po"))


def test_report_to_an_undecodable_name_is_written_and_leaves_no_temporary_file(tmp_path):
    src, tgt = pair(tmp_path)
    assert cli("align", src, tgt, "-o", tmp_path / "a.po", *FAKE, "-q").returncode == 0
    page = tmp_path / os.fsdecode(b"r\xe9.html")
    proc = cli("report", tmp_path / "a.po", "-f", "html", "-o", page)
    assert proc.returncode == 0 and page.stat().st_size > 0
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


@root_only
@pytest.mark.parametrize("command", ["report", "apply", "pot", "align"])
def test_a_device_output_is_written_through_never_replaced(tmp_path, command):
    src, tgt = pair(tmp_path)
    null = device(tmp_path, "null", 3)
    po = tmp_path / "a.po"
    assert cli("align", src, tgt, "-o", po, *FAKE, "-q").returncode == 0
    args = {
        "report": ["report", po, "-o", null],
        "apply": ["apply", po, src, "-o", null],
        "pot": ["pot", src, "-o", null],
        "align": ["align", src, tgt, "-o", null, *FAKE, "-q"],
    }[command]
    proc = cli(*args)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.stat(null).st_mode) and not os.path.exists(null + ".bak")


@root_only
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_full_device_output_is_one_line_and_never_copied_into_a_backup(tmp_path, force):
    src, tgt = pair(tmp_path)
    full = device(tmp_path, "full", 7)
    one_error_line(cli("align", src, tgt, "-o", full, *force, *FAKE, "-q"), "No space left on device")
    assert stat.S_ISCHR(os.stat(full).st_mode) and sorted(os.listdir(tmp_path)) == [
        "a.en.txt",
        "a.ko.txt",
        "full",
    ]


@root_only
def test_a_device_or_fifo_input_is_refused_before_reading(tmp_path):
    zero = device(tmp_path, "zero.en.txt", 5)
    one_error_line(cli("pot", zero, "-o", tmp_path / "z.pot", process=True, timeout=30), "character device")
    fifo = tmp_path / "f.en.txt"
    os.mkfifo(fifo)
    one_error_line(cli("pot", fifo, "-o", tmp_path / "f.pot", process=True, timeout=30), "FIFO")
    po_fifo = tmp_path / "f.po"
    os.mkfifo(po_fifo)
    proc = cli("report", po_fifo, process=True, timeout=30)
    assert proc.returncode == 2 and b"FIFO" in proc.stderr and b"Traceback" not in proc.stderr


def test_a_fifo_output_is_written_to_its_reader_and_stays_a_fifo(tmp_path):
    src, _ = pair(tmp_path)
    fifo = tmp_path / "out.pot"
    os.mkfifo(fifo)
    one_error_line(cli("pot", src, "-o", fifo, process=True, timeout=30), "no reader")
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))  # noqa: SIM115
    reader.start()
    try:
        proc = cli("pot", src, "-o", fifo, process=True, timeout=30)
    finally:
        if reader.is_alive():
            with open(fifo, "wb"):  # unblock the reader if the command never opened the FIFO
                pass
        reader.join()
    assert proc.returncode == 0 and b'msgid "Sorting lists"' in received[0]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_symlinked_po_keeps_its_link_and_its_target_is_updated(tmp_path):
    src, tgt = pair(tmp_path)
    real = tmp_path / "store" / "a.po"
    real.parent.mkdir()
    assert cli("align", src, tgt, "-o", real, *FAKE, "-q").returncode == 0
    real.write_bytes(real.read_bytes() + b"\n# a translator's note, replaced by --force\n")
    before = real.read_bytes()
    link = tmp_path / "a.po"
    link.symlink_to(real)
    assert cli("align", src, tgt, "-o", link, "--force", *FAKE, "-q").returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (real.parent / "a.po.bak").read_bytes() == before and not (tmp_path / "a.po.bak").exists()


def test_stdout_on_a_full_disk_is_one_line_and_exit_2(tmp_path):
    src, tgt = pair(tmp_path)
    with open("/dev/full", "wb") as full:
        one_error_line(cli("scan", tmp_path, process=True, stdout=full), "standard output", "No space left")
        assert cli("align", src, tgt, "-o", tmp_path / "a.po", *FAKE, "-q").returncode == 0
        for fmt in ("json", "table"):
            one_error_line(
                cli("report", tmp_path / "a.po", "-f", fmt, process=True, stdout=full), "No space left"
            )


def test_a_closed_stdout_pipe_ends_quietly_as_head_expects(tmp_path):
    for name in range(40):
        pair(tmp_path, f"p{name}".encode())
    argv = [sys.executable, "-m", "transpair.cli", "scan", str(tmp_path)]
    proc = subprocess.Popen(argv, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first line, as with `| head -0`
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert proc.returncode == -13 and err == b""  # killed by SIGPIPE, like coreutils; nothing printed


@pytest.mark.parametrize(
    "args,command",
    [
        (["align", "--bogus"], "align"),
        (["report", "x.po", "--fail-under", "101"], "report"),
        (["report", "x.po", "-f", "xml"], "report"),
        (["align", "a", "b", "--unit", "word"], "align"),
        (["align", "a", "b"], "align"),
        (["pot", "a"], "pot"),
        (["nosuch"], ""),
    ],
)
def test_usage_errors_are_one_line_with_the_help_hint(args, command):
    line = one_error_line(cli(*args))
    assert line.endswith(f"; see `{' '.join(['transpair', command]).strip()} --help`")


def test_a_fifo_marker_file_is_refused_without_waiting(tmp_path):
    pair(tmp_path)
    fifo = tmp_path / "markers.txt"
    os.mkfifo(fifo)
    one_error_line(cli("scan", tmp_path, "--markers", fifo, process=True, timeout=30), "marker file", "FIFO")


HOLD = """
import sys, time
from pathlib import Path
from transpair import write
po = Path(sys.argv[1])
with write.locked(po):  # another run, busy merging into PO
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace("#. transpair: 1-1", "# kept\\n#. transpair: 1-1", 1), encoding="utf-8")
"""


def test_a_second_align_on_one_po_waits_and_merges_what_the_first_wrote(tmp_path):
    src, tgt = pair(tmp_path)
    po = tmp_path / "a.po"
    assert cli("align", src, tgt, "-o", po, *FAKE, "-q").returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLD, po, "6"], env=ENV, stdout=subprocess.PIPE)
    assert holder.stdout.readline() == b"locked\n"
    second = cli(
        "align", src, tgt, "-o", po, *FAKE, "-q", process=True
    )  # reaches its merge while the holder still works
    assert holder.wait(30) == 0 and second.returncode == 0, second.stderr
    assert "# kept\n" in po.read_text(encoding="utf-8")  # read after the holder's write, not before
    assert not (tmp_path / "a.po.bak").exists()  # the merge changed nothing: no rewrite, no backup


def test_a_cloned_repositorys_config_starts_no_program_when_history_is_read(tmp_path):
    """log.showSignature with gpg.program, core.fsmonitor and core.pager planted in .git/config: git calls
    for the history must run none of them (a cloned repository could run code on the translator's
    machine)."""
    from git_repos import commit, git, one_repo

    marker = tmp_path / "ran"
    evil = tmp_path / "evil.sh"
    evil.write_text(
        f"#!/bin/sh\ncat >/dev/null\necho ran >> {marker}\necho '[GNUPG:] SIG_CREATED ' >&2\n"
        "echo '-----BEGIN PGP SIGNATURE-----'\necho 'AA=='\necho '-----END PGP SIGNATURE-----'\n"
    )
    evil.chmod(0o755)
    source, target, _ = one_repo(tmp_path / "site")
    repo = tmp_path / "site"
    (repo / "ko" / "appetite.txt").write_text("바뀐 번역입니다.\n", encoding="utf-8")
    git(repo, "-c", f"gpg.program={evil}", "commit", "-q", "-S", "-am", "signed")  # a signed commit
    commit(repo, {"en/other.txt": ["Another page."]}, "2025-04-01T10:00:00+00:00")
    assert marker.exists()  # the fake gpg works: signing ran it
    marker.unlink()
    for key, value in [
        ("log.showSignature", "true"),
        ("gpg.program", str(evil)),
        ("core.fsmonitor", str(evil)),
        ("core.pager", str(evil)),
        ("diff.external", str(evil)),
    ]:
        git(repo, "config", key, value)
    shown = subprocess.run(
        ["git", "-C", str(repo), "log", "-1", "--format=%H", "--", "ko"], capture_output=True
    )
    assert shown.returncode == 0 and marker.exists()  # plain git would run the planted program
    marker.unlink()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "transpair.cli",
            "align",
            str(source),
            str(target),
            "-o",
            str(tmp_path / "a.po"),
        ],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=os.environ | {"TRANSPAIR_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert done.returncode == 0, done.stderr
    assert b"source as of" in done.stderr  # the history was read
    assert not marker.exists(), marker.read_text()


@pytest.mark.parametrize(
    "redirect, code, says",
    [
        ("report - <&-", 0, b""),  # closed stdin reads as empty, as an empty pipe does
        ("report {po} >&-", 2, b"cannot write to standard output"),
        ("--help >&-", 2, b"cannot write to standard output"),
        ("report {po} -o {out} >&-", 0, b""),  # nothing printed: a closed stdout is no fault
    ],
)
def test_closed_standard_streams_are_one_line_never_a_traceback(tmp_path, redirect, code, says):
    po = tmp_path / "a.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    )
    command = f"{sys.executable} -m transpair.cli " + redirect.format(po=po, out=tmp_path / "r.json")
    done = subprocess.run(["sh", "-c", command], capture_output=True, cwd=tmp_path)
    assert done.returncode == code, done.stderr
    assert b"Traceback" not in done.stderr and says in done.stderr
    assert len(done.stderr.splitlines()) <= 1
