"""Folder pairing conventions of `transpair align DIR`."""

from pathlib import Path

import pytest

from transpair.errors import InputError
from transpair.read.pairs import find_articles, pair_trees


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
