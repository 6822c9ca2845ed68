"""The country or first-level region an association, authority, trust or lottery is named for:
"the Jamaica Cancer Society", "the Zimbabwe Tourism Authority", "the Saint Lucia National Trust",
"the Georgia Municipal Association", "the New Jersey Lottery"; and the country an airline is named
for: "Air France", "Air Zimbabwe", "Air Canada Cargo".

Such a body works in and for the place its name starts with, and the public geoparsing sets mark
that place (GeoWebNews and LGL nearly always). The body stays an organisation (an actor). Only
names that end in one of `association_words.txt` are read (one string test), only countries and
first-level regions by their main names count (no towns: "Bristol Rovers Supporters Trust" is no
mention of Bristol here), and no initials ("US", "U.K.": our news gold does not mark those inside a
name). Newspapers, universities, departments and agencies are not read (the sets disagree on them).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from .countries import has_main_name, is_country
from .lexicon import PlacesLexicon

#: words of the body's own name between the place and the association word
_MAX_BETWEEN = 3


def _country_or_region(name: str, lex: PlacesLexicon, gaz: Any) -> bool:
    """A country or first-level region by its main name, written out ("Jamaica", "New Jersey")."""
    low = name.lower()
    if low in lex.not_places or low in lex.demonyms or "." in name or name.isupper():
        return False
    if is_country(name, lex, gaz):
        return True
    return has_main_name(name, "admin1", gaz)


def airline_country(ent: Span, lex: PlacesLexicon, gaz: Any) -> Span | None:
    """"Air France", "Air Zimbabwe": the country right after "Air" at the start of an ORG (GeoWebNews
    marks it; "Air Force" is no country, nor is "Air Jordan" tagged as a product)."""
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    if ent.doc[start].text != "Air" or start + 1 >= ent.end:
        return None
    doc = ent.doc
    for k in (3, 2, 1):
        if start + 1 + k <= ent.end:
            place = doc[start + 1:start + 1 + k]
            if all(t.is_title for t in place) and "." not in place.text and is_country(place.text, lex, gaz):
                return place
    return None


def association_place(ent: Span, lex: PlacesLexicon, gaz: Any) -> Span | None:
    """The place span an association's name starts with, or None."""
    if ent[0].text == "Air" or (ent[0].lower_ == "the" and len(ent) > 1 and ent[1].text == "Air"):
        return airline_country(ent, lex, gaz)
    if ent[-1].lower_ not in lex.association_words or len(ent) < 2:
        return None  # most names: one set look-up
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    doc = ent.doc
    if not all(t.is_title or t.lower_ in ("of", "and", "&") for t in doc[start:ent.end]):
        return None  # "Jamaica's cancer society" is read elsewhere
    for k in (3, 2, 1):
        between = ent.end - 1 - (start + k)
        if between < 0 or between > _MAX_BETWEEN:
            continue
        place = doc[start:start + k]
        if _country_or_region(place.text, lex, gaz):
            return place
    return None
