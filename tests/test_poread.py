"""poread: PO text parsed as gettext parses it; what msgfmt rejects is refused at msgfmt's line."""

import re
import subprocess

import pytest

from transpair.errors import InputError
from transpair.pofile import read_po
from transpair.poread import parse_po, unescape

HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'

BROKEN = {
    "msgid without msgstr": 'msgid "a"\n\nmsgid "b"\nmsgstr "c"\n',
    "msgstr alone": 'msgstr "c"\n',
    "two msgstr": 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n',
    "plural without index": 'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n',
    "index without plural": 'msgid "a"\nmsgstr[0] "b"\n',
    "unknown escape": 'msgid "a\\q"\nmsgstr "b"\n',
    "msgctxt without msgid": 'msgctxt "x"\nmsgstr "b"\n',
    "obsolete msgid then a live one": '#~ msgid "a"\nmsgid "b"\nmsgstr "c"\n',
    "msgid at the end": 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\n',
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_what_msgfmt_rejects_is_refused_at_the_same_line(case, msgfmt, tmp_path):
    path = tmp_path / "bad.po"
    path.write_text(HEADER + BROKEN[case], encoding="utf-8")
    result = subprocess.run([msgfmt, "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 1
    line = re.search(r"bad\.po:(\d+):", result.stderr)[1]
    with pytest.raises(InputError, match=rf"bad\.po:{line}: "):
        read_po(path)


def test_escapes_are_read_as_gettext_reads_them():
    assert unescape(r"a\tb\n\\\"\101\x42\?") == 'a\tb\n\\"AB?'


def test_parse_keeps_comments_previous_sources_and_the_header_text():
    po = parse_po(
        '# team\nmsgid ""\nmsgstr "A:  b\\n"\n\n#.\n#. note\n#: f.md:3 g.md\n#, fuzzy, c-format\n'
        '#| msgid "old"\nmsgctxt "c"\nmsgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\nmsgstr[1] "ys"\n\n'
        '#~| msgid "older"\n#~ msgid "gone"\n#~ msgstr "weg"\n'
    )
    live, dead = po
    assert (po.raw_header, po.header, po.metadata) == ("A:  b\n", "team", {"A": "b"})
    assert (live.comment, live.occurrences, live.flags) == (
        "\nnote",
        [("f.md", "3"), ("g.md", "")],
        ["fuzzy", "c-format"],
    )
    assert (live.previous_msgid, live.msgctxt, live.msgid_plural, live.msgstr_plural) == (
        "old",
        "c",
        "xs",
        {0: "y", 1: "ys"},
    )
    assert (dead.obsolete, dead.previous_msgid, dead.msgstr, dead.linenum) == (True, "older", "weg", 17)
