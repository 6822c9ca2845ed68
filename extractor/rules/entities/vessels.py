"""Ships: 'USS Carney', 'MV Galaxy Leader', 'HMS Diamond' (a vessel prefix + capitalised words)
are PRODUCT spans, never people or places, and so is the bare name later on ('the Carney').
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .common import key
from .context import EntityContext
from .lexicon import EntityLexicon


def find_ships(doc: Doc, lex: EntityLexicon) -> list[Span]:
    """PRODUCT spans of a vessel prefix + up to three capitalised words (within the sentence)."""
    ships: list[Span] = []
    i = 0
    while i < len(doc) - 1:
        if doc[i].text in lex.vessel_prefixes and doc[i + 1].is_title:
            end = i + 1
            while end < len(doc) and end - i <= 3 and doc[end].is_title and not doc[end].is_sent_start:
                end += 1
            ships.append(Span(doc, i, end, "PRODUCT"))
            i = end
        else:
            i += 1
    return ships


def vessels(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Ship names replace what they cover; other mentions of a ship's name become PRODUCT."""
    doc = ctx.doc
    if not any(p + " " in ctx.text for p in ctx.lex.vessel_prefixes):
        return ents
    ships = find_ships(doc, ctx.lex)
    if not ships:
        return ents
    names = {key(doc[s.start + 1:s.end].text) for s in ships}
    taken = {k for s in ships for k in range(s.start, s.end)}
    out = [e for e in ents if not any(k in taken for k in range(e.start, e.end))]
    out = [Span(doc, e.start, e.end, "PRODUCT") if key(e.text) in names else e for e in out]
    return out + ships
