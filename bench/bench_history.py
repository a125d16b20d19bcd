"""Outdated translations on real histories: per site (the Vue docs and the Vite docs with their Korean
translations in separate repositories), per page, the English revision the Korean was made from and how
it was found (`history.base`: metadata, content, last commit), what changed since, and F1 against the
site's gold with and without history.

The gold sets pair today's English with the Korean as published at the commit their README names. For
every page the bench finds the base revision, aligns the Korean with that English, carries the beads over
to today's English (`carry.carry`), pairs the leftovers again (`repair.repair`) and prints per page the
paragraphs outdated (and, by an independent normaliser, how many of those differ from their old English
only in markup, link targets, punctuation or spacing: markdown-it renders both, tags dropped, words
compared case-folded), markup-changed (fuzzy), kept translated (cosmetic or ported), new and removed
since, moved pairs, and Korean blocks the gold and plain alignment pair but history leaves alone.

The gold files are plain text made by the dev set's extraction (see its README); the old English is
read from Markdown with transpair's reader and brought to the same layout (heading `{#anchor}` ids and
inline tags outside code removed, one line per block), so both runs see text of one kind. Blocks
where the two extractions still differ (a `:::tip` container on one line) count as changed.

Moves: the gold is monotonic, so it writes a section moved in the English since the translation as
source-only English and target-only Korean. History pairs it (the English diff follows the move), which
the gold cannot express; both alignments are therefore scored as the gold writes a move: a two-sided bead
outside the longest run that keeps the Korean in document order is split into its source-only and
target-only halves (plain alignment is monotonic, so this changes nothing there). The bench lists them
per page so they can be checked by reading, and the last line scores them as pairs.

`--repair-sweep` prints strict F1 over all sites for each re-pairing confidence (how REPAIR_CONFIDENCE was
chosen). Needs local clones (the fetch tool's mirrors cloned with `git clone`), each Korean one checked out
at its gold commit:
    python bench/bench_history.py --english vue-docs --korean vue-docs-ko --data ../shared/data/vuedocs-ko \
        --english vite --korean vite-docs-ko --data ../shared/data/vitedocs-ko
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

import regex
from markdown_it import MarkdownIt

from transpair import pipeline
from transpair.align import embed, evaluate
from transpair.align.moves import monotonic, moved_pairs
from transpair.history import base, carry, repair, revisions
from transpair.model import Alignment, Cause, Document
from transpair.read import reader

ANCHOR = regex.compile(r"\s*\{#[^}]*\}\s*$")
TAG = regex.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>`]*)?/?>")
CODE = regex.compile(r"(`[^`]*`)")
PAGE_ROW = regex.compile(r"^\| ([\w-]+) \| `([\w/.-]+\.md)` \| (?:same|`([\w/.-]+\.md)`) \|")
KOREAN_ROW = regex.compile(r"^\| Korean \|[^|]*\| `([0-9a-f]{40})`", regex.M)
MARKDOWN = MarkdownIt("commonmark")


def pages(data: Path) -> dict[str, tuple[str, str]]:
    """Gold document name -> (English path, Korean path) in their repositories, from the set's README."""
    rows = (PAGE_ROW.match(line) for line in (data / "README.md").read_text(encoding="utf-8").splitlines())
    return {m[1]: (m[2], m[3] or m[2]) for m in rows if m}


def korean_commit(data: Path) -> str:
    """The Korean commit the gold set was made from (its README's sources table)."""
    return KOREAN_ROW.search((data / "README.md").read_text(encoding="utf-8"))[1]


def plain(text: str) -> str:
    """A Markdown block as the dev set writes it: no heading anchor, no inline tags outside code, one
    line."""
    text = "".join(part if part.startswith("`") else TAG.sub("", part) for part in CODE.split(text))
    return " ".join(ANCHOR.sub("", text).split())


