"""write: files written through a temporary file and a rename, never over an input, errors in one line."""

import json
import os

import pytest

from transpair.errors import InputError
from transpair.write import refuse_overwriting, write_json, write_text


def test_write_into_missing_folder_is_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        write_text(tmp_path / "nope" / "a.po", "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_write_into_read_only_folder_is_input_error_and_keeps_old_file(tmp_path):
    path = tmp_path / "a.po"
    path.write_text("old\n")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(InputError, match="cannot write"):
            write_text(path, "new\n")
    finally:
        tmp_path.chmod(0o700)
    assert path.read_text() == "old\n"


def test_permission_error_while_writing_is_input_error_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "a.po"
    path.write_text("old\n")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match="Permission denied"):
        write_text(path, "new\n")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.po"]


def test_an_output_naming_an_input_or_another_output_is_refused(tmp_path):
    source = tmp_path / "a.en.txt"
    source.write_text("x")
    with pytest.raises(InputError, match="would overwrite"):
        refuse_overwriting([tmp_path / "." / "a.en.txt"], [source])
    with pytest.raises(InputError, match="would overwrite"):
        refuse_overwriting([tmp_path / "o.po", tmp_path / "o.po"], [source])
    refuse_overwriting([tmp_path / "o.po", None], [source])


def test_json_is_written_with_hangul_as_is(tmp_path):
    path = write_json(tmp_path / "b.json", {"text": "한국어"})
    assert "한국어" in path.read_text(encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == {"text": "한국어"}
