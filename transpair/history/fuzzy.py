"""Near-exact matching of source texts that changed, with msgmerge's own measure and threshold: history
carries beads over to today's source with it, and po's merge gives a changed msgid the closest old
translation with it.

The similarity is characters kept by the shortest insert/delete edit over the total length (gettext's
fstrcmp; rapidfuzz's Indel ratio, computed in C for all pairs at once).
"""

from __future__ import annotations

from collections.abc import Sequence

from transpair import parallel

# msgmerge's own fuzzy threshold (FUZZY_THRESHOLD in gettext's msgl-fsearch.c) is 0.6 on its fstrcmp.
FUZZY_MATCH = 0.6
ROWS = 256  # new texts scored against all old ones at once


def similarity(a: str, b: str) -> float:
    """msgmerge's similarity of two source texts in [0, 1]: 1 - (inserts + deletes) / (len a + len b)."""
    from rapidfuzz import fuzz  # loaded when texts are scored: `report`, `apply` and `pot` start without it

    return fuzz.ratio(a, b) / 100


def fuzzy_pairs(new: Sequence[str], old: Sequence[str]) -> dict[int, int]:
    """new index -> old index for the closest texts at or above FUZZY_MATCH, best pairs first, one to
    one (scored ROWS new texts at a time, memory bounded by ROWS x old, on this process's share of the cores:
    a --jobs worker's, not every core)."""
    import numpy as np  # loaded when texts are scored: `report`, `apply` and `pot` start without them
    from rapidfuzz import fuzz, process

    cutoff = FUZZY_MATCH * 100
    scored = []
    for start in range(0, len(new), ROWS):
        scores = process.cdist(
            new[start : start + ROWS],
            old,
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.float64,
            workers=parallel.thread_share(),
        )
        rows, cols = np.nonzero(scores >= cutoff)
        scored += [(scores[r, c] / 100, start + int(r), int(c)) for r, c in zip(rows, cols)]
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs
