"""Measure the aligner on a gold set: strict and lax bead precision, recall and F1 (Sennrich & Volk 2011).

A gold set is a folder of NAME.en.txt, NAME.<lang>.txt (NAME.ko.txt, NAME.ja.txt, NAME.zh_CN.txt…: the
translation's language is taken from the file name) and NAME.gold.json (`beads`: [[en ids], [target ids]],
`untranslated_en`: English ids whose target side is the English left untranslated). Two views:
'align' compares beads as given; 'po' first splits every untranslated bead into a 1-0 and a 0-1,
since the PO must leave those msgstr empty (predicted beads are marked by classify.classify). Counts are
micro-averaged over all documents.

A sentence gold (NAME.gold.json with `paragraphs`: [[source paragraphs], [target paragraphs]], each the
sentence ids it holds; the files hold one sentence per block) is aligned as `--unit sentence` does: the
paragraphs (sentences joined) are aligned, then the sentences inside each paragraph bead, on the gold's
own sentence cut; how often transpair's segmenter makes the same cut is counted apart.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, replace
from pathlib import Path

from transpair import languages
from transpair.align import moves, search
from transpair.align.embed import Similarity
from transpair.align.gold import Groups, Ids, check_counts, parse_gold
from transpair.errors import InputError
from transpair.model import Alignment, Bead, Block, Document
from transpair.progress import tracked
from transpair.read import reader, segment
from transpair.settle import classify


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: its two files, the gold beads, the English ids left untranslated and the
    translation's language (gettext's code, from the target file's name)."""

    name: str
    source: Path
    target: Path
    beads: tuple[Ids, ...]
    untranslated: frozenset[int] = frozenset()
    target_lang: str = "ko"
    paragraphs: tuple[Groups, Groups] | None = None  # a sentence gold's paragraphs, per side


@dataclass(frozen=True)
class Counts:
    """True positives and totals for strict and lax precision and recall."""

    strict_p: int = 0
    lax_p: int = 0
    predicted: int = 0
    strict_r: int = 0
    lax_r: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        """Micro-averaging: add the counts of two documents."""
        return Counts(*(x + y for x, y in zip(astuple(self), astuple(other))))


@dataclass(frozen=True)
class Scores:
    """Strict and lax precision, recall and F1."""

    strict: tuple[float, float, float]
    lax: tuple[float, float, float]

    def as_dict(self) -> dict:
        """Plain numbers for JSON output."""
        return {
            kind: dict(zip(("precision", "recall", "f1"), values))
            for kind, values in (("strict", self.strict), ("lax", self.lax))
        }


def _true_positives(found: Sequence[Ids], reference: Sequence[Ids]) -> tuple[int, int]:
    """Strict and lax true positives of `found` beads measured against `reference` beads."""
    exact = set(reference)
    targets_of: dict[int, set[int]] = {}
    for src, tgt in reference:
        for i in src:
            targets_of.setdefault(i, set()).update(tgt)
    strict = lax = 0
    for bead in found:
        if bead in exact:
            strict += 1
            lax += 1
        elif any(j in targets_of.get(i, ()) for i in bead[0] for j in bead[1]):
            lax += 1
    return strict, lax


def count(gold: Iterable[Ids], predicted: Iterable[Ids]) -> Counts:
    """Strict and lax true positives and totals of one document (beads empty on both sides ignored)."""
    gold = [_ids(b) for b in gold if b[0] or b[1]]
    predicted = [_ids(b) for b in predicted if b[0] or b[1]]
    strict_p, lax_p = _true_positives(predicted, gold)
    gold_pairs = [b for b in gold if b[0] and b[1]]
    pred_pairs = [b for b in predicted if b[0] and b[1]]
    strict_r, lax_r = _true_positives(gold_pairs, pred_pairs)
    return Counts(strict_p, lax_p, len(predicted), strict_r, lax_r, len(gold_pairs))


def _ids(bead: Sequence[Iterable[int]]) -> Ids:
    """A bead as a hashable pair of sorted id tuples."""
    return tuple(sorted(bead[0])), tuple(sorted(bead[1]))


