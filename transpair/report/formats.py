"""Text renderings of a coverage report: a rich terminal table, JSON, CSV and Markdown."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Sequence

import regex
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from transpair.report.coverage import (
    ArticleReport,
    Figures,
    Report,
    Section,
    coverage,
    sort_articles,
    stats,
    todo_sections,
)

BAR_WIDTH = 10
LOW, OK = 40.0, 75.0  # OpenStack deletes a translation below 40% and imports it from 75%
UNTITLED = "(before the first heading)"
FORMULA = (
    "Done = translated / total, by source words (or by strings with --by strings); fuzzy counts as not done; "
    "outdated (the source changed since the translation) is fuzzy; placeholders (TBD) and text left in the "
    "source language count as untranslated"
)
TABLE_KEY = (
    "Outd. = outdated: fuzzy because the source changed since the translation. "
    "Untr. = untranslated, of which TBD = placeholders and Src = left in the source language. "
    "Find. = findings of `transpair check`."
)


_CONTROL = regex.compile(r"[\p{Cc}\p{Cf}--[\n\t\u200c\u200d]]", regex.V1)  # ESC, CSI, bidi overrides…
_MD_SPECIAL = regex.compile(r"[\\`*_\[\]()!|#~]")
CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as a formula (OWASP)


def terminal_text(text: str) -> str:
    """Text safe to print on a terminal: control and format characters (escape sequences, bidi overrides)
    shown as `\\xNN` / `\\uNNNN` instead of acted upon."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: control characters escaped as on a terminal, and a string
    starting like a formula given a leading `'`."""
    if not isinstance(value, str):
        return value
    text = terminal_text(value)
    return f"'{text}" if text.startswith(CSV_FORMULA) else text


def level(pct: float) -> str:
    """'low', 'partial', 'good' or 'complete', for colours."""
    if pct >= 100.0:
        return "complete"
    return "good" if pct >= OK else "partial" if pct >= LOW else "low"


COLOURS = {"complete": "bold green", "good": "green", "partial": "yellow", "low": "red"}


def bar(figures: Figures, by: str, width: int = BAR_WIDTH) -> Text:
    """A coloured bar: translated, then fuzzy, then untranslated cells."""
    total = getattr(figures.total, by) or 1
    done = round(width * getattr(figures.translated, by) / total)
    fuzzy = min(round(width * getattr(figures.fuzzy, by) / total), width - done)
    return Text.assemble(
        ("█" * done, "green"), ("▒" * fuzzy, "yellow"), ("░" * (width - done - fuzzy), "red")
    )


FIGURE_COLUMNS = ("Progress", "Done", "Strings", "Words", "Fuzzy", "Outd.", "Untr.", "TBD", "Src", "Find.")


def shown_columns(report: Report) -> tuple[str, ...]:
    """The terminal table's figure columns: Outd. only when something is outdated (an 80-column terminal
    has no room to spare), Find. only when the checks ran."""
    hidden = {"Outd.": not report.total.outdated.strings, "Find.": report.findings is None}
    return tuple(c for c in FIGURE_COLUMNS if not hidden.get(c))


def unique_suffix(name: str, names: Sequence[str]) -> str:
    """The shortest end of a path (whole components) that no other name ends with, `…/`-prefixed when
    cut: three `…/django.po` become `…/ko/LC_MESSAGES/django.po`, `…/ja/LC_MESSAGES/django.po`, ..."""
    parts = name.split("/")
    others = [other.split("/") for other in names if other != name]
    for k in range(1, len(parts)):
        if all(other[-k:] != parts[-k:] for other in others):
            return "…/" + "/".join(parts[-k:])
    return name


def short_name(name: str, names: Sequence[str], room: int) -> str:
    """A name that fits `room` columns and still tells the articles apart: the unique path suffix, then
    with its middle left out (`…/ko/…/django.po`), else its end."""
    if len(name) <= room:
        return name
    suffix = unique_suffix(name, names)
    parts = suffix.split("/")
    if len(suffix) > room and len(parts) > 3:
        suffix = f"…/{parts[1]}/…/{parts[-1]}"
    return suffix if len(suffix) <= room else "…" + suffix[1 - room :]


def table(report: Report, by: str, sort: str, sections: bool = False, width: int = 80) -> Table:
    """The terminal table: one row per article (and its sections on request), then the total.

    The figures keep their full width; the name column gets what is left of `width`: a long article
    name is cut to its shortest unique path suffix, and then keeps its end (the file name); a long
    section title keeps its start.
    """
    rows: list[tuple[str, Figures, str | None, int | None]] = []
    for article in sort_articles(report.articles, sort, by):
        rows.append((article.name, article.figures, None, article.findings))
        for section in article.sections if sections and len(article.sections) > 1 else ():
            rows.append((f"  § {section.title or UNTITLED}", section.figures, "dim", None))
    heads = shown_columns(report)
    keep = [i for i, head in enumerate(FIGURE_COLUMNS) if head in heads]
    every = [
        *(_cells(fig, by, found) for _, fig, _, found in rows),
        _cells(report.total, by, report.findings),
    ]
    cells = [[row[i] for i in keep] for row in every]
    widths = [max(len(head), *(len(row[i]) for row in cells)) for i, head in enumerate(heads)]
    room = max(12, width - sum(widths) - 2 * (len(widths) + 1) - 1)
    tbl = Table(
        title=f"Translation coverage of {len(report.articles)} article(s) by {by}",
        box=box.SIMPLE,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    tbl.add_column("Article", max_width=room, overflow="ellipsis", no_wrap=True)
    for head, size in zip(heads, widths):
        tbl.add_column(head, justify="left" if head == "Progress" else "right", no_wrap=True, min_width=size)
    names = [article.name for article in report.articles]
    for (name, _, style, _), row in zip(rows, cells):
        shown = terminal_text(name if style else short_name(name, names, room))
        tbl.add_row(Text(shown), *row, style=style)  # Text: `[TBD]` in a name is not rich markup
    tbl.add_section()
    tbl.add_row(Text("Total"), *cells[-1], style="bold")
    return tbl


def _cells(figures: Figures, by: str, findings: int | None = None) -> list[Text]:
    """The figure cells of one table row (findings: '' for a row the checks do not count)."""
    pct = coverage(figures, by)
    return [
        bar(figures, by),
        Text(f"{pct:.1f}%", style=COLOURS[level(pct)]),
        *map(Text, figure_cells(figures)),
        Text(findings_cell(findings), style="yellow" if findings else ""),
    ]


def findings_cell(findings: int | None) -> str:
    """A findings count as a cell: '' when the checks did not run."""
    return "" if findings is None else str(findings)


def figure_cells(figures: Figures) -> list[str]:
    """Strings and words done of total, then fuzzy, outdated, untranslated, placeholder and left-in-source
    strings."""
    total = figures.total
    return [
        f"{figures.translated.strings}/{total.strings}",
        f"{figures.translated.words}/{total.words}",
        str(figures.fuzzy.strings),
        str(figures.outdated.strings),
        str(figures.untranslated.strings),
        str(figures.placeholder.strings),
        str(figures.left_in_source.strings),
    ]


def print_table(
    report: Report, by: str, sort: str, sections: bool = False, console: Console | None = None
) -> None:
    """Print the terminal table to stdout (colour only on a terminal)."""
    console = console or Console()
    console.print(table(report, by, sort, sections, console.width))
    console.print(Text(f"{FORMULA}. {TABLE_KEY}", style="dim"))


JSON_SCHEMA = 1  # raised whenever a field of the report JSON changes name or meaning (docs/report.md)


def section_json(section: Section) -> dict:
    """One section's JSON object."""
    return {"title": section.title, "line": section.line, "first_words": section.first_words} | stats(
        section.figures
    )


