"""Tests for transpair.read_html: the article body's blocks, skipped chrome and scripts, source spans."""

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from transpair.read_html import content_root, html_blocks

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
        ("heading", "My post title"),
        ("paragraph", "First & second line with a link."),
        ("list", "Item one"),
        ("list", "Item two"),
        ("list", "nested"),
        ("list", "no end tag"),
        ("quote", "Quoted para"),
        ("table", "Head"),
        ("table", "cell x"),
        ("paragraph", "Caption"),
        ("paragraph", "Last para"),
    ]


def test_spans_cover_inner_html_and_lines_are_right():
    spans = {b.text: (PAGE[b.start : b.end], b.line) for b in html_blocks(PAGE)}
    assert spans["My post title"] == ("My <em>post</em> title", 6)
    assert (
        spans["First & second line with a link."][0]
        == 'First &amp; second<br>line with a <a href="https://x.org">link</a>.'
    )
    assert spans["Item two"] == ("Item two", 10)
    assert spans["no end tag"][0] == "no end tag"
    assert spans["Last para"][0] == "Last para"
    for b in html_blocks(PAGE):
        assert PAGE.count("\n", 0, b.start) + 1 == b.line


def test_scripts_navigation_asides_and_page_chrome_are_skipped():
    texts = " ".join(b.text for b in html_blocks(PAGE))
    for skipped in ("not text", "Home", "Site name", "Related", "Copyright", "x = 1"):
        assert skipped not in texts


def test_root_prefers_article_then_main_then_richest_div_then_body():
    soup = BeautifulSoup("<body><main><p>m</p></main><div><p>long long text</p></div></body>", "html.parser")
    assert content_root(soup).name == "main"
    soup = BeautifulSoup(
        "<body><div id=a><p>short</p></div><div id=b><p>much longer text</p></div></body>", "html.parser"
    )
    assert content_root(soup)["id"] == "b"
    soup = BeautifulSoup("<body><h2>Only heading</h2></body>", "html.parser")
    assert content_root(soup).name == "body"


def test_korean_page_without_article():
    page = (
        "<html><body><div><h2>소개</h2><p>파이썬은 <code>pip</code>으로 설치합니다.</p></div></body></html>"
    )
    assert [(b.kind, b.text) for b in html_blocks(page)] == [
        ("heading", "소개"),
        ("paragraph", "파이썬은 pip으로 설치합니다."),
    ]


def _pairs(page):
    return [(b.kind, b.text, page[b.start : b.end]) for b in html_blocks(page)]


def test_bare_text_in_divs_split_at_double_br_in_document_order():
    page = (
        "<body><div class=entry>First line<br>same para.<br><br>\n"
        "<br>Second &amp; para.<p>Third.</p>Fourth.</div></body>"
    )
    assert _pairs(page) == [
        ("paragraph", "First line same para.", "First line<br>same para."),
        ("paragraph", "Second & para.", "Second &amp; para."),
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
        ("paragraph", "Hello world.", "Hello <b>world</b>."),
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
