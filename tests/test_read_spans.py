"""spans: paragraph text unwrapped as pages render it (msgids and msgstrs), and written back in its span's
style."""

from hypothesis import given
from hypothesis import strategies as st

from transpair.read import reader
from transpair.read.spans import rewrap, unwrap


def test_markdown_soft_breaks_and_continuation_indentation_become_spaces():
    assert unwrap("a list item that\n  continues here\n  and here.", "markdown") == (
        "a list item that continues here and here."
    )
    assert unwrap("a quote\n> continued\n>> deeper", "markdown") == "a quote continued deeper"


def test_markdown_hard_breaks_stay_newlines():
    assert unwrap("ends with two spaces  \nnext", "markdown") == "ends with two spaces\nnext"
    assert unwrap("ends with a backslash\\\nnext", "markdown") == "ends with a backslash\nnext"


def test_html_breaks_are_soft_and_plain_text_keeps_its_lines():
    assert unwrap("<a href='x'>link</a>\n    text", "html") == "<a href='x'>link</a> text"
    assert unwrap("text <b>bold</b>\n  more", "markdown", html=True) == "text <b>bold</b> more"
    assert unwrap("line one\nline two", "text") == "line one\nline two"


def test_the_reader_gives_unwrapped_blocks_at_their_spans():
    text = "- item one\n  continued\n\n> quote\n> more\n"
    doc = reader.bytes_document(text.encode(), "a.md")
    assert [b.text for b in doc.blocks] == ["item one continued", "quote more"]
    assert [text[b.start : b.end] for b in doc.blocks] == ["item one\n  continued", "quote\n> more"]


def test_rewrap_writes_line_breaks_in_the_spans_style():
    assert rewrap("하나\n둘", "item one  \n  continued") == "하나  \n  둘"
    assert rewrap("하나\n둘", "quote\\\n> more") == "하나\\\n> 둘"
    assert rewrap("한 줄", "item one\n  continued") == "한 줄"
    assert rewrap("하나\n둘", "one line") == "하나\n둘"


@given(st.lists(st.text("ab \\>", max_size=6).map(lambda line: "a" + line), min_size=1, max_size=5))
def test_unwrap_keeps_the_words_and_only_the_hard_breaks(lines):
    text = "\n".join(lines)
    once = unwrap(text, "markdown")
    assert once.count("\n") == sum(line.endswith(("  ", "\\")) for line in lines[:-1])
    assert once.split() == text.replace("\\\n", "\n").split()
