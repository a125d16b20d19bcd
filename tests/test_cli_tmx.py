"""`transpair tmx`: one TMX 1.4b memory from PO files and folders, valid against the TMX 1.4b DTD and read
back by translate-toolkit with the same translated count."""

import polib
import pytest
from conftest import ROOT
from lxml import etree
from translate.storage.tmx import tmxfile

from transpair.cli.app import app
from transpair.cli.tmx import catalogs
from transpair.po.file import write_po

DTD = etree.DTD(str(ROOT / "tests" / "data" / "tmx" / "tmx14.dtd"))


def po_file(path, *entries):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
    for msgid, msgstr, flags, ref in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=flags, occurrences=[ref]))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_po(po, path, backup=False)
    return path


@pytest.fixture
def site(tmp_path):
    po = tmp_path / "po"
    po_file(
        po / "guide" / "a.po",
        ("Hello.", "안녕.", [], ("a.md", "3")),
        ("Changed.", "옛 번역", ["fuzzy"], ("a.md", "5")),
        ("Todo.", "", [], ("a.md", "7")),
    )
    po_file(po / "b.po", ("Bye & <go>.", "잘 가 & <가>.", [], ("b.md", "1")))
    return po


def test_a_folder_of_pos_becomes_one_valid_tmx_with_props(site, runner, tmp_path):
    out = tmp_path / "site.tmx"
    result = runner.invoke(app, ["tmx", str(site), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{out}: 2 translated units from 2 PO files\n"
    tree = etree.parse(str(out))
    assert DTD.validate(tree), DTD.error_log.filter_from_errors()
    units = tree.findall("body/tu")
    assert [u.get("tuid") for u in units] == ["b#1", "guide/a#1"]
    props = {p.get("type"): p.text for p in units[1].findall("prop")}
    assert props == {"x-file": "a.md", "x-line": "3", "x-status": "translated", "x-po": "guide/a"}
    read_back = tmxfile(out.read_bytes())
    assert [(u.source, u.target) for u in read_back.units] == [
        ("Bye & <go>.", "잘 가 & <가>."),
        ("Hello.", "안녕."),
    ]


def test_fuzzy_entries_on_request_with_their_status(site, runner, tmp_path):
    out = tmp_path / "site.tmx"
    assert runner.invoke(app, ["tmx", str(site), "-o", str(out), "--fuzzy"]).exit_code == 0
    tree = etree.parse(str(out))
    assert DTD.validate(tree)
    statuses = [u.find("prop[@type='x-status']").text for u in tree.findall("body/tu")]
    assert statuses == ["translated", "translated", "fuzzy"]


def test_a_bad_po_is_reported_and_the_rest_exported(site, runner, tmp_path):
    (site / "bad.po").write_text('msgid "x"\nmsgstr "y"\nmsgid "x"\nmsgstr "z"\n', encoding="utf-8")
    out = tmp_path / "site.tmx"
    result = runner.invoke(app, ["tmx", str(site), "-o", str(out)])
    assert result.exit_code == 2 and "bad.po" in result.stderr and "Traceback" not in result.output
    assert len(tmxfile(out.read_bytes()).units) == 2


def test_the_output_must_be_a_tmx_and_inputs_pos(site, runner, tmp_path):
    wrong = runner.invoke(app, ["tmx", str(site), "-o", str(tmp_path / "site.po")])
    assert wrong.exit_code == 2 and wrong.output.count("\n") == 1 and "the name says po" in wrong.output
    text = tmp_path / "a.md"
    text.write_text("# a\n", encoding="utf-8")
    refused = runner.invoke(app, ["tmx", str(text), "-o", str(tmp_path / "x.tmx")])
    assert refused.exit_code == 2 and "not a PO file" in refused.output


def test_catalogs_name_files_below_their_folder(site):
    assert [name for _, name in catalogs([site, site / "b.po"])] == ["b", "guide/a", "b"]
