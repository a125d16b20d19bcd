"""objects: the declared polib subclasses that keep what polib has no field for (lone empty comments, the
header as read)."""

import polib

from transpair.po.file import format_po
from transpair.po.objects import KeptEntry, KeptFile, kept_entry, lone_empty, raw_header
from transpair.po.parse import parse_po

TEXT = '#\nmsgid ""\nmsgstr "Content-Type:  text/plain; charset=UTF-8\\n"\n\n#.\nmsgid "a"\nmsgstr "b"\n'


def test_parsed_file_and_entries_are_the_declared_subclasses_with_their_facts():
    po = parse_po(TEXT)
    [entry] = po
    assert isinstance(po, KeptFile) and isinstance(entry, KeptEntry)
    assert lone_empty(po, "#") and not lone_empty(po, "#.")
    assert lone_empty(entry, "#.") and not lone_empty(entry, "#")
    assert raw_header(po) == (
        "Content-Type:  text/plain; charset=UTF-8\n",
        {"Content-Type": "text/plain; charset=UTF-8"},
    )
    assert format_po(po) == TEXT  # the header's double space and both bare comment lines written back


def test_polib_objects_have_no_kept_facts_and_convert_with_every_field():
    plain = polib.POEntry(msgid="a", msgstr="b", msgctxt="c", flags=["fuzzy"], occurrences=[("f.md", "3")])
    assert not lone_empty(plain, "#") and raw_header(polib.POFile()) == (None, None)
    kept = kept_entry(plain)
    assert isinstance(kept, KeptEntry) and kept.lone_empty == ()
    assert vars(kept) == {**vars(plain), "lone_empty": ()}
    assert kept_entry(kept) is kept
