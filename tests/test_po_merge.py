"""merge: re-aligning into a translator's PO keeps every translation (msgmerge semantics)."""

import copy

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.model import Alignment, Bead, Block, Document
from transpair.po.catalog import build_catalog
from transpair.po.merge import merge, restate_note, reviewed, unchanged


def po_of(*entries, **meta):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", **meta}
    for entry in entries:
        po.append(entry)
    return po


def entry(msgid, msgstr="", **kw):
    return polib.POEntry(msgid=msgid, msgstr=msgstr, **kw)


LONG = "The quick brown fox jumps over the lazy dog near the river bank."


def test_unchanged_source_keeps_translator_msgstr_flags_and_comments():
    old = po_of(entry("Hello.", "안녕하세요!", tcomment="checked", flags=["fuzzy"]))
    new = po_of(entry("Hello.", "안녕.", occurrences=[("a.txt", "9")], comment="transpair note"))
    [got] = merge(new, old)
    assert (got.msgstr, got.tcomment, got.flags) == ("안녕하세요!", "checked", ["fuzzy"])
    assert (got.occurrences, got.comment) == ([("a.txt", "9")], "transpair note")


def test_prefer_target_takes_the_aligned_translation():
    old = po_of(entry("Hello.", "안녕하세요!", tcomment="checked"))
    [got] = merge(po_of(entry("Hello.", "안녕.")), old, prefer_target=True)
    assert (got.msgstr, got.tcomment) == ("안녕.", "checked")


def test_untranslated_old_entry_takes_the_aligned_translation():
    [got] = merge(po_of(entry("Hello.", "안녕.")), po_of(entry("Hello.", "")))
    assert got.msgstr == "안녕."


def test_changed_source_reuses_old_translation_as_fuzzy_with_previous_msgid():
    old = po_of(entry(LONG, "여우 번역"))
    new = po_of(entry(LONG.replace("quick", "fast"), ""))
    [got] = merge(new, old)
    assert (got.msgstr, got.flags, got.previous_msgid) == ("여우 번역", ["fuzzy"], LONG)


def test_vanished_translated_source_becomes_obsolete_and_untranslated_one_disappears():
    old = po_of(entry(LONG, "여우 번역"), entry("Nothing alike at all", ""))
    got = merge(po_of(entry("Completely different text.", "")), old)
    assert [(e.msgid, e.obsolete) for e in got] == [("Completely different text.", False), (LONG, True)]


def test_obsolete_translation_comes_back_when_its_source_returns():
    old = po_of(entry(LONG, "여우 번역", obsolete=True))
    [got] = merge(po_of(entry(LONG, "")), old)
    assert (got.msgstr, got.obsolete) == ("여우 번역", False)


def test_each_old_translation_is_reused_once_by_its_closest_new_source():
    old = po_of(entry(LONG, "여우 번역"))
    new = po_of(entry(LONG.replace("river", "lake"), ""), entry(LONG.replace("quick brown", "slow red"), ""))
    got = merge(new, old)
    assert [e.msgstr for e in got] == ["여우 번역", ""]


OLD_HEADER = {
    "Last-Translator": "Kim <kim@example.org>",
    "POT-Creation-Date": "2020-01-01 00:00+0000",
    "PO-Revision-Date": "2021-01-01 00:00+0000",
}
NEW_HEADER = {
    "Last-Translator": "transpair",
    "POT-Creation-Date": "2026-01-01 00:00+0000",
    "PO-Revision-Date": "2026-01-01 00:00+0000",
    "Language": "ko",
}


def test_header_keeps_translator_fields_and_takes_new_creation_date():
    old = po_of(entry("Hello.", "안녕하세요."), **OLD_HEADER)
    new = po_of(entry("Hello."), entry("A new paragraph."), **NEW_HEADER)
    meta = merge(new, old).metadata
    assert meta["Last-Translator"] == "Kim <kim@example.org>"
    assert meta["PO-Revision-Date"] == "2021-01-01 00:00+0000"
    assert meta["POT-Creation-Date"] == "2026-01-01 00:00+0000"
    assert meta["Language"] == "ko"


