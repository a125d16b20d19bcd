"""Rebuild the translated article from a PO: each source block's span gets its translation.

Everything outside the blocks' spans (Markdown markers, front matter, code, HTML tags) stays byte
for byte. Entries are found the way the catalog made them: consecutive source blocks joined by a
blank line (or a space) form the msgid (the longest run that has an entry wins), repeats told apart by
msgctxt.
What each entry state gives the page (never worse than the published translation the PO was aligned
from): translated -> its msgstr; fuzzy (an outdated paragraph, a doubtful pair: its msgstr came from the
published page, or a translator left it so) -> its msgstr, or the source text with fuzzy="source" (po4a's
way); untranslated -> the source text (UNTRANSLATED_MARK in front when asked); obsolete -> nothing; a
source block with no entry (code identical in both versions) -> kept as it is.
An entry's msgstr replaces its blocks: one span when only blank space separates them, otherwise the
first span gets the msgstr and the others are emptied. Code blocks (`#, no-wrap` entries) are rebuilt the
same way. Text found only in the translation, carried in a translator comment (kept.py), goes back
before or after its entry. HTML: a msgid holds the block's inline markup (links, code, emphasis), so
the msgstr goes in as HTML; sentences sharing one span are rewritten together. A msgstr whose structure
the page cannot hold (see structure.py) is escaped (or, when it cannot be, its source text used) with one
warning naming its PO line: a page is never refused for it. A msgstr that would bring markup its msgid
lacks (a tag, an attribute, a javascript: URL, an MDX expression: see safety.py) is refused, the source
text used there, with a warning naming its PO line: a PO from an untrusted contributor puts no script on
the site.
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
from dataclasses import dataclass, replace
from pathlib import Path

import polib
import regex

from transpair import write
from transpair.apply import safety, structure
from transpair.errors import InputError
from transpair.model import Block, Document
from transpair.po import catalog, file, kept, merge
from transpair.po.state import FUZZY, TRANSLATED, first_form, state
from transpair.read import reader
from transpair.read.frontmatter import yaml_value
from transpair.read.spans import rewrap, unwrap
from transpair.settle import langid

UNTRANSLATED_MARK = "[untranslated] "
MIN_MATCHED = 0.5  # below this share of source blocks found in the PO, it belongs to another article
VERBATIM = ("code", "image")  # kinds of Document.code blocks: rebuilt from their entries, not prose


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
    """The rebuilt text, how much of the article it translates, and what it did with the entries."""

    text: str
    blocks: int  # source blocks (prose; code blocks are not counted)
    matched: int  # source blocks that have a PO entry
    translated: int  # source blocks replaced by a translation
    used: int = 0  # entries whose msgstr went into the page (code entries included)
    fuzzy_kept: int = 0  # of them, fuzzy ones
    source_used: int = 0  # entries whose source text stayed (untranslated, or fuzzy with fuzzy="source")
    kept: int = 0  # texts found only in the translation, put back
    warnings: tuple[tuple[int, str], ...] = ()  # (PO line, what): a msgstr escaped or not used

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


def uses_msgstr(entry: polib.POEntry | None, fuzzy: str = "msgstr") -> bool:
    """Whether an entry's msgstr goes into the page: translated, or fuzzy unless fuzzy="source"."""
    found = state(entry) if entry is not None else None
    return found == TRANSLATED or (found == FUZZY and fuzzy == "msgstr")


def checked(doc: Document, group: Group, markup: str) -> tuple[str, tuple[int, str] | None]:
    """The text a used entry gives its blocks, and a warning (PO line, what) when its structure had to be
    escaped (or, when it cannot be, the source text is used) or it brings markup its msgid does not have
    (safety.py: refused, the source text used); `markup`: the page's format, "mdx" for MDX."""
    entry, block = group.entry, doc.blocks[group.first]
    msgstr = first_form(entry)
    fmt = "code" if block.kind in VERBATIM else doc.format
    quoted = ">" in doc.text[doc.text.rfind("\n", 0, block.start) + 1 : block.start]
    excerpt = entry.msgid if len(entry.msgid) <= 40 else entry.msgid[:37] + "..."
    markup = markup if fmt != "code" else "html" if doc.format == "html" else "code"  # fences are text
    wrong = structure.problem(fmt, entry.msgid, msgstr, quoted)
    text = structure.escaped(fmt, entry.msgid, msgstr, quoted) if wrong else msgstr
    if text is not None and text != entry.msgid and (bad := safety.unsafe(markup, entry.msgid, text)):
        return entry.msgid, (entry.linenum, f"the msgstr of {excerpt!r} {bad}: refused, the source text used")
    if not wrong:
        return msgstr, None
    if text is not None:
        return text, (entry.linenum, f"the msgstr of {excerpt!r} {wrong}: written escaped")
    return entry.msgid, (entry.linenum, f"the msgstr of {excerpt!r} {wrong}: the source text used")


def _spread(text: str, group: Group, doc: Document) -> list[str]:
    """A msgstr's text per block of its group: each block's own text when it is the msgid (nothing
    translated, so an n-m bead's paragraphs stay apart); one paragraph each when it holds as many as its
    msgid (an n-n bead, so what stands between the blocks, such as code, stays between them); else all
    of it on the first block and '' on the others."""
    if text == group.entry.msgid:
        return [doc.blocks[i].text for i in range(group.first, group.first + group.size)]
    parts = text.split(catalog.BLOCK_JOINER)
    if group.size > 1 and len(parts) == group.size == group.entry.msgid.count(catalog.BLOCK_JOINER) + 1:
        return parts
    return [text] + [""] * (group.size - 1)


