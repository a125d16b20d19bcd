"""Shared fixtures: paths to the dev data, a CLI runner, a private cache folder for every test."""

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"


def msgfmt_statistics(po) -> str:
    """What `msgfmt --statistics` says of a PO, without its final period."""
    found = subprocess.run(
        ["msgfmt", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=True
    )
    return found.stderr.strip().rstrip(".")


def dev_data() -> Path:
    """The dev-set documents the tests measure on, copied into tests/data/dev with their licences."""
    return ROOT / "tests" / "data" / "dev"


def gold_data() -> Path:
    """The gold sets kept in the repository (data/gold, with their licences), which tests read as they are."""
    return ROOT / "data" / "gold"


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own empty persistent cache, so nothing touches the user's cache folder."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TRANSPAIR_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def msgfmt() -> str:
    """Path to GNU msgfmt; skipped only where gettext is not installed (CI installs it)."""
    path = shutil.which("msgfmt")
    if path is None:
        pytest.skip("GNU gettext (msgfmt) is not installed")
    return path
