"""The `--beads` JSON of an alignment: written beside the PO by `align --beads`, read back by `review
--beads` instead of aligning again."""

from __future__ import annotations

import json
from pathlib import Path

from transpair.errors import InputError, existing_file, read_input
from transpair.model import STATUSES, Alignment, Bead, Document


def beads_json(alignment: Alignment) -> dict:
    """The alignment as the documented `--beads` JSON."""
    return {
        "source": alignment.source.path,
        "target": alignment.target.path,
        "source_lang": alignment.source_lang,
        "target_lang": alignment.target_lang,
        "beads": [
            {
                "source": list(b.source),
                "target": list(b.target),
                "status": b.status,
                "score": round(b.score, 4),
            }
            | ({"reason": b.reason} if b.reason else {})
            | ({"reviewed": True} if b.reviewed else {})
            for b in alignment.beads
        ],
    }


def read_beads(path: str | Path, source: Document, target: Document) -> Alignment:
    """The alignment an `align --beads` run wrote for these documents (reused instead of aligning again);
    InputError when the file is not one or was made from other texts."""
    path = existing_file(path, "beads file")
    try:
        data = json.loads(read_input(path).decode("utf-8"))
        beads = tuple(
            Bead(
                tuple(b["source"]),
                tuple(b["target"]),
                float(b["score"]),
                b["status"],
                b.get("reason", ""),
                reviewed=b.get("reviewed") is True,
            )
            for b in data["beads"]
        )
        langs = (str(data["source_lang"]), str(data["target_lang"]))
        if any(b.status not in STATUSES for b in beads):
            raise ValueError("unknown status")
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise InputError(f"{path}: not a beads file written by align --beads ({exc})") from None
    alignment = Alignment(source, target, beads, *langs)
    if not alignment.whole():
        raise InputError(
            f"{path}: its beads do not fit {source.path} and {target.path} (made from other texts, or "
            "indices or scores that are not numbers in range?)"
        )
    return alignment
