"""Run `transpair pot` on an article, a folder of articles, or two trees (templates for the pages the
translation does not have yet)."""

from __future__ import annotations

import sys
from pathlib import Path

import polib

from transpair import languages
from transpair.errors import EXIT_INPUT, EXIT_OK, InputError, NotAnArticle, error_line
from transpair.po import catalog
from transpair.read import reader
from transpair.read.pairs import Selection, folder_articles, readable, skipped_lines
from transpair.settle import langid
from transpair.write import is_stdout


def language_warning(source: Path, source_lang: str) -> str | None:
    """A warning when the article is written in another language than --source-lang (a Korean page given
    as the original gives a template of Korean msgids, which reports 0 % with no other sign)."""
    found = langid.document_language(reader.read_document(source))
    if found is None or found == source_lang:
        return None
    return (
        f"{source} is written in {languages.name(found)}, not {languages.name(source_lang)}: "
        "its template holds that text (see --source-lang)"
    )


def one(
    source: Path, output: Path, source_lang: str, unit: str, wrap: bool, folder: bool = False
) -> polib.POFile:
    """Write one template, warning first when the article is not in the source language; in a folder, a
    file with no prose is NotAnArticle."""
    if folder and langid.document_language(reader.read_document(source)) is None:
        raise NotAnArticle(f"{source}: no prose to make a template of")
    warning = language_warning(source, source_lang)
    if warning:
        print(f"transpair: warning: {warning}", file=sys.stderr)
    return catalog.write_template(source, output, source_lang, unit, wrap=wrap)


def run_folder(
    source: Path,
    target: Path | None,
    out_dir: Path,
    langs: tuple[str, str],
    unit: str,
    wrap: bool,
    select: Selection = Selection(),
    verbose: bool = False,
) -> int:
    """OUT_DIR/NAME.pot for every article of a folder, or for every page of SOURCE_DIR that TARGET_DIR
    does not have yet; files with no prose skipped, an article that fails reported and the rest go on."""
    if is_stdout(out_dir):
        raise InputError(f"{source}: a folder gives one POT per article; -o - (standard output) is for one")
    articles = [a for a in folder_articles(source, target, langs, select) if target is None or not a.target]
    written = failed = 0
    skipped: list[str] = []
    for article in articles:
        out = out_dir / f"{article.name}.pot"
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            one(readable(article).source, out, langs[0], unit, wrap, folder=True)
            written += 1
        except NotAnArticle:
            skipped.append(str(article.source))
        except InputError as exc:
            failed += 1
            print(error_line(exc), file=sys.stderr)
    what = "pages not translated yet" if target is not None else "articles"
    lines = [f"{written} of {len(articles) - len(skipped)} {what} templated into {out_dir}"]
    print("\n".join(lines + skipped_lines(skipped, verbose)), file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK
