"""Reading real documentation sites: identity round trip, prose reaching msgids, speed.

Per site folder: every Markdown/HTML file goes through `pot` and `apply` with every msgstr = msgid and must
come back byte for byte; the letters of its prose, found independently of the reader (plain CommonMark
code blocks dropped, then regexes drop front matter, HTML tags, comments, inline code, URLs, shortcodes and
wrapper keywords), are compared with the letters of its msgids (word by word, as multisets); msgids that
hold a wrapper or fence line (`:::`, `!!!`, `///`, a fence, `{{<`, `{%`, `[!NOTE]`, a `<Component>` line) are
counted, as coverage alone cannot see markup let into a msgid, and so are msgids holding a fence line, two or
more list items, or inline tags that do not open and close within them (as `apply` checks them); attribute
entries (alt, title, label... offered on their own); blocks read per second.

Usage: python bench/bench_read.py [-v] SITE_DIR [SITE_DIR ...]   (-v: the files with markup in msgids)
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import polib
import regex
from markdown_it import MarkdownIt

from transpair.apply import rebuild, structure
from transpair.errors import InputError
from transpair.po import catalog, file
from transpair.read.reader import read_document

SUFFIXES = {".md", ".mdx", ".markdown", ".html", ".htm"}
_STRIP = [
    regex.compile(p, regex.M | regex.S)
    for p in (
        r"\A(?:---\n.*?\n---|\+\+\+\n.*?\n\+\+\+)[ \t]*$",  # front matter
        r"<(script|style|pre)\b.*?</\1>",
        r"<!--.*?-->",
        r"\{/\*.*?\*/\}",
        r"^(?:import|export)[ \t].*$",
        r"(`+)(?:(?!\n[ \t]*\n).)*?\1",  # inline code (never across a blank line)
        r"!\[[^\]]*\]\([^)]*\)",  # images
        r"\]\([^)]*\)",  # link targets
        r"^[ \t]*\[[^\]]+\]:.*$",  # link definitions
        r"<[^>\n]+>",  # tags
        r"\{\{[<%][^\n]*?[>%]\}\}",  # shortcodes (within a line: the patterns run with regex.S)
        r"^[ \t]*\{([%*])[^\n]*?\1\}[ \t]*$",  # template tag lines (Liquid/Jinja, FastAPI's code includes)
        r"^:::[ \t]+[\w-]+(?:\.[\w-]+)+[ \t]*\n(?:[ \t]+\S.*\n)*",  # mkdocstrings directives and options
        r"^[ \t]*(?::{3,}|!!!|\?\?\?\+?|/{3,}|===)[ \t]*[\w-]*",  # wrapper keywords (titles stay)
        r"\[![\w-]+\]",  # GitHub alert markers
        r"^[ \t]+[\w-]+:[ \t].*$(?<=^[ \t]*type:.*)",  # PyMdown block options
    )
]
_WORD = regex.compile(r"[\p{L}\p{M}]+")
# a msgid line that is a dialect's wrapper or a fence: markup a translator should never see
_WRAPPER_LINE = regex.compile(
    r"^[ \t>]*(?::{3,}|!!!|\?\?\?|/{3,}|`{3,}|~{3,}|\{\{[<%]|\{[%*]|\[![A-Za-z]+\]"
    r"|</?[A-Z][^<>]*>[ \t]*$)",
    regex.M,
)  # a component tag counts when alone on its line (inline components are markup inside a paragraph)
_FENCE_LINE = regex.compile(r"^[ \t>]*(?:`{3,}|~{3,})", regex.M)
_LIST_ITEM = regex.compile(r"^[ \t>]*(?:[-+*]|\d{1,9}[.)])[ \t]+\S", regex.M)
_CODE_SPAN = regex.compile(r"(`+)(?:(?!\1).)+?\1", regex.S)
_PLAIN = MarkdownIt("commonmark", {"maxNesting": 1000})
_MDX = MarkdownIt("commonmark", {"maxNesting": 1000}).disable("code")  # MDX has no indented code


def without_code(text: str, mdx: bool = False) -> str:
    """The text with the lines of plain CommonMark's fenced and indented code blocks emptied (MDX: fenced)."""
    lines = text.split("\n")
    for token in (_MDX if mdx else _PLAIN).parse(text):
        if token.type in ("fence", "code_block") and token.map:
            lines[token.map[0] : token.map[1]] = [""] * (token.map[1] - token.map[0])
    return "\n".join(lines)


