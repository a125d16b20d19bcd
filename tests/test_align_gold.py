"""gold: eval's gold files are checked (shape, types, coverage, block counts) with a one-line error."""

import json

import pytest
from test_safety import cli, one_error_line

from transpair.align import evaluate
from transpair.errors import InputError


def folder_with(tmp_path, gold_text: str, blocks: int = 2):
    """A gold folder with one pair of BLOCKS paragraphs and the given gold file text."""
    (tmp_path / "a.en.txt").write_text("\n\n".join(f"Paragraph {i} here." for i in range(blocks)) + "\n")
    (tmp_path / "a.ko.txt").write_text("\n\n".join(f"문단 {i} 입니다." for i in range(blocks)) + "\n")
    (tmp_path / "a.gold.json").write_text(gold_text)
    return tmp_path


GOOD = {"beads": [[[0], [0]], [[1], [1]]], "untranslated_en": []}


@pytest.mark.parametrize(
    "gold,message",
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("{", "not a gold file"),
        ('{"beads": 3}', '"beads" list'),
        ('{"beads": [[["0"], [0]], [[1], [1]]]}', "'0' is not a block index"),
        ('{"beads": [[[true], [0]], [[1], [1]]]}', "True is not a block index"),
        ('{"beads": [[[-1], [0]], [[1], [1]]]}', "-1 is not a block index"),
        ('{"beads": [[[0], [0]], [[0], [1]]]}', "source block 0 is in two beads"),
        ('{"beads": [[[0], [0]], [[5], [1]]]}', "source block 1 is in no bead"),
        ('{"beads": [[[0], [0], [1]]]}', "expected [[source ids], [target ids]]"),
        ('{"beads": [[[0], [0]], [[1], [1]]], "untranslated_en": [7]}', "untranslated_en"),
        ('{"beads": [[[0], [0]], [[1], [1]]], "untranslated_en": ["x"]}', "not a block index"),
        ('{"beads": [[[0], [0]], [[1], [1]]], "paragraphs": [[[0, 1]]]}', "[[source paragraphs], [target"),
        ('{"beads": [[[0], [0]], [[1], [1]]], "paragraphs": [[[0, 1]], [[]]]}', "non-empty lists"),
        ('{"beads": [[[0], [0]], [[1], [1]]], "paragraphs": [[[1], [0]], [[0, 1]]]}', "0, 1, 2... in order"),
        ('{"beads": [[[0], [0]], [[1], [1]]], "paragraphs": [[[0, 1]], [[0]]]}', "target paragraphs do not"),
    ],
)
def test_bad_gold_files_are_refused_naming_the_problem(tmp_path, gold, message):
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")) as info:
        evaluate.load_gold(folder_with(tmp_path, gold))
    assert "a.gold.json" in str(info.value) and "\n" not in str(info.value)


def test_gold_that_does_not_match_the_files_block_counts_is_refused(tmp_path):
    folder = folder_with(tmp_path, json.dumps(GOOD), blocks=3)
    (doc,) = evaluate.load_gold(folder)
    with pytest.raises(InputError, match="2 source blocks in the beads, but the file has 3"):
        evaluate.align_gold_doc(doc)


def test_good_gold_loads(tmp_path):
    (doc,) = evaluate.load_gold(folder_with(tmp_path, json.dumps(GOOD)))
    assert doc.beads == (((0,), (0,)), ((1,), (1,)))
    assert doc.paragraphs is None


def test_sentence_gold_loads_its_paragraphs(tmp_path):
    gold = {**GOOD, "paragraphs": [[[0, 1]], [[0], [1]]]}
    (doc,) = evaluate.load_gold(folder_with(tmp_path, json.dumps(gold)))
    assert doc.paragraphs == (((0, 1),), ((0,), (1,)))


def test_eval_cli_gives_one_line_for_nested_json_and_a_gold_folder(tmp_path):
    folder_with(tmp_path, "[" * 100_000)
    one_error_line(cli("eval", tmp_path), "nested too deeply")
    (tmp_path / "a.gold.json").unlink()
    (tmp_path / "a.gold.json").mkdir()
    one_error_line(cli("eval", tmp_path), "is a directory")


def test_gold_with_crossing_beads_loads_and_scores_moves_as_pairs(tmp_path):
    # data/gold/helm-ko getting_started: the translator swapped two sentences (EN 40/41 are KO 40/39)
    swapped = {"beads": [[[0], [1]], [[1], [0]]], "untranslated_en": [], "moved": [[[1], [0]]]}
    (doc,) = evaluate.load_gold(folder_with(tmp_path, json.dumps(swapped)))
    assert evaluate.scores(evaluate.count(doc.beads, doc.beads)).strict == (1.0, 1.0, 1.0)
    merged = evaluate.scores(evaluate.count(doc.beads, [((0, 1), (0, 1))]))
    assert merged.strict == (0.0, 0.0, 0.0)
    assert merged.lax[:2] == (1.0, 1.0)
