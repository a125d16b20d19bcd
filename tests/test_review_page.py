"""The review page model and its HTML: data embedded safely, CSP, doubtful rows, the index page."""

import base64
import hashlib
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.align import corrections
from transpair.check.findings import Finding
from transpair.model import Alignment, Bead, Block, Cause, Document
from transpair.review.page import (
    DOUBTFUL,
    IndexRow,
    doubtful,
    index_row,
    page_data,
    render_index,
    render_page,
    script_json,
)


def doc(texts, path) -> Document:
    return Document(path, "\n\n".join(texts), tuple(Block(t, line=3 * k + 1) for k, t in enumerate(texts)))


def alignment(src=("One.", "Two."), tgt=("하나.", "둘.")) -> Alignment:
    beads = (
        Bead((0,), (0,), 0.91, "translated"),
        Bead((1,), (1,), 0.2, "fuzzy", "low alignment confidence", Cause.LOW_CONFIDENCE),
    )
    return Alignment(doc(src, "dir/a.en.md"), doc(tgt, "dir/a.ko.md"), beads)


def embedded(page: str) -> dict:
    """The JSON the page script reads."""
    found = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


def test_page_data_carries_blocks_beads_and_the_export_format():
    data = page_data(alignment(), "a.corrections.json")
    assert data["source"] == {
        "name": "dir/a.en.md",  # the real pair, as given
        "blocks": [
            {"text": "One.", "line": 1, "kind": "paragraph"},
            {"text": "Two.", "line": 4, "kind": "paragraph"},
        ],
    }
    assert data["beads"][1] == {
        "source": [1],
        "target": [1],
        "status": "fuzzy",
        "score": 0.2,
        "reason": "low alignment confidence",
        "reviewed": False,
    }
    assert data["format"] == corrections.FORMAT and data["corrections_name"] == "a.corrections.json"
    assert set(data["doubtful"]) < set(data["statuses"]) and set(data["symbols"]) > set(data["statuses"])
    assert len(set(data["symbols"].values())) == len(data["symbols"])  # a shape per status, not only a colour
    assert len(set(data["statuses"])) == len(
        data["statuses"]
    )  # each status listed once (the legend, the filter)


def test_doubtful_rows_and_reviewed_ones():
    assert doubtful(Bead((1,), (1,), 0.2, "fuzzy"))
    assert doubtful(Bead((1,), (), 0.9, "source-only"))
    assert not doubtful(Bead((1,), (1,), 0.9, "translated"))
    assert not doubtful(Bead((1,), (1,), 0.9, "untranslated", "left in English"))
    assert not doubtful(Bead((1,), (), 1.0, "source-only", "missing in target; reviewed", reviewed=True))


@given(st.text())
def test_embedded_json_never_closes_the_script_and_reads_back(text):
    safe = script_json({"t": text})
    assert "<" not in safe and ">" not in safe and "&" not in safe
    assert json.loads(safe) == {"t": text}


def test_page_is_self_contained_and_its_policy_allows_exactly_its_script():
    page = render_page(alignment(["</script><script>alert(1)</script>", "Two."]))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert (
        "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert embedded(page)["source"]["blocks"][0]["text"] == "</script><script>alert(1)</script>"
    assert not re.search(r"(src|href)=\"?(https?:)?//", page)  # nothing loads from outside
    assert '"Noto Sans CJK KR"' in page and "Malgun Gothic" in page


def test_index_sorts_by_doubtful_beads_and_escapes_names():
    rows = [
        index_row("b", "b.html", alignment()),
        IndexRow("a<x>", "a<x>.html", 3, 0),
        IndexRow("c", "c.html", 9, 4),
        IndexRow("z", "", error="z.en.md: no such file"),
    ]
    page = render_index(rows)
    names = re.findall(r"<tr><td>(?:<a href=\"([^\"]*)\">)?([^<]*)", page)
    assert [n for _, n in names] == ["c", "b", "a&lt;x&gt;", "z"]
    assert ("a%3Cx%3E.html", "a&lt;x&gt;") in names
    assert rows[0].doubtful == 1 and rows[0].statuses == (("translated", 1), ("fuzzy", 1))
    assert "z.en.md: no such file" in page and "<script" not in page


def test_saved_edits_belong_to_one_alignment_of_one_pair():
    key = page_data(alignment())["key"]
    assert page_data(alignment())["key"] == key
    assert page_data(alignment(tgt=("하나.", "둘!")))["key"] != key
    other = alignment()
    other = Alignment(other.source, other.target, (Bead((0, 1), (0, 1), 1.0, "translated", "reviewed"),))
    assert page_data(other)["key"] != key


def test_nothing_is_doubtful_in_an_article_with_no_translation():
    lone = alignment()
    lone = Alignment(
        lone.source,
        doc([], "a.ko.md"),
        (Bead((0,), (), 1.0, "source-only"), Bead((1,), (), 1.0, "source-only")),
    )
    assert page_data(lone)["doubtful"] == []
    assert index_row("a", "a.html", lone).doubtful == 0
    assert page_data(alignment())["doubtful"] == list(DOUBTFUL)


def finding(message: str, check: str = "code") -> Finding:
    return Finding("a", 0, "One.", check, "error", message, "하나.")


def test_findings_ride_on_their_rows_and_keep_the_saved_edits():
    plain = page_data(alignment())
    data = page_data(alignment(), findings={0: (finding("code span 'x' lost"), finding("space", "spacing"))})
    assert data["beads"][0]["findings"] == [
        {"check": "code", "level": "error", "message": "code span 'x' lost"},
        {"check": "spacing", "level": "error", "message": "space"},
    ]
    assert "findings" not in data["beads"][1] and "findings" not in plain["beads"][0]
    assert data["key"] == plain["key"]  # findings (other check settings) do not drop a reviewer's edits


@settings(max_examples=40, deadline=None)
@given(st.text())
def test_a_hostile_finding_message_stays_data(message):
    page = render_page(alignment(), findings={1: (finding(message),)})
    assert len(re.findall(r"<script[ >]", page)) == 2 and page.count("</script>") == 2
    assert embedded(page)["beads"][1]["findings"][0]["message"] == message


def test_index_counts_the_findings_of_each_article():
    page = render_index([index_row("b", "b.html", alignment(), findings=3), IndexRow("a", "a.html", 2, 0)])
    assert "<th>findings</th>" in page
    assert re.findall(
        r'<td class="num">(\d+)</td><td class="num">(\d+)</td><td class="num">(\d+)</td>', page
    ) == [
        ("1", "3", "2"),
        ("0", "0", "2"),
    ]
