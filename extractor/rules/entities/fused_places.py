"""Places fused to a participle that the tagger leaves out or buries in another name: "a
Beijing-based commentator", "the U.S.-led coalition", "By Henry Lazenby US-based aluminium
producer ...". The name before "-based", "-backed", "-led" (models/lexicons/places/
compound_modifiers.txt) is a place when the gazetteer knows it as one; every public geoparsing
set and our own news gold count it as a mention of that place. Likewise a place the tagger cut at
its hyphen ("Gilgit" of "Gilgit-Baltistan") is the hyphenated place when the gazetteer knows it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..token_search import indices_where
from .common import PLACE_LABELS
from .context import EntityContext

#: the longest place name looked for before the hyphen, in tokens ("New York", "Rio de Janeiro")
MAX_NAME_TOKENS = 3
#: the hyphens that glue a place to a participle or to the rest of its name
_HYPHENS = frozenset(["-", "‑"])


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Token i (0 < i < len(doc), checked by the caller) is a hyphen with no space on either side:
    it glues the words around it ("Beijing-based", "Gilgit-Baltistan", "Russia-Ukraine")."""
    return doc[i].text in _HYPHENS and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _fused_at(doc: Doc, i: int, modifiers: frozenset[str]) -> bool:
    """Token i is glued by a hyphen to a participle of the list ("Beijing" "-" "based")."""
    return i + 2 < len(doc) and _glued_hyphen(doc, i + 1) and doc[i + 2].lower_ in modifiers


def _place_before(ctx: EntityContext, i: int) -> Span | None:
    """The longest capitalised name ending at token i that the gazetteer knows as a place."""
    doc = ctx.doc
    for n in range(MAX_NAME_TOKENS, 0, -1):
        start = i - n + 1
        if start < 0 or not all(t.text[:1].isupper() or t.lower_ in ("de", "of") for t in doc[start:i + 1]):
            continue
        if not doc[start].text[:1].isupper():
            continue
        span = doc[start:i + 1]
        low = span.text.lower()
        if low in ctx.lex.demonyms or low in ctx.lex.not_places:
            continue
        if ctx.places.known_place(span.text) or ctx.places.is_region_name(span.text):
            return Span(doc, start, i + 1, "GPE")
    return None


def fused_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """GPE spans for places glued to a participle that no place span covers yet; a PERSON/ORG
    span that swallowed the place ("Henry Lazenby US") gives it up."""
    doc, modifiers = ctx.doc, ctx.lex.compound_modifiers
    out = list(ents)
    for hyphen in indices_where(doc, ("ORTH", _HYPHENS)):  # only a hyphen can glue
        i = hyphen - 1
        if i < 0 or not _fused_at(doc, i, modifiers) or not doc[i].text[:1].isupper():
            continue
        if any(e.start <= i < e.end and e.label_ in PLACE_LABELS for e in out):
            continue
        place = _place_before(ctx, i)
        if place is None:
            continue
        kept = []
        for e in out:
            if e.start < place.end and place.start < e.end:
                if e.start < place.start and e.end == place.end:
                    kept.append(Span(doc, e.start, place.start, e.label_))  # "Henry Lazenby" + "US"
                continue
            kept.append(e)
        out = kept + [place]
    return out


def _hyphen_name(ctx: EntityContext, start: int, end: int) -> Span | None:
    """The known place "Gilgit-Baltistan" around tokens start..end, when a hyphen and a capitalised
    word follow (or precede) them with no space."""
    doc = ctx.doc
    cands = []
    if end + 1 < len(doc) and _glued_hyphen(doc, end) and doc[end + 1].text[:1].isupper():
        cands.append((start, end + 2))
    if start >= 2 and _glued_hyphen(doc, start - 1) and doc[start - 2].text[:1].isupper():
        cands.append((start - 2, end))
    for s, e in cands:
        text = doc[s:e].text
        if ctx.places.is_region_name(text) or ctx.places.known_place(text, min_pop=0):
            return Span(doc, s, e, "GPE")
    return None


def hyphenated_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """"Gilgit-Baltistan", "Bosnia-Herzegovina": a name the tagger cut at the hyphen is the
    hyphenated place the gazetteer knows (the half alone would be another, wrong place)."""
    out = list(ents)
    for e in ents:
        if e.label_ not in PLACE_LABELS | {"ORG", "PERSON"}:
            continue
        whole = _hyphen_name(ctx, e.start, e.end)
        if whole is None:
            continue
        out = [x for x in out if not (x.start < whole.end and whole.start < x.end)] + [whole]
    return out


def _one_place(ctx: EntityContext, text: str) -> bool:
    """'Winston-Salem', 'Miami-Dade' (County): a hyphenated pair that is one place."""
    return ctx.places.known_place(text, min_pop=0) or ctx.places.known_place(text + " County", min_pop=0)


def _hyphen_partner(ctx: EntityContext, e: Span, taken: set[int]) -> Span | None:
    """The one-word place hyphen-joined to place `e` ("Russia-Ukraine", "Washington-Moscow",
    "Asia-Pacific"), when the tagger left it untagged and the pair is no place of its own."""
    doc = ctx.doc
    if e.end + 1 < len(doc) and _glued_hyphen(doc, e.end):
        i, whole = e.end + 1, doc[e.start:e.end + 2]
    elif e.start >= 2 and _glued_hyphen(doc, e.start - 1):
        i, whole = e.start - 2, doc[e.start - 2:e.end]
    else:
        return None
    tok = doc[i]
    if i in taken or not tok.is_alpha or not (tok.is_title or tok.is_upper) or \
            tok.lower_ in ctx.lex.demonyms or tok.lower_ in ctx.lex.not_places:
        return None
    places = ctx.places
    if not (places.is_major_place(tok.text) or places.known_place(tok.text)) or _one_place(ctx, whole.text):
        return None
    return Span(doc, i, i + 1, "GPE")


def _split_pair(ctx: EntityContext, e: Span) -> list[Span] | None:
    """'Asia-Pacific' (one LOC, "the Asia-Pacific region") -> 'Asia' + 'Pacific', when both halves
    are known places and the pair is none."""
    doc = ctx.doc
    hy = [t.i for t in e if t.i > e.start and _glued_hyphen(doc, t.i)]
    if len(hy) != 1 or hy[0] + 1 >= e.end:
        return None
    i = hy[0]
    left, right = doc[i - 1:i], doc[i + 1:i + 2]
    places = ctx.places
    for half in (left, right):
        t = half[0]
        if not t.is_alpha or not (t.is_title or t.is_upper) or t.lower_ in ctx.lex.demonyms or \
                not (places.is_major_place(t.text) or places.known_place(t.text)):
            return None
    if _one_place(ctx, doc[i - 1:i + 2].text):
        return None
    return [Span(doc, left.start, left.end, "GPE"), Span(doc, right.start, right.end, "GPE")]


def hyphen_pairs(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """"the Russia-Ukraine war", "the Washington-Moscow route", "Asia-Pacific": two places joined
    by a hyphen are two mentions (the tagger often tags one half only, or the pair as one); a
    pair the gazetteer knows as one place ("Winston-Salem", "Guinea-Bissau") is left whole."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for e in ents:
        if e.label_ not in PLACE_LABELS:
            continue
        halves = _split_pair(ctx, e) if len(e) >= 3 else None
        if halves is not None:
            out.remove(e)
            out += halves
            continue
        partner = _hyphen_partner(ctx, e, taken)
        if partner is not None:
            out.append(partner)
            taken.add(partner.start)
    return out
