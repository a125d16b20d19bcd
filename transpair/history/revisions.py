"""The English a translation was made from, read from git history.

For SOURCE and TARGET in git work trees (one repository or two), the translation is dated by TARGET's
last commit and SOURCE is read as of that time: the last commit of SOURCE at or before it (or the
revision the user names). Four git calls per file at most, no walk over commits. Files outside git get
no history and no warning; a tracked-but-unusable case (TARGET not committed, TARGET's last commit where a
shallow clone's history is cut, SOURCE's history not reaching back, SOURCE outside git, an old SOURCE over
the input size limit) gets a one-line warning and the plain behaviour.
"""

from __future__ import annotations

import os
import subprocess
import typing
from dataclasses import dataclass
from pathlib import Path

from transpair import errors
from transpair.errors import InputError
from transpair.model import Origin

NOT_A_REPO = 128  # git's exit code for "not a git repository" and bad revisions
TOO_LARGE = -1  # our code for an output cut at the size limit (no git exit code is negative)
NO_REFS = "--decorate-refs=refs/transpair/none"  # %D then names no branch or tag, only `grafted`


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


def started(folder: Path, args: tuple[str, ...], stdin: int | None = subprocess.DEVNULL) -> subprocess.Popen:
    """One git command started in `folder` that reads only (no program the repository names is started)."""
    config = [part for setting in SAFE_CONFIG for part in ("-c", setting)]
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_EXTERNAL_DIFF", "GIT_PAGER")} | SAFE_ENV
    argv = ["git", *config, "--literal-pathspecs", "--no-pager", "-C", str(folder), *args]
    return subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)


def git(folder: Path, *args: str, limit: int | None = None) -> GitResult:
    """Run one git command in `folder` (see `started`); a missing git binary reads as 'not a repository';
    output over `limit` bytes stops it (TOO_LARGE)."""
    try:
        with started(folder, args) as done:
            out = done.stdout.read() if limit is None else done.stdout.read(limit + 1)
            if limit is not None and len(out) > limit:
                done.kill()
                return GitResult(TOO_LARGE, b"")
    except OSError:
        return GitResult(NOT_A_REPO, b"")
    return GitResult(done.returncode, out)


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


def shown_at(source: Path, rev: str) -> GitResult:
    """SOURCE's bytes at `rev` as `git show REV:./NAME` gives them, stopped past the input size limit."""
    return git(source.parent, "show", f"{rev}:./{source.name}", limit=errors.MAX_INPUT_BYTES)


def read_at(source: Path, rev: str, date: str) -> Lookup:
    """SOURCE's bytes at `rev` and the number of commits of SOURCE since then (two git calls)."""
    return found_at(source, rev, date, shown_at(source, rev))


def found_at(source: Path, rev: str, date: str, shown: GitResult) -> Lookup:
    """The lookup of SOURCE at `rev` from its bytes as git gave them (with the number of commits of SOURCE
    since, one git call), or the warning when git could not give them."""
    if shown.code == TOO_LARGE:
        return Lookup(
            warning=f"{source}: over {errors.MAX_INPUT_BYTES // 2**20} MiB in {rev[:7]}, more than an input "
            "may hold; aligning with today's text"
        )
    if shown.code != 0:
        return Lookup(warning=f"{source}: not in {rev[:7]}; aligning with today's text")
    since = git(source.parent, "rev-list", "--count", f"{rev}..HEAD", "--", source.name)
    return Lookup(Origin(rev, date, count(since.out)), shown.out)


def skip(stream: typing.BinaryIO, size: int) -> None:
    """Read SIZE bytes of a stream and drop them, a megabyte at a time."""
    while size > 0 and (chunk := stream.read(min(size, 2**20))):
        size -= len(chunk)


def contents_at(source: Path, revs: list[str]) -> list[tuple[str, GitResult]]:
    """SOURCE's blob id and bytes at each revision, as `git show REV:./NAME` gives them (code 0, or
    NOT_A_REPO when it is not there, TOO_LARGE over the input size limit), from one `git cat-file --batch`
    instead of one git process each; a name git's line protocol cannot carry is read with `git show`."""
    if "\n" in source.name or not revs:
        return [("", shown_at(source, rev)) for rev in revs]
    names = "".join(f"{rev}:./{source.name}\n" for rev in revs).encode("utf-8", "surrogateescape")
    found = []
    try:
        with started(source.parent, ("cat-file", "--batch"), stdin=subprocess.PIPE) as batch:
            batch.stdin.write(names)  # a few lines: within the pipe's buffer, read below
            batch.stdin.close()
            for rev in revs:
                head = batch.stdout.readline().split()
                if len(head) != 3 or not head[2].isdigit():
                    found.append(("", GitResult(NOT_A_REPO, b"")))
                    continue
                size = int(head[2])
                if size > errors.MAX_INPUT_BYTES:
                    found.append(("", GitResult(TOO_LARGE, b"")))
                    skip(batch.stdout, size + 1)
                    continue
                data = batch.stdout.read(size + 1)[:size]  # the blob and git's closing newline
                if head[1] != b"blob":  # a folder or a link there then: as `git show` prints it
                    found.append(("", shown_at(source, rev)))
                    continue
                found.append((head[0].decode(), GitResult(0, data)))
    except OSError:
        return [("", GitResult(NOT_A_REPO, b"")) for _ in revs]
    return found


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
    # %D with no ref decorations left says `grafted` where a shallow clone's history is cut
    dated = git(target.parent, "log", "-1", "--format=%ct %H %D", NO_REFS, "--", target.name)
    if dated.code != 0 and not in_work_tree(target):
        return Lookup()  # TARGET outside git: plain files, as without history
    fields = dated.out.decode("ascii", "replace").split() if dated.code == 0 else []
    stamp = count(fields[0].encode()) if fields else 0  # a repository with no commit yet: none
    if not stamp:
        return Lookup(warning=f"{target}: not committed yet, so its source version is unknown")
    if "grafted" in " ".join(fields[2:]).split(", "):  # TARGET's last commit may be long after its change
        return Lookup(
            warning=f"{target}: a shallow clone (history cut at {fields[1][:7]}), so its source version is "
            "unknown; aligning with today's text (`git fetch --unshallow` gives history)"
        )
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
