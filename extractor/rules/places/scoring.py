"""Scoring one gazetteer candidate for a name: the weights that pick Pokrovsk, Ukraine over
Pokrovsk, Russia in a Ukraine story.

Kind (country, region when the text says "region"), population, a capital, closeness of spelling
and the article's context (see document_context.py) each add points; the best score wins.
"""

from __future__ import annotations

import math
from typing import Any

from ..entities.known_places import strong_name_match

#: the article's context: {"cc": Counter of country votes, "admin1": regions named, "named": countries named}
PlaceContext = dict[str, Any]


def score_candidate(name: str, c: Any, hint: str | None, context: PlaceContext | None,
                    resident: bool = False) -> float:
    """Higher is likelier. Weights: a tenfold population is worth one point, a country or
    region reading of an exact name 1-5, the article's context 3 (a country it names) and a
    capital 2, so "Warsaw" in a US story is still Poland's capital but "Pokrovsk" in a
    Ukraine story is the Ukrainian town."""
    s = 0.0
    if not strong_name_match(name, c):
        s -= 6
    elif c.alternate:
        s -= 0.5
    s += _kind_points(c, hint)
    if resident and c.kind == "country":
        s -= 6  # "a Palestine man": English says "a Palestinian man" of the country
    s += math.log10(c.population + 1)
    if c.capital:
        s += 2
    if context:
        s = _add_context_points(s, c, context)
    return s


def _kind_points(c: Any, hint: str | None) -> float:
    """A country, a continent or (when the text says "region") a region reading is worth more
    than a town."""
    if c.kind in ("country", "continent"):
        return 4 if not c.alternate else 1
    if c.kind == "admin1":
        return 5 if hint == "region" else (1 if not c.alternate else -1)  # "Ohio", "Nevada": the state
    if c.kind == "admin2":
        return 4 if hint == "region" else (0 if not c.alternate else -1)
    if hint == "region":
        return -1
    return 0


def _add_context_points(s: float, c: Any, context: PlaceContext) -> float:
    """`s` plus the points for a candidate in a country (and region) the article names (added one
    by one, in this order: the float sums must not change)."""
    if c.country_code and context["cc"].get(c.country_code):
        s += 3 * context["cc"][c.country_code] / max(context["cc"].values())
        if c.country_code in context.get("named", ()):
            s += 1
    elif context["cc"] and c.alternate:
        s -= 3  # "Suzu" in a Japan story is not Suzhou
    if c.admin1 and c.admin1 in context["admin1"] and c.kind != "admin1":
        s += 1.5
    if c.kind in ("city", "admin2") and c.lat is not None and not c.alternate:  # "Montana" is not
        # Montana City, however near Helena it lies
        if context.get("points"):
            s += _proximity_points(c, context["points"])
        s += _SUPPORT_POINTS * min(context.get("support", {}).get(c.pid, 0), _SUPPORT_CAP)
    return s


#: points per other name with a reading near this one (coherence.py), counted up to a cap
_SUPPORT_POINTS = 2.0
_SUPPORT_CAP = 3


#: (km, points): a town or county this close to another place the article names
_NEAR = ((40.0, 2.5), (120.0, 1.5), (300.0, 0.5))


def _proximity_points(c: Any, points: list[tuple[float, float]]) -> float:
    """Places named together lie together: "Paris" in a story about Henry County and Puryear,
    Tennessee is the Tennessee town. Points for the nearest other local place of the article."""
    cos = math.cos(math.radians(c.lat))
    d2 = min((c.lat - la) ** 2 + ((c.lon - lo) * cos) ** 2 for la, lo in points)
    km = math.sqrt(d2) * 111.2  # equirectangular: exact enough below a few hundred km
    for limit, pts in _NEAR:
        if km < limit:
            return pts
    return 0.0
