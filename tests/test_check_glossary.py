"""Glossaries: CSV and TBX in and out (translate-toolkit reads what we write and we read what it writes),
term matching with plurals, and the glossary check on real Vue docs excerpts (CC BY 4.0)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from translate.storage import tbx
from vue_excerpts import entry

from transpair.check import glossary as g
from transpair.errors import InputError

TERMS = (
    g.Term("component", "컴포넌트", ("구성 요소",)),
    g.Term("library", "라이브러리"),
    g.Term("API", "API"),
    g.Term("single-file component", "싱글 파일 컴포넌트"),
)


def test_source_term_plurals_and_case():
    assert g.source_pattern("component").search("two Components' names")
    assert g.source_pattern("library").search("libraries")
    assert not g.source_pattern("tool").search("tooling support")  # -ing makes another term
    assert not g.source_pattern("API").search("the api")  # a capital after the first letter: exact case
    assert g.source_pattern("single-file component").search("Single File Components")
    assert not g.source_pattern("component").search("subcomponent")


def test_glossary_check():
    assert g.glossary("Register the component.", "컴포넌트를 등록합니다.", TERMS) == []
    assert g.glossary("Register the component.", "구성요소를 등록합니다.", TERMS) == [
        "'component' should be translated as '컴포넌트'",
        "'구성 요소' is a forbidden translation of 'component' (use '컴포넌트')",
    ]
    assert g.glossary("Use `component` here.", "`component`를 쓰세요.", TERMS) == []  # code is no term
    assert g.glossary("The API", "API", TERMS) == []


def test_terms_kept_as_written_are_names():
    msgid, msgstr = entry("This will not work as expected")  # no glossary term broken in a real entry
    assert g.glossary(msgid, msgstr, TERMS) == []
    assert g.glossary("template {#template}", "template {#template}", (g.Term("template", "템플릿"),)) == []


def test_read_csv(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(
        "source,target,forbidden,note\n"
        "component,컴포넌트,구성 요소;콤포넌트,prefer loanword\n# x\nlibrary,라이브러리\n"
    )
    assert g.read_glossary(path) == (
        g.Term("component", "컴포넌트", ("구성 요소", "콤포넌트"), "prefer loanword"),
        g.Term("library", "라이브러리"),
    )


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("component\n", "g.csv:1: a glossary row needs a source term and a target term"),
        ("", "g.csv: no terms in the glossary"),
    ],
)
def test_bad_csv(tmp_path, text, error):
    path = tmp_path / "g.csv"
    path.write_text(text)
    with pytest.raises(InputError, match=error):
        g.read_glossary(path)


def test_bad_tbx(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text("<martif><text><body><termEntry>")
    with pytest.raises(InputError, match="not a TBX file"):
        g.read_glossary(path)


def test_read_what_translate_toolkit_writes(tmp_path):
    store = tbx.tbxfile()
    store.addsourceunit("component").target = "컴포넌트"
    path = tmp_path / "g.tbx"
    path.write_bytes(bytes(store))
    assert g.read_glossary(path) == (g.Term("component", "컴포넌트"),)


def test_tbx_v3_and_deprecated_terms():
    data = """<tbx xmlns="urn:iso:std:iso:30042:ed-2" xml:lang="en"><text><body>
      <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>note</term></termSec></langSec>
      <langSec xml:lang="ko"><termSec><term>주의</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      <termSec><term>참고</term></termSec></langSec>
      <descrip type="definition">a remark</descrip></conceptEntry>
    </body></text></tbx>""".encode()
    assert g.read_tbx(data, "x.tbx") == (g.Term("note", "참고", ("주의",), "a remark"),)


def test_translate_toolkit_reads_what_we_write():
    text = g.to_tbx([TERMS[0]], {"component": ["콤포넌트"]})
    store = tbx.tbxfile.parsestring(text.encode())
    [unit] = store.units
    assert (unit.source, unit.target) == ("component", "컴포넌트")
    assert g.read_tbx(text.encode(), "x.tbx") == (g.Term("component", "컴포넌트", ("구성 요소",)),)


WORD = st.text(st.sampled_from("abc컴포넌트 -"), min_size=1, max_size=8).map(str.strip).filter(bool)


@given(
    st.lists(st.tuples(WORD, WORD, st.lists(WORD, max_size=2), WORD | st.just("")), min_size=1, max_size=5)
)
def test_csv_and_tbx_round_trip(rows):
    terms = [
        g.Term(s, t, tuple(f for f in forbidden if ";" not in f), note) for s, t, forbidden, note in rows
    ]
    assert g.read_csv(g.to_csv(terms), "x.csv") == tuple(terms)
    assert g.read_tbx(g.to_tbx(terms).encode(), "x.tbx") == tuple(terms)
