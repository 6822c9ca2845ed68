"""Places named together lie together: co-location support between the readings of different names.

A local story names a town, its county and the next village ("Palestine", "Anderson County";
"Jordan", "Scott County", "Robbinsdale"); each name alone has a more famous namesake, but only one
reading of each lies next to a reading of the others. For every candidate of every name this
counts the other names that have a candidate within `NEAR_KM`: a reading supported by two or three
other names is very likely the one meant, even when no name says which state the story is in.

Only towns and counties are points here (a country's or state's point says nothing about where in
it a story is), only candidates that match their name closely, and only each name's best
`TOP` candidates by prior. Candidates are bucketed in cells of about `NEAR_KM`, so the work grows
with the number of candidates, not with its square.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

#: two readings this close support each other
NEAR_KM = 60.0
#: candidates per name taken into account (by prior)
TOP = 20
_LOCAL = ("city", "admin2")
_CELL_DEG = NEAR_KM / 111.2


def support(cands_by_key: dict[str, list[Any]]) -> dict[int, int]:
    """Candidate pid -> how many OTHER names have a candidate within NEAR_KM of it."""
    cells: dict[tuple[int, int], list[tuple[str, Any]]] = defaultdict(list)
    for key, cands in cands_by_key.items():
        for c in cands:
            if c.kind in _LOCAL and c.lat is not None:
                cells[(int(c.lat // _CELL_DEG), int(c.lon // _CELL_DEG))].append((key, c))
    out: dict[int, int] = {}
    for (ci, cj), members in cells.items():
        near = [kc for di in (-1, 0, 1) for dj in (-1, 0, 1) for kc in cells.get((ci + di, cj + dj), ())]
        for key, c in members:
            cos = math.cos(math.radians(c.lat))
            keys = {k for k, o in near if k != key
                    and math.hypot(o.lat - c.lat, (o.lon - c.lon) * cos) * 111.2 < NEAR_KM}
            if keys:
                out[c.pid] = max(out.get(c.pid, 0), len(keys))
    return out
