"""Term mining: pairs by association over a site's entries, competing translations, glossary output."""

import os
import subprocess
import sys
from pathlib import Path

from transpair.check.findings import Entry
from transpair.check.terms import as_glossary, english_terms, korean_stem, korean_terms, mine, singular

SENTENCES = [
    ("Register the component globally.", "컴포넌트를 전역으로 등록합니다."),
    ("A component can emit events.", "컴포넌트는 이벤트를 발생시킬 수 있습니다."),
    ("Each component has its own state.", "각 컴포넌트는 자체 상태를 가집니다."),
    ("Props are passed to the child component.", "props는 자식 컴포넌트에 전달됩니다."),
    ("The state of the component changes.", "컴포넌트의 상태가 바뀝니다."),
    ("Events bubble up from the component.", "이벤트는 컴포넌트에서 위로 전파됩니다."),
]


def entries(pairs, path="guide.po"):
    return [Entry(path, n, msgid, msgstr) for n, (msgid, msgstr) in enumerate(pairs, 1)]


def test_words():
    assert singular("libraries") == "library" and singular("components") == "component"
    assert singular("class") == "class" and singular("status") == "status"
    assert korean_stem("컴포넌트들은") == "컴포넌트"
    assert korean_stem("렌더링합니다") == "렌더링" and korean_stem("참고하세요") == "참고"
    assert korean_stem("제한") == "제한"  # one syllable before 한 stays
    assert {"주의", "주"} <= korean_terms("주의") and {"값을", "값"} <= korean_terms("값을")
    assert "child component" in english_terms("Props are passed to the child component.")
    assert "the child" not in english_terms("Props are passed to the child component.")
    assert {"컴포넌트", "자식", "자식 컴포넌트"} <= korean_terms("props는 자식 컴포넌트에 전달됩니다.")


def test_component_pairs_with_its_translation():
    pairs = {p.source: p for p in mine(entries(SENTENCES))}
    assert pairs["component"].target == "컴포넌트"
    assert pairs["component"].count == 6 and pairs["component"].total == 6
    assert pairs["component"].examples == ("guide.po:1", "guide.po:2", "guide.po:3")


def test_a_split_is_reported_with_its_counts():
    notes = [("Note", "참고")] * 6 + [("Note", "주의")] * 3 + [("Warning", "경고")] * 3
    [note] = [p for p in mine(entries(notes)) if p.source == "Note"]
    assert (note.target, note.count, note.alternatives) == ("참고", 6, (("주의", 3),))
    [term] = [t for t in as_glossary(mine(entries(notes))) if t.source == "Note"]
    assert term.target == "참고" and "also translated 주의 (3)" in term.note


def test_rare_pairs_are_no_evidence():
    assert mine(entries(SENTENCES[:2])) == []


def test_terms_kept_in_english_keep_their_spelling():
    rows = [("Use the Vue API.", "Vue API를 사용합니다.")] * 4
    terms = {t.source: t.target for t in as_glossary(mine(entries(rows)))}
    assert terms["Vue"] == "Vue"


def test_a_tie_between_translations_goes_the_same_way_whatever_the_hash_seed():
    """Two Korean words found in every place of a term score the same: the first in text order wins, in
    every process (set order changes with PYTHONHASHSEED)."""
    code = (
        "from transpair.check.findings import Entry; from transpair.check.terms import mine; "
        "pairs = [Entry('a.po', n, 'An easing curve', '이징 곡선') for n in range(5)]; "
        "print(sorted((p.source, p.target) for p in mine(pairs)))"
    )
    env = os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    said = {
        subprocess.run(
            [sys.executable, "-c", code], env=env | {"PYTHONHASHSEED": seed}, capture_output=True, text=True
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(said) == 1 and "('curve', '곡선')" in said.pop()
