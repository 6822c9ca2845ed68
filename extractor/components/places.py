"""Places: every named place in the article, geocoded offline and merged across spellings.

Sources of mentions (after entities.py has repaired the labels):
- GPE / LOC entities (minus compass-point blocs and nationality words);
- the country inside an institution actor ("Russia's defense ministry" -> Russia);
- the wire dateline ("KYIV, Ukraine (AP) —").
Nothing else: raw tokens are never matched against the gazetteer, so common words (Of,
Mobile, Reading, Nice, Bath) only become places when the tagger or a place context says so.

Geocoding (extractor/gazetteer.py, loaded on the first look-up): country aliases and
seas/regions from models/lexicons/places first, then GeoNames candidates scored by kind
(a country, or a region when the text says "region"), population, closeness of spelling and
the article's context (countries and regions it mentions: Pokrovsk in a Ukraine story is the
Ukrainian one). A village absent from the gazetteer keeps the region/country named in its
sentence ("Kolisnykivka, a village in the Kharkiv region" -> UA, Kharkivska oblast).
Mentions of one place ("U.S.", "US", "America", "the United States") are one entry.

The rules live in `extractor/rules/places/` (candidate scoring in scoring.py, one mention's
resolution in resolve.py, the document-level passes in document_context.py); this module
loads the word lists and runs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from spacy.tokens import Doc

from ..lexicons import read_tsv, read_wordlist
from ..rules.places.document_context import resolve_in_context
from ..rules.places.lexicon import PlacesLexicon
from ..rules.places.mentions import collect_mentions, drop_unplaced_media
from ..rules.places.merge import merge_places
from ..rules.places.sentence_fill import fill_from_sentence
from .base import DataComponent, GazetteerUser


class PlacesComponent(GazetteerUser, DataComponent):
    """Collects, geocodes and merges place mentions into doc._.extractor_places."""

    DATA_FILES: ClassVar[tuple[str, ...]] = (
        "lexicons/places/not_places.txt",
        "lexicons/places/region_words.txt",
        "lexicons/places/settlement_words.txt",
        "lexicons/places/country_aliases.tsv",
        "lexicons/places/extra_places.tsv",
        "lexicons/places/water_words.txt",
        "lexicons/places/feature_words.txt",
        "lexicons/places/street_words.txt",
        "lexicons/entities/demonyms.tsv",
        "lexicons/places/not_place_heads.txt",
        "lexicons/places/region_abbreviations.tsv",
        "lexicons/places/resident_nouns.txt",
        "lexicons/places/direction_words.txt",
        "lexicons/places/body_words.txt",
        "lexicons/places/body_qualifiers.txt",
        "lexicons/places/association_words.txt",
        "lexicons/entities/institutions.txt",
    )

    def _load(self, paths: dict[str, Path]) -> None:
        p = "lexicons/places/"
        extra = {}
        for r in read_tsv(paths[p + "extra_places.tsv"]):
            extra[r[0].lower()] = {
                "name": r[0], "type": r[1], "country_code": None if r[2] == "-" else r[2],
                "admin1": None if r[3] == "-" else r[3], "lat": float(r[4]), "lon": float(r[5])}
        demonym_cc = {r[0].lower(): r[1] for r in read_tsv(paths["lexicons/entities/demonyms.tsv"])}
        self.lex = PlacesLexicon(
            not_places=frozenset(w.lower() for w in read_wordlist(paths[p + "not_places.txt"])),
            region_words=frozenset(w.lower() for w in read_wordlist(paths[p + "region_words.txt"])),
            settlement_words={r[0]: r[1] for r in read_tsv(paths[p + "settlement_words.txt"])},
            country_aliases={r[0].lower(): r[1].split() for r in read_tsv(paths[p + "country_aliases.tsv"])},
            extra=extra,
            street_words=frozenset(w.lower() for w in read_wordlist(paths[p + "street_words.txt"])),
            water_words=frozenset(w.lower() for w in read_wordlist(paths[p + "water_words.txt"])),
            feature_words=frozenset(w.lower() for w in read_wordlist(paths[p + "feature_words.txt"])),
            demonym_cc=demonym_cc,
            demonyms=frozenset(demonym_cc),
            not_place_heads=frozenset(w.lower() for w in read_wordlist(paths[p + "not_place_heads.txt"])),
            region_abbrev={r[0]: (r[1], r[2], r[3] == "any")
                           for r in read_tsv(paths[p + "region_abbreviations.tsv"])},
            resident_nouns=frozenset(w.lower() for w in read_wordlist(paths[p + "resident_nouns.txt"])),
            direction_words=frozenset(read_wordlist(paths[p + "direction_words.txt"])),
            body_words=frozenset(w.lower() for w in read_wordlist(paths[p + "body_words.txt"])),
            body_qualifiers=frozenset(w.lower() for w in read_wordlist(paths[p + "body_qualifiers.txt"])),
            association_words=frozenset(w.lower() for w in read_wordlist(paths[p + "association_words.txt"])),
            institutions=frozenset(tuple(w.lower().split())
                                   for w in read_wordlist(paths["lexicons/entities/institutions.txt"])),
        )

    def process(self, doc: Doc) -> None:
        gaz = self.gazetteer
        mentions = collect_mentions(doc, self.lex, gaz)
        if not mentions:
            doc._.extractor_places = []
            return
        resolve_in_context(doc, mentions, self.lex, gaz)  # pass 1 without, pass 2 with context
        drop_unplaced_media(mentions)
        fill_from_sentence(mentions, self.lex)
        doc._.extractor_places = merge_places(doc, mentions)
