"""`transpair pot`: a template per article, for a folder, or for the pages two trees have not translated
yet; a page in the wrong language is said, not silently templated."""

from transpair.cli.app import app
from transpair.po.file import read_po

ENGLISH = "# Guide\n\nThis page explains how the reactivity system tracks changes.\n"
KOREAN = "# 안내\n\n이 페이지는 반응성 시스템이 변경을 추적하는 방법을 설명합니다.\n"


def tree(root, pages: dict[str, str]):
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_korean_page_given_as_the_original_is_warned_about(runner, tmp_path):
    page = tree(tmp_path, {"a.md": KOREAN}) / "a.md"
    result = runner.invoke(app, ["pot", str(page), "-o", str(tmp_path / "a.pot")])
    assert result.exit_code == 0
    assert f"transpair: warning: {page} is written in Korean, not English" in result.stderr
    quiet = runner.invoke(
        app, ["pot", str(tree(tmp_path, {"b.md": ENGLISH}) / "b.md"), "-o", str(tmp_path / "b.pot")]
    )
    assert "warning" not in quiet.stderr


def test_two_trees_template_the_pages_not_translated_yet(runner, tmp_path):
    en = tree(tmp_path / "en", {"done.md": ENGLISH, "guide/new.md": ENGLISH, "numbers.txt": "12345\n\n678\n"})
    ko = tree(tmp_path / "ko", {"done.md": KOREAN})
    out = tmp_path / "pot"
    result = runner.invoke(app, ["pot", str(en), str(ko), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pot")) == ["guide/new.pot"]
    assert result.stderr.splitlines() == [
        f"1 of 1 pages not translated yet templated into {out}",
        "1 file skipped: not articles (no prose to align: code, snippets, components); -v lists them",
    ]
    assert [e.msgid for e in read_po(out / "guide" / "new.pot")][0] == "Guide"
    every = runner.invoke(app, ["pot", str(en), "-o", str(tmp_path / "all")])
    assert every.exit_code == 0 and (tmp_path / "all" / "done.pot").is_file()
