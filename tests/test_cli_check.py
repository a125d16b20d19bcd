"""`transpair check` and `transpair terms` end to end through the CLI, on real Vue docs excerpts
(tests/data/vue_ko, CC BY 4.0)."""

import json
import shutil

from translate.storage import tbx
from vue_excerpts import DATA, EXCERPTS

from transpair.cli.app import app


def copy_data(tmp_path):
    folder = tmp_path / "po"
    shutil.copytree(DATA, folder)
    return folder


def test_check_text_and_exit_codes(runner, tmp_path):
    folder = copy_data(tmp_path)
    result = runner.invoke(app, ["check", str(folder), "-q"])
    assert result.exit_code == 1  # error-level findings (tags, code spans), --fail-on error by default
    assert f"{folder}/excerpts.po:15: error: [tag] tag <span> of the source is missing" in result.stdout
    assert "[speech-level] '해냈어요' not in the page's 합니다체" in result.stdout
    assert result.stdout.strip().endswith("(error 6, warning 3)")
    assert runner.invoke(app, ["check", str(folder), "-q", "--fail-on", "never"]).exit_code == 0
    only_warnings = folder / ".transpair.toml"
    only_warnings.write_text('[check]\ncode = "warning"\ntag = "warning"\n', encoding="utf-8")
    assert runner.invoke(app, ["check", str(folder), "-q"]).exit_code == 0
    assert runner.invoke(app, ["check", str(folder), "-q", "--fail-on", "warning"]).exit_code == 1


def test_check_json_and_sarif_files(runner, tmp_path):
    folder = copy_data(tmp_path)
    result = runner.invoke(app, ["check", str(folder / "excerpts.po"), "-f", "json", "--fail-on", "never"])
    data = json.loads(result.stdout)
    assert data["counts"]["tag"] == 3 and data["files"] == 1
    out = tmp_path / "check.sarif"
    result = runner.invoke(
        app, ["check", str(folder), "-q", "-f", "sarif", "-o", str(out), "--fail-on", "never"]
    )
    assert result.exit_code == 0 and "9 findings in 2 files" in result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]) == 9


def test_silenced_in_the_po(runner, tmp_path):
    folder = copy_data(tmp_path)
    po = folder / "excerpts.po"
    text = po.read_text(encoding="utf-8").replace(
        "#: guide/introduction.md", "#, transpair-ok\n#: guide/introduction.md"
    )
    po.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(po), "-f", "json"])
    assert json.loads(result.stdout)["counts"]["tag"] == 2


def test_glossary_and_terms(runner, tmp_path):
    folder = copy_data(tmp_path)
    glossary = tmp_path / "g.csv"
    glossary.write_text("source,target,forbidden\nelement,엘리먼트,요소\n", encoding="utf-8")
    result = runner.invoke(
        app, ["check", str(folder), "-q", "-g", str(glossary), "-f", "json", "--fail-on", "never"]
    )
    messages = [f["message"] for f in json.loads(result.stdout)["findings"] if f["check"] == "glossary"]
    assert messages == [
        "'element' should be translated as '엘리먼트'",
        "'요소' is a forbidden translation of 'element' (use '엘리먼트')",
    ]
    for name in ("terms.csv", "terms.tbx"):
        out = tmp_path / name
        result = runner.invoke(app, ["terms", str(folder), "-q", "-o", str(out), "--min-count", "2"])
        assert result.exit_code == 0, result.output
        assert f"{out}: " in result.stderr
        check = runner.invoke(app, ["check", str(folder), "-q", "-g", str(out), "--fail-on", "never"])
        assert check.exit_code == 0, check.output
    units = tbx.tbxfile.parsestring((tmp_path / "terms.tbx").read_bytes()).units
    assert ("Vue", "Vue") in {(u.source, u.target) for u in units}


def test_bad_input_is_one_line_and_exit_2(runner, tmp_path):
    cases = [
        (["check", str(tmp_path / "missing.po")], "missing.po: no such file or folder"),
        (["check", str(EXCERPTS), "-g", str(tmp_path / "none.csv")], "none.csv: no such file"),
        (["check", str(EXCERPTS), "-o", str(EXCERPTS)], "would overwrite"),
        (["check", str(EXCERPTS), "--format", "xml"], "transpair check --help"),
        (["terms", str(EXCERPTS)], "Missing option"),
    ]
    (tmp_path / "notes.txt").write_text("x")
    cases.append((["check", str(tmp_path / "notes.txt")], "not a PO file"))
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr and "Traceback" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
