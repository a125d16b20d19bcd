"""settings and read.user_regex: hostile and broken .transpair.toml files and user patterns (issue 29,
item 1): every fault is one `path:LINE:` error line within seconds, the lookup stays inside the
repository, the file is parsed once."""

import os
import subprocess
import sys
import time
import tomllib

import pytest
from conftest import ROOT

from transpair import settings
from transpair.errors import InputError
from transpair.read.pairs import config_selection
from transpair.read.user_regex import PatternTimeout, compile_user
from transpair.settings import MAX_CONFIG_BYTES, find_config, load_config

LINE = "a" * 40 + "b"  # what `^(a|a)+$` backtracks on for 2^40 steps
EN = f"Sorting lists\n\nPython lists have a sort method that modifies the list in place.\n\n{LINE}\n"
KO = f"리스트 정렬하기\n\n파이썬 리스트에는 리스트를 제자리에서 수정하는 sort 메서드가 있습니다.\n\n{LINE}\n"
ENV = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}


def align(folder, *extra, timeout=60) -> subprocess.CompletedProcess:
    """`transpair align` of the pair in FOLDER as a real process (a hang fails the test by its timeout)."""
    (folder / "p.en.md").write_text(EN, encoding="utf-8")
    (folder / "p.ko.md").write_text(KO, encoding="utf-8")
    argv = [sys.executable, "-m", "transpair.cli", "align", "p.en.md", "p.ko.md", "-o", "p.po", "-q"]
    argv += ["--similarity", "fake_similarity:BagOfWords", "--no-history", *extra]
    return subprocess.run(argv, cwd=folder, env=ENV, capture_output=True, timeout=timeout)


def one_line(done: subprocess.CompletedProcess, *words: str) -> str:
    """Assert exit 2 and one `transpair: error:` line holding WORDS."""
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and b"Traceback" not in done.stderr, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("transpair: error: "), err
    assert all(w in lines[0] for w in words), err
    return lines[0]


@pytest.mark.parametrize(
    "config, where",
    [
        ("[read]\nskip_lines = ['^(a|a)+$']\n", "p.en.md:5: [read] skip_lines pattern"),
        ("[markers]\npatterns = ['^(a|a)+$']\n", ".md:5: marker pattern"),
    ],
)
def test_a_catastrophic_pattern_is_one_error_at_its_line_never_a_hang(tmp_path, config, where):
    (tmp_path / ".transpair.toml").write_text(config, encoding="utf-8")
    start = time.monotonic()
    one_line(align(tmp_path), where, "'^(a|a)+$'", "took over 1 s")
    assert time.monotonic() - start < 30


def test_a_catastrophic_markers_file_is_one_error_too(tmp_path):
    (tmp_path / "m.txt").write_text("^(a|a)+$\n", encoding="utf-8")
    one_line(align(tmp_path, "--markers", "m.txt"), ".md:5: marker pattern")


def test_user_patterns_match_as_before_within_the_limit():
    pattern = compile_user(r"^%%.*%%$")
    assert pattern.search("%% build %%") and not pattern.search("text")
    with pytest.raises(PatternTimeout):
        compile_user("^(a|a)+$").search(LINE)


@pytest.mark.parametrize(
    "content, says",
    [
        ("x = " + "[" * 1000 + "]" * 1000 + "\n", ":1: arrays or tables nested more than"),
        ("a = 1\n\n[read]\nskip_lines = [\n", ":5: not a valid TOML file"),
        ("[read]\nprose_fences = ['x']\nskip_lines = 3\n", ":3: [read] skip_lines must be a list of strings"),
        ("[read]\nskip_lines = ['(']\n", ":2: [read] skip_lines pattern '(' is not a valid regular"),
        ("read = 1\n", ":1: [read] must be a table"),
        ("[markers]\n\npatterns = 'x'\n", ":3: [markers] patterns must be a list of strings"),
        ('[po]\ncode = "some"\n', ":2: [po] code must be one of"),
        ('[read]\nx = "\\xff"\n', ":2: not a valid TOML file"),
    ],
)
def test_every_config_fault_is_one_error_at_its_line(tmp_path, content, says):
    (tmp_path / ".transpair.toml").write_text(content, encoding="utf-8")
    one_line(align(tmp_path), f"{tmp_path / '.transpair.toml'}{says}")


def test_a_wrong_typed_glob_list_is_named_at_its_line(tmp_path):
    (tmp_path / ".transpair.toml").write_text('[files]\ninclude = []\nexclude = "x"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"\.transpair\.toml:3: \[files\] exclude must be a list of glob"):
        config_selection(tmp_path)


def test_a_huge_config_is_refused_before_it_is_parsed(tmp_path):
    config = tmp_path / ".transpair.toml"
    config.write_text('[read]\nskip_lines = ["' + "a" * (50 * 2**20) + '"]\n', encoding="utf-8")
    start = time.monotonic()
    one_line(align(tmp_path), f"{config}:1: too large for a settings file")
    assert time.monotonic() - start < 30
    with pytest.raises(InputError, match="too large"):
        load_config(config)
    assert MAX_CONFIG_BYTES == 2**20


def test_the_lookup_stops_at_the_repository_root(tmp_path):
    (tmp_path / ".transpair.toml").write_text("[read]\nskip_lines = ['^(a|a)+$']\n", encoding="utf-8")
    repo = tmp_path / "clone"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    assert find_config(repo / "docs") is None  # the planted parent file is outside the project
    assert align(repo).returncode == 0
    (repo / ".transpair.toml").write_text("[read]\nprose_fences = ['aside']\n", encoding="utf-8")
    assert find_config(repo / "docs") == repo / ".transpair.toml"
    assert find_config(tmp_path) == tmp_path / ".transpair.toml"


def test_the_config_is_parsed_once_per_run(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from transpair.cli.app import app

    (tmp_path / ".transpair.toml").write_text('[read]\nprose_fences = ["aside"]\n[po]\ncode = "changed"\n')
    for stem in ("a", "b", "c"):
        (tmp_path / f"{stem}.en.md").write_text(EN, encoding="utf-8")
        (tmp_path / f"{stem}.ko.md").write_text(KO, encoding="utf-8")
    parsed = []
    loads = tomllib.loads
    monkeypatch.setattr(settings.tomllib, "loads", lambda text: parsed.append(text) or loads(text))
    args = ["align", str(tmp_path), "-o", str(tmp_path / "po"), "-q", "--no-history"]
    done = CliRunner().invoke(app, [*args, "--similarity", "fake_similarity:BagOfWords"])
    assert done.exit_code == 0, done.output
    assert len(parsed) == 1
