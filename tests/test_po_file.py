"""pofile: PO files written byte for byte as msgcat writes them, read back with clear errors."""

import re
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transpair.errors import InputError
from transpair.po.file import format_po, read_po, write_po
from transpair.write import write_text

KOREAN = (
    '이것은 상당히 긴 한국어 문장으로 어딘가에서 줄바꿈이 되어야 합니다. 예를 들어 약어와 "인용부호" 그리고 '
    "URL https://docs.python.org/3/library/functions.html#open 등이 있습니다."
)
ENGLISH = (
    'In the 1970s people realized that unrestricted goto could lead to messy "spaghetti" code that was hard '
    "to understand and revise; e.g. HFS+ volumes, :func:`shutil.copy2` (see <https://example.org/a_(b)>)."
)


@pytest.fixture
def msgcat(msgfmt) -> str:
    """GNU msgcat, installed beside msgfmt (skipped with it where gettext is absent)."""
    return str(Path(msgfmt).with_name("msgcat"))


def catalog(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    po.header = "Test catalog.\nSecond line."
    po.metadata = {"Project-Id-Version": "t", "Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
    for entry in entries:
        po.append(entry)
    return po


def sample() -> polib.POFile:
    """Every kind of entry gettext writes: wrapped, multi-line, escapes, context, fuzzy, previous,
    obsolete."""
    return catalog(
        polib.POEntry(
            msgid=ENGLISH,
            msgstr=KOREAN,
            occurrences=[("a.en.txt", "3"), ("a.en.txt", "5")],
            comment="transpair: 2-1 paragraph score=0.91 status=translated",
            tcomment="checked\n\nby me",
        ),
        polib.POEntry(msgid="Line one\nline two\n", msgstr="첫 줄\n둘째 줄\n", msgctxt="repeat 2"),
        polib.POEntry(msgid='Tabs\tand "quotes" and back\\slash', msgstr='탭\t과 "따옴표" 그리고 역\\슬래시'),
        polib.POEntry(
            msgid=ENGLISH[:70] + " changed", msgstr=KOREAN, flags=["fuzzy"], previous_msgid=ENGLISH
        ),
        polib.POEntry(msgid="Untranslated but flagged", msgstr="", flags=["fuzzy"]),
        polib.POEntry(msgid=KOREAN, msgstr=ENGLISH, obsolete=True, flags=["fuzzy"], previous_msgid=ENGLISH),
        polib.POEntry(msgid="Obsolete and empty", msgstr="", obsolete=True),
        polib.POEntry(
            msgid="x" * 100,
            msgstr="가" * 60,
            occurrences=[(f"some/long/path/file{i}.txt", str(i * 111)) for i in range(6)],
        ),
    )


@pytest.mark.parametrize("wrap", [True, False])
def test_msgcat_leaves_written_file_byte_identical(tmp_path, msgcat, wrap):
    path = tmp_path / "a.po"
    write_po(sample(), path, wrap=wrap)
    args = [msgcat] + ([] if wrap else ["--no-wrap"]) + [str(path)]
    assert subprocess.run(args, capture_output=True, check=True).stdout == path.read_bytes()


def test_wrapping_counts_hangul_double_and_breaks_like_gettext():
    text = format_po(catalog(polib.POEntry(msgid="a", msgstr=KOREAN)))
    assert (
        'msgstr ""\n"이것은 상당히 긴 한국어 문장으로 어딘가에서 줄바꿈이 되어야 합니다. 예를 들"\n"어 약어와'
        in text
    )


def test_no_wrap_keeps_each_line_whole_but_splits_at_newlines():
    lines = format_po(sample(), wrap=False).splitlines()
    assert f'msgid "{ENGLISH}"'.replace('"spaghetti"', '\\"spaghetti\\"') in lines
    assert lines[lines.index('msgctxt "repeat 2"') + 1 :][:3] == [
        'msgid ""',
        '"Line one\\n"',
        '"line two\\n"',
    ]


def test_obsolete_entries_come_last_and_empty_ones_are_dropped():
    text = format_po(sample())
    assert text.index("#~ msgid") > text.index('msgid "xxxx')
    assert "Obsolete and empty" not in text
    assert "#~| msgid" in text


def test_fuzzy_flag_is_not_written_on_untranslated_entries():
    text = format_po(sample())
    assert '#, fuzzy\nmsgid "Untranslated but flagged"' not in text


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('\n\t"\\ 가나 ab'), max_size=200
    )
)
def test_any_text_reads_back_unchanged(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("po") / "a.po"
    write_po(catalog(polib.POEntry(msgid="id " + text, msgstr=text)), path)
    back = read_po(path)
    assert [(e.msgid, e.msgstr) for e in back] == [("id " + text, text)]


def test_write_keeps_backup_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "a.po"
    write_text(path, "old\n")
    write_po(sample(), path)
    assert (tmp_path / "a.po.bak").read_text() == "old\n"
    write_po(sample(), path, backup=False)
    assert (tmp_path / "a.po.bak").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "a.po.bak"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'msgid "a"\nmsgstr "b"\nmsgid\n', r"bad\.po:3: syntax error"),
        (
            b'msgid ""\nmsgstr "Content-Type: text/plain; charset=NO-SUCH\\n"\n\nmsgid "a"\nmsgstr "b"\n',
            "charset",
        ),
        (
            b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr '
            b'"\xff\xfe"\n',
            "decode",
        ),
        (b'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', "conflicting duplicate"),
        (
            b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b\\xff"\n',
            "decode",
        ),
    ],
)
def test_bad_po_files_are_input_errors_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.po"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_po(path)
    assert str(path) in str(info.value)


