"""Text renderings: terminal table, JSON (Weblate field names), CSV, Markdown."""

import csv
import io
import json
from dataclasses import replace

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import catalog, entry, outdated_entry, sample_entries
from rich.console import Console

from transpair.report.coverage import Report, article_report
from transpair.report.formats import print_table, to_csv, to_json, to_markdown

TRICKY = "Step [TBD] | <script>alert(1)</script>"


def sample_report() -> Report:
    """Two articles: the sample one and a finished one whose heading holds markup-like text."""
    done = article_report(
        "done [b].po",
        catalog(
            [entry(TRICKY, "단계", kind="heading", status="translated"), entry("All done here.", "다 됐다.")]
        ),
    )
    return Report((done, article_report("sample.po", catalog(sample_entries()))), ("x.po: no such file",))


def test_json_has_weblate_fields_per_article_section_and_total():
    data = json.loads(to_json(sample_report(), "words", "coverage"))
    assert [a["name"] for a in data["articles"]] == ["sample.po", "done [b].po"]
    sample = data["articles"][0]
    assert (sample["total"], sample["translated"], sample["fuzzy"], sample["untranslated"]) == (8, 3, 1, 4)
    assert (
        sample["translated_percent"] == 37.5 and sample["placeholder"] == 1 and sample["left_in_source"] == 1
    )
    assert [s["title"] for s in sample["sections"]] == ["", "Getting started", "Details"]
    assert data["total"]["total"] == 10 and data["total"]["translated"] == 5
    assert data["coverage_percent"] == data["total"]["translated_words_percent"]
    assert data["errors"] == ["x.po: no such file"]


def test_csv_has_a_row_per_article_section_and_total():
    rows = list(csv.DictReader(io.StringIO(to_csv(sample_report(), "words", "name"))))
    assert [r["level"] for r in rows] == [
        "article",
        "section",
        "article",
        "section",
        "section",
        "section",
        "total",
    ]
    assert rows[1]["section"] == TRICKY and rows[-1]["total"] == "10"
    assert rows[2]["fuzzy"] == "1" and rows[2]["translated_words_percent"] == "36.4"


def test_markdown_escapes_cells_and_lists_sections_left():
    md = to_markdown(sample_report(), "strings", "coverage")
    assert "## Translation coverage: 50.0% (by strings)" in md
    assert "| sample.po | 37.5% | 3/8 |" in md
    assert "| **Total** | 50.0% | 5/10 |" in md
    assert (
        "<script>" not in md and "Step [TBD] \\| &lt;script&gt;" not in md
    )  # finished sections are not listed
    assert "| sample.po | Getting started | 66.7% | Run it on two files. |" in md
    assert "fuzzy counts as not done" in md


def test_markdown_escapes_a_section_left_to_translate():
    left = article_report(
        "left.po",
        catalog([entry(TRICKY, "", kind="heading", status="untranslated"), entry("Still to do here.", "")]),
    )
    md = to_markdown(Report((left,), ()), "strings", "coverage")
    assert "<script>" not in md
    assert "| left.po | Step \\[TBD\\] \\| &lt;script&gt;alert\\(1\\)&lt;/script&gt; | 0.0% |" in md


def test_table_shows_names_as_text_and_sections_on_request():
    console = Console(file=io.StringIO(), width=160, color_system=None)
    print_table(sample_report(), "words", "coverage", sections=True, console=console)
    out = console.file.getvalue()
    assert out.index("sample.po") < out.index("done [b].po") < out.index("Total")  # not read as rich markup
    assert "§ Getting started" in out and "fuzzy counts as not done" in out


def test_table_fits_an_80_column_terminal_with_big_figures():
    big = catalog([entry(f"{i} " + "word " * 300, "번역" if i % 3 else "") for i in range(40)])
    report = Report((*sample_report().articles, article_report("a-rather-long-name/of/an/article.po", big)))
    console = Console(file=io.StringIO(), width=80, color_system=None)
    print_table(report, "words", "coverage", console=console)
    lines = console.file.getvalue().splitlines()
    header = next(line for line in lines if "Article" in line)
    assert header.split() == [
        "Article",
        "Progress",
        "Done",
        "Strings",
        "Words",
        "Fuzzy",
        "Untr.",
        "TBD",
        "Src",
    ]
    assert max(len(line.rstrip()) for line in lines) <= 80
    total = next(line for line in lines if line.strip().startswith("Total"))
    fig = report.total
    assert total.split()[-6:] == [
        f"{fig.translated.strings}/{fig.total.strings}",
        f"{fig.translated.words}/{fig.total.words}",
        "1",
        "18",
        "1",
        "1",
    ]
    assert fig.total.words > 10000


def test_long_article_names_keep_their_file_name():
    long = "docs/" + "very-long-folder/" * 6 + "guide.po"
    report = Report((article_report(long, catalog(sample_entries())),))
    console = Console(file=io.StringIO(), width=80, color_system=None)
    print_table(report, "words", "coverage", console=console)
    row = next(line for line in console.file.getvalue().splitlines() if "guide.po" in line)
    assert row.lstrip().startswith("…") and "36.4%" in row


def outdated_report() -> Report:
    """The sample report with one article whose source changed since it was translated."""
    stale = outdated_entry()
    changed = article_report("changed.po", catalog([stale, entry("Unchanged.", "그대로.")]))
    return Report((*sample_report().articles, changed))


