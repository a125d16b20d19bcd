"""po.lex: PO text as gettext's tokens, in one pass over the text."""

import tracemalloc

import pytest

from transpair.errors import MAX_INPUT_BYTES, InputError
from transpair.po import lex
from transpair.po.file import read_po, read_po_data
from transpair.po.lex import Token, tokens


def test_tokens_carry_their_line_and_the_marks_of_obsolete_and_previous_lines():
    found = tokens('# c\r\n  msgid "a" "b"\nmsgstr [ 1 ] "c"\n#~| msgid "p"\n#~ msgid "o"\n')
    assert found == [
        Token("comment", "# c\r", 1),
        Token("keyword", "msgid", 2),
        Token("string", '"a"', 2),
        Token("string", '"b"', 2),
        Token("keyword", "msgstr", 3, index=1),
        Token("string", '"c"', 3),
        Token("keyword", "msgid", 4, True, True),
        Token("string", '"p"', 4, True, True),
        Token("keyword", "msgid", 5, True),
        Token("string", '"o"', 5, True),
    ]


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ('msgid "a\nmsgstr "b"', 1, "end-of-line within string"),
        ('msgid "a"\n\n\x00', 3, "syntax error"),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr[' + "9" * 5000 + '] "c"', 3, "wrong index"),
    ],
)
def test_a_character_no_token_starts_with_is_one_error_naming_its_line(text, line, says):
    with pytest.raises(InputError, match=rf"^x\.po:{line}: .*{says}"):
        tokens(text, "x.po")


def test_every_character_is_read_once_whatever_the_shape_of_the_lines(monkeypatch):
    """Linear by construction: the pattern is matched once over the text (and once over each `#~`/`#|`
    line), its matches tile the text without overlap, and it has no backtracking quantifier."""
    text = 'msgid ""\n' + '"piece"\n' * 500 + 'msgstr "b"\n#~ msgid "o"\n#~ msgstr "p"\n' + "#| x\n" * 3
    spans = []
    real = lex._TOKEN

    class Counting:
        def finditer(self, string, start, end):
            for match in real.finditer(string, start, end):
                spans.append(match.span())
                yield match

    monkeypatch.setattr(lex, "_TOKEN", Counting())
    tokens(text)
    top = [span for span in spans if not any(a < span[0] and span[1] <= b for a, b in spans if b - a > 3)]
    assert sum(b - a for a, b in top) == len(text)  # the top-level matches tile the text exactly once
    assert all(q in real.pattern for q in ("++", "*+")) and "+?" not in real.pattern
    assert all(real.match(c) for c in '\x00"\\]\xff\u3000')  # a match at every position: no search ahead


def test_a_po_over_the_input_limit_is_refused_with_one_line_before_reading(tmp_path):
    big = tmp_path / "big.po"
    with open(big, "wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(InputError, match=r"big\.po: too large for a PO file .*the limit is 64 MiB"):
        read_po(big)


def test_a_one_line_msgid_of_5_mb_is_read_in_memory_a_small_multiple_of_its_size():
    """Issue 29: a 5 MB one-line msgid took 737 MB (a 10 MB one a MemoryError); the peak of Python
    allocations while reading must stay within 20 times the file."""
    data = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "' + b"word " * 10**6
    data += b'"\nmsgstr "b"\n'
    tracemalloc.start()
    try:
        po = read_po_data(data, "big.po", strict=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(po[0].msgid) == 5 * 10**6 and peak < 20 * len(data)
