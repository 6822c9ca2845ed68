"""People the tagger half-saw: a surname of a person named in the article is a PERSON even where
the tagger saw nothing ("Trump's aides said"), "Aung San" (GPE) + "Suu Kyi" (PERSON) is one
person, and the first name of a person the article is about is that person, not a small town.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .common import PLACE_LABELS, POSSESSIVE, key
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


def bracketed_names(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'[Russian Defence Minister Sergei] Shoigu' (an editor's insertion in a quote): the person is
    the name after the bracket; 'Oleksandra “Sasha” Kuvshynova' (a nickname in quotes): one PERSON
    over the whole run, not a person "Oleksandra" and an organisation "Kuvshynova"."""
    doc = ctx.doc
    by_start = {e.start: e for e in ents}
    out: list[Span] = []
    skip: set[int] = set()
    for e in ents:
        if e.start in skip:
            continue
        if e.label_ == "PERSON":
            first_end = next((t.i for t in e if t.text in _OPENERS), e.end)
            after, bracket = _after_insertion(doc, first_end) or (len(doc), False)
            nxt = doc[after] if after < len(doc) else None
            # not "[Vladimir Putin's] Russia": a possessive before the bracket, a place after it
            if nxt is not None and nxt.is_title and nxt.is_alpha and doc[first_end - 1].lower_ not in POSSESSIVE \
                    and not ctx.places.is_major_place(nxt.text):
                last = by_start.get(after)
                stop = last.end if last is not None and last.label_ in ("PERSON", "ORG") else after + 1
                if last is not None:
                    skip.add(last.start)
                e = Span(doc, after if bracket else e.start, stop, "PERSON")
        out.append(e)
    return out


#: characters that open a quoted nickname
_OPENERS = frozenset({"“", '"', "‘"})


def _after_insertion(doc: Doc, i: int) -> tuple[int, bool] | None:
    """(token index after a closing bracket at `i`, True) for "Sergei] Shoigu", (index after a
    quoted nickname of one or two words, False) for 'Oleksandra “Sasha” Kuvshynova', or None."""
    if i < len(doc) and doc[i].text == "]":
        return i + 1, True
    if i < len(doc) and doc[i].text in _OPENERS:
        for k in (i + 2, i + 3):
            if k < len(doc) and doc[k].text in ("”", '"', "’") and all(doc[j].is_title for j in range(i + 1, k)):
                return k + 1, False
    return None


def surnames_not_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """"Zelenskyy" tagged GPE in the body while the tagger read "Volodymyr Zelenskyy" as a person
    (in the headline, which the headline step drops): a name the gazetteer does not know as any
    place, and that ends a full person name the tagger saw anywhere, is that person's surname."""
    surnames = {key(e[-1].text) for e in ctx.doc.ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title}
    if not surnames:
        return ents
    out = []
    for e in ents:
        if e.label_ in PLACE_LABELS and len(e) == 1 and key(e.text) in surnames \
                and not ctx.places.known_place(e.text, min_pop=0) and not ctx.places.is_region_name(e.text) \
                and not place_evidence(ctx.doc, e, set(), set(), ctx.lex):
            e = Span(ctx.doc, e.start, e.end, "PERSON")
        out.append(e)
    return out
