"""Round trip on a gold set: align each pair, write the PO, apply it, and compare with the Korean text.

For each NAME.en.txt / NAME.ko.txt / NAME.gold.json of DATA_DIR:
- align (the real aligner and classifier), write the PO as transpair writes it, read it back, rebuild
  the article from it (what `transpair apply` does);
- rebuilt: the rebuilt article's paragraphs equal the PO's translated msgstrs for translated entries and
  the English source for the others (the rebuild contract);
- korean: of the English paragraphs the gold pairs 1-1 with a real translation, the share whose
  rebuilt text is exactly the gold Korean paragraph (aligner + classifier + PO + rebuild together);
- english: of the gold-untranslated paragraphs, the share left in English;
- msgcat: whether `msgcat` (when installed) leaves every written PO byte-identical.

Usage: python bench/bench_roundtrip.py DATA_DIR
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from transpair import pipeline
from transpair.apply import rebuild
from transpair.errors import InputError
from transpair.po import catalog, file, state
from transpair.read import reader


def one_pair(base: Path, folder: Path) -> dict[str, int]:
    """Counts for one document pair."""
    gold = json.loads(base.with_suffix(".gold.json").read_text(encoding="utf-8"))
    en, ko = Path(f"{base}.en.txt"), Path(f"{base}.ko.txt")
    alignment = pipeline.align_files(en, ko, pipeline.AlignOptions())
    po_path = folder / f"{base.name}.po"
    file.write_po(catalog.build_catalog(alignment), po_path)
    po = file.read_po(po_path)
    src, tgt = alignment.source, alignment.target  # the given order: paragraphs as read
    out = [b.text for b in reader.parse(rebuild.rebuild(po, src).text, "text")]
    joiner = catalog.BLOCK_JOINER
    expected = joiner.join(e.msgstr if state.is_done(e) else e.msgid for e in po).split(joiner)
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


def main(data: Path) -> None:
    """Print the round-trip figures of every pair and the totals."""
    bases = sorted(p.with_name(p.name[: -len(".gold.json")]) for p in data.glob("*.gold.json"))
    totals: dict[str, int] = {}
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
            for name, value in counts.items():
                totals[name] = totals.get(name, 0) + value
    print(
        f"pairs {len(bases)}, aligned {aligned}; rebuild contract held "
        f"{totals.get('rebuilt_ok', 0)}/{aligned}; "
        f"msgcat identical {totals.get('msgcat_ok', 0)}/{aligned}"
    )
    print(
        f"korean exact {totals.get('korean', 0)}/{totals.get('korean_total', 0)} "
        f"({100 * totals.get('korean', 0) / max(totals.get('korean_total', 0), 1):.1f}%); "
        f"english kept {totals.get('english', 0)}/{totals.get('english_total', 0)}; "
        f"seconds {time.perf_counter() - start:.1f}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
