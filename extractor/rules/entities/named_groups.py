"""Capitalised words before a lower-case group noun name an organisation the tagger often misses:
"the Viv Ansanm group", "the Islamic State group", "the Pyu Saw Htee militia". Not a collective
("Houthi rebels"), a nationality, or a place's group ("the Kharkiv militia").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .context import EntityContext

#: lower-case nouns after an organisation's name: "the Viv Ansanm group", "the Pyu Saw Htee militia"
_GROUP_NOUNS = frozenset({"group", "militia", "gang", "movement", "faction", "alliance", "coalition"})
_GROUP_NOUN_RE = re.compile(r"\b(?:" + "|".join(sorted(_GROUP_NOUNS)) + r")\b")


def _name_before(ctx: EntityContext, i: int) -> Span | None:
    """Up to four capitalised non-stop words (proper noun, adjective, noun) right before token `i`,
    within the sentence."""
    doc = ctx.doc
    start = i
    while start > 0 and i - start < 4 and doc[start - 1].is_title and not doc[start - 1].is_stop \
            and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") and not doc[start - 1].is_sent_start:
        start -= 1
    return None if start == i else doc[start:i]


def named_groups(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """ORG spans for the names before group nouns (see the module docstring)."""
    doc = ctx.doc
    out = list(ents)
    for m in _GROUP_NOUN_RE.finditer(ctx.text):  # a C-level scan, not a walk over every token
        hit = doc.char_span(m.start(), m.end())
        if hit is None or len(hit) != 1:
            continue
        t = hit[0]
        if t.i == 0:
            continue
        name = _name_before(ctx, t.i)
        if name is None:
            continue
        inside = [e for e in out if e.start < name.end and name.start < e.end]
        if any(e.label_ == "ORG" or e.start < name.start or e.end > name.end
               or e.label_ == "NORP" and (e.start, e.end) == (name.start, name.end) for e in inside) or \
                name.text.lower() in ctx.lex.demonyms or ctx.places.known_place(name.text, min_pop=0):
            continue  # "Houthi rebels" (a collective), "the Kharkiv militia" (a place's)
        out = [e for e in out if e not in inside] + [Span(doc, name.start, name.end, "ORG")]
    return out
