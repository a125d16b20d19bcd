"""The HTML report: self-contained, escaped, and drawn by a real headless Chromium."""

import json
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_fixtures import catalog, entry, outdated_entry

from transpair.report.coverage import Report, article_report, coverage, sort_articles
from transpair.report.html import CSP, to_html

EVIL = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"
GREEN, GREY = (0x2F, 0x9E, 0x44), (0xDE, 0xE2, 0xE6)  # translated and untranslated bar colours


def quarter_report() -> Report:
    """Two articles, one translated 75% by words, one less; a heading and a name hold markup-like text."""
    words = ["one two three four", "five six seven eight", "nine ten eleven twelve", "a b c d"]
    low = [entry(EVIL, "", kind="heading", status="untranslated", reason="missing in target")]
    low += [entry(w, "번역" if i == 0 else "") for i, w in enumerate(words[1:])] + [entry("x y zz", "")]
    high = [entry(w, "" if i == 0 else "번역") for i, w in enumerate(words)]
    return Report((article_report("high.po", catalog(high)), article_report(f"low {EVIL}.po", catalog(low))))


class Tags(HTMLParser):
    """The tag and attribute names of a page, as a browser's parser sees them."""

    def __init__(self):
        super().__init__()
        self.names: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        self.attributes |= {name for name, _ in attrs}


def test_page_is_self_contained_and_escapes_user_text():
    page = to_html(quarter_report(), "words", "coverage")
    assert f'content="{CSP}"' in page
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;img src=x" in page
    tags = Tags()
    tags.feed(page)
    assert "script" not in tags.names and "img" not in tags.names and "link" not in tags.names
    assert not tags.attributes & {"src", "href", "xlink:href", "srcset", "action", "onerror", "onload"}
    for outside in ("@import", "url(http", "<link", "<iframe", "<object", "<embed", "https://"):
        assert outside not in page
    assert page.count("http://") == page.count('xmlns="http://www.w3.org/2000/svg"')  # namespaces, not loads


def test_outdated_articles_are_marked():
    stale = outdated_entry()
    report = Report(
        (*quarter_report().articles, article_report("stale.po", catalog([stale, entry("a", "b")])))
    )
    page = to_html(report, "words", "name")
    assert page.count('<small class="outdated">1 outdated</small>') == 1
    summary = next(part for part in page.split("<details>") if part.startswith("<summary>stale.po"))
    assert "1 outdated" in summary
    assert "<b>1</b><span>outdated: source changed since translated</span>" in page


