"""Resolving one place mention against the gazetteer: the reading ("res") a mention gets.

Country aliases ("America", "U.S."), region abbreviations ("Tenn."), continents and the extra
places of the lexicon first; then the best GeoNames candidate by `score_candidate` (scoring.py),
refused when the score is too low, the match a loose alternate name, or a hamlet abroad; a city
that is also its own region is the city.
"""

from __future__ import annotations

from typing import Any

from ..entities.known_places import strong_name_match
from .candidates import abbreviated_region, lookup_candidates
from .lexicon import PlacesLexicon
from .mentions import Mention
from .scoring import PlaceContext, score_candidate

#: a resolved place: name, type, country_code, admin1, lat, lon, pid (and pop, alt from the gazetteer)
Reading = dict[str, Any]


def resolve_mention(m: Mention, context: PlaceContext | None, lex: PlacesLexicon, gaz: Any) -> Reading | None:
    """The reading of mention `m` in the article's `context` (None: no context yet)."""
    name, hint = m["name"], m["hint"]
    low = name.lower()
    resident = bool(m.get("resident"))
    if low in lex.country_aliases and not resident:
        codes = lex.country_aliases[low]
        code = codes[0]
        if context and len(codes) > 1:
            code = max(codes, key=lambda c: (context["cc"].get(c, 0), -codes.index(c)))
        region = gaz.admin1(code, name)
        if region is not None and region.name.lower() == low:
            return from_candidate(region, hint, name, gaz)  # "England": GB's first-level region
        c = gaz.country(code)
        if c is not None:
            return from_candidate(c, hint, name, gaz)
    abbrev = abbreviated_region(name, lex, gaz, after_place=False)
    if abbrev is not None:
        return {**from_candidate(abbrev, "region", name, gaz), "abbrev": True}
    cands = lookup_candidates(m, gaz)
    continent = next((c for c in cands if c.kind == "continent" and not c.alternate), None)
    if continent is not None:  # GeoNames' point, not the lexicon's hand-written one
        return from_candidate(continent, hint, name, gaz)
    if low in lex.extra:
        return dict(lex.extra[low])
    if not cands:
        return None
    best = max(cands, key=lambda c: score_candidate(name, c, hint, context, resident))
    if score_candidate(name, best, hint, context, resident) < -4:
        return None
    if not strong_name_match(name, best) and not best.capital \
            and not (context and context["cc"].get(best.country_code or "")):
        return None  # a loose alternate name is only believable inside the article's countries
        # (or for a capital: "Kiev"); "White House" is not Casablanca
    if best.kind in ("admin1", "admin2") and hint != "region":
        best = city_named_like_region(name, best, cands)
        if best.kind != "city" and not (context and context["cc"].get(best.country_code or "")):
            best = _big_city_elsewhere(name, best, cands)
    if context and context["named"] and best.kind in ("city", "admin1", "admin2") and best.population < 100000 \
            and not context["cc"].get(best.country_code or "") and not context.get("support", {}).get(best.pid):
        return None  # a hamlet (or a small region: "West Coast", NZ) abroad is a worse guess than the
        # sentence's own country (one the article names; an "Irish pub" does not make Rock Hill
        # foreign), unless other places of the article lie next to it (Jonesboro, Clayton County)
    res = from_candidate(best, hint, name, gaz)
    if name.split()[-1].lower() in lex.water_words:
        res["type"] = "water"
    return res


#: a city this big, named exactly like a region, can be the one meant even in another country
_BIG_CITY = 100000


def _big_city_elsewhere(name: str, region: Any, cands: tuple[Any, ...]) -> Any:
    """"Gaza", "Barcelona": the largest city of 100,000+ called exactly so, and at least a quarter
    of the region's size, wins over a region of that name in a country the article does not
    otherwise name (Gaza, Mozambique; the province of Barcelona). "Ontario" stays the province:
    Ontario, California is too small beside it."""
    cities = [c for c in cands if c.kind == "city" and not c.alternate and c.population >= _BIG_CITY
              and c.population >= 0.25 * region.population]
    return max(cities, key=lambda c: c.population) if cities else region


def city_named_like_region(name: str, region: Any, cands: tuple[Any, ...]) -> Any:
    """"Kyiv", "Khartoum", "Manchester": a city that is also its own region is meant as the city."""
    for c in cands:
        if c.kind == "city" and c.country_code == region.country_code and strong_name_match(name, c) \
                and (c.capital or c.population >= 0.25 * region.population):
            return c
    return region


def from_candidate(c: Any, hint: str | None, name: str, gaz: Any) -> Reading:
    """The reading of gazetteer candidate `c`, typed by its kind and the text's hint."""
    if c.kind == "country":
        kind = "country"
    elif c.kind == "continent":
        kind = "other"
    elif c.kind in ("admin1", "admin2") or hint == "region":
        kind = "region"
    elif hint in ("village", "locality", "other"):
        kind = hint
    else:
        kind = "village" if 0 < c.population < 2000 else "city"
    res = {"name": c.name, "type": kind, "country_code": c.country_code,
           "admin1": c.admin1 if c.kind != "country" else None, "lat": c.lat, "lon": c.lon, "pid": c.pid,
           "pop": c.population, "alt": c.alternate, "geonameid": c.geonameid, "kind": c.kind}
    if kind == "region" and c.kind == "city":  # "the Kharkiv region" resolved through its capital
        region = gaz.admin1(c.country_code, c.admin1) if c.admin1 else None
        if region is not None:
            res.update(lat=region.lat, lon=region.lon, pid=region.pid, geonameid=region.geonameid)
        else:
            res.update(pid=None, geonameid=None)
    return res
