"""Is this name a country? The country aliases of the lexicon, then the gazetteer's main names
(`has_main_name` asks the same of any kind of place).

Used when a place owns an institution ("Russia's defense ministry") and to keep "in Ukraine"
a place even after a verb whose "in X" is usually no place.
"""

from __future__ import annotations

from typing import Any

from .lexicon import PlacesLexicon


def has_main_name(name: str, kind: str, gaz: Any) -> bool:
    """Does the gazetteer know a place of `kind` ("city", "admin1", ...) whose main name (not an
    alternate one) is `name`, case aside ("Sokoto" the state, "Boulder City" the town)?"""
    low = name.lower()
    return any(c.kind == kind and not c.alternate and c.name.lower() == low for c in gaz.lookup(name))


def is_country(text: str, lex: PlacesLexicon, gaz: Any) -> bool:
    """'the United States', 'America', 'Ukraine' (not an alternate name of a country)."""
    low = text.lower().removeprefix("the ")
    if low in lex.country_aliases:
        return True
    return any(c.kind == "country" and not c.alternate for c in gaz.lookup(text))
