"""Records to JSON and back: what is written reads back equal, anything else is refused."""

import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transpair import codec
from transpair.check.findings import Entry
from transpair.model import Alignment, Bead, Block, Cause, Document, Origin

texts = st.text(max_size=30)
blocks = st.builds(Block, texts, st.sampled_from(["paragraph", "heading", "list"]), st.integers(1, 99))
documents = st.builds(
    Document,
    texts,
    texts,
    st.lists(blocks, max_size=4).map(tuple),
    lang=st.none() | st.just("ko"),
    line_ends=st.lists(st.sampled_from(["\n", "\r\n"]), max_size=3).map(tuple),
)
indices = st.lists(st.integers(0, 9), max_size=3).map(tuple)
beads = st.builds(
    Bead,
    indices,
    indices,
    st.floats(allow_nan=False),
    st.sampled_from(["translated", "fuzzy", ""]),
    texts,
    st.sampled_from(list(Cause)),
    st.booleans(),
    texts,
)
alignments = st.builds(
    Alignment,
    documents,
    documents,
    st.lists(beads, max_size=4).map(tuple),
    warnings=st.lists(texts, max_size=2).map(tuple),
    origin=st.none() | st.builds(Origin, texts, texts, st.integers(0, 9)),
)


@given(alignments)
def test_an_alignment_written_and_read_back_is_the_same(alignment):
    back = codec.loads(Alignment, codec.dumps(alignment))
    assert back == alignment
    assert all(isinstance(b.cause, Cause) for b in back.beads)
    assert all(isinstance(b.source, tuple) for b in back.beads)


def test_a_file_name_with_undecodable_bytes_reads_back():
    document = Document("caf\udce9.en.txt", "x", (Block("x"),))
    assert codec.loads(Document, codec.dumps(document)) == document


def test_an_int_score_too_large_for_a_float_is_refused():
    data = b'{"source":[0],"target":[],"score":1%s,"status":"","reason":"","cause":"",'
    with pytest.raises(ValueError):
        codec.loads(Bead, data % (b"0" * 400) + b'"reviewed":false,"previous":"","ported":[]}')


def test_an_int_score_reads_back_as_a_float():
    assert (
        codec.loads(
            Bead,
            b'{"source":[0],"target":[],"score":1,"status":"","reason":"","cause":"",'
            b'"reviewed":false,"previous":"","ported":[]}',
        ).score
        == 1.0
    )


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"[1, 2]",
        json.dumps({"rev": "a"}).encode(),  # a field missing
        json.dumps(
            {"rev": "a", "date": "b", "commits_since": 1, "changed": 0, "added": 0, "removed": 0, "extra": 1}
        ).encode(),
        json.dumps(
            {"rev": 5, "date": "b", "commits_since": 1, "changed": 0, "added": 0, "removed": 0}
        ).encode(),
        json.dumps(
            {"rev": "a", "date": "b", "commits_since": "1", "changed": 0, "added": 0, "removed": 0}
        ).encode(),
        json.dumps(["rev", "date", "commits_since", "changed", "added", "removed"]).encode(),  # its names
        pytest.param(b"[" * 100_000, id="nested deeper than Python recurses"),
    ],
)
def test_data_that_is_not_the_record_is_refused(data):
    with pytest.raises((ValueError, TypeError, KeyError)):
        codec.loads(Origin, data)


@given(st.builds(Entry, texts, st.integers(0, 99), texts, texts, st.frozensets(texts, max_size=3)))
def test_a_record_holding_a_set_reads_back_and_equal_sets_write_the_same(entry):
    data = codec.dumps(entry)
    assert codec.loads(Entry, data) == entry
    assert codec.dumps(replace(entry, silenced=frozenset(reversed(sorted(entry.silenced))))) == data
