"""Tests for transpair.read_config: the [read] table of .transpair.toml reaches the Markdown reader."""

import pytest

from transpair.errors import InputError
from transpair.read.config import read_options
from transpair.read.reader import read_document


def test_read_table_applies_to_files_below_it(tmp_path):
    (tmp_path / ".transpair.toml").write_text('[read]\nprose_fences = ["aside"]\nskip_lines = ["^%%"]\n')
    (tmp_path / "sub").mkdir()
    page = tmp_path / "sub" / "a.md"
    page.write_text("```aside\nx = 1; the rule {a}\n```\n\n%% build %%\n\nText.\n")
    assert read_options(page).prose_fences == ("aside",)
    assert [b.text for b in read_document(page).blocks] == ["x = 1; the rule {a}", "Text."]


@pytest.mark.parametrize("setting", ['skip_lines = ["("]', "prose_fences = 3", "read = 1"])
def test_bad_settings_are_input_errors(tmp_path, setting):
    (tmp_path / ".transpair.toml").write_text(("" if setting.startswith("read") else "[read]\n") + setting)
    page = tmp_path / "a.md"
    page.write_text("Text.\n")
    with pytest.raises(InputError, match=r"\.transpair\.toml"):
        read_document(page)


def test_unreadable_markdown_names_file_and_line(tmp_path):
    page = tmp_path / "deep.md"
    page.write_text("Intro.\n\n" + "> " * 400 + "too deep\n")
    with pytest.raises(InputError, match=r"deep\.md:3: Markdown nested"):
        read_document(page)


def test_code_components_and_attributes_replace_the_defaults(tmp_path):
    (tmp_path / ".transpair.toml").write_text(
        '[read]\ncode_components = ["Terminal"]\nattributes = ["caption"]\n'
    )
    page = tmp_path / "a.mdx"
    page.write_text(
        '<Terminal>\nnpm run build\n</Terminal>\n\n<Figure caption="A chart" title="Not this">\n\nText.\n\n'
        "</Figure>\n\n<FileTree>\n- src/\n</FileTree>\n"
    )
    blocks = read_document(page).blocks
    assert [(b.content, b.text) for b in blocks] == [
        ("attribute:caption", "A chart"),
        ("prose", "Text."),
        ("prose", "src/"),
    ]


def test_code_components_must_be_strings(tmp_path):
    (tmp_path / ".transpair.toml").write_text("[read]\ncode_components = 3\n")
    page = tmp_path / "a.mdx"
    page.write_text("Text.\n")
    with pytest.raises(InputError, match=r"\[read\] code_components must be a list of strings"):
        read_document(page)


def test_front_matter_keys_replace_the_defaults(tmp_path):
    (tmp_path / ".transpair.toml").write_text('[read]\nfront_matter = ["sidebar_label"]\n')
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: Not this\nsidebar_label: Short\n---\n\nText.\n")
    blocks = read_document(page).blocks
    expected = [("front-matter:sidebar_label", "Short"), ("prose", "Text.")]
    assert [(b.content, b.text) for b in blocks] == expected