def reader_words(text: str) -> list[str]:
    """The words a reader of the rendered page sees (an independent normaliser: Markdown rendered by
    markdown-it, tags dropped, entities decoded, case folded): two texts with the same words differ only
    in markup, link targets, punctuation or spacing."""
    rendered = html.unescape(regex.sub(r"<[^>]*>", " ", MARKDOWN.render(text)))
    return regex.findall(r"[\p{L}\p{N}]+", rendered.casefold())


def old_english(lookup: revisions.Lookup, path: str) -> Document:
    """The English the Korean was made from, in the gold files' layout, read as they are read."""
    blocks = reader.bytes_document(lookup.data, path).blocks
    text = "\n\n".join(t for t in (plain(b.text) for b in blocks) if t) + "\n"
    return reader.bytes_document(text.encode("utf-8"), path.replace(".md", ".en.txt"))


def with_history(doc: evaluate.GoldDoc, english: Path, korean: Path) -> tuple[Alignment, Alignment | None]:
    """Plain alignment with today's English, and the alignment carried over from the old English before
    re-pairing (None when git cannot tell which English the Korean was made from)."""
    today = evaluate.align_gold_doc(doc)
    similarity = embed.shared_similarity(None, True)
    lookup = base.base_revision(reader.read_document(english), reader.read_document(korean), similarity)
    if lookup.warning:
        print(f"{doc.name}: {lookup.warning}", file=sys.stderr)
    if lookup.origin is None:
        return today, None
    pair = pipeline.Pair(old_english(lookup, str(english)), today.target, "en", "ko")
    old = pipeline.aligned(pair, "paragraph", embed.shared_similarity())
    return today, carry.carry(old, today.source, lookup.origin)


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


SWEEP = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)  # re-pairing confidences tried (1.01: no re-pairing)
KEYS = ("plain-align", "plain-po", "history-align", "history-po", "pairs-align", "pairs-po")


def last_commit(english: Path, korean: Path) -> str:
    """The base the Korean file's last commit gives (the method content replaces), abbreviated."""
    origin = revisions.translated_from(english, korean).origin
    return origin.short if origin else "-"


def lost_blocks(doc: evaluate.GoldDoc, today: Alignment, carried: Alignment) -> int:
    """Korean blocks paired in the gold and by plain alignment but left without a partner with history."""
    gold = {j for src, tgt in doc.beads if src and tgt for j in tgt}
    plain_pairs = {j for b in today.beads if b.source and b.target for j in b.target}
    alone = {j for b in carried.beads if b.target and not b.source for j in b.target}
    return len(gold & plain_pairs & alone)


def markup_only(carried: Alignment) -> tuple[int, int]:
    """Outdated entries, and those of them whose old and new English have the same words by the
    independent normaliser (`reader_words`)."""
    outdated = [b for b in carried.beads if b.cause == Cause.OUTDATED and b.previous]
    same = sum(
        reader_words(b.previous) == reader_words(" ".join(carried.source.blocks[i].text for i in b.source))
        for b in outdated
    )
    return len(outdated), same