def find_chromium() -> str:
    """The Chromium binary; skip only where none is installed (CI installs Debian's chromium)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    pytest.skip("no Chromium found (apt-get install chromium)")


def browse(page: Path, tmp: Path, *args: str) -> tuple[str, str, list[str]]:
    """Open a local page headless: (stdout, console messages, URLs the page itself requested)."""
    netlog = tmp / f"{page.stem}.net.json"
    cmd = [
        find_chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        f"--log-net-log={netlog}",
        "--window-size=1200,1000",
        "--hide-scrollbars",
        *args,
        page.as_uri(),
    ]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return run.stdout, console, page_requests(netlog)


def page_requests(netlog: Path) -> list[str]:
    """URLs of requests made on behalf of the page (the browser's own update pings are not the page's)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    jobs = [e.get("params", {}) for e in log["events"] if e["type"] == start]
    return [
        p["url"]
        for p in jobs
        if "url" in p and p.get("initiator") != "not an origin" and not p["url"].startswith("file:")
    ]


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit non-interlaced PNG, as Chromium writes them."""
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytes(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            line[i] = (line[i] + [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]) & 0xFF
        rows.append(bytes(line) if channels == 3 else bytes(v for j, v in enumerate(line) if j % 4 != 3))
        prev = bytes(line)
    return width, height, rows


def paeth(a: int, b: int, c: int) -> int:
    """The PNG Paeth predictor."""
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def runs(row: bytes, colour: tuple[int, int, int], start: int = 0) -> tuple[int, int]:
    """(x, length) of the longest run of `colour` (within 3 per channel) in a row of RGB pixels, from
    start."""
    best, x, n = (0, 0), start, len(row) // 3
    while x < n:
        end = x
        while end < n and all(abs(row[3 * end + k] - colour[k]) <= 3 for k in range(3)):
            end += 1
        best = max(best, (end - x, x)) if end > x else best
        x = end + 1
    return best[1], best[0]


def bar_shares(rows: list[bytes]) -> list[float]:
    """For each drawn bar, top to bottom: green length / (green + grey right after it), at its middle line."""
    lines = [y for y, row in enumerate(rows) if runs(row, GREEN)[1] > 40]
    bars = [[]]
    for y in lines:
        if bars[-1] and y != bars[-1][-1] + 1:
            bars.append([])
        bars[-1].append(y)
    shares = []
    for ys in bars:
        row = rows[ys[len(ys) // 2]]
        x, green = runs(row, GREEN)
        grey = runs(row, GREY, x + green)[1]
        shares.append(green / (green + grey))
    return shares


def test_chromium_draws_the_chart_with_no_console_error_and_no_request(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(to_html(quarter_report(), "words", "coverage"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    _, console, requests = browse(page, tmp_path, f"--screenshot={shot}")
    assert console == [] and requests == []
    width, height, rows = decode_png(shot.read_bytes())
    assert (width, height) == (1200, 1000)
    expected = [
        coverage(a.figures, "words") / 100
        for a in sort_articles(quarter_report().articles, "coverage", "words")
    ]
    assert expected == [0.16, 0.75]
    assert bar_shares(rows) == pytest.approx(
        expected, abs=0.02
    )  # one bar per article (section charts are folded)


def test_the_checks_catch_a_page_that_loads_or_logs(tmp_path):
    """Control: the same checks do see a request and a console message where a page makes them."""
    page = tmp_path / "leaky.html"
    page.write_text('<img src="http://example.invalid/x.png"><script>console.error("boom")</script>', "utf-8")
    _, console, requests = browse(page, tmp_path, "--dump-dom")
    assert any('"boom"' in line for line in console) and requests == ["http://example.invalid/x.png"]


def test_chromium_shows_markup_in_article_text_as_text(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(to_html(quarter_report(), "words", "name"), encoding="utf-8")
    dom, console, _ = browse(page, tmp_path, "--dump-dom")
    assert "<script" not in dom and "<img" not in dom and console == []
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in dom


def test_the_legend_comes_before_the_bars():
    from report_fixtures import catalog, sample_entries

    from transpair.report.coverage import Report, article_report
    from transpair.report.html import to_html

    page = to_html(Report((article_report("a", catalog(sample_entries())),), ()), "words", "coverage")
    articles = page[page.index('id="articles"') :]
    assert articles.index('class="legend"') < articles.index("<svg")


def test_section_titles_show_without_anchors_or_tags():
    from report_fixtures import catalog, entry

    from transpair.report.coverage import Report, article_report
    from transpair.report.html import to_html

    po = catalog(
        [
            entry('Intro <sup class="vt-badge" /> {#intro}', "소개", kind="heading", status="translated"),
            entry("Text.", ""),
        ]
    )
    page = to_html(Report((article_report("a", po),), ()), "words", "coverage")
    assert "Intro" in page and "{#intro}" not in page and "vt-badge" not in page


def test_findings_show_in_the_cards_the_chart_and_the_articles_only_when_checked():
    from dataclasses import replace

    plain = quarter_report()
    checked = Report(tuple(replace(a, findings=n) for a, n in zip(plain.articles, (0, 4))))
    page = to_html(checked, "words", "name")
    assert "<b>4</b><span>findings of transpair check</span>" in page
    assert page.count('<text class="findings"') == 1 and ">⚑ 4</text>" in page
    assert "&gt;.po: 16.0% translated, 4 findings of transpair check</title>" in page  # the name escaped
    assert page.count('<small class="findings">4 findings</small>') == 1 and "⚑ N: findings" in page
    assert "⚑" not in to_html(plain, "words", "name") and "transpair check" not in to_html(
        plain, "words", "name"
    )
