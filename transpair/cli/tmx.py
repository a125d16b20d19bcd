"""Run `transpair tmx`: one TMX translation memory from PO files and folders of them (edited ones too)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from transpair.errors import EXIT_INPUT, EXIT_OK, InputError, error_line
from transpair.po import file, tmx
from transpair.report.inputs import CATALOG_SUFFIXES, po_files
from transpair.write import refuse_overwriting, write_text


def catalogs(paths: Sequence[Path]) -> list[tuple[Path, str]]:
    """Every PO file the paths name, with its name in the TMX (its path below a given folder)."""
    found = []
    for path in paths:
        if path.is_dir():
            found += [(p, p.relative_to(path).with_suffix("").as_posix()) for p in po_files(path)]
        elif path.suffix.lower() in CATALOG_SUFFIXES or not path.exists():
            found.append((path, path.with_suffix("").name))
        else:
            raise InputError(f"{path}: not a PO file (give .po files or folders of them)")
    return found


def run(
    paths: Sequence[Path],
    output: Path,
    source_lang: str,
    target_lang: str,
    fuzzy: bool = False,
    quiet: bool = False,
) -> int:
    """Write one TMX of the translated (and, asked, fuzzy) entries of every PO; a PO that cannot be read
    is reported and the others still exported (exit 2)."""
    refuse_overwriting([output], paths)
    found, failed, read = [], 0, 0
    for path, name in catalogs(paths):
        try:
            found += tmx.units(file.read_po(path, strict=True), name, fuzzy)
            read += 1
        except InputError as exc:
            failed += 1
            print(error_line(exc), file=sys.stderr)
    if not read:
        raise InputError(f"{' '.join(map(str, paths))}: no PO file to export")
    if dropped := tmx.dropped_characters(found):
        print(
            f"transpair: warning: {output}: {dropped} control characters XML cannot hold left out",
            file=sys.stderr,
        )
    write_text(output, tmx.format_units(found, source_lang, target_lang))
    if not quiet:
        kinds = "translated and fuzzy" if fuzzy else "translated"
        print(f"{output}: {len(found)} {kinds} units from {read} PO files", file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK
