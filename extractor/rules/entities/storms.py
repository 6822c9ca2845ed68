"""Storms are events, not people or places: "Hurricane Harvey", "Typhoon Yagi", "tropical storm
Nalgae", and the storm's bare name later in the article ("Harvey dumped rain for days") or in a
list after the storm noun ("the hurricanes Harvey, Irma and Maria"). Storm names are people's
first names and town names, so the small model reads them as PERSON or GPE.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .common import between_is_list, key
from .context import EntityContext

#: labels a storm's name gets from the tagger (PRODUCT, LAW: "Storm Shadow" missiles, typed before)
_NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "LOC", "NORP", "FAC"})


def _storm_word(doc: Doc, i: int, storm_nouns: frozenset[str]) -> bool:
    """Token `i` is a storm noun ("Hurricane", "storm", "typhoons")."""
    low = doc[i].lower_
    return low in storm_nouns or low.rstrip("s") in storm_nouns or low.removesuffix("es") in storm_nouns


def _named_after_storm_word(ctx: EntityContext, e: Span) -> bool:
    """"Hurricane Harvey" (inside the span or right before it), "tropical storm Nalgae",
    "the hurricanes: Harvey" (a colon between)."""
    doc, nouns = ctx.doc, ctx.lex.storm_nouns
    if len(e) >= 2 and _storm_word(doc, e.start, nouns):
        return True
    j = e.start - 1
    if j >= 0 and doc[j].text == ":":
        j -= 1
    return j >= 0 and _storm_word(doc, j, nouns)


def storms(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Storm names (and their bare mentions, and lists after a storm noun) become EVENT."""
    doc = ctx.doc
    if not any(n in ctx.text.lower() for n in ctx.lex.storm_nouns):
        return ents
    names: set[str] = set()
    out = list(ents)
    for i, e in enumerate(out):
        listed = i > 0 and out[i - 1].label_ == "EVENT" and key(out[i - 1].text) in names and \
            between_is_list(doc, out[i - 1].end, e.start)
        if e.label_ in _NAME_LABELS and (listed or _named_after_storm_word(ctx, e)):
            out[i] = Span(doc, e.start, e.end, "EVENT")
        if out[i].label_ == "EVENT":
            name = out[i][1:] if _storm_word(doc, out[i].start, ctx.lex.storm_nouns) and len(out[i]) > 1 else out[i]
            names.add(key(name.text))
    if not names:
        return out
    return [Span(doc, e.start, e.end, "EVENT") if e.label_ in _NAME_LABELS and key(e.text) in names else e
            for e in out]
