"""The review page: one self-contained HTML file showing an alignment side by side, one row per bead, where a
reviewer filters the doubtful rows, joins, splits, unpairs or pairs them and exports corrections.json.

Everything is inline (CSS, the script, the alignment as JSON); a Content-Security-Policy allows nothing
else, so the page makes no network request. Article text only ever reaches the page as JSON (`<`, `>`
and `&` escaped) and is put into the document with textContent; names in the HTML are html.escape'd.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from html import escape
from importlib.resources import files
from pathlib import Path
from string import Template
from urllib.parse import quote

import polib

from transpair.align import corrections
from transpair.align.beads import beads_json
from transpair.check.findings import Finding
from transpair.history import changes
from transpair.model import OUTDATED, STATUSES, Alignment, Bead, Document
from transpair.po import catalog, file, state
from transpair.review.findings import row_json

DOUBTFUL = ("fuzzy", "source-only", "target-only", OUTDATED)  # rows whose pairing a person should check
SYMBOLS = {  # each status also differs in symbol and label, not only in colour
    "translated": "✓",
    "fuzzy": "≈",
    "untranslated": "✗",
    "source-only": "◀",
    "target-only": "▶",
    OUTDATED: "↻",
    "reviewed": "★",
}
HISTORY_QUOTE = 80  # characters of the previous source quoted in an outdated row's reason
_ASSETS = files("transpair.review") / "assets"
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def doubtful_statuses(alignment: Alignment) -> tuple[str, ...]:
    """The statuses that make a row doubtful; none when one side has no text (there is nothing to pair)."""
    return DOUBTFUL if alignment.source.blocks and alignment.target.blocks else ()


def doubtful(bead: Bead, statuses: tuple[str, ...] = DOUBTFUL) -> bool:
    """True for a bead whose pairing a person should check (and no reviewer has fixed yet)."""
    return bead.status in statuses and not bead.reviewed


def with_history(alignment: Alignment, po: polib.POFile) -> Alignment:
    """Beads whose entry in the article's earlier PO is fuzzy with a previous source (`#| msgid`, left by a
    merge) become outdated: the source changed since the translation was made."""
    changed = {file.entry_key(e): e for e in po if state.state(e) == state.FUZZY and e.previous_msgid}
    entries = iter(catalog.build_catalog(alignment))  # one entry per bead with source text, in order

    def mark(bead: Bead) -> Bead:
        entry = changed.get(file.entry_key(next(entries))) if bead.source else None
        if entry is None:
            return bead
        was = " ".join(entry.previous_msgid.split())
        was = was if len(was) <= HISTORY_QUOTE else was[: HISTORY_QUOTE - 1] + "…"
        reason = f'source changed since the translation (was "{was}")'
        return replace(bead, status=OUTDATED, reason=reason, previous=entry.previous_msgid)

    return replace(alignment, beads=tuple(mark(b) for b in alignment.beads))


def diff_of(bead: Bead, alignment: Alignment) -> dict:
    """`diff`: the word diff old -> new source of a row whose source changed since its translation (as
    [op, text] runs, op `=`, `-` or `+`), for the page to show; nothing for other rows."""
    if not bead.previous or not bead.source:
        return {}
    new = catalog.joined(alignment.source.blocks[i] for i in bead.source)
    return {"diff": [list(run) for run in changes.word_diff(bead.previous, new)]}


def _side(doc: Document) -> dict:
    """One document as the page reads it: its path (the real pair, as given) and its blocks' text, line and
    kind."""
    return {
        "name": doc.path,
        "blocks": [{"text": b.text, "line": b.line, "kind": b.kind} for b in doc.blocks],
    }


def page_data(
    alignment: Alignment,
    corrections_name: str = "corrections.json",
    findings: Mapping[int, Sequence[Finding]] | None = None,
) -> dict:
    """Everything the page script needs: both documents, the beads (with the `check` findings of their
    rows), the statuses and the export format.

    `key` names the page's saved edits in localStorage: a page of other texts or another alignment (e.g.
    made again with the exported corrections) starts afresh."""
    beads = [
        found | {"reviewed": found.get("reviewed", False)} | diff_of(bead, alignment)
        for found, bead in zip(beads_json(alignment)["beads"], alignment.beads)
    ]
    texts = (alignment.source.path, alignment.target.path, alignment.source.text, alignment.target.text)
    key = corrections.text_hash("\x00".join([*texts, json.dumps(beads)]))  # other settings keep the edits
    for row, found in (findings or {}).items():
        beads[row] = beads[row] | {"findings": row_json(found)}
    return {
        "key": key,
        "source": _side(alignment.source),
        "target": _side(alignment.target),
        "source_lang": alignment.source_lang,
        "target_lang": alignment.target_lang,
        "beads": beads,
        "statuses": list(STATUSES),
        "doubtful": list(doubtful_statuses(alignment)),
        "symbols": SYMBOLS,
        "format": corrections.FORMAT,
        "version": corrections.VERSION,
        "corrections_name": corrections_name,
    }


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` that could end it or open a comment."""
    return json.dumps(value, ensure_ascii=False).translate(_JSON_ESCAPES)


