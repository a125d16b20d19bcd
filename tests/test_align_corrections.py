"""Reviewer corrections: the file format, stale detection, aligning around fixed beads, the align option."""

import json
import shutil
import subprocess

import pytest
from conftest import dev_data
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair import pipeline
from transpair.align import corrections, embed, evaluate
from transpair.cli.app import app
from transpair.errors import InputError
from transpair.model import Alignment, Bead, Block, Cause, Document
from transpair.read import reader

GOLD = dev_data() / "pydocs-ko-hard"


def doc(texts, path="a.txt") -> Document:
    """A document of one block per text."""
    return Document(path, "\n\n".join(texts), tuple(Block(t, line=2 * k + 1) for k, t in enumerate(texts)))


def positional(src, tgt) -> list[Bead]:
    """A stand-in gap aligner (local indices): the first two source blocks with the first target block when
    there are more source blocks, then pairs by position, the rest one-sided."""
    merged = len(src) > len(tgt) >= 1
    first = [Bead((0, 1), (0,), 0.5, "translated")] if merged else []
    s0, t0 = (2, 1) if merged else (0, 0)
    count = min(len(src) - s0, len(tgt) - t0)
    pairs = [Bead((s0 + k,), (t0 + k,), 0.5, "translated") for k in range(count)]
    rest = [Bead((k,), (), 0.5) for k in range(s0 + count, len(src))]
    return first + pairs + rest + [Bead((), (k,), 0.5) for k in range(t0 + count, len(tgt))]


def test_text_hash_is_fnv1a_64():
    assert corrections.text_hash("") == "cbf29ce484222325"
    assert corrections.text_hash("a") == "af63dc4c8601ec8c"
    assert corrections.text_hash("한") != corrections.text_hash("한 ")


def write(tmp_path, data) -> str:
    path = tmp_path / "corrections.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "data",
    [
        "{",
        [],
        {"format": "other", "beads": []},
        {"format": corrections.FORMAT, "beads": [{"source": [1, 3], "target": [], "hash": "x"}]},
        {"format": corrections.FORMAT, "beads": [{"source": [], "target": [], "hash": "x"}]},
        {"format": corrections.FORMAT, "beads": [{"source": [-1], "target": [0], "hash": "x"}]},
        {"format": corrections.FORMAT, "beads": [{"source": [0]}]},
    ],
)
def test_load_refuses_what_is_not_a_corrections_file(tmp_path, data):
    with pytest.raises(InputError, match="not a corrections file"):
        corrections.read(write(tmp_path, data))


def test_round_trip_and_stale_corrections():
    source, target = doc(["One.", "Two.", "Three."]), doc(["하나.", "둘.", "셋."])
    fixed = [corrections.fixed_of(Bead((0, 1), (0,), 1.0), source, target)]
    fixed.append(corrections.fixed_of(Bead((2,), (1, 2), 1.0), source, target))
    data = corrections.corrections_json(fixed, source, target)
    assert data["beads"][0] == {"source": [0, 1], "target": [0], "hash": fixed[0].hash}
    changed = doc(["One.", "Two.", "Three, edited."])
    assert corrections.current(fixed, source, target) == (fixed, 0)
    assert corrections.current(fixed, changed, target) == (fixed[:1], 1)
    assert corrections.current(fixed, doc(["One."]), target) == ([], 2)


def test_overlapping_and_crossing_corrections_are_refused():
    blocks = [Block("x")] * 4
    overlap = [corrections.Fixed((0,), (0,), ""), corrections.Fixed((0, 1), (1,), "")]
    with pytest.raises(InputError, match="overlap at source block 0"):
        corrections.align_around(blocks, blocks, overlap, positional)
    cross = [corrections.Fixed((0,), (2,), ""), corrections.Fixed((1,), (1,), "")]
    with pytest.raises(InputError, match="cross"):
        corrections.align_around(blocks, blocks, cross, positional)


@st.composite
def alignments_with_fixed(draw):
    """A random monotone alignment (lists of block indices per bead) and a random subset of it to fix."""
    shapes = draw(st.lists(st.sampled_from([(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)]), max_size=14))
    beads, s, t = [], 0, 0
    for a, b in shapes:
        beads.append((tuple(range(s, s + a)), tuple(range(t, t + b))))
        s, t = s + a, t + b
    chosen = draw(st.lists(st.booleans(), min_size=len(beads), max_size=len(beads)))
    fixed = [corrections.Fixed(src, tgt, "") for (src, tgt), keep in zip(beads, chosen) if keep]
    return s, t, fixed


