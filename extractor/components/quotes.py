"""Quotations and their speakers (`doc._.extractor_quotes`): the spaCy component.

It loads the word lists under `models/lexicons/quotes/` into a `QuoteLexicon`, finds the
quoted stretches and hands them to the rules in `extractor/rules/quotes/` (see that package's
docstring for how a quotation and its speaker are found).

Multi-fragment quotations: `start`/`end` span the first fragment start to the last fragment
end, `fragments` hold the exact pieces, and the top-level `text` is the fragment texts joined
with " … " (so `text == doc.text[start:end]` holds for single-fragment quotations and for every
fragment, not for the joined text of a multi-fragment one).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_warning, doc_text
from ..lexicons import read_json, read_wordlist
from ..rules.quotes.assemble import quotations
from ..rules.quotes.context import QuoteContext
from ..rules.quotes.lexicon import QuoteLexicon
from ..rules.quotes.marks import find_stretches
from .base import DataComponent

_SPEECH = "lexicons/quotes/speech_verbs.txt"
_WORKS = "lexicons/quotes/work_nouns.txt"
_SPEAKER_NOUNS = "lexicons/quotes/speaker_nouns.txt"
_RESOLUTION = "lexicons/quotes/resolution.json"
_RESOLUTION_KEYS = ("directive_verbs", "document_nouns", "person_roles", "non_speakers", "gendered_words",
                    "title_abbreviations", "org_nominals", "relay_nouns",
                    "naming_verbs", "office_titles", "speech_nouns", "leader_nouns", "staff_titles", "opinion_verbs",
                    "media_roles")
_DEMONYMS = "lexicons/entities/demonyms.tsv"
_COUNTRY_ALIASES = "lexicons/places/country_aliases.tsv"


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _country_names() -> list[tuple[str, str]]:
    """(lower-case short name, ISO code) of every country pycountry knows by a one- or two-word
    name or common name ("china", "france", "south korea"; the gazetteer is built from the same data)."""
    import pycountry

    out = []
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None)):
            if name and "," not in name and len(name.split()) <= 2:
                out.append((name.lower(), c.alpha_2))
    return out


def _rows(path: Path) -> list[list[str]]:
    """The tab-separated rows of a lexicon file."""
    return [line.split("\t") for line in read_wordlist(path)]


class QuotesComponent(DataComponent):
    """Quotations (direct and partial, split ones as one) with cue and speaker."""

    DATA_FILES = (_SPEECH, _WORKS, _SPEAKER_NOUNS, _RESOLUTION, _DEMONYMS, _COUNTRY_ALIASES)

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.lexicon = QuoteLexicon()

    def _load(self, paths: dict[str, Path]) -> None:
        speech = _lower_set(read_wordlist(paths[_SPEECH]))
        works = _lower_set(read_wordlist(paths[_WORKS]))
        speaker_nouns = _lower_set(read_wordlist(paths[_SPEAKER_NOUNS]))
        data = read_json(paths[_RESOLUTION], allowed_keys=_RESOLUTION_KEYS)
        nations = {r[0].lower(): r[1].split()[0] for r in _rows(paths[_COUNTRY_ALIASES]) if len(r) > 1}
        nations.update({r[0].lower(): r[1] for r in _rows(paths[_DEMONYMS]) if len(r) > 1})
        for name, code in _country_names():  # "China", "France": a country by its own name
            nations.setdefault(name, code)
        for demonym, code in list(nations.items()):  # "Russia", "Syria" from "Russian", "Syrian"
            if demonym.endswith("ian") and " " not in demonym:
                nations.setdefault(demonym[:-1], code)
        self.lexicon = QuoteLexicon(
            speech=speech, works=works, speaker_nouns=speaker_nouns,
            directive_verbs=_lower_set(data.get("directive_verbs", [])),
            document_nouns=_lower_set(data.get("document_nouns", [])),
            person_roles=_lower_set(data.get("person_roles", [])), nations=nations,
            non_speakers=_lower_set(data.get("non_speakers", [])),
            gendered={w.lower(): g[0] for g, ws in (data.get("gendered_words") or {}).items() for w in ws},
            title_abbreviations={k.lower(): v.lower() for k, v in (data.get("title_abbreviations") or {}).items()},
            org_nominals={k.lower(): _lower_set(v) for k, v in (data.get("org_nominals") or {}).items()},
            relay_nouns=_lower_set(data.get("relay_nouns", [])),
            naming_verbs=_lower_set(data.get("naming_verbs", [])),
            office_titles=_lower_set(data.get("office_titles", [])),
            speech_nouns=_lower_set(data.get("speech_nouns", [])),
            leader_nouns=_lower_set(data.get("leader_nouns", [])),
            staff_titles=_lower_set(data.get("staff_titles", [])),
            opinion_verbs=_lower_set(data.get("opinion_verbs", [])),
            media_roles=_lower_set(data.get("media_roles", [])))

    def process(self, doc: Doc) -> None:
        text = doc_text(doc)
        layout = doc._.extractor_layout or {}
        title = layout.get("title")
        title_span = (title["start"], title["end"]) if title else None
        stretches, warnings = find_stretches(text, title_span)
        for w in warnings:
            add_warning(doc, w)
        if not stretches:
            doc._.extractor_quotes = []
            return
        ctx = QuoteContext.build(doc, text, stretches, self.lexicon)
        doc._.extractor_quotes = quotations(ctx)
