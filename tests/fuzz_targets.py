"""The fuzz targets shared by tests/test_fuzz.py (a small budget, every run) and bench/fuzz.py (minutes per
reader): a byte strategy built from the fragments each format is made of (so inputs reach deep into the
reader, not only its first check) plus raw bytes, and a function that reads one input as the tool does.
A target may raise InputError (the one-line error); anything else is a bug."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import strategies as st

from transpair.check.config import read_settings
from transpair.po.file import read_po_data
from transpair.read import config, reader
from transpair.read.placeholder_patterns import load_markers
from transpair.settings import version


def _mix(fragments: list[bytes], max_size: int = 40) -> st.SearchStrategy[bytes]:
    """Byte strings joined from format fragments, with raw bytes and repeats among them."""
    piece = st.one_of(
        st.sampled_from(fragments), st.binary(max_size=6), st.sampled_from(fragments).map(lambda b: b * 40)
    )
    return st.lists(piece, max_size=max_size).map(b"".join)


PO = _mix(
    [
        b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n',
        b"charset=EUC-KR\\n",
        b"charset=rot13",
        b"charset=",
        b"\n",
        b"\r",
        b"\r\n",
        b" ",
        b"\t",
        b"\f",
        b"msgid ",
        b"msgstr ",
        b"msgctxt ",
        b"msgid_plural ",
        b"msgstr[0] ",
        b"msgstr[1] ",
        b"msgstr [",
        b"]",
        b"domain ",
        b'"a"',
        b'"',
        b'""',
        b'"\\n"',
        b'"\\',
        b"\\x",
        b"\\377",
        b"\\u00e9",
        b"\\\n",
        b"\xed\x95\x9c",
        b"#",
        b"# c\n",
        b"#.",
        b"#. transpair: 1-1 paragraph score=1.2.3 status=translated\n",
        b"#: a.md:1\n",
        b"#, fuzzy\n",
        b"#, no-wrap, c-format\n",
        b"#| ",
        b'#| msgid "old"\n',
        b"#~ ",
        b"#~| ",
        b"\x00",
        b"\xff",
    ]
)
MARKUP = _mix(
    [
        b"# ",
        b"## Title\n",
        b"\n",
        b"\n\n",
        b"\r",
        b"text ",
        b"\xea\xb0\x80",
        b"```",
        b"```js\n",
        b"~~~",
        b"    ",
        b"\t",
        b"> ",
        b"- ",
        b"1. ",
        b"* ",
        b"|a|b|\n",
        b"|-|-|\n",
        b"---\n",
        b"title: x\n",
        b"===\n",
        b":::",
        b"::: tip\n",
        b"{{< note >}}",
        b"{% raw %}",
        b"{",
        b"}",
        b"import X from 'x'\n",
        b"export const a = 1\n",
        b"<",
        b">",
        b"</",
        b"<div>",
        b"</div>",
        b"<p>",
        b"</p>",
        b"<pre>",
        b"</pre>",
        b"<code>",
        b"<script>",
        b"<!--",
        b"-->",
        b'<a href="x">',
        b"</a>",
        b'alt="y"',
        b"<br/>",
        b"<Comp prop={1}>",
        b"</Comp>",
        b"[a](b)",
        b"![i](s)",
        b"[^1]",
        b"`",
        b"\\",
        b"&amp;",
        b"&#",
        b"<!DOCTYPE html>",
        b"<![CDATA[",
        b"\xef\xbb\xbf",
        b"\x00",
        b"\xff",
    ]
)
CONFIG = _mix(
    [
        b"[read]\n",
        b"[check]\n",
        b"[markers]\n",
        b"[read.x]\n",
        b"skip_lines = ",
        b"prose_fences = ",
        b"code_components = ",
        b"attributes = ",
        b"front_matter = ",
        b"patterns = ",
        b"number = ",
        b"expected-speech-level = ",
        b"hanja-glosses = ",
        b"ignore = ",
        b'["a", "b"]',
        b"[",
        b"]",
        b'"',
        b'"(a|a)+$"',
        b'"["',
        b'"\\\\d"',
        b"'x'",
        b"1",
        b"true",
        b"{a = 1}",
        b'"off"',
        b'"error"',
        b'"\xed\x95\xa9\xeb\x8b\x88\xeb\x8b\xa4\xec\xb2\xb4"',
        b"=",
        b"\n",
        b" ",
        b"#",
        b"a.b.c = 1\n",
        b"\xef\xbb\xbf",
        b"\xff",
    ]
)


def read_po(data: bytes, strict: bool = True) -> None:
    """Read bytes as a PO file, as report (strict) or a merge does."""
    read_po_data(data, "fuzz.po", strict)


def read_markup(data: bytes, name: str) -> None:
    """Read bytes as an article named `name` (its extension chooses Markdown, MDX or HTML)."""
    reader.bytes_document(data, name)


def read_config(data: bytes) -> None:
    """Load bytes as a .transpair.toml, by every loader that reads one."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".transpair.toml"
        path.write_bytes(data)
        config._load.__wrapped__(path, version(path))  # the cached loader, uncached: a new file each time
        read_settings(path)
        load_markers(path)


HEADER = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=%s\\n"\n\nmsgid "a"\nmsgstr "b"\n'
EXAMPLES = {  # inputs from issue 29 that once raised something else: every run tries them first
    "po": [
        *(HEADER % name for name in (b"rot13", b"base64", b"zlib", b"undefined", b"UTF-16", b"rot13\x00")),
        b'#. transpair: 1-1 paragraph score=1.2.3 status=translated\nmsgid "a"\nmsgstr "b"\n',
        b'msgid "a\\x' + b"1" * 5000 + b'"\nmsgstr "b"\n',
    ],
    "mdx": [b"<Comp prop={1}><Comp prop={1}>\n# "],  # two elements opened on one line: TypeError
    "config": [
        b"[read]\nskip_lines = [" + b"[" * 1000 + b"]" * 1000 + b"]\n",
        b"a = " + b"{b = " * 1000 + b"}" * 1000,
    ],
}
TARGETS = {
    "po": (PO, read_po),
    "markdown": (MARKUP, lambda data: read_markup(data, "fuzz.md")),
    "mdx": (MARKUP, lambda data: read_markup(data, "fuzz.mdx")),
    "html": (MARKUP, lambda data: read_markup(data, "fuzz.html")),
    "config": (CONFIG, read_config),
}
