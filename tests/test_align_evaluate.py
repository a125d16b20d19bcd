"""The bead metric (README worked example), the 'po' view, gold loading and the eval command."""

import json
import random
import shutil
from pathlib import Path

import pytest
from conftest import dev_data
from fake_similarity import BagOfWords, paragraph, translate
from typer.testing import CliRunner

from transpair.align import evaluate
from transpair.cli.app import app
from transpair.errors import InputError
from transpair.model import Bead

GOLD = [([0], [0]), ([1], [1, 2]), ([2], []), ([3], [3]), ([4], [4])]
PREDICTED = [([0], [0]), ([1], [1]), ([], [2]), ([2, 3], [3]), ([4], [4])]


def test_worked_example_of_the_readme():
    result = evaluate.scores(evaluate.count(GOLD, PREDICTED))
    assert [round(x, 3) for x in result.strict] == [0.4, 0.5, 0.444]
    assert [round(x, 3) for x in result.lax] == [0.8, 1.0, 0.889]


def test_perfect_prediction_and_empty_beads():
    result = evaluate.scores(evaluate.count(GOLD + [([], [])], GOLD))
    assert result.strict == (1.0, 1.0, 1.0)
    assert evaluate.scores(evaluate.count([], [])).strict == (0.0, 0.0, 0.0)


def test_counts_are_micro_averaged():
    total = evaluate.count(GOLD, PREDICTED) + evaluate.count(GOLD, GOLD)
    assert evaluate.scores(total).strict[0] == pytest.approx(7 / 10)


def test_po_view_splits_untranslated_beads():
    assert evaluate.split_untranslated([((0,), (0,)), ((1,), (1, 2))], {1}) == [
        ((0,), (0,)),
        ((1,), ()),
        ((), (1,)),
        ((), (2,)),
    ]
    beads = [Bead((0,), (0,), 0.9, "translated"), Bead((1,), (1,), 0.99, "untranslated")]
    as_given, po = evaluate.predicted_views(beads)
    assert as_given == [((0,), (0,)), ((1,), (1,))]
    assert po == [((0,), (0,)), ((1,), ()), ((), (1,))]


