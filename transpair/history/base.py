"""Which English revision a translation was made from: named, written down, or found by content.

In order, the first that answers:
1. `--translated-from REV` (an error when the revision or the file in it does not exist);
2. metadata: the translation's front matter (MDN's `l10n.sourceCommit`, OpenTelemetry's
   `default_lang_commit`) or `translated_from` in the nearest .transpair.toml (`[history]` for a whole
   folder, `[history.files]` per file, paths relative to the config file); a revision the source's
   repository does not hold is one warning line and the next method;
3. content: among the source revisions from the one current at the translation's first commit to the
   one current at its last, the one the translation matches best (each block's best cosine with the
   other side, averaged both ways; vectors come from the shared cache, so unchanged paragraphs of
   every revision are embedded once). A typo fix or a reformatting of the translation does not move it;
4. the last commit: the source as of the translation's last commit (`revisions.translated_from`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import numpy as np
import regex

from transpair import cache
from transpair.align.embed import Similarity
from transpair.errors import InputError
from transpair.history import revisions
from transpair.model import Document, Origin
from transpair.read import reader
from transpair.settings import config_table, find_config, setting_error

FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", regex.S)
METADATA_KEYS = regex.compile(
    r"^[ \t]*(?:sourceCommit|default_lang_commit)[ \t]*:[ \t]*[\"']?([0-9A-Fa-f]{7,40})[\"']?[ \t]*$", regex.M
)
MAX_CANDIDATES = 40  # source revisions compared with the translation, the latest ones (a long-lived page)


def front_matter_revision(target: Document) -> str | None:
    """The source commit a translation's front matter names (l10n.sourceCommit, default_lang_commit)."""
    head = FRONT_MATTER.match(target.text)
    found = METADATA_KEYS.search(head[1]) if head else None
    return found[1] if found else None


def config_revision(target: Path) -> str | None:
    """The `translated_from` the nearest .transpair.toml gives the translation: its own under
    `[history.files]`, else the folder's under `[history]`."""
    config = find_config(target.parent)
    if config is None:
        return None
    table = config_table(config, "history")
    files = table.get("files", {})
    try:
        own = target.resolve().relative_to(config.parent.resolve()).as_posix()
    except ValueError:
        own = ""
    rev = files.get(own) if isinstance(files, dict) else None
    rev = rev or table.get("translated_from")
    if rev is not None and not isinstance(rev, str):
        raise setting_error(config, "history", "translated_from", "must be a string (a revision)")
    return rev


def metadata_lookup(source: Path, target: Document) -> revisions.Lookup:
    """The source as of the revision the translation's metadata names; a warning when it names one the
    source's repository does not hold (or holds without the file)."""
    rev = front_matter_revision(target) or config_revision(Path(target.path))
    if rev is None:
        return revisions.Lookup()
    try:
        lookup = revisions.named_revision(source, rev)
    except InputError:
        return revisions.Lookup(
            warning=f"{target.path}: its metadata names {rev[:12]}, which {source.name}'s repository does "
            "not hold with that file; finding the source version by content"
        )
    return replace(lookup, origin=replace(lookup.origin, how="metadata"))


def candidates(source: Path, target: Path) -> list[tuple[str, str]]:
    """(hash, date) of the source revisions the translation may follow, newest first: those between its
    first and last commit, and the one current at its first (two git calls)."""
    stamps = revisions.git(target.parent, "log", "--format=%ct", "--", target.name)
    times = [int(t) for t in stamps.out.split() if t.isdigit()] if stamps.code == 0 else []
    if len(times) < 2:
        return []
    first, last = min(times), max(times)
    found = revisions.git(source.parent, "log", f"--before={last}", "--format=%H %ct %cs", "--", source.name)
    picked = []
    for line in found.out.decode("ascii", "replace").splitlines() if found.code == 0 else []:
        rev, stamp, date = line.split()
        picked.append((rev, date))
        if int(stamp) <= first or len(picked) == MAX_CANDIDATES:
            break
    return picked


def shallow(path: Path) -> bool:
    """Whether a file's repository is a shallow clone (its older history cut off)."""
    return revisions.git(path.parent, "rev-parse", "--is-shallow-repository").out.strip() == b"true"


def match_score(version: np.ndarray, translation: np.ndarray) -> float:
    """How well a translation matches one source version: every block's best cosine with the other side,
    averaged over each side, then over both sides."""
    if not len(version) or not len(translation):
        return 0.0
    cosines = version @ translation.T
    return float(cosines.max(axis=1).mean() + cosines.max(axis=0).mean()) / 2


@dataclass(frozen=True)
class Choice:
    """The candidate revision a translation matched best, as the cache keeps it ('' when none was read)."""

    rev: str = ""
    date: str = ""


def best_version(
    source: Document, target: Document, similarity: Similarity, found: list[tuple[str, str]]
) -> revisions.Lookup:
    """The source as of the candidate the translation matches best (the latest of equal ones)."""
    path, options = Path(source.path), reader.read_options(Path(source.path))
    versions, seen = [], set()
    for (rev, date), (blob, shown) in zip(found, revisions.contents_at(path, [rev for rev, _ in found])):
        if shown.code != 0 or (blob and blob in seen):  # the same text again: scores the same, never more
            continue
        seen.add(blob)
        try:
            old = reader.bytes_document(shown.out, source.path, source.format, options)
        except InputError:
            continue
        versions.append(((rev, date, shown), [b.norm for b in old.blocks]))
    translated = [b.norm for b in target.blocks]
    # one call for all versions (full batches), sliced per version below
    vectors = similarity.embed(translated + [t for _, texts in versions for t in texts])
    translation, start = vectors[: len(translated)], len(translated)
    best, best_score = None, -1.0
    for version, texts in versions:
        score = match_score(vectors[start : start + len(texts)], translation)
        start += len(texts)
        if score > best_score + 1e-9:
            best, best_score = version, score
    return revisions.found_at(path, *best) if best else revisions.Lookup()


