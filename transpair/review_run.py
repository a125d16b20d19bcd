"""Run `transpair review` on a pair or a folder: align as `align` does, write the review pages and, for a
folder, an index page of the articles sorted by doubtful beads."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from . import pipeline, pofile, read, review
from .align_run import tell
from .errors import EXIT_INPUT, EXIT_OK, InputError, error_line
from .model import Alignment
from .pairs import Article, find_articles

INDEX = "index.html"


def corrections_name(article: str) -> str:
    """The file a folder page exports: NAME.corrections.json (the name's last part)."""
    return f"{Path(article).name}.corrections.json"


def aligned(
    source: Path, target: Path | None, opts: pipeline.AlignOptions, beads: Path | None = None
) -> Alignment:
    """The pair's alignment: the one `align --beads` wrote when BEADS is given, else aligned as align does."""
    if beads is None:
        return pipeline.align_files(source, target, opts)
    if target is None or opts.corrections is not None:
        raise InputError(f"{beads}: --beads needs SOURCE and TARGET, and no --corrections (align with them)")
    return pipeline.read_beads(beads, read.read_document(source), read.read_document(target))


def run_pair(
    source: Path,
    target: Path | None,
    output: Path,
    opts: pipeline.AlignOptions,
    beads: Path | None,
    quiet: bool,
) -> int:
    """Align one pair (or a lone file), or reuse its --beads alignment, and write its review page."""
    pofile.refuse_overwriting([output], [p for p in (source, target, opts.corrections, beads) if p])
    alignment = aligned(source, target, opts, beads)
    tell(alignment, pofile.write_text(output, review.render_page(alignment)), quiet)
    return EXIT_OK


def review_article(
    article: Article, out_dir: Path, opts: pipeline.AlignOptions, beads_dir: Path | None
) -> review.IndexRow:
    """Align one article of a folder (or reuse BEADS_DIR/NAME.json), write OUT_DIR/NAME.html and return its
    index entry."""
    page = f"{article.name}.html"
    beads = beads_dir / f"{article.name}.json" if beads_dir else None
    try:
        beads = beads if beads and beads.is_file() else None
        alignment = aligned(article.source, article.target, pipeline.article_options(opts, article), beads)
        out = out_dir / page
        out.parent.mkdir(parents=True, exist_ok=True)
        pofile.write_text(out, review.render_page(alignment, corrections_name(article.name)))
    except InputError as exc:
        return review.IndexRow(article.name, "", error=str(exc))
    except OSError as exc:
        return review.IndexRow(
            article.name, "", error=f"{out_dir / page}: cannot write ({exc.strerror or exc})"
        )
    return review.index_row(article.name, page, alignment)


def run_folder(
    folder: Path, out_dir: Path, opts: pipeline.AlignOptions, beads_dir: Path | None, quiet: bool
) -> int:
    """Review every article of a folder (failures are listed, the rest go on) and write the index page."""
    if opts.corrections is not None and not opts.corrections.is_dir():
        raise InputError(
            f"{opts.corrections}: with a folder, --corrections names a folder of NAME.corrections.json"
        )
    articles = find_articles(folder, opts.source_lang, opts.target_lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    with Progress(transient=True, disable=quiet, console=Console(stderr=True)) as progress:
        for article in progress.track(articles, description="reviewing"):
            rows.append(review_article(article, out_dir, opts, beads_dir))
            if rows[-1].error:
                progress.console.print(
                    error_line(rows[-1].error), markup=False, highlight=False, soft_wrap=True
                )
    pofile.write_text(out_dir / INDEX, review.render_index(rows, f"transpair review: {folder.name}"))
    failed = sum(bool(r.error) for r in rows)
    if not quiet:
        print(
            f"{len(rows) - failed} of {len(rows)} articles reviewed into {out_dir / INDEX}", file=sys.stderr
        )
    return EXIT_INPUT if failed else EXIT_OK


def run(
    source: Path,
    target: Path | None,
    output: Path,
    opts: pipeline.AlignOptions,
    beads: Path | None = None,
    quiet: bool = False,
) -> int:
    """A folder or a pair, as SOURCE says; the exit code."""
    if not source.is_dir():
        return run_pair(source, target, output, opts, beads, quiet)
    if target is not None:
        raise InputError(f"{source}: is a folder; give a folder alone, or SOURCE and TARGET files")
    return run_folder(source, output, opts, beads, quiet)
