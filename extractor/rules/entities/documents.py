"""Named documents are neither actors nor places: "the UN Charter", "the Budapest Memorandum",
"the Treaty of Versailles" (a name headed by a document noun), and "the Minsk agreements", "the
Normandy format" (a place's name before a lower-case document noun: the document is named after
the city, the story is not there). They become LAW spans.
"""

from __future__ import annotations

from spacy.tokens import Span

from .common import PLACE_LABELS
from .context import EntityContext

_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT"})


def _headed_by_document(e: Span, words: frozenset[str]) -> bool:
    """"UN Charter", "Union State Foundation Treaty" (a capitalised last word), "Treaty of
    Versailles", "Charter of the United Nations" (a capitalised first word before "of")."""
    if len(e) >= 2 and e[-1].is_title and e[-1].lower_ in words:
        return True
    first = 1 if e[0].lower_ == "the" else 0
    return len(e) >= first + 3 and e[first].is_title and e[first].lower_ in words and e[first + 1].lower_ in (
        "of", "on")


def documents(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Document names become LAW; a place right before a lower-case document noun joins it."""
    doc, words = ctx.doc, ctx.lex.document_words
    out: list[Span] = []
    for e in ents:
        if e.label_ in _NAME_LABELS and _headed_by_document(e, words):
            e = Span(doc, e.start, e.end, "LAW")
        elif e.label_ in _NAME_LABELS and e.end < len(doc) and doc[e.end].is_lower \
                and doc[e.end].lower_ in words and (e.label_ in PLACE_LABELS or ctx.places.known_place(e.text)):
            e = Span(doc, e.start, e.end + 1, "LAW")  # "the Minsk agreements" ("Minsk" often tagged ORG)
        out.append(e)
    return out
