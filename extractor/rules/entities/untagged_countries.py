"""A country's name the tagger left untagged is a place: "Slovenia acted more Catholic than the
Pope", "countries such as Cyprus, Greece and Spain" (the small model tags most country names, but
misses some at the start of a sentence or in lists).

The names are found by one array look-up of their first tokens' hashes (`matchers.country_matches`;
the index is built when the component is initialised and adds nothing to the shared vocabulary,
so no memory zone can take its strings away), on the main names of the gazetteer's countries as
written ("Slovenia", "Saudi Arabia"; no lower-case "china"). A match is kept only
where no entity covers it and it stands alone as a name: no capitalised proper noun right before
or after it ("Michael Jordan", "Chad Smith", "Air France", "Jamaica Cancer Society" are other
names), tagged as proper nouns ("Turkey" in "Turkey sandwiches" is a noun), and no name the
article uses for a person ("Georgia said" after "Georgia Smith").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .common import key
from .context import EntityContext
from .matchers import country_matches


def _name_word(doc: Doc, i: int) -> bool:
    """Is token i a capitalised proper noun (part of a longer name)?"""
    if i < 0 or i >= len(doc):
        return False
    t = doc[i]
    return t.pos_ == "PROPN" and t.is_alpha and not t.is_lower


def untagged_countries(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """GPE spans for the country names no entity covers and no neighbouring name word extends."""
    doc = ctx.doc
    found = country_matches(doc, ctx.matchers)
    if not found:
        return ents
    covered = set()
    for e in ents:
        covered.update(range(e.start, e.end))
    out = list(ents)
    for s, e in found:
        if any(i in covered for i in range(s, e)) or _name_word(doc, s - 1) or _name_word(doc, e):
            continue
        if doc[s].pos_ != "PROPN" or doc[e - 1].pos_ != "PROPN":
            continue  # "Turkey sandwiches", "Jersey cows": a common noun written capitalised
        if key(doc[s:e].text) in ctx.person_any:
            continue
        out.append(Span(doc, s, e, "GPE"))
        covered.update(range(s, e))
    return sorted(out, key=lambda sp: sp.start)
