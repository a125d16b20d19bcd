"""Kinds of change between an old and a new source paragraph, ports into the translation, word diffs."""

from hypothesis import given
from hypothesis import strategies as st

from transpair.history import changes
from transpair.history.changes import Change


def kind(old: str, new: str, translation: str = "") -> changes.Verdict:
    return changes.classify_change(old, new, translation)


def test_spacing_punctuation_quotes_emphasis_case_and_heading_ids_are_cosmetic():
    for old, new in [
        ('He said "bar', 'He said "bar"'),
        ("_Do_ use it.", "✅ **Do** use it."),
        ("Run  it\nnow.", "Run it now."),
        ("## Setup {#setup}", "## Setup {#set-up}"),
        ("Built-in constants", "Built-in Constants"),
        ("It fails with `x`. You can fix it.", "It fails with `x`, you can fix it."),
    ]:
        assert kind(old, new) == changes.Verdict(Change.COSMETIC), (old, new)


def test_a_link_target_found_in_the_translation_is_ported():
    verdict = kind(
        "See [the guide](/guide/a) now.", "See [the guide](/guide/b) now.", "[가이드](/guide/a)를 보세요."
    )
    assert verdict == changes.Verdict(Change.MARKUP, (("](/guide/a)", "](/guide/b)"),))
    assert (
        changes.apply_ports("[가이드](/guide/a)를 보세요.", verdict.ported) == "[가이드](/guide/b)를 보세요."
    )


def test_code_urls_and_numbers_are_ported_where_they_stand_alone():
    assert kind("Run `npm i`.", "Run `pnpm i`.", "`npm i`를 실행").ported == (("`npm i`", "`pnpm i`"),)
    verdict = kind("Node 18 or later.", "Node 20 or later.", "Node 18 이상 (2018년 이후 아님)")
    assert verdict.ported == (("18", "20"),)
    assert changes.apply_ports("Node 18 이상, 118 아님", verdict.ported) == "Node 20 이상, 118 아님"
    url = kind("At https://a.org/v1 now.", "At https://a.org/v2 now.", "https://a.org/v1 에서")
    assert url.ported == (("https://a.org/v1", "https://a.org/v2"),)


def test_a_change_the_translation_does_not_hold_verbatim_is_markup_not_ported():
    verdict = kind(
        "See [the guide](/guide/a).", "See [the guide](/guide/b).", "[가이드](/ko/guide/a)를 보세요."
    )
    assert verdict == changes.Verdict(Change.MARKUP)
    added_link = kind(
        "Using the `files` property", "Using the [`files`](/tsconfig#files) property", "`files`"
    )
    assert added_link == changes.Verdict(Change.MARKUP)


def test_changed_words_are_wording():
    assert kind("Run it now.", "Run it later today.", "지금") == changes.Verdict(Change.WORDING)
    assert kind("Node 18 is needed.", "Node 20 is required.", "Node 18") == changes.Verdict(Change.WORDING)
    assert kind("Same.", "Same.") == changes.Verdict(Change.UNCHANGED)


def test_the_word_diff_reads_as_wdiff():
    assert changes.diff_text("Run it now.", "Run it later today.") == "Run it [-now.-]{+later today.+}"
    record = changes.outdated_paragraph(7, "outdated", "A b c.", "A x c.")
    assert record.diff == "A [-b-]{+x+} c." and record.line == 7


TEXT = st.text(alphabet=st.sampled_from(list("ab `*[]()/#\n.\"'1")), max_size=40)


@given(TEXT, TEXT)
def test_the_diff_holds_both_texts(old, new):
    runs = changes.word_diff(old, new)
    assert "".join(t for op, t in runs if op != "+") == old
    assert "".join(t for op, t in runs if op != "-") == new


@given(TEXT, TEXT, TEXT)
def test_a_port_brings_the_old_spans_to_the_new_ones(old, new, translation):
    verdict = kind(old, new, translation)
    if verdict.ported:
        assert verdict.change == Change.MARKUP
        ported = changes.apply_ports(translation, verdict.ported)
        assert all(changes.occurrences(b, ported) >= 1 for _, b in verdict.ported)
    if old == new:
        assert verdict.change == Change.UNCHANGED
