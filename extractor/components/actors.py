"""PLACEHOLDER: being written (see the issue tracker); produces nothing yet."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ActorsComponent:
    """Placeholder component."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc
