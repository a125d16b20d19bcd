"""`transpair align` end to end through the real CLI: outputs, folders, merging, bad input."""

import json
import subprocess
import sys

import polib
import pytest
from conftest import CORPORA, msgfmt_statistics

from transpair.cli.app import app

PAIR = CORPORA / "pydocs" / "tutorial-appetite"


def align(runner, *args):
    return runner.invoke(app, ["align", *map(str, args)])


def test_align_pair_writes_valid_po_and_beads(runner, tmp_path, msgfmt):
    out, beads = tmp_path / "a.po", tmp_path / "a.json"
    result = align(runner, f"{PAIR}.en.txt", f"{PAIR}.ko.txt", "-o", out, "--beads", beads)
    assert result.exit_code == 0, result.output
    check = subprocess.run(
        [msgfmt, "--check-format", "--check-header", "-o", "/dev/null", out], capture_output=True
    )
    assert check.returncode == 0, check.stderr
    po = polib.pofile(str(out))
    en = (PAIR.parent / "tutorial-appetite.en.txt").read_text(encoding="utf-8").split("\n\n")
    assert [e.msgid for e in po] == [p.strip() for p in en if p.strip()]
    assert all(e.msgstr for e in po)
    data = json.loads(beads.read_text(encoding="utf-8"))
    ids = [i for b in data["beads"] for i in b["source"]]
    assert ids == list(range(len(po)))
    assert {b["status"] for b in data["beads"]} <= {
        "translated",
        "fuzzy",
        "untranslated",
        "source-only",
        "target-only",
    }


def test_realign_keeps_translator_work(runner, tmp_path):
    out = tmp_path / "a.po"
    assert align(runner, f"{PAIR}.en.txt", f"{PAIR}.ko.txt", "-o", out).exit_code == 0
    po = polib.pofile(str(out))
    po[1].msgstr = "번역가가 고친 문장."
    po[1].tcomment = "checked by a translator"
    po.save(str(out))
    result = align(runner, f"{PAIR}.en.txt", f"{PAIR}.ko.txt", "-o", out)
    assert result.exit_code == 0, result.output
    again = polib.pofile(str(out))
    kept = again.find(po[1].msgid)
    assert kept.msgstr == "번역가가 고친 문장." and kept.tcomment == "checked by a translator"


def test_align_folder_writes_one_po_per_article(runner, tmp_path):
    out = tmp_path / "out"
    result = align(runner, CORPORA / "pydocs", "-o", out, "--quiet")
    assert result.exit_code == 0, result.output
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.po"))
    assert names == sorted(f"{p.name.split('.')[0]}.po" for p in (CORPORA / "pydocs").glob("*.en.txt"))


def test_untranslated_page_gives_empty_msgstrs(runner, tmp_path):
    out = tmp_path / "ann.po"
    base = CORPORA / "pydocs" / "howto-annotations"
    result = align(runner, f"{base}.en.txt", f"{base}.ko.txt", "-o", out)
    assert result.exit_code == 0, result.output
    po = polib.pofile(str(out))
    assert len(po) > 10 and all(e.msgstr == "" for e in po)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: (d / "missing.txt", PAIR.with_suffix(".ko.txt")), "no such file"),
        (lambda d: (PAIR.with_suffix(".en.txt"), d), "directory"),
        (lambda d: (d / "empty.txt", PAIR.with_suffix(".ko.txt")), "empty"),
        (lambda d: (d / "binary.txt", PAIR.with_suffix(".ko.txt")), "binary"),
        (lambda d: (PAIR.with_suffix(".en.txt"), d / "english.txt"), "expected ko"),
        (lambda d: (PAIR.with_suffix(".en.txt"), PAIR.with_suffix(".en.txt")), "same file"),
    ],
    ids=["missing", "directory", "empty", "binary", "same-language", "same-file"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, message):
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "english.txt").write_text(
        "This is an English article about something else entirely.\n\nIt has two paragraphs of prose.\n",
        encoding="utf-8",
    )
    src, tgt = make(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "transpair.cli", "align", str(src), str(tgt), "-o", str(tmp_path / "o.po")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("transpair: error:") and message in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "o.po").exists()


def test_output_in_missing_folder_is_refused(runner, tmp_path):
    result = align(runner, f"{PAIR}.en.txt", f"{PAIR}.ko.txt", "-o", tmp_path / "nope" / "a.po")
    assert result.exit_code == 2
    assert "nope" in result.output


