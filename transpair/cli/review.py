"""Run `transpair review` on a pair or a folder: align as `align` does, write the review pages and, for a
folder, an index page of the articles sorted by doubtful beads."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from transpair import pipeline, write
from transpair.align.beads import read_beads
from transpair.check.config import settings_for
from transpair.check.findings import Finding
from transpair.check.run import site_findings
from transpair.cli.align import problems, tell
from transpair.errors import EXIT_INPUT, EXIT_OK, InputError, NotAnArticle
from transpair.model import Alignment
from transpair.po import file
from transpair.read import reader
from transpair.read.pairs import Article, Selection, folder_articles, lang_tag, readable, skipped_lines
from transpair.review.findings import Marks, bead_entries, by_row, earlier_marks
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


@dataclass(frozen=True)
class Reviewed:
    """An article's alignment for its page, and the checks a reviewer silenced in its earlier PO."""

    alignment: Alignment
    marks: Marks = field(default_factory=dict)


def review_alignment(
    source: Path, target: Path | None, opts: pipeline.AlignOptions, earlier: Earlier
) -> Reviewed:
    """The pair's alignment (the one `align --beads` wrote, if given, else aligned as align does), with the
    outdated beads marked and the silenced checks read when its earlier PO is given."""
    if earlier.beads is None:
        alignment = pipeline.align_files(source, target, opts)
    elif target is None or opts.corrections is not None:
        raise InputError(
            f"{earlier.beads}: --beads needs SOURCE and TARGET, and no --corrections (align with them)"
        )
    else:
        alignment = read_beads(earlier.beads, reader.read_document(source), reader.read_document(target))
    if earlier.po is None:
        return Reviewed(alignment)
    po = file.read_po(earlier.po)
    return Reviewed(with_history(alignment, po), earlier_marks(po))


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
    reviewed = review_alignment(source, target, opts, earlier)
    path = str(source)
    entries = bead_entries(reviewed.alignment, path, reviewed.marks)
    findings = by_row(site_findings([entries], settings_for([source])), path)
    page = render_page(reviewed.alignment, corrections_name(article_name(source)), findings)
    tell(reviewed.alignment, write.write_text(output, page), quiet)
    return EXIT_OK


def article_alignment(
    article: Article, opts: pipeline.AlignOptions, earlier: Earlier
) -> Reviewed | IndexRow | None:
    """One article of a folder aligned (or its earlier files reused); the index entry of its error, or None
    for a file that is no article (no prose)."""
    try:
        options = pipeline.article_options(opts, readable(article))
        return review_alignment(article.source, article.target, options, earlier.of(article))
    except NotAnArticle:
        return None
    except InputError as exc:
        return IndexRow(article.name, "", error=str(exc))


def write_article(
    name: str, alignment: Alignment, out_dir: Path, findings: dict[int, tuple[Finding, ...]]
) -> IndexRow:
    """Write OUT_DIR/NAME.html with the findings of its rows and return its index entry."""
    page = f"{name}.html"
    try:
        out = out_dir / page
        out.parent.mkdir(parents=True, exist_ok=True)
        write.write_text(out, render_page(alignment, corrections_name(name), findings))
    except OSError as exc:
        return IndexRow(name, "", error=f"{out_dir / page}: cannot write ({exc.strerror or exc})")
    return index_row(name, page, alignment, sum(map(len, findings.values())))


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
    no prose are skipped), and write the index page. Pages are written once all are aligned: the
    `consistency` check compares them."""
    pipeline.check_corrections_folder(opts)
    langs = (opts.source_lang, opts.target_lang)
    articles = folder_articles(folder, target_folder, langs, select)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows, skipped, aligned = [], [], []
    with Progress(transient=True, disable=quiet, console=Console(stderr=True)) as progress:
        for article in progress.track(articles, description="reviewing"):
            found = article_alignment(article, opts, earlier)
            if found is None:
                skipped.append(str(article.source))
            elif isinstance(found, IndexRow):
                rows.append(found)
            else:
                aligned.append((article.name, found))
        pages = [bead_entries(reviewed.alignment, name, reviewed.marks) for name, reviewed in aligned]
        findings = site_findings(pages, settings_for([folder]))
        for name, reviewed in aligned:
            rows.append(write_article(name, reviewed.alignment, out_dir, by_row(findings, name)))
        for row in rows:
            problems(progress.console, row.error, row.warnings)
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