def test_missing_file_and_folder_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_po(tmp_path / "none.po")
    with pytest.raises(InputError, match="directory"):
        read_po(tmp_path)


def test_identical_duplicates_are_merged(tmp_path):
    path = tmp_path / "dup.po"
    path.write_text('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    assert [e.msgid for e in read_po(path)] == ["a"]


PALETTE = (
    list("abcdefghij ABC  0123456789.,;:!?-/()[]{}<>\"'\\%$#@&*+=_|~`^\t\n")
    + list("가나다라마바사한국어입니다 ")
    + list(
        "…—「」中文\u00a0é😀ア\u3000・\u200d\u0301\u0e01\u0627\u3001\u3002\uff0c«»“”’·–\u00ad\u200b\u2060ー！¿€°™"
    )
    + ["\u1100\u1161\u11a8", "\U0001f1e6", "\U0001f466\U0001f3fb"]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(st.sampled_from(PALETTE), max_size=250).map("".join), min_size=1, max_size=20),
    st.booleans(),
)
def test_msgcat_agrees_on_random_text(tmp_path_factory, msgcat, texts, wrap):
    po = catalog(
        *(
            polib.POEntry(msgctxt=str(i), msgid=t, msgstr=t[::-1], obsolete=i % 3 == 2)
            for i, t in enumerate(texts)
        )
    )
    path = tmp_path_factory.mktemp("po") / "r.po"
    write_po(po, path, wrap=wrap)
    args = [msgcat] + ([] if wrap else ["--no-wrap"]) + [str(path)]
    assert subprocess.run(args, capture_output=True, check=True).stdout == path.read_bytes()


STRICT_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={}\\n"\n\n'


def raw(path: Path, text: str, charset: str = "UTF-8", encoding: str = "utf-8") -> Path:
    """A PO file written byte for byte, with a header declaring `charset`."""
    path.write_bytes((STRICT_HEAD.format(charset) + text).encode(encoding))
    return path


def test_syntax_error_names_file_and_line(tmp_path):
    bad = raw(tmp_path / "bad.po", 'msgid "a"\nmsgstr "b"\nbogus line\n')
    with pytest.raises(InputError, match=r"bad\.po:7: syntax error"):
        read_po(bad, strict=True)