def test_version_and_summary_line(runner, tmp_path):
    from transpair import __version__

    assert runner.invoke(app, ["--version"]).output.strip() == f"transpair {__version__}"
    base = CORPORA / "pydocs" / "howto-sorting"
    result = align(runner, f"{base}.en.txt", f"{base}.ko.txt", "-o", tmp_path / "s.po")
    assert result.exit_code == 0
    line = result.output.strip().splitlines()[-1]
    assert line.startswith(f"{tmp_path / 's.po'}: en -> ko, {msgfmt_statistics(tmp_path / 's.po')}")


def test_outputs_never_replace_inputs(runner, tmp_path):
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.ko.txt"
    src.write_bytes(PAIR.with_suffix(".en.txt").read_bytes())
    tgt.write_bytes(PAIR.with_suffix(".ko.txt").read_bytes())
    before = tgt.read_bytes()
    for args in (
        ["-o", tmp_path / "a.po", "--beads", tgt],
        ["-o", tgt, "--force"],
        ["-o", tmp_path / "b.po", "--beads", tmp_path / "b.po"],
    ):
        result = align(runner, src, tgt, *args)
        assert result.exit_code == 2 and "would overwrite" in result.output
    assert tgt.read_bytes() == before and not list(tmp_path.glob("*.po"))


def test_rewritten_po_keeps_its_mode(runner, tmp_path):
    out = tmp_path / "a.po"
    assert align(runner, f"{PAIR}.en.txt", f"{PAIR}.ko.txt", "-o", out, "-q").exit_code == 0
    out.chmod(0o664)
    assert align(runner, f"{PAIR}.en.txt", f"{PAIR}.ko.txt", "-o", out, "-q").exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o664


def test_align_markers_file_marks_a_custom_placeholder(runner, tmp_path):
    src = tmp_path / "a.en.txt"
    src.write_text(
        "Python is an easy to learn, powerful programming language.\n\nIt has efficient data structures.\n",
        encoding="utf-8",
    )
    tgt = tmp_path / "a.ko.txt"
    tgt.write_text(
        "파이썬은 배우기 쉽고, 강력한 프로그래밍 언어입니다.\n\n<<나중에 옮김>>\n", encoding="utf-8"
    )
    markers = tmp_path / "markers.txt"
    markers.write_text("<<나중에 옮김>>\n", encoding="utf-8")
    beads = tmp_path / "a.json"
    result = align(runner, src, tgt, "-o", tmp_path / "a.po", "--beads", beads, "--markers", markers)
    assert result.exit_code == 0, result.output
    (second,) = [b for b in json.loads(beads.read_text(encoding="utf-8"))["beads"] if b["source"] == [1]]
    assert second["status"] in ("untranslated", "source-only")
    assert second["reason"].startswith('placeholder "<<나중에 옮김>>')
    assert polib.pofile(str(tmp_path / "a.po"))[-1].msgstr == ""
    report = runner.invoke(app, ["report", str(tmp_path / "a.po"), "-f", "json"])
    assert json.loads(report.stdout)["total"]["placeholder"] == 1


