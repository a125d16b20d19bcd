"""Tests for transpair.align.beads: the beads JSON written and read back, a file that does not fit refused."""

import json

import pytest
from untranslated_fixtures import EN, KO, doc

from transpair.align.beads import beads_json, read_beads
from transpair.errors import InputError
from transpair.model import Alignment, Bead


def test_read_beads_gives_back_the_alignment_beads_json_wrote(tmp_path):
    source, target = doc(EN), doc(KO[:3])
    beads = (
        Bead((0, 1), (0,), 0.5, "fuzzy", "low alignment confidence"),
        Bead((2,), (), 0.9, "source-only", "missing in target"),
        Bead((3,), (1, 2), 0.8, "translated"),
    )
    alignment = Alignment(source, target, beads, "en", "ko")
    path = tmp_path / "beads.json"
    path.write_text(json.dumps(beads_json(alignment)))
    assert read_beads(path, source, target) == alignment
    with pytest.raises(InputError, match="do not fit"):
        read_beads(path, target, source)
    path.write_text(json.dumps(beads_json(alignment)).replace('"fuzzy"', '"maybe"'))
    with pytest.raises(InputError, match="not a beads file"):
        read_beads(path, source, target)


@pytest.mark.parametrize(
    "planted",
    [
        ('"score": 0.5', '"score": NaN'),
        ('"score": 0.5', '"score": Infinity'),
        ('"score": 0.5', '"score": 7'),
        ('"source": [2]', '"source": [true]'),
        ('"source": [2]', '"source": [9]'),
    ],
)
def test_a_beads_file_with_indices_or_scores_out_of_range_is_refused(tmp_path, planted):
    source, target = doc(EN[:3]), doc(KO[:3])
    beads = (Bead((0, 1), (0, 1), 0.5, "fuzzy"), Bead((2,), (2,), 0.9, "translated"))
    path = tmp_path / "beads.json"
    text = json.dumps(beads_json(Alignment(source, target, beads, "en", "ko")))
    assert planted[0] in text
    path.write_text(text.replace(*planted, 1))
    with pytest.raises(InputError, match="do not fit|not a beads file"):
        read_beads(path, source, target)
