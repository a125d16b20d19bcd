"""Folder pairing conventions of `transpair align DIR`."""

from pathlib import Path

import pytest

from transpair.errors import InputError
from transpair.read.pairs import Selection, find_articles, folder_articles, glob_regex, pair_trees, unread


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text\n", encoding="utf-8")


def test_language_suffix_pairs(tmp_path):
    touch(tmp_path, "a.en.md", "a.ko.md", "b.en.txt")
    arts = find_articles(tmp_path)
    assert [(a.name, a.source.name, a.target and a.target.name) for a in arts] == [
        ("a", "a.en.md", "a.ko.md"),
        ("b", "b.en.txt", None),
    ]


def test_parallel_trees(tmp_path):
    touch(tmp_path, "docs/en/guide/x.md", "docs/ko/guide/x.md", "docs/en/y.md")
    arts = {a.name: a for a in find_articles(tmp_path)}
    assert set(arts) == {"docs/guide/x", "docs/y"}
    assert arts["docs/guide/x"].target == tmp_path / "docs/ko/guide/x.md"
    assert arts["docs/y"].target is None


def test_untagged_source_with_tagged_translation(tmp_path):
    touch(tmp_path, "post/index.md", "post/index.ko.md")
    (art,) = find_articles(tmp_path)
    assert (art.name, art.source.name, art.target.name) == ("post/index", "index.md", "index.ko.md")


def test_other_languages_and_folder_docs_are_not_targets(tmp_path):
    touch(tmp_path, "a.en.md", "a.ja.md", "README.md", "LICENSE.txt", "notes.json")
    assert [(a.name, a.source.name, a.target) for a in find_articles(tmp_path)] == [("a", "a.en.md", None)]


def test_dotted_names_are_not_language_tags(tmp_path):
    touch(tmp_path, "release.notes.md", "v1.2.md")
    assert sorted(a.name for a in find_articles(tmp_path)) == ["release.notes", "v1.2"]


def test_custom_languages(tmp_path):
    touch(tmp_path, "a.ko.md", "a.en.md")
    (art,) = find_articles(tmp_path, source_lang="ko", target_lang="en")
    assert (art.source.name, art.target.name) == ("a.ko.md", "a.en.md")


def test_empty_or_missing_folder(tmp_path):
    with pytest.raises(InputError, match="no articles"):
        find_articles(tmp_path)
    with pytest.raises(InputError, match="not a folder"):
        find_articles(tmp_path / "nope")


def test_two_trees_pair_the_same_relative_paths(tmp_path):
    touch(tmp_path, "docs/src/guide/a.md", "docs/src/b.md", "docs/README.md", "docs-ko/src/guide/a.md")
    touch(tmp_path, "docs-ko/src/gone.md")
    found = pair_trees(tmp_path / "docs" / "src", tmp_path / "docs-ko" / "src")
    assert [(a.name, a.source.relative_to(tmp_path).as_posix()) for a in found] == [
        ("b", "docs/src/b.md"),
        ("guide/a", "docs/src/guide/a.md"),
    ]
    assert found[0].target is None and found[1].target == tmp_path / "docs-ko" / "src" / "guide" / "a.md"


def test_two_trees_refuse_two_files_that_would_share_one_po(tmp_path):
    touch(tmp_path, "en/post.md", "en/post.txt", "ko/post.md")
    with pytest.raises(InputError, match="share the name 'post'"):
        pair_trees(tmp_path / "en", tmp_path / "ko")


