"""History and streams under hostile conditions (issue 29, item 8): a shallow clone or a base commit the
clone lacks is one warning and the plain alignment, an old source over the input limit is never read
whole, a closed stdout pipe ends quietly, and non-UTF-8 locales read UTF-8 file names."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from git_repos import commit, git, one_repo, paragraphs
from typer.testing import CliRunner

from transpair import errors
from transpair.cli.app import app
from transpair.history import revisions

ENV = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
FAKE = ["--similarity", "fake_similarity:BagOfWords"]
PO = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'


def shallow_clone(full: Path, into: Path) -> Path:
    """`git clone --depth 1` of FULL (GitHub Actions' default checkout)."""
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{full}", str(into)], check=True)
    assert git(into, "rev-parse", "--is-shallow-repository") == "true"
    return into


def align(source: Path, target: Path, out: Path) -> tuple[int, list[str]]:
    """`transpair align` in-process: the exit code and the stderr lines."""
    done = CliRunner().invoke(app, ["align", str(source), str(target), "-o", str(out), *FAKE])
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    return done.exit_code, done.stderr.splitlines()


def test_a_shallow_clone_of_one_repository_is_a_warning_and_the_plain_alignment(tmp_path):
    one_repo(tmp_path / "site")
    clone = shallow_clone(tmp_path / "site", tmp_path / "ci")
    source, target = clone / "en" / "appetite.txt", clone / "ko" / "appetite.txt"
    lookup = revisions.translated_from(source, target)
    assert lookup.origin is None and "shallow clone" in lookup.warning
    code, lines = align(source, target, tmp_path / "a.po")
    assert code == 0 and not any("source as of" in line for line in lines)  # not HEAD's English
    assert sum("shallow clone" in line for line in lines) == 1


def test_a_base_commit_the_clone_lacks_is_one_warning_line(tmp_path):
    site = tmp_path / "site"
    english = paragraphs(".en.txt")
    base = commit(site, {"en/a.md": english}, "2025-01-05T10:00:00+00:00")
    korean = [f"---\ndefault_lang_commit: {base}\n---", *paragraphs(".ko.txt")]
    commit(site, {"ko/a.md": korean, "en/a.md": [*english, "A new paragraph."]}, "2025-02-05T10:00:00+00:00")
    clone = shallow_clone(site, tmp_path / "ci")
    code, lines = align(clone / "en" / "a.md", clone / "ko" / "a.md", tmp_path / "a.po")
    warned = [line for line in lines if base[:7] in line or "shallow" in line]
    assert code == 0 and len(warned) == 1 and "shallow clone" in warned[0], lines
    assert not any("source as of" in line for line in lines)


def test_an_old_source_over_the_input_limit_is_not_read(tmp_path, monkeypatch):
    repo = tmp_path / "site"
    commit(repo, {"en/a.txt": ["Old. " * 600], "ko/a.txt": ["옛 글."]}, "2025-01-05T10:00:00+00:00")
    commit(repo, {"en/a.txt": ["New."]}, "2025-02-05T10:00:00+00:00")
    source, target = repo / "en" / "a.txt", repo / "ko" / "a.txt"
    assert revisions.translated_from(source, target).origin is not None
    monkeypatch.setattr(errors, "MAX_INPUT_BYTES", 2000)  # the 3,001-byte old English is now too large
    lookup = revisions.translated_from(source, target)
    assert lookup.origin is None and lookup.data == b"" and "more than an input may hold" in lookup.warning
    assert revisions.git(repo, "show", "HEAD~1:en/a.txt", limit=100).code == revisions.TOO_LARGE


def test_report_into_a_closed_pipe_prints_no_traceback(tmp_path):
    for name in range(30):
        (tmp_path / f"p{name}.po").write_text(PO, encoding="utf-8")
    command = f"{sys.executable} -m transpair.cli report {tmp_path} | head -1"
    done = subprocess.run(["sh", "-c", command], capture_output=True, env=ENV)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 1
    assert done.stderr == b""


def report_names(env: dict) -> subprocess.CompletedProcess:
    """`transpair report` of a PO with a Korean name, given on the command line and found in a folder."""
    return subprocess.run(
        [sys.executable, "-m", "transpair.cli", "report", os.fsencode("한글/문서.po"), "한글", "-f", "json"],
        capture_output=True,
        env=env,
        cwd=env["HOME"],
    )


@pytest.fixture
def korean_name(tmp_path) -> dict:
    """A folder 한글 with a PO 문서.po (UTF-8 names), and an environment without PYTHONIOENCODING."""
    (tmp_path / "한글").mkdir()
    (tmp_path / "한글" / "문서.po").write_text(PO, encoding="utf-8")
    plain = {k: v for k, v in ENV.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    return plain | {"HOME": str(tmp_path)}


def test_the_c_locale_reads_and_prints_utf8_names(korean_name):
    done = report_names(korean_name | {"LC_ALL": "C"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
    assert "한글/문서".encode() in done.stdout
    ascii_only = report_names(korean_name | {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"})
    assert ascii_only.returncode == 0 and ascii_only.stderr == b"", ascii_only.stderr


def test_an_euc_kr_locale_reads_utf8_names(korean_name, tmp_path):
    locales = tmp_path / "locales"
    locales.mkdir()
    localedef = shutil.which("localedef")
    if localedef is None:
        pytest.skip("localedef (glibc) is not installed")
    argv = [localedef, "-i", "ko_KR", "-f", "EUC-KR", str(locales / "ko_KR.EUC-KR")]
    made = subprocess.run(argv, check=False, capture_output=True)
    if not (locales / "ko_KR.EUC-KR").exists():
        pytest.skip(f"localedef cannot build ko_KR.EUC-KR here (exit {made.returncode})")
    done = report_names(korean_name | {"LOCPATH": str(locales), "LC_ALL": "ko_KR.EUC-KR"})
    assert done.returncode == 0 and done.stderr == b"", done.stderr
    assert done.stdout.count(b'"coverage_percent": 100.0') >= 1
