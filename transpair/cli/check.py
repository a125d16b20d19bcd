"""The `transpair check` and `transpair terms` jobs: read the PO files, run the checks or mine the terms,
write the output, decide the exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transpair.check import output, sarif
from transpair.check.config import settings_for
from transpair.check.findings import Entry, Finding, rank
from transpair.check.glossary import read_glossary, to_csv, to_tbx
from transpair.check.run import page_entries, site_findings
from transpair.check.terms import MIN_COUNT, as_glossary, mine
from transpair.cli.options import CHECK_FAIL_ON, CHECK_FORMATS
from transpair.errors import EXIT_BELOW, EXIT_INPUT, EXIT_OK, InputError, error_line, status
from transpair.po.file import read_po
from transpair.progress import tracked
from transpair.report.inputs import CATALOG_SUFFIXES, po_files
from transpair.write import refuse_overwriting, write_text

FORMATS, FAIL_ON = CHECK_FORMATS, CHECK_FAIL_ON


@dataclass(frozen=True, kw_only=True)
class CheckOptions:
    """What `check` reads, how it reports, and when it fails."""

    glossary: Path | None = None
    format: str = "text"
    fail_on: str = "error"  # exit 1 when a finding is at this level or above; never: only input errors
    output: Path | None = None
    fuzzy: bool = False  # check fuzzy entries too
    quiet: bool = False


def po_paths(paths: Sequence[Path]) -> tuple[list[Path], list[InputError]]:
    """The PO files named or found below the folders named, and an error for each unusable PATH."""
    files, errors = [], []
    for path in paths:
        found = status(path)
        if found is None:
            errors.append(InputError(f"{path}: no such file or folder"))
        elif path.is_dir():
            inside = po_files(path)
            files += inside
            if not inside:
                errors.append(InputError(f"{path}: no PO files in the folder"))
        elif path.suffix.lower() in CATALOG_SUFFIXES:
            files.append(path)
        else:
            errors.append(InputError(f"{path}: not a PO file (give .po files or folders of them)"))
    return files, errors


def read_pages(paths: Sequence[Path], fuzzy: bool, quiet: bool) -> tuple[list[list[Entry]], list[str]]:
    """The entries to check of every PO file, one list per file, and the error lines of unusable ones."""
    files, errors = po_paths(paths)
    pages = []
    for path in tracked(files, "reading PO files", quiet):
        try:
            pages.append(page_entries(read_po(path), str(path), fuzzy))
        except InputError as exc:
            errors.append(exc)
    return pages, [error_line(e) for e in errors]


def render(findings: Sequence[Finding], files: int, fmt: str) -> str:
    """The findings in the chosen format."""
    if fmt == "json":
        return output.to_json(findings, files)
    if fmt == "sarif":
        return sarif.to_sarif(findings)
    return output.to_text(findings, files)


def run(paths: Sequence[Path], opts: CheckOptions) -> int:
    """Check every PATH, write the findings, return 2 for unusable input, 1 at --fail-on, else 0."""
    refuse_overwriting([opts.output], [*paths, opts.glossary])
    terms = read_glossary(opts.glossary) if opts.glossary else ()
    settings = settings_for(paths)
    pages, errors = read_pages(paths, opts.fuzzy, opts.quiet)
    findings = site_findings(pages, settings, terms)
    text = render(findings, len(pages), opts.format)
    if opts.output is not None:
        write_text(opts.output, text)
        print(output.summary(findings, len(pages)), file=sys.stderr)
    else:
        sys.stdout.write(text)
    for line in errors:
        print(line, file=sys.stderr)
    if errors:
        return EXIT_INPUT
    if opts.fail_on != "never" and any(rank(f.level) >= rank(opts.fail_on) for f in findings):
        return EXIT_BELOW
    return EXIT_OK


def run_terms(paths: Sequence[Path], out: Path, min_count: int = MIN_COUNT, quiet: bool = False) -> int:
    """Mine the term pairs of every PATH into a CSV or TBX glossary (by OUT's extension), list the terms
    translated more than one way on stderr, return the exit code."""
    refuse_overwriting([out], paths)
    pages, errors = read_pages(paths, False, quiet)
    for line in errors:
        print(line, file=sys.stderr)
    if errors:
        return EXIT_INPUT
    pairs = mine([entry for page in pages for entry in page], min_count=min_count)
    terms = as_glossary(pairs)
    if out.suffix.lower() in (".tbx", ".xml"):
        write_text(out, to_tbx(terms, {p.source: [t for t, _ in p.alternatives] for p in pairs}))
    else:
        write_text(out, to_csv(terms))
    split = [p for p in pairs if p.alternatives]
    for pair in split:
        others = ", ".join(f"{t} ({n})" for t, n in pair.alternatives)
        print(f"{pair.source}: {pair.target} ({pair.count}), also {others}", file=sys.stderr)
    print(f"{out}: {len(pairs)} term pairs, {len(split)} translated more than one way", file=sys.stderr)
    return EXIT_OK
