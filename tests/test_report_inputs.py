"""Report inputs: PO files and folders; every unusable input is one error line, the rest is reported."""

import pytest
from report_fixtures import entry, sample_entries, write

from transpair.check.config import DEFAULT_LEVELS, CheckSettings
from transpair.errors import InputError
from transpair.report import inputs
from transpair.report.inputs import Reading, collect, po_files


def test_bad_inputs_are_errors_and_good_files_are_still_reported(tmp_path):
    good = write(tmp_path / "good.po", sample_entries())
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    bad = tmp_path / "bad.po"
    bad.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nbogus\n',
        encoding="utf-8",
    )
    report = collect([good, tmp_path / "missing.po", tmp_path / "empty", tmp_path / "notes.txt", bad])
    assert [a.name for a in report.articles] == [str(good)]
    assert len(report.errors) == 4
    assert any("missing.po: no such file" in e for e in report.errors)
    assert any("empty: empty folder" in e for e in report.errors)
    assert any("notes.txt: not a PO file" in e for e in report.errors)
    assert any("bad.po:6: syntax error" in e for e in report.errors)


def test_folder_of_po_files_reports_each_and_a_broken_link(tmp_path):
    for name in ("b", "a"):
        write(tmp_path / f"{name}.po", [entry(f"text {name}", "글")])
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "c.po", [entry("text c")])
    (tmp_path / "gone.po").symlink_to(tmp_path / "nowhere.po")
    report = collect([tmp_path])
    assert [a.name for a in report.articles] == ["a", "b", "sub/c"]
    assert len(report.errors) == 1 and "gone.po" in report.errors[0]
    assert report.total.total.strings == 3 and report.total.translated.strings == 2


def test_symlinked_folders_of_pos_are_followed_and_loops_refused(tmp_path):
    (tmp_path / "shared").mkdir()
    write(tmp_path / "shared" / "a.po", sample_entries())
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "guide").symlink_to(tmp_path / "shared", target_is_directory=True)
    assert po_files(tmp_path / "po") == [tmp_path / "po" / "guide" / "a.po"]
    (tmp_path / "po" / "loop").symlink_to(tmp_path / "po", target_is_directory=True)
    with pytest.raises(InputError, match="a loop"):
        po_files(tmp_path / "po")
    report = collect([tmp_path / "po", tmp_path / "shared"])  # the loop is one error, the rest reported
    assert len(report.articles) == 1 and "a loop" in report.errors[0]


def test_findings_are_counted_per_article_with_the_settings_given(tmp_path):
    write(
        tmp_path / "a.po",
        [entry("Use `ref` here.", "`ref` 를 여기서 씁니다."), entry("Use `x`.", "`y`를 씁니다.")],
    )
    write(tmp_path / "b.po", [entry("Fine.", "좋습니다."), entry("Use `y`.", "")])
    assert [a.findings for a in collect([tmp_path]).articles] == [None, None]  # no settings: not checked
    checked = collect([tmp_path], Reading(checks=CheckSettings()))
    assert [(a.name, a.findings) for a in checked.articles] == [("a", 2), ("b", 0)]  # spacing, code
    assert checked.findings == 2 and collect([tmp_path]).findings is None
    no_code = collect([tmp_path], Reading(checks=CheckSettings(DEFAULT_LEVELS | {"code": "off"})))
    assert [a.findings for a in no_code.articles] == [1, 0]


def test_a_second_report_of_unchanged_pos_reads_them_from_the_cache_and_an_edit_is_seen(
    tmp_path, monkeypatch
):
    write(
        tmp_path / "a.po", [entry("Use `ref` here.", "`ref` 를 여기서 씁니다."), entry("Fine.", "좋습니다.")]
    )
    write(tmp_path / "b.po", [entry("Use `y`.", "`y`를 씁니다.")])
    reading = Reading(checks=CheckSettings())
    first = collect([tmp_path], reading)
    assert [(a.name, a.findings) for a in first.articles] == [("a", 1), ("b", 0)]

    def parse(*args, **kwargs):
        raise AssertionError("an unchanged PO parsed again")

    with monkeypatch.context() as patched:
        patched.setattr(inputs, "read_po_data", parse)
        assert collect([tmp_path], reading) == first  # figures and findings from the cache
    write(tmp_path / "b.po", [entry("Use `y`.", "`x`를 씁니다.")])  # the code span changed: one finding
    edited = collect([tmp_path], reading)
    assert [(a.name, a.findings) for a in edited.articles] == [("a", 1), ("b", 1)]
    assert collect([tmp_path], Reading(use_cache=False, checks=CheckSettings())) == edited
    no_code = collect([tmp_path], Reading(checks=CheckSettings(DEFAULT_LEVELS | {"code": "off"})))
    assert [a.findings for a in no_code.articles] == [1, 0]  # other settings: counted anew
