"""A folder run: articles aligned on worker processes and written in order, an article whose inputs have
not changed since a run left its PO as it is told from the cache instead (nothing read, aligned or merged).

An article's outcome (what the written PO counts, the warnings, the source revision, or the article's
error) is kept under a key of everything it depends on: transpair's code, the backend, the options, the
article's paths and the bytes of its two files, of the nearest .transpair.toml of each, of --markers and
its corrections, with history the HEAD of each file's repository, and the bytes of the PO as it is on disk.
It is kept only when a re-run would leave that PO untouched: after a run that left it so, or, for a PO just
written, when merging the alignment into the file read back changes nothing (the very merge a re-run
makes). A PO edited since, an input changed, a new commit: another key, and the article runs as before.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from transpair import cache, codec, parallel, pipeline
from transpair.align import embed
from transpair.errors import InputError, NotAnArticle
from transpair.history import base
from transpair.model import Alignment, Cause, Origin
from transpair.po import catalog, code, file, state
from transpair.read.pairs import Article
from transpair.settings import find_config
from transpair.settle.checks import still_warning


@dataclass(frozen=True)
class News:
    """What a folder run tells about one article beside its output: its warnings and the source revision
    its translation was made from (git history), if any."""

    warnings: tuple[str, ...] = ()
    origin: Origin | None = None
    still_in_source: bool = False  # the target is the source not translated yet (its warning left out)


@dataclass(frozen=True)
class Outcome:
    """What a run told about an article, as the cache keeps it: the PO's counts per state and the news,
    or the error that stopped the article."""

    counts: tuple[tuple[str, int], ...] = ()
    news: News = News()
    error: str = ""
    not_an_article: bool = False


def news_of(alignment: Alignment | InputError) -> News:
    """An alignment's warnings and source revision (nothing for an error)."""
    if isinstance(alignment, InputError):
        return News()
    still = any(b.cause == Cause.NOT_TRANSLATED_YET for b in alignment.beads)
    own = still_warning(alignment) if still else None
    return News(tuple(w for w in alignment.warnings if w != own), alignment.origin, still)


def inputs_key(
    article: Article,
    opts: pipeline.AlignOptions,
    wopts: pipeline.WriteOptions,
    repository: Callable[[Path], bytes | None],
) -> str | None:
    """The digest of everything an article's outcome depends on but its PO; None when it is not
    remembered: an unlisted folder, options that always write (--force, TMX) or a backend of the user's
    (its identity is known only once loaded), a file that cannot be read, a shallow clone."""
    if article.error or wopts.force or wopts.format != "po" or not opts.cache or opts.similarity:
        return None
    own = pipeline.article_options(opts, article)
    sides = [p for p in (article.source, article.target) if p is not None]
    files = [*sides, opts.markers_file, own.corrections, *(find_config(p.parent) for p in sides)]
    parts = [cache.file_state(p) for p in files]
    if own.history:
        parts += [repository(p.parent) for p in sides]
    if None in parts:
        return None
    settings = repr((own, wopts, article))
    return cache.digest("article inputs", cache.code_version(), embed.use_identity(), settings, *parts)


def repository_root(folder: Path) -> Path:
    """The nearest folder at or above FOLDER holding `.git` (the work tree git finds there), else FOLDER: the
    repository state is asked once per repository, not once per folder."""
    start = folder.resolve()
    return next((f for f in (start, *start.parents) if (f / ".git").exists()), start)


def outcome_key(inputs: str, out: Path) -> str | None:
    """The key of an article's outcome: its inputs and its PO as it now is on disk."""
    po = cache.file_state(out)
    return None if po is None else cache.digest("article outcome", inputs, po)


def settled(alignment: Alignment, written: pipeline.Written, wopts: pipeline.WriteOptions) -> bool:
    """Whether a re-run would leave the PO just written (or left) as it is: merging the alignment's
    catalog into the file read back changes nothing."""
    if written.unchanged:
        return True
    new = catalog.build_catalog(alignment, code_mode=code.code_mode(alignment.source.path, wopts.code))
    try:
        old = file.read_po(written.path)
    except InputError:
        return False
    merged = catalog.merge(new, old, prefer_target=wopts.prefer_target)
    return catalog.unchanged(merged, old) and state.po_counts(merged) == written.counts


def told(
    article: Article, outcome: Outcome, out: Path
) -> tuple[Article, pipeline.Written | InputError, News]:
    """A remembered outcome as the run gives it: the PO left as it is, or the article's error."""
    if outcome.error:
        return article, (NotAnArticle if outcome.not_an_article else InputError)(outcome.error), News()
    return article, pipeline.Written(out, Counter(dict(outcome.counts)), unchanged=True), outcome.news


def kept_outcome(
    alignment: Alignment | InputError,
    result: pipeline.Written | InputError,
    news: News,
    wopts: pipeline.WriteOptions,
) -> Outcome | None:
    """The outcome to keep for an article just run, if a re-run would tell the same: an alignment's error,
    or a PO the re-run would leave as it is (a failed write is not kept)."""
    if isinstance(alignment, InputError):
        return Outcome(error=str(alignment), not_an_article=isinstance(alignment, NotAnArticle))
    if isinstance(result, InputError) or not settled(alignment, result, wopts):
        return None
    return Outcome(tuple(sorted(result.counts.items())), news)


def recall(store: cache.Store | None, keys: list[str]) -> dict[str, Outcome]:
    """The remembered outcomes of the keys that have one (a row that does not decode is none)."""
    found = {}
    for key, data in (store.get_many(keys) if store is not None and keys else {}).items():
        try:
            found[key] = codec.loads(Outcome, data)
        except (ValueError, TypeError, KeyError):
            continue
    return found


def align_folder(
    articles: list[Article],
    out_dir: Path,
    opts: pipeline.AlignOptions,
    wopts: pipeline.WriteOptions,
    beads_dir: Path | None = None,
    jobs: int = 1,
) -> Iterator[tuple[Article, pipeline.Written | InputError, News]]:
    """Start aligning the articles whose outcome is not remembered (on `jobs` processes); the outputs
    OUT_DIR/NAME.po (and BEADS_DIR/NAME.json) are written as the caller reads each result (the written PO
    or the error) and the alignment's news (warnings, source revision), in the order of the articles."""
    state = functools.cache(base.repository_state)

    def repository(folder: Path) -> bytes | None:
        return state(repository_root(folder))

    outs = [pipeline.output_path(out_dir, a, wopts.format) for a in articles]
    inputs = [inputs_key(a, opts, wopts, repository) if beads_dir is None else None for a in articles]
    keys = [outcome_key(i, out) if i else None for i, out in zip(inputs, outs)]
    store = cache.open_store(opts.cache)
    known = recall(store, [k for k in keys if k])
    todo = [a for a, k in zip(articles, keys) if k not in known]
    align = functools.partial(pipeline.align_article, opts=opts)
    alignments = parallel.map_ordered(align, todo, jobs, functools.partial(pipeline.load_shared, opts))

    def results() -> Iterator[tuple[Article, pipeline.Written | InputError, News]]:
        for article, out, given, key in zip(articles, outs, inputs, keys):
            if key in known:
                yield told(article, known[key], out)
                continue
            alignment = next(alignments)
            result = pipeline.write_article(article, alignment, out_dir, wopts, beads_dir)
            news = news_of(alignment)
            outcome = kept_outcome(alignment, result, news, wopts) if given else None
            if outcome is not None and store is not None and (after := outcome_key(given, out)):
                store.put(after, codec.dumps(outcome))
            yield article, result, news

    return results()
