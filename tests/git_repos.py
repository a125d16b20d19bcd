"""Throwaway git repositories for the history tests: a translated article, then later English edits."""

import os
import subprocess
from pathlib import Path

from conftest import CORPORA

ARTICLE = CORPORA / "pydocs" / "tutorial-appetite"  # pydocs-ko dev set, 17 paragraphs, all 1-1
TRANSLATED = "2025-01-10T10:00:00+00:00"
EDITED = "2025-03-01T10:00:00+00:00"
CHANGED = "Python is just the language for you and for your whole team."
ADDED = "Python also ships with pip, a tool that installs libraries from the Python Package Index."


def paragraphs(suffix: str) -> list[str]:
    """The dev-set article's paragraphs in one language ('.en.txt' or '.ko.txt')."""
    return ARTICLE.with_suffix(suffix).read_text(encoding="utf-8").strip().split("\n\n")


def edited(english: list[str]) -> list[str]:
    """The English after later commits: paragraph 3 changed, one added after 8, 14 moved to the end, 15
    removed."""
    text = list(english)
    text[3] = CHANGED
    moved = text.pop(14)
    del text[14]
    text.insert(9, ADDED)
    return [*text, moved]


def git(repo: Path, *args: str, date: str = TRANSLATED) -> str:
    """Run git in `repo` with fixed identity and dates, return its output."""
    env = os.environ | {
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def commit(repo: Path, files: dict[str, list[str]], date: str) -> str:
    """Write the files (paragraphs joined by blank lines), commit them at `date`, return the hash."""
    if not (repo / ".git").exists():
        repo.mkdir(parents=True, exist_ok=True)
        git(repo, "init", "-q", "-b", "main")
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(text) + "\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"edit at {date}", date=date)
    return git(repo, "rev-parse", "HEAD")


def one_repo(root: Path) -> tuple[Path, Path, str]:
    """A site with en/ and ko/ in one repository: the translation, then the English edited. Returns the
    English and Korean files and the hash of the commit the Korean was made from."""
    rev = commit(
        root, {"en/appetite.txt": paragraphs(".en.txt"), "ko/appetite.txt": paragraphs(".ko.txt")}, TRANSLATED
    )
    commit(root, {"en/appetite.txt": edited(paragraphs(".en.txt"))}, EDITED)
    return root / "en" / "appetite.txt", root / "ko" / "appetite.txt", rev


def two_repos(root: Path) -> tuple[Path, Path, str]:
    """The English and the Korean in two repositories (as vuejs/docs and docs-ko)."""
    english, korean = root / "docs", root / "docs-ko"
    rev = commit(english, {"src/appetite.txt": paragraphs(".en.txt")}, "2025-01-05T10:00:00+00:00")
    commit(korean, {"src/appetite.txt": paragraphs(".ko.txt")}, TRANSLATED)
    commit(english, {"src/appetite.txt": edited(paragraphs(".en.txt"))}, EDITED)
    return english / "src" / "appetite.txt", korean / "src" / "appetite.txt", rev
