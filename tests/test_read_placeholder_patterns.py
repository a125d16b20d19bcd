"""Tests for transpair.read.placeholder_patterns: what is a placeholder, the user's patterns and files."""

from __future__ import annotations

import pytest
from untranslated_fixtures import EN, KO, TBD, one_to_one

from transpair.errors import InputError
from transpair.read.placeholder_patterns import (
    compile_markers,
    find_config,
    load_markers,
    marker_in,
    user_markers,
)
from transpair.settle import classify


@pytest.mark.parametrize(
    "text",
    [
        TBD,
        "TBD",
        "TODO: translate",
        "TODO: translate this section",
        "(to be translated)",
        "번역 예정",
        "(번역 중)",
        "번역 예정입니다.",
        "(The followings are written in Korean. Thanks!)",
    ],
)
def test_marker_blocks_are_found(text):
    assert marker_in(text, compile_markers()) == text


@pytest.mark.parametrize(
    "text",
    [
        "The followings are my basic configuration to install Midostack.",
        "The release date is still TBD, and the team will announce it after the beta has been tested.",
        "번역 중에 생긴 오류는 이슈 트래커에 알려 주시면 고쳐서 다음 판에 반영하겠습니다.",
        EN[1],
    ],
)
def test_prose_mentioning_a_marker_word_is_not_a_marker(text):
    assert marker_in(text, compile_markers()) is None


def test_user_marker_patterns(tmp_path):
    toml = tmp_path / ".transpair.toml"
    toml.write_text("[markers]\npatterns = ['^\\[WIP\\]', '미번역 문단']\n", encoding="utf-8")
    plain = tmp_path / "markers.txt"
    plain.write_text("# one per line\n\n^\\[PENDING\\]\n", encoding="utf-8")
    assert load_markers(toml) == ("^\\[WIP\\]", "미번역 문단")
    assert load_markers(plain) == ("^\\[PENDING\\]",)
    top = tmp_path / "top.toml"
    top.write_text("patterns = ['검토 전']\n", encoding="utf-8")
    assert load_markers(top) == ("검토 전",)
    assert find_config(tmp_path / "sub") == toml
    assert user_markers(tmp_path / "a.md", plain) == (
        "^\\[WIP\\]",
        "미번역 문단",
        "^\\[PENDING\\]",
    )
    alignment = one_to_one(EN[:2], [KO[0], "[PENDING]"])
    assert classify.classify(alignment).beads[1].status == "translated"
    found = classify.classify(alignment, markers=load_markers(plain)).beads[1]
    assert (found.status, found.reason) == ("untranslated", 'placeholder "[PENDING]"')


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bad.toml", "[markers\n", "not a valid TOML"),
        ("list.toml", "[markers]\npatterns = 'x'\n", "list of strings"),
        ("table.toml", "markers = 'x'\n", "list of strings"),
        ("bad.txt", "([unclosed\n", "not a valid regular expression"),
    ],
)
def test_bad_marker_files_are_input_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        compile_markers(load_markers(path))


def test_missing_marker_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_markers(tmp_path / "nope.txt")
