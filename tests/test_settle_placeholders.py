"""Tests for transpair.markers: what is a placeholder, the user's patterns, the sections a marker governs."""

from __future__ import annotations

import pytest
from untranslated_fixtures import EN, KO, TBD, doc, one_to_one

from transpair.errors import InputError
from transpair.settle import classify, placeholders


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
    assert placeholders.marker_in(text, placeholders.compile_markers()) == text


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
    assert placeholders.marker_in(text, placeholders.compile_markers()) is None


def test_a_heading_left_in_the_source_language_does_not_end_the_section():
    target = doc(["소개", TBD, "Details of the setup", EN[2]], {0: "heading", 2: "heading"})
    marks = placeholders.governed(target.blocks, placeholders.compile_markers(), "ko")
    assert sorted(marks) == [1, 2, 3]


def test_marker_with_no_following_text_governs_only_itself():
    target = doc([KO[0], KO[1], TBD])
    assert placeholders.governed(target.blocks, placeholders.compile_markers(), "ko") == {2: TBD}


def test_user_marker_patterns(tmp_path):
    toml = tmp_path / ".transpair.toml"
    toml.write_text("[markers]\npatterns = ['^\\[WIP\\]', '미번역 문단']\n", encoding="utf-8")
    plain = tmp_path / "markers.txt"
    plain.write_text("# one per line\n\n^\\[PENDING\\]\n", encoding="utf-8")
    assert placeholders.load_markers(toml) == ("^\\[WIP\\]", "미번역 문단")
    assert placeholders.load_markers(plain) == ("^\\[PENDING\\]",)
    top = tmp_path / "top.toml"
    top.write_text("patterns = ['검토 전']\n", encoding="utf-8")
    assert placeholders.load_markers(top) == ("검토 전",)
    assert placeholders.find_config(tmp_path / "sub") == toml
    assert placeholders.user_markers(tmp_path / "a.md", plain) == (
        "^\\[WIP\\]",
        "미번역 문단",
        "^\\[PENDING\\]",
    )
    alignment = one_to_one(EN[:2], [KO[0], "[PENDING]"])
    assert classify.classify(alignment).beads[1].status == "translated"
    found = classify.classify(alignment, markers=placeholders.load_markers(plain)).beads[1]
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
        placeholders.compile_markers(placeholders.load_markers(path))


def test_missing_marker_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        placeholders.load_markers(tmp_path / "nope.txt")


def test_translators_notes_are_counted_and_found():
    assert (
        placeholders.translator_notes(
            doc(["Note (Translator's note: kept as is).", "(역주: 설명) 그리고 [T/N: x]"])
        )
        == 3
    )
    assert placeholders.has_translator_note("(역주: 리눅스에서는 다릅니다.)")
    assert not placeholders.has_translator_note("A plain (parenthesised) note: none here.")


def test_a_translation_in_progress_line_is_a_marker_and_stays_text_in_markdown(tmp_path):
    from transpair.read.reader import read_document

    page = tmp_path / "a.ko.md"
    page.write_text("# 제목\n\n[translation in progress]\n\n다음 문단입니다.\n", encoding="utf-8")
    texts = [b.text for b in read_document(page).blocks]
    assert "[translation in progress]" in texts
    assert placeholders.marker_in("[translation in progress]", placeholders.compile_markers(()))
