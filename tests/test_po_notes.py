"""Tests for transpair.notes: the `#.` note round trip, with its machine-readable cause."""

from hypothesis import given
from hypothesis import strategies as st
from test_safety import cli

from transpair.model import Cause
from transpair.po.notes import Note, format_note, parse_note


@given(
    st.sampled_from(["translated", "fuzzy", "untranslated", "source-only"]),
    st.sampled_from(list(Cause)),
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30).map(str.strip),
)
def test_a_note_reads_back_with_its_cause(status, cause, reason):
    note = Note("1-2", "paragraph", 0.93, status, reason, cause)
    assert parse_note(format_note(note)) == note


def test_the_cause_is_on_the_machine_readable_line():
    text = format_note(Note("1-1", "heading", 0.5, "untranslated", 'placeholder "[TBD]"', Cause.PLACEHOLDER))
    assert text.splitlines() == [
        "transpair: 1-1 heading score=0.50 status=untranslated cause=placeholder",
        'untranslated: placeholder "[TBD]"',
    ]


def test_notes_written_before_causes_take_it_from_the_reason_and_unknown_causes_read_as_none():
    old = "transpair: 1-1 paragraph score=0.90 status=untranslated\nuntranslated: left in English"
    assert parse_note(old).cause == Cause.LEFT_IN_SOURCE
    newer = "transpair: 1-1 paragraph score=0.90 status=untranslated cause=something-new"
    assert parse_note(newer).cause == Cause.NONE


@given(st.text(alphabet="0123456789.-eE+naif ", max_size=12))
def test_a_note_with_any_score_text_reads_as_a_note_or_none_never_an_error(score):
    note = parse_note(f"transpair: 1-1 paragraph score={score} status=translated")
    assert note is None or note.score >= 0


def test_a_msgfmt_valid_note_with_a_malformed_score_is_no_note_and_the_report_goes_on(tmp_path):
    po = tmp_path / "a.po"
    po.write_text(
        '#. transpair: 1-1 paragraph score=1.2.3 status=translated\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8"
    )
    assert parse_note("transpair: 1-1 paragraph score=1.2.3 status=translated") is None
    proc = cli("report", tmp_path, "-f", "csv")
    assert proc.returncode == 0 and proc.stdout.splitlines()[-1].startswith(b"total,,,,1,1,1,"), proc.stderr
