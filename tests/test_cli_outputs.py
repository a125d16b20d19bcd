"""outputs: the format a command writes follows -o's extension unless --format says otherwise; a
mismatch is one line and exit 2."""

import json
import xml.etree.ElementTree as ET

import pytest
from conftest import CORPORA

from transpair.cli.app import app
from transpair.cli.outputs import output_format
from transpair.errors import InputError
from transpair.po.file import read_po

PAIR = CORPORA / "pydocs" / "tutorial-appetite"
ARGS = [str(PAIR.with_suffix(".en.txt")), str(PAIR.with_suffix(".ko.txt"))]


def test_the_extension_names_the_format_unless_format_says(tmp_path):
    assert output_format(tmp_path / "a.tmx", None, ("po", "tmx"), "align") == "tmx"
    assert output_format(tmp_path / "a.pot", None, ("po", "tmx"), "align") == "po"
    assert output_format(tmp_path / "a.out", None, ("po", "tmx"), "align") == "po"
    assert output_format(None, None, ("table", "json"), "report") == "table"
    assert output_format(tmp_path / "r.md", None, ("table", "markdown"), "report") == "markdown"
    assert output_format(tmp_path / "r.txt", "json", ("table", "json"), "report") == "json"
    with pytest.raises(InputError, match="the name says po but --format says tmx"):
        output_format(tmp_path / "a.po", "tmx", ("po", "tmx"), "align")
    with pytest.raises(InputError, match="`transpair review` writes html"):
        output_format(tmp_path / "r.po", None, ("html",), "review")


def test_align_to_a_tmx_name_writes_a_tmx(runner, tmp_path):
    result = runner.invoke(app, ["align", *ARGS, "-o", str(tmp_path / "a.tmx")])
    assert result.exit_code == 0, result.output
    assert ET.parse(tmp_path / "a.tmx").getroot().tag == "tmx"
    assert " translated message" in result.stderr


@pytest.mark.parametrize(
    "args, said",
    [
        (["align", *ARGS, "-o", "{tmp}/a.html"], "`transpair align` writes po or tmx"),
        (["align", *ARGS, "-o", "{tmp}/a.po", "--format", "tmx"], "the name says po but --format says tmx"),
        (["review", *ARGS, "-o", "{tmp}/r.po"], "`transpair review` writes html"),
        (["pot", ARGS[0], "-o", "{tmp}/a.tmx"], "`transpair pot` writes po"),
        (["report", "{tmp}/in.po", "-o", "{tmp}/r.csv", "--format", "json"], "the name says csv"),
        (["report", "{tmp}/in.po", "-o", "{tmp}/r.tmx"], "`transpair report` writes table or json"),
    ],
)
def test_a_mismatch_is_one_line_and_exit_2_with_nothing_written(runner, tmp_path, args, said):
    (tmp_path / "in.po").write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2 and said in result.output and result.output.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.po"]


def test_report_writes_what_its_output_is_named(runner, tmp_path):
    po = tmp_path / "in.po"
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n')
    for name, check in (
        ("r.json", lambda text: json.loads(text)["schema"] >= 1),
        ("r.csv", lambda text: text.startswith("level,article")),
        ("r.md", lambda text: text.startswith("## Translation coverage: 100.0%")),
        ("r.html", lambda text: text.lstrip().lower().startswith("<!doctype html")),
        ("r.svg", lambda text: text.startswith("<svg") and "100%" in text),
    ):
        result = runner.invoke(app, ["report", str(po), "-o", str(tmp_path / name)])
        assert result.exit_code == 0 and check((tmp_path / name).read_text(encoding="utf-8")), name
    assert len(read_po(po)) == 1
