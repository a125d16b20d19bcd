"""Plain-text blocks of a VitePress Markdown page, as the gold sets' text files are made (data/gold/).

Usage: python tools/gold_text.py PAGE.md > NAME.LANG.txt  (`git show REV:PATH | python tools/gold_text.py -`)
One block per paragraph, heading, list item, blockquote paragraph or prose table cell; code, front matter,
comments, script/style/pre, tag-only lines, container fences and images dropped; inline tags removed outside
code spans; line breaks inside a block become spaces.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

FENCE = re.compile(r"^\s*(```+|~~~+)")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*(\{#[^}]*\})?\s*#*\s*$")
ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s+(.*)$")
TAG_ONLY = re.compile(r"^\s*(<[^>]+>\s*)+$")
CONTAINER = re.compile(r"^\s*:::")
ALERT = re.compile(r"^\s*>\s*\[!\w+\]\s*$")
IMAGE_ONLY = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
DELIMITER = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
SKIP_BLOCK = re.compile(r"^\s*<(script|style|pre)\b", re.I)
INLINE_TAG = re.compile(r"</?[A-Za-z][\w-]*(\s[^<>]*)?/?>")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
LETTER = re.compile(r"[^\W\d_]", re.U)


def strip_tags(text: str) -> str:
    """Inline HTML/Vue tags removed outside code spans."""
    parts, last = [], 0
    for m in CODE_SPAN.finditer(text):
        parts.append(INLINE_TAG.sub("", text[last : m.start()]))
        parts.append(m.group(0))
        last = m.end()
    parts.append(INLINE_TAG.sub("", text[last:]))
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def prose_cell(cell: str) -> bool:
    """A table cell worth a block: at least two letters outside inline code."""
    return len(LETTER.findall(CODE_SPAN.sub("", cell))) >= 2


def blocks(markdown: str) -> list[str]:
    """The page's text blocks in document order."""
    lines = markdown.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1 :]
    text = re.sub(r"<!--.*?-->", "", "\n".join(lines), flags=re.S)
    lines = text.split("\n")
    out: list[str] = []
    para: list[str] = []

    def flush() -> None:
        block = strip_tags(" ".join(para))
        if block and not IMAGE_ONLY.match(block):
            out.append(block)
        para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            flush()
            mark = fence.group(1)
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(mark[:3]):
                i += 1
            i += 1
            continue
        block_tag = SKIP_BLOCK.match(line)
        if block_tag:
            flush()
            close = f"</{block_tag.group(1).lower()}>"
            while i < len(lines) and close not in lines[i].lower():
                i += 1
            i += 1
            continue
        stripped = line.strip()
        if (
            not stripped
            or CONTAINER.match(line)
            or ALERT.match(line)
            or TAG_ONLY.match(line)
            or stripped.startswith("<<<")
            or stripped.startswith("import ")
        ):
            flush()
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and DELIMITER.match(lines[i + 1]):
            flush()
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not DELIMITER.match(lines[i]):
                    cells = re.split(r"(?<!\\)\|", lines[i].strip().strip("|"))
                    out += [strip_tags(c) for c in cells if prose_cell(c)]
                i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            para.append(heading.group(1))
            flush()
            i += 1
            continue
        if stripped.startswith(">"):
            stripped = stripped.lstrip(">").strip()
            if not stripped:
                flush()
                i += 1
                continue
        item = ITEM.match(stripped)
        if item:
            flush()
            stripped = item.group(2)
        para.append(stripped)
        i += 1
    flush()
    return out


def main() -> None:
    """Print the blocks of the page named on the command line (or stdin), a blank line between."""
    source = sys.stdin.read() if sys.argv[1] == "-" else Path(sys.argv[1]).read_text(encoding="utf-8")
    print("\n\n".join(blocks(source)))


if __name__ == "__main__":
    main()
