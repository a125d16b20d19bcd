"""powrap: gettext's line breaking of PO strings (UAX #14 pairs, display width, escapes)."""

import pytest

from transpair.po.wrap import char_width, line_break_class, wrap_field


def test_short_string_stays_on_the_keyword_line():
    assert wrap_field("msgid", "Hello") == ['msgid "Hello"']
    assert wrap_field("msgid", "") == ['msgid ""']


def test_long_string_gets_empty_first_line_and_lines_of_at_most_79_columns():
    lines = wrap_field("msgid", "word " * 40)
    assert lines[0] == 'msgid ""'
    assert all(len(line) <= 79 for line in lines)
    assert "".join(line[1:-1] for line in lines[1:]) == "word " * 40


def test_newlines_split_lines_and_force_the_empty_first_line():
    assert wrap_field("msgstr", "a\nb") == ['msgstr ""', '"a\\n"', '"b"']
    assert wrap_field("msgstr", "a\n") == ['msgstr "a\\n"']


def test_hangul_counts_two_columns_and_may_break_between_syllables():
    lines = wrap_field("msgstr", "가" * 50)
    assert lines == ['msgstr ""', '"' + "가" * 38 + '"', '"' + "가" * 12 + '"']


def test_no_break_just_before_a_final_newline():
    text = "The :mod:`fractions` and :mod:`decimal` modules make these calculations easy:\n"
    assert wrap_field("msgid", text) == [
        'msgid ""',
        '"The :mod:`fractions` and :mod:`decimal` modules make these calculations "',
        '"easy:\\n"',
    ]


def test_break_before_an_escaped_quote_but_not_inside_it():
    text = 'In the 1970s people realized that unrestricted goto could lead to messy "spaghetti" code'
    assert wrap_field("msgid", text) == [
        'msgid ""',
        '"In the 1970s people realized that unrestricted goto could lead to messy "',
        '"\\"spaghetti\\" code"',
    ]


def test_prefix_is_repeated_and_counted_in_the_width():
    lines = wrap_field("msgid", "word " * 40, prefix="#~ ")
    assert all(line.startswith("#~ ") and len(line) <= 79 for line in lines)


def test_no_wrap_keeps_one_line_per_newline():
    assert wrap_field("msgid", "word " * 40, wrap=False) == ['msgid "' + "word " * 40 + '"']


@pytest.mark.parametrize(
    ("char", "cls"), [("a", "AL"), ("가", "H2"), ("각", "H3"), (" ", "SP"), ("(", "OP"), ("\u00a0", "GL")]
)
def test_line_break_classes(char, cls):
    assert line_break_class(char) == cls


@pytest.mark.parametrize(("char", "width"), [("a", 1), ("가", 2), ("中", 2), ("\u0301", 0), ("é", 1)])
def test_display_width(char, width):
    assert char_width(char) == width


@pytest.mark.parametrize(
    "char",
    ["\u0cbf", "\u0cc6", "\u0ccd", "\u302a", "\u3099", "\ud7c7", "\ud7b0", "\u0378", "\u2e9a", "\U0001f203"],
)
def test_display_widths_are_libunistrings_as_msgcat_breaks_lines(char, msgfmt, tmp_path):
    import subprocess
    from pathlib import Path

    words = " ".join(["x" + char] * 60)
    path = tmp_path / "w.po"
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    path.write_text(f'{header}msgid ""\n"{words}"\nmsgstr ""\n', encoding="utf-8")
    msgcat = str(Path(msgfmt).with_name("msgcat"))
    expected = subprocess.run([msgcat, str(path)], capture_output=True, text=True, check=True).stdout
    assert "\n".join(wrap_field("msgid", words)) == expected.split("\n\n")[1].split("\nmsgstr")[0]
