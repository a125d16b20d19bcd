"""apply.safety: a msgstr brings into a page only the tags, attributes, URL schemes and MDX expressions
of its msgid; `apply` refuses anything else for that entry, warning with its PO line, and keeps the source."""

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from test_apply_rebuild import _apply_one

from transpair.apply.safety import expressions, unsafe

MSGID = 'Fish <a href="/chips">chips</a> and `code`.'
HOSTILE = {
    "script": '<script>alert(1)</script>물고기 <a href="/chips">칩스</a>',
    "style": '<style>body{display:none}</style>물고기 <a href="/chips">칩스</a>',
    "iframe": '<iframe src="https://evil.example"></iframe>물고기 <a href="/chips">칩스</a>',
    "object": '<object data="x.swf"></object>물고기 <a href="/chips">칩스</a>',
    "embed": '<embed src="x.swf">물고기 <a href="/chips">칩스</a>',
    "img onerror": '<img src=x onerror=alert(1)>물고기 <a href="/chips">칩스</a>',
    "svg onload": '<svg onload=alert(1)></svg>물고기 <a href="/chips">칩스</a>',
    "slash-separated attributes": '<img/src=x/onerror=alert(1)>물고기 <a href="/chips">칩스</a>',
    "onclick on the msgid's tag": '물고기 <a href="/chips" onclick="alert(1)">칩스</a>',
    "upper-case handler": '물고기 <a href="/chips" ONMOUSEOVER=alert(1)>칩스</a>',
    "javascript: href": '물고기 <a href="javascript:alert(1)">칩스</a>',
    "entity-hidden javascript:": '물고기 <a href="jav&#x61;script&colon;alert(1)">칩스</a>',
    "tab inside the scheme": '물고기 <a href="java\tscript:alert(1)">칩스</a>',
    "data: href": '물고기 <a href="data:text/html,<script>alert(1)</script>">칩스</a>',
    "markdown javascript: link": '물고기 <a href="/chips">칩스</a> [클릭](javascript:alert(1))',
    "markdown data: reference": '물고기 <a href="/chips">칩스</a>\n\n[x]: data:text/html,hi',
    "javascript: autolink": '물고기 <a href="/chips">칩스</a> <javascript:alert(1)>',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_markup_the_msgid_lacks_is_unsafe(name):
    assert unsafe("markdown", MSGID, HOSTILE[name])


@pytest.mark.parametrize(
    "msgstr",
    [
        '물고기 <a href="/ko/chips">칩스</a>와 `<script>` 코드.',  # a link localised; a tag in a code span
        '<A HREF="/chips">칩스</A> 물고기',  # case and order may change
        '물고기 <a href="/chips">칩스</a> [문서](https://example.org/ko) <https://example.org>',
        "물고기와 칩스 (data: 값)",  # a scheme name in prose is no URL
    ],
)
def test_a_translation_with_the_msgids_markup_is_safe(msgstr):
    assert unsafe("markdown", MSGID, msgstr) is None


# Vue docs in Chinese (vuejs-translations/docs-zh-cn; CC BY 4.0): translators spell the msgid's Markdown
# as HTML, and write an e-mail autolink
@pytest.mark.parametrize(
    "msgid, msgstr",
    [
        (
            'Async components are **"suspensible"** by default.',
            "异步组件默认就是<strong>“suspensible”</strong>的。",
        ),
        ("See the [guide](/guide/) for *details*.", '参见<a href="/zh/guide/">指南</a>的<em>细节</em>。'),
        ("Contact [us](mailto:hello@vuejs.org).", "请联系 <hello@vuejs.org>。"),
    ],
)
def test_the_msgids_markdown_spelled_as_html_is_safe(msgid, msgstr):
    assert unsafe("markdown", msgid, msgstr) is None


def test_html_for_markdown_the_msgid_lacks_is_still_unsafe():
    assert unsafe("markdown", "Note that **local** components.", "<i>注意</i>局部组件。") is not None
    assert unsafe("markdown", "See the [guide](/guide/).", '<a href="/g" onclick="x()">指南</a>') is not None


def test_what_the_msgid_has_may_stay():
    msgid = '<img src="x.png" onerror="fallback()"> <a href="javascript:void(0)">run</a> {props.name}'
    assert (
        unsafe(
            "mdx",
            msgid,
            '<img src="y.png" onerror="fallback()"> <a href="javascript:go()">실행</a> {props.name}',
        )
        is None
    )


def test_mdx_expressions_and_jsx_attributes_are_compared():
    msgid = 'Hello {props.name} from <Badge type="tip">docs</Badge>'
    assert unsafe("mdx", msgid, '{props.name}님 <Badge type="tip">문서</Badge>') is None
    assert "MDX expression" in unsafe(
        "mdx", msgid, "{props.name}님 {fetch('//evil')} <Badge type=\"tip\">문서</Badge>"
    )
    assert "attribute" in unsafe("mdx", msgid, '{props.name} <Badge type="tip" onClick={steal}>문서</Badge>')
    assert unsafe("markdown", msgid, '{props.name}님 {x} <Badge type="tip">문서</Badge>') is None  # not MDX
    assert expressions("a {b {c}} {d") == {"{b {c}}": 1, "{d": 1}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>/=\"' aosnerc:{}`[]()jv&#x;", max_size=40))
def test_a_msgstr_equal_to_its_msgid_is_always_safe_and_any_text_is_judged_without_error(text):
    for fmt in ("markdown", "mdx", "html"):
        assert unsafe(fmt, text, text) is None
        unsafe(fmt, MSGID, text)


@pytest.mark.parametrize("name", ["script", "img onerror", "javascript: href", "onclick on the msgid's tag"])
def test_apply_refuses_a_hostile_html_msgstr_and_writes_the_source_there(tmp_path, name):
    msgstr = HOSTILE[name].replace("물고기", "오늘은")
    page = '<p>Fish <a href="/chips">chips</a></p>\n'
    result = _apply_one(tmp_path, "a.html", page, 'Fish <a href="/chips">chips</a>', msgstr)
    assert result.exit_code == 0, result.output
    assert regex.search(
        r"warning: \S*a\.po:\d+: the msgstr of 'Fish <a.*refused, the source text used", result.output
    )
    written = (tmp_path / "out-a.html").read_text()
    assert written == page and "오늘은" not in written


def test_apply_refuses_a_new_mdx_expression_and_keeps_the_others(tmp_path):
    page = "export const x = 1;\n\n# Title\n\nHello {x} world.\n\nSecond paragraph.\n"
    result = _apply_one(
        tmp_path, "a.mdx", page, "Hello {x} world.", "안녕 {x} {alert(document.cookie)} 세계."
    )
    assert result.exit_code == 0 and "MDX expression" in result.output
    assert "alert" not in (tmp_path / "out-a.mdx").read_text()
    ok = _apply_one(tmp_path, "a.mdx", page, "Hello {x} world.", "안녕 {x} 세계.")
    assert ok.exit_code == 0 and "안녕 {x} 세계." in (tmp_path / "out-a.mdx").read_text()
