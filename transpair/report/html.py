"""The coverage report as one self-contained HTML page: inline CSS and inline SVG only, no scripts.

A Content-Security-Policy meta tag forbids every load from outside (`default-src 'none'`), so even a
browser that follows a stray reference cannot make a network request. All user text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from transpair.history.changes import word_diff
from transpair.report.badge import badge_svg
from transpair.report.coverage import (
    ArticleReport,
    Figures,
    Report,
    coverage,
    heading_title,
    sort_articles,
    todo_sections,
)
from transpair.report.formats import FORMULA, UNTITLED, level

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
# (figures field, legend label, colour); the untranslated rest is drawn after these
PARTS = (
    ("translated", "translated", "#2f9e44"),
    ("fuzzy", "fuzzy (needs review)", "#f59f00"),
    ("placeholder", "placeholder / TBD", "#9c36b5"),
    ("left_in_source", "left in source language", "#e8590c"),
)
REST = ("untranslated", "#dee2e6")
CHART_W, LABEL_W, BAR_W, ROW_H = 960, 300, 520, 28
LABEL_CHARS = 40

STYLE = """
:root{--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR",sans-serif;
color:var(--ink);background:var(--bg)}
header{background:linear-gradient(135deg,#0b3d2e,#1f6f4a);color:#fff;padding:28px 40px}
header h1{margin:0 0 6px;font-size:26px;font-weight:650}
header p{margin:0;opacity:.85}
.big{font-size:44px;font-weight:700;line-height:1.1;margin:10px 0 4px}
main{max-width:1040px;margin:0 auto;padding:24px 40px 48px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0 0 24px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 16px}
.card b{display:block;font-size:22px;overflow-wrap:anywhere}
.card span{color:var(--muted);font-size:13px}
section.panel{background:#fff;border:1px solid var(--line);border-radius:10px;
padding:18px 22px;margin:0 0 20px}
h2{font-size:18px;margin:0 0 12px}
svg.chart{width:100%;height:auto;display:block}
svg.chart text{font:13px system-ui,-apple-system,"Segoe UI","Noto Sans KR",sans-serif;fill:var(--ink)}
svg.chart text.pct{font-weight:650}
svg.chart text.findings{fill:#9a3412;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin:0 0 10px;color:var(--muted);font-size:13px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;vertical-align:-1px}
details{border-top:1px solid var(--line);padding:8px 0}
summary{cursor:pointer;font-weight:600}
summary small{color:var(--muted);font-weight:400;margin-left:8px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);
vertical-align:top;overflow-wrap:anywhere}
th{color:var(--muted);font-weight:600;white-space:nowrap;overflow-wrap:normal}
td.num{text-align:right;white-space:nowrap}
td.start{color:var(--muted)}
.low{color:#c92a2a}.partial{color:#b07200}.good{color:#2b8a3e}.complete{color:#2b8a3e}
.outdated{color:#b07200;font-weight:600}
.findings{color:#9a3412;font-weight:600}
.changes{padding-left:18px}.changes li{margin:4px 0;overflow-wrap:anywhere}
.where{color:#59636e;font-size:12px}
del{color:#cf222e;background:#ffebe9}ins{color:#116329;background:#dafbe1;text-decoration:none}
.errors{border-color:#ffa8a8;background:#fff5f5}
footer{color:var(--muted);font-size:13px;max-width:1040px;margin:0 auto;padding:0 40px 40px}
"""


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """A label cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def segments(figures: Figures, by: str) -> list[tuple[str, str, int]]:
    """(label, colour, amount) of each stacked-bar part; the plain untranslated rest comes last."""
    parts = [(label, colour, getattr(getattr(figures, name), by)) for name, label, colour in PARTS]
    rest = (
        getattr(figures.untranslated, by)
        - getattr(figures.placeholder, by)
        - getattr(figures.left_in_source, by)
    )
    return [*parts, (REST[0], REST[1], rest)]


def bar_row(y: int, label: str, figures: Figures, by: str, findings: int | None = None) -> str:
    """One chart row: the label, a stacked bar of the parts, the coverage in percent and the findings."""
    total = getattr(figures.total, by)
    pct = coverage(figures, by)
    found = f", {findings} findings of transpair check" if findings is not None else ""
    out = [
        f"<g><title>{escape(label)}: {pct:.1f}% translated{found}</title>",
        f'<text x="0" y="{y + 18}">{escape(short(label) or UNTITLED)}</text>',
        f'<rect x="{LABEL_W}" y="{y + 5}" width="{BAR_W}" height="{ROW_H - 10}" rx="4" fill="{REST[1]}"/>',
    ]
    x = float(LABEL_W)
    for _, colour, amount in segments(figures, by):
        width = BAR_W * amount / total if total else 0
        if width > 0 and colour != REST[1]:
            out.append(
                f'<rect x="{x:.1f}" y="{y + 5}" width="{width:.1f}" height="{ROW_H - 10}" fill="{colour}"/>'
            )
        x += width
    out.append(f'<text class="pct {level(pct)}" x="{LABEL_W + BAR_W + 14}" y="{y + 18}">{pct:.1f}%</text>')
    if findings:
        out.append(f'<text class="findings" x="{LABEL_W + BAR_W + 74}" y="{y + 18}">⚑ {findings}</text>')
    return "".join(out) + "</g>"


def bar_chart(
    rows: Sequence[tuple[str, Figures]], by: str, title: str, findings: Sequence[int | None] = ()
) -> str:
    """A horizontal stacked bar chart, one row per (label, figures), with each row's findings if given."""
    height = ROW_H * len(rows) + 4
    found = findings or [None] * len(rows)
    body = "".join(
        bar_row(i * ROW_H, label, fig, by, n) for i, ((label, fig), n) in enumerate(zip(rows, found))
    )
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_W} {height}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>{body}</svg>'
    )


def legend(checked: bool = False) -> str:
    """The colour legend of the charts (and the findings mark when the checks ran)."""
    items = [(label, colour) for _, label, colour in PARTS] + [REST]
    mark = '<span class="findings">⚑ N: findings of transpair check</span>' if checked else ""
    return (
        '<div class="legend">'
        + "".join(f'<span><i style="background:{c}"></i>{escape(t)}</span>' for t, c in items)
        + mark
        + "</div>"
    )


def cards(figures: Figures, findings: int | None = None) -> str:
    """The summary figures as cards (findings: when the checks ran)."""
    total = figures.total
    items = [
        (f"{figures.translated.strings:,}", f"of {total.strings:,} strings translated"),
        (f"{figures.translated.words:,}", f"of {total.words:,} source words translated"),
        (str(figures.fuzzy.strings), "fuzzy strings (not done)"),
        (str(figures.outdated.strings), "outdated: source changed since translated"),
        (str(figures.untranslated.strings), "untranslated strings"),
        (str(figures.placeholder.strings), "placeholders / TBD"),
        (str(figures.left_in_source.strings), "left in source language"),
    ]
    if findings is not None:
        items.append((str(findings), "findings of transpair check"))
    return (
        '<div class="cards">'
        + "".join(f'<div class="card"><b>{v}</b><span>{t}</span></div>' for v, t in items)
        + "</div>"
    )


def outdated_mark(figures: Figures) -> str:
    """The mark of an article with outdated strings (its source changed since it was translated)."""
    count = figures.outdated.strings
    return f'<small class="outdated">{count} outdated</small>' if count else ""


def findings_mark(findings: int | None) -> str:
    """The mark of an article on which `transpair check` finds something."""
    return f'<small class="findings">{findings} findings</small>' if findings else ""


def article_details(article: ArticleReport, by: str) -> str:
    """A collapsible block with the article's per-section chart."""
    pct = coverage(article.figures, by)
    rows = [(heading_title(s.title), s.figures) for s in article.sections]
    return (
        f'<details><summary>{escape(article.name)}<small class="{level(pct)}">{pct:.1f}%</small>'
        f"<small>{len(article.sections)} sections</small>{outdated_mark(article.figures)}"
        f"{findings_mark(article.findings)}</summary>"
        f"{bar_chart(rows, by, f'Coverage per section of {article.name}')}{outdated_list(article)}</details>"
    )


def diff_html(old: str, new: str) -> str:
    """The word diff old -> new source: removed words in <del>, added ones in <ins>."""
    tags = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    return "".join(tags[op].format(escape(text)) for op, text in word_diff(old, new))


def outdated_list(article: ArticleReport) -> str:
    """The article's outdated paragraphs (source line, cause) with what changed in the source."""
    if not article.outdated:
        return ""
    items = "".join(
        f'<li><span class="where">line {o.line} · {escape(o.cause)}</span> '
        f'<span class="diff">{diff_html(o.old, o.new)}</span></li>'
        for o in article.outdated
    )
    return f'<h3>Changed in the source since translated</h3><ul class="changes">{items}</ul>'


def todo_table(articles: Sequence[ArticleReport], by: str) -> str:
    """The sections that still have work, with their first untranslated words."""
    todo = todo_sections(articles)
    if not todo:
        return "<p>Nothing left to translate.</p>"
    rows = "".join(
        f"<tr><td>{escape(a.name)}</td><td>{escape(heading_title(s.title) or UNTITLED)}</td>"
        f'<td class="num">{s.line or ""}</td>'
        f'<td class="num {level(coverage(s.figures, by))}">{coverage(s.figures, by):.1f}%</td>'
        f'<td class="num">{s.figures.total.words - s.figures.translated.words}</td>'
        f'<td class="start">{escape(s.first_words)}</td></tr>'
        for a, s in todo
    )
    names = ("Article", "Section", "Line", "Done", "Words left", "Starts with")
    head = "<tr>" + "".join(f"<th>{n}</th>" for n in names) + "</tr>"
    return f"<table>{head}{rows}</table>"


def errors_panel(errors: Sequence[str]) -> str:
    """The inputs that could not be read, if any."""
    if not errors:
        return ""
    items = "".join(f"<li>{escape(e)}</li>" for e in errors)
    return f'<section class="panel errors"><h2>Inputs not reported</h2><ul>{items}</ul></section>'


def to_html(report: Report, by: str, sort: str, title: str = "Translation coverage") -> str:
    """The whole page."""
    articles = sort_articles(report.articles, sort, by)
    pct = coverage(report.total, by)
    chart = bar_chart(
        [(a.name, a.figures) for a in articles], by, "Coverage per article", [a.findings for a in articles]
    )
    order = "least translated first" if sort == "coverage" else "by name"
    details = "".join(article_details(a, by) for a in articles)
    key = legend(report.findings is not None)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title><style>{STYLE}</style></head>
<body><header><h1>{escape(title)}</h1>
<div class="big">{pct:.1f}%</div>
<p>translated by {by} over {len(articles)} article(s) {badge_svg(pct)}</p></header>
<main>{cards(report.total, report.findings)}{errors_panel(report.errors)}
<section class="panel" id="articles"><h2>Articles ({order})</h2>{key}{chart}</section>
<section class="panel" id="sections"><h2>Sections per article</h2>{details}</section>
<section class="panel" id="todo"><h2>Still to translate</h2>{todo_table(articles, by)}</section>
</main><footer>{escape(FORMULA)}. Words are counted per language: English words, Korean eojeol
(space-separated), each CJK character as one word.</footer></body></html>
"""
