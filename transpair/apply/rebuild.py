"""Rebuild the translated article from a PO: each source block's span gets its translation.

Everything outside the blocks' spans (Markdown markers, front matter, code, HTML tags) stays byte
for byte. Entries are found the way the catalog made them: consecutive source blocks joined by a
blank line (or a space) form the msgid (the longest run that has an entry wins), repeats told apart by
msgctxt.
A translated entry replaces its blocks: one span when only blank space separates them, otherwise the
first span gets the msgstr and the others are emptied. Untranslated and fuzzy entries keep the
source text, or get UNTRANSLATED_MARK in front of it when asked. HTML: a msgid holds the
block's inline markup (links, code, emphasis), so the msgstr goes in as HTML; sentences sharing one span
are rewritten together. A msgstr that would change the article's structure (see structure.py) is refused.
An unchanged block keeps its source text byte for byte (HTML msgids have their whitespace collapsed).
The output is UTF-8 (with a BOM when the source had one) and keeps the source's line ends: CRLF or
CR lines outside the edits come back as they were, and a translation gets the source's most common end.
A PO aligned with --unit sentence is recognised when the source's sentences, not its paragraphs, match
its entries.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib
import regex

from transpair import write
from transpair.apply import structure
from transpair.errors import InputError
from transpair.model import Block, Document
from transpair.po import catalog, file, merge
from transpair.po.state import first_form, is_done
from transpair.read import reader
from transpair.read.spans import rewrap, unwrap
from transpair.settle import langid

UNTRANSLATED_MARK = "[untranslated] "
MIN_MATCHED = 0.5  # below this share of source blocks found in the PO, it belongs to another article


class StructureError(ValueError):
    """A msgstr that would change the article's structure (a new heading or fence, unbalanced tags)."""

    def __init__(self, entry: polib.POEntry, message: str):
        super().__init__(message)
        self.entry = entry


class CoverageError(Exception):
    """The PO translates less of the article than the --threshold asked for (exit 1, nothing written)."""


@dataclass(frozen=True)
class Group:
    """Consecutive source blocks [first, first + size) and the PO entry they form (None: no entry)."""

    first: int
    size: int
    entry: polib.POEntry | None


@dataclass(frozen=True)
class Rebuild:
    """The rebuilt text and how much of the article it translates."""

    text: str
    blocks: int  # source blocks
    matched: int  # source blocks that have a PO entry
    translated: int  # source blocks replaced by a translation

    @property
    def coverage(self) -> float:
        """Percent of the source blocks that were translated."""
        return 100.0 * self.translated / self.blocks if self.blocks else 100.0


def _index(po: polib.POFile) -> tuple[dict[tuple[str | None, str], polib.POEntry], int]:
    """Live entries by msgctxt+msgid, and the most blocks one msgid joins (a reference per block)."""
    live = [e for e in po if not e.obsolete and e.msgid]
    widest = max((max(e.msgid.count("\n\n") + 1, len(e.occurrences)) for e in live), default=1)
    return {file.entry_key(e): e for e in live}, widest


def _entry_at(entries: dict, blocks: Sequence[Block], seen: Counter[str]) -> tuple[str, polib.POEntry | None]:
    """The entry whose msgid is these blocks joined as the catalog joins them (blank line or space)."""
    msgid = catalog.joined(blocks)
    for joiner in (catalog.BLOCK_JOINER, catalog.SPAN_JOINER)[: 1 + (len(blocks) > 1)]:
        text = catalog.joined(blocks, joiner)
        entry = entries.get((catalog.repeat_context(seen[text] + 1), text)) or entries.get((None, text))
        if entry is not None:
            return text, entry
    return msgid, None


def groups(blocks: Sequence[Block], po: polib.POFile) -> list[Group]:
    """Cut the source blocks into the runs the PO's entries cover, in document order."""
    entries, widest = _index(po)
    seen: Counter[str] = Counter()
    result: list[Group] = []
    i = 0
    while i < len(blocks):
        for size in range(min(widest, len(blocks) - i), 0, -1):
            msgid, entry = _entry_at(entries, blocks[i : i + size], seen)
            if entry is not None or size == 1:
                break
        seen[msgid] += 1
        result.append(Group(i, size, entry))
        i += size
    return result


def block_texts(doc: Document, cut: Sequence[Group], mark: bool) -> list[str | None]:
    """New text per source block: the msgstr on a group's first block, '' on its others, None = keep."""
    texts: list[str | None] = [None] * len(doc.blocks)
    for group in cut:
        own = range(group.first, group.first + group.size)
        if is_done(group.entry):
            texts[group.first] = first_form(group.entry)
            texts[group.first + 1 : group.first + group.size] = [""] * (group.size - 1)
        elif mark:
            texts[group.first : group.first + group.size] = [
                UNTRANSLATED_MARK + doc.blocks[i].text for i in own
            ]
    return texts


def _fill_shared_spans(doc: Document, texts: Sequence[str | None]) -> list[str | None]:
    """Blocks sharing one span (HTML sentences) are rewritten together: kept ones get their own text."""
    rewritten = {(b.start, b.end) for b, t in zip(doc.blocks, texts) if t is not None}
    return [b.text if t is None and (b.start, b.end) in rewritten else t for b, t in zip(doc.blocks, texts)]