def _csp(script: str) -> str:
    """The page's policy: nothing from outside; inline styles, and only this exact script."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
        "base-uri 'none'; form-action 'none'"
    )


def render_page(
    alignment: Alignment,
    corrections_name: str = "corrections.json",
    findings: Mapping[int, Sequence[Finding]] | None = None,
) -> str:
    """The review page of one alignment, with the `check` findings of its rows (by bead index)."""
    script = (_ASSETS / "review.js").read_text(encoding="utf-8")
    return Template((_ASSETS / "page.html").read_text(encoding="utf-8")).substitute(
        lang=escape(alignment.target_lang),
        csp=_csp(script),
        title=escape(f"Review: {Path(alignment.source.path).name}"),
        files=escape(f"{alignment.source.path} → {alignment.target.path}"),
        style=(_ASSETS / "review.css").read_text(encoding="utf-8"),
        source_lang=escape(alignment.source_lang),
        target_lang=escape(alignment.target_lang),
        data=script_json(page_data(alignment, corrections_name, findings)),
        script=script,
    )


@dataclass(frozen=True)
class IndexRow:
    """One article on the index page: its name, its page (relative), bead counts, or the error it raised."""

    name: str
    page: str
    beads: int = 0
    doubtful: int = 0
    statuses: tuple[tuple[str, int], ...] = ()
    error: str = ""
    warnings: tuple[str, ...] = ()  # printed by the command (stale corrections), not shown on the page
    findings: int = 0  # `check` findings on its rows


def index_row(name: str, page: str, alignment: Alignment, findings: int = 0) -> IndexRow:
    """The index entry of an article that was aligned (with the number of findings on its rows)."""
    counts = Counter(b.status for b in alignment.beads)
    return IndexRow(
        name,
        page,
        len(alignment.beads),
        sum(doubtful(b, doubtful_statuses(alignment)) for b in alignment.beads),
        tuple((s, counts[s]) for s in STATUSES if counts[s]),
        warnings=alignment.warnings,
        findings=findings,
    )


INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'"  # the index has no script
INDEX_STYLE = """
body{margin:0;padding:16px;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK KR",
"Apple SD Gothic Neo","Malgun Gothic",sans-serif;color:#1f2328;background:#f6f8fa}
h1{font-size:20px;margin:0 0 12px}table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d0d7de;overflow-wrap:anywhere}
td.num{text-align:right}td.error{color:#cf222e}
"""


def render_index(rows: list[IndexRow], title: str = "transpair review") -> str:
    """The folder's index page: articles sorted by doubtful beads (most first), then name; no script."""
    ordered = sorted(rows, key=lambda r: (-r.doubtful, r.name))
    lines = []
    for row in ordered:
        if row.error:
            lines.append(
                f'<tr><td>{escape(row.name)}</td><td class="error" colspan="4">{escape(row.error)}</td></tr>'
            )
            continue
        link = f'<a href="{escape(quote(row.page))}">{escape(row.name)}</a>'
        statuses = ", ".join(f"{SYMBOLS[s]} {n} {s}" for s, n in row.statuses)
        lines.append(
            f'<tr><td>{link}</td><td class="num">{row.doubtful}</td><td class="num">{row.findings}</td>'
            f'<td class="num">{row.beads}</td>'
            f"<td>{escape(statuses)}</td></tr>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{INDEX_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{INDEX_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n<table>\n<thead><tr><th>article</th><th>doubtful</th><th>findings</th><th>beads</th>"
        "<th>statuses</th></tr></thead>\n<tbody>\n"
        + "\n".join(lines)
        + "\n</tbody>\n</table>\n</body>\n</html>\n"
    )