def prose_words(text: str, mdx: bool = False) -> Counter[str]:
    """The words of a page's prose, by plain CommonMark and regexes that know nothing of the reader."""
    text = without_code(text, mdx)
    for pattern in _STRIP:
        text = pattern.sub(" ", text)
    return Counter(_WORD.findall(text))


def round_trip(path: Path, work: Path) -> tuple[bool, list[polib.POEntry]]:
    """pot, then apply with msgstr = msgid: whether the file comes back byte for byte; the entries."""
    pot = work / "a.pot"
    catalog.write_template(path, pot, "en", "paragraph", wrap=True)
    po = file.read_po(pot)
    for entry in po:
        entry.msgstr = entry.msgid
    po.save(str(work / "a.po"))
    rebuild.apply_file(work / "a.po", path, work / ("out" + path.suffix))
    return (work / ("out" + path.suffix)).read_bytes() == path.read_bytes(), list(po)


def unbalanced(msgid: str) -> bool:
    """Whether a msgid's inline tags (outside code spans) or comments do not open and close within it."""
    return structure.html_problem("", _CODE_SPAN.sub("", msgid)) is not None


def faults(msgids: list[str]) -> Counter[str]:
    """Markup a translator should never see in a msgid, counted per kind."""
    return Counter(
        {
            "wrapper": sum(bool(_WRAPPER_LINE.search(m)) for m in msgids),
            "fence": sum(bool(_FENCE_LINE.search(m)) for m in msgids),
            "items": sum(len(_LIST_ITEM.findall(m)) >= 2 for m in msgids),
            "unbalanced": sum(unbalanced(m) for m in msgids),
        }
    )


def site(folder: Path) -> None:
    """Print one site's round trip, prose share, markup in msgids and speed."""
    files = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and "node_modules" not in p.parts)
    ok, failed, empty, errors, blocks, seconds = 0, [], 0, [], 0, 0.0
    found_faults: Counter[str] = Counter()
    examples: list[str] = []
    prose: Counter[str] = Counter()
    reached = attributes = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            started = time.perf_counter()
            try:
                doc = read_document(path)
            except InputError as exc:
                errors.append(str(exc))
                continue
            seconds += time.perf_counter() - started
            blocks += len(doc.blocks)
            words = prose_words(doc.text, path.suffix == ".mdx") if doc.format == "markdown" else Counter()
            prose.update(words)
            if not doc.blocks:
                empty += 1
                continue
            try:
                same, entries = round_trip(path, Path(tmp))
            except InputError as exc:
                failed.append(str(exc))
                continue
            ok, failed = (ok + 1, failed) if same else (ok, [*failed, str(path)])
            msgids = [e.msgid for e in entries]
            found = Counter(_WORD.findall("\n".join(msgids)))
            these = +faults(msgids)
            if these and len(examples) < 12:
                examples += [f"{path}: {these}"]
            found_faults += these
            attributes += sum("attribute:" in e.comment for e in entries)
            reached += sum(len(w) * min(n, found[w]) for w, n in words.items())
    letters = sum(len(w) * n for w, n in prose.items())
    print(
        f"{folder}: {len(files)} files, round trip ok {ok} failed {len(failed)} (no text {empty}, "
        f"unreadable {len(errors)}); prose letters reaching a msgid {reached}/{letters} = "
        f"{100 * reached / max(letters, 1):.2f}%; msgids holding: wrapper lines {found_faults['wrapper']}, "
        f"a fence line {found_faults['fence']}, 2+ list items {found_faults['items']}, unbalanced tags "
        f"{found_faults['unbalanced']}; attribute entries {attributes}; {blocks} blocks, "
        f"{blocks / max(seconds, 1e-9):.0f} blocks/s"
    )
    for line in [*failed[:10], *errors[:10], *(examples if "-v" in sys.argv else [])]:
        print("    " + line)


def main(dirs: list[str]) -> None:
    """Bench every site folder given."""
    for folder in dirs:
        if folder != "-v":
            site(Path(folder))


if __name__ == "__main__":
    main(sys.argv[1:])
