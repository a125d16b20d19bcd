"""Legacy CJK encodings on real pages: every page of a translation re-encoded in its legacy encodings,
decoded back by transpair, with and without the language named in the path.

Per (tree, language, encoding): the first 300, 3,000 and all characters of every page that the encoding
can hold and that are not valid UTF-8 are decoded by `read.legacy.decode_legacy`; a decoding is right when
it gives the page's text back, wrong when it gives another text, none when it is refused.

Usage: python bench/bench_encodings.py TREE LANG [TREE LANG ...]
  e.g. python bench/bench_encodings.py /work/sites/vue-ko/src ko /work/sites/vue-ja/src ja \
       /work/sites/vue-zh/src zh-CN /work/sites/vue-zh/src zh-TW
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from transpair.read.legacy import decode_legacy

ENCODINGS = {
    "ko": ("euc-kr", "cp949"),
    "ja": ("shift_jis", "euc-jp", "cp932"),
    "zh-CN": ("gb18030",),
    "zh-TW": ("big5",),
}
SIZES = (300, 3000, None)


def measure(tree: Path, lang: str, encoding: str, named: bool) -> Counter:
    """Counts of right, wrong, refused and skipped decodings over a tree's pages."""
    counts: Counter = Counter()
    for page in sorted(tree.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for size in SIZES:
            chunk = text[:size]
            try:
                data = chunk.encode(encoding)
                data.decode("utf-8")
                counts["skipped"] += 1  # ASCII only: UTF-8 reads it
                continue
            except UnicodeEncodeError:
                counts["skipped"] += 1  # a character the encoding cannot hold
                continue
            except UnicodeDecodeError:
                pass
            found = decode_legacy(data, f"{lang}/{page.name}" if named else page.name)
            counts["none" if found is None else "right" if found[0] == chunk else "wrong"] += 1
    return counts


def main() -> None:
    """Print one line per tree, language, encoding and path style."""
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit(__doc__)
    for tree, lang in zip(args[::2], args[1::2]):
        for encoding in ENCODINGS[lang]:
            for named in (True, False):
                c = measure(Path(tree), lang, encoding, named)
                tried = c["right"] + c["wrong"] + c["none"]
                print(
                    f"{tree} {lang} {encoding:<9} {'named' if named else 'plain'}: right {c['right']}/{tried}"
                    f" ({c['right'] / max(tried, 1):.1%}), wrong {c['wrong']}, refused {c['none']},"
                    f" skipped {c['skipped']}"
                )


if __name__ == "__main__":
    main()
