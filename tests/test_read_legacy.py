"""Tests for transpair.read.legacy: legacy CJK encodings told apart by what their decoding looks like."""

import pytest
from typer.testing import CliRunner

from transpair.cli.app import app
from transpair.read.legacy import decode_legacy, path_language
from transpair.read.reader import read_document

JAPANESE = (
    "# はじめに\n\nこのガイドでは、コンポーネントの基本的な使い方を説明します。"
    "まず、アプリケーションを作成し、最初のコンポーネントを登録しましょう。\n\n"
    "状態が変わると、画面は自動的に更新されます。詳しくは次の章を読んでください。\n"
)
CHINESE = (
    "# 简介\n\n本指南介绍组件的基本用法。首先创建一个应用，然后注册第一个组件。\n\n"
    "当状态发生变化时，页面会自动更新。更多内容请阅读下一章。\n"
)
TRADITIONAL = (
    "# 簡介\n\n本指南介紹元件的基本用法。首先建立一個應用程式，然後註冊第一個元件。\n\n"
    "當狀態發生變化時，頁面會自動更新。更多內容請閱讀下一章。\n"
)
KOREAN = "# 소개\n\n이 안내서는 컴포넌트의 기본 사용법을 설명합니다. 먼저 앱을 만들고 등록합니다.\n"


@pytest.mark.parametrize(
    "text,encoding,name",
    [
        (JAPANESE, "shift_jis", "guide.md"),
        (JAPANESE, "euc-jp", "guide.md"),
        (JAPANESE, "shift_jis", "ja/guide.md"),
        (CHINESE, "gb18030", "guide.md"),
        (CHINESE, "gb18030", "guide.zh-CN.md"),
        (TRADITIONAL, "big5", "zh-TW/guide.md"),
        (TRADITIONAL, "big5", "guide.zh_Hant.md"),
        (KOREAN, "euc-kr", "guide.md"),
    ],
)
def test_each_legacy_encoding_reads_back_as_written(tmp_path, text, encoding, name):
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.text == text
    assert doc.text.encode(doc.encoding) == text.encode(encoding)


# every byte of it also decodes as EUC-KR: Hangul with 40 % Hanja among it (乖쳬옵鹿瞳侶쟁였돕써벎)
CHINESE_AS_KOREAN = (
    "# 例子\n\n我们可以在这里看到结果。你可以把它看作是一个函数。\n\n"
    "数据的变化会自动更新到视图。我们推荐使用最新的版本。如果你想了解更多，请看文档。\n"
)


def test_chinese_is_not_taken_for_korean_nor_japanese():
    # GB2312 bytes decode as EUC-KR Hangul and Hanja, and EUC-JP Kana sit where GB2312 has them
    assert decode_legacy(CHINESE.encode("gb18030"), "p.md") == (CHINESE, "gb18030")
    assert decode_legacy(CHINESE_AS_KOREAN.encode("gb18030"), "p.md") == (CHINESE_AS_KOREAN, "gb18030")
    assert decode_legacy(JAPANESE.encode("euc-jp"), "p.md") == (JAPANESE, "euc-jp")


def test_big5_needs_its_language_named_and_is_then_read():
    data = TRADITIONAL.encode("big5")
    assert decode_legacy(data, "zh-TW/p.md") == (TRADITIONAL, "big5")
    assert decode_legacy(data, "p.md") != (CHINESE, "gb18030")  # never a wrong text passed off as right
    assert decode_legacy(data, "p.md") in (None, (TRADITIONAL, "big5"))


@pytest.mark.parametrize(
    "path,language",
    [
        ("docs/ja/guide.md", "ja"),
        ("post.ja.md", "ja"),
        ("i18n/zh-Hans/x.md", "zh-Hans"),
        ("content/zh-tw/x.md", "zh-Hant"),
        ("a/zh_HK/x.md", "zh-Hant"),
        ("ko/x.md", "ko"),
        ("x.md", None),
        ("kotlin/x.md", None),
    ],
)
def test_path_language(path, language):
    assert path_language(path) == language


def test_undecodable_bytes_name_the_encodings_tried(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"caf\xe9 au lait, cr\xe8me br\xfbl\xe9e\n")
    result = CliRunner().invoke(app, ["pot", str(path), "-o", str(tmp_path / "a.pot")])
    assert result.exit_code == 2
    assert "Shift_JIS" in result.output and "GB18030" in result.output and "Traceback" not in result.output
