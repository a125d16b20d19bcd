"""Coverage figures: categories as msgfmt counts them, placeholders, sections, percentages, gates."""

import polib
from hypothesis import given
from hypothesis import strategies as st
from report_fixtures import catalog, entry, sample_entries

from transpair.model import Cause
from transpair.report.coverage import (
    Figures,
    Tally,
    article_report,
    below,
    category,
    coverage,
    percent,
    sort_articles,
    stats,
)


def test_categories_follow_msgfmt():
    assert category(entry("a", "b")) == "translated"
    assert category(entry("a", "b", fuzzy=True)) == "fuzzy"
    assert category(entry("a", "", fuzzy=True)) == "untranslated"
    assert category(entry("a", "")) == "untranslated"
    plural = polib.POEntry(msgid="file", msgid_plural="files", msgstr_plural={0: "파일", 1: ""})
    assert category(plural) == "translated"
    plural_empty = polib.POEntry(msgid="file", msgid_plural="files", msgstr_plural={0: "", 1: "x"})
    assert category(plural_empty) == "untranslated"


def test_a_placeholder_msgstr_is_untranslated_but_a_translated_marker_is_not():
    for marker in ("[TBD - to be translated later, sorry]", "번역 예정", "TODO: translate"):
        fig = article_report("a", catalog([entry("A whole paragraph of English text.", marker)])).figures
        assert fig.untranslated.strings == 1 and fig.placeholder.strings == 1, marker
    same = article_report("a", catalog([entry("[TBD]", "[TBD]"), entry("TBD: a list", "미정: 목록")])).figures
    assert same.translated.strings == 2


def test_article_figures_count_placeholders_as_untranslated_subsets():
    fig = article_report("a", catalog(sample_entries())).figures
    assert (fig.translated.strings, fig.fuzzy.strings, fig.untranslated.strings) == (3, 1, 4)
    assert fig.placeholder.strings == 1 and fig.left_in_source.strings == 1
    assert fig.placeholder.words == 5 and fig.left_in_source.words == 6
    assert fig.total.strings == 8  # no header, no obsolete entry


def test_a_section_left_under_a_marker_in_a_lone_file_counts_as_placeholder():
    left = entry("2015년 초, 스터디에 참여하였다.", status="source-only", reason='placeholder "[TBD]"')
    missing = entry("Also, I organized a study.", status="source-only", reason="missing in target")
    fig = article_report("a", catalog([left, missing])).figures
    assert fig.untranslated.strings == 2 and fig.placeholder.strings == 1


def test_a_filled_in_entry_counts_as_translated_whatever_its_old_note_says():
    done = entry("Later translated", "나중에 번역함", status="untranslated", reason='placeholder "[TBD]"')
    fig = article_report("a", catalog([done])).figures
    assert fig.translated.strings == 1 and fig.placeholder.strings == 0


def test_sections_start_at_headings():
    sections = article_report("a", catalog(sample_entries())).sections
    assert [s.title for s in sections] == ["", "Getting started", "Details"]
    assert [s.line for s in sections] == [1, 3, 9]
    assert [s.figures.total.strings for s in sections] == [1, 3, 4]
    assert sections[0].first_words == ""
    assert sections[1].first_words == "Run it on two files."
    assert sections[2].first_words == "Details"


def test_first_words_are_cut():
    long = " ".join(f"w{i}" for i in range(30))
    section = article_report("a", catalog([entry(long)])).sections[0]
    assert section.first_words.endswith(" …") and len(section.first_words.split()) == 13


def test_percent_has_one_decimal_and_never_rounds_to_done_or_nothing():
    assert percent(1, 3) == 33.3 and percent(2, 3) == 66.7 and percent(1, 8) == 12.5
    assert percent(1999, 2000) == 99.9 and percent(1, 2000) == 0.1
    assert percent(0, 0) == 0.0 and percent(0, 0, empty=100.0) == 100.0


def test_gate_uses_the_exact_share_not_the_rounded_one():
    fig = Figures(translated=Tally(2999, 2999), untranslated=Tally(1001, 1001))
    assert coverage(fig, "strings") == 75.0
    assert below(fig, 75, "strings") and not below(fig, 74.9, "strings")