@settings(max_examples=200, deadline=None)
@given(alignments_with_fixed())
def test_align_around_covers_every_block_once_in_order_and_keeps_the_fixed_beads(case):
    n, m, fixed = case
    beads = corrections.align_around([Block("s")] * n, [Block("t")] * m, fixed, positional)
    for side, size in ((0, n), (1, m)):
        ids = [i for b in beads for i in (b.source, b.target)[side]]
        assert ids == list(range(size))
        for b in beads:
            part = (b.source, b.target)[side]
            assert list(part) == list(range(part[0], part[0] + len(part))) if part else True
    found = {(b.source, b.target) for b in beads}
    assert {(f.source, f.target) for f in fixed} <= found


def test_mark_reviewed_makes_a_low_confidence_bead_sure_and_keeps_text_findings():
    source, target = doc(["One.", "Two.", "Three."]), doc(["하나.", "Two.", "셋."])
    beads = (
        Bead((0,), (0,), 0.2, "fuzzy", "low alignment confidence", Cause.LOW_CONFIDENCE),
        Bead((1,), (1,), 0.9, "untranslated", "left in English", Cause.LEFT_IN_SOURCE),
        Bead((2,), (2,), 0.3, "fuzzy", "low alignment confidence", Cause.LOW_CONFIDENCE),
    )
    fixed = [corrections.Fixed(b.source, b.target, "") for b in beads[:2]]
    marked = corrections.mark_reviewed(Alignment(source, target, beads), fixed).beads
    assert marked[0] == Bead((0,), (0,), 1.0, "translated", "reviewed", reviewed=True)
    left = Bead(
        (1,), (1,), 1.0, "untranslated", "left in English; reviewed", Cause.LEFT_IN_SOURCE, reviewed=True
    )
    assert marked[1] == left
    assert marked[2] == beads[2]


def gold_doc(name):
    return next(d for d in evaluate.load_gold(GOLD) if d.name == name)


def test_gold_beads_as_corrections_give_exactly_the_gold_beads(tmp_path):
    """Feeding all of a hard dev document's gold beads yields them, and so does a reviewer's loop: each
    round fixes only the beads that are still wrong (what a person does on the review page)."""
    gold = gold_doc("tutorial-appetite")
    source, target = reader.read_document(gold.source), reader.read_document(gold.target)
    everything = [corrections.fixed_of(Bead(s, t, 1.0), source, target) for s, t in gold.beads]
    path = tmp_path / "corrections.json"
    assert _ids(_align_with(source, target, everything, path)) == list(gold.beads)
    fixed, rounds, found = [], 0, _ids(_align_with(source, target, [], path))
    assert found != list(gold.beads)  # the aligner gets this document wrong somewhere
    while found != list(gold.beads) and rounds < 5:
        fixed += [f for f in everything if (f.source, f.target) not in found]
        found, rounds = _ids(_align_with(source, target, fixed, path)), rounds + 1
    assert found == list(gold.beads)
    assert len(fixed) < len(everything) / 2  # far fewer corrections than beads


def _align_with(source, target, fixed, path) -> Alignment:
    """Align through the pipeline with these corrections, written to PATH as the page exports them."""
    path.write_text(json.dumps(corrections.corrections_json(fixed, source, target)), encoding="utf-8")
    pair = pipeline.Pair(source, target, "en", "ko")
    return pipeline.aligned(pair, "paragraph", embed.shared_similarity(), corrections.read(path))


def _ids(alignment):
    return [(b.source, b.target) for b in alignment.beads]