def site(data: Path, english: Path, korean: Path, sweep: dict[float, evaluate.Counts]) -> dict:
    """Print one site's pages and return its totals."""
    want = korean_commit(data)
    head = revisions.git(korean, "rev-parse", "HEAD").out.decode().strip()
    if head != want:
        sys.exit(f"check out {want[:8]} in {korean} first (HEAD is {head[:8] or 'unknown'})")
    paths = pages(data)
    totals = {key: evaluate.Counts() for key in KEYS} | {"outdated": 0, "same": 0, "lost": 0, "lost0": 0}
    totals |= {"markup": 0, "kept": 0}
    moves = []
    similarity = embed.shared_similarity(None, True)
    print(f"\n== {data.name}: {english} + {korean}")
    cols = (
        f"{'from':<8} {'date':<10} {'how':<11} {'last':<7} {'since':>5} {'outd.':>5} {'same':>4} "
        f"{'mark.':>5} {'kept':>4}"
    )
    print(f"{'page':<34} {cols} {'new':>4} {'rem.':>4} {'moved':>5} {'lost':>4}  F1 plain/hist")
    for doc in evaluate.load_gold(data):
        en_path, ko_path = paths[doc.name]
        today, raw = with_history(doc, english / en_path, korean / ko_path)
        carried = repair.repair(raw, similarity) if raw else today
        for confidence in sweep:
            sweep[confidence] += scored(
                doc, monotonic(repair.repair(raw, similarity, confidence) if raw else today)
            )[0]
        found = dict(
            zip(
                KEYS,
                (*scored(doc, monotonic(today)), *scored(doc, monotonic(carried)), *scored(doc, carried)),
            )
        )
        for key, counts in found.items():
            totals[key] += counts
        outdated, same = markup_only(carried)
        lost, lost0 = lost_blocks(doc, today, carried), lost_blocks(doc, today, raw or today)
        for key, value in zip(("outdated", "same", "lost", "lost0"), (outdated, same, lost, lost0)):
            totals[key] += value
        shifted = moved_pairs(carried)
        if shifted:
            en, ko = [i for b in shifted for i in b.source], [j for b in shifted for j in b.target]
            moves.append(f"  {doc.name}: en {span(en)} <-> ko {span(ko)} ({len(shifted)} pairs)")
        o = carried.origin
        if o:
            totals["markup"] += o.markup
            totals["kept"] += o.kept
        drift = (
            f"{o.short:<8} {o.date:<10} {o.how:<11} {last_commit(english / en_path, korean / ko_path):<7} "
            f"{o.commits_since:>5} {outdated:>5} {same:>4} "
            f"{o.markup:>5} {o.kept:>4} {o.added:>4} {o.removed:>4} {len(shifted):>5} {lost:>4}"
            if o
            else ""
        )
        f1 = (
            f"{evaluate.scores(found['plain-align']).strict[2]:.3f}/"
            f"{evaluate.scores(found['history-align']).strict[2]:.3f}"
        )
        print(f"{doc.name:<34} {drift or '(no history)':<90}  {f1}")
    print("moved since the translation (paired by history; split as the gold writes a move):")
    print("\n".join(moves) or "  none")
    return totals


def main() -> int:
    """Per site, print per page what changed since the translation and how the base was found, then F1
    with and without history."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--english", type=Path, action="append", required=True, help="clone of the English")
    parser.add_argument("--korean", type=Path, action="append", required=True, help="clone of the Korean")
    parser.add_argument("--data", type=Path, action="append", required=True, help="the site's gold set")
    parser.add_argument("--repair-sweep", action="store_true", help="strict F1 per re-pairing confidence")
    args = parser.parse_args()
    if not len(args.english) == len(args.korean) == len(args.data):
        parser.error("give --english, --korean and --data once per site")
    sweep: dict[float, evaluate.Counts] = {c: evaluate.Counts() for c in SWEEP} if args.repair_sweep else {}
    for data, english, korean in zip(args.data, args.english, args.korean):
        totals = site(data, english, korean, sweep)
        outdated, same = totals["outdated"], totals["same"]
        print(
            f"{data.name}: {outdated} outdated entries, {same} ({same / max(outdated, 1):.1%}) of them "
            f"markup, links, punctuation or spacing only (independent normaliser); "
            f"{totals['markup']} markup-changed, "
            f"{totals['kept']} kept translated (cosmetic or ported)"
        )
        print(
            f"{data.name}: Korean blocks paired in gold and without history but alone with history: "
            f"{totals['lost']} (before re-pairing {totals['lost0']})"
        )
        print(f1_line("without history", totals["plain-align"], totals["plain-po"]))
        print(f1_line("with history", totals["history-align"], totals["history-po"]))
        print(f1_line("moves as pairs", totals["pairs-align"], totals["pairs-po"]))
    for confidence, counts in sweep.items():
        print(
            f"re-pairing confidence >= {confidence:.2f}: "
            f"strict align F1 {evaluate.scores(counts).strict[2]:.4f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
