"""The place a local public body is named for: "the Beverly Hills Police Department", "Clarke County
Superior Court", "the Levy County Sheriff's Office", "Dublin City Council", "Maryland State Police",
"the Ohio National Guard", "McMinn County Sheriff Steve Frisbie" (a sheriff tagged with his name).

Police, sheriffs, fire services, councils, courts, jails and state departments are named for the
town, county or state they serve, so the name they start with is a mention of that place (the
geoparsing sets mark it so: "Beverly Hills", "Clarke County", "Maryland"). The body itself stays an
organisation (an actor). Not read here: a country's institutions ("the U.S. Department of
Agriculture": a nation's body, see `mentions._institution_owner`), schools, universities,
newspapers and firms ("Norfolk High School", "the Washington Times": no jurisdiction), and
names whose first word only looks like a town ("Security Council", "Supreme Court").

Read on the tagger's ORG entities, on PERSON/FAC ones for a titled officer or a seat ("Paris City
Hall", "the Polk County Jail") and on place entities that hold a whole body's name ("the Titus
County Jail" tagged GPE); a name without a body word is dismissed with one string test, the rest
cost a handful of gazetteer look-ups each: no scan of the document.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from .countries import has_main_name, is_country
from .lexicon import PlacesLexicon

#: the place is a town or county the gazetteer knows with at least this population, or a county
#: or region, or a town the article also names as a place on its own
MIN_TOWN_POP = 15000
#: words between the place and the body word that still name the jurisdiction ("Clarke County
#: Superior Court", "Dublin City Council", "Maryland State Police"): part of neither
_JURISDICTION_WORDS = frozenset({"city", "county", "parish", "state", "town", "township", "borough", "village"})
#: buildings of a local body that carry its town's or county's name
_SEAT_BUILDINGS = frozenset({"hall", "jail", "courthouse"})
_GLUE = frozenset({"of", "and", "&", "'s", "’s"})
_ABBREVIATED = frozenset({"St.", "Ft.", "Mt."})


def _name_tokens(span: Span) -> bool:
    """Capitalised words only ("Beverly Hills", "St. Louis", "NEW LONDON")."""
    return all(t.text in _ABBREVIATED or (t.is_alpha and (t.is_title or t.is_upper)) for t in span)


def _known_town(name: str, lex: PlacesLexicon, gaz: Any, local: frozenset[str], county: bool = False) -> bool:
    """A town, county or region by its main name (no country: a nation's bodies are not read
    here); "Mayo County" may name its county by an alternate name."""
    low = name.lower()
    if low in lex.not_places or low in lex.demonyms or low in lex.country_aliases or \
            low.split()[0] in lex.body_qualifiers or is_country(name, lex, gaz):
        return False
    for c in gaz.lookup(name):
        if county and c.kind in ("admin1", "admin2"):
            return True
        if c.alternate or c.name.lower() != low:
            continue
        if c.kind in ("admin1", "admin2") or c.population >= MIN_TOWN_POP or low in local:
            return True
    return False


#: body words that need a qualifier or a jurisdiction word between them and the place: "Rye
#: Court" and "Lincoln Hall" are a street and a building, "Clarke County Superior Court",
#: "Paris City Hall" are bodies
_QUALIFIED = frozenset({"court", "hall"})


def _body_after(doc: Any, rest: int, end: int, skipped: bool, officer: bool, lex: PlacesLexicon) -> bool:
    """Does a body word follow at `rest` (within three capitalised words; one for an officer)?"""
    window = doc[rest:min(end, rest + (1 if officer else 3))]
    if not all(t.is_title or t.is_upper or t.lower_ in _GLUE for t in window):
        return False
    for j, t in enumerate(window):
        if t.lower_ in lex.body_words:
            if t.lower_ not in _QUALIFIED:
                return True
            prev = window[j - 1].lower_ if j else ""
            nxt = doc[t.i + 1].lower_ if t.i + 1 < end else ""
            return (j == 0 and skipped) or (nxt == "of" and t.lower_ == "court") or \
                prev in lex.body_qualifiers or prev in _JURISDICTION_WORDS
    return False


def body_place(ent: Span, lex: PlacesLexicon, gaz: Any, local: frozenset[str]) -> Span | None:
    """The place span a local body's name starts with, or None. `local` holds the lower-cased
    names the article tags as places on their own (a small town counts when it is among them)."""
    if lex.body_words.isdisjoint(ent.text.lower().replace("’", " ").replace("'", " ").split()):
        return None  # no body word at all: most names (one string operation, no token walk)
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    end = ent.end
    doc = ent.doc
    officer = ent.label_ in ("PERSON", "FAC")  # "McMinn County Sheriff Steve Frisbie", "Paris City Hall"
    for k in range(min(3, end - start - 1), 0, -1):
        place = doc[start:start + k]
        if not _name_tokens(place) or (k > 1 and place[-1].lower_ in _JURISDICTION_WORDS and not (
                place[-1].lower_ == "city" and has_main_name(place.text, "city", gaz))):
            continue  # "Dublin City" (Council): the town is "Dublin" (but "Boulder City" is a town)
        rest = start + k
        county = rest < end - 1 and doc[rest].lower_ in ("county", "parish")
        while rest < end - 1 and doc[rest].lower_ in _JURISDICTION_WORDS and doc[rest].is_title:
            rest += 1
        if not _body_after(doc, rest, end, rest > start + k, officer, lex):
            continue
        if ent.label_ == "FAC" and doc[rest].lower_ not in _SEAT_BUILDINGS:
            continue  # a building is named for its town only as its seat ("Paris City Hall", "Polk County Jail")
        if county and _known_town(doc[start:start + k + 1].text, lex, gaz, local, county=True):
            return doc[start:start + k + 1]  # "Clarke County" (Superior Court), "Mayo County" (Council)
        if _known_town(place.text, lex, gaz, local):
            return place
    return None