def edits(doc: Document, texts: Sequence[str | None]) -> list[tuple[int, int, str]]:
    """(start, end, new text) edits of Document.text, in order and never overlapping.

    Blocks sharing a span are joined with a space; an emptied block separated from the edit before it
    by blank space only is swallowed by that edit (no stray blank lines in text and Markdown).
    """
    out: list[list] = []
    last = -1
    for i, (block, text) in enumerate(zip(doc.blocks, _fill_shared_spans(doc, texts))):
        if text is None:
            continue
        span = doc.text[block.start : block.end]
        if text == span or (
            text == block.text and text in (unwrap(span, doc.format, block.html), " ".join(span.split()))
        ):
            text = span  # the block as it was: its own line breaks
        elif block.content != "prose":
            text = attribute_value(doc.text[block.start - 1 : block.start], text)
        elif doc.format in ("markdown", "mdx") and not block.html:
            text = rewrap(text, span)  # hard breaks and list or quote indentation as the span writes them
        if out and (out[-1][0], out[-1][1]) == (block.start, block.end):
            out[-1][2] = " ".join(t for t in (out[-1][2], text) if t)
        elif out and not text and last == i - 1 and not doc.text[out[-1][1] : block.start].strip():
            out[-1][1] = block.end
        else:
            out.append([block.start, block.end, text])
        last = i
    return [(start, end, text) for start, end, text in out]


def attribute_value(opener: str, text: str) -> str:
    """A translation escaped for the attribute it goes into: quotes as entities in a quoted value (HTML,
    JSX, a Markdown title), brackets backslashed in a Markdown image's alt text; on one line."""
    text = " ".join(text.split("\n"))
    if opener == "[":
        return regex.sub(r"(?<!\\)([\[\]])", r"\\\1", text)
    return text.replace(opener, {'"': "&quot;", "'": "&#39;"}[opener]) if opener in "\"'" and opener else text


class _Original:
    """Slices of a document's text with its original line ends (CRLF, CR) put back."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.newlines = [i for i, char in enumerate(doc.text) if char == "\n"] if doc.line_ends else []
        self.usual = Counter(doc.line_ends).most_common(1)[0][0] if doc.line_ends else "\n"

    def slice(self, start: int, end: int) -> str:
        """doc.text[start:end] as the file had it."""
        if not self.newlines:
            return self.doc.text[start:end]
        first = bisect_left(self.newlines, start)
        lines = self.doc.text[start:end].split("\n")
        ends = self.doc.line_ends[first : first + len(lines) - 1]
        return "".join(line + eol for line, eol in zip(lines, [*ends, ""]))

    def new(self, start: int, end: int, text: str) -> str:
        """Replacement text for [start, end): the original when unchanged, else with the usual line end."""
        return self.slice(start, end) if text == self.doc.text[start:end] else text.replace("\n", self.usual)


def rebuild(po: polib.POFile, doc: Document, mark_untranslated: bool = False) -> Rebuild:
    """The translated article: the source text with every translated block span replaced."""
    cut = groups(doc.blocks, po)
    for group in cut:
        wrong = is_done(group.entry) and structure.problem(
            doc.format, group.entry.msgid, first_form(group.entry)
        )
        if wrong:
            raise StructureError(group.entry, wrong)
    original = _Original(doc)
    parts, pos = ["\ufeff" if doc.encoding == "utf-8-sig" else ""], 0
    for start, end, new in edits(doc, block_texts(doc, cut, mark_untranslated)):
        parts += [original.slice(pos, start), original.new(start, end, new)]
        pos = end
    parts.append(original.slice(pos, len(doc.text)))
    matched = sum(g.size for g in cut if g.entry is not None)
    translated = sum(g.size for g in cut if is_done(g.entry))
    return Rebuild("".join(parts), len(doc.blocks), matched, translated)


def check_article(result: Rebuild, po: polib.POFile, po_path: Path, source: Path) -> None:
    """Refuse a PO made for another article: most source blocks have no entry in it."""
    if result.blocks and result.matched / result.blocks >= MIN_MATCHED:
        return
    if not result.blocks:
        raise InputError(f"{source}: no translatable text (only code, markup or front matter)")
    names = sorted(merge.referenced_files(po))
    made_for = f"; its references name {', '.join(names[:3])}" if names and source.name not in names else ""
    raise InputError(
        f"{po_path}: only {result.matched} of {result.blocks} paragraphs of {source} have an entry in it "
        f"(a PO from another article?{made_for})"
    )


def apply_file(
    po_path: str | Path,
    source: str | Path,
    out: str | Path,
    mark_untranslated: bool = False,
    threshold: float = 0.0,
) -> Rebuild:
    """Write the translated article OUT from PO and SOURCE; refuse foreign POs and low coverage."""
    po_path, source, out = Path(po_path), Path(source), Path(out)
    write.refuse_overwriting([out], [source, po_path])
    po, doc = file.read_po(po_path), reader.read_document(source)
    try:
        result = rebuild(po, doc, mark_untranslated)
        if result.matched < result.blocks:  # perhaps a PO aligned with --unit sentence
            sentences = catalog.sentence_document(doc, langid.document_language(doc) or "en")
            result = max(
                result, rebuild(po, sentences, mark_untranslated), key=lambda r: r.matched / max(r.blocks, 1)
            )
    except StructureError as exc:
        excerpt = exc.entry.msgid if len(exc.entry.msgid) <= 40 else exc.entry.msgid[:37] + "..."
        raise InputError(
            f"{po_path}:{exc.entry.linenum}: the msgstr of {excerpt!r} {exc}; nothing written"
        ) from None
    check_article(result, po, po_path, source)
    if result.coverage < threshold:
        raise CoverageError(
            f"{po_path}: {result.translated} of {result.blocks} paragraphs translated "
            f"({result.coverage:.1f}%), below --threshold {threshold:g}%; nothing written"
        )
    write.write_text(out, result.text)
    return result
