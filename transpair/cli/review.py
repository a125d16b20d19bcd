"""Run `transpair review` on a pair or a folder: align as `align` does, write the review pages and, for a
folder, an index page of the articles sorted by doubtful beads."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from transpair import pipeline, write
from transpair.align.beads import read_beads
from transpair.cli.align import problems, tell
from transpair.errors import EXIT_INPUT, EXIT_OK, InputError, NotAnArticle
from transpair.model import Alignment
from transpair.po import file
from transpair.read import reader
from transpair.read.pairs import Article, Selection, folder_articles, lang_tag, readable, skipped_lines
from transpair.review.page import IndexRow, index_row, render_index, render_page, with_history

INDEX = "index.html"


def corrections_name(article: str) -> str:
    """The file a page exports: NAME.corrections.json (the name's last part)."""
    return f"{Path(article).name}.corrections.json"


def article_name(source: Path) -> str:
    """A pair's article name: SOURCE's name without its language tag and suffix (`ssr` for ssr.en.md)."""
    tagged = lang_tag(source)
    return tagged[0] if tagged else source.stem


@dataclass(frozen=True)
class Earlier:
    """What earlier runs left for an article: align's --beads JSON (reused instead of aligning again) and
    its PO (whose fuzzy entries with a previous source show as outdated). Folders for a folder."""

    beads: Path | None = None
    po: Path | None = None

    def of(self, article: Article) -> Earlier:
        """An article's own files from the folders: BEADS/NAME.json and PO/NAME.po, where they exist."""
        own = [
            d / f"{article.name}{suffix}" if d else None
            for d, suffix in ((self.beads, ".json"), (self.po, ".po"))
        ]
        return Earlier(*(p if p and p.is_file() else None for p in own))


def review_alignment(
    source: Path, target: Path | None, opts: pipeline.AlignOptions, earlier: Earlier
) -> Alignment:
    """The pair's alignment (the one `align --beads` wrote, if given, else aligned as align does), with the
    outdated beads marked when its earlier PO is given."""
    if earlier.beads is None:
        alignment = pipeline.align_files(source, target, opts)
    elif target is None or opts.corrections is not None:
        raise InputError(
            f"{earlier.beads}: --beads needs SOURCE and TARGET, and no --corrections (align with them)"
        )
    else:
        alignment = read_beads(earlier.beads, reader.read_document(source), reader.read_document(target))
    return with_history(alignment, file.read_po(earlier.po)) if earlier.po else alignment


def run_pair(
    source: Path,
    target: Path | None,
    output: Path,
    opts: pipeline.AlignOptions,
    earlier: Earlier,
    quiet: bool,
) -> int:
    """Align one pair (or a lone file), or reuse its --beads alignment, and write its review page."""
    inputs = (source, target, opts.corrections, opts.markers_file, earlier.beads, earlier.po)
    write.refuse_overwriting([output], inputs)
    alignment = review_alignment(source, target, opts, earlier)
    page = render_page(alignment, corrections_name(article_name(source)))
    tell(alignment, write.write_text(output, page), quiet)
    return EXIT_OK


def review_article(
    article: Article, out_dir: Path, opts: pipeline.AlignOptions, earlier: Earlier
) -> IndexRow | None:
    """Align one article of a folder (or reuse its earlier files), write OUT_DIR/NAME.html and return its
    index entry; None for a file that is no article (no prose)."""
    page = f"{article.name}.html"
    try:
        options = pipeline.article_options(opts, readable(article))
        alignment = review_alignment(article.source, article.target, options, earlier.of(article))
        out = out_dir / page
        out.parent.mkdir(parents=True, exist_ok=True)
        write.write_text(out, render_page(alignment, corrections_name(article.name)))
    except NotAnArticle:
        return None
    except InputError as exc:
        return IndexRow(article.name, "", error=str(exc))
    except OSError as exc:
        return IndexRow(article.name, "", error=f"{out_dir / page}: cannot write ({exc.strerror or exc})")
    return index_row(article.name, page, alignment)


def run_folder(
    folder: Path,
    out_dir: Path,
    opts: pipeline.AlignOptions,
    earlier: Earlier,
    quiet: bool,
    target_folder: Path | None = None,
    select: Selection = Selection(),
    verbose: bool = False,
) -> int:
    """Review every article of a folder, or of two trees (failures are listed, the rest go on; files with
    no prose are skipped), and write the index page."""
    pipeline.check_corrections_folder(opts)
    langs = (opts.source_lang, opts.target_lang)
    articles = folder_articles(folder, target_folder, langs, select)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows, skipped = [], []
    with Progress(transient=True, disable=quiet, console=Console(stderr=True)) as progress:
        for article in progress.track(articles, description="reviewing"):
            row = review_article(article, out_dir, opts, earlier)
            if row is None:
                skipped.append(str(article.source))
                continue
            rows.append(row)
            problems(progress.console, rows[-1].error, rows[-1].warnings)
    write.write_text(out_dir / INDEX, render_index(rows, f"transpair review: {folder.name}"))
    failed = sum(bool(r.error) for r in rows)
    if not quiet:
        lines = [f"{len(rows) - failed} of {len(rows)} articles reviewed into {out_dir / INDEX}"]
        print("\n".join(lines + skipped_lines(skipped, verbose)), file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK


def run(
    source: Path,
    target: Path | None,
    output: Path,
    opts: pipeline.AlignOptions,
    earlier: Earlier = Earlier(),
    quiet: bool = False,
    select: Selection = Selection(),
    verbose: bool = False,
) -> int:
    """A folder, two trees or a pair, as SOURCE and TARGET say; the exit code."""
    if not source.is_dir():
        return run_pair(source, target, output, opts, earlier, quiet)
    return run_folder(source, output, opts, earlier, quiet, target, select, verbose)
