"""spaCy registrations: every component factory and every Doc extension, in one place.

Importing this module registers the factories (also reachable through the
`spacy_factories` entry point, so `nlp.add_pipe("extractor_quotes")` works in a user's
own spaCy code once the package is installed). Component modules themselves register
nothing. Extension names are prefixed `extractor_` and never registered with `force=True`.

Extension values are plain JSON-like data (dicts, lists, strings, ints) so that documents
survive `nlp.pipe(..., n_process=N)` and serialisation.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: Doc extensions written by the components (all default to None = "not computed").
DOC_EXTENSIONS = (
    "extractor_published",  # ISO date the relative dates are resolved against (set by the caller)
    "extractor_layout",  # title / body / footer / dateline regions (extractor_layout)
    "extractor_actors",  # list of actor dicts (extractor_actors)
    "extractor_places",  # list of place dicts (extractor_places)
    "extractor_dates",  # list of date dicts (extractor_dates)
    "extractor_quotes",  # list of quote dicts (extractor_quotes)
    "extractor_casualties",  # list of casualty dicts (extractor_counts)
    "extractor_weapons",  # list of weapon dicts (extractor_counts)
    "extractor_warnings",  # list of warning strings, appended to by any component
)

for _ext in DOC_EXTENSIONS:
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


def add_warning(doc: Doc, message: str) -> None:
    """Append a warning to the document without sharing a mutable default."""
    if doc._.extractor_warnings is None:
        doc._.extractor_warnings = []
    if message not in doc._.extractor_warnings:
        doc._.extractor_warnings.append(message)


@Language.factory("extractor_layout")
def make_layout(nlp: Language, name: str):
    """Headline / body / "Source:" footer / dateline detection; line breaks end sentences."""
    from .components.layout import LayoutComponent

    return LayoutComponent(nlp, name)


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
