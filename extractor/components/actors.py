"""Actors: one entry per real-world person or organisation named in the article.

Reads the repaired `doc.ents` (see entities.py) and groups mentions:
- people: a short form ("Trump", "Trump's") joins the full name it is the surname of
  ("Donald Trump"); the fullest form is the name, every form an alias;
- organisations: same name, an acronym of the name ("IDF" / "Israel Defense Forces"), or the
  same country + institution ("Russia's defense ministry" / "the Russian defense ministry");
- titles come from premodifiers ("Kremlin spokesperson Dmitry Peskov") and appositions
  ("John Healey, the British defense secretary");
- the article's own publisher (footer credit, dateline agency), social-media platforms used
  as a medium ("said on Telegram") and nationalities ("Russians") are not actors.

Output: doc._.extractor_actors, ids a1.. in order of first mention. Every mention is listed
(the quotes component links speakers to actors through them).

The rules live in `extractor/rules/actors/`; this module loads the word lists and runs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from spacy.tokens import Doc

from ..extensions import doc_text
from ..lexicons import read_tsv, read_wordlist
from ..rules.actors.acronyms import link_acronyms
from ..rules.actors.captions import drop_caption_only
from ..rules.actors.facilities import settle_facilities
from ..rules.actors.fold import fold_name
from ..rules.actors.grouping import group_mentions
from ..rules.actors.institutions import CountryCodes
from ..rules.actors.known_as import merge_known_as
from ..rules.actors.lexicon import SOURCE_VERBS, ActorsLexicon
from ..rules.actors.mislabelled import merge_mislabelled
from ..rules.actors.place_names import PlaceNames, drop_place_names
from ..rules.actors.plurals import merge_party_names, merge_plurals
from ..rules.actors.render import render_actors
from ..rules.actors.short_forms import merge_short_forms
from .base import DataComponent, GazetteerUser


class ActorsComponent(GazetteerUser, DataComponent):
    """Groups PERSON / ORG (and armed-group NORP) mentions into actors."""

    DATA_FILES: ClassVar[tuple[str, ...]] = (
        "lexicons/entities/demonyms.tsv",
        "lexicons/entities/institutions.txt",
        "lexicons/entities/platforms.txt",
        "lexicons/entities/titles.txt",
        "lexicons/entities/not_actor_words.txt",
        "lexicons/entities/portfolio_words.txt",
        "lexicons/entities/event_nouns.txt",
        "lexicons/entities/event_heads.txt",
        "lexicons/entities/kind_heads.txt",
        "lexicons/entities/generic_org_words.txt",
        "lexicons/entities/belonging_nouns.txt",
        "lexicons/entities/facility_words.txt",
        "lexicons/entities/acronyms.tsv",
        "lexicons/entities/person_verbs.txt",
    )

    def _load(self, paths: dict[str, Path]) -> None:
        e = "lexicons/entities/"
        institutions = sorted((w for w in read_wordlist(paths[e + "institutions.txt"])), key=len, reverse=True)
        acronyms: dict[str, set[str]] = {}
        for row in read_tsv(paths[e + "acronyms.tsv"]):
            if len(row) >= 2:
                acronyms[row[0].replace(".", "")] = {fold_name(x) for x in row[1].split("|")}
        self.lex = ActorsLexicon(
            demonyms={r[0].lower(): r[1] for r in read_tsv(paths[e + "demonyms.tsv"])},
            institutions=institutions,
            inst_set=frozenset(w.lower() for w in institutions),
            platforms=frozenset(w.lower() for w in read_wordlist(paths[e + "platforms.txt"])),
            titles=frozenset(w.lower() for w in read_wordlist(paths[e + "titles.txt"])),
            portfolio=frozenset(w.lower() for w in read_wordlist(paths[e + "portfolio_words.txt"])),
            not_actor_words=frozenset(read_wordlist(paths[e + "not_actor_words.txt"])),
            event_nouns=frozenset(w.lower() for w in read_wordlist(paths[e + "event_nouns.txt"])),
            event_heads=frozenset(read_wordlist(paths[e + "event_heads.txt"])),
            kind_heads=frozenset(read_wordlist(paths[e + "kind_heads.txt"])),
            generic_org_words=frozenset(read_wordlist(paths[e + "generic_org_words.txt"])),
            belonging_nouns=frozenset(w.lower() for w in read_wordlist(paths[e + "belonging_nouns.txt"])),
            facility_words=frozenset(read_wordlist(paths[e + "facility_words.txt"])),
            speech_verbs=frozenset(w.lower() for w in read_wordlist(paths[e + "person_verbs.txt"])) | SOURCE_VERBS,
            acronyms=acronyms,
        )
        # country codes of possessive owners ("Russia's"), asked of the gazetteer on first need
        self.country_codes = CountryCodes(lambda: self.gazetteer)
        self.place_names = PlaceNames(lambda: self.gazetteer)

    def process(self, doc: Doc) -> None:
        groups = group_mentions(doc, self.lex, self.country_codes)
        link_acronyms(groups, self.lex.acronyms)
        merge_known_as(groups)
        groups = merge_short_forms(groups)
        groups = merge_plurals(groups)
        groups = merge_party_names(groups)
        groups = merge_mislabelled(groups)
        settle_facilities(doc, groups, self.lex)
        drop_place_names(groups, self.place_names, self.lex.titles, self.lex.speech_verbs)
        drop_caption_only(doc_text(doc), groups)
        doc._.extractor_actors = render_actors(groups, self.lex.titles)
