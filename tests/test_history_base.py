"""Which English revision a translation was made from: named, metadata, content, last commit."""

import subprocess

import pytest
from git_repos import ADDED, commit, git, paragraphs

from transpair.align import embed
from transpair.history import base, revisions
from transpair.read import reader

REWRITTEN = (
    "Python is interpreted: you run a program right away, with no compiling or linking step in between, "
    "and the interpreter can be used interactively to try out features or test functions as you write them."
)
TYPO_FIXED = "변수나 인자의 선언이 필요 없습니다."  # was "필요 없다." (a Korean style fix)


def later_english() -> list[str]:
    """The English after the translation: paragraph 7 rewritten and a paragraph added."""
    text = paragraphs(".en.txt")
    text[7] = REWRITTEN
    return [*text[:10], ADDED, *text[10:]]


def korean_typo_fixed() -> list[str]:
    text = paragraphs(".ko.txt")
    text[11] = TYPO_FIXED
    return text


def site(tmp_path, korean_head: list[str] | None = None, ext: str = "txt"):
    """English V1, the Korean made from it, English V2, then a Korean typo fix (two repositories).
    Returns the English and Korean paths and V1, V2."""
    english, korean = tmp_path / "docs", tmp_path / "docs-ko"
    v1 = commit(english, {f"a.{ext}": paragraphs(".en.txt")}, "2025-01-05T10:00:00+00:00")
    commit(korean, {f"a.{ext}": [*(korean_head or []), *paragraphs(".ko.txt")]}, "2025-01-10T10:00:00+00:00")
    v2 = commit(english, {f"a.{ext}": later_english()}, "2025-03-01T10:00:00+00:00")
    commit(korean, {f"a.{ext}": [*(korean_head or []), *korean_typo_fixed()]}, "2025-04-01T10:00:00+00:00")
    return english / f"a.{ext}", korean / f"a.{ext}", v1, v2


def lookup(source, target, rev=None):
    similarity = embed.shared_similarity(None, True)
    return base.base_revision(reader.read_document(source), reader.read_document(target), similarity, rev)


def test_a_typo_fix_in_the_translation_does_not_move_the_base(tmp_path):
    source, target, v1, v2 = site(tmp_path)
    assert revisions.translated_from(source, target).origin.rev == v2  # the last commit says V2
    found = lookup(source, target)
    assert found.origin.rev == v1 and found.origin.how == "content" and not found.warning


def test_the_base_follows_a_translation_brought_up_to_date(tmp_path):
    source, target, _, v2 = site(tmp_path)
    korean = korean_typo_fixed()
    korean[7] = (
        "파이썬은 인터프리터 언어라서 컴파일이나 링크 단계 없이 프로그램을 바로 실행할 수 있고, "
        "대화형으로 기능을 시험해 볼 수 있습니다."
    )
    korean.insert(
        10, "파이썬에는 pip도 함께 제공되는데, Python Package Index에서 라이브러리를 설치하는 도구입니다."
    )
    commit(target.parent, {"a.txt": korean}, "2025-05-01T10:00:00+00:00")
    found = lookup(source, target)
    assert found.origin.rev == v2 and found.origin.how == "content"


def test_a_second_lookup_makes_three_git_calls_and_a_new_commit_looks_again(tmp_path, monkeypatch):
    """Cached under both HEADs: a re-run asks git for the two HEADs and the old source, nothing more; the
    content choice is cached under the candidate commits: after a commit only the chosen version is read."""
    source, target, v1, _ = site(tmp_path)
    first, calls, reads = lookup(source, target), [], []
    git, read_at = revisions.git, revisions.read_at
    monkeypatch.setattr(revisions, "git", lambda *args, **kw: calls.append(args[1]) or git(*args, **kw))
    monkeypatch.setattr(revisions, "read_at", lambda *args: reads.append(args[1]) or read_at(*args))
    assert lookup(source, target) == first and calls == ["rev-parse", "rev-parse", "show"]
    subprocess.run(["git", "-C", str(source.parent), "commit", "-q", "--allow-empty", "-m", "x"], check=True)
    again = lookup(source, target)
    assert again.origin.rev == v1 and again.origin.commits_since == first.origin.commits_since
    assert reads == [v1]  # the candidates are the same commits: only the chosen one read


@pytest.mark.parametrize("key", ["l10n:\n  sourceCommit: {rev}", "default_lang_commit: {rev}"])
def test_front_matter_names_the_base(tmp_path, key):
    # MDN's l10n.sourceCommit and OpenTelemetry's default_lang_commit, even against the content's choice
    english = tmp_path / "docs"
    v1 = commit(english, {"a.md": paragraphs(".en.txt")}, "2025-01-05T10:00:00+00:00")
    v2 = commit(english, {"a.md": later_english()}, "2025-03-01T10:00:00+00:00")
    head = [f"---\ntitle: 입맛 돋우기\n{key.format(rev=v2)}\n---"]
    source, target, *_ = site(tmp_path / "other", head, "md")
    found = lookup(english / "a.md", target)
    assert found.origin.rev == v2 and found.origin.how == "metadata" and v1 != v2


def test_front_matter_naming_a_missing_commit_is_one_warning_and_the_next_method(tmp_path):
    source, target, v1, _ = site(tmp_path, ["---\nl10n:\n  sourceCommit: 0123456789abcdef0123\n---"], "md")
    found = lookup(source, target)
    assert found.origin.rev == v1 and found.origin.how == "content"
    assert found.warning.count("\n") == 0 and "names 0123456789ab" in found.warning


def test_transpair_toml_names_the_base_per_file_and_per_folder(tmp_path):
    source, target, v1, v2 = site(tmp_path)
    config = target.parent / ".transpair.toml"
    config.write_text(f'[history]\ntranslated_from = "{v2}"\n', encoding="utf-8")
    assert lookup(source, target).origin.rev == v2
    config.write_text(f'[history]\ntranslated_from = "{v2}"\n[history.files]\n"a.txt" = "{v1[:10]}"\n')
    found = lookup(source, target)
    assert found.origin.rev == v1 and found.origin.how == "metadata"


def test_a_named_revision_overrides_everything(tmp_path):
    source, target, v1, v2 = site(tmp_path, ext="md")
    text = target.read_text(encoding="utf-8")
    target.write_text(f"---\ndefault_lang_commit: {v1}\n---\n\n{text}", encoding="utf-8")
    assert lookup(source, target).origin.rev == v1
    found = lookup(source, target, "HEAD")
    assert found.origin.rev == v2 and found.origin.how == "named"


def test_a_translation_with_one_commit_is_dated_by_it(tmp_path):
    english, korean = tmp_path / "docs", tmp_path / "docs-ko"
    v1 = commit(english, {"a.txt": paragraphs(".en.txt")}, "2025-01-05T10:00:00+00:00")
    commit(korean, {"a.txt": paragraphs(".ko.txt")}, "2025-01-10T10:00:00+00:00")
    commit(english, {"a.txt": later_english()}, "2025-03-01T10:00:00+00:00")
    found = lookup(english / "a.txt", korean / "a.txt")
    assert found.origin.rev == v1 and found.origin.how == "last commit"


def test_a_shallow_clone_is_one_warning_and_the_next_method(tmp_path):
    source, target, _, v2 = site(tmp_path)
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{source.parent}", str(shallow)], check=True
    )
    assert git(shallow, "rev-list", "--count", "HEAD") == "1"
    found = lookup(shallow / "a.txt", target)
    assert found.origin.rev == v2 and found.origin.how == "last commit"
    assert "shallow clone" in found.warning and found.warning.count("\n") == 0
