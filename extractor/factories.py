"""spaCy registrations: every component factory, in one place.

Importing this module registers the factories (also reachable through the
`spacy_factories` entry point, so `nlp.add_pipe("extractor_quotes")` works in a user's
own spaCy code once the package is installed). Component modules themselves register
nothing. Extension names are prefixed `extractor_` and never registered with `force=True`.

The Doc extensions themselves, and `add_warning`, live in `extensions` (below the components).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from . import extensions  # noqa: F401  (registers the Doc extensions)


@Language.factory("extractor_layout", default_config={"max_sentence_tokens": 250})
def make_layout(nlp: Language, name: str, max_sentence_tokens: int):
    """Headline / body / "Source:" footer / dateline detection; line breaks end sentences, and
    no stretch without a sentence end reaches the parser longer than `max_sentence_tokens`."""
    from .components.layout import LayoutComponent

    return LayoutComponent(nlp, name, max_sentence_tokens=max_sentence_tokens)


@Language.factory("extractor_attribute_ruler", assigns=["token.tag", "token.pos", "token.morph", "token.lemma"],
                  default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool):
    """spaCy's attribute ruler with memoised matching; `pipeline.build_pipeline` puts it in place
    of the base model's, with its patterns (see components/tagging_memo.py)."""
    from .components.tagging_memo import MemoAttributeRuler

    return MemoAttributeRuler(nlp.vocab, name, validate=validate)


@Language.factory("extractor_lemmatizer", assigns=["token.lemma"],
                  default_config={"model": None, "mode": "rule", "overwrite": False})
def make_lemmatizer(nlp: Language, name: str, model: Any, mode: str, overwrite: bool):
    """spaCy's English rule lemmatizer, memoised; put in place of the base model's, with its
    tables (see components/tagging_memo.py)."""
    from .components.tagging_memo import MemoLemmatizer

    return MemoLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)


@Language.factory("extractor_entities")
def make_entities(nlp: Language, name: str):
    """Repairs the pretrained NER: line-break splits, document-level labels, known places."""
    from .components.entities import EntityFixer

    return EntityFixer(nlp, name)


@Language.factory("extractor_actors")
def make_actors(nlp: Language, name: str):
    """Groups PERSON/ORG mentions into one actor per real-world entity."""
    from .components.actors import ActorsComponent

    return ActorsComponent(nlp, name)


@Language.factory("extractor_places")
def make_places(nlp: Language, name: str):
    """Named places, geocoded offline against a compact GeoNames/pycountry index."""
    from .components.places import PlacesComponent

    return PlacesComponent(nlp, name)


@Language.factory("extractor_dates")
def make_dates(nlp: Language, name: str):
    """Date expressions resolved against the publication date."""
    from .components.dates import DatesComponent

    return DatesComponent(nlp, name)


@Language.factory("extractor_quotes")
def make_quotes(nlp: Language, name: str):
    """Quotations and their speakers."""
    from .components.quotes import QuotesComponent

    return QuotesComponent(nlp, name)


@Language.factory("extractor_counts")
def make_counts(nlp: Language, name: str):
    """Casualty counts and drone/missile counts with their actions."""
    from .components.counts import CountsComponent

    return CountsComponent(nlp, name)
