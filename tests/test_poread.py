"""poread: PO text parsed as gettext parses it, keeping what polib drops."""

from transpair.poread import parse_po, unescape


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
