"""po.charset: the header's charset is read when msgfmt calls it portable, refused with its line otherwise."""

import subprocess

import pytest

from transpair.errors import InputError
from transpair.po.charset import PORTABLE, decode, header_charset

HEAD = 'msgid ""\nmsgstr "Content-Type: text/plain; charset={}\\n"\n\nmsgid "a"\nmsgstr "b"\n'


@pytest.mark.parametrize("name", PORTABLE)
def test_every_name_read_is_one_msgfmt_calls_portable(tmp_path, name, msgfmt):
    path = tmp_path / "cs.po"
    path.write_text(HEAD.format(name), encoding="ascii")
    warning = subprocess.run([msgfmt, "-o", "/dev/null", str(path)], capture_output=True, text=True).stderr
    assert "not a portable encoding name" not in warning
    assert decode(path.read_bytes(), header_charset(path.read_bytes(), path), path).endswith('msgstr "b"\n')


@pytest.mark.parametrize(
    ("name", "codec"), [("utf8", "utf-8"), ("latin1", "iso8859-1"), ("CHARSET", "utf-8")]
)
def test_aliases_of_portable_names_and_the_template_placeholder_are_read(name, codec):
    assert header_charset(HEAD.format(name).encode(), "a.po") == codec


@pytest.mark.parametrize(
    "name", ["rot13", "base64", "hex", "zlib", "bz2", "undefined", "utf-16-le", "utf_32", "cp500", ""]
)
def test_codecs_that_are_not_portable_text_are_refused_naming_the_header_line(name):
    with pytest.raises(InputError, match=r"^a\.po:2: charset .* is not a portable text encoding"):
        header_charset(HEAD.format(name).encode(), "a.po")


def test_an_undecodable_byte_is_named_by_its_line():
    with pytest.raises(InputError, match=r"^a\.po:3: cannot decode the file as utf-8"):
        decode(b"a\nb\nc\xff\n", "utf-8", "a.po")
