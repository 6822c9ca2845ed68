"""Cleaning a GPE / LOC entity into a place name, and the region word it carried.

"the Kharkiv region" -> ("Kharkiv", "region"); "The Hague" keeps its article; compass-point blocs,
nationality words, lower-case names and a settlement word alone ("village") are no place.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from .lexicon import PlacesLexicon

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: Capitalised region words that still mean "region" ("Kherson Oblast"); "United States",
#: "Islamic State", "Gaza Strip" keep their last word.
_CAP_REGION_WORDS = frozenset({"oblast", "province", "governorate", "region", "prefecture", "krai", "township"})


def clean_place(ent: Span, lex: PlacesLexicon, gaz: Any) -> tuple[Span | None, str | None]:
    """'the Kharkiv region' -> ('Kharkiv', 'region'); drop blocs and nationality words."""
    doc = ent.doc
    start, end = ent.start, ent.end
    hint = None
    while end > start and (doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct):
        if doc[end - 1].text == "." and doc[start:end].text in lex.region_abbrev:
            break  # "W.Va.": the period belongs to the abbreviation
        end -= 1
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        if doc[start].text == "The" and end - start >= 2 and any(
                not c.alternate for c in gaz.lookup(doc[start:end].text)):
            break  # "The Hague", "The Gambia": the article is part of the name
        start += 1
    if end - start >= 2 and doc[end - 1].lower_ in lex.region_words and (
            doc[end - 1].is_lower or doc[end - 1].lower_ in _CAP_REGION_WORDS):
        end -= 1
        hint = "region"
    if end <= start:
        return None, None
    span = doc[start:end]
    low = span.text.lower()
    if low in lex.not_places or low in lex.demonyms or not span.text[:1].isupper():
        return None, None
    if low.split()[-1] in lex.settlement_words and len(low.split()) == 1:
        return None, None
    return span, hint
