"""Fuzz over file names (random bytes, long, control characters) through align, pot, report and scan:
never a traceback, a refused name is one error line, every written PO passes msgfmt and msgcat keeps it
byte for byte."""

import os
import subprocess
import tempfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_safety import EN, FAKE, KO, cli, one_error_line

NAME_MAX = 255
STEMS = st.one_of(
    st.binary(min_size=1, max_size=40),
    st.binary(min_size=1, max_size=12).map(lambda b: b * 30),  # often longer than a name may be
    st.lists(
        st.sampled_from([b"a", b" ", b"\n", b"\t", b"\x1b", b"\xff", b"\xe9", b"\xed\xa0\x80", b"."])
    ).map(b"".join),
).filter(lambda b: b and b"/" not in b and b"\0" not in b)


def check_po(path: bytes) -> None:
    """msgfmt accepts the file and msgcat writes it back unchanged."""
    subprocess.run(["msgfmt", "--check-format", "--check-header", "-o", os.devnull, path], check=True)
    again = subprocess.run(["msgcat", path], check=True, capture_output=True).stdout
    with open(path, "rb") as handle:
        assert again == handle.read()
    references = [line for line in again.splitlines() if line.startswith(b"#:")]
    assert references and all(len(line.split()) == 2 for line in references)  # one token per reference


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEMS)
@example(b"caf\xe9")
@example(b"with space")
@example(b"new\nline")
@example(b"tab\there")
@example(b"\xff\xfe")
@example(b"\x01\n" * 150)  # too long, and a control character in the error line
def test_any_file_name_through_every_command(stem):
    with tempfile.TemporaryDirectory() as folder:
        base = os.path.join(os.fsencode(folder), stem)
        src, tgt, po, pot = (base + ext for ext in (b".en.txt", b".ko.txt", b".po", b".pot"))
        if len(stem) + len(b".en.txt") > NAME_MAX or stem in (b".", b".."):
            one_error_line(cli("align", src, tgt, "-o", os.path.join(os.fsencode(folder), b"o.po"), *FAKE))
            one_error_line(cli("pot", src, "-o", pot))
            return
        for path, text in ((src, EN), (tgt, KO)):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        assert cli("align", src, tgt, "-o", po, *FAKE, "-q").returncode == 0
        assert cli("pot", src, "-o", pot).returncode == 0
        for written in (po, pot):
            check_po(written)
        assert cli("report", po, "-f", "json").returncode == 0
        assert cli("report", po, "-o", base + b".html", "-f", "html").returncode == 0
        assert cli("scan", os.fsencode(folder), "-f", "json").returncode in (0, 2)
