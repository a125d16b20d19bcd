"""errors: inputs checked by type and size before reading, names the system refuses as one line."""

import os
import socket

import pytest

from transpair.errors import MAX_INPUT_BYTES, InputError, error_line, existing_file, read_input
from transpair.write import write_text


def test_a_regular_file_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"text\n")
    assert read_input(path) == b"text\n" and existing_file(path) == path


def test_a_file_larger_than_any_article_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: no disk used
    with pytest.raises(InputError, match="too large"):
        read_input(path)


def test_fifo_socket_folder_missing_and_long_names_are_refused(tmp_path):
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        for path, message in (
            (fifo, "is a FIFO"),
            (sock_path, "is a socket"),
            (tmp_path, "is a directory"),
            (tmp_path / "none", "no such file"),
            (tmp_path / ("x" * 300), "File name too long"),
        ):
            with pytest.raises(InputError, match=message):
                read_input(path)
        with pytest.raises(InputError, match="is a socket; refusing"):
            write_text(sock_path, "x")


def test_error_line_is_one_line_whatever_the_name():
    line = error_line(os.fsdecode(b"/t/new\nline\xff: no such file"))
    assert line == "transpair: error: /t/new\\x0aline\\xff: no such file"