def test_align_command_applies_corrections_and_warns_about_stale_ones(tmp_path, runner, msgfmt):
    gold = gold_doc("tutorial-appetite")
    for path in (gold.source, gold.target):
        shutil.copy(path, tmp_path)
    source, target = tmp_path / gold.source.name, tmp_path / gold.target.name
    src, tgt = reader.read_document(source), reader.read_document(target)
    fixed = [corrections.fixed_of(Bead((0, 1), (0,), 1.0), src, tgt)]
    fixed.append(corrections.Fixed((2,), (1,), "0" * 16))  # made on other texts
    path = write(tmp_path, corrections.corrections_json(fixed, src, tgt))
    out = tmp_path / "a.po"
    args = ["align", str(source), str(target), "-o", str(out), "--corrections", str(path), "--beads"]
    result = runner.invoke(app, [*args, str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [f"transpair: warning: {corrections.stale_warning(path, 1, 2)}"]
    beads = json.loads((tmp_path / "b.json").read_text())["beads"]
    assert beads[0] == {
        "source": [0, 1],
        "target": [0],
        "status": "translated",
        "score": 1.0,
        "reason": "reviewed",
        "reviewed": True,
    }
    po = out.read_text()
    assert "#. transpair: 2-1 heading score=1.00 status=translated\n#. translated: reviewed\n" in po
    assert "fuzzy" not in po.split("\n\n")[1]
    subprocess.run([msgfmt, "--check-format", "--check-header", "-o", "/dev/null", str(out)], check=True)


def test_align_command_refuses_bad_corrections_in_one_line(tmp_path, runner):
    gold = gold_doc("tutorial-appetite")
    bad = write(tmp_path, {"format": corrections.FORMAT, "beads": [{"source": [0], "target": [0]}]})
    args = [
        "align",
        str(gold.source),
        str(gold.target),
        "-o",
        str(tmp_path / "a.po"),
        "--corrections",
        str(bad),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("transpair: error:")
    sentence = runner.invoke(app, [*args[:-1], str(tmp_path / "none.json"), "--unit", "sentence"])
    assert sentence.exit_code == 2 and "without --unit sentence" in sentence.stderr


def test_folders_take_each_article_s_corrections_from_a_folder_and_warn_about_stale_ones(tmp_path, runner):
    folder, fixes = tmp_path / "in", tmp_path / "fixes"
    folder.mkdir(), fixes.mkdir()
    for name in ("tutorial-appetite", "tutorial-venv"):
        for lang in ("en", "ko"):
            shutil.copy(GOLD / f"{name}.{lang}.txt", folder)
    src, tgt = (reader.read_document(folder / f"tutorial-venv.{lang}.txt") for lang in ("en", "ko"))
    fixed = [corrections.fixed_of(Bead((0,), (), 1.0), src, tgt), corrections.Fixed((1,), (1,), "0" * 16)]
    own = fixes / "tutorial-venv.corrections.json"
    own.write_text(json.dumps(corrections.corrections_json(fixed, src, tgt)))
    fake = ["--similarity", "fake_similarity:BagOfWords", "-q"]
    args = ["align", str(folder), "-o", str(tmp_path / "po"), "--beads", str(tmp_path / "b"), *fake]
    result = runner.invoke(app, [*args, "--corrections", str(fixes)])
    assert result.exit_code == 0, result.output
    stale = f"transpair: warning: {corrections.stale_warning(own, 1, 2)}"
    assert [line for line in result.stderr.splitlines() if "warning" in line] == [stale]
    beads = {
        n: json.loads((tmp_path / "b" / f"{n}.json").read_text())["beads"]
        for n in ("tutorial-appetite", "tutorial-venv")
    }
    first = next(b for b in beads["tutorial-venv"] if b["source"] == [0])
    assert first["target"] == [] and first["reason"].endswith("reviewed")
    assert not any(b.get("reason", "").endswith("reviewed") for b in beads["tutorial-appetite"])
    refused = runner.invoke(app, [*args, "--corrections", str(own)])
    assert refused.exit_code == 2 and "names a folder" in refused.stderr
    review = ["review", str(folder), "-o", str(tmp_path / "pages"), "--corrections", str(fixes), *fake]
    reviewed = runner.invoke(app, review)
    assert reviewed.exit_code == 0 and [
        line for line in reviewed.stderr.splitlines() if "warning" in line
    ] == [stale]


def test_keep_history_takes_historys_beads_between_the_reviewers():
    from transpair.model import Alignment, Document

    doc = Document("a", "", ())
    reviewed = Bead((0,), (0,), 1.0, "translated", reviewed=True)
    today = (
        reviewed,
        Bead((1,), (), 0.3, "source-only"),
        Bead((2,), (1,), 0.9, "translated"),
        Bead((), (2,), 0.3),
    )
    moved = (Bead((0,), (0,), 0.9), Bead((2,), (1,), 0.9, "outdated"), Bead((1,), (2,), 0.9, "translated"))
    kept = corrections.keep_history(Alignment(doc, doc, today), Alignment(doc, doc, moved))
    assert kept.beads == (reviewed, moved[1], moved[2])  # the gap after the correction, as history has it
    crossing = (Bead((0, 1), (0,), 0.9), Bead((2,), (1,), 0.9, "outdated"), Bead((), (2,), 0.3))
    kept = corrections.keep_history(Alignment(doc, doc, today), Alignment(doc, doc, crossing))
    assert kept.beads == (reviewed, today[1], crossing[1], crossing[2])  # history's bead crosses it: per bead
