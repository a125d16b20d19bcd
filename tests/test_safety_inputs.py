"""Nothing a user wrote is lost (issue 29, item 5): files named by options and the settings file are
inputs for the overwrite check, `.bak` is replaced only after the new file is in place, a killed run's
temporary files are removed by the next write, and a folder that cannot be listed is an error line."""

import os
from pathlib import Path

import pytest
from test_safety import EN, KO
from typer.testing import CliRunner

from transpair import write
from transpair.cli.app import app
from transpair.errors import InputError
from transpair.write import write_text

REVIEW = ["--similarity", "fake_similarity:BagOfWords", "-q"]
FAKE = [*REVIEW, "--no-history"]
PO = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'


def pair(folder: Path, stem: str = "a") -> list[str]:
    """An English article and its Korean translation in FOLDER."""
    (folder / f"{stem}.en.txt").write_text(EN, encoding="utf-8")
    (folder / f"{stem}.ko.txt").write_text(KO, encoding="utf-8")
    return [str(folder / f"{stem}.en.txt"), str(folder / f"{stem}.ko.txt")]


def refused(args: list[str], kept: Path) -> None:
    """The command exits 2 with one `would overwrite` line and KEPT is as it was."""
    before = kept.read_bytes()
    done = CliRunner().invoke(app, [str(a) for a in args])
    lines = done.stderr.strip().splitlines()
    assert done.exit_code == 2 and len(lines) == 1 and "would overwrite" in lines[0], done.output
    assert kept.read_bytes() == before


def test_beads_onto_the_corrections_file_is_refused(tmp_path):
    corrections = tmp_path / "c.json"
    corrections.write_text('{"reviewer": "kept"}\n', encoding="utf-8")
    args = [*pair(tmp_path), "-o", tmp_path / "a.po", "--beads", corrections, "--corrections", corrections]
    refused(["align", *args, *FAKE], corrections)


@pytest.mark.parametrize("option", ["--markers", "--corrections"])
def test_the_po_onto_a_file_an_option_names_is_refused_even_with_force(tmp_path, option):
    named = tmp_path / "named.po"
    named.write_text("^\\[PENDING\\]$\n", encoding="utf-8")
    refused(["align", *pair(tmp_path), "-o", named, option, named, "--force", *FAKE], named)


def test_a_review_page_onto_the_marker_file_is_refused(tmp_path):
    markers = tmp_path / "m.html"
    markers.write_text("TBD\n", encoding="utf-8")
    refused(["review", *pair(tmp_path), "-o", markers, "--markers", markers, *REVIEW], markers)


def test_check_onto_its_glossary_is_refused(tmp_path):
    (tmp_path / "a.po").write_text(PO, encoding="utf-8")
    glossary = tmp_path / "g.csv"
    glossary.write_text("source,target\nlist,리스트\n", encoding="utf-8")
    refused(["check", tmp_path / "a.po", "--glossary", glossary, "-o", glossary, "-f", "json"], glossary)


def test_an_output_onto_the_settings_file_is_refused(tmp_path):
    config = tmp_path / ".transpair.toml"
    config.write_text('[check]\nnumber = "info"\n', encoding="utf-8")
    (tmp_path / "a.po").write_text(PO, encoding="utf-8")
    refused(["report", tmp_path / "a.po", "-f", "json", "-o", config], config)
    refused(["align", *pair(tmp_path), "-o", config, "--format", "po", *FAKE], config)


