"""names: file names as safe text for messages, PO references and UTF-8 outputs."""

import json
import os
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from transpair.names import ESCAPE, one_line, reference_name, shown


def test_undecodable_bytes_are_shown_as_hex_escapes():
    assert shown(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert shown("plain 한국어") == "plain 한국어"


def test_references_are_one_token():
    assert reference_name("/x/with space.en.txt") == "with\\x20space.en.txt"
    assert reference_name(os.fsdecode(b"d/new\nline\xff.md")) == "new\\x0aline\\xff.md"
    assert one_line("a\tb c") == "a\\x09b c"


def test_json_of_an_undecodable_name_reads_back_as_the_same_name():
    name = os.fsdecode(b"caf\xe9")
    text = json.dumps({"name": name}, ensure_ascii=False).encode("utf-8", ESCAPE).decode("utf-8")
    assert json.loads(text)["name"] == name


@given(st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\0" not in b))
def test_any_name_becomes_one_utf8_token_without_spaces_or_controls(raw):
    ref = reference_name(os.fsdecode(raw))
    ref.encode("utf-8")  # never raises
    assert ref and len(ref.split()) == 1
    assert not [c for c in ref if unicodedata.category(c) in ("Cc", "Cf", "Zs", "Zl", "Zp")]
