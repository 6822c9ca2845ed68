"""The word lists the entity repairs read, loaded once by the component from `models/lexicons/`
and handed to every rule in one frozen object (nothing here reads a file).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityLexicon:
    """Loaded word lists (lower-cased where the rules compare lower-case forms)."""

    not_places: frozenset[str]  # words never a place ("Reading", "Nice", "UN")
    region_words: frozenset[str]  # "region", "province", "oblast", "districts"
    settlement_words: dict[str, str]  # "villages" -> "village": settlement nouns and their kind
    country_aliases: dict[str, list[str]]  # "u.s." -> ["US"]: other names of countries
    extra_places: dict[str, list[str]]  # places the gazetteer lacks (lower-case name -> row)
    demonyms: dict[str, str]  # "ukrainian" -> country
    street_words: frozenset[str]  # "Road", "Street": a name ending in one is a place
    institutions: tuple[tuple[str, ...], ...]  # ("defense", "ministry"), ("air", "force")
    titles: frozenset[str]  # "mr.", "president", "governor"
    person_verbs: frozenset[str]  # lemmas whose subject is a person ("say", "tell")
    units: frozenset[str]  # "corps", "brigade": "14th" + "Army Corps"
    not_place_heads: frozenset[str]  # "wrote in Politico", "believe in Satan"
    vessel_prefixes: frozenset[str]  # "USS", "MV", "HMS"
    feature_words: frozenset[str]  # "pass", "river", "sea" (natural features and waters)
    compound_modifiers: frozenset[str]  # "based", "backed": "London-based"
    furniture_starts: tuple[str, ...]  # "sign up", "click here": a line starting so is page furniture
    furniture_anywhere: tuple[str, ...]  # "all rights reserved": page furniture anywhere in a line
    weapon_names: frozenset[str]  # "Patriot", "Iskander": weapon systems wherever they are tagged
    weapon_context_names: frozenset[str]  # "Abrams", "Black Hawk": weapons only before a weapon noun
    weapon_nouns: frozenset[str]  # "tanks", "helicopters", "missiles"
    storm_nouns: frozenset[str]  # "hurricane", "typhoon", "storm"
    document_words: frozenset[str]  # "treaty", "charter", "agreements"
    admin_unit_words: frozenset[str]  # "County", "Parish", "Oblast": "Rapides Parish" is a place
    resident_nouns: frozenset[str]  # "residents", "native": "Gainesville residents" says place
    place_object_verbs: frozenset[str]  # "capture", "shell": their object is a place
    legislatures: tuple[str, ...]  # "Verkhovna Rada", "State Duma" (as written): bodies, never places
    motion_verbs: frozenset[str]  # "move", "drive": their "to X" / "from X" is a place
    historical_countries: frozenset[str]  # "ussr", "soviet union": countries that no longer exist
    #: "N.C." -> ("US", "North Carolina", "any"): where "pair" ("Wash.", "TX") only after "Place, "
    region_abbreviations: dict[str, tuple[str, str, str]]  # "N.C." -> ("US", "North Carolina"), as written
    name_suffixes: frozenset[str] = frozenset()  # "Jr", "III" (as written): the surname is before them
    feature_leads: frozenset[str] = frozenset()  # "col", "cape", "lake": "Col du Tourmalet" is a place
    facility_words: frozenset[str] = frozenset()  # "hospital", "school": "Lake Forest Hospital" is none
