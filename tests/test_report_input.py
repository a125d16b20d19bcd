"""Report inputs: PO files and folders; every unusable input is one error line, the rest is reported."""

from pathlib import Path

import pytest
from report_fixtures import entry, sample_entries, write

from transpair.errors import InputError
from transpair.report_input import collect, load_po

HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={}\\n"\n\n'


def raw(path: Path, text: str, charset: str = "UTF-8", encoding: str = "utf-8") -> Path:
    """A PO file written byte for byte, with a header declaring `charset`."""
    path.write_bytes((HEAD.format(charset) + text).encode(encoding))
    return path


def test_syntax_error_names_file_and_line(tmp_path):
    bad = raw(tmp_path / "bad.po", 'msgid "a"\nmsgstr "b"\nbogus line\n')
    with pytest.raises(InputError, match=r"bad\.po:7: syntax error"):
        load_po(bad)


def test_duplicate_msgid_is_an_error(tmp_path):
    dup = raw(tmp_path / "dup.po", 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "b"\n')
    with pytest.raises(InputError, match=r"dup\.po:8: duplicate msgid \(first defined at line 5\)"):
        load_po(dup)


def test_same_msgid_in_two_contexts_is_fine(tmp_path):
    ok = raw(tmp_path / "ctx.po", 'msgctxt "1"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "2"\nmsgid "a"\nmsgstr ""\n')
    assert len(load_po(ok)) == 2


def test_missing_header_is_an_error(tmp_path):
    bare = tmp_path / "bare.po"
    bare.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    with pytest.raises(InputError, match="missing PO header"):
        load_po(bare)


def test_declared_legacy_charset_is_decoded(tmp_path):
    euc = raw(tmp_path / "euc.po", 'msgid "Korean"\nmsgstr "한국어"\n', charset="EUC-KR", encoding="euc-kr")
    assert load_po(euc)[0].msgstr == "한국어"


def test_undecodable_or_unknown_charset_is_an_error(tmp_path):
    wrong = raw(tmp_path / "wrong.po", 'msgid "Korean"\nmsgstr "한국어"\n', charset="UTF-8", encoding="euc-kr")
    with pytest.raises(InputError, match=r"wrong\.po: cannot decode"):
        load_po(wrong)
    unknown = raw(tmp_path / "unknown.po", 'msgid "a"\nmsgstr "한국어"\n', charset="NO-SUCH", encoding="euc-kr")
    with pytest.raises(InputError, match=r"unknown\.po: cannot decode"):
        load_po(unknown)


def test_bad_inputs_are_errors_and_good_files_are_still_reported(tmp_path):
    good = write(tmp_path / "good.po", sample_entries())
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    bad = raw(tmp_path / "bad.po", 'msgid "a"\nbogus\n')
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
    assert [Path(a.name).name for a in report.articles] == ["a.po", "b.po", "c.po"]
    assert len(report.errors) == 1 and "gone.po" in report.errors[0]
    assert report.total.total.strings == 3 and report.total.translated.strings == 2
