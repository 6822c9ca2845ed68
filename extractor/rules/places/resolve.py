"""Resolving one place mention against the gazetteer: the reading ("res") a mention gets.

Country aliases ("America", "U.S.") and the extra places of the lexicon first; then the best
GeoNames candidate by `score_candidate` (scoring.py), refused when the score is too low, the match
a loose alternate name, or a hamlet abroad; a city that is also its own region is the city.
"""

from __future__ import annotations

from typing import Any

from ..entities.known_places import strong_name_match
from .lexicon import PlacesLexicon
from .mentions import Mention
from .scoring import PlaceContext, score_candidate

#: a resolved place: name, type, country_code, admin1, lat, lon, pid (and pop, alt from the gazetteer)
Reading = dict[str, Any]


def resolve_mention(m: Mention, context: PlaceContext | None, lex: PlacesLexicon, gaz: Any) -> Reading | None:
    """The reading of mention `m` in the article's `context` (None: no context yet)."""
    name, hint = m["name"], m["hint"]
    low = name.lower()
    if low in lex.country_aliases:
        codes = lex.country_aliases[low]
        code = codes[0]
        if context and len(codes) > 1:
            code = max(codes, key=lambda c: (context["cc"].get(c, 0), -codes.index(c)))
        c = gaz.country(code)
        if c is not None:
            return from_candidate(c, hint, name, gaz)
    if low in lex.extra:
        return dict(lex.extra[low])
    cands = gaz.lookup(name)
    if not cands:
        return None
    best = max(cands, key=lambda c: score_candidate(name, c, hint, context))
    if score_candidate(name, best, hint, context) < -4:
        return None
    if not strong_name_match(name, best) and not (context and context["cc"].get(best.country_code or "")):
        return None  # a loose alternate name is only believable inside the article's countries
    if best.kind == "admin1" and hint != "region":
        best = _city_named_like_region(name, best, cands)
    if context and context["cc"] and best.kind == "city" and best.population < 100000 and \
            not context["cc"].get(best.country_code or ""):
        return None  # a hamlet abroad is a worse guess than the sentence's own country
    res = from_candidate(best, hint, name, gaz)
    if name.split()[-1].lower() in lex.water_words:
        res["type"] = "water"
    return res


def _city_named_like_region(name: str, region: Any, cands: tuple[Any, ...]) -> Any:
    """"Kyiv", "Khartoum": a city that is also its own region is meant as the city."""
    for c in cands:
        if c.kind == "city" and c.country_code == region.country_code and strong_name_match(name, c) \
                and (c.capital or c.population >= 0.25 * region.population):
            return c
    return region


def from_candidate(c: Any, hint: str | None, name: str, gaz: Any) -> Reading:
    """The reading of gazetteer candidate `c`, typed by its kind and the text's hint."""
    if c.kind == "country":
        kind = "country"
    elif c.kind == "admin1" or hint == "region":
        kind = "region"
    elif hint in ("village", "locality", "other"):
        kind = hint
    else:
        kind = "village" if 0 < c.population < 2000 else "city"
    res = {"name": c.name, "type": kind, "country_code": c.country_code,
           "admin1": c.admin1 if c.kind != "country" else None, "lat": c.lat, "lon": c.lon, "pid": c.pid,
           "pop": c.population, "alt": c.alternate}
    if kind == "region" and c.kind == "city":  # "the Kharkiv region" resolved through its capital
        region = gaz.admin1(c.country_code, c.admin1) if c.admin1 else None
        if region is not None:
            res.update(lat=region.lat, lon=region.lon, pid=region.pid)
        else:
            res["pid"] = None
    return res