def test_header_dates_move_only_when_the_source_or_a_translation_changed():
    old = po_of(entry("Hello.", "안녕하세요."), entry("Bye."), **OLD_HEADER)
    same = merge(po_of(entry("Hello."), entry("Bye."), **NEW_HEADER), old).metadata
    assert (same["POT-Creation-Date"], same["PO-Revision-Date"]) == (
        "2020-01-01 00:00+0000",
        "2021-01-01 00:00+0000",
    )
    filled = merge(po_of(entry("Hello."), entry("Bye.", "잘 가요."), **NEW_HEADER), old).metadata
    assert (filled["POT-Creation-Date"], filled["PO-Revision-Date"]) == (
        "2020-01-01 00:00+0000",
        "2026-01-01 00:00+0000",
    )


def test_inputs_are_not_modified():
    old = po_of(entry(LONG, "여우 번역"))
    new = po_of(entry(LONG.replace("quick", "fast"), ""))
    merge(new, old)
    assert (old[0].obsolete, new[0].msgstr, new[0].flags) == (False, "", [])


def document(path, texts):
    """A plain-text document of these paragraphs."""
    text, blocks = "", []
    for t in texts:
        blocks.append(Block(t, "paragraph", text.count("\n") + 1, len(text), len(text) + len(t)))
        text += t + "\n\n"
    return Document(path, text, tuple(blocks))


def alignment(texts, found):
    """The source paragraphs aligned 1-1 with whatever translations the aligner `found` ('' = none)."""
    src, tgt = document("a.en.txt", texts), document("a.ko.txt", [f or "·" for f in found])
    beads = tuple(Bead((i,), (i,), 0.9, "translated" if f else "untranslated") for i, f in enumerate(found))
    return Alignment(src, tgt, beads)


# Property: random edits of an article, re-aligned into a translated PO, lose no translation.

