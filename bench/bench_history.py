"""Outdated translations on a real history: the Vue docs and their Korean translation (vuedocs-ko set).

The vuedocs-ko gold pairs today's English (`vuejs/docs` 01e098a9) with the Korean as published at
`vuejs-translations/docs-ko` 64b5018c, translated from older English. For every page of the set this
bench finds the English the Korean was made from (`history.translated_from`: the English as of the
Korean file's last commit), aligns the Korean with it, carries the beads over to today's English
(`carry.carry`) and prints per page the paragraphs found outdated, new and removed since, and over the
set the strict and lax bead F1 of that alignment against the gold, beside plain alignment with today's
English (what `transpair eval` measures).

The gold files are plain text made by the dev set's extraction (see its README); the old English is
read from Markdown with transpair's reader and brought to the same layout (heading `{#anchor}` ids and
inline tags outside code removed, one line per block), so both runs see text of one kind. Blocks
where the two extractions still differ (a `:::tip` container on one line) count as changed.

Moves: the gold is monotonic, so it writes a section moved in the English since the translation as
source-only English and target-only Korean. History pairs it (the English diff follows the move), which
the gold cannot express; both alignments are therefore scored as the gold writes a move: a two-sided bead
outside the longest run that keeps the Korean in document order is split into its source-only and
target-only halves (plain alignment is monotonic, so this changes nothing there). Such beads only come
from the diff's moved matches; the bench lists them per page so they can be checked by reading, and the
last line scores them as pairs (each a false positive against the gold).

Needs local clones (the fetch tool's mirrors cloned with `git clone`), the Korean one checked out at
64b5018c:
    python bench/bench_history.py --english /tmp/vue-docs --korean /tmp/vue-docs-ko [--data DIR]
"""

from __future__ import annotations

import argparse
import bisect
import sys
from dataclasses import replace
from pathlib import Path

import regex

from transpair import pipeline
from transpair.align import embed, evaluate
from transpair.history import carry, revisions
from transpair.model import Alignment, Bead, Document
from transpair.read import reader

KOREAN_COMMIT = "64b5018cff357fe18c6e66ae6ba8483747b3c68e"
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "vuedocs-ko"
ANCHOR = regex.compile(r"\s*\{#[^}]*\}\s*$")
TAG = regex.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>`]*)?/?>")
CODE = regex.compile(r"(`[^`]*`)")
PAGE_ROW = regex.compile(r"^\| ([\w-]+) \| `(src/[\w/.-]+\.md)` \|")


def pages(data: Path) -> dict[str, str]:
    """Gold document name -> Markdown path in both repositories, from the set's README table."""
    rows = (PAGE_ROW.match(line) for line in (data / "README.md").read_text(encoding="utf-8").splitlines())
    return {m[1]: m[2] for m in rows if m}


def plain(text: str) -> str:
    """A Markdown block as the dev set writes it: no heading anchor, no inline tags outside code, one
    line."""
    text = "".join(part if part.startswith("`") else TAG.sub("", part) for part in CODE.split(text))
    return " ".join(ANCHOR.sub("", text).split())


def old_english(lookup: revisions.Lookup, path: str) -> Document:
    """The English the Korean was made from, in the gold files' layout, read as they are read."""
    blocks = reader.bytes_document(lookup.data, path).blocks
    text = "\n\n".join(t for t in (plain(b.text) for b in blocks) if t) + "\n"
    return reader.bytes_document(text.encode("utf-8"), path.replace(".md", ".en.txt"))


def with_history(doc: evaluate.GoldDoc, english: Path, korean: Path) -> tuple[Alignment, Alignment | None]:
    """Plain alignment with today's English, and the alignment carried over from the old English (None
    when git cannot tell which English the Korean was made from)."""
    today = evaluate.align_gold_doc(doc)
    lookup = revisions.translated_from(english, korean)
    if lookup.origin is None:
        print(f"{doc.name}: {lookup.warning or 'no history'}", file=sys.stderr)
        return today, None
    pair = pipeline.Pair(old_english(lookup, str(english)), today.target, "en", "ko")
    old = pipeline.aligned(pair, "paragraph", embed.shared_similarity())
    return today, carry.carry(old, today.source, lookup.origin)


def in_order(beads: tuple[Bead, ...]) -> set[int]:
    """Indices of the two-sided beads that keep the target in document order (a longest increasing run of
    their first target blocks); the others pair a paragraph that moved."""
    paired = [(k, min(b.target)) for k, b in enumerate(beads) if b.source and b.target]
    tails: list[int] = []  # tails[n]: index into `paired` ending the best run of length n + 1
    before: list[int | None] = []
    for n, (_, first) in enumerate(paired):
        at = bisect.bisect_left([paired[t][1] for t in tails], first)
        before.append(tails[at - 1] if at else None)
        tails[at : at + 1] = [n]
    keep, n = set(), tails[-1] if tails else None
    while n is not None:
        keep.add(paired[n][0])
        n = before[n]
    return keep