def block_texts(
    doc: Document, cut: Sequence[Group], mark: bool, fuzzy: str = "msgstr"
) -> tuple[list[str | None], list[tuple[int, str]]]:
    """New text per source block (a used msgstr spread over its group's blocks, None = keep), and the
    warnings of msgstrs escaped or not used."""
    texts: list[str | None] = [None] * len(doc.blocks)
    warnings: list[tuple[int, str]] = []
    markup = "mdx" if doc.format == "markdown" and reader.is_mdx(doc.path, doc.text) else doc.format
    for group in cut:
        own = range(group.first, group.first + group.size)
        if uses_msgstr(group.entry, fuzzy):
            text, warning = checked(doc, group, markup)
            texts[group.first : group.first + group.size] = _spread(text, group, doc)
            warnings += [warning] if warning else []
        elif mark:
            texts[group.first : group.first + group.size] = [
                UNTRANSLATED_MARK + doc.blocks[i].text for i in own
            ]
    return texts, warnings


def insertions(doc: Document, cut: Sequence[Group]) -> list[tuple[int, int, str]]:
    """Edits that put back the text found only in the translation, carried by entries (kept.py): after
    the entry's last block, or at the start of its first block's line."""
    out = []
    for group in cut:
        found = kept.read_kept(group.entry.tcomment) if group.entry is not None else None
        if not found or not found[1].strip():
            continue
        first, last = doc.blocks[group.first], doc.blocks[group.first + group.size - 1]
        if found[0] == "before":
            start = doc.text.rfind("\n", 0, first.start) + 1
            out.append((start, start, f"{found[1]}\n\n"))
        else:
            out.append((last.end, last.end, (" " if last.html else "\n\n") + found[1]))
    return out


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
        elif block.content.startswith("front-matter:"):
            text = yaml_value(doc.text[block.start - 1 : block.start], text)
        elif block.content != "prose":
            text = attribute_value(doc.text[block.start - 1 : block.start], text)
        elif doc.format in ("markdown", "mdx") and not block.html and block.kind != "code":
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


def _merged(
    doc: Document, prose: Sequence[str | None], code: Sequence[str | None]
) -> tuple[Document, list[str | None]]:
    """The document with its code blocks among its blocks in document order, and their new texts."""
    pairs = sorted([*zip(doc.blocks, prose), *zip(doc.code, code)], key=lambda pair: pair[0].start)
    return replace(doc, blocks=tuple(b for b, _ in pairs), code=()), [t for _, t in pairs]


def rebuild(
    po: polib.POFile, doc: Document, mark_untranslated: bool = False, fuzzy: str = "msgstr"
) -> Rebuild:
    """The translated article: the source text with every block span replaced as its entry says. Prose
    and code blocks are cut into entries apart (a multi-block entry may span a code block)."""
    code_doc = replace(doc, blocks=doc.code, code=())
    cut, code_cut = groups(doc.blocks, po), groups(doc.code, po)
    texts, warnings = block_texts(doc, cut, mark_untranslated, fuzzy)
    code_texts, code_warnings = block_texts(code_doc, code_cut, False, fuzzy)
    whole, new_texts = _merged(doc, texts, code_texts)
    extra = insertions(doc, cut)
    original = _Original(whole)
    parts, pos = ["\ufeff" if doc.encoding == "utf-8-sig" else ""], 0
    for start, end, new in sorted([*edits(whole, new_texts), *extra], key=lambda edit: edit[:2]):
        parts += [original.slice(pos, start), original.new(start, end, new)]
        pos = end
    parts.append(original.slice(pos, len(doc.text)))
    entries = [g.entry for g in (*cut, *code_cut) if g.entry is not None]
    used = [e for e in entries if uses_msgstr(e, fuzzy)]
    return Rebuild(
        "".join(parts),
        len(doc.blocks),
        sum(g.size for g in cut if g.entry is not None),
        sum(g.size for g in cut if uses_msgstr(g.entry, fuzzy)),
        len(used),
        sum(state(e) == FUZZY for e in used),
        len(entries) - len(used),
        len(extra),
        tuple(sorted([*warnings, *code_warnings])),
    )


def summary(result: Rebuild) -> str:
    """One line on what apply did with the entries."""
    kept_text = f", {result.kept} kept from the translation only" if result.kept else ""
    return (
        f"{result.used} entries used ({result.fuzzy_kept} fuzzy kept), source text used for "
        f"{result.source_used}{kept_text}; {result.translated} of {result.blocks} paragraphs translated "
        f"({result.coverage:.1f}%)"
    )


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
    fuzzy: str = "msgstr",
) -> Rebuild:
    """Write the translated article OUT from PO and SOURCE; refuse foreign POs and low coverage."""
    po_path, source, out = Path(po_path), Path(source), Path(out)
    write.refuse_overwriting([out], [source, po_path])
    po, doc = file.read_po(po_path), reader.read_document(source)
    result = rebuild(po, doc, mark_untranslated, fuzzy)
    if result.matched < result.blocks:  # perhaps a PO aligned with --unit sentence
        sentences = catalog.sentence_document(doc, langid.document_language(doc) or "en")
        result = max(
            result,
            rebuild(po, sentences, mark_untranslated, fuzzy),
            key=lambda r: r.matched / max(r.blocks, 1),
        )
    check_article(result, po, po_path, source)
    if result.coverage < threshold:
        raise CoverageError(
            f"{po_path}: {result.translated} of {result.blocks} paragraphs translated "
            f"({result.coverage:.1f}%), below --threshold {threshold:g}%; nothing written"
        )
    write.write_text(out, result.text)
    return result
