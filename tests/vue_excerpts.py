"""Real entries of the Vue docs and their Korean translation (tests/data/vue_ko, CC BY 4.0)."""

from pathlib import Path

from transpair.po.file import read_po

DATA = Path(__file__).parent / "data" / "vue_ko"
EXCERPTS = DATA / "excerpts.po"
TUTORIAL = DATA / "tutorial-step-15.po"


def entry(start: str) -> tuple[str, str]:
    """(msgid, msgstr) of the excerpt whose msgid starts so."""
    found = [e for e in read_po(EXCERPTS) if e.msgid.startswith(start)]
    assert len(found) == 1, start
    return found[0].msgid, found[0].msgstr


def clean_pairs() -> list[tuple[str, str]]:
    """Every excerpt pair."""
    return [(e.msgid, e.msgstr) for e in read_po(EXCERPTS) if e.msgid]
