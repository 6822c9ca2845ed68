"""The gazetteer readings a mention can have, before any scoring.

Besides the gazetteer's own names: a newspaper abbreviation of a region ("Tenn.", "Calif.",
"Ont."; the two-letter postal codes only right after a place and a comma, "Paris, TX"), and a
county or parish named in a list ("Laurel and Whitley counties" -> "Laurel County").
"""

from __future__ import annotations

from typing import Any

from .lexicon import PlacesLexicon
from .mentions import Mention

#: region words after a name that make it a second-level region, and the word its full name ends in
_COUNTY_WORDS = {"county": "County", "counties": "County", "parish": "Parish", "parishes": "Parish",
                 "borough": "Borough", "boroughs": "Borough"}


def abbreviated_region(name: str, lex: PlacesLexicon, gaz: Any, after_place: bool) -> Any:
    """The first-level region a newspaper abbreviation stands for ("Tenn." -> Tennessee), or None.
    Forms marked "pair" in the lexicon count only `after_place` ("Paris, TX")."""
    hit = None
    for form in (name, name.replace(" ", "")):  # "W. Va." / "W.Va."; "W.Va" when the tagger left
        hit = lex.region_abbrev.get(form) or lex.region_abbrev.get(form + ".")  # the last "." out
        if hit is not None:
            break
    if hit is None:
        return None
    cc, region, anywhere = hit
    if not anywhere and not after_place:
        return None
    return gaz.admin1(cc, region)


def county_form(m: Mention) -> str | None:
    """"Laurel" in "Laurel and Whitley counties" -> "Laurel County" (None for other mentions)."""
    word = _COUNTY_WORDS.get(m.get("region_word") or "")
    if word is None or m["name"].split()[-1].lower() in _COUNTY_WORDS:
        return None
    return f"{m['name']} {word}"


def lookup_candidates(m: Mention, gaz: Any) -> tuple[Any, ...]:
    """The gazetteer's candidates for the mention: its county form first when the text says
    "counties" / "parish" after it and the name is no state or country itself ("Indiana
    counties" are counties in Indiana), else its name."""
    plain = gaz.lookup(m["name"])
    form = county_form(m)
    if form is not None and not any(c.kind in ("country", "admin1") and not c.alternate for c in plain):
        cands = gaz.lookup(form)
        if cands:
            return cands
    return plain


def contains(outer: Any, inner: Any) -> bool:
    """Does area `outer` (country, first- or second-level region) contain place `inner`?"""
    if outer.kind == "country":
        return inner.country_code == outer.country_code and inner.kind != "country"
    if outer.kind == "admin1":
        return inner.country_code == outer.country_code and inner.admin1 == outer.admin1 \
            and inner.kind not in ("country", "admin1")
    if outer.kind == "admin2":  # cities carry no county: same region and near its point
        from ...gazetteer import distance_km

        return inner.kind == "city" and inner.country_code == outer.country_code \
            and inner.admin1 == outer.admin1 and None not in (inner.lat, outer.lat) \
            and distance_km((inner.lat, inner.lon), (outer.lat, outer.lon)) < 60
    return False