def test_a_failed_rename_keeps_the_older_backup(tmp_path, monkeypatch):
    path, bak = tmp_path / "a.po", tmp_path / "a.po.bak"
    write_text(path, "first\n", backup=True)
    write_text(path, "second\n", backup=True)
    assert bak.read_text() == "first\n"
    real = os.replace

    def refuse_target(src, dst):
        if Path(dst) == path:
            raise PermissionError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(write.os, "replace", refuse_target)
    with pytest.raises(InputError, match="Permission denied"):
        write_text(path, "third\n", backup=True)
    assert (path.read_text(), bak.read_text()) == ("second\n", "first\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "a.po.bak"]
    monkeypatch.undo()
    write_text(path, "third\n", backup=True)
    assert (path.read_text(), bak.read_text()) == ("third\n", "second\n")


def test_a_killed_runs_temporary_files_are_removed_by_the_next_write(tmp_path):
    path = tmp_path / "a.po"
    path.write_text("old\n")
    stale = [tmp_path / ".a.po.k1ll3d_x.tmp", tmp_path / ".a.po.abcd1234.bak.tmp"]
    others = [tmp_path / ".a.po.x.abcd1234.tmp", tmp_path / ".b.po.abcd1234.tmp", tmp_path / ".a.po.notes"]
    for leftover in stale + others:
        leftover.write_bytes(b"x" * 1000)
    write_text(path, "new\n", backup=True)
    assert path.read_text() == "new\n" and (tmp_path / "a.po.bak").read_text() == "old\n"
    assert not any(p.exists() for p in stale) and all(p.exists() for p in others)


@pytest.fixture
def unlistable(monkeypatch):
    """A folder name whose listing fails with EACCES (root reads chmod 000 folders, so the call is faked)."""
    real = os.scandir
    hidden = "private"

    def scandir(path="."):
        if os.path.basename(os.fspath(path).rstrip(os.sep)) == hidden:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return hidden


@pytest.mark.parametrize("command", ["align", "scan", "report", "review", "pot"])
def test_a_folder_that_cannot_be_listed_is_an_error_line_and_the_run_goes_on(tmp_path, unlistable, command):
    site = tmp_path / "site"
    site.mkdir()
    pair(site, "a")
    (site / unlistable).mkdir()
    pair(site / unlistable, "b")
    args = {
        "align": ["-o", tmp_path / "po", *FAKE],
        "scan": ["--no-history", "--no-cache"],
        "report": ["--no-history", "-q"],
        "review": ["-o", tmp_path / "html", *REVIEW],
        "pot": ["-o", tmp_path / "pot"],
    }[command]
    done = CliRunner().invoke(app, [command, str(site), *map(str, args)])
    assert done.exit_code == 2, done.output
    assert f"{site / unlistable}: cannot read the folder (Permission denied)" in done.output
    assert "Traceback" not in done.output
    if command == "align":
        assert (tmp_path / "po" / "a.po").is_file()


def test_a_po_folder_that_cannot_be_listed_is_an_error_row(tmp_path, unlistable):
    (tmp_path / "a.po").write_text(PO, encoding="utf-8")
    (tmp_path / unlistable).mkdir()
    (tmp_path / unlistable / "b.po").write_text(PO, encoding="utf-8")
    done = CliRunner().invoke(app, ["report", str(tmp_path), "-f", "json"])
    assert done.exit_code == 2 and f"{tmp_path / unlistable}: cannot read the folder" in done.output
    assert '"a"' in done.stdout


@pytest.mark.parametrize(
    ("name", "page", "message"),
    [
        # 20,001 one-line paragraphs: memory grows with the blocks (1 MiB of them: pot 240 MiB, align of a
        # quarter of that a side 1,632 MiB), so a page holds at most MAX_BLOCKS
        ("many.txt", "Item.\n\n" * 20_001, "more than 20,000 blocks in one page"),
        # a million and one empty lines: each reader keeps numbers a line, blocks or not
        ("lines.md", "a\n" + "\n" * 1_000_000, "more than 1,000,000 lines in one file"),
    ],
)
def test_a_page_past_the_block_or_line_limit_is_one_error_line(tmp_path, name, page, message):
    (tmp_path / name).write_text(page, encoding="utf-8")
    done = CliRunner().invoke(app, ["pot", str(tmp_path / name), "-o", str(tmp_path / "out.pot")])
    lines = done.stderr.strip().splitlines()
    assert done.exit_code == 2 and len(lines) == 1 and message in lines[0], done.output
    assert lines[0].startswith(f"transpair: error: {tmp_path / name}:")
    assert not (tmp_path / "out.pot").exists()
