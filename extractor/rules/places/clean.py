"""Cleaning a GPE / LOC entity into a place name, and the region word it carried.

"the Kharkiv region" -> ("Kharkiv", "region"), "Sokoto State" -> ("Sokoto", "region"); "The Hague"
keeps its article; "north west London" and "Pacific equatorial" are "London" and "Pacific";
compass-point blocs, nationality words, lower-case names and a settlement word alone ("village")
are no place.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from .countries import has_main_name
from .lexicon import PlacesLexicon

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: Capitalised region words that still mean "region" ("Kherson Oblast"); "United States",
#: "Islamic State", "Gaza Strip" keep their last word.
_CAP_REGION_WORDS = frozenset({"oblast", "province", "governorate", "region", "prefecture", "krai", "township"})


def _named_state(span: Span, gaz: Any) -> bool:
    """"Sokoto State", "Washington State": a first-level region's name + "State" is that region
    ("Islamic State" is no region, so it keeps its last word)."""
    if span[-1].text != "State":
        return False
    return has_main_name(span[:-1].text, "admin1", gaz)


def clean_place(ent: Span, lex: PlacesLexicon, gaz: Any) -> tuple[Span | None, str | None]:
    """'the Kharkiv region' -> ('Kharkiv', 'region'); drop blocs and nationality words."""
    doc = ent.doc
    start, end = ent.start, ent.end
    hint = None
    while end > start and (doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct):
        if doc[end - 1].text == "." and doc[start:end].text in lex.region_abbrev:
            break  # "W.Va.": the period belongs to the abbreviation
        end -= 1
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].text in lex.direction_words):
        if doc[start].text == "The" and end - start >= 2 and any(
                not c.alternate for c in gaz.lookup(doc[start:end].text)):
            break  # "The Hague", "The Gambia": the article is part of the name
        start += 1  # "the", and "north west" in "north west London": which part, not the name
    if end - start >= 2 and doc[end - 1].lower_ in lex.region_words and (
            doc[end - 1].is_lower or doc[end - 1].lower_ in _CAP_REGION_WORDS or _named_state(doc[start:end], gaz)):
        end -= 1
        hint = "region"
    while end - start >= 2 and doc[end - 1].is_lower and doc[end - 1].is_alpha:
        end -= 1  # "Pacific equatorial (region)": a lower-case word after a name is no part of it
    if end <= start:
        return None, None
    span = doc[start:end]
    low = span.text.lower()
    if low in lex.not_places or low in lex.demonyms or not span.text[:1].isupper():
        return None, None
    if low.split()[-1] in lex.settlement_words and len(low.split()) == 1:
        return None, None
    return span, hint
