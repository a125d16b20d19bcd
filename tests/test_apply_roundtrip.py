"""align -> apply through the CLI: the unedited PO rebuilds the published translation without losing it."""

from pathlib import Path

import pytest
import regex
from typer.testing import CliRunner

from transpair.cli.app import app
from transpair.po.file import read_po, write_po

runner = CliRunner()

ENGLISH = """# Reactivity

Vue tracks the state you declare and updates the page when it changes.

```js
// Only works if using in-browser compilation
const count = ref(0)
console.log('hello')
```

The value of a ref is read and written through its `.value` property.

```js
import { ref } from 'vue'
```

![A diagram of the reactivity system](./images/reactivity.png)

Computed properties cache their result until one of their dependencies changes.

> A watcher runs a callback whenever the state it watches changes.

Lifecycle hooks let you run code at specific stages of a component's life.
"""

KOREAN = """# 반응성

Vue는 선언한 상태를 추적하고 상태가 바뀌면 페이지를 업데이트합니다.

```js
// 브라우저에서 컴파일하는 경우에만 작동합니다
const count = ref(0)
console.log('안녕하세요')
```

ref의 값은 `.value` 속성을 통해 읽고 씁니다.

```js
import { ref } from 'vue'
```

![반응성 시스템을 보여주는 다이어그램](./images/reactivity.png)

계산된 속성은 의존성 중 하나가 바뀔 때까지 결과를 캐시합니다.

::: tip 역자 주
이 문단은 한국어판에만 있는 번역자의 설명입니다.
:::

> 감시자는 감시하는 상태가 바뀔 때마다
> 콜백을 실행합니다.

라이프사이클 훅을 사용하면 컴포넌트 생애의 특정 단계에서 코드를 실행할 수 있습니다.
"""

HANGUL = regex.compile(r"\p{Hangul}")
# what apply writes: the Korean page, its quote's soft line break unwrapped as the page renders it
REBUILT = KOREAN.replace("바뀔 때마다\n> 콜백을", "바뀔 때마다 콜백을")


