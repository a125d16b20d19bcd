"""The check runner: levels and `off` from the settings, silencing in the PO and in the config, the
speech level of a page, consistency over a site; on real Vue docs excerpts (tests/data/vue_ko, CC BY 4.0)."""

import polib
from vue_excerpts import TUTORIAL

from transpair.check.config import DEFAULT_LEVELS, CheckSettings
from transpair.check.findings import Entry
from transpair.check.run import check_entry, check_pages, checked, page_entries, silenced, site_findings
from transpair.check.terms import mine
from transpair.po.file import read_po


def page(*pairs, path="p.po"):
    return [Entry(path, n, msgid, msgstr) for n, (msgid, msgstr) in enumerate(pairs, 1)]


def test_entries_to_check_are_translated_ones():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="a", msgstr="가", linenum=3))
    po.append(polib.POEntry(msgid="b", msgstr="나", flags=["fuzzy"], linenum=6))
    po.append(polib.POEntry(msgid="c", msgstr="", linenum=9))
    po.append(polib.POEntry(msgid="d", msgstr="다", obsolete=True, linenum=12))
    assert [e.msgid for e in page_entries(po, "x.po")] == ["a"]
    assert [e.msgid for e in page_entries(po, "x.po", fuzzy=True)] == ["a", "b"]


def test_silencing_marks():
    assert silenced(polib.POEntry(msgid="a", flags=["transpair-ok"])) == {"*"}
    assert silenced(polib.POEntry(msgid="a", tcomment="reviewed\ntranspair-ok: spacing, code")) == {
        "spacing",
        "code",
    }
    assert silenced(polib.POEntry(msgid="a", tcomment="transpair-ok")) == {"*"}
    assert silenced(polib.POEntry(msgid="a")) == frozenset()


def test_levels_off_and_silenced():
    entries = page(("Use `ref` here.", "`ref` 를 여기서 씁니다."), ("Use `x`.", "`x` 를 씁니다."))
    found = check_pages([entries], CheckSettings())
    assert [(f.line, f.check, f.level) for f in found] == [
        (1, "spacing", "warning"),
        (2, "spacing", "warning"),
    ]
    levels = dict(DEFAULT_LEVELS, spacing="error")
    assert {f.level for f in check_pages([entries], CheckSettings(levels=levels))} == {"error"}
    assert check_pages([entries], CheckSettings(levels=dict(DEFAULT_LEVELS, spacing="off"))) == []
    quiet = [entries[0], Entry("p.po", 2, "Use `x`.", "`x` 를 씁니다.", frozenset({"spacing"}))]
    assert [f.line for f in check_pages([quiet], CheckSettings())] == [1]
    fingerprint = found[0].fingerprint
    assert [f.line for f in check_pages([entries], CheckSettings(ignore=frozenset({fingerprint})))] == [2]


def test_speech_level_minority_on_a_real_page():
    entries = page_entries(read_po(TUTORIAL), "step-15.po")
    found = check_pages([entries], CheckSettings())
    assert [(f.check, f.message) for f in found] == [
        ("speech-level", "'해냈어요' not in the page's 합니다체 (합니다체 4, 해요체 2)"),
        ("speech-level", "'거예요' not in the page's 합니다체 (합니다체 4, 해요체 2)"),
    ]
    expected = check_pages([entries], CheckSettings(speech_level="해요체"))
    assert len(expected) == 4  # every 합니다체 sentence's entry, now that 해요체 is the site's level


def test_speech_level_needs_a_usual_level():
    few = page(("a", "합니다."), ("b", "했어요."))
    assert check_pages([few], CheckSettings()) == []  # too few sentences to tell the page's level
    tie = page(("a", "합니다."), ("b", "합니다."), ("c", "했어요."), ("d", "했어요."))
    assert check_pages([tie], CheckSettings()) == []


def test_consistency_lists_each_place_of_the_minority_translation():
    common = [(f"The component number {n} works.", f"{n}번 컴포넌트가 동작합니다.") for n in range(1, 13)]
    drift = [
        ("This component is small.", "이 구성요소는 작습니다."),
        ("A component renders.", "구성요소가 렌더링됩니다."),
    ]
    extra = [("Another component test.", "또 다른 구성요소 테스트입니다.")]
    pages = [page(*common, *drift, path="a.po"), page(*extra, path="b.po")]
    every = [e for p in pages for e in p]
    found = [f for f in check_pages(pages, CheckSettings(), (), mine(every)) if f.check == "consistency"]
    assert [(f.path, f.line) for f in found] == [("a.po", 13), ("a.po", 14), ("b.po", 1)]
    assert found[0].message.startswith(
        "'component' translated '구성요소' here (3 places) but '컴포넌트' in 12 places"
    )
    one_page = [
        f for f in check_pages(pages[:1], CheckSettings(), (), mine(pages[0])) if f.check == "consistency"
    ]
    assert one_page == []  # a word kept to one page is that page's sense


def test_a_word_another_term_translates_is_no_drift():
    steps = [(f"Try step {n} now.", f"{n}단계를 실행해보기.") for n in range(1, 13)]
    label = [("Try it in the playground.", "실행해보기.")] * 10
    other = [(f"Try it in the playground {n}.", f"플레이그라운드 {n}에서 해보기.") for n in range(1, 5)]
    pages = [page(*steps, *label, *other[:2], path="a.po"), page(*other[2:], path="b.po")]
    pairs = mine([e for p in pages for e in p])
    by_source = {p.source: p for p in pairs}
    assert by_source["Try"].alternatives == (("플레이그라운드", 4),)
    assert by_source["playground"].target == "실행해보기"
    assert by_source["playground"].alternatives == (("플레이그라운드", 4),)
    found = [f for f in check_pages(pages, CheckSettings(), (), pairs) if f.check == "consistency"]
    assert found == []  # 플레이그라운드 is another translation of the playground, not of Try


def test_site_findings_mine_the_pairs_for_consistency_as_check_does():
    common = [(f"The component number {n} works.", f"{n}번 컴포넌트가 동작합니다.") for n in range(1, 13)]
    drift = [
        ("This component is small.", "이 구성요소는 작습니다."),
        ("A component renders.", "구성요소가 렌더링됩니다."),
    ]
    pages = [
        page(*common, *drift, path="a.po"),
        page(("Another component test.", "또 다른 구성요소 테스트입니다."), path="b.po"),
    ]
    found = site_findings(pages, CheckSettings())
    assert found == check_pages(pages, CheckSettings(), (), mine([e for p in pages for e in p]))
    assert [f.line for f in found if f.check == "consistency"] == [13, 14, 1]
    off = CheckSettings(DEFAULT_LEVELS | {"consistency": "off"})
    assert not [f for f in site_findings(pages, off) if f.check == "consistency"]


def test_an_entry_checked_at_any_place():
    entry = polib.POEntry(msgid="a", msgstr="가", flags=["transpair-ok"], linenum=3)
    assert checked(entry) and not checked(polib.POEntry(msgid="a", msgstr="가", flags=["fuzzy"]))
    assert checked(polib.POEntry(msgid="a", msgstr="가", flags=["fuzzy"]), fuzzy=True)
    assert check_entry(entry, "x", 7) == Entry("x", 7, "a", "가", frozenset({"*"}))
