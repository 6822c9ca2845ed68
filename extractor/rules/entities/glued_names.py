"""A person's name glued to the place or body before it: "ambassador to Egypt Dan Kurtzer",
"Ambassador of Belarus to Russia Dmitry Krutoi", "Chairman of the ... National Assembly of
Belarus Andrei Savinykh", "By: Henry Lazenby US-based". The small model runs a title's place or
body into the name that follows; the place is then read as a given name (and every "Egypt" of the
article as a person), or the person disappears into an organisation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .common import INSTITUTION_WORDS, POSSESSIVE, key
from .context import EntityContext

#: words before a title's place: "ambassador to Egypt Dan Kurtzer", "envoy for Syria Geir Pedersen"
_LEADS = frozenset({"to", "of", "for", "in", "from"})
#: words that make a run of capitalised words a body, not a person ("Army Europe", "Linguistic University")
_BODY_WORDS = INSTITUTION_WORDS | frozenset({
    "university", "administration", "department", "office", "committee", "council", "company", "corporation",
    "bank", "fund", "institute", "party", "union", "association", "platform", "court", "assembly", "state",
    "states", "republic", "federation", "news", "times", "post", "press", "group", "center", "centre"})


def _is_name_run(doc: Doc, start: int, end: int) -> bool:
    """Two to four capitalised words (a full name)."""
    return 2 <= end - start <= 4 and all(doc[i].is_title and doc[i].is_alpha and doc[i].lower_ not in _BODY_WORDS
                                         for i in range(start, end))


def _place_head(ctx: EntityContext, e: Span) -> int | None:
    """End of a place at the start of `e` that a full name follows ("Egypt | Dan Kurtzer")."""
    for k in (1, 2, 3):  # "Egypt", "Saudi Arabia", "the Holy See" (+ a full name)
        if len(e) - k >= 2 and ctx.places.is_major_place(e[:k].text) and _is_name_run(ctx.doc, e.start + k, e.end):
            return e.start + k
    return None


def _known_person_tail(ctx: EntityContext, e: Span, full_names: set[str]) -> int | None:
    """Start of a name the article uses elsewhere (in full, or its surname alone) at the end of an
    organisation's span, right after the place that ends the title ("... National Assembly of
    Belarus | Andrei Savinykh", "Security Council of Russia | Dmitry Medvedev")."""
    doc = e.doc
    for k in range(e.start + 2, e.end - 1):
        if (key(doc[k:e.end].text) in full_names or key(doc[e.end - 1].text) in full_names) and \
                _is_name_run(doc, k, e.end) and \
                doc[k - 1].lower_ not in POSSESSIVE and ctx.places.is_major_place(doc[k - 1].text):
            return k
    return None


def split_glued_names(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Split "Egypt Dan Kurtzer" (PERSON/ORG after "to"/"of") into GPE + PERSON, an ORG ending in a
    full name used elsewhere into ORG + PERSON, and cut a country code glued after a PERSON."""
    doc = ctx.doc
    full_names = {key(e.text) for e in ents if e.label_ == "PERSON"}  # full names and surnames alone
    out: list[Span] = []
    for e in ents:
        prev = doc[e.start - 1].lower_ if e.start > 0 else ""
        cut = _place_head(ctx, e) if e.label_ in ("PERSON", "ORG") and prev in _LEADS else None
        if cut is not None:
            out += [Span(doc, e.start, cut, "GPE"), Span(doc, cut, e.end, "PERSON")]
            continue
        tail = _known_person_tail(ctx, e, full_names - {key(e.text)}) if e.label_ == "ORG" and len(e) >= 4 else None
        if tail is not None:
            out += [Span(doc, e.start, tail, "ORG"), Span(doc, tail, e.end, "PERSON")]
            continue
        if e.label_ == "PERSON" and len(e) >= 3 and e[-1].text.isupper() and e[-1].lower_ in ctx.lex.country_aliases:
            e = Span(doc, e.start, e.end - 1, "PERSON")  # "Henry Lazenby US"-based: the code is no name
        out.append(e)
    return out
