"""Tests for transpair.po.state: one notion of translated, fuzzy, untranslated and obsolete."""

import polib
from hypothesis import given
from hypothesis import strategies as st

from transpair.po.state import complete, first_form, forms, has_text, is_done, msgfmt_state, state


def plural(*texts: str, **extra) -> polib.POEntry:
    """A plural entry with the given forms."""
    return polib.POEntry(msgid="file", msgid_plural="files", msgstr_plural=dict(enumerate(texts)), **extra)


def test_singular_entries():
    assert state(polib.POEntry(msgid="a", msgstr="b")) == "translated"
    assert state(polib.POEntry(msgid="a", msgstr="b", flags=["fuzzy"])) == "fuzzy"
    assert state(polib.POEntry(msgid="a", msgstr="", flags=["fuzzy"])) == "untranslated"
    assert state(polib.POEntry(msgid="a", msgstr="b", obsolete=True)) == "obsolete"
    assert is_done(polib.POEntry(msgid="a", msgstr="b")) and not is_done(None)


def test_a_plural_entry_is_translated_only_when_every_form_is():
    assert state(plural("파일", "파일들")) == "translated" and is_done(plural("파일", "파일들"))
    assert state(plural("파일", "")) == "untranslated" and not is_done(plural("파일", ""))
    assert state(plural("", "x")) == "untranslated"
    assert state(plural("파일", "파일들", flags=["fuzzy"])) == "fuzzy"
    assert first_form(plural("파일", "파일들")) == "파일" and forms(plural("a", "b")) == ["a", "b"]


def test_msgfmt_counts_a_plural_by_its_first_form():
    assert msgfmt_state(plural("파일", "")) == "translated" and has_text(plural("파일", ""))
    assert msgfmt_state(plural("", "x")) == "untranslated" and not has_text(plural("", "x"))


def test_plural_forms_are_read_in_order_of_their_index_whatever_the_key_type():
    entry = polib.POEntry(msgid="f", msgid_plural="fs", msgstr_plural={"1": "b", "0": "a"})
    assert forms(entry) == ["a", "b"] and first_form(entry) == "a"


@given(st.lists(st.sampled_from(["", "x"]), min_size=1, max_size=4), st.booleans())
def test_state_agrees_with_polib_translated_and_fuzzy(texts, fuzzy):
    entry = plural(*texts, flags=["fuzzy"] if fuzzy else [])
    assert (state(entry) == "translated") == entry.translated()
    assert complete(entry) == all(texts)
    assert (state(entry) == "fuzzy") == (fuzzy and all(texts))
