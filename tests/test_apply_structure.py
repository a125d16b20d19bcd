"""Tests for transpair.structure: which msgstrs would change an article's structure."""

from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.apply.structure import html_problem, markdown_problem, problem, tag_balance


def test_markdown_new_structure_lines_are_problems():
    assert "heading" in markdown_problem("One\ntwo", "하나\n## 둘")
    assert "code fence" in markdown_problem("One", "하나\n~~~")
    assert "setext" in markdown_problem("One\ntwo", "하나\n---")
    assert markdown_problem("One # two", "하나 # 둘") is None
    assert markdown_problem("```\nx\n```", "```\nx\n```") is None


def test_html_balance_ignores_void_and_self_closing_tags():
    assert tag_balance('<a href="x">a</a><br><img src=y><b>') == {"a": 0, "b": 1}
    assert html_problem("<em>a</em>", "<em>가</em><br/>") is None
    assert html_problem("<em>a</em>", "<em>가") == "unbalanced tags: <em>"
    assert html_problem("<p>a", "<p>가") is None  # the msgid's own imbalance may stay


def test_plain_text_has_no_structure_check():
    assert problem("text", "a", "# b\n```") is None


@settings(deadline=None)  # timing is no part of the property (it failed at 0.7 s on a loaded machine)
@given(st.text(alphabet="ab#`=-:<>/ \n", max_size=30))
def test_a_msgstr_equal_to_its_msgid_is_never_a_problem(text):
    assert problem("markdown", text, text) is None and problem("html", text, text) is None


def test_markdown_inline_html_stays_balanced_outside_code_spans():
    assert markdown_problem("Press <kbd>Ctrl</kbd>.", "<kbd>Ctrl</kbd>를 누르세요.") is None
    assert markdown_problem("Press <kbd>Ctrl</kbd>.", "<kbd>Ctrl를 누르세요.") == "unbalanced tags: <kbd>"
    assert markdown_problem("Use `<div>` here.", "여기에 <div>를 씁니다.") == "unbalanced tags: <div>"
    assert markdown_problem("Use `<div>` here.", "여기에 `<div>`를 씁니다.") is None


def test_markdown_new_blocks_and_open_comments_are_problems():
    assert "comment" in markdown_problem("One two.", "하나\n<!-- c 둘.")
    assert "comment" in problem("html", "<p>One</p>", "<p>하나</p><!--")
    assert "list item" in markdown_problem("One two.", "하나\n- 둘.")
    assert "list item" in markdown_problem("One two.", "하나\n1. 둘.")
    assert "block quote" in markdown_problem("One two.", "하나\n> 둘.")
    assert "blank line" in markdown_problem("One two.", "하나\n\n둘.")
    assert "shortcode" in markdown_problem("One two.", "하나\n{{< note >}}")


def test_constructs_the_msgid_already_has_may_stay():
    assert markdown_problem("- a\n- b", "- 가\n- 나") is None
    assert markdown_problem("> a\n>\n> b", "> 가\n>\n> 나") is None
    assert markdown_problem("a <!-- c --> b", "가 <!-- c --> 나") is None
    assert markdown_problem("One\n\nTwo", "하나\n\n둘") is None
