"""People the tagger half-saw: a surname of a person named in the article is a PERSON even where
the tagger saw nothing ("Trump's aides said"), "Aung San" (GPE) + "Suu Kyi" (PERSON) is one
person, and the first name of a person the article is about is that person, not a small town.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .common import PLACE_LABELS, key
from .context import EntityContext
from .place_evidence import place_evidence

_WORD = re.compile(r"\w+")


def person_prefix(ctx: EntityContext, ents: list[Span], person_keys: set[str]) -> list[Span]:
    """'Aung San' (GPE) + 'Suu Kyi' (PERSON) is one person when the article names her in full."""
    doc = ctx.doc
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and e.label_ == "PERSON" and prev.label_ != "PERSON" and prev.end == e.start \
                and key(doc[prev.start:e.end].text) in person_keys:
            out[-1] = Span(doc, prev.start, e.end, "PERSON")
            continue
        out.append(e)
    return out


def untagged_people(ctx: EntityContext, ents: list[Span], surnames: set[str]) -> list[Span]:
    """"Trump's aides said" where the tagger saw nothing: a known surname is a PERSON mention."""
    if not surnames:
        return ents
    doc = ctx.doc
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    forms = {k.lower() for k in surnames if k.isalpha()}
    if not forms:
        return ents
    # every whole word of the text looked up among the surnames (the surnames are single
    # alphabetic words, so a word-bounded match of one is always a whole \w+ run): one pass,
    # where one regex alternative per surname made the scan cost text x surnames
    for m in _WORD.finditer(ctx.text):
        if not m.group()[:1].isupper() or m.group().lower() not in forms:
            continue
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1 and span.start not in taken:
            added.append(Span(doc, span.start, span.end, "PERSON"))
    return ents + added


def first_names(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'divorce from wife Ivana' where the article names 'Ivana Trump' twice: the first name of
    a person the article is about is that person, not a small town of the same name (a big city
    or a mention with place evidence, 'in Charlotte', stays a place)."""
    doc = ctx.doc
    firsts = {k.split()[0] for k in ctx.people if " " in k}
    if not firsts:
        return ents
    out = []
    for e in ents:
        if e.label_ in PLACE_LABELS and len(e) == 1 and key(e.text) in firsts and not place_evidence(
                doc, e, set(), set(), ctx.lex) and not ctx.places.known_place(e.text, min_pop=100000):
            e = Span(doc, e.start, e.end, "PERSON")
        out.append(e)
    return out
