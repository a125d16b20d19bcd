"""--source-lang and --target-lang through the real CLI: codes as sites write them, one header form."""

import polib
import pytest

from transpair.cli.app import app

# Vue docs, guide/essentials/computed.md, English and zh-cn (vuejs/docs, vuejs-translations/docs-zh-cn;
# CC BY 4.0)
EN = (
    "# Computed Properties\n\n"
    "In-template expressions are very convenient, but they are meant for simple operations. Putting too "
    "much logic in your templates can make them bloated and hard to maintain.\n\n"
    "## Basic Example\n\n"
    "That's why for complex logic that includes reactive data, it is recommended to use a computed "
    "property.\n"
)
ZH = (
    "# 计算属性\n\n"
    "模板中的表达式虽然方便，但也只能用来做简单的操作。如果在模板中写太多逻辑，会让模板变得臃肿，难以维护。\n\n"
    "## 基础示例\n\n"
    "因此我们推荐使用计算属性来描述依赖响应式状态的复杂逻辑。\n"
)


@pytest.mark.parametrize("code", ["zh-CN", "zh_CN", "zh-Hans", "zh-cn"])
def test_chinese_codes_as_sites_write_them_align_and_write_one_header(tmp_path, runner, code):
    (tmp_path / "a.en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(ZH, encoding="utf-8")
    out = tmp_path / "a.po"
    args = [str(tmp_path / "a.en.md"), str(tmp_path / "a.zh.md"), "-o", str(out), "--target-lang", code]
    result = runner.invoke(app, ["align", *args, "-q"])
    assert result.exit_code == 0, result.output
    po = polib.pofile(str(out))
    assert po.metadata["Language"] == "zh_CN"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert [e.msgstr for e in po] == [b.lstrip("# ") for b in ZH.split("\n") if b]  # none left in English


@pytest.mark.parametrize("code", ["chinese", "zh-", "ko/kr"])
def test_what_is_no_language_code_is_one_usage_line(tmp_path, runner, code):
    (tmp_path / "a.en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(ZH, encoding="utf-8")
    result = runner.invoke(
        app, ["align", str(tmp_path / "a.en.md"), str(tmp_path / "a.zh.md"), "--target-lang", code]
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert "is not a language code" in result.output and "Traceback" not in result.output
    assert len(lines) <= 2, lines


def test_help_lists_the_languages():
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["align", "--help"], terminal_width=200)
    assert "zh-CN" in result.output and "pt-BR" in result.output