def _f1(tp: int, predicted: int, tp_r: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and their harmonic mean (0 where undefined)."""
    p = tp / predicted if predicted else 0.0
    r = tp_r / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(c: Counts) -> Scores:
    """Strict and lax P/R/F1 from summed counts."""
    return Scores(
        _f1(c.strict_p, c.predicted, c.strict_r, c.gold), _f1(c.lax_p, c.predicted, c.lax_r, c.gold)
    )


def split_untranslated(beads: Iterable[Ids], untranslated_source: Iterable[int]) -> list[Ids]:
    """The 'po' view: a bead holding an untranslated source id becomes 1-0 and 0-1 beads."""
    marked = set(untranslated_source)
    out: list[Ids] = []
    for src, tgt in beads:
        if tgt and any(i in marked for i in src):
            out += [((i,), ()) for i in src] + [((), (j,)) for j in tgt]
        else:
            out.append((tuple(src), tuple(tgt)))
    return out


def predicted_views(beads: Sequence[Bead]) -> tuple[list[Ids], list[Ids]]:
    """Predicted beads in the 'align' view and the 'po' view (untranslated beads split)."""
    as_ids = [(b.source, b.target) for b in beads]
    untranslated = {i for b in beads if b.status == "untranslated" for i in b.source}
    return as_ids, split_untranslated(as_ids, untranslated)


def _target_file(root: Path, name: str, target_lang: str | None) -> tuple[Path, str]:
    """NAME's translation file and its language: NAME.<target_lang>.txt, else the one NAME.<lang>.txt."""
    found = []
    for path in sorted(root.glob(f"{glob.escape(name)}.*.txt")):
        code = languages.normalise(path.name[len(name) + 1 : -len(".txt")])
        if code and code != "en" and code == (target_lang or code):
            found.append((path, code))
    if len(found) != 1:
        wanted = f"NAME.{target_lang}.txt" if target_lang else "NAME.<lang>.txt"
        what = ", ".join(p.name for p, _ in found) or "none"
        raise InputError(f"{root / name}.gold.json: expected one {wanted} beside it, found {what}")
    return found[0]


def load_gold(folder: str | Path, target_lang: str | None = None) -> list[GoldDoc]:
    """Every NAME.en.txt / NAME.<lang>.txt / NAME.gold.json triple of a gold folder, sorted by name; the
    translation is NAME.<target_lang>.txt when a language is given, else the one non-English file."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"{root}: not a folder of gold files")
    docs = []
    for gold_path in sorted(root.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        source = root / f"{name}.en.txt"
        if not source.is_file():
            raise InputError(f"{source}: missing (needed by {gold_path.name})")
        target, lang = _target_file(root, name, target_lang)
        beads, untranslated, paragraphs = parse_gold(gold_path)
        docs.append(GoldDoc(name, source, target, beads, untranslated, lang, paragraphs))
    if not docs:
        raise InputError(f"{root}: no NAME.gold.json files found")
    return docs


def align_gold_doc(doc: GoldDoc, similarity: Similarity | None = None) -> Alignment:
    """Read and align one gold document's files and mark untranslated beads, as `transpair align` does."""
    source, target = reader.read_document(doc.source), reader.read_document(doc.target)
    check_counts(
        doc.source.with_name(f"{doc.name}.gold.json"), doc.beads, (len(source.blocks), len(target.blocks))
    )
    if doc.paragraphs:
        return classify.classify(_sentence_alignment(doc, source, target, similarity))
    return classify.classify(_paragraph_alignment(source, target, doc.target_lang, similarity))


def _paragraph_alignment(
    source: Document, target: Document, target_lang: str, similarity: Similarity | None
) -> Alignment:
    """The blocks of two documents aligned as `transpair align` does (moved paragraphs paired)."""
    found = search.align_blocks(source.blocks, target.blocks, similarity)
    beads = moves.paired_moves(found, source.blocks, target.blocks, similarity)
    return Alignment(source, target, tuple(beads), "en", target_lang)


def paragraph_sentences(document: Document, groups: Groups) -> list[list[Block]]:
    """The sentence blocks of each paragraph of a sentence gold's document."""
    return [[document.blocks[i] for i in group] for group in groups]


def _joined(document: Document, sentences: list[list[Block]]) -> Document:
    """The document with each paragraph's sentences joined into one block."""
    return replace(document, blocks=tuple(Block(" ".join(s.text for s in part)) for part in sentences))


def _sentence_alignment(
    doc: GoldDoc, source: Document, target: Document, similarity: Similarity | None
) -> Alignment:
    """A sentence gold's document aligned as `--unit sentence` does, on the gold's sentence cut: paragraphs
    first (in the target's order, as the gold states them), then the sentences inside each paragraph
    bead."""
    assert doc.paragraphs is not None
    split = paragraph_sentences(source, doc.paragraphs[0]), paragraph_sentences(target, doc.paragraphs[1])
    joined = _joined(source, split[0]), _joined(target, split[1])
    paragraphs = moves.monotonic(_paragraph_alignment(*joined, doc.target_lang, similarity))
    return search.refine_sentences(paragraphs, similarity, split)


def segmenter_agreement(doc: GoldDoc) -> tuple[int, int, int, int]:
    """Source paragraphs transpair's segmenter cuts exactly as the gold does, source paragraphs, and the same
    for the target."""
    assert doc.paragraphs is not None
    out: list[int] = []
    for path, groups, lang in zip((doc.source, doc.target), doc.paragraphs, ("en", doc.target_lang)):
        document = reader.read_document(path)
        same = 0
        for part in paragraph_sentences(document, groups):
            found = segment.sentences(Block(" ".join(s.text for s in part)), lang)
            same += [s.text for s in found] == [s.text for s in part]
        out += [same, len(groups)]
    return out[0], out[1], out[2], out[3]


@dataclass(frozen=True)
class EvalReport:
    """Scores of a gold set in both views, and per-document counts (align view)."""

    align: Scores
    po: Scores
    documents: tuple[tuple[str, Counts], ...]
    segments: tuple[int, int, int, int] | None = None  # a sentence gold: segmenter_agreement summed

    def as_dict(self) -> dict:
        """JSON-ready figures."""
        out = {"documents": len(self.documents), "align": self.align.as_dict(), "po": self.po.as_dict()}
        if self.segments:
            same_src, src, same_tgt, tgt = self.segments
            out["segmenter"] = {"source": [same_src, src], "target": [same_tgt, tgt]}
        return out


def evaluate(
    folder: str | Path,
    similarity: Similarity | None = None,
    quiet: bool = True,
    target_lang: str | None = None,
) -> EvalReport:
    """Align every document of a gold folder and score both views, micro-averaged."""
    align_total, po_total, per_doc, segments = Counts(), Counts(), [], None
    for doc in tracked(load_gold(folder, target_lang), f"aligning {folder}", quiet):
        if doc.paragraphs:
            segments = tuple(a + b for a, b in zip(segments or (0, 0, 0, 0), segmenter_agreement(doc)))
        alignment = moves.monotonic(align_gold_doc(doc, similarity))  # a move as the gold writes it
        as_ids, po_ids = predicted_views(alignment.beads)
        doc_counts = count(doc.beads, as_ids)
        align_total += doc_counts
        po_total += count(split_untranslated(doc.beads, doc.untranslated), po_ids)
        per_doc.append((doc.name, doc_counts))
    return EvalReport(scores(align_total), scores(po_total), tuple(per_doc), segments)


def report_json(report: EvalReport) -> str:
    """The figures as indented JSON."""
    return json.dumps(report.as_dict(), indent=1)


def format_report(report: EvalReport) -> str:
    """A small table: view, strict P/R/F1, lax P/R/F1."""
    lines = [f"{'view':<6} {'strict P':>8} {'R':>6} {'F1':>6}   {'lax P':>6} {'R':>6} {'F1':>6}"]
    for view, s in (("align", report.align), ("po", report.po)):
        lines.append(
            f"{view:<6} {s.strict[0]:8.4f} {s.strict[1]:6.4f} {s.strict[2]:6.4f}   "
            f"{s.lax[0]:6.4f} {s.lax[1]:6.4f} {s.lax[2]:6.4f}"
        )
    lines.append(f"{len(report.documents)} documents")
    if report.segments:
        same_src, src, same_tgt, tgt = report.segments
        lines.append(
            f"sentence beads, on the gold's sentences; transpair's segmenter cuts {same_src} of {src} source "
            f"and {same_tgt} of {tgt} target paragraphs as the gold does"
        )
    return "\n".join(lines)
