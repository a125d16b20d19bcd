"""Tests for transpair.settle.placeholders: the sections a marker governs, translator's notes."""

from __future__ import annotations

from untranslated_fixtures import EN, KO, TBD, doc

from transpair.read.placeholder_patterns import compile_markers, marker_in
from transpair.settle import placeholders


def test_a_heading_left_in_the_source_language_does_not_end_the_section():
    target = doc(["소개", TBD, "Details of the setup", EN[2]], {0: "heading", 2: "heading"})
    marks = placeholders.governed(target.blocks, compile_markers(), "ko")
    assert sorted(marks) == [1, 2, 3]


def test_marker_with_no_following_text_governs_only_itself():
    target = doc([KO[0], KO[1], TBD])
    assert placeholders.governed(target.blocks, compile_markers(), "ko") == {2: TBD}


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
    assert marker_in("[translation in progress]", compile_markers(()))
