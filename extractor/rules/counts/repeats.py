"""The same fact repeated (headline, lead, quote) is kept once, the first time it is seen.

Two entries say the same when kind/weapon, count and action class agree and their places are
compatible; small counts repeat by coincidence, so they merge only with more evidence (the same
place, the headline, the same wording, or a definite "the four wounded").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from .state import Entry

#: Actions that say the same about a weapon count ("shot down" / "intercepted" / "destroyed").
_ACTION_CLASS = {"launched": "launched", "fired": "launched", "deployed": "launched", "shot_down": "downed",
                 "intercepted": "downed", "destroyed": "downed", "struck": "struck"}
#: Generic `who` words that a repeat of the same fact may use instead of a specific one.
_GENERIC_WHO = frozenset(["people", "persons", "others", "individuals"])
#: Counts at least this big are rarely repeated by coincidence, so a repeat is the same fact.
_SMALL_COUNT = 5
#: Counts at least this big are the same fact even when the (noisy) places differ.
_BIG_COUNT = 10


def dedupe(entries: Iterable[Entry], keys: tuple[str, ...], *, action_class: bool = False,
           title_end: int = 0) -> list[dict[str, Any]]:
    """The contract entries of `dedupe_entries`."""
    return [e.data for e in dedupe_entries(entries, keys, action_class=action_class, title_end=title_end)]


def dedupe_entries(entries: Iterable[Entry], keys: tuple[str, ...], *, action_class: bool = False,
                   title_end: int = 0) -> list[Entry]:
    """Keep the first of entries saying the same (same kind/weapon, count, action class; compatible place).

    Small counts ("one person injured") repeat by coincidence across events, so they are only
    merged when both name the same place or one of them is in the headline."""
    kept_entries: list[Entry] = []
    for e in sorted(entries, key=lambda x: x.data["start"]):
        d = e.data
        dup = False
        for ki, ke in enumerate(kept_entries if not e.adds else ()):  # "another four" is never a repeat
            k = ke.data
            if any(k[x] != d[x] for x in keys):
                continue
            if d["count"] != k["count"] or (d["count"] is None and d["vague"] != k["vague"]):
                continue
            if action_class and _ACTION_CLASS.get(d["action"], d["action"]) != _ACTION_CLASS.get(k["action"],
                                                                                                   k["action"]):
                continue
            in_title = k["start"] < title_end  # headlines name the broader place ("India" / "West Bengal")
            big = d["count"] is not None and d["count"] >= _BIG_COUNT  # big counts do not repeat by chance
            again = e.definite  # "all the four wounded are civilians": the four already counted
            if d["place"] and k["place"] and not _same_place(d["place"], k["place"]) and not in_title and not big \
                    and not again:
                continue
            if not again and d["count"] is not None and d["count"] < _SMALL_COUNT \
                    and not (d["place"] and d["place"] == k["place"]) and k["start"] >= title_end \
                    and d["text"] != k["text"]:
                continue
            if not action_class and d.get("who") and k.get("who") and d["who"].lower() != k["who"].lower() \
                    and (d["start"] == k["start"] or not {d["who"].lower(), k["who"].lower()} & _GENERIC_WHO):
                continue  # "three women" and "three children" are two facts; "3 people"/"three civilians" may be one
            dup = True
            if k["start"] < title_end <= d["start"]:
                # a headline repeated in the body: keep the body's wording and qualifier
                kept_entries[ki] = replace(e, data={**d, "place": d["place"] or k["place"]})
            break
        if not dup:
            kept_entries.append(e)
    return kept_entries


def _same_place(a: str, b: str) -> bool:
    """ "Gaza" and "Gaza Strip" name the same place for de-duplication."""
    a, b = a.lower(), b.lower()
    return a == b or a in b or b in a
