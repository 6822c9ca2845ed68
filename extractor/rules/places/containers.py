"""Place pairs: "Paris, Tenn.", "London, Ontario", "Tbilisi, Georgia", "Kangra, Himachal Pradesh".

A place followed by a comma and an area (country, first- or second-level region) names the area
that contains it, the strongest evidence an article gives for a namesake. The two names are read
together: of all (place, area) readings where the area contains the place, the one with the best
summed prior wins, so "Athens, Ga." is Athens, Georgia (US) and "Tbilisi, Georgia" is the country.
A pair with no such reading ("Kharkiv, Sumy": a list) is left to the other rules.
"""

from __future__ import annotations

import re
from typing import Any

from .candidates import abbreviated_region, contains, lookup_candidates
from .lexicon import PlacesLexicon
from .mentions import Mention
from .scoring import score_candidate

_AREA_KINDS = ("country", "admin1", "admin2")
_COMMA = re.compile(r"\s*,\s*")
#: how many of each name's best candidates are paired (the rest are hamlets abroad)
_TOP = 25


def place_pairs(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """(place, area) index pairs: mention i, a comma, mention i + 1 right after it."""
    out = []
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if b["start"] > a["end"] and _COMMA.fullmatch(text[a["end"]:b["start"]]):
            out.append((i, i + 1))
    return out


def area_candidates(m: Mention, lex: PlacesLexicon, gaz: Any) -> list[Any]:
    """The readings of the second name of a pair that are areas: an abbreviation ("Tenn.", "TX"),
    a country alias ("U.S."), or the gazetteer's countries and regions."""
    abbrev = abbreviated_region(m["name"], lex, gaz, after_place=True)
    if abbrev is not None:
        return [abbrev]
    low = m["name"].lower().removeprefix("the ")
    if low in lex.country_aliases:
        return [c for c in (gaz.country(code) for code in lex.country_aliases[low]) if c is not None]
    return [c for c in lookup_candidates(m, gaz) if c.kind in _AREA_KINDS]


def resolve_pair(place: Mention, area: Mention, lex: PlacesLexicon, gaz: Any) -> tuple[Any, Any] | None:
    """The best (place, area) readings where the area contains the place, or None."""
    outer = area_candidates(area, lex, gaz)
    if not outer:
        return None
    inner = sorted(lookup_candidates(place, gaz),
                   key=lambda c: -score_candidate(place["name"], c, place["hint"], None))[:_TOP]
    best, best_score = None, float("-inf")
    for o in outer:
        so = score_candidate(area["name"], o, area["hint"], None)
        for c in inner:
            if c.pid == o.pid or not contains(o, c):
                continue
            s = so + score_candidate(place["name"], c, place["hint"], None)
            if s > best_score:
                best, best_score = (c, o), s
    return best
