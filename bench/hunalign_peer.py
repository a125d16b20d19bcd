"""hunalign as a peer on gold sets: an empty dictionary, one block (or, on a sentence gold, one sentence with
a `<p>` line between paragraphs, hunalign's paragraph mark) per line, tokens split at script boundaries;
strict F1 in both views and seconds. Used by bench_align.py and bench_speed.py."""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

import regex

from transpair.align import evaluate
from transpair.model import Alignment, Bead, Block
from transpair.read.reader import read_document
from transpair.settle import classify

PARAGRAPH = "<p>"  # hunalign's paragraph delimiter line
_SCRIPT_EDGE = regex.compile(
    r"(?<=\p{Hangul})(?=[^\p{Hangul}\s])|(?<=[^\p{Hangul}\s])(?=\p{Hangul})|(?=\p{P})|(?<=\p{P})"
)
Ids = tuple[tuple[int, ...], tuple[int, ...]]


def hunalign_line(text: str) -> str:
    """A block as one hunalign line, tokens split at script boundaries and punctuation."""
    return " ".join(_SCRIPT_EDGE.sub(" ", text).split())


def hunalign_ladder(binary: str, source: list[str], target: list[str]) -> list[Ids]:
    """Run hunalign (empty dictionary) on two lists of lines and turn its ladder into beads over lines."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp) / name for name in ("empty.dic", "src.txt", "tgt.txt")]
        paths[0].write_text("", encoding="utf-8")
        for path, lines in zip(paths[1:], (source, target)):
            path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        out = subprocess.run([binary, *map(str, paths)], capture_output=True, text=True, check=True).stdout
    rungs = [(0, 0)] + [
        tuple(int(x) for x in line.split("\t")[:2]) for line in out.splitlines() if line.strip()
    ]
    rungs.append((len(source), len(target)))  # the ladder may or may not hold its two ends
    return [
        (tuple(range(i, i2)), tuple(range(j, j2)))
        for (i, j), (i2, j2) in zip(rungs, rungs[1:])
        if i2 > i or j2 > j
    ]


def hunalign_beads(binary: str, source: list[Block], target: list[Block]) -> list[Ids]:
    """hunalign's beads over two block lists, one block per line."""
    lines = [hunalign_line(b.text) for b in source], [hunalign_line(b.text) for b in target]
    return hunalign_ladder(binary, *lines)


def _marked(blocks: list[Block], groups: tuple[tuple[int, ...], ...]) -> tuple[list[str], list[int | None]]:
    """A sentence gold's side as hunalign lines, a `<p>` line between paragraphs, and the sentence id of each
    line (None for a `<p>`)."""
    lines: list[str] = []
    ids: list[int | None] = []
    for k, group in enumerate(groups):
        if k:
            lines.append(PARAGRAPH)
            ids.append(None)
        lines += [hunalign_line(blocks[i].text) for i in group]
        ids += list(group)
    return lines, ids


def sentence_beads(
    binary: str, source: list[Block], target: list[Block], paragraphs: tuple[tuple, tuple]
) -> list[Ids]:
    """hunalign's beads over the sentences of a sentence gold, given its paragraph marks; a bead of `<p>`
    lines only is dropped, and `<p>` lines leave the beads they fall in."""
    (src, src_ids), (tgt, tgt_ids) = _marked(source, paragraphs[0]), _marked(target, paragraphs[1])
    beads = [
        (
            tuple(src_ids[k] for k in s if src_ids[k] is not None),
            tuple(tgt_ids[k] for k in t if tgt_ids[k] is not None),
        )
        for s, t in hunalign_ladder(binary, src, tgt)
    ]
    return [bead for bead in beads if bead[0] or bead[1]]


def run_hunalign(folder: Path, binary: str) -> tuple[float, float, float]:
    """Score hunalign on a gold set in both views (its beads marked untranslated by the same classify as
    ours); print and return strict F1 align, po and seconds."""
    total, po_total, seconds = evaluate.Counts(), evaluate.Counts(), 0.0
    for doc in evaluate.load_gold(folder):
        source, target = read_document(doc.source), read_document(doc.target)
        start = time.perf_counter()
        if doc.paragraphs:
            ids = sentence_beads(binary, list(source.blocks), list(target.blocks), doc.paragraphs)
        else:
            ids = hunalign_beads(binary, list(source.blocks), list(target.blocks))
        seconds += time.perf_counter() - start
        beads = tuple(Bead(s, t, 1.0) for s, t in ids)
        classified = classify.classify(Alignment(source, target, beads, "en", doc.target_lang))
        total += evaluate.count(doc.beads, ids)
        po_total += evaluate.count(
            evaluate.split_untranslated(doc.beads, doc.untranslated),
            evaluate.predicted_views(classified.beads)[1],
        )
    s, po = evaluate.scores(total), evaluate.scores(po_total)
    print(f"hunalign: strict F1 {s.strict[2]:.4f} align, {po.strict[2]:.4f} po; lax F1 {s.lax[2]:.4f} align")
    return s.strict[2], po.strict[2], seconds
