"""kept: text found only in the translation, carried verbatim in a translator comment and read back."""

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.po.file import read_po, write_po
from transpair.po.kept import carrier, kept_text, read_kept
from transpair.read import reader


def korean(text: str):
    return reader.bytes_document(text.encode(), "a.ko.md")


def run_of(doc, *texts):
    """The blocks (and code blocks) whose text starts with one of `texts`, and all the others."""
    every = sorted([*doc.blocks, *doc.code], key=lambda b: b.start)
    run = [b for b in every if b.text.startswith(texts)]
    return run, [b for b in every if b not in run]


def test_a_korean_only_container_is_carried_with_its_wrapper_lines():
    doc = korean("앞 문단.\n\n::: tip 역자 주\n설명입니다.\n:::\n\n뒤 문단.\n")
    run, others = run_of(doc, "역자 주", "설명")
    assert kept_text(doc, run, others) == "::: tip 역자 주\n설명입니다.\n:::"


def test_a_closing_line_of_a_container_opened_before_the_run_stays_out():
    doc = korean("::: tip 팁\n번역된 문단.\n\n역자가 더한 문단.\n:::\n\n뒤 문단.\n")
    run, others = run_of(doc, "역자가")
    assert kept_text(doc, run, others) == "역자가 더한 문단."


def test_a_korean_only_code_block_keeps_its_fences_but_not_the_next_ones():
    doc = korean("앞 문단.\n\n```js\n// 예제\n```\n\n```js\nnext()\n```\n")
    run, others = run_of(doc, "// 예제")
    assert kept_text(doc, run, others) == "```js\n// 예제\n```"


def test_markers_of_quotes_and_list_items_are_kept():
    doc = korean("- 항목\n- 역자 항목\n\n> 역자 인용\n> 둘째 줄\n\n끝.\n")
    assert kept_text(doc, *run_of(doc, "역자 항목")) == "- 역자 항목"
    assert kept_text(doc, *run_of(doc, "역자 인용")) == "> 역자 인용\n> 둘째 줄"


@settings(deadline=None, max_examples=50)  # each example writes and reads a PO file
@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.just("\n"), min_size=1))
def test_a_carrier_reads_back_through_a_po_file(text, tmp_path_factory):
    path = tmp_path_factory.mktemp("kept") / "a.po"
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="One.", msgstr="하나.", tcomment=carrier(text)))
    write_po(po, path)
    lines = [line.rstrip() for line in text.split("\n")]  # a comment line's trailing space is not kept
    assert read_kept(read_po(path)[0].tcomment) == ("after", "\n".join(lines))


def test_no_carrier_reads_as_none_and_before_is_told_apart():
    assert read_kept("") is None and read_kept("a translator's own note") is None
    assert read_kept("own note\n" + carrier("역주", before=True)) == ("before", "역주")
