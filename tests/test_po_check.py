"""po_check: a PO that msgfmt rejects is refused with file:line, one that msgfmt accepts is read."""

import re
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


FULL_HEAD = (
    'msgid ""\nmsgstr ""\n"Project-Id-Version: t 1\\n"\n"PO-Revision-Date: 2024-01-01 00:00+0000\\n"\n'
    '"Last-Translator: t <t@example.org>\\n"\n"Language-Team: t <t@example.org>\\n"\n"Language: ko\\n"\n'
    '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset={}\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
)
ENTRY = 'msgid "a"\nmsgstr "b"\n'


def utf8(body: str) -> bytes:
    """A file with a complete UTF-8 header and this body."""
    return (FULL_HEAD.format("UTF-8") + body).encode("utf-8")


def declared(charset: str, body: str = 'msgid "a"\nmsgstr "한"\n', encoding: str | None = None) -> bytes:
    """A file whose header names `charset`, encoded in `encoding` (the charset itself by default)."""
    return (FULL_HEAD.format(charset) + body).encode(encoding or charset)


EDGE = {  # name -> the file's bytes; generated edge cases from issue 29 and gettext's lexer
    "spaces before keywords": utf8('  msgid "a"\n  msgstr "b"\n'),
    "tabs before keywords": utf8('\tmsgid "a"\n\tmsgstr "b"\n'),
    "form feed and vertical tab": utf8('\fmsgid "a"\n\vmsgstr "b"\n\f\n'),
    "cr-only line ends": utf8(ENTRY).replace(b"\n", b"\r"),
    "crlf line ends": utf8(ENTRY).replace(b"\n", b"\r\n"),
    "no final newline": utf8(ENTRY)[:-1],
    "one-line entry": utf8('msgid "a" msgstr "b"\n'),
    "two entries on one line": utf8('msgid "a" msgstr "b" msgid "c" msgstr "d"\n'),
    "no space after keyword": utf8('msgid"a"msgstr"b"\n'),
    "two strings on one line": utf8('msgid "a" "b"\nmsgstr "c"\n'),
    "continuation lines": utf8('msgid ""\n"a"\n"b"\nmsgstr ""\n"c"\n'),
    "backslash-newline in a string": utf8('msgid "a\\\nb"\nmsgstr "b"\n'),
    "spaced plural index": utf8('msgid "a"\nmsgid_plural "as"\nmsgstr [ 0 ] "b"\n'),
    "plural index 00": utf8('msgid "a"\nmsgid_plural "as"\nmsgstr[00] "b"\n'),
    "negative plural index": utf8('msgid "a"\nmsgid_plural "as"\nmsgstr[-1] "b"\n'),
    "domain line": utf8('domain "x"\n' + ENTRY),
    "unknown keyword": utf8('msgfoo "x"\n' + ENTRY),
    "upper-case keyword": utf8('MSGID "a"\nmsgstr "b"\n'),
    "keyword without string": utf8('msgid\nmsgstr "b"\n'),
    "stray word after a string": utf8('msgid "a" x\nmsgstr "b"\n'),
    "stray bracket": utf8(ENTRY + "]\n"),
    "stray number": utf8(ENTRY + "5\n"),
    "raw NUL": utf8(ENTRY + "\0\n"),
    "raw tab, CR and control in strings": utf8('msgid "a\tb\rc\x01"\nmsgstr "b"\n'),
    "unterminated string": utf8('msgid "a\nmsgstr "b"\n'),
    "unterminated string at the end": utf8('msgid "a"\nmsgstr "b'),
    "comment between msgid and msgstr": utf8('msgid "a"\n# c\nmsgstr "b"\n'),
    "comment after a string on its line": utf8('msgid "a" # c\nmsgstr "b"\n'),
    "comment without space": utf8("#c\n#.d\n#:e\n" + ENTRY),
    "indented comment": utf8("  # c\n" + ENTRY),
    "comment with CR inside": utf8('# a\rmsgid "x"\n' + ENTRY),
    "comment at the end without newline": utf8(ENTRY + "# end"),
    "previous after msgid": utf8('msgid "a"\n#| msgid "x"\nmsgstr "b"\n'),
    "previous with an unknown keyword": utf8("#| garbage\n" + ENTRY),
    "previous with an unclosed string": utf8('#| msgid "x\n' + ENTRY),
    "previous then comment": utf8('#| msgid "x"\n# c\n' + ENTRY),
    "previous context and msgid": utf8('#| msgctxt "q"\n#| msgid "a"\n' + ENTRY),
    "obsolete without space": utf8('#~msgid "a"\n#~msgstr "b"\n'),
    "indented obsolete": utf8('  #~ msgid "a"\n  #~ msgstr "b"\n'),
    "obsolete entry on one line": utf8('#~ msgid "a" msgstr "b"\n'),
    "obsolete continuation": utf8('#~ msgid ""\n#~ "a"\n#~ msgstr "b"\n'),
    "live continuation of an obsolete msgid": utf8('#~ msgid "a"\n"x"\n#~ msgstr "b"\n'),
    "obsolete msgstr of a live msgid": utf8('msgid "a"\n#~ msgstr "b"\n'),
    "obsolete words": utf8("#~ just words\n"),
    "entries after obsolete ones": utf8('#~ msgid "z"\n#~ msgstr "y"\n\n' + ENTRY),
    "obsolete entry without msgstr": utf8('#~ msgid "a"\n'),
    "two obsolete duplicates": utf8('#~ msgid "a"\n#~ msgstr "b"\n\n#~ msgid "a"\n#~ msgstr "b"\n'),
    "duplicate msgid": utf8(ENTRY + "\n" + ENTRY),
    "duplicate msgid in one context": utf8('msgctxt "c"\n' + ENTRY + 'msgctxt "c"\n' + ENTRY),
    "same msgid in two contexts": utf8('msgctxt "c"\n' + ENTRY + 'msgctxt "d"\n' + ENTRY),
    "two headers": utf8('msgid ""\nmsgstr "X-Other: y\\n"\n'),
    "header-like entry with a context": utf8('msgctxt ""\nmsgid ""\nmsgstr "x"\n'),
    "hex escape of many digits": utf8('msgid "a"\nmsgstr "\\x4142"\n'),
    "octal escape 400": utf8('msgid "a"\nmsgstr "\\400"\n'),
    "hex escape without digits": utf8('msgid "a"\nmsgstr "\\xg"\n'),
    "octal escape 8": utf8('msgid "a"\nmsgstr "\\8"\n'),
    "escaped NUL": utf8('msgid "a"\nmsgstr "b\\0"\n'),
    "byte order mark": b"\xef\xbb\xbf" + utf8(ENTRY),
    "invalid UTF-8": utf8(ENTRY)[:-2] + b'\xff"\n',
    "untranslated plural with more forms": utf8('msgid "a"\nmsgid_plural "as"\nmsgstr[0] ""\nmsgstr[1] ""\n'),
    "score=1.2.3 in a note": utf8("#. transpair: 1-1 paragraph score=1.2.3 status=translated\n" + ENTRY),
    "ISO-8859-1": declared("ISO-8859-1", 'msgid "a"\nmsgstr "é"\n'),
    "EUC-KR": declared("EUC-KR"),
    "CP949": declared("CP949"),
    "Shift_JIS with a backslash trail byte": declared("SHIFT_JIS", 'msgid "a"\nmsgstr "表"\n'),
    "BIG5": declared("BIG5", 'msgid "a"\nmsgstr "表"\n'),
    "GB18030": declared("GB18030"),
    "KOI8-R": declared("KOI8-R", 'msgid "a"\nmsgstr "я"\n'),
    "UTF-16 file": declared("UTF-16", encoding="utf-16"),
    "UTF-32 file": declared("UTF-32", encoding="utf-32"),
    "cp037 (EBCDIC) file": declared("cp037", ENTRY),
}
# Where transpair and msgfmt part, on purpose: name -> (file, msgfmt accepts, transpair accepts, why).
DEVIATIONS = {
    "escaped byte that is not UTF-8": (
        utf8('msgid "a"\nmsgstr "b\\377"\n'),
        True,
        False,
        "msgfmt copies the byte; transpair needs text and would have to change it on writing",
    ),
    "file without a header": (
        ENTRY.encode(),
        False,
        True,
        "--check-header wants one; plain msgfmt reads it, and templates or hand-made files lack one",
    ),
    "c-format directives that differ": (
        utf8('#, c-format\nmsgid "%d"\nmsgstr "%s"\n'),
        False,
        True,
        "format directives are a translation check (--check-format), not part of reading the file",
    ),
    "more plural forms than nplurals": (
        utf8('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "c"\n'),
        False,
        True,
        "--check-format's count of plural forms against the header; plain msgfmt (and report) read it",
    ),
}
# Where transpair refuses what msgfmt reads with a warning only: a charset msgfmt calls "not a portable
# encoding name" has its bytes copied unconverted by msgfmt; transpair needs text, so it says so instead.
REFUSED_CHARSETS = "rot13 base64 zlib undefined UTF-16 UTF-32 UTF-7 cp037 hex NO-SUCH".split()


