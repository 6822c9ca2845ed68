"""What every repair step sees for one document: the Doc and its layout, the word lists and
matchers, the memoised name-shape and gazetteer checks, and the person names the relabelling step
collects for the steps after it (which must not turn a person into a place).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from .known_places import KnownPlaces
from .lexicon import EntityLexicon
from .matchers import EntityMatchers
from .names import NameShapes


@dataclass
class EntityContext:
    """Per-document state of the entity repairs (built by the component for each Doc)."""

    doc: Doc
    text: str  # doc.text, computed once (components.base.doc_text)
    layout: dict[str, Any]  # doc._.extractor_layout: "title" and "footer" character bounds
    lex: EntityLexicon
    matchers: EntityMatchers
    places: KnownPlaces  # known_place / is_region_name / is_country_name (memoised)
    names: NameShapes  # is_name (memoised for this doc)
    #: keys of names the article uses for people (full names or surnames used twice); set by relabel
    people: set[str] = field(default_factory=set)
    #: any person reading, even once (a surname, a title, "X said"); set by relabel
    person_any: set[str] = field(default_factory=set)
    #: results of document-level scans that several steps read (e.g. the page furniture lines)
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def title_end(self) -> int:
        """Character offset where the headline ends (-1 without a headline)."""
        return (self.layout.get("title") or {}).get("end", -1)