def monotonic(alignment: Alignment) -> Alignment:
    """The alignment as a monotonic gold can state it: a bead pairing a moved paragraph split into its
    source-only and target-only halves."""
    keep = in_order(alignment.beads)
    beads: list[Bead] = []
    for k, bead in enumerate(alignment.beads):
        if bead.source and bead.target and k not in keep:
            beads += [Bead((i,), (), bead.score, "source-only") for i in bead.source]
            beads += [Bead((), (j,), bead.score, "target-only") for j in bead.target]
        else:
            beads.append(bead)
    return replace(alignment, beads=tuple(beads))


def moved_pairs(alignment: Alignment) -> list[Bead]:
    """The two-sided beads out of the Korean's document order (pairs of a moved paragraph)."""
    keep = in_order(alignment.beads)
    return [b for k, b in enumerate(alignment.beads) if b.source and b.target and k not in keep]


def span(ids: list[int]) -> str:
    """`13-23` for the blocks of a moved stretch (first and last)."""
    return f"{min(ids)}-{max(ids)}" if len(set(ids)) > 1 else str(ids[0])


def scored(doc: evaluate.GoldDoc, alignment: Alignment) -> tuple[evaluate.Counts, evaluate.Counts]:
    """Counts of one alignment against the gold, in the align and po views."""
    as_ids, po_ids = evaluate.predicted_views(alignment.beads)
    po_gold = evaluate.split_untranslated(doc.beads, doc.untranslated)
    return evaluate.count(doc.beads, as_ids), evaluate.count(po_gold, po_ids)


def f1_line(label: str, align: evaluate.Counts, po: evaluate.Counts) -> str:
    """Strict and lax F1 of both views."""
    a, p = evaluate.scores(align), evaluate.scores(po)
    return (
        f"{label:<16} align strict {a.strict[2]:.4f} lax {a.lax[2]:.4f}   "
        f"po strict {p.strict[2]:.4f} lax {p.lax[2]:.4f}"
    )


def main() -> int:
    """Print per page what changed since the translation, then F1 with and without history."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--english", type=Path, required=True, help="clone of vuejs/docs")
    parser.add_argument("--korean", type=Path, required=True, help="clone of docs-ko at 64b5018c")
    parser.add_argument("--data", type=Path, default=DATA, help="the vuedocs-ko gold set")
    args = parser.parse_args()
    head = revisions.git(args.korean, "rev-parse", "HEAD").out.decode().strip()
    if head != KOREAN_COMMIT:
        sys.exit(f"check out {KOREAN_COMMIT[:8]} in {args.korean} first (HEAD is {head[:8] or 'unknown'})")
    paths = pages(args.data)
    keys = ("plain-align", "plain-po", "history-align", "history-po", "pairs-align", "pairs-po")
    totals = {key: evaluate.Counts() for key in keys}
    moves = []
    head = f"{'from':<8} {'date':<10} {'since':>5} {'outd.':>5} {'new':>4} {'rem.':>4} {'moved':>5}"
    print(f"{'page':<34} {head}  F1 plain/hist")
    for doc in evaluate.load_gold(args.data):
        path = paths[doc.name]
        today, carried = with_history(doc, args.english / path, args.korean / path)
        carried = carried or today
        plain_align, plain_po = scored(doc, monotonic(today))
        hist_align, hist_po = scored(doc, monotonic(carried))
        pairs_align, pairs_po = scored(doc, carried)
        for key, counts in zip(totals, (plain_align, plain_po, hist_align, hist_po, pairs_align, pairs_po)):
            totals[key] += counts
        shifted = moved_pairs(carried)
        if shifted:
            en, ko = [i for b in shifted for i in b.source], [j for b in shifted for j in b.target]
            moves.append(f"  {doc.name}: en {span(en)} <-> ko {span(ko)} ({len(shifted)} pairs)")
        o = carried.origin
        drift = (
            f"{o.short:<8} {o.date:<10} {o.commits_since:>5} {o.changed:>5} {o.added:>4} {o.removed:>4} "
            f"{len(shifted):>5}"
            if o
            else ""
        )
        f1 = f"{evaluate.scores(plain_align).strict[2]:.3f}/{evaluate.scores(hist_align).strict[2]:.3f}"
        print(f"{doc.name:<34} {drift or '(no history)':<49}  {f1}")
    print("\nmoved since the translation (paired by history; split as the gold writes a move):")
    print("\n".join(moves) or "  none")
    print()
    print(f1_line("without history", totals["plain-align"], totals["plain-po"]))
    print(f1_line("with history", totals["history-align"], totals["history-po"]))
    print(f1_line("moves as pairs", totals["pairs-align"], totals["pairs-po"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