def msgfmt_accepts(msgfmt: str, path) -> bool:
    """Whether `msgfmt --check-format --check-header` exits 0 on the file."""
    command = [msgfmt, "--check-format", "--check-header", "-o", "/dev/null", str(path)]
    return subprocess.run(command, capture_output=True).returncode == 0


def transpair_accepts(path) -> bool:
    """Whether read_po reads the file (strict, as report does); a refusal is one `file:line:` line."""
    try:
        read_po(path, strict=True)
    except InputError as exc:
        assert re.match(rf"{re.escape(str(path))}:\d+: \S", str(exc)) and "\n" not in str(exc), exc
        return False
    return True


@pytest.mark.parametrize("name", sorted(EDGE))
def test_the_reader_accepts_exactly_what_msgfmt_accepts(tmp_path, name, msgfmt):
    path = tmp_path / "edge.po"
    path.write_bytes(EDGE[name])
    assert transpair_accepts(path) == msgfmt_accepts(msgfmt, path)


@pytest.mark.parametrize("name", sorted(DEVIATIONS))
def test_where_the_reader_parts_from_msgfmt_it_does_so_as_documented(tmp_path, name, msgfmt):
    data, theirs, ours, _why = DEVIATIONS[name]
    path = tmp_path / "edge.po"
    path.write_bytes(data)
    assert (msgfmt_accepts(msgfmt, path), transpair_accepts(path)) == (theirs, ours)


