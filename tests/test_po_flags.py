"""flags: `#,` flags in gettext's order and no line break inside format directives, checked with msgcat."""

import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transpair.po.file import format_po
from transpair.po.flags import FORMATS, flag_words, glued, read_flags


@pytest.fixture
def msgcat(msgfmt) -> str:
    return str(Path(msgfmt).with_name("msgcat"))


def through_msgcat(msgcat: str, tmp_path: Path, text: str) -> str:
    path = tmp_path / "t.po"
    path.write_text(text, encoding="utf-8")
    return subprocess.run([msgcat, str(path)], capture_output=True, text=True, check=True).stdout


def test_every_format_flag_comes_out_in_msgcat_order(msgcat, tmp_path):
    flags = ", ".join(f"{lang}-format" for lang in reversed(FORMATS))
    out = through_msgcat(msgcat, tmp_path, f'#, odd, {flags}, fuzzy\nmsgid "a"\nmsgstr "b"\n')
    assert out.splitlines()[0] == "#, " + ", ".join(flag_words(read_flags([flags, "fuzzy"]), True))
    assert out.splitlines()[0] == "#, fuzzy, " + ", ".join(f"{lang}-format" for lang in FORMATS)


@pytest.mark.parametrize(
    "flags",
    [
        "no-c-format, possible-python-format, impossible-sh-format, fuzzy",
        "wrap, no-wrap, range: 2..7, python-brace-format, c-format",
        "c-format, no-c-format, no-wrap, wrap",
        "fuzzy c-format",
    ],
)
@pytest.mark.parametrize("msgstr", ["", "b"])
def test_flags_are_read_and_written_as_msgcat_does(msgcat, tmp_path, flags, msgstr):
    text = f'#, {flags}\nmsgid "a"\nmsgstr "{msgstr}"\n'
    entry = polib.POEntry(msgid="a", msgstr=msgstr, flags=[f.strip() for f in flags.split(",")])
    po = polib.POFile()
    po.append(entry)
    assert format_po(po) == through_msgcat(msgcat, tmp_path, text)


LONG = "a " * 31


@pytest.mark.parametrize(
    ("flag", "directive"),
    [
        ("python-format", "%(key.name)s"),
        ("python-format", "%-10.3f"),
        ("python-format", "% f"),
        ("c-format", "%1$-3.5lx"),
        ("c-format", "%'.3d"),
        ("python-brace-format", "{key.name:>10.3f}"),
        ("no-python-format", "%(key.name)s"),
        ("python-format, c-format", "%(key.name)s"),
    ],
)
def test_long_lines_break_around_directives_exactly_as_msgcat(msgcat, tmp_path, flag, directive):
    for pad in range(0, 16):
        msgid = LONG + "b" * pad + " " + directive + " tail of the line"
        entry = polib.POEntry(msgid=msgid, msgstr="", flags=[f.strip() for f in flag.split(",")])
        po = polib.POFile()
        po.append(entry)
        expected = through_msgcat(msgcat, tmp_path, f'#, {flag}\nmsgid "{msgid}"\nmsgstr ""\n')
        assert format_po(po) == expected, pad


def test_glued_positions_are_inside_directives_only_up_to_a_parse_error():
    python = read_flags(["python-format"])
    assert glued(python, "x %(a)s y") == frozenset(range(3, 7))
    assert glued(python, "%d %q %d") == frozenset({1})  # %q stops gettext's parser
    assert glued(read_flags(["no-python-format"]), "%d") == frozenset()
    assert glued(read_flags(["python-brace-format"]), "{a}") == frozenset()


ALPHABET = 'aZ %%()dsf{}.:-0123456789 한국어가나 \\"\n'
FLAG_SETS = ["python-format", "c-format", "python-brace-format", "no-c-format", "python-format, c-format", ""]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.text(ALPHABET, min_size=1, max_size=160), st.sampled_from(FLAG_SETS)),
        min_size=1,
        max_size=6,
    )
)
def test_random_format_strings_are_written_and_read_back_as_msgcat_writes_them(msgcat, tmp_path, entries):
    from transpair.po.file import read_po

    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for i, (text, flags) in enumerate(entries):
        words = [f.strip() for f in flags.split(",") if f.strip()]
        po.append(polib.POEntry(msgctxt=str(i), msgid=text, msgstr=text[::-1], flags=words))
    written = format_po(po)
    assert written == through_msgcat(msgcat, tmp_path, written)
    path = tmp_path / "again.po"
    path.write_text(written, encoding="utf-8")
    assert format_po(read_po(path)) == written
