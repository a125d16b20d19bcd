"""Text found only in the translation (a translator's note, a local example), carried in the PO so that
`apply` puts it back where the published page had it.

The carrier is a translator comment (`# `) on the entry before the text (the first entry when the page
starts with it): gettext's place for the translation team's own words. msgmerge keeps translator comments
(it takes `#.` lines from the template), editors show and let translators edit or delete it, and it is
neither a msgid nor a msgstr, so statistics, coverage and translation memories stay those of the
article's own entries. The text is kept as written, markers and wrapper lines included, one `| ` line each:

    # transpair: kept after this entry (in the translation only):
    # | > **역자 주**: ...
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from transpair.model import Block, Document

AFTER = "transpair: kept after this entry (in the translation only):"
BEFORE = "transpair: kept before this entry (in the translation only):"
_PIPE = "|"
_CONTAINER = regex.compile(r"^[ \t>]*(?::{3,}|/{3,})[ \t]*(\S)?", regex.M)
_FENCE = regex.compile(r"^[ \t>]*(?:`{3,}|~{3,}).*$", regex.M)
_TAG = regex.compile(r"<(/?)([A-Za-z][\w.:-]*)(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?(/?)>")


def _closes_more(text: str) -> bool:
    """Whether the text closes a container or an HTML element it did not open (one opened before it)."""
    depth = 0
    for found in _CONTAINER.finditer(text):
        depth += 1 if found[1] else -1
        if depth < 0:
            return True
    opened: dict[str, int] = {}
    for closing, name, self_closing in _TAG.findall(text):
        if self_closing:
            continue
        opened[name] = opened.get(name, 0) + (-1 if closing else 1)
        if opened[name] < 0:
            return True
    return False


def _line_start(text: str, pos: int) -> int:
    """Offset of the start of the line holding pos."""
    return text.rfind("\n", 0, pos) + 1


def _fence_open(text: str) -> bool:
    """Whether the text leaves a code fence open."""
    return len(_FENCE.findall(text)) % 2 == 1


def kept_text(doc: Document, run: Sequence[Block], others: Sequence[Block]) -> str:
    """The translation's text of a run of blocks with no source counterpart, as written: whole lines from
    the first block's line (a code block's opening fence included) to the line before the next block of the
    page (`others`: every other block and code block), without blank lines at either end, and without
    lines that close a container opened before it or open the next code block. An HTML run, or one sharing
    a line with another block, is its blocks' own span."""
    first, last = run[0], run[-1]
    start, end = _line_start(doc.text, first.start), doc.text.find("\n", last.end)
    end = len(doc.text) if end < 0 else end
    after = min((b.start for b in others if b.start >= last.end), default=len(doc.text))
    before = max((b.end for b in others if b.end <= first.start), default=0)
    if first.html or before > start or after < end:
        return doc.text[first.start : last.end]
    if (
        first.kind == "code"
        and start
        and _FENCE.fullmatch(doc.text[_line_start(doc.text, start - 1) : start - 1])
    ):
        start = _line_start(doc.text, start - 1)
    text = doc.text[start:end]
    stop = len(doc.text) if after == len(doc.text) else _line_start(doc.text, after)
    for line in doc.text[end + 1 : stop].split("\n"):
        if _FENCE.fullmatch(line) and not _fence_open(text) or _closes_more(f"{text}\n{line}"):
            break
        text += f"\n{line}"
    return text.strip("\n").rstrip()


def carrier(text: str, before: bool = False) -> str:
    """The translator-comment lines that carry kept text."""
    return "\n".join(
        [BEFORE if before else AFTER, *(f"{_PIPE} {line}".rstrip() for line in text.split("\n"))]
    )


def read_kept(tcomment: str) -> tuple[str, str] | None:
    """('after' or 'before', text) from a translator comment holding a carrier, None when it has none."""
    lines = tcomment.split("\n") if tcomment else []
    for i, line in enumerate(lines):
        if line.strip() in (AFTER, BEFORE):
            body = []
            for text in lines[i + 1 :]:
                if not text.startswith(_PIPE):
                    break
                body.append(text[2:] if text.startswith(_PIPE + " ") else text[1:])
            return ("before" if line.strip() == BEFORE else "after"), "\n".join(body)
    return None