WORDS = st.sampled_from(
    "alpha beta gamma delta python module import class value list string error file".split()
)
PARAGRAPH = st.lists(WORDS, min_size=4, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def edited(draw):
    """An article, an edited version of it, and what an aligner found for the edited version."""
    texts = draw(st.lists(PARAGRAPH, min_size=1, max_size=8))
    new = list(texts)
    for op in draw(st.lists(st.sampled_from(["change", "insert", "delete", "move"]), max_size=5)):
        if op == "insert" or not new:
            new.insert(draw(st.integers(0, len(new))), draw(PARAGRAPH))
        elif op == "change":
            i = draw(st.integers(0, len(new) - 1))
            new[i] = new[i].replace(" ", " " + draw(WORDS) + " ", 1)
        elif op == "delete":
            new.pop(draw(st.integers(0, len(new) - 1)))
        else:
            new.insert(draw(st.integers(0, len(new) - 1)), new.pop(draw(st.integers(0, len(new) - 1))))
    found = draw(st.lists(st.sampled_from(["", "정렬된 번역"]), min_size=len(new), max_size=len(new)))
    return texts, new, found


@settings(max_examples=150, deadline=None)
@given(edited())
def test_no_translation_is_lost_after_random_edits(case):
    texts, new_texts, found = case
    old = build_catalog(alignment(texts, [""] * len(texts)))
    for i, e in enumerate(old):
        e.msgstr = f"번역 {i}"  # what the translator wrote
    merged = merge(build_catalog(alignment(new_texts, found)), old)
    for e in old:
        kept = [m for m in merged if m.msgstr == e.msgstr]
        assert kept, f"lost {e.msgstr!r}"
        m = kept[0]
        assert m.obsolete or m.msgid == e.msgid or ("fuzzy" in m.flags and m.previous_msgid == e.msgid)
    live = [(m.msgctxt, m.msgid) for m in merged if not m.obsolete]
    assert [m.msgid for m in merged if not m.obsolete] == new_texts
    assert len(live) == len(set(live))


def test_align_cli_merge_options_prefer_target_no_backup_no_wrap(tmp_path):
    from pathlib import Path

    from typer.testing import CliRunner

    from transpair.cli.app import app
    from transpair.po.file import read_po, write_po

    pair = Path(__file__).resolve().parents[1] / "corpora" / "pydocs" / "tutorial-appetite"
    out = tmp_path / "a.po"
    run = CliRunner().invoke
    assert run(app, ["align", f"{pair}.en.txt", f"{pair}.ko.txt", "-o", str(out), "--no-wrap"]).exit_code == 0
    assert max(len(line) for line in out.read_text(encoding="utf-8").splitlines()) > 79
    po = read_po(out)
    aligned = po[1].msgstr
    po[1].msgstr = "번역가의 번역"
    write_po(po, out)
    assert run(app, ["align", f"{pair}.en.txt", f"{pair}.ko.txt", "-o", str(out)]).exit_code == 0
    assert read_po(out)[1].msgstr == "번역가의 번역" and (tmp_path / "a.po.bak").exists()
    (tmp_path / "a.po.bak").unlink()
    args = ["align", f"{pair}.en.txt", f"{pair}.ko.txt", "-o", str(out), "--prefer-target", "--no-backup"]
    assert run(app, args).exit_code == 0
    assert read_po(out)[1].msgstr == aligned and not (tmp_path / "a.po.bak").exists()


def test_po_of_another_article_is_refused_but_a_renamed_file_is_not():

    from transpair.errors import InputError

    old = po_of(entry("Other text.", "번역", occurrences=[("other.en.txt", "1")]))
    new = po_of(entry("Hello.", "", occurrences=[("post.en.txt", "1")]))
    with pytest.raises(InputError, match="another article"):
        merge(new, old)
    renamed = po_of(entry("Hello.", "", occurrences=[("renamed.en.txt", "1")]))
    assert (
        merge(renamed, po_of(entry("Hello.", "안녕", occurrences=[("post.en.txt", "1")])))[0].msgstr == "안녕"
    )


def test_kept_translation_restates_the_note_and_keeps_target_only_lines():
    from transpair.po.notes import Note, format_note, parse_note

    note = format_note(Note("1-1", "paragraph", 0.95, "untranslated", "copy of the source"))
    old = po_of(entry("Hello.", "안녕하세요!"), entry(LONG, "여우 번역"))
    new = po_of(
        entry("Hello.", "", comment=note + "\ntarget-only: 역주"), entry(LONG + " More.", "", comment=note)
    )
    first, second = merge(new, old)
    assert parse_note(first.comment) == Note("1-1", "paragraph", 0.95, "translated")
    assert first.comment.endswith("\ntarget-only: 역주")
    assert parse_note(second.comment).status == "fuzzy"


def test_an_outdated_note_stays_on_a_fuzzy_entry_and_goes_once_reviewed():
    note = (
        "transpair: 1-1 paragraph score=0.99 status=outdated cause=outdated\n"
        "outdated: source changed since 3f2a1c9 (2025-02-24)"
    )
    assert restate_note(note, "fuzzy") == note
    assert restate_note(note, "translated") == "transpair: 1-1 paragraph score=0.99 status=translated"


def test_a_lone_empty_translator_comment_survives_the_merge(tmp_path):
    from transpair.po.file import format_po, read_po

    path = tmp_path / "old.po"
    path.write_text(
        '#\nmsgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#\nmsgid "Hello."\nmsgstr "안녕."\n',
        encoding="utf-8",
    )
    merged = format_po(merge(po_of(entry("Hello.")), read_po(path)))
    assert merged.startswith('#\nmsgid ""') and '\n\n#\nmsgid "Hello."\nmsgstr "안녕."' in merged


def test_the_cause_line_follows_the_new_alignment_and_the_translators_lines_stay():
    from transpair.model import Cause
    from transpair.po.notes import Note, comment_cause, format_note

    old = po_of(entry("Hello.", "", tcomment="checked by Kim\ntranspair: cause=left-in-source"))
    note = format_note(Note("1-1", "paragraph", 0.9, "untranslated", "placeholder", Cause.PLACEHOLDER))
    [still_empty] = merge(po_of(entry("Hello.", "", comment=note)), old)
    assert still_empty.tcomment == "transpair: cause=placeholder\nchecked by Kim"
    assert comment_cause(still_empty.tcomment) == Cause.PLACEHOLDER
    done = format_note(Note("1-1", "paragraph", 0.9, "translated"))
    [filled] = merge(po_of(entry("Hello.", "안녕.", comment=done)), old)
    assert (filled.msgstr, filled.tcomment) == ("안녕.", "checked by Kim")


REVIEWED_NOTE = "transpair: 1-1 paragraph score=1.00 status=translated\ntranslated: reviewed"
MACHINE_NOTE = "transpair: 1-1 paragraph score=0.41 status=fuzzy cause=low-confidence"


def test_a_reviewers_pair_wins_over_the_machines_earlier_pair():
    old = po_of(entry("Hello.", "틀린 짝", flags=["fuzzy"], comment=MACHINE_NOTE, tcomment="kept"))
    [got] = merge(po_of(entry("Hello.", "안녕.", comment=REVIEWED_NOTE)), old)
    assert (got.msgstr, got.flags, got.tcomment) == ("안녕.", [], "kept")
    assert reviewed(got)


def test_a_reviewers_pair_wins_over_a_fuzzy_match_of_a_changed_source():
    old = po_of(entry(LONG, "옛 기계 짝", comment=MACHINE_NOTE))
    [got] = merge(po_of(entry(LONG.replace("quick", "fast"), "검토한 짝", comment=REVIEWED_NOTE)), old)
    assert (got.msgstr, got.flags, got.previous_msgid) == ("검토한 짝", [], None)


def test_an_entry_already_reviewed_keeps_the_translators_later_edit():
    old = po_of(entry("Hello.", "번역가가 고친 것", comment=REVIEWED_NOTE))
    [got] = merge(po_of(entry("Hello.", "안녕.", comment=REVIEWED_NOTE)), old)
    assert got.msgstr == "번역가가 고친 것"


def test_reviewed_reads_the_mark_among_other_reasons():
    both = "transpair: 1-1 paragraph score=1.00 status=untranslated cause=copy\nuntranslated: copy; reviewed"
    assert reviewed(entry("a", comment=both))
    assert not reviewed(entry("a", comment=MACHINE_NOTE)) and not reviewed(entry("a"))


def test_a_cosmetic_change_of_the_source_keeps_the_translation_translated():
    old = po_of(entry('He said "bar and left the room.', "그는 바라고 말하고 방을 나갔다."))
    [got] = merge(po_of(entry('He said "bar" and left the room.')), old)
    assert got.msgstr == "그는 바라고 말하고 방을 나갔다." and "fuzzy" not in got.flags
    assert got.previous_msgid is None


def test_a_changed_link_target_the_translation_holds_is_ported():
    korean = "자세한 것은 [가이드](/guide/a)를 보세요."
    old = po_of(entry("See [the guide](/guide/a) for the details.", korean))
    [got] = merge(po_of(entry("See [the guide](/guide/b) for the details.")), old)
    assert got.msgstr == "자세한 것은 [가이드](/guide/b)를 보세요." and "fuzzy" not in got.flags
    assert got.previous_msgid == "See [the guide](/guide/a) for the details."


def test_a_fuzzy_translation_stays_fuzzy_whatever_the_change():
    old = po_of(entry('He said "bar and left the room.', "그는 바라고 말했다.", flags=["fuzzy"]))
    [got] = merge(po_of(entry('He said "bar" and left the room.')), old)
    assert "fuzzy" in got.flags and got.previous_msgid == 'He said "bar and left the room.'


def test_unchanged_tells_a_merge_that_gave_the_old_catalog_back():
    old = polib.POFile()
    old.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    old.append(polib.POEntry(msgid="Hello", msgstr="안녕", occurrences=[("a.md", "1")]))
    same = copy.deepcopy(old)
    assert unchanged(same, old)
    same[0].flags = ["fuzzy"]
    assert not unchanged(same, old)
    other = copy.deepcopy(old)
    other.metadata["PO-Revision-Date"] = "2026-12-06 10:00+0000"
    assert not unchanged(other, old)