def test_target_still_in_english_exits_0_with_one_warning(tmp_path):
    src, tgt = tmp_path / "a.en.md", tmp_path / "a.ko.md"
    src.write_text("# Setup\n\nInstall the tool with pip before you start.\n\nThen run it on two files.\n")
    tgt.write_text("# Setup\n\nInstall the tool with pip before you start today.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "transpair.cli", "align", str(src), str(tgt), "-o", str(tmp_path / "a.po")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "still in English" in warnings[0]
    po = polib.pofile(str(tmp_path / "a.po"))
    assert len(po) == 3 and all(e.msgstr == "" and "target still in English" in e.comment for e in po)
    scanned = subprocess.run(
        [sys.executable, "-m", "transpair.cli", "scan", str(tmp_path), "-f", "json"],
        capture_output=True,
        text=True,
    )
    assert scanned.returncode == 0 and "target still in English" in scanned.stdout
    report = subprocess.run(
        [sys.executable, "-m", "transpair.cli", "report", str(tmp_path / "a.po"), "-f", "json"],
        capture_output=True,
        text=True,
    )
    article = json.loads(report.stdout)["articles"][0]
    assert report.returncode == 0 and article["translated"] == 0 and article["left_in_source"] == 3


def test_vitepress_pair_aligns_titles_and_bodies_and_applies_back(tmp_path):
    src, tgt = tmp_path / "a.en.md", tmp_path / "a.ko.md"
    src.write_text(
        "# Installing\n\nInstall the package with pip before you begin.\n\n"
        "::: tip Faster installs\nUse a local cache to make repeated installs much faster.\n:::\n"
    )
    tgt.write_text(
        "# 설치\n\n시작하기 전에 pip으로 패키지를 설치하세요.\n\n"
        "::: tip 더 빠른 설치\n로컬 캐시를 쓰면 반복 설치가 훨씬 빨라집니다.\n:::\n"
    )
    assert runner_invoke(["align", str(src), str(tgt), "-o", str(tmp_path / "a.po")]).returncode == 0
    po = polib.pofile(str(tmp_path / "a.po"))
    pairs = {e.msgid: e.msgstr for e in po}
    assert pairs["Faster installs"] == "더 빠른 설치" and ":::" not in "".join(pairs)
    assert (
        runner_invoke(["apply", str(tmp_path / "a.po"), str(src), "-o", str(tmp_path / "out.md")]).returncode
        == 0
    )
    assert (tmp_path / "out.md").read_text() == tgt.read_text()


def runner_invoke(args: list[str]) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess."""
    return subprocess.run([sys.executable, "-m", "transpair.cli", *args], capture_output=True, text=True)


def test_dash_h_is_help_and_shell_completion_is_offered(runner):
    from transpair.cli.app import app

    for args in (["-h"], ["report", "-h"], ["align", "-h"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage:" in result.stdout, args
    top = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in top and "--show-completion" in top


def test_dash_output_writes_to_stdout_and_creates_no_file(runner, tmp_path, monkeypatch):
    from conftest import CORPORA

    from transpair.cli.app import app

    monkeypatch.chdir(tmp_path)
    base = CORPORA / "pydocs" / "tutorial-appetite"
    en, ko = str(base.with_suffix(".en.txt")), str(base.with_suffix(".ko.txt"))
    aligned = runner.invoke(app, ["align", en, ko, "-o", "-"])
    assert aligned.exit_code == 0 and aligned.stdout.startswith('msgid ""') and "msgstr" in aligned.stdout
    pot = runner.invoke(app, ["pot", en, "-o", "-"])
    assert pot.exit_code == 0 and pot.stdout.startswith("#, fuzzy\nmsgid")
    po = tmp_path / "a.po"
    po.write_text(aligned.stdout, encoding="utf-8")
    applied = runner.invoke(app, ["apply", str(po), en, "-o", "-"])
    assert (
        applied.exit_code == 0
        and "파이썬" in applied.stdout
        and "paragraphs translated" not in applied.stdout
    )
    report = runner.invoke(app, ["report", str(po), "-f", "json", "-o", "-"])
    assert report.exit_code == 0 and report.stdout.startswith("{")
    assert not (tmp_path / "-").exists()
    folder = runner.invoke(app, ["align", str(CORPORA / "pydocs"), "-o", "-"])
    assert folder.exit_code == 2 and "standard output" in folder.output


@pytest.mark.parametrize("command", ["align", "report", "eval", "scan", "apply", "pot"])
def test_every_command_help_shows_an_example(runner, command):
    from transpair.cli.app import app

    help_text = runner.invoke(app, [command, "--help"]).stdout
    assert "Examples:" in help_text and f"$ transpair {command} " in help_text


def test_shell_completion_completes_commands_and_option_values():
    import os
    import shutil
    import subprocess
    from pathlib import Path

    script = shutil.which("transpair")
    if script is None:
        pytest.skip("the transpair console script is not installed")
    root = str(Path(__file__).resolve().parent.parent)  # this checkout's code, not another install's
    env = {**os.environ, "PYTHONPATH": root, "_TRANSPAIR_COMPLETE": "complete_bash"}

    def complete(words: str) -> list[str]:
        cword = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        run_env = {**env, "COMP_WORDS": words, "COMP_CWORD": cword}
        return subprocess.run([script], env=run_env, capture_output=True, text=True).stdout.split()

    assert complete("transpair rep") == ["report"]
    assert complete("transpair report --format ") == ["table", "json", "csv", "markdown", "html", "svg"]


def test_apply_with_swapped_arguments_says_so(runner, tmp_path):
    po = tmp_path / "a.po"
    assert align(runner, PAIR.with_suffix(".en.txt"), PAIR.with_suffix(".ko.txt"), "-o", po).exit_code == 0
    swapped = runner.invoke(
        app, ["apply", str(PAIR.with_suffix(".en.txt")), str(po), "-o", str(tmp_path / "x")]
    )
    assert (
        swapped.exit_code == 2 and "give the PO first" in swapped.output and swapped.output.count("\n") == 1
    )
