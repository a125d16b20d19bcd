"""po_check: a PO that msgfmt rejects is refused with file:line, one that msgfmt accepts is read."""

import subprocess

import pytest
from test_safety import EN, FAKE, KO, cli, one_error_line

from transpair.errors import InputError
from transpair.po.file import read_po

HEAD = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
)
CASES = {
    "bad_escape": 'msgid "a\\q"\nmsgstr "b"\n',
    "bad_hex": 'msgid "a"\nmsgstr "b\\x"\n',
    "unicode_escape": 'msgid "a"\nmsgstr "\\u0041"\n',
    "plural_without_msgid_plural": 'msgid "a"\nmsgstr[0] "b"\n',
    "msgid_plural_with_plain_msgstr": 'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n',
    "obsolete_duplicate_of_live": 'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n',
    "obsolete_duplicates": '#~ msgid "a"\n#~ msgstr "c"\n\n#~ msgid "a"\n#~ msgstr "d"\n',
    "no_msgstr": 'msgid "a"\n',
    "no_msgstr_before_next": 'msgid "a"\n\nmsgid "b"\nmsgstr "c"\n',
    "msgstr_without_msgid": 'msgstr "b"\n',
    "two_msgstr": 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n',
    "plural_gap": 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[2] "c"\n',
    "two_msgctxt": 'msgctxt "x"\nmsgctxt "y"\nmsgid "a"\nmsgstr "b"\n',
    "newline_end": 'msgid "a\\n"\nmsgstr "b"\n',
    "newline_begin": 'msgid "\\na"\nmsgstr "b"\n',
    "raw_newline_in_string": 'msgid "a"\nmsgstr "b\n"\n',
    "good_octal_and_hex": 'msgid "a"\nmsgstr "\\101\\x42\\\\q"\n',
    "good_plural": 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n',
    "good_obsolete": 'msgid "a"\nmsgstr "b"\n\n#~ msgid "c"\n#~ msgstr "d"\n',
    "bad_previous_escape": '#| msgid "old \\q"\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n',
    "good_previous": '#, fuzzy\n#| msgid "old \\t"\nmsgid "a"\nmsgstr "b"\n',
    "comment_after_previous": '#| msgid "old"\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_exactly_when_msgfmt_refuses(tmp_path, name, msgfmt):
    path = tmp_path / f"{name}.po"
    path.write_text(HEAD + CASES[name], encoding="utf-8")
    msgfmt_ok = subprocess.run([msgfmt, "-o", "/dev/null", path], capture_output=True).returncode == 0
    try:
        read_po(path, strict=True)
        ours_ok = True
    except InputError as exc:
        assert str(exc).startswith(f"{path}:") and "\n" not in str(exc)  # file:line, one line
        ours_ok = False
    assert ours_ok == msgfmt_ok


def test_report_lists_an_invalid_po_as_an_error_row_and_goes_on(tmp_path):
    (tmp_path / "bad.po").write_text(HEAD + CASES["plural_without_msgid_plural"], encoding="utf-8")
    (tmp_path / "good.po").write_text(HEAD + 'msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    proc = cli("report", tmp_path, "-f", "csv")
    assert b"good" in proc.stdout and b"bad" not in proc.stdout
    one_error_line(proc, "bad.po:7", "without msgid_plural")


def test_align_refuses_to_merge_into_an_invalid_po_and_leaves_it_alone(tmp_path):
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.ko.txt").write_text(KO, encoding="utf-8")
    out = tmp_path / "a.po"
    out.write_text(HEAD + CASES["obsolete_duplicate_of_live"], encoding="utf-8")
    before = out.read_bytes()
    one_error_line(cli("align", tmp_path / "a.en.txt", tmp_path / "a.ko.txt", "-o", out, *FAKE), "a.po:9")
    assert out.read_bytes() == before and not (tmp_path / "a.po.bak").exists()
