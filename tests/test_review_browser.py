"""The review page driven in headless Chromium (Debian's, as CI installs it): rows, filter, keyboard, edits
and their export, escaping, no network, no console errors, layout at desktop and phone widths."""

import json
import shutil
from pathlib import Path

import pytest
from conftest import dev_data
from playwright.sync_api import expect

from transpair.align import corrections, evaluate
from transpair.model import Alignment, Bead, Block, Cause, Document
from transpair.read import reader
from transpair.review import page
from transpair.settle import classify

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module; skipped only where Chromium is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (CI installs it from Debian)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


class Opened:
    """A page opened from a file, with every console message, page error and request it made."""

    def __init__(self, browser, path: Path, width: int = 1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
        self.page = self.context.new_page()
        self.url = path.resolve().as_uri()
        self.console, self.requests = [], []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"error: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url)

    def rows(self):
        """The bead rows (not the column heads)."""
        return self.page.locator("#rows .row")

    def visible_rows(self) -> int:
        return self.page.evaluate(
            "[...document.querySelectorAll('#rows .row')].filter(r => r.offsetParent).length"
        )

    def click(self, row: int, action: str):
        self.rows().nth(row).locator(f"button[data-action={action}]").click()

    def exported(self) -> dict:
        """Click 'export corrections' and read the downloaded file."""
        with self.page.expect_download() as info:
            self.page.click("#export")
        return json.loads(Path(info.value.path()).read_text(encoding="utf-8"))

    def quiet(self) -> bool:
        """No console output or page error, and no request but the page itself."""
        return not self.console and set(self.requests) <= {self.url}


def doc(texts, path) -> Document:
    return Document(path, "\n\n".join(texts), tuple(Block(t, line=2 * k + 1) for k, t in enumerate(texts)))


def small_alignment() -> Alignment:
    """Five English and five Korean blocks: a 2-1, a fuzzy 1-1, a source-only, a 1-2 and a target-only."""
    source = doc(["Title", "First para.", "Second.", "Dropped one.", "Last one."], "post.en.md")
    target = doc(["제목 첫 문단.", "둘째.", "마지막", "하나.", "역주: 추가."], "post.ko.md")
    beads = (
        Bead((0, 1), (0,), 0.9, "translated"),
        Bead((2,), (1,), 0.3, "fuzzy", "low alignment confidence", Cause.LOW_CONFIDENCE),
        Bead((3,), (), 0.8, "source-only", "missing in target"),
        Bead((4,), (2, 3), 0.7, "translated"),
        Bead((), (4,), 0.6, "target-only"),
    )
    return Alignment(source, target, beads)


def write_page(tmp_path, alignment, name="review.html") -> Path:
    path = tmp_path / name
    path.write_text(page.render_page(alignment), encoding="utf-8")
    return path


def expected(alignment, beads) -> dict:
    """The corrections.json the page should export for these edited beads."""
    fixed = [corrections.fixed_of(b, alignment.source, alignment.target) for b in beads]
    return corrections.corrections_json(fixed, alignment.source, alignment.target)


def test_rows_filter_and_keyboard(browser, tmp_path):
    alignment = small_alignment()
    opened = Opened(browser, write_page(tmp_path, alignment))
    assert opened.rows().count() == len(alignment.beads)
    assert opened.page.locator("#counts").inner_text().startswith("5 beads")
    opened.page.check("#only-doubtful")
    assert opened.visible_rows() == sum(page.doubtful(b) for b in alignment.beads) == 3
    opened.page.uncheck("#only-doubtful")
    assert opened.visible_rows() == 5
    current = "document.querySelector('#rows .row.current').dataset.index"
    for key, row in (("j", "1"), ("j", "2"), ("n", "4"), ("j", "1"), ("k", "4"), ("p", "2")):
        opened.page.keyboard.press(key)
        assert opened.page.evaluate(current) == row
    opened.page.keyboard.press("f")
    assert opened.visible_rows() == 3
    assert opened.quiet(), (opened.console, opened.requests)


def test_join_split_unpair_and_pair_export_the_expected_corrections(browser, tmp_path):
    alignment = small_alignment()
    opened = Opened(browser, write_page(tmp_path, alignment))
    opened.click(1, "join")  # the fuzzy 1-1 with the source-only after it: a 2-1
    opened.click(0, "split")  # the 2-1 title + paragraph: 1-1 and 1-0
    opened.click(3, "unpair")  # the 1-2 (rows now: 1-1, 1-0, 2-1, 1-2, 0-1): 1-0, 0-1, 0-1
    assert opened.rows().count() == 7
    opened.click(1, "join")  # 'First para.', left alone by the split, joins the 2-1 after it: a 3-1
    found = opened.exported()
    assert found == expected(
        alignment,
        [
            Bead((0,), (0,), 1),
            Bead((1, 2, 3), (1,), 1),
            Bead((4,), (), 1),
            Bead((), (2,), 1),
            Bead((), (3,), 1),
        ],
    )
    assert opened.quiet(), (opened.console, opened.requests)


def test_pairing_two_unpaired_neighbours_and_edits_survive_a_reload(browser, tmp_path):
    alignment = small_alignment()
    opened = Opened(browser, write_page(tmp_path, alignment))
    opened.click(3, "unpair")  # 1-2 -> [4]-[], []-[2], []-[3]
    assert opened.rows().nth(3).locator("button[data-action=join]").inner_text() == "pair with next"
    opened.click(3, "join")  # [4]-[2]
    opened.click(1, "confirm")  # the fuzzy 1-1 is right after all: no longer doubtful
    assert opened.page.locator("#counts").inner_text().endswith("2 doubtful")
    opened.page.reload()
    expect(opened.rows()).to_have_count(6)  # waits for the page to redraw the saved edits
    found = opened.exported()
    assert found == expected(alignment, [Bead((2,), (1,), 1), Bead((4,), (2,), 1), Bead((), (3,), 1)])
    assert opened.page.locator("#undo").is_disabled()  # the undo history is per visit
    opened.page.click("#reset")
    expect(opened.rows()).to_have_count(5)
    assert opened.exported()["beads"] == []
    assert opened.quiet(), (opened.console, opened.requests)


def test_markup_in_article_text_is_shown_as_text(browser, tmp_path):
    hostile = ["<script>window.pwned = 1</script>", '</script><img src="x" onerror="window.pwned = 2">']
    source = doc(hostile, "<b>evil<i>&amp;.en.md")
    target = doc(["<!-- 번역 --> <style>body{display:none}</style>", "&lt;그대로&gt; </textarea>"], "t.ko.md")
    alignment = Alignment(
        source, target, (Bead((0,), (0,), 0.9, "translated"), Bead((1,), (1,), 0.9, "translated"))
    )
    opened = Opened(browser, write_page(tmp_path, alignment))
    assert opened.page.evaluate("window.pwned") is None
    texts = opened.page.locator("#rows .block").all_inner_texts()
    assert texts == [hostile[0], target.blocks[0].text, hostile[1], target.blocks[1].text]
    assert opened.page.locator("h1").inner_text() == "Review: <b>evil<i>&amp;.en.md"
    assert opened.page.locator("img, style:not(head style)").count() == 0
    assert opened.quiet(), (opened.console, opened.requests)


def korean_alignment(name="guide-essentials-watchers") -> Alignment:
    """A real Vue documentation page and its Korean translation with the gold beads (long code lines)."""
    gold = next(d for d in evaluate.load_gold(dev_data() / "vuedocs-ko") if d.name == name)
    source, target = reader.read_document(gold.source), reader.read_document(gold.target)
    beads = tuple(Bead(s, t, 1.0) for s, t in gold.beads)
    return classify.classify(Alignment(source, target, beads))


@pytest.mark.parametrize("width", [1280, 390])
def test_korean_article_fits_the_width(browser, tmp_path, width):
    alignment = korean_alignment()
    opened = Opened(browser, write_page(tmp_path, alignment), width)
    assert opened.rows().count() == len(alignment.beads)
    opened.page.screenshot(path=str(tmp_path / f"review-{width}.png"), full_page=True)
    assert opened.page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    widest = "Math.max(...[...document.querySelectorAll('.row')].map(r => r.getBoundingClientRect().right))"
    assert opened.page.evaluate(widest) <= width
    assert opened.quiet(), (opened.console, opened.requests)


def test_a_pair_changed_in_the_page_wins_the_merge_with_history_on(browser, tmp_path, runner):
    """The team's review loop on two clones: align (history on), review, join two rows in the page, export,
    align again with the corrections into the same PO: the reviewer's pair is the msgstr, not fuzzy, and
    what history found (outdated, new in source) stays."""
    from git_repos import ADDED, two_repos

    from transpair.cli.app import app
    from transpair.po.file import read_po

    english, korean, _ = two_repos(tmp_path)
    po, html = tmp_path / "appetite.po", tmp_path / "appetite.html"
    fake = ["--similarity", "fake_similarity:BagOfWords"]
    assert runner.invoke(app, ["align", str(english), str(korean), "-o", str(po), *fake]).exit_code == 0
    assert runner.invoke(app, ["review", str(english), str(korean), "-o", str(html), *fake]).exit_code == 0
    before = {e.msgid: e for e in read_po(po) if not e.obsolete}
    opened = Opened(browser, html)
    opened.click(1, "join")  # the second and third paragraphs become one 2-2 pair
    with opened.page.expect_download() as info:
        opened.page.click("#export")
    assert info.value.suggested_filename == "appetite.corrections.json"
    fixes = tmp_path / info.value.suggested_filename
    info.value.save_as(fixes)
    exported = json.loads(fixes.read_text(encoding="utf-8"))
    assert (exported["source"], exported["target"]) == (str(english), str(korean))
    args = ["align", str(english), str(korean), "-o", str(po), "--corrections", str(fixes), *fake]
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert "source as of" in again.stderr.splitlines()[0]  # history stays on with --corrections
    src, tgt = reader.read_document(english), reader.read_document(korean)
    (bead,) = exported["beads"]
    msgid = "\n\n".join(src.blocks[i].text for i in bead["source"])
    entries = {e.msgid: e for e in read_po(po) if not e.obsolete}
    assert len(bead["source"]) == 2 and entries[msgid].msgstr == "\n\n".join(
        tgt.blocks[j].text for j in bead["target"]
    )
    assert "fuzzy" not in entries[msgid].flags and "reviewed" in entries[msgid].comment
    assert "cause=new-in-source" in entries[ADDED].comment
    kept = {k: (e.msgstr, e.flags, e.previous_msgid) for k, e in before.items() if k in entries}
    assert kept == {k: (entries[k].msgstr, entries[k].flags, entries[k].previous_msgid) for k in kept}
    assert len(kept) == len(before) - 2  # all but the two paragraphs the reviewer joined


def test_an_outdated_row_shows_the_word_diff_of_its_source(browser, tmp_path):
    source = doc(["Title", "Run it later today, with <care>."], "post.en.md")
    target = doc(["제목", "지금 실행하세요."], "post.ko.md")
    beads = (
        Bead((0,), (0,), 0.9, "translated"),
        Bead(
            (1,), (1,), 0.9, "outdated", "source changed", Cause.OUTDATED, previous="Run it now, with <care>."
        ),
    )
    opened = Opened(browser, write_page(tmp_path, Alignment(source, target, beads)))
    rows = opened.rows()
    assert rows.nth(0).locator(".diff").count() == 0
    diff = rows.nth(1).locator(".diff")
    assert diff.inner_text() == "Run it now,later today, with <care>."
    assert diff.locator("del").all_inner_texts() == ["now,"]
    assert diff.locator("ins").all_inner_texts() == ["later today,"]
    struck = diff.locator("del").evaluate("e => getComputedStyle(e).textDecorationLine")
    assert struck == "line-through" and diff.is_visible()
    opened.page.screenshot(path=str(tmp_path / "diff.png"))
    assert opened.quiet(), (opened.console, opened.requests)


def test_rows_with_findings_are_marked_and_filtered(browser, tmp_path):
    from transpair.check.findings import Finding

    alignment = small_alignment()
    hostile = '<img src="x" onerror="window.pwned = 1"> lost `x`'
    findings = {
        0: (
            Finding("p", 0, "", "code", "error", hostile),
            Finding("p", 0, "", "spacing", "warning", "space"),
        ),
        3: (Finding("p", 3, "", "number", "warning", "number 3 missing"),),
    }
    path = tmp_path / "review.html"
    path.write_text(page.render_page(alignment, findings=findings), encoding="utf-8")
    opened = Opened(browser, path)
    marks = opened.page.locator("#rows .row.has-findings .finding")
    assert marks.all_inner_texts() == [f"⚑ code: {hostile}", "⚑ spacing: space", "⚑ number: number 3 missing"]
    assert marks.first.get_attribute("title") == f"error [code] {hostile}"
    assert opened.page.evaluate("window.pwned") is None and opened.page.locator("#rows img").count() == 0
    assert "⚑ 3 findings in 2 rows" in opened.page.locator("#counts").inner_text()
    opened.page.check("#only-findings")
    assert opened.visible_rows() == 2
    opened.page.check("#only-doubtful")  # both filters: the doubtful rows with findings (none here)
    assert opened.visible_rows() == 0
    opened.page.uncheck("#only-findings")
    assert opened.visible_rows() == 3
    opened.page.uncheck("#only-doubtful")
    opened.click(0, "split")  # an edited row is paired anew: its findings no longer apply
    assert "⚑ 1 finding in 1 row" in opened.page.locator("#counts").inner_text()
    assert opened.quiet(), (opened.console, opened.requests)
