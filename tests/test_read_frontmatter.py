"""Tests for transpair.read.frontmatter: which values are read, and values written back as valid YAML."""

import yaml
from hypothesis import given
from hypothesis import strategies as st

from transpair.read.frontmatter import front_matter_end, value_spans, yaml_value


def _values(text, keys=("title", "description")):
    return [(text[start:end], key) for start, end, key in value_spans(text, keys)]


def test_plain_quoted_and_commented_values_are_read_inside_their_quotes():
    text = '---\ntitle: Plain words # a comment\ndescription: "Say \\"hi\\""\nweight: 3\n---\nBody\n'
    assert _values(text) == [("Plain words", "title"), ('Say \\"hi\\"', "description")]


def test_block_scalars_lists_nested_keys_and_body_lines_are_not_read():
    text = "---\ntitle: >-\n  folded\ndescription: [a, b]\nhero:\n  title: nested\n---\ntitle: body\n"
    assert _values(text) == []
    assert _values("title: no front matter\n") == []


def test_toml_front_matter_reads_basic_strings():
    text = "+++\ntitle = \"Hugo page\"\ndescription = 'literal'\n+++\nBody\n"
    assert _values(text) == [("Hugo page", "title")]


def test_keys_come_from_the_options():
    text = "---\ntitle: A\nsidebar_label: B\n---\n"
    assert _values(text, ("sidebar_label",)) == [("B", "sidebar_label")]
    assert _values(text, ()) == []


def test_front_matter_end_counts_the_closing_line():
    assert front_matter_end("---\na: 1\n---\nText") == len("---\na: 1\n---\n")


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)


@given(_TEXT.map(lambda t: "제" + t))
def test_a_plain_value_written_back_loads_as_the_translation(text):
    assert yaml.safe_load(f"title: {yaml_value(' ', text)}\n")["title"] == " ".join(text.split("\n"))


@given(_TEXT.filter(lambda t: "\\" not in t))
def test_quoted_values_written_back_load_as_the_translation(text):
    assert yaml.safe_load(f'title: "{yaml_value(chr(34), text)}"\n')["title"] == text
    assert yaml.safe_load(f"title: '{yaml_value(chr(39), text)}'\n")["title"] == text.replace("''", "'")
