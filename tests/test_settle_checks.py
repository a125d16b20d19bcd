"""Tests for transpair.settle.checks: facts about a pair settled before aligning."""

from conftest import CORPORA

from transpair.read.reader import read_document
from transpair.settle import checks


def test_older_copy_needs_shared_wording():
    doc = read_document(CORPORA / "pydocs" / "howto-annotations.en.txt")
    other = read_document(CORPORA / "pydocs" / "tutorial-appetite.en.txt")
    assert checks.is_older_copy(doc, doc) and not checks.is_older_copy(doc, other)