def write_gold(folder, name, n=4):
    """A small gold document: n English paragraphs, their fake translations, a 1-1 gold."""
    rng = random.Random(n)
    en = [paragraph(rng) for _ in range(n)]
    (folder / f"{name}.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    (folder / f"{name}.ko.txt").write_text("\n\n".join(translate(t) for t in en) + "\n", encoding="utf-8")
    gold = {"beads": [[[i], [i]] for i in range(n)], "untranslated_en": []}
    (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def test_load_gold_reads_triples_and_rejects_bad_folders(tmp_path):
    write_gold(tmp_path, "a")
    docs = evaluate.load_gold(tmp_path)
    assert [d.name for d in docs] == ["a"]
    assert docs[0].beads[1] == ((1,), (1,))
    with pytest.raises(InputError, match="not a folder"):
        evaluate.load_gold(tmp_path / "missing")
    (tmp_path / "b.gold.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="missing"):
        evaluate.load_gold(tmp_path)
    (tmp_path / "b.en.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.ko.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a gold file"):
        evaluate.load_gold(tmp_path)


def test_eval_command_prints_both_metrics(tmp_path):
    write_gold(tmp_path, "one", 4)
    write_gold(tmp_path, "two", 5)
    runner = CliRunner()
    result = runner.invoke(
        app, ["eval", str(tmp_path), "--json", "--similarity", "fake_similarity:BagOfWords"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 2
    assert figures["align"]["strict"]["f1"] == 1.0
    assert figures["po"]["strict"]["f1"] == 1.0
    table = runner.invoke(app, ["eval", str(tmp_path), "--similarity", "fake_similarity:BagOfWords"])
    assert "strict P" in table.output and "align" in table.output


def test_eval_command_bad_input_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "no NAME.gold.json" in result.output


def test_eval_with_the_real_model_on_restructured_pydocs(tmp_path):
    """Two small pydocs-ko-hard documents (a merge, a split, a drop) with USE: nearly every bead right."""
    for name in ("tutorial-interpreter", "tutorial-whatnow"):
        for suffix in (".en.txt", ".ko.txt", ".gold.json"):
            shutil.copy(dev_data() / "pydocs-ko-hard" / f"{name}{suffix}", tmp_path)
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["align"]["strict"]["f1"] >= 0.95
    assert figures["po"]["strict"]["f1"] >= 0.95


SENTENCES = Path(__file__).parent / "data" / "gold" / "sentences-ko"


def test_sentence_gold_aligns_paragraphs_then_sentences_on_the_gold_cut(tmp_path):
    """A sentence gold of fake translations: two paragraphs of two sentences, the second split in the
    target; the paragraphs are joined for the paragraph step and the sentences scored on the gold's cut."""
    rng = random.Random(3)
    en = [paragraph(rng, 8) for _ in range(4)]
    ko = [translate(en[0]), translate(en[1]), translate(en[2]), *translate(en[3]).split(" ", 1)]
    (tmp_path / "a.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "a.ko.txt").write_text("\n\n".join(ko) + "\n", encoding="utf-8")
    beads = [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3, 4]]]
    gold = {"beads": beads, "paragraphs": [[[0, 1], [2, 3]], [[0, 1], [2, 3, 4]]]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (doc,) = evaluate.load_gold(tmp_path)
    found = evaluate.align_gold_doc(doc, BagOfWords())
    assert [b.text for b in found.source.blocks] == en
    assert [(b.source, b.target) for b in found.beads] == [tuple(map(tuple, b)) for b in beads]
    # the segmenter cuts every English paragraph as the gold does, not the Korean one cut inside a sentence
    assert evaluate.segmenter_agreement(doc) == (2, 2, 1, 2)


def test_eval_command_on_the_sentence_gold_excerpt(runner):
    """Four documents of data/gold/sentences-ko (1-2, 2-1 and paragraph-merge beads) with the real model."""
    result = runner.invoke(app, ["eval", str(SENTENCES), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 4
    assert figures["align"]["strict"]["f1"] >= 0.95
    assert figures["segmenter"] == {"source": [11, 12], "target": [13, 13]}
    table = runner.invoke(app, ["eval", str(SENTENCES)])
    assert "transpair's segmenter cuts 11 of 12 source and 13 of 13 target paragraphs" in table.output


def test_load_gold_takes_the_translation_language_from_the_file_names(tmp_path):
    write_gold(tmp_path, "a")
    (tmp_path / "a.ko.txt").rename(tmp_path / "a.zh-CN.txt")
    write_gold(tmp_path, "b")
    (tmp_path / "b.ko.txt").rename(tmp_path / "b.ja.txt")
    docs = evaluate.load_gold(tmp_path)
    assert [(d.target.name, d.target_lang) for d in docs] == [("a.zh-CN.txt", "zh_CN"), ("b.ja.txt", "ja")]
    with pytest.raises(InputError, match=r"expected one NAME\.ja\.txt beside it, found none"):
        evaluate.load_gold(tmp_path, "ja")


def test_a_folder_with_two_translations_needs_target_lang(tmp_path, runner):
    write_gold(tmp_path, "a")
    shutil.copy(tmp_path / "a.ko.txt", tmp_path / "a.fr.txt")
    with pytest.raises(InputError, match="found a.fr.txt, a.ko.txt"):
        evaluate.load_gold(tmp_path)
    assert [d.target_lang for d in evaluate.load_gold(tmp_path, "fr")] == ["fr"]
    fake = ["--similarity", "fake_similarity:BagOfWords"]
    result = runner.invoke(app, ["eval", str(tmp_path), "--json", "--target-lang", "ko", *fake])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["align"]["strict"]["f1"] == 1.0
    bad = runner.invoke(app, ["eval", str(tmp_path), "--target-lang", "not a code", *fake])
    assert bad.exit_code == 2 and "not a language code" in bad.output


@pytest.mark.parametrize(
    ("folder", "options"), [("vuedocs-ja", []), ("vuedocs-zh", ["--target-lang", "zh-Hans"])]
)
def test_eval_with_the_real_model_on_japanese_and_chinese_gold(runner, folder, options):
    """Vue docs pages against an older translation (new English sections, 1-0) through the CLI."""
    gold = Path(__file__).parent / "data" / "gold" / folder
    result = runner.invoke(app, ["eval", str(gold), "--json", *options])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 1
    assert figures["align"]["strict"]["f1"] >= 0.95
    assert figures["po"]["strict"]["f1"] >= 0.95