R = TypeVar("R")


def remembered(
    similarity: Similarity,
    name: str,
    source: Document,
    parts: tuple,
    kind: type[R],
    compute: Callable[[], revisions.Lookup],
    record: Callable[[revisions.Lookup], R],
) -> tuple[revisions.Lookup | None, R]:
    """The small record a lookup leaves in the backend's persistent cache, keyed by transpair's code, the
    backend, the source's path, format and reading options and `parts`; with the lookup itself when it was
    made in this run (None when the record came from the cache)."""
    key = cache.digest(
        name,
        cache.code_version(),
        getattr(similarity, "identity", ""),
        source.path,
        source.format,
        repr(reader.read_options(Path(source.path))),
        *parts,
    )
    made: list[revisions.Lookup] = []

    def make() -> R:
        made.append(compute())
        return record(made[0])

    found = cache.remember(getattr(similarity, "store", None), key, kind, make)
    return (made[0] if made else None), found


def content_lookup(source: Document, target: Document, similarity: Similarity) -> revisions.Lookup:
    """The source revision the translation matches best among `candidates` (the latest of equal ones);
    no lookup when there is nothing to choose from. The choice is cached under the candidates (commits:
    what each holds never changes), the translation's blocks, how the source is read and the backend, so
    a re-run reads one old version instead of every candidate."""
    found = candidates(Path(source.path), Path(target.path))
    if len(found) == 1 and shallow(Path(source.path)):
        return revisions.Lookup(
            warning=f"{source.path}: a shallow clone, so the revisions its translation spans are unknown; "
            "using the last commit before the translation's"
        )
    if len(found) < 2:
        return revisions.Lookup()

    def choice(lookup: revisions.Lookup) -> Choice:
        return Choice(lookup.origin.rev, lookup.origin.date) if lookup.origin is not None else Choice()

    made, choice_ = remembered(
        similarity,
        "base by content",
        source,
        (*(b.norm for b in target.blocks), "\0", *(rev for rev, _ in found)),
        Choice,
        lambda: best_version(source, target, similarity, found),
        choice,
    )
    if made is not None:
        best = made
    elif choice_.rev:
        best = revisions.read_at(Path(source.path), choice_.rev, choice_.date)
    else:
        best = revisions.Lookup()
    if best.origin is None:
        return revisions.Lookup()
    return replace(best, origin=replace(best.origin, how="content"))


@dataclass(frozen=True)
class Found:
    """A base revision as the cache keeps it: the revision (its old source read again with one git call) and
    the warnings, or only the warnings when there is none."""

    origin: Origin | None = None
    warning: str = ""


def repository_state(folder: Path) -> bytes | None:
    """The HEAD commit of the repository holding a folder (empty outside git or before its first commit);
    None in a shallow clone, whose history can deepen under the same HEAD."""
    found = revisions.git(folder, "rev-parse", "HEAD", "--is-shallow-repository")
    if found.code != 0:
        return b""
    head, _, shallow = found.out.partition(b"\n")
    return None if shallow.strip() != b"false" else head


def base_revision(
    source: Document, target: Document, similarity: Similarity, rev: str | None = None
) -> revisions.Lookup:
    """The source as of the revision the translation was made from, by the first method that answers
    (see the module doc); the warnings of the methods passed over are joined into one line. Cached under
    both repositories' HEAD, both paths, the translation's text, the settings and the backend (what every
    method reads), so a re-run makes three git calls instead of a walk over each file's history."""
    path, translation = Path(source.path), Path(target.path)
    if rev:
        lookup = revisions.named_revision(path, rev)
        return replace(lookup, origin=replace(lookup.origin, how="named"))
    # the nearest .transpair.toml's [history] may name the base
    states = [repository_state(p.parent) for p in (path, translation)] + [
        cache.file_state(find_config(translation.parent))
    ]
    if getattr(similarity, "store", None) is None or None in states:
        return found_revision(source, target, similarity)
    parts = (target.path, target.text, repr(reader.read_options(translation)), *states)
    made, found = remembered(
        similarity,
        "base revision",
        source,
        parts,
        Found,
        lambda: found_revision(source, target, similarity),
        lambda lookup: Found(lookup.origin, lookup.warning),
    )
    if made is not None or found.origin is None:
        return made if made is not None else revisions.Lookup(warning=found.warning)
    shown = revisions.shown_at(path, found.origin.rev)
    if shown.code != 0:  # cannot happen at the same HEAD; found again rather than trusted
        return found_revision(source, target, similarity)
    return revisions.Lookup(found.origin, shown.out, found.warning)


def found_revision(source: Document, target: Document, similarity: Similarity) -> revisions.Lookup:
    """The source as of the revision named by metadata, else found by content, else as of the
    translation's last commit; the warnings of the methods passed over joined into one line."""
    path, translation = Path(source.path), Path(target.path)
    skipped = metadata_lookup(path, target)
    if skipped.origin is not None:
        return skipped
    content = content_lookup(source, target, similarity)
    lookup = content
    if content.origin is None:
        lookup = revisions.translated_from(path, translation)
        if lookup.origin is not None:
            lookup = replace(lookup, origin=replace(lookup.origin, how="last commit"))
    warnings = dict.fromkeys(w for w in (skipped.warning, content.warning, lookup.warning) if w)
    warning = "; ".join(warnings)
    return replace(lookup, warning=warning)
