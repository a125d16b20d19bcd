"""The align job from files to outputs: read -> detect language -> align -> classify -> catalog."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import align, catalog, langid, pofile, read, tmx, untranslated
from .errors import InputError
from .model import Alignment, Document


@dataclass(frozen=True)
class AlignOptions:
    """How to align one pair: unit, languages, and which side is the original."""

    unit: str = "paragraph"  # paragraph | sentence
    source_lang: str = "en"
    target_lang: str = "ko"
    source: str = "given"  # given: SOURCE is the original | auto: decide from the texts


@dataclass(frozen=True)
class WriteOptions:
    """How to write a PO: merge with an existing one or overwrite, wrap, backup, extra outputs."""

    force: bool = False
    backup: bool = True
    prefer_target: bool = False
    wrap: bool = True
    format: str = "po"  # po | tmx (TMX 1.4 of the translated pairs, never merged)
    unit: str = "paragraph"  # the TMX segtype


def check_languages(doc: Document, expected: str) -> Document:
    """Refuse a document whose text is clearly not in the expected language."""
    found = langid.document_language(doc)
    if found is None:
        raise InputError(f"{doc.path}: no language could be detected (only code, numbers or markup?)")
    if found != expected:
        raise InputError(f"{doc.path}: expected {expected} text but the file is in {found}")
    return Document(doc.path, doc.text, doc.blocks, doc.format, doc.encoding, found)


def align_documents(source: Document, target: Document, opts: AlignOptions) -> Alignment:
    """Align two read documents and classify every bead (translated, fuzzy, untranslated...)."""
    src_lang, tgt_lang = opts.source_lang, opts.target_lang
    if opts.source == "auto" and untranslated.original(source, target, src_lang, tgt_lang) == "target":
        source, target, src_lang, tgt_lang = target, source, tgt_lang, src_lang
    source, target = check_languages(source, src_lang), check_languages(target, tgt_lang)
    beads = align.align_blocks(source.blocks, target.blocks)
    if opts.unit == "sentence":
        source, target, beads = align.refine_sentences(source, target, beads, src_lang, tgt_lang)
    return untranslated.classify(Alignment(source, target, tuple(beads), src_lang, tgt_lang))


def align_files(source: str | Path, target: str | Path, opts: AlignOptions) -> Alignment:
    """Read and align a pair of files."""
    return align_documents(read.read_document(source), read.read_document(target), opts)


def beads_json(alignment: Alignment) -> dict:
    """The alignment as the documented `--beads` JSON."""
    return {
        "source": alignment.source.path,
        "target": alignment.target.path,
        "source_lang": alignment.source_lang,
        "target_lang": alignment.target_lang,
        "beads": [
            {"source": list(b.source), "target": list(b.target), "status": b.status, "score": round(b.score, 4)}
            | ({"reason": b.reason} if b.reason else {})
            for b in alignment.beads
        ],
    }


def write_outputs(alignment: Alignment, out: Path, opts: WriteOptions, beads: Path | None = None) -> Path:
    """Write the PO (merged into an existing one unless forced) or the TMX, and the optional beads JSON."""
    po = catalog.build_catalog(alignment)
    if opts.format == "tmx":
        text = tmx.format_tmx(po, alignment.source_lang, alignment.target_lang, opts.unit)
        pofile.write_text(out, text, backup=opts.backup)
    else:
        if out.exists() and not opts.force:
            po = catalog.merge(po, pofile.read_po(out), prefer_target=opts.prefer_target)
        pofile.write_po(po, out, wrap=opts.wrap, backup=opts.backup)
    if beads is not None:
        pofile.write_text(beads, json.dumps(beads_json(alignment), ensure_ascii=False, indent=1) + "\n")
    return out