@pytest.mark.parametrize("charset", REFUSED_CHARSETS)
def test_a_charset_msgfmt_calls_not_portable_is_refused_naming_the_header_line(tmp_path, charset, msgfmt):
    path = tmp_path / "cs.po"
    path.write_bytes(declared(charset, ENTRY, "ascii"))
    warning = subprocess.run([msgfmt, "-o", "/dev/null", str(path)], capture_output=True, text=True).stderr
    assert "not a portable encoding name" in warning
    with pytest.raises(InputError, match=rf"cs\.po:9: charset '{charset}' is not a portable text encoding"):
        read_po(path)


def test_a_folder_report_goes_on_past_a_po_with_a_non_text_charset(tmp_path):
    (tmp_path / "bad.po").write_bytes(declared("rot13", ENTRY, "ascii"))
    (tmp_path / "good.po").write_text(HEAD + 'msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    proc = cli("report", tmp_path, "-f", "csv")
    assert b"good" in proc.stdout
    one_error_line(proc, "bad.po:9", "rot13")


def test_merging_into_a_cp037_po_refuses_instead_of_dropping_its_translations(tmp_path):
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.ko.txt").write_text(KO, encoding="utf-8")
    out = tmp_path / "a.po"
    out.write_bytes(declared("cp037", 'msgid "Kept"\nmsgstr "translator\'s work"\n', "ascii"))
    before = out.read_bytes()
    one_error_line(cli("align", tmp_path / "a.en.txt", tmp_path / "a.ko.txt", "-o", out, *FAKE), "a.po:9")
    assert out.read_bytes() == before
