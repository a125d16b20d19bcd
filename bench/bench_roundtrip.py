"""Round trips: align -> PO -> apply, on a gold set or on a real site and its translation.

Gold set (`python bench/bench_roundtrip.py DATA_DIR`), for each NAME.en.txt / NAME.ko.txt / NAME.gold.json:
- align (the real aligner and classifier), write the PO as transpair writes it, read it back, rebuild
  the article from it (what `transpair apply` does);
- rebuilt: the rebuilt article's paragraphs equal the msgstrs for the entries apply uses (translated and
  fuzzy) and the English source for the others (the rebuild contract);
- korean: of the English paragraphs the gold pairs 1-1 with a real translation, the share whose
  rebuilt text is exactly the gold Korean paragraph (aligner + classifier + PO + rebuild together);
- english: of the gold-untranslated paragraphs, the share left in English;
- msgcat: whether `msgcat` (when installed) leaves every written PO byte-identical.

A site (`--site SOURCE_TREE TARGET_TREE LANG`, repeatable), every Markdown page at the same relative path
of both trees, aligned without history (`--no-history`), the unedited PO applied to the source page:
- pages aligned, pages align refused (no prose), pages apply refused (an error, nothing written), and
  apply's warnings (a msgstr escaped, or its source text used);
- the share of the published translation's letters (Hangul for ko, Han and Kana for ja, Han for zh) that
  the rebuilt page keeps (per page the smaller of the two counts of each letter), split into prose and
  code (letters inside code blocks);
- identity: pages rebuilt byte for byte from the PO with every msgstr set to its msgid (code entries
  included, `--code all`).

Usage: python bench/bench_roundtrip.py DATA_DIR
       python bench/bench_roundtrip.py --site /work/sites/vue-en/src /work/sites/vue-ko/src ko [--site ...]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

import regex

from transpair import pipeline
from transpair.apply import rebuild
from transpair.errors import InputError
from transpair.model import Document
from transpair.po import catalog, file
from transpair.read import reader

LETTERS = {"ko": r"\p{Hangul}", "ja": r"[\p{Han}\p{Hiragana}\p{Katakana}]", "zh": r"\p{Han}"}


def one_pair(base: Path, folder: Path) -> dict[str, int]:
    """Counts for one gold document pair."""
    gold = json.loads(base.with_suffix(".gold.json").read_text(encoding="utf-8"))
    en, ko = Path(f"{base}.en.txt"), Path(f"{base}.ko.txt")
    alignment = pipeline.align_files(en, ko, pipeline.AlignOptions())
    po_path = folder / f"{base.name}.po"
    file.write_po(catalog.build_catalog(alignment), po_path)
    po = file.read_po(po_path)
    src, tgt = alignment.source, alignment.target  # the given order: paragraphs as read
    out = [b.text for b in reader.parse(rebuild.rebuild(po, src).text, "text")]
    joiner = catalog.BLOCK_JOINER
    expected = joiner.join(e.msgstr if rebuild.uses_msgstr(e) else e.msgid for e in po).split(joiner)
    left = set(gold["untranslated_en"])
    pairs = [(s[0], t[0]) for s, t in gold["beads"] if len(s) == 1 and len(t) == 1 and s[0] not in left]
    same = len(out) == len(src.blocks)
    msgcat = shutil.which("msgcat")
    identical = (
        msgcat is None
        or subprocess.run([msgcat, po_path], capture_output=True).stdout == po_path.read_bytes()
    )
    return {
        "rebuilt_ok": int(out == expected),
        "korean": sum(same and out[i] == tgt.blocks[j].text for i, j in pairs),
        "korean_total": len(pairs),
        "english": sum(same and out[i] == src.blocks[i].text for i in left),
        "english_total": len(left),
        "msgcat_ok": int(identical),
    }


def gold_main(data: Path) -> None:
    """Print the round-trip figures of every gold pair and the totals."""
    bases = sorted(p.with_name(p.name[: -len(".gold.json")]) for p in data.glob("*.gold.json"))
    totals: Counter[str] = Counter()
    aligned = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for base in bases:
            try:
                counts = one_pair(base, Path(tmp))
            except InputError as exc:
                print(base.name, "skipped:", exc)
                continue
            aligned += 1
            print(base.name, counts)
            totals.update(counts)
    print(
        f"pairs {len(bases)}, aligned {aligned}; rebuild contract held {totals['rebuilt_ok']}/{aligned}; "
        f"msgcat identical {totals['msgcat_ok']}/{aligned}"
    )
    print(
        f"korean exact {totals['korean']}/{totals['korean_total']} "
        f"({100 * totals['korean'] / max(totals['korean_total'], 1):.1f}%); "
        f"english kept {totals['english']}/{totals['english_total']}; "
        f"seconds {time.perf_counter() - start:.1f}"
    )


def letters(doc: Document, pattern: regex.Pattern) -> tuple[Counter[str], Counter[str]]:
    """The letters of a page outside and inside its code blocks (image lines count as prose)."""
    blocks = sorted((b for b in doc.code if b.kind == "code"), key=lambda b: b.start)
    code = "".join(doc.text[b.start : b.end] for b in blocks)
    outside, pos = [], 0
    for block in blocks:
        outside.append(doc.text[pos : block.start])
        pos = block.end
    outside.append(doc.text[pos:])
    return Counter(pattern.findall("".join(outside))), Counter(pattern.findall(code))


def identity(alignment, folder: Path) -> bool:
    """Whether the PO with every msgstr set to its msgid (code entries included) rebuilds the page byte for
    byte."""
    po_path = folder / "identity.po"
    file.write_po(catalog.build_catalog(alignment, code_mode="all"), po_path)
    po = file.read_po(po_path)
    for entry in po:
        entry.msgstr, entry.flags, entry.tcomment = entry.msgid, [], ""
    raw = Path(alignment.source.path).read_bytes()
    return rebuild.rebuild(po, alignment.source).text.encode("utf-8") == raw


def one_page(en: Path, tgt: Path, lang: str, folder: Path, pattern: regex.Pattern) -> dict[str, int]:
    """Counts for one page of a site: align, write the PO, apply it, count the letters kept."""
    try:
        alignment = pipeline.align_files(en, tgt, pipeline.AlignOptions(history=False, target_lang=lang))
    except InputError:
        return {"align_refused": 1}
    po_path, out = folder / "page.po", folder / f"out{en.suffix}"
    file.write_po(catalog.build_catalog(alignment), po_path)
    counts = {"aligned": 1, "identity": int(identity(alignment, folder))}
    try:
        result = rebuild.apply_file(po_path, en, out)
    except InputError as exc:
        print(f"  apply refused {en}: {exc}")
        return counts | {"apply_refused": 1}
    for line, warning in result.warnings:
        print(f"  warning: {en}: PO line {line}: {warning}")
    counts["warnings"] = len(result.warnings)
    published, rebuilt = letters(alignment.target, pattern), letters(reader.read_document(out), pattern)
    for name, before, after in zip(("prose", "code"), published, rebuilt):
        counts[f"{name}_total"] = sum(before.values())
        counts[f"{name}_kept"] = sum(min(n, after[c]) for c, n in before.items())
        if counts[f"{name}_kept"] < counts[f"{name}_total"]:
            print(f"  {en}: {name} {counts[f'{name}_kept']}/{counts[f'{name}_total']}")
    return counts


def site_main(source: Path, target: Path, lang: str) -> None:
    """Print the round-trip figures of one site and language."""
    pattern = regex.compile(LETTERS.get(lang.split("-")[0].split("_")[0], r"\p{L}"))
    pages = sorted(p for p in source.rglob("*.md") if (target / p.relative_to(source)).is_file())
    totals: Counter[str] = Counter()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            counts = one_page(page, target / page.relative_to(source), lang, Path(tmp), pattern)
            if counts.get("prose_kept", 0) < counts.get("prose_total", 0) or counts.get("apply_refused"):
                print(f"  ^ {page.relative_to(source)}")
            totals.update(counts)
    share = {k: 100 * totals[f"{k}_kept"] / max(totals[f"{k}_total"], 1) for k in ("prose", "code")}
    print(
        f"{target} ({lang}): pages {len(pages)}, aligned {totals['aligned']}, align refused "
        f"{totals['align_refused']}, apply refused {totals['apply_refused']} (warnings "
        f"{totals['warnings']}); letters kept: prose "
        f"{totals['prose_kept']}/{totals['prose_total']} ({share['prose']:.2f}%), code "
        f"{totals['code_kept']}/{totals['code_total']} ({share['code']:.2f}%); identity round trip "
        f"{totals['identity']}/{totals['aligned']}; seconds {time.perf_counter() - start:.0f}"
    )


def main() -> None:
    """A gold set, or one or more sites."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path)
    parser.add_argument("--site", nargs=3, action="append", metavar=("SOURCE", "TARGET", "LANG"), default=[])
    args = parser.parse_args()
    if args.data:
        gold_main(args.data)
    for source, target, lang in args.site:
        site_main(Path(source), Path(target), lang)


if __name__ == "__main__":
    main()
