"""Tests for transpair.notes: the `#.` note round trip, with its machine-readable cause."""

from hypothesis import given
from hypothesis import strategies as st

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
