"""The place in a legislator's party affiliation: "Rep. Charles Rangel, D-N.Y.,", "(R-Ocilla)",
"D-Charleston". The letter is the party, the rest the state or town the legislator represents: a
place. The small model skips it or tags the whole "D-Charleston" as an organisation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..token_search import indices_where
from .context import EntityContext

_PARTIES = frozenset({"D", "R", "I", "DFL"})  # DFL: Minnesota's Democratic-Farmer-Labor party
_OPEN = frozenset({",", "("})
_CLOSE = frozenset({",", ")", ";", ".", "--", "—", "–"})


def _place_end(ctx: EntityContext, doc: Doc, start: int) -> int | None:
    """End of the place after "D-" at token `start`: a region abbreviation ("N.Y.", "W. Va.") or
    one to three capitalised words the gazetteer knows ("Charleston"), closed by a comma/bracket."""
    for end in range(min(len(doc), start + 3), start, -1):
        if end < len(doc) and doc[end].text not in _CLOSE:
            continue
        name = doc[start:end]
        if not all(t.text[:1].isupper() and (t.is_alpha or t.text.endswith(".")) for t in name):
            continue
        if ctx.places.is_abbreviation(name.text) or ctx.places.known_place(name.text, min_pop=0):
            return end
    return None


def affiliation_places(ctx: EntityContext) -> list[Span]:
    """GPE spans for the places of "D-N.Y."-style affiliations after a comma or an open bracket."""
    doc = ctx.doc
    out: list[Span] = []
    for i in indices_where(doc, ("ORTH", _PARTIES)):
        if not 1 <= i < len(doc) - 2 or doc[i + 1].text != "-" or doc[i - 1].text not in _OPEN \
                or doc[i].whitespace_ or doc[i + 1].whitespace_:
            continue
        end = _place_end(ctx, doc, i + 2)
        if end is not None:
            out.append(Span(doc, i + 2, end, "GPE"))
    return out


def party_affiliation_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Affiliation places become GPE; an entity over "D-Charleston" gives way to the place."""
    found = affiliation_places(ctx)
    if not found:
        return ents
    keep = [e for e in ents if not any(f.start - 2 < e.end and e.start < f.end for f in found)]
    return keep + found