def test_every_format_counts_outdated_strings():
    data = json.loads(to_json(outdated_report(), "words", "name"))
    assert data["total"]["outdated"] == 1 and data["total"]["outdated_words"] == 4
    assert [(a["name"], a["outdated"]) for a in data["articles"]][0] == ("changed.po", 1)
    rows = list(csv.DictReader(io.StringIO(to_csv(outdated_report(), "words", "name"))))
    assert rows[-1]["outdated"] == "1" and rows[-1]["fuzzy"] == "2"
    md = to_markdown(outdated_report(), "strings", "name")
    assert "| Article | Done | Strings | Words | Fuzzy | Outdated | Untranslated |" in md
    assert "| changed.po | 50.0% | 1/2 | 1/5 | 1 | 1 | 0 | 0 | 0 |" in md


def test_table_shows_the_outdated_column_when_something_is_outdated():
    for report, shown in ((outdated_report(), True), (sample_report(), False)):
        console = Console(file=io.StringIO(), width=120, color_system=None)
        print_table(report, "words", "name", console=console)
        header = next(line for line in console.file.getvalue().splitlines() if "Article" in line)
        assert ("Outd." in header.split()) == shown


def test_long_names_are_cut_to_their_shortest_unique_path_suffix():
    base = "openstack_dashboard/dashboards/project/instances/locale"
    names = [f"{base}/{lang}/LC_MESSAGES/django.po" for lang in ("ko", "ja", "de")] + ["other/notes.po"]
    report = Report(tuple(article_report(name, catalog(sample_entries())) for name in names))
    for width, shown in ((120, "…/{}/LC_MESSAGES/django.po"), (80, "…/{}/…/django.po")):
        console = Console(file=io.StringIO(), width=width, color_system=None)
        print_table(report, "words", "name", console=console)
        text = console.file.getvalue()
        assert all(shown.format(lang) in text for lang in ("ko", "ja", "de")), text
        assert "other/notes.po" in text


def test_unique_suffix_keeps_whole_path_components():
    from transpair.report.formats import unique_suffix

    names = ["a/x/article.md", "b/x/article.md", "c/y/article.md", "d/index.md"]
    assert [unique_suffix(n, names) for n in names] == [
        "a/x/article.md",
        "b/x/article.md",
        "…/y/article.md",
        "…/index.md",
    ]
    assert unique_suffix("solo", ["solo"]) == "solo"


HOSTILE = st.lists(
    st.sampled_from([*"ab =+-@[]()!|<>`*_#\\\t\r\n\x1b\x07\x9b\u202e:/.", "https://t.co/p.png", "![x]("]),
    max_size=20,
).map("".join)


def hostile_report(name: str, title: str) -> Report:
    """One article named `name` whose untranslated heading is `title`, with findings counted."""
    entries = [entry(title or "x", "", kind="heading", status="untranslated"), entry("Still to do.", "")]
    return Report((replace(article_report(name or "x", catalog(entries)), findings=len(title)),), ())


@settings(max_examples=60, deadline=None)
@given(HOSTILE, HOSTILE)
def test_no_format_lets_a_name_or_title_act(name, title):
    report = hostile_report(name, title)
    out = io.StringIO()
    print_table(report, "strings", "coverage", sections=True, console=Console(file=out, width=300))
    assert not regex.search(r"[\p{Cc}--[\n]]|\u202e", out.getvalue(), flags=regex.V1)  # no escape sequence
    md = to_markdown(report, "strings", "coverage")
    assert not regex.search(r"(?<!\\)(?:\\\\)*[\[\]<>]|\x1b", md)  # no live link, image or tag
    for row in csv.reader(io.StringIO(to_csv(report, "strings", "coverage"))):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    assert f"| {len(title)} |" in md and json.loads(to_json(report, "strings", "coverage"))[
        "findings"
    ] == len(title)


def test_findings_column_only_when_the_checks_ran():
    plain = sample_report()
    checked = Report(tuple(replace(a, findings=n) for a, n in zip(plain.articles, (0, 3))), plain.errors)
    for report, shown in ((plain, False), (checked, True)):
        out = io.StringIO()
        print_table(report, "words", "name", console=Console(file=out, width=200))
        lines = out.getvalue().splitlines()
        heads, rows = lines[2].split(), {line.split()[0]: line.split() for line in lines[3:] if line.strip()}
        assert ("Find." in heads) is shown
        if shown:
            assert (rows["sample.po"][-1], rows["Total"][-1], rows["done"][-1]) == ("3", "3", "0")
        md = to_markdown(report, "words", "name")
        assert ("| Findings |" in md) is shown and ("| 3 |" in md.split("**Total**")[1]) is shown
        data = json.loads(to_json(report, "words", "name"))
        assert data["findings"] == (3 if shown else None)
        assert [a["findings"] for a in data["articles"]] == ([0, 3] if shown else [None, None])
        rows = list(csv.DictReader(io.StringIO(to_csv(report, "words", "name"))))
        totals = [(r["level"], r["findings"]) for r in rows if r["level"] != "section"]
        assert totals == (
            [("article", "0"), ("article", "3"), ("total", "3")]
            if shown
            else [("article", ""), ("article", ""), ("total", "")]
        )
