"""Tests for transpair.read_html: the article body's blocks, skipped chrome and scripts, source spans."""

import time
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.errors import InputError
from transpair.read import html, reader, spans
from transpair.read.html import UNCLOSABLE, closable, html_blocks, html_parts
from transpair.read.spans import UnreadableMarkdown

PAGE = """<!DOCTYPE html>
<html><head><title>Site</title><script>var s = "<p>not text</p>";</script><style>p {}</style></head>
<body>
<header><nav><ul><li>Home</li><li>About</li></ul></nav><h1>Site name</h1></header>
<article>
<header><h1 class="title">My <em>post</em> title</h1></header>
<p>First &amp; second<br>line with a <a href="https://x.org">link</a>.</p>
<ul>
  <li>Item one</li>
  <li>Item two
    <ul><li>nested</li></ul>
  </li>
  <li>no end tag
</ul>
<blockquote><p>Quoted para</p></blockquote>
<table><tr><th>Head</th><td>cell <b>x</b></td></tr></table>
<figure><img src="a.png"><figcaption>Caption</figcaption></figure>
<pre><code>x = 1</code></pre>
<p>Last para
</article>
<aside><p>Related posts</p></aside>
<footer><p>Copyright</p></footer>
</body></html>
"""


def test_article_blocks_kinds_and_texts():
    assert [(b.kind, b.text) for b in html_blocks(PAGE)] == [
        ("heading", "My <em>post</em> title"),
        ("paragraph", 'First &amp; second<br>line with a <a href="https://x.org">link</a>.'),
        ("list", "Item one"),
        ("list", "Item two"),
        ("list", "nested"),
        ("list", "no end tag"),
        ("quote", "Quoted para"),
        ("table", "Head"),
        ("table", "cell <b>x</b>"),
        ("paragraph", "Caption"),
        ("paragraph", "Last para"),
    ]


def test_spans_cover_inner_html_and_lines_are_right():
    spans = {b.text: (PAGE[b.start : b.end], b.line) for b in html_blocks(PAGE)}
    assert spans["My <em>post</em> title"] == ("My <em>post</em> title", 6)
    for b in html_blocks(PAGE):
        assert PAGE[b.start : b.end] == b.text  # whitespace is collapsed only where the source has runs
    assert spans["Item two"] == ("Item two", 10)
    assert spans["no end tag"][0] == "no end tag"
    assert spans["Last para"][0] == "Last para"
    for b in html_blocks(PAGE):
        assert PAGE.count("\n", 0, b.start) + 1 == b.line


def test_scripts_navigation_asides_and_page_chrome_are_skipped():
    texts = " ".join(b.text for b in html_blocks(PAGE))
    for skipped in ("not text", "Home", "Site name", "Related", "Copyright", "x = 1"):
        assert skipped not in texts


def test_root_is_every_article_then_main_then_the_whole_page():
    page = "<body><main><p>m</p><article><p>a</p></article></main><article><p>b</p></article></body>"
    assert [b.text for b in html_blocks(page)] == ["a", "b"]
    assert [b.text for b in html_blocks("<body><main><p>m</p></main><div><p>long text</p></div></body>")] == [
        "m"
    ]
    assert [b.text for b in html_blocks("<body><div id=a><p>short</p></div><p>more</p></body>")] == [
        "short",
        "more",
    ]


def test_article_named_in_a_script_or_comment_is_no_root():
    page = "<body><script>el.innerHTML = '<article>x</article>'</script><!-- <main> --><p>Text.</p></body>"
    assert [b.text for b in html_blocks(page)] == ["Text."]


def test_body_is_never_narrowed_to_a_div():
    page = "<body><p>Plain one.</p><div><p>In a div.</p></div><p>Plain two.</p></body>"
    assert [b.text for b in html_blocks(page)] == ["Plain one.", "In a div.", "Plain two."]
    assert [b.text for b in html_blocks("<p>A<div><p>B</p></div><p>C</p>")] == ["A", "B", "C"]