def test_duplicate_msgid_is_an_error(tmp_path):
    dup = raw(tmp_path / "dup.po", 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "b"\n')
    with pytest.raises(InputError, match=r"dup\.po:8: duplicate msgid \(first defined at line 5\)"):
        read_po(dup, strict=True)


def test_same_msgid_in_two_contexts_is_fine(tmp_path):
    ok = raw(tmp_path / "ctx.po", 'msgctxt "1"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "2"\nmsgid "a"\nmsgstr ""\n')
    assert len(read_po(ok, strict=True)) == 2


def test_header_less_and_empty_files_are_read_as_msgfmt_reads_them(tmp_path, msgfmt):
    bare, empty = tmp_path / "bare.po", tmp_path / "empty.po"
    bare.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    empty.write_bytes(b"")
    for path in (bare, empty):
        assert subprocess.run([msgfmt, "-o", "/dev/null", str(path)], capture_output=True).returncode == 0
    assert [e.msgstr for e in read_po(bare, strict=True)] == ["b"]
    assert len(read_po(empty, strict=True)) == 0


def test_an_obsolete_duplicate_of_a_live_entry_is_an_error_as_for_msgfmt(tmp_path, msgfmt):
    dup = raw(tmp_path / "dup.po", 'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n')
    assert subprocess.run([msgfmt, "-o", "/dev/null", str(dup)], capture_output=True).returncode == 1
    with pytest.raises(InputError, match=r"dup\.po:8: duplicate msgid \(first defined at line 5\)"):
        read_po(dup, strict=True)
    with pytest.raises(InputError, match=r"dup\.po:8: conflicting duplicate"):
        read_po(dup)  # nor is it merged into


def test_declared_legacy_charset_is_decoded(tmp_path):
    euc = raw(tmp_path / "euc.po", 'msgid "Korean"\nmsgstr "한국어"\n', charset="EUC-KR", encoding="euc-kr")
    assert read_po(euc)[0].msgstr == "한국어"


def test_undecodable_or_unknown_charset_is_an_error(tmp_path):
    wrong = raw(
        tmp_path / "wrong.po", 'msgid "Korean"\nmsgstr "한국어"\n', charset="UTF-8", encoding="euc-kr"
    )
    with pytest.raises(InputError, match=r"wrong\.po:6: cannot decode the file as utf-8"):
        read_po(wrong)
    unknown = raw(
        tmp_path / "unknown.po", 'msgid "a"\nmsgstr "한국어"\n', charset="NO-SUCH", encoding="euc-kr"
    )
    with pytest.raises(InputError, match=r"unknown\.po:3: charset 'NO-SUCH' is not a portable text encoding"):
        read_po(unknown)


def test_an_unclosed_quote_is_a_syntax_error_not_a_shorter_string(tmp_path, msgfmt):
    bad = tmp_path / "bad.po"
    bad.write_text(STRICT_HEAD.format("UTF-8") + 'msgid "Hello\nmsgstr "안녕"\n', encoding="utf-8")
    assert subprocess.run([msgfmt, "-o", "/dev/null", str(bad)], capture_output=True).returncode != 0
    with pytest.raises(InputError, match=r"bad\.po:5: syntax error"):
        read_po(bad)


REAL_PO = sorted((Path(__file__).parent / "data" / "real_po").rglob("*.po"))


def test_at_least_twenty_real_translator_files_are_tested():
    assert len(REAL_PO) >= 20


@pytest.mark.parametrize("path", REAL_PO, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_translator_po_reads_and_writes_back_as_msgcat_writes_it(path, msgcat):
    expected = subprocess.run([msgcat, str(path)], capture_output=True, text=True, check=True).stdout
    assert format_po(read_po(path)) == expected


def test_what_polib_drops_is_kept_as_msgcat_keeps_it(tmp_path, msgcat):
    text = (
        "# Team  comment\n#\n#, fuzzy\n"
        'msgid ""\nmsgstr ""\n"Project-Id-Version:  Foo 1.0\\n"\n"X-Odd:value\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "#.\n#. note\n#.tight\n#:  a.c:1\n#, no-wrap, c-format, fuzzy, python-format, range: 0..5, odd\n"
        'msgid "x %d"\nmsgstr "y %d"\n\n'
        '#, fuzzy\n#~| msgctxt "c"\n#~| msgid "old"\n#~ msgid "gone"\n#~ msgstr "weg"\n\n'
        '#\n#~ msgid "lone translator line"\n#~ msgstr "x"\n\n#.\nmsgid "lone extracted line"\nmsgstr ""\n'
    )
    path = tmp_path / "kept.po"
    path.write_text(text, encoding="utf-8")
    expected = subprocess.run([msgcat, str(path)], capture_output=True, text=True, check=True).stdout
    written = format_po(read_po(path))
    assert written == expected
    assert "#~| msgid" in written and "Project-Id-Version:  Foo" in written and "#.\n#. note" in written


def test_a_changed_header_field_is_rewritten_in_place_and_the_others_keep_their_spacing(tmp_path):
    path = tmp_path / "h.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Project-Id-Version:  Foo\\n"\n"PO-Revision-Date: old\\n"\n', encoding="utf-8"
    )
    po = read_po(path)
    po.metadata["PO-Revision-Date"] = "new"
    po.metadata["Language"] = "ko"
    assert format_po(po) == (
        'msgid ""\nmsgstr ""\n"Project-Id-Version:  Foo\\n"\n"PO-Revision-Date: new\\n"\n"Language: ko\\n"\n'
    )


def test_a_file_without_header_is_written_without_one(tmp_path, msgcat):
    path = tmp_path / "bare.po"
    path.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    expected = subprocess.run([msgcat, str(path)], capture_output=True, text=True, check=True).stdout
    assert format_po(read_po(path)) == expected == 'msgid "a"\nmsgstr "b"\n'


BROKEN_HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'

BROKEN = {
    "msgid without msgstr": 'msgid "a"\n\nmsgid "b"\nmsgstr "c"\n',
    "msgstr alone": 'msgstr "c"\n',
    "two msgstr": 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n',
    "plural without index": 'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n',
    "index without plural": 'msgid "a"\nmsgstr[0] "b"\n',
    "unknown escape": 'msgid "a\\q"\nmsgstr "b"\n',
    "msgctxt without msgid": 'msgctxt "x"\nmsgstr "b"\n',
    "obsolete msgid then a live one": '#~ msgid "a"\nmsgid "b"\nmsgstr "c"\n',
    "msgid at the end": 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\n',
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_what_msgfmt_rejects_is_refused_naming_file_and_line(case, msgfmt, tmp_path):
    path = tmp_path / "bad.po"
    path.write_text(BROKEN_HEADER + BROKEN[case], encoding="utf-8")
    result = subprocess.run([msgfmt, "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert re.search(r"bad\.po:\d+:", result.stderr)
    with pytest.raises(InputError, match=r"bad\.po:\d+: "):
        read_po(path)