def test_coverage_by_words_and_by_strings_differ():
    fig = Figures(translated=Tally(1, 9), untranslated=Tally(1, 1))
    assert coverage(fig, "words") == 90.0 and coverage(fig, "strings") == 50.0


def test_sort_least_translated_first_or_by_name():
    low = article_report("b", catalog([entry("x"), entry("y", "와이")]))
    high = article_report("a", catalog([entry("x", "엑스")]))
    assert [a.name for a in sort_articles([high, low], "coverage", "words")] == ["b", "a"]
    assert [a.name for a in sort_articles([low, high], "name", "words")] == ["a", "b"]


def test_stats_uses_weblate_field_names():
    data = stats(article_report("a", catalog(sample_entries())).figures)
    for key in (
        "total",
        "translated",
        "translated_percent",
        "fuzzy",
        "fuzzy_percent",
        "untranslated",
        "total_words",
        "translated_words",
        "translated_words_percent",
        "fuzzy_words",
        "untranslated_words",
    ):
        assert key in data
    assert data["translated_percent"] == 37.5 and data["placeholder"] == 1 and data["left_in_source"] == 1


def test_outdated_entries_are_fuzzy_and_counted_on_their_own():
    stale = entry(
        "They both equal 5.",
        "둘 다 3입니다.",
        status="outdated",
        cause=Cause.OUTDATED,
        reason="source changed since 3f2a1c9 (2025-02-24)",
        fuzzy=True,
    )
    merged = entry("Run it twice.", "두 번 실행합니다.", fuzzy=True, previous_msgid="Run it once.")
    reviewed = entry(
        "Run it three times.", "세 번 실행합니다.", status="outdated", cause=Cause.OUTDATED
    )  # fuzzy flag removed: done
    fig = article_report(
        "a", catalog([stale, merged, reviewed, entry("Plain fuzzy.", "애매함", fuzzy=True)])
    ).figures
    assert (fig.fuzzy.strings, fig.outdated.strings, fig.outdated.words) == (3, 2, 7)
    assert fig.translated.strings == 1 and coverage(fig, "strings") == 25.0
    assert below(fig, 30.0, "strings")
    data = stats(fig)
    assert (data["outdated"], data["outdated_words"]) == (2, 7)


kinds = st.sampled_from(["t", "f", "u", "p", "l", "h", "o"])


def make(kind: str, i: int) -> polib.POEntry:
    """A generated entry of one kind (h = translated heading)."""
    text = f"text number {i} " * (i % 4 + 1)
    return {
        "t": entry(text, "번역"),
        "f": entry(text, "번역", fuzzy=True),
        "u": entry(text),
        "p": entry(text, status="untranslated", reason='placeholder "TBD"'),
        "l": entry(text, status="untranslated", reason="left in English"),
        "h": entry(text, "제목", kind="heading", status="translated"),
        "o": entry(
            text,
            "번역",
            status="outdated",
            cause=Cause.OUTDATED,
            reason="source changed since 3f2a1c9 (2025-02-24)",
            fuzzy=True,
        ),
    }[kind]


@given(st.lists(kinds, max_size=30))
def test_parts_add_up(seq):
    article = article_report("a", catalog([make(k, i) for i, k in enumerate(seq)]))
    fig = article.figures
    assert fig.total.strings == len(seq)
    assert fig.placeholder.strings == seq.count("p") and fig.left_in_source.strings == seq.count("l")
    assert fig.untranslated.strings == seq.count("u") + seq.count("p") + seq.count("l")
    assert fig.outdated.strings == seq.count("o") and fig.fuzzy.strings == seq.count("f") + seq.count("o")
    assert sum((s.figures for s in article.sections), Figures()) == fig
    assert len(article.sections) == (seq.count("h") + (not seq or seq[0] != "h") if seq else 0)


def test_section_titles_drop_anchors_and_inline_tags():
    from transpair.report.coverage import heading_title

    assert heading_title("Reactivity Fundamentals {#reactivity-fundamentals}") == "Reactivity Fundamentals"
    assert heading_title('`app.use()` <sup class="vt-badge" data-text="3.3+" />') == "`app.use()`"
    assert heading_title("Fish &amp; <em>chips</em>") == "Fish & chips"
    assert heading_title("{#only-an-anchor}") == "{#only-an-anchor}"