def test_unclosed_paragraphs_and_deep_divs_read_in_linear_time():
    many = "<body>" + "<p>Paragraph text here\n" * 4000 + "</body>"
    deep = "<body>" + "<div>x " * 5000 + "</div>" * 5000 + "</body>"
    started = time.perf_counter()
    assert len(html_blocks(many)) == 4000 and len(html_blocks(deep)) == 5000
    assert time.perf_counter() - started < 2.0


def test_korean_page_without_article():
    page = (
        "<html><body><div><h2>소개</h2><p>파이썬은 <code>pip</code>으로 설치합니다.</p></div></body></html>"
    )
    assert [(b.kind, b.text) for b in html_blocks(page)] == [
        ("heading", "소개"),
        ("paragraph", "파이썬은 <code>pip</code>으로 설치합니다."),
    ]


def _pairs(page):
    return [(b.kind, b.text, page[b.start : b.end]) for b in html_blocks(page)]


def test_bare_text_in_divs_split_at_double_br_in_document_order():
    page = (
        "<body><div class=entry>First line<br>same para.<br><br>\n"
        "<br>Second &amp; para.<p>Third.</p>Fourth.</div></body>"
    )
    assert _pairs(page) == [
        ("paragraph", "First line<br>same para.", "First line<br>same para."),
        ("paragraph", "Second &amp; para.", "Second &amp; para."),
        ("paragraph", "Third.", "Third."),
        ("paragraph", "Fourth.", "Fourth."),
    ]


def test_list_item_text_after_a_nested_list_is_its_own_block():
    page = "<body><ul><li>Lead <ul><li>inner</li></ul> tail text</li></ul></body>"
    assert _pairs(page) == [
        ("list", "Lead", "Lead"),
        ("list", "inner", "inner"),
        ("list", "tail text", "tail text"),
    ]


def test_fragment_without_body():
    page = "Hello <b>world</b>.\n<p>Next one.</p>"
    assert _pairs(page) == [
        ("paragraph", "Hello <b>world</b>.", "Hello <b>world</b>."),
        ("paragraph", "Next one.", "Next one."),
    ]


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<br>",
        "<b>",
        "</b>",
        "<h2>",
        "</h2>",
        "<script>x</script>",
        "text",
        "글",
        " ",
        "\n",
        "&amp;",
        "<!-- c -->",
        "<td>",
        "<table>",
        "</table>",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_tag_soup_gives_ordered_disjoint_spans_with_text(page):
    blocks = html_blocks(page)
    for b, nxt in zip(blocks, blocks[1:]):
        assert b.end <= nxt.start
    for b in blocks:
        assert b.text and b.text == " ".join(b.text.split())
        assert 0 <= b.start < b.end <= len(page) and page[b.start : b.end].strip() == page[b.start : b.end]
        assert page.count("\n", 0, b.start) + 1 == b.line


def test_a_lt_nothing_can_close_is_shown_to_the_parser_as_text_of_the_same_length():
    text = "<p>Hi <b>you</b></p> <!-- open <![CDATA[ x </ y <z"
    shown = closable(text)
    assert len(shown) == len(text) and shown.startswith("<p>Hi <b>you</b></p> ")
    assert shown.count(UNCLOSABLE) == 4 and "<" not in shown[21:]
    assert closable("<p>a < b</p>") == "<p>a < b</p>"  # a '>' after it: left to the parser
    assert closable("<!--" * 3 + ">") == "<!--" * 3 + ">"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<p>", "</p>", "<!--", "-->", "<![CDATA[", "]]>", "</", "<b>", "x y", ">", "<"]),
        max_size=12,
    ).map("".join)
)
def test_the_parser_reads_the_shown_text_as_it_reads_the_page(text):
    shown = html_parts(text)
    with patch.object(html, "closable", lambda page: page):  # the page fed as it is
        assert shown == html_parts(text)


def test_a_page_of_comments_that_never_close_is_one_error_line():
    # found by bench/fuzz.py: html.parser reads to the end of the page for each unclosed '<!--' (1 MB: 67 s)
    page = "<p>Intro.</p>\n" + '<a href="x">---\n}<!--' * 50_000
    with pytest.raises(InputError, match=r"^p\.html:\d+: HTML comments too costly to read"):
        reader.bytes_document(page.encode(), "p.html")


