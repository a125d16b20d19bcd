"""code: code blocks read apart from the prose, paired in order, offered as entries when they differ."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transpair.errors import InputError
from transpair.model import Block
from transpair.po.code import code_entries, code_mode, likeness, pair_code
from transpair.read import reader


def block(text: str, start: int = 0) -> Block:
    return Block(text, "code", 1, start, start + len(text))


def test_markdown_code_blocks_are_read_apart_from_the_prose():
    text = (
        "Intro text.\n\n```js\n\n// a comment\nconst a = 1\n\n```\n\n    indented()\n\n"
        "- item\n\n  ```\n  inside a list\n  ```\n\n```\nunclosed\n"
    )
    doc = reader.bytes_document(text.encode(), "a.md")
    assert [b.text for b in doc.blocks] == ["Intro text.", "item"]
    assert [b.text for b in doc.code] == [
        "// a comment\nconst a = 1",
        "    indented()",
        "  inside a list",
        "unclosed",
    ]
    assert all(doc.text[b.start : b.end] == b.text and b.kind == "code" for b in doc.code)
    assert [b.line for b in doc.code] == [5, 10, 15, 19]


def test_html_pre_is_read_as_code_and_an_image_alt_as_an_attribute():
    html = reader.bytes_document(
        b"<article><p>Hi there.</p><pre><code>x = 1</code></pre></article>", "a.html"
    )
    assert [b.text for b in html.code] == ["<code>x = 1</code>"]
    md = reader.bytes_document(b"Some text here.\n\n![A cat](cat.png)\n\n![](plain.png)\n", "a.md")
    assert md.code == ()
    assert [(b.content, b.text) for b in md.blocks if b.content != "prose"] == [("attribute:alt", "A cat")]


def test_likeness_counts_shared_lines_and_characters():
    english = block(
        "// Only works if using in-browser compilation\nconst app = createApp()\napp.mount('#app')"
    )
    korean = block(
        "// 브라우저 내 컴파일을 사용할 때만 작동합니다\nconst app = createApp()\napp.mount('#app')"
    )
    assert likeness(english, korean) == pytest.approx(2 / 3)
    assert likeness(english, block("npm install vue")) < 0.5


def test_code_blocks_pair_in_order_and_a_lone_block_between_pairs_pairs_by_position():
    source = [block("a()\nb()\nc()"), block("hello"), block("x = 1\ny = 2\nz = 3"), block("extra()")]
    target = [block("a()\nb()\nc()"), block("안녕하세요"), block("x = 1\ny = 2\nz = 3")]
    assert [(i, j) for i, j, _ in pair_code(source, target)] == [(0, 0), (1, 1), (2, 2)]
    assert pair_code(source, []) == [] and pair_code([], target) == []


@given(st.lists(st.sampled_from(["a()", "b()", "c()\nd()", "e = 1"]), max_size=6), st.data())
def test_pairs_are_monotone_and_each_block_is_used_once(texts, data):
    target_texts = data.draw(st.lists(st.sampled_from(["a()", "b()", "c()\nd()", "가()"]), max_size=6))
    pairs = pair_code([block(t) for t in texts], [block(t) for t in target_texts])
    assert [i for i, _, _ in pairs] == sorted({i for i, _, _ in pairs})
    assert [j for _, j, _ in pairs] == sorted({j for _, j, _ in pairs})


def test_only_code_that_differs_becomes_an_entry_unless_all_or_none():
    source = [block("same()"), block("// comment\nrun()", 10), block("lonely()", 30)]
    target = [block("same()"), block("// 주석\nrun()", 10)]
    changed, paired = code_entries(source, target, "a.md")
    assert [(e.msgid, e.msgstr, e.flags) for e in changed] == [
        ("// comment\nrun()", "// 주석\nrun()", ["no-wrap"])
    ]
    assert changed[0].comment.startswith("transpair: 1-1 code score=") and "code block" in changed[0].comment
    assert paired == {0, 1}
    every, _ = code_entries(source, target, "a.md", "all")
    assert [(e.msgid, e.msgstr) for e in every] == [
        ("same()", "same()"),
        ("// comment\nrun()", "// 주석\nrun()"),
        ("lonely()", ""),
    ]
    assert code_entries(source, target, "a.md", "none") == ([], set())


def test_code_mode_comes_from_the_option_else_the_settings_file(tmp_path):
    assert code_mode(tmp_path / "a.md") == "changed"
    (tmp_path / ".transpair.toml").write_text('[po]\ncode = "none"\n')
    assert code_mode(tmp_path / "a.md") == "none" and code_mode(tmp_path / "a.md", "all") == "all"
    (tmp_path / ".transpair.toml").write_text("[po]\ncode = 3\n")
    with pytest.raises(InputError, match=r"\[po\] code must be one of changed, all, none"):
        code_mode(tmp_path / "a.md")
