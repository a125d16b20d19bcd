"""Tests for transpair.read: decoding, bad input, plain-text blocks and format dispatch."""

import codecs

import pytest

from transpair.errors import InputError
from transpair.read.reader import decode, format_of, parse, read_document, text_blocks

KOREAN = "파이썬은 프로그래밍 언어입니다.\n\n두 번째 문단입니다.\n"


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _assert_spans(doc):
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        assert doc.text.count("\n", 0, block.start) + 1 == block.line


def test_plain_text_blocks_with_lines_and_spans():
    text = "Title line\n\nFirst para\ncontinues.\n\n\n  Second para.\n"
    blocks = text_blocks(text)
    assert [b.text for b in blocks] == ["Title line", "First para\ncontinues.", "Second para."]
    assert [b.line for b in blocks] == [1, 3, 7]
    for b in blocks:
        assert text[b.start : b.end] == b.text


def test_plain_text_heading_needs_short_unpunctuated_line_followed_by_text():
    blocks = text_blocks("Getting started\n\nSome text.\n\nWhat is it?\n\nFor example:\n\nLast line\n")
    assert [b.kind for b in blocks] == ["heading", "paragraph", "paragraph", "paragraph", "paragraph"]


@pytest.mark.parametrize(
    "line,kind",
    [
        ("설계 개요", "heading"),
        ("pip로 패키지 관리하기", "heading"),
        ("일치의 시작 위치를 반환합니다", "paragraph"),
        ("정말 그런가요", "paragraph"),
        ("the innermost scope contains the local names", "paragraph"),
        ("Note: see below", "paragraph"),
        ("x" * 81, "paragraph"),
        ("12345", "paragraph"),
    ],
)
def test_plain_text_heading_rules(line, kind):
    assert text_blocks(f"{line}\n\nBody text.\n")[0].kind == kind


def test_utf8_with_bom(tmp_path):
    doc = read_document(_write(tmp_path, "a.txt", codecs.BOM_UTF8 + KOREAN.encode()))
    assert doc.text == KOREAN and doc.encoding == "utf-8-sig"
    assert doc.blocks[0].text == "파이썬은 프로그래밍 언어입니다."


def test_utf8_without_bom(tmp_path):
    doc = read_document(_write(tmp_path, "a.txt", KOREAN.encode()))
    assert doc.encoding == "utf-8" and len(doc.blocks) == 2


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    doc = read_document(_write(tmp_path, "a.txt", bom + KOREAN.encode(codec)))
    assert doc.text == KOREAN and doc.encoding == "utf-16"


@pytest.mark.parametrize("codec,expected", [("euc-kr", "euc-kr"), ("cp949", "cp949")])
def test_legacy_korean_round_trip(tmp_path, codec, expected):
    text = KOREAN + ("\n똠방각하 펲시콜라.\n" if codec == "cp949" else "")  # 똠/펲 exist only in CP949
    doc = read_document(_write(tmp_path, "k.txt", text.encode(codec)))
    assert doc.text == text and doc.encoding == expected
    assert doc.text.encode(doc.encoding) == text.encode(codec)


def test_crlf_and_lone_cr_become_lf(tmp_path):
    doc = read_document(_write(tmp_path, "a.txt", b"One\r\ntwo.\r\n\r\nThree.\rFour.\r"))
    assert doc.text == "One\ntwo.\n\nThree.\nFour.\n"
    assert [b.text for b in doc.blocks] == ["One\ntwo.", "Three.\nFour."]
    _assert_spans(doc)


@pytest.mark.parametrize(
    "data",
    [
        "Le café est fermé. Voilà une façade à Noël.\n".encode("cp1252") * 5,  # read as cp1250: "Voilŕ"
        b"Hello world. This is English.\n\nSecond paragraph \xed\xa0\x80 here.\n",  # read as cp857: "ÿáÇ"
        b"He said \x93hello\x94 and left\x85\n" * 3,  # Windows quotes, read as cp775: "ōhelloö"
        "漢字漢字 記號 ※ 이\n".encode("cp949"),  # valid CP949, but Hanja and symbols, one Hangul syllable
    ],
)
def test_other_legacy_bytes_are_refused_not_turned_into_mojibake(data):
    with pytest.raises(InputError, match="convert it to UTF-8") as info:
        decode(data, "x.txt")
    assert "x.txt" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_bad_content_raises_input_error_naming_the_file(tmp_path, data, message):
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError, match=message) as info:
        read_document(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file") as info:
        read_document(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)


def test_undecodable_bytes_raise_input_error():
    with pytest.raises(InputError, match="x.txt: cannot decode"):
        decode(bytes(range(128, 256)), "x.txt")


def test_format_from_extension_and_override(tmp_path):
    assert [format_of(n) for n in ("a.md", "b.MARKDOWN", "c.html", "d.htm", "e.txt", "f")] == [
        "markdown",
        "markdown",
        "html",
        "html",
        "text",
        "text",
    ]
    path = _write(tmp_path, "a.txt", b"# Title\n\nText.\n")
    assert read_document(path).blocks[0].text == "# Title"
    doc = read_document(path, format="markdown")
    assert doc.format == "markdown" and doc.blocks[0].text == "Title" and doc.blocks[0].kind == "heading"
    with pytest.raises(InputError, match="format"):
        read_document(path, format="pdf")


def test_markdown_and_html_files_dispatch(tmp_path):
    md = read_document(_write(tmp_path, "a.md", "---\ntitle: x\n---\n\n## 제목\n\n본문입니다.\n".encode()))
    kinds_texts = [(b.kind, b.text) for b in md.blocks]
    assert kinds_texts == [("paragraph", "x"), ("heading", "제목"), ("paragraph", "본문입니다.")]
    html = read_document(_write(tmp_path, "a.html", b"<html><body><p>Hello <b>you</b>.</p></body></html>"))
    assert html.format == "html" and html.blocks[0].text == "Hello <b>you</b>."


def test_corrupt_korean_utf8_is_refused_with_the_byte_position():
    head, tail = ("파이썬은 " * 10).encode(), ("프로그래밍 언어입니다. " * 20).encode()
    with pytest.raises(InputError, match=rf"k\.txt: cannot decode .*at byte {len(head)};"):
        decode(head + b"\xff" + tail, "k.txt")


def test_only_html_drops_inline_tags_and_decodes_entities_for_matching():
    markdown = parse("Use List<String> &amp; more.\n\n<p>An <b>HTML</b> &amp; block.</p>\n", "markdown")
    assert [b.norm for b in markdown] == ["Use List<String> &amp; more.", "An HTML & block."]
    assert [b.norm for b in parse("Use List<String> here.\n", "text")] == ["Use List<String> here."]
    assert [b.norm for b in parse("<p>An <b>HTML</b> &amp; page.</p>", "html")] == ["An HTML & page."]