def test_two_trees_must_be_two_folders(tmp_path):
    touch(tmp_path, "en/a.md", "ko/a.md")
    with pytest.raises(InputError, match="given twice"):
        pair_trees(tmp_path / "en", tmp_path / "en")
    with pytest.raises(InputError, match="not a folder"):
        pair_trees(tmp_path / "en", tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no articles"):
        pair_trees(tmp_path / "empty", tmp_path / "ko")


def test_only_real_language_codes_are_tags(tmp_path):
    touch(tmp_path, "node.js.txt", "node.js.ko.txt", "v1.en.md", "v1.ko.md", "index.md", "index.ko.md")
    touch(tmp_path, "vue.config.md", "post.ja.md")  # ja: a third language, left out
    arts = {a.name: (a.source.name, a.target and a.target.name) for a in find_articles(tmp_path)}
    assert arts == {
        "index": ("index.md", "index.ko.md"),
        "node.js": ("node.js.txt", "node.js.ko.txt"),
        "v1": ("v1.en.md", "v1.ko.md"),
        "vue.config": ("vue.config.md", None),
    }


def test_source_and_target_lang_options_name_tags_outside_iso_639_1(tmp_path):
    touch(tmp_path, "post.eng.md", "post.kor.md", "note.pt-BR.md", "note.eng.md")
    arts = {
        a.name: (a.source.name, a.target and a.target.name) for a in find_articles(tmp_path, "eng", "kor")
    }
    assert arts == {"note": ("note.eng.md", None), "post": ("post.eng.md", "post.kor.md")}


# Choosing files: --include/--exclude globs, [files] in .transpair.toml, symlinked folders.


def test_globs_choose_files_by_relative_path_or_name(tmp_path):
    touch(tmp_path, "src/guide/a.md", "src/examples/x/description.txt", "src/api/b.md", "src/api/old/c.md")

    def names(select: Selection) -> list[str]:
        return [a.name for a in find_articles(tmp_path / "src", select=select)]

    assert names(Selection()) == ["api/b", "api/old/c", "examples/x/description", "guide/a"]
    assert names(Selection(exclude=("examples",))) == ["api/b", "api/old/c", "guide/a"]
    assert names(Selection(exclude=("*.txt", "api/**/c.md"))) == ["api/b", "guide/a"]
    assert names(Selection(include=("guide/**",))) == ["guide/a"]
    assert names(Selection(include=("*.md",), exclude=("api/old",))) == ["api/b", "guide/a"]


def test_glob_regex_keeps_stars_inside_one_folder():
    assert glob_regex("api/*.md").fullmatch("api/b.md")
    assert not glob_regex("api/*.md").fullmatch("api/old/c.md")
    assert glob_regex("api/**/*.md").fullmatch("api/old/deep/c.md")
    assert glob_regex("api/**/*.md").fullmatch("api/c.md")
    assert glob_regex("c?.md").fullmatch("x/y/c1.md") and not glob_regex("c?.md").fullmatch("c12.md")


def test_files_table_of_the_config_applies_with_the_options(tmp_path):
    touch(tmp_path, "a.md", "examples/b.md", "tutorial/c.md")
    (tmp_path / ".transpair.toml").write_text('[files]\nexclude = ["examples/**"]\n', encoding="utf-8")
    names = [a.name for a in find_articles(tmp_path, select=Selection(exclude=("tutorial",)))]
    assert names == ["a"]
    two = tmp_path / "two"
    touch(two, "a.md", "examples/b.md")
    (two / ".transpair.toml").write_text("[files]\nexclude = 3\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"\[files\] exclude must be a list of glob strings"):
        find_articles(two)


def test_two_trees_take_the_selection_too(tmp_path):
    touch(tmp_path, "en/a.md", "en/examples/b.md", "ko/a.md", "ko/examples/b.md")
    arts = pair_trees(tmp_path / "en", tmp_path / "ko", Selection(exclude=("examples",)))
    assert [(a.name, a.target) for a in arts] == [("a", tmp_path / "ko/a.md")]


def test_symlinked_folders_are_followed_and_loops_refused(tmp_path):
    touch(tmp_path, "shared/guide/a.md", "site/index.md")
    (tmp_path / "site" / "guide").symlink_to(tmp_path / "shared" / "guide", target_is_directory=True)
    assert [a.name for a in find_articles(tmp_path / "site")] == ["guide/a", "index"]
    (tmp_path / "site" / "up").symlink_to(tmp_path / "site", target_is_directory=True)
    with pytest.raises(InputError, match="a symbolic link to a folder above it"):
        find_articles(tmp_path / "site")


def test_folder_articles_needs_two_folders(tmp_path):
    touch(tmp_path, "en/a.md", "ko.md")
    with pytest.raises(InputError, match="is a folder; give a folder alone, two folders"):
        folder_articles(tmp_path / "en", tmp_path / "ko.md", ("en", "ko"))


def test_unread_lists_selected_files_of_other_formats(tmp_path):
    touch(tmp_path, "a.md", "b.vue", "c.js")
    assert unread(tmp_path) == []
    assert unread(tmp_path, Selection(include=("*.vue", "*.md"))) == [tmp_path / "b.vue"]


def _pairs(root: Path, target_lang: str = "ko") -> list[tuple[str, str | None]]:
    return [
        (a.name, a.target and a.target.relative_to(root).as_posix())
        for a in find_articles(root, "en", target_lang)
    ]


def test_docusaurus_i18n_layout(tmp_path):
    plugin = "i18n/ko/docusaurus-plugin-content"
    touch(
        tmp_path,
        "docs/intro/a.md",
        "versioned_docs/version-3/intro/a.md",
        "blog/post.md",
        "src/pages/about.md",
        "community/c.md",
        f"{plugin}-docs/current/intro/a.md",
        f"{plugin}-docs/version-3/intro/a.md",
        f"{plugin}-blog/post.md",
        f"{plugin}-pages/about.md",
        f"{plugin}-docs-community/current/c.md",
        "i18n/ja/docusaurus-plugin-content-docs/current/intro/a.md",
    )
    assert _pairs(tmp_path) == [
        ("blog/post", f"{plugin}-blog/post.md"),
        ("community/c", f"{plugin}-docs-community/current/c.md"),
        ("docs/intro/a", f"{plugin}-docs/current/intro/a.md"),
        ("src/pages/about", f"{plugin}-pages/about.md"),
        ("versioned_docs/version-3/intro/a", f"{plugin}-docs/version-3/intro/a.md"),
    ]
    japanese = _pairs(tmp_path, "ja")
    assert ("docs/intro/a", "i18n/ja/docusaurus-plugin-content-docs/current/intro/a.md") in japanese
    assert not any(name.startswith("i18n/") for name, _ in japanese)  # Korean pages are a third language


def test_third_language_trees_are_left_out_but_a_folder_named_like_a_code_is_not(tmp_path):
    touch(tmp_path, "docs/en/docs/x.md", "docs/ko/docs/x.md", "docs/ja/docs/x.md", "notes/my/y.md")
    assert _pairs(tmp_path) == [("docs/docs/x", "docs/ko/docs/x.md"), ("notes/my/y", None)]
