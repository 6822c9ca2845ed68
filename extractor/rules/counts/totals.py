"""The article's own figure per casualty kind and per weapon and action: what "how many?" answers.

A reader asking "how many were killed?" should not have to choose among repeated, partial and
subset counts, nor among figures of other events. The rules, in order:
1. Counts of earlier events given as background (`background`, background.py) never count.
2. Hedged counts ("feared dead", `hedged`, hedges.py) are used only when nothing firmer exists.
3. Subsets ("including two children", "eight of them civilians") never add, and are the figure only when
   the article gives nothing else ("The dead included six civilians and eight policemen").
4. The members of one list are summed ("a woman, two children and four men" -> 7), and a count
   "in addition" ("17 others", "another 83") adds to the figure before it (casualty_relations.py);
   the wounded who later died are taken out of the wounded (fates.py).
5. A stated overall toll ("the death toll rose to 25", "a total of 30") wins over partial counts;
   figures of clearly distinct incidents (each tied to a place in a region of its own, or told apart by
   incidents.py) are summed, unless a later one updates the toll;
   otherwise the largest figure wins (a repeat of the lead with less detail is smaller or equal).
6. A stated zero ("no one was hurt") is the figure only when no count of the kind is above zero;
   vague amounts only ("dozens were killed") give a null count with `vague` set.
A kind the article never mentions is absent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .state import Entry

#: how sure a sum is, from the qualifiers of its parts: the least committal part decides
_QUALIFIER_RANK = {"exact": 0, "at_least": 1, "more_than": 2, "about": 3, "up_to": 4, "fewer_than": 5}


@dataclass
class Figure:
    """One candidate answer: a count, or the sum of a list or chain of counts."""

    parts: list[Entry] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(int(e.data["count"]) - e.died for e in self.parts)  # the wounded who died are counted dead

    @property
    def qualifier(self) -> str:
        return max((e.data["qualifier"] for e in self.parts), key=lambda q: _QUALIFIER_RANK.get(q, 0))

    @property
    def toll(self) -> bool:
        return any(e.role == "toll" for e in self.parts)

    def record(self) -> dict[str, Any]:
        """The contract object: count, qualifier, vague and the evidence of the first part."""
        first = self.parts[0].data
        return {"count": self.count, "qualifier": self.qualifier, "vague": None,
                "text": first["text"], "start": first["start"], "end": first["end"]}


#: place name -> (country code, first-level region) of the places the article names below country level
Regions = dict[str, tuple[str | None, str | None]]


def article_totals(casualties: Iterable[Entry], weapons: Iterable[Entry],
                   regions: Regions | None = None) -> dict[str, Any]:
    """The `totals` object of a record from the de-duplicated entries of the document."""
    by_kind: dict[str, list[Entry]] = {}
    for e in sorted(casualties, key=lambda x: x.data["start"]):
        by_kind.setdefault(e.data["kind"], []).append(e)
    cas = {kind: t for kind, es in by_kind.items() if (t := casualty_total(es, regions or {})) is not None}
    by_key: dict[tuple[str, str | None], list[Entry]] = {}
    for e in sorted(weapons, key=lambda x: x.data["start"]):
        by_key.setdefault((e.data["weapon"], e.data["action"]), []).append(e)
    wpn = []
    for (weapon, action), es in by_key.items():
        fig = best_figure(figures([e for e in es if isinstance(e.data["count"], int) and e.role != "background"]))
        if fig is not None:
            wpn.append({"weapon": weapon, "action": action, **fig.record()})
    return {"casualties": cas, "weapons": wpn}


def casualty_total(entries: list[Entry], regions: Regions | None = None) -> dict[str, Any] | None:
    """The figure of one casualty kind (entries in text order), or None when there is nothing to say."""
    current = [e for e in entries if not e.data.get("background")]
    numeric = [e for e in current if isinstance(e.data["count"], int)]
    pool = [e for e in numeric if e.data["count"] > 0]
    fig = _incidents_figure(pool, regions or {})
    if fig is not None:
        return fig.record()
    zero = next((e for e in numeric if e.data["count"] == 0 and not e.data.get("hedged")), None)
    if zero is not None:
        return {"count": 0, "qualifier": "exact", "vague": None,
                "text": zero.data["text"], "start": zero.data["start"], "end": zero.data["end"]}
    vague = next((e for e in current if e.data["count"] is None), None)
    if vague is not None:
        d = vague.data
        return {"count": None, "qualifier": "about", "vague": d["vague"], "text": d["text"], "start": d["start"],
                "end": d["end"]}
    return None


def _incidents_figure(pool: list[Entry], regions: Regions) -> Figure | None:
    """The figure of each incident the article reports, summed ("five killed in Kaduna. In a separate incident,
    three were killed in Zamfara" is eight) unless an overview before them covers them all."""
    by_incident: dict[int, list[Entry]] = {}
    for e in pool:
        by_incident.setdefault(e.incident, []).append(e)
    figs = [f for es in by_incident.values() if (f := _one_incident(es, regions)) is not None]
    if len(figs) < 2:
        return figs[0] if figs else None
    first = figs[0]
    if any(f.toll for f in figs[1:]):
        return best_figure(figs)  # "Five were killed on 3 May. On 5 May the death toll rose to 8": an update
    every = [f.count for f in figures([e for e in pool if not e.data.get("hedged")])]
    if every and max(every) == sum(every) - max(every) and first.count == max(every):
        return first  # "Six were killed in the border towns. Three ... in A. Separately, three ... in B."
    if all(e.incident == 0 for e in first.parts) and any(e.overview for e in first.parts) \
            and first.count >= sum(f.count for f in figs[1:]):
        return first  # "About 16 people were killed in two separate incidents. In the first, 13 ..."
    return Figure([e for f in figs for e in f.parts])


def _one_incident(pool: list[Entry], regions: Regions) -> Figure | None:
    """The figure of one incident: tolls, lists, additions, distinct places, firm before hedged."""
    figs = figures(pool) or figures(pool, subsets=True)
    # a figure with one firm part is firm ("a woman was reportedly burnt alive; they killed four others")
    firm = [f for f in figs if not all(e.data.get("hedged") for e in f.parts)]
    return distinct_incidents(firm, regions) or best_figure(firm or figs)


def figures(entries: list[Entry], *, subsets: bool = False) -> list[Figure]:
    """Candidate figures, in text order: subsets dropped, lists summed, additions chained on.

    With `subsets`, the subsets are the figures: "The dead included six civilians and eight policemen"
    is all an article may say."""
    out: list[Figure] = []
    by_list: dict[object, Figure] = {}
    for e in entries:
        if (e.role == "subset") is not subsets:
            continue
        key: object = e.list_id if e.list_id is not None else id(e)
        fig = by_list.get(key)
        if fig is not None:
            fig.parts.append(e)
            continue
        if e.adds and out and e.role != "toll" and not out[-1].toll:
            out[-1].parts.append(e)  # "Seventeen others were killed": in addition to the earlier count
            by_list[key] = out[-1]
            continue
        fig = Figure([e])
        by_list[key] = fig
        out.append(fig)
    return out


def distinct_incidents(figs: list[Figure], regions: Regions) -> Figure | None:
    """The sum of figures that are clearly distinct incidents: no overall toll, and every figure is tied to a
    place below country level in a first-level region of its own ("one injured in Kherson ... three in
    Dnipro ... one in Kaluga" is five). A figure without such a place may be the overall one: no sum."""
    if len(figs) < 2 or any(f.toll for f in figs):
        return None
    counts = sorted(f.count for f in figs)
    if counts[-1] == sum(counts[:-1]):
        return None  # "six were killed in Mexico City ... five men and one woman died in Iztapalapa": a breakdown
    seen: set[tuple[str | None, str | None]] = set()
    for f in figs:
        places = {e.data.get("place") for e in f.parts}
        region = regions.get(next(iter(places))) if len(places) == 1 and None not in places else None
        if region is None or region[1] is None or region in seen:
            return None
        seen.add(region)
    return Figure([e for f in figs for e in f.parts])


def best_figure(figs: list[Figure]) -> Figure | None:
    """A stated toll wins; otherwise the largest figure (the first of equals)."""
    tolls = [f for f in figs if f.toll]
    pool = tolls or figs
    if not pool:
        return None
    return max(pool, key=lambda f: f.count)
