"""The word lists the place rules need, loaded by components/places.py and passed in frozen.

`PlacesLexicon` holds non-places, region/settlement/water/feature/street words, country aliases,
extra places absent from GeoNames, demonyms and the heads of "in X" that make X no place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PlacesLexicon:
    """Loaded word lists (lower-cased keys)."""

    not_places: frozenset[str]
    region_words: frozenset[str]
    settlement_words: dict[str, str]  # "village" -> "village", "camp" -> "locality", ... (as written)
    country_aliases: dict[str, list[str]]  # "america" -> ["US"]; several codes when ambiguous
    extra: dict[str, dict[str, Any]]  # name -> ready reading (seas, regions GeoNames lacks)
    street_words: frozenset[str]
    water_words: frozenset[str]
    feature_words: frozenset[str]
    demonym_cc: dict[str, str]  # "lebanese" -> "LB" ("-" for no country)
    demonyms: frozenset[str]
    not_place_heads: frozenset[str]  # "wrote in X", "believe in X": X is no place
    #: "Tenn." -> ("US", "Tennessee", True); the flag is False for forms read only after "Place, "
    region_abbrev: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    resident_nouns: frozenset[str] = frozenset()  # "a Palestine man": the town, not the country
    direction_words: frozenset[str] = frozenset()  # lower-case "north", "eastern" before a name
    body_words: frozenset[str] = frozenset()  # "Police", "Council": "the X Police Department" names place X
    institutions: frozenset[tuple[str, ...]] = frozenset()  # ("army",), ("air", "force"): a state's bodies
    body_qualifiers: frozenset[str] = frozenset()  # "Superior" (Court), "Federal" (Police): no town there
    association_words: frozenset[str] = frozenset()  # "Society", "Trust": "the Jamaica Cancer Society" names Jamaica
