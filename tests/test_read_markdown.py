"""Tests for transpair.read_markdown: block kinds, markers outside spans, skipped code and front matter."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.read import quotes, spans
from transpair.read.frontmatter import front_matter_end
from transpair.read.markdown import UnreadableMarkdown, markdown_blocks

SAMPLE = """---
title: "Hello"
tags: [a, b]
---

# Title #

Para one
continues here.

Setext heading
==============

- item one
  lazy line
- item **two**

3. numbered

> quote line
> more
>
> - quoted item

| a | b \\| c |
|---|---|
| x | `y` |

    indented code

```python
print("fenced code")
```

<!-- comment -->

[ref]: https://example.com "link definition"
"""


def _kinds_texts(text):
    return [(b.kind, b.text) for b in markdown_blocks(text)]


def test_block_kinds_and_texts():
    assert _kinds_texts(SAMPLE) == [
        ("paragraph", "Hello"),  # the front matter title's value; `tags` is not read
        ("heading", "Title"),
        ("paragraph", "Para one\ncontinues here."),
        ("heading", "Setext heading"),
        ("list", "item one\n  lazy line"),
        ("list", "item **two**"),
        ("list", "numbered"),
        ("quote", "quote line\n> more"),
        ("list", "quoted item"),
        ("table", "a"),
        ("table", "b \\| c"),
        ("table", "x"),
        ("table", "`y`"),
    ]


def test_spans_and_lines_locate_each_block():
    for b in markdown_blocks(SAMPLE):
        assert SAMPLE[b.start : b.end] == b.text
        assert SAMPLE.count("\n", 0, b.start) + 1 == b.line


def test_code_comments_front_matter_and_definitions_are_not_blocks():
    texts = " ".join(b.text for b in markdown_blocks(SAMPLE))
    for verbatim in ("fenced code", "indented code", "comment", "example.com", "title", "tags"):
        assert verbatim not in texts


def test_replacing_spans_keeps_everything_else_byte_for_byte():
    blocks = markdown_blocks(SAMPLE)
    rebuilt, pos = [], 0
    for b in blocks:
        rebuilt += [SAMPLE[pos : b.start], "X"]
        pos = b.end
    rebuilt.append(SAMPLE[pos:])
    out = "".join(rebuilt)
    for verbatim in ("---\ntitle:", '```python\nprint("fenced code")\n```', "# X #", "- X\n- X", "| X | X |"):
        assert verbatim in out


def test_front_matter_yaml_toml_and_plain_rule():
    assert front_matter_end("---\na: 1\n---\nText") == len("---\na: 1\n---\n")
    assert front_matter_end("+++\na = 1\n+++\n") == len("+++\na = 1\n+++\n")
    assert front_matter_end("---\na: 1\n...\n") == len("---\na: 1\n...\n")
    assert front_matter_end("Text\n---\n") == 0
    assert front_matter_end("---\nno closing line\n") == 0
    assert _kinds_texts("Intro\n\n---\n\nAfter rule\n") == [
        ("paragraph", "Intro"),
        ("paragraph", "After rule"),
    ]


def test_korean_heading_and_list_marker_digits_in_text():
    assert _kinds_texts("## 설치 방법\n\n1. 1단계: 설치합니다.\n2) 2 단계\n") == [
        ("heading", "설치 방법"),
        ("list", "1단계: 설치합니다."),
        ("list", "2 단계"),
    ]


_LINE = st.text(alphabet="ab -#>*|`1.\n가", max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=8))
def test_any_markdown_gives_exact_spans(lines):
    text = "\n".join(lines)
    for b in markdown_blocks(text):
        assert text[b.start : b.end] == b.text and b.text.strip() == b.text and b.text


def test_nesting_beyond_the_limit_is_an_error_naming_the_line():
    text = "Intro.\n\n" + "> " * 400 + "too deep\n"
    try:
        markdown_blocks(text)
    except UnreadableMarkdown as exc:
        assert exc.line == 3 and "nested" in str(exc)
    else:
        raise AssertionError("deep nesting read silently")


def test_text_in_html_blocks_is_read_as_html_at_its_place():
    text = '# Demo\n\n<div class="demo">\n  <h3>Bad</h3>\n  <p>Checked: <b>{{ checked }}</b></p>\n</div>\n'
    blocks = markdown_blocks(text)
    assert [(b.kind, b.text, b.line) for b in blocks] == [
        ("heading", "Demo", 1),
        ("heading", "Bad", 4),
        ("paragraph", "Checked: <b>{{ checked }}</b>", 5),
    ]
    assert all(text[b.start : b.end] == b.text for b in blocks)


def test_markdown_tokens_past_the_limit_are_refused_while_parsing(monkeypatch):
    # markdown-it's tokens (about 400 bytes each) all live until the page is read: the parse stops at
    # MAX_TOKENS, before their memory grows with the page (a list of n items makes n x 5 + 2 tokens)
    monkeypatch.setattr(quotes, "MAX_TOKENS", 12)
    assert len(markdown_blocks("- a\n- b\n")) == 2
    with pytest.raises(UnreadableMarkdown, match="more than 12 Markdown tokens") as refused:
        markdown_blocks("- a\n- b\n- c\n")
    assert refused.value.line == 3


def test_blocks_past_the_limit_are_refused_at_their_page_line_also_in_an_html_block(monkeypatch):
    monkeypatch.setattr(spans, "MAX_BLOCKS", 3)
    assert len(markdown_blocks("a\n\nb\n\n<div>\n<p>c</p>\n</div>\n")) == 3
    with pytest.raises(UnreadableMarkdown, match="more than 3 blocks") as refused:
        markdown_blocks("a\n\n<div>\n<p>c</p>\n<p>d</p>\n<p>e</p>\n<p>f</p>\n</div>\n")
    assert refused.value.line == 7  # the line in the page, not in the HTML block (5)
    with pytest.raises(UnreadableMarkdown, match="more than 3 blocks") as refused:
        markdown_blocks("a\n\nb\n\n<div>\n<p>c</p>\n<p>d</p>\n</div>\n")
    assert refused.value.line == 5
