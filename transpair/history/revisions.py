"""The English a translation was made from, read from git history.

For SOURCE and TARGET in git work trees (one repository or two), the translation is dated by TARGET's
last commit and SOURCE is read as of that time: the last commit of SOURCE at or before it (or the
revision the user names). Four git calls per file at most, no walk over commits. Files outside git get
no history and no warning; a tracked-but-unusable case (TARGET not committed, SOURCE's history not
reaching back, SOURCE outside git) gets a one-line warning and the plain behaviour.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from transpair.errors import InputError
from transpair.model import Origin

NOT_A_REPO = 128  # git's exit code for "not a git repository" and bad revisions


@dataclass(frozen=True)
class GitResult:
    """What one git command printed and its exit code."""

    code: int
    out: bytes


@dataclass(frozen=True)
class Lookup:
    """The outcome of a history lookup: the old SOURCE bytes and where they come from, or a warning."""

    origin: Origin | None = None
    data: bytes = b""
    warning: str = ""


# A cloned repository's own .git/config must not make a read start a program: signature checks (gpg),
# the file-system monitor, a pager, external diffs and text conversions are off for every call.
SAFE_CONFIG = (
    "log.showSignature=false",
    "core.fsmonitor=false",
    "core.pager=cat",
    "diff.external=",
)
SAFE_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "GIT_OPTIONAL_LOCKS": "0",
}


def git(folder: Path, *args: str) -> GitResult:
    """Run one git command in `folder` that reads only (no program the repository names is started); a
    missing git binary reads as 'not a repository'."""
    config = [part for setting in SAFE_CONFIG for part in ("-c", setting)]
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_EXTERNAL_DIFF", "GIT_PAGER")} | SAFE_ENV
    try:
        done = subprocess.run(
            ["git", *config, "--literal-pathspecs", "--no-pager", "-C", str(folder), *args],
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    except OSError:
        return GitResult(NOT_A_REPO, b"")
    return GitResult(done.returncode, done.stdout)


def commit_fields(out: bytes) -> tuple[str, str] | None:
    """(full hash, YYYY-MM-DD) from a `--format=%H %cs` line; None for empty output."""
    parts = out.decode("ascii", "replace").split()
    return (parts[0], parts[1]) if len(parts) >= 2 else None


def count(out: bytes) -> int:
    """The number `git rev-list --count` printed (0 for nothing)."""
    text = out.decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else 0


def origin_line(origin: Origin) -> str:
    """The one line that says history is used: `source as of 3f2a1c9, 2025-02-24`."""
    return f"source as of {origin.short}, {origin.date}"


def folder_line(origins: list[Origin], pairs: int) -> str:
    """The line a folder run ends with when history was used: how many pairs, and what changed since."""
    changed, added, removed = (
        sum(getattr(o, field) for o in origins) for field in ("changed", "added", "removed")
    )
    return (
        f"{len(origins)} of {pairs} article pairs aligned with history (source as of their translation's "
        f"commit): {changed} paragraph{'' if changed == 1 else 's'} outdated, {added} new, {removed} removed "
        "since"
    )


def read_at(source: Path, rev: str, date: str) -> Lookup:
    """SOURCE's bytes at `rev` and the number of commits of SOURCE since then (two git calls)."""
    shown = git(source.parent, "show", f"{rev}:./{source.name}")
    if shown.code != 0:
        return Lookup(warning=f"{source}: not in {rev[:7]}; aligning with today's text")
    since = git(source.parent, "rev-list", "--count", f"{rev}..HEAD", "--", source.name)
    return Lookup(Origin(rev, date, count(since.out)), shown.out)


def named_revision(source: Path, rev: str) -> Lookup:
    """SOURCE as of the revision the user named (--translated-from); InputError when there is none."""
    found = git(source.parent, "log", "-1", "--format=%H %cs", "--end-of-options", rev, "--")
    fields = commit_fields(found.out) if found.code == 0 else None
    if fields is None:
        raise InputError(f"--translated-from {rev}: no such revision in the repository of {source}")
    lookup = read_at(source, *fields)
    if lookup.origin is None:
        raise InputError(f"--translated-from {rev}: {source.name} does not exist in that revision")
    return lookup


def in_work_tree(path: Path) -> bool:
    """Whether a file lies in a git work tree (asked only when `git log` failed: outside git, or a repository
    with no commit yet)."""
    found = git(path.parent, "rev-parse", "--is-inside-work-tree")
    return found.code == 0 and found.out.strip() == b"true"


def translated_from(source: Path, target: Path, rev: str | None = None) -> Lookup:
    """SOURCE as it was when TARGET was last committed (or at `rev`); a warning when it cannot be told."""
    if rev:
        return named_revision(source, rev)
    dated = git(target.parent, "log", "-1", "--format=%ct", "--", target.name)
    if dated.code != 0 and not in_work_tree(target):
        return Lookup()  # TARGET outside git: plain files, as without history
    stamp = count(dated.out) if dated.code == 0 else 0  # a repository with no commit yet: none
    if not stamp:
        return Lookup(warning=f"{target}: not committed yet, so its source version is unknown")
    found = git(source.parent, "log", "-1", f"--before={stamp}", "--format=%H %cs", "--", source.name)
    if found.code != 0:
        return Lookup(warning=f"{source}: not in a git repository, so its history is unknown")
    fields = commit_fields(found.out)
    if fields is None:
        return Lookup(
            warning=f"{source}: no commit before {target.name}'s last commit "
            "(not committed then, or a shallow clone); aligning with today's text"
        )
    return read_at(source, *fields)
