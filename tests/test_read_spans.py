"""spans: paragraph text unwrapped as pages render it (msgids and msgstrs), and written back in its span's
style."""

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.read import reader, spans
from transpair.read.spans import _CONTINUATION, rewrap, unwrap


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


_OLD_HARD_BREAK = regex.compile(r"(?: {2,}|\\)$")


def reference_unwrap(text: str) -> str:
    """unwrap's Markdown rule as first written, on the whole text so far at every line (quadratic: a 1 MB
    paragraph took minutes): the reference the linear one must agree with."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        hard = _OLD_HARD_BREAK.search(out[-1])
        rest = line[_CONTINUATION.match(line).end() :]
        out[-1] = out[-1][: hard.start()] if hard else out[-1].rstrip()
        out[-1] += "\n" + rest if hard else " " + rest
    return "".join(out)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \\\n>a\t\u3000\u00a0", max_size=40))
def test_unwrap_agrees_with_the_reference_rule_on_any_text(text):
    assert unwrap(text, "markdown") == reference_unwrap(text)


class CountingList(list):
    """A list that counts the items read from it."""

    reads = 0

    def __getitem__(self, index):
        CountingList.reads += 1
        return super().__getitem__(index)


@pytest.mark.parametrize("end", [["word"], ["word  "], ["a\\"], ["x", " ", ""], ["x", "\n", ""], ["  ", " "]])
def test_ending_a_line_reads_only_the_pieces_at_the_end(end):
    """Linear by construction: at each line break unwrap reads a few pieces at the end of the paragraph so
    far, never the whole of it (the first version searched and copied it all at every line)."""
    out = CountingList(["word", " "] * 50_000 + end)
    CountingList.reads = 0
    spans._end_line(out)
    assert CountingList.reads <= 12 and len(out) >= 100_000 - 1
