"""tmx: translated pairs exported as TMX 1.4 with the required header and language attributes."""

import xml.etree.ElementTree as ET

import polib

from transpair.po.tmx import XML_LANG, format_tmx

REQUIRED_HEADER = (
    "creationtool",
    "creationtoolversion",
    "datatype",
    "segtype",
    "adminlang",
    "srclang",
    "o-tmf",
)


def catalog() -> polib.POFile:
    po = polib.POFile()
    for entry in (
        polib.POEntry(msgid="Hello & <welcome>", msgstr="안녕 & <환영>"),
        polib.POEntry(msgid="Fuzzy one", msgstr="애매", flags=["fuzzy"]),
        polib.POEntry(msgid="Empty one", msgstr=""),
        polib.POEntry(msgid="Old one", msgstr="옛것", obsolete=True),
        polib.POEntry(msgid="Two\n\nparagraphs", msgstr="두\n\n문단"),
    ):
        po.append(entry)
    return po


def test_tmx_has_required_structure_and_only_translated_pairs():
    root = ET.fromstring(format_tmx(catalog(), "en", "ko", "sentence").encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header, body = root.find("header"), root.find("body")
    assert all(header.get(name) for name in REQUIRED_HEADER)
    assert (header.get("srclang"), header.get("segtype"), header.get("creationtool")) == (
        "en",
        "sentence",
        "transpair",
    )
    units = body.findall("tu")
    pairs = [[(tuv.get(XML_LANG), tuv.find("seg").text) for tuv in tu.findall("tuv")] for tu in units]
    assert pairs == [
        [("en", "Hello & <welcome>"), ("ko", "안녕 & <환영>")],
        [("en", "Two\n\nparagraphs"), ("ko", "두\n\n문단")],
    ]


def test_tmx_text_is_escaped_xml_with_declaration():
    text = format_tmx(catalog(), "en", "ko")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')
    assert "Hello &amp; &lt;welcome&gt;" in text and 'xml:lang="ko"' in text


def test_align_format_tmx_writes_a_translation_memory(tmp_path):
    from pathlib import Path

    from typer.testing import CliRunner

    from transpair.cli.app import app

    pair = Path(__file__).resolve().parents[1] / "corpora" / "pydocs" / "tutorial-appetite"
    out = tmp_path / "a.tmx"
    result = CliRunner().invoke(
        app, ["align", f"{pair}.en.txt", f"{pair}.ko.txt", "-o", str(out), "--format", "tmx"]
    )
    assert result.exit_code == 0, result.output
    root = ET.parse(out).getroot()
    units = root.find("body").findall("tu")
    assert units and all([t.get(XML_LANG) for t in tu.findall("tuv")] == ["en", "ko"] for tu in units)


def test_control_characters_are_left_out_so_xml_parsers_and_translate_toolkit_read_it():
    from translate.storage.tmx import tmxfile

    from transpair.po import tmx

    po = polib.POFile()
    po.append(
        polib.POEntry(msgid="Page\fbreak and a bell\a, tab\tkept", msgstr="쪽\f나눔\x00과 종\a, 탭\t유지")
    )
    po.append(polib.POEntry(msgid="Plain", msgstr="보통"))
    text = format_tmx(po, "en", "ko")
    root = ET.fromstring(text.encode("utf-8"))
    segs = [seg.text for seg in root.iter("seg")]
    assert segs[:2] == ["Pagebreak and a bell, tab\tkept", "쪽나눔과 종, 탭\t유지"]
    units = tmxfile(text.encode("utf-8")).units
    assert [(u.source, u.target) for u in units] == [(segs[0], segs[1]), ("Plain", "보통")]
    assert tmx.dropped_characters(tmx.units(po)) == 5


def test_align_to_tmx_warns_about_left_out_control_characters(runner, tmp_path):
    from transpair.cli.app import app

    en, ko, out = tmp_path / "t.en.txt", tmp_path / "t.ko.txt", tmp_path / "t.tmx"
    en.write_text("Hello world, this is a page\fbreak test.\n\nSecond paragraph here.\n", encoding="utf-8")
    ko.write_text("안녕하세요 세계, 이것은 쪽\f나눔 시험입니다.\n\n두 번째 문단입니다.\n", encoding="utf-8")
    result = runner.invoke(app, ["align", str(en), str(ko), "-o", str(out), "--format", "tmx"])
    assert result.exit_code == 0, result.output
    assert "2 control characters XML cannot hold left out" in result.output
    assert [seg.text for seg in ET.parse(out).iter("seg")][:2] == [
        "Hello world, this is a pagebreak test.",
        "안녕하세요 세계, 이것은 쪽나눔 시험입니다.",
    ]


def test_xml_lang_is_bcp47_whatever_form_the_code_came_in():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Hello", msgstr="你好"))
    text = format_tmx(po, "en", "zh_CN")
    assert 'xml:lang="zh-CN"' in text and "zh_CN" not in text
