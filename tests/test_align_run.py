"""The align job's runner: pair or folder, what it prints, the exit code."""

import pytest
from conftest import CORPORA

from transpair import align_run, catalog, pipeline
from transpair.errors import InputError
from transpair.pofile import read_po, write_po


def test_folder_with_a_target_is_refused(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        align_run.run(
            CORPORA / "pydocs",
            CORPORA / "pydocs",
            tmp_path,
            None,
            pipeline.AlignOptions(),
            pipeline.WriteOptions(),
        )


def test_folder_counts_failures_and_goes_on(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tutorial-appetite.en.txt", "tutorial-appetite.ko.txt"):
        (folder / name).write_bytes((CORPORA / "pydocs" / name).read_bytes())
    (folder / "broken.en.txt").write_bytes(b"\x00\x01\x02binary")
    code = align_run.run(
        folder, None, tmp_path / "out", None, pipeline.AlignOptions(), pipeline.WriteOptions(), quiet=True
    )
    err = capsys.readouterr().err
    assert code == align_run.EXIT_INPUT
    assert err.count("transpair: error:") == 1 and "broken.en.txt" in err
    assert (tmp_path / "out" / "tutorial-appetite.po").exists()


def test_pair_prints_its_summary(tmp_path, capsys):
    base = CORPORA / "pydocs" / "tutorial-appetite"
    code = align_run.run(
        base.with_suffix(".en.txt"),
        base.with_suffix(".ko.txt"),
        tmp_path / "a.po",
        None,
        pipeline.AlignOptions(),
        pipeline.WriteOptions(),
    )
    assert code == align_run.EXIT_OK
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'a.po'}: en -> ko, 17 beads:")


def test_realigning_unchanged_input_leaves_the_po_byte_identical(tmp_path, monkeypatch):
    base = CORPORA / "pydocs" / "tutorial-appetite"
    pair = (base.with_suffix(".en.txt"), base.with_suffix(".ko.txt"))
    out = tmp_path / "a.po"

    def align_at(stamp: str) -> bytes:
        monkeypatch.setattr(catalog, "timestamp", lambda when=None: stamp)
        opts = pipeline.WriteOptions(backup=False)
        assert align_run.run(*pair, out, None, pipeline.AlignOptions(), opts, quiet=True) == 0
        return out.read_bytes()

    first = align_at("2026-01-01 10:00+0000")
    assert align_at("2026-02-02 11:11+0000") == first
    po = read_po(out)
    cleared = next(e for e in po if e.msgstr)
    cleared.msgstr = ""  # a translation that changes on the next run
    write_po(po, out, backup=False)
    again = read_po_text(align_at("2026-03-03 12:12+0000"), tmp_path)
    assert again.metadata["PO-Revision-Date"] == "2026-03-03 12:12+0000"
    assert again.metadata["POT-Creation-Date"] == "2026-01-01 10:00+0000"


def read_po_text(data: bytes, folder):
    path = folder / "read.po"
    path.write_bytes(data)
    return read_po(path)