def test_one_comment_left_open_is_read_as_before():
    page = "<p>Intro.</p>\n<p>Body text.</p>\n<!-- a note never closed <b>x</b>\n"
    assert [b.text for b in html_blocks(page)][:2] == ["Intro.", "Body text."]


class _CountedList(list):
    """A list that counts the times it is walked whole."""

    walks = 0

    def __iter__(self):
        _CountedList.walks += 1
        return super().__iter__()


def test_end_tags_do_not_walk_the_open_elements():
    # found by bench/fuzz.py: a page of unknown elements never closed and stray end tags walked the whole
    # stack of open elements at each end tag (1 MB: 68 s, now 0.4 s)
    page = "<div><Comp prop={1}>" * 2000 + "</pre></a>" * 2000
    reader_ = html._Reader(page, html.ATTRIBUTES)
    reader_.stack = _CountedList()
    _CountedList.walks = 0
    reader_.feed(html.closable(page))
    reader_.close()
    assert _CountedList.walks == 0
    open_tags = [tag for tag, _ in list.__iter__(reader_.stack)]
    assert reader_.on_stack["comp"] == open_tags.count("comp") == 2000


@pytest.mark.parametrize("page", ["<![i](s){{< note >}}", "<p>a</p><![ b]>", "<![iffy x]><p>c</p>"])
def test_a_lt_bracket_that_is_no_marked_section_is_text(page):
    # found by bench/fuzz.py: Python 3.11's html.parser raised AssertionError ("unknown status keyword")
    blocks = reader.bytes_document(page.encode(), "p.html").blocks
    assert blocks and all(page[b.start : b.end] == b.text for b in blocks)
    assert closable("<![CDATA[x]]><![if IE]>") == "<![CDATA[x]]><![if IE]>"  # marked sections stay


class _Scanned(str):
    """A page that adds up how far its find() calls read."""

    read = 0

    def find(self, sub, start=0, end=None):
        found = super().find(sub, start, end)
        _Scanned.read += (found if found >= 0 else len(self)) - start
        return found


def test_a_comment_inside_a_run_is_not_searched_past_its_end():
    # found by bench/fuzz.py: a bogus comment ('</' then a line end) looked for '-->' to the end of the page
    # each time (1 MB: 24 s, now 0.4 s)
    page = "<p>Text " + "---\n{</</pre>" * 3000 + "</p>"
    reader_ = html._Reader(_Scanned(page), html.ATTRIBUTES)
    _Scanned.read = 0
    reader_.feed(html.closable(page))
    reader_.close()
    assert _Scanned.read < 20 * len(page)  # each comment looks a few characters ahead, not to the end


def test_unmatched_inline_tags_are_found_without_walking_the_open_ones():
    # found by bench/fuzz.py: a run holding thousands of opening tags and stray closing ones walked the
    # open tags at each closing one (a 1 MB Markdown page: 72 s, now 0.24 s)
    text = '<a href="x">' * 3000 + "</b>" * 3000 + "</a>"
    tags = list(html.TAG.finditer(text))
    walked = []
    real_any = any

    def counted(items):
        walked.append(1)
        return real_any(items)

    with patch("builtins.any", counted):
        unmatched = html._unmatched(tags)
    assert len(walked) < 100
    assert unmatched == set(range(3000 - 1)) | set(range(3000, 6000))  # the last <a> closes; no </b> does


def test_an_html_page_past_the_block_limit_is_refused_at_the_line_read(monkeypatch):
    # counted as they are kept (text runs, attribute values, <pre>): a page of a million <p> never holds them
    monkeypatch.setattr(spans, "MAX_BLOCKS", 3)
    assert len(html_parts("<p>a</p>\n<img alt='b'>\n<pre>c</pre>\n")[0]) == 2
    with pytest.raises(UnreadableMarkdown, match="more than 3 blocks") as refused:
        html_parts("<p>a</p>\n<img alt='b'>\n<pre>c</pre>\n<p>d</p>\n")
    assert refused.value.line == 4