def article_json(article: ArticleReport) -> dict:
    """One article's JSON object with its sections and its outdated entries (line, cause, old and new
    source, and their word diff in wdiff's `[-removed-]{+added+}`)."""
    return (
        {"name": article.name}
        | stats(article.figures)
        | {"findings": article.findings}
        | {"sections": [section_json(s) for s in article.sections]}
        | {"outdated_paragraphs": [dataclasses.asdict(o) for o in article.outdated]}
    )


def to_json(report: Report, by: str, sort: str) -> str:
    """The report as JSON (schema version first): Weblate's statistics names where a figure means what
    Weblate's means, transpair's own names for the rest, per article, per section and in total."""
    data = {
        "schema": JSON_SCHEMA,
        "formula": FORMULA,
        "by": by,
        "coverage_percent": coverage(report.total, by),
        "total": stats(report.total),
        "findings": report.findings,
        "articles": [article_json(a) for a in sort_articles(report.articles, sort, by)],
        "errors": list(report.errors),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def csv_rows(report: Report, by: str, sort: str) -> list[list]:
    """CSV rows: a header, then per article one row and one per section, then the total."""
    keys = list(stats(Figures()))
    rows: list[list] = [["level", "article", "section", "line", *keys, "findings"]]
    for article in sort_articles(report.articles, sort, by):
        rows.append(["article", article.name, "", "", *stats(article.figures).values(), article.findings])
        rows += [
            ["section", article.name, s.title, s.line or "", *stats(s.figures).values(), None]
            for s in article.sections
        ]
    rows.append(["total", "", "", "", *stats(report.total).values(), report.findings])
    return rows


def to_csv(report: Report, by: str, sort: str) -> str:
    """The report as CSV (one table, `level` says article, section or total)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [csv_cell(c) for c in row] for row in csv_rows(report, by, sort)
    )
    return out.getvalue()


def md_cell(text: str) -> str:
    """Text shown as itself inside a Markdown table cell: one line, no raw HTML, and every character that
    could start a link, an image, emphasis, code or a cell border escaped (a title's `![](…)` is no
    tracking pixel in a pull-request comment)."""
    flat = _MD_SPECIAL.sub(lambda m: "\\" + m.group(), " ".join(terminal_text(text).split()))
    return flat.replace("<", "&lt;").replace(">", "&gt;")


def md_row(cells: Sequence[str]) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(cells) + " |"


def to_markdown(report: Report, by: str, sort: str) -> str:
    """The report as Markdown, for a README or a pull-request comment."""
    pct = coverage(report.total, by)
    lines = [f"## Translation coverage: {pct:.1f}% (by {by})", ""]
    checked = report.findings is not None  # a Findings column only when the checks ran
    heads = [
        "Article",
        "Done",
        "Strings",
        "Words",
        "Fuzzy",
        "Outdated",
        "Untranslated",
        "TBD",
        "Left in source",
    ]
    lines += [md_row(heads + ["Findings"] * checked), md_row(["---", *["---:"] * (len(heads) - 1 + checked)])]
    articles = sort_articles(report.articles, sort, by)
    rows = [(md_cell(a.name), a.figures, a.findings) for a in articles]
    for name, fig, found in [*rows, ("**Total**", report.total, report.findings)]:
        cells = [name, f"{coverage(fig, by):.1f}%", *figure_cells(fig)]
        lines.append(md_row(cells + [findings_cell(found)] * checked))
    todo = todo_sections(articles)
    if todo:
        lines += ["", "### Sections still to translate", ""]
        lines += [
            md_row(["Article", "Section", "Done", "Starts with"]),
            md_row(["---", "---", "---:", "---"]),
        ]
        lines += [
            md_row(
                [
                    md_cell(a.name),
                    md_cell(s.title or UNTITLED),
                    f"{coverage(s.figures, by):.1f}%",
                    md_cell(s.first_words),
                ]
            )
            for a, s in todo
        ]
    return "\n".join([*lines, "", f"_{FORMULA}._", ""])
