"""Is this name a country? The country aliases of the lexicon, then the gazetteer's main names.

Used when a place owns an institution ("Russia's defense ministry") and to keep "in Ukraine"
a place even after a verb whose "in X" is usually no place.
"""

from __future__ import annotations

from typing import Any

from .lexicon import PlacesLexicon


def is_country(text: str, lex: PlacesLexicon, gaz: Any) -> bool:
    """'the United States', 'America', 'Ukraine' (not an alternate name of a country)."""
    low = text.lower().removeprefix("the ")
    if low in lex.country_aliases:
        return True
    return any(c.kind == "country" and not c.alternate for c in gaz.lookup(text))