@pytest.fixture(scope="module")
def aligned(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The pair, aligned once with the real aligner: (english, korean, po)."""
    folder = tmp_path_factory.mktemp("pair")
    en, ko, po = folder / "page.en.md", folder / "page.ko.md", folder / "page.po"
    en.write_text(ENGLISH, encoding="utf-8")
    ko.write_text(KOREAN, encoding="utf-8")
    result = runner.invoke(app, ["align", str(en), str(ko), "-o", str(po), "--no-cache"])
    assert result.exit_code == 0, result.output
    return en, ko, po


def apply(po: Path, en: Path, out: Path, *options: str):
    """Run `transpair apply` and return the CliRunner result."""
    return runner.invoke(app, ["apply", str(po), str(en), "-o", str(out), *options])


def test_the_unedited_po_rebuilds_every_korean_letter_and_nothing_else(aligned, tmp_path):
    en, ko, po = aligned
    result = apply(po, en, tmp_path / "out.md")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == REBUILT


def test_translated_code_comments_and_strings_survive(aligned, tmp_path):
    en, ko, po = aligned
    entries = [e for e in read_po(po) if "no-wrap" in e.flags]
    assert [e.msgid.split("\n")[0] for e in entries] == [
        "// Only works if using in-browser compilation"
    ]  # the identical import stays out; the image's alt text is an attribute entry
    assert "transpair: 1-1 code" in entries[0].comment
    apply(po, en, tmp_path / "out.md")
    out = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "// 브라우저에서 컴파일하는 경우에만 작동합니다\n" in out and "console.log('안녕하세요')" in out
    assert "![반응성 시스템을 보여주는 다이어그램](./images/reactivity.png)" in out


def test_code_none_keeps_the_source_code(aligned, tmp_path):
    en, ko, _ = aligned
    po = tmp_path / "none.po"
    assert runner.invoke(app, ["align", str(en), str(ko), "-o", str(po), "--code", "none"]).exit_code == 0
    assert not [e for e in read_po(po) if "no-wrap" in e.flags]
    apply(po, en, tmp_path / "out.md")
    assert "// Only works if using in-browser compilation" in (tmp_path / "out.md").read_text()


def test_code_all_offers_every_code_block_also_from_the_settings_file(aligned, tmp_path):
    en, ko, _ = aligned
    (tmp_path / ".transpair.toml").write_text('[po]\ncode = "all"\n')
    for name in ("page.en.md", "page.ko.md"):
        (tmp_path / name).write_bytes((en.parent / name).read_bytes())
    po = tmp_path / "all.po"
    result = runner.invoke(
        app, ["align", str(tmp_path / "page.en.md"), str(tmp_path / "page.ko.md"), "-o", str(po)]
    )
    assert result.exit_code == 0, result.output
    code = [e for e in read_po(po) if "no-wrap" in e.flags]
    assert len(code) == 2 and code[1].msgid == code[1].msgstr == "import { ref } from 'vue'"
    (tmp_path / ".transpair.toml").write_text('[po]\ncode = "some"\n')
    result = runner.invoke(
        app, ["align", str(tmp_path / "page.en.md"), str(tmp_path / "page.ko.md"), "-o", str(po)]
    )
    assert result.exit_code == 2 and "[po] code must be one of" in result.output


def test_a_korean_only_note_is_kept_in_its_place(aligned, tmp_path):
    en, ko, po = aligned
    carried = [e for e in read_po(po) if "kept after this entry" in e.tcomment]
    assert len(carried) == 1 and carried[0].msgid.startswith("Computed properties")
    apply(po, en, tmp_path / "out.md")
    out = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert (
        "캐시합니다.\n\n::: tip 역자 주\n이 문단은 한국어판에만 있는 번역자의 설명입니다.\n:::\n\n> 감시자"
        in out
    )


def test_fuzzy_entries_keep_their_msgstr_unless_fuzzy_source(aligned, tmp_path):
    en, ko, po = aligned
    catalog = read_po(po)
    for entry in catalog:
        entry.flags = (
            [*entry.flags, "fuzzy"] if entry.msgstr and "no-wrap" not in entry.flags else entry.flags
        )
    fuzzy = tmp_path / "fuzzy.po"
    write_po(catalog, fuzzy)
    kept = apply(fuzzy, en, tmp_path / "kept.md")
    assert kept.exit_code == 0 and "fuzzy kept" in kept.output
    assert (tmp_path / "kept.md").read_text(encoding="utf-8") == REBUILT
    source = apply(fuzzy, en, tmp_path / "source.md", "--fuzzy", "source")
    assert source.exit_code == 0 and "(0 fuzzy kept)" in source.output
    out = (tmp_path / "source.md").read_text(encoding="utf-8")
    assert "Vue tracks the state you declare" in out and "# Reactivity" in out
    assert "// 브라우저에서" in out  # code entries were left as they were: not fuzzy


def test_the_summary_line_counts_entries(aligned, tmp_path):
    en, ko, po = aligned
    result = apply(po, en, tmp_path / "out.md")
    used = sum(1 for e in read_po(po) if e.msgstr)
    assert f"{used} entries used (0 fuzzy kept), source text used for 0, 1 kept" in result.output


def test_a_lazy_quote_line_in_the_translation_is_rebuilt_inside_the_quote(aligned, tmp_path):
    en, ko, po = aligned
    catalog = read_po(po)
    quote = next(e for e in catalog if e.msgid.startswith("A watcher"))
    assert quote.msgstr == "감시자는 감시하는 상태가 바뀔 때마다 콜백을 실행합니다."  # unwrapped as rendered
    quote.msgstr = (
        "감시자는 감시하는 상태가 바뀔 때마다\n> 콜백을 실행합니다."  # a translator's own line break
    )
    edited = tmp_path / "edited.po"
    write_po(catalog, edited)
    apply(edited, en, tmp_path / "out.md")
    assert (
        "> 감시자는 감시하는 상태가 바뀔 때마다\n> 콜백을 실행합니다.\n" in (tmp_path / "out.md").read_text()
    )
