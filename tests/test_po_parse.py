"""poread: PO text parsed as gettext parses it, keeping what polib drops."""

from transpair.po.parse import parse_po, unescape


def test_escapes_are_read_as_gettext_reads_them():
    assert unescape(r"a\tb\n\\\"\101\x42\?") == 'a\tb\n\\"AB?'


def test_octal_and_hex_escapes_are_bytes_of_the_files_charset():
    """As msgcat reads them: escaped bytes form the charset's characters, a hex escape past a byte keeps
    its last byte (no crash on \\x110000)."""
    assert unescape(r"caf\303\251 caf\xc3\xa9") == "café café"
    assert unescape(r"\xb0\xa1", "euc-kr") == "가"
    assert unescape(r"a\x141") == "aA"
    assert parse_po('msgid "caf\\xc3\\xa9"\nmsgstr "\\352\\260\\200"\n')[0].msgstr == "가"


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
