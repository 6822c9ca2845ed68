"""Place or not by the shape of the name: tagged places that are organisations ("UN", "M23",
"RT"), nationalities fused to a participle ("Russian-held"; but "London-based" names London),
sentence-initial common nouns tagged ORG/PERSON
("Floodwaters"), hyphenated place pairs tagged ORG ("U.S.-Russia"); and the other way round,
streets ("Salah al-Din Road"), administrative areas ("Rapides Parish") and natural features
("Bolan Pass") tagged ORG/PERSON are places.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .common import NAME_PARTICLES, PLACE_LABELS
from .context import EntityContext
from .lexicon import EntityLexicon
from .splits import cut_lower_tail, split_hyphen_acronym, split_region_of


def is_compound_modifier(doc: Doc, e: Span, lex: EntityLexicon) -> bool:
    """'London-based', 'Iran-backed': a place name fused to a participle modifies a noun."""
    i = e.end
    return i + 1 < len(doc) and doc[i].text in ("-", "‑") and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and doc[i + 1].lower_ in lex.compound_modifiers


def names_a_place(ctx: EntityContext, e: Span) -> bool:
    """Is the name before "-based" / "-backed" a place's name ("London", "Iran", "the Urals"), not a
    nationality ("Russian") or a bloc ("Western")?"""
    low = e.text.lower().removeprefix("the ")
    if low in ctx.lex.demonyms or low in ctx.lex.not_places or not e.text[:1].isupper():
        return False
    return ctx.places.known_place(e.text, min_pop=0) or ctx.places.is_region_name(e.text)


def _place_or_org(ctx: EntityContext, e: Span) -> Span:
    """A GPE/LOC that is an organisation: "the UN said", "M23 rebels", "RT", "SBU"."""
    text = e.text.strip()
    acronym = text.replace(".", "").isupper() and len(text.replace(".", "")) >= 2
    if text.lower() in ctx.lex.not_places and acronym:
        return Span(ctx.doc, e.start, e.end, "ORG")  # "the UN said", "EU envoy"
    if any(c.isdigit() for c in text) and not ctx.places.known_place(text, min_pop=0):
        return Span(ctx.doc, e.start, e.end, "ORG")  # "M23 rebels"
    if acronym and len(text.replace(".", "")) <= 5 and not ctx.places.known_place(text, min_pop=0):
        return Span(ctx.doc, e.start, e.end, "ORG")  # "RT", "SBU" tagged as places
    return e


def drop_non_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """GPE/LOC that are organisations or modifiers; common nouns tagged as names; streets;
    lower-case tails of person names; "the Provinces of X" and "Party-BJP" splits."""
    doc = ctx.doc
    out = []
    for e in ents:
        if e.label_ in PLACE_LABELS | {"ORG", "PERSON", "NORP"} and is_compound_modifier(doc, e, ctx.lex):
            if names_a_place(ctx, e):  # "the London-based observatory", "the Iran-backed group": the
                out.append(Span(doc, e.start, e.end, "GPE"))  # place is named (every gold set counts it)
            continue  # "Russian-held", "Western-led": a nationality or a bloc, no place
        if e.label_ == "PERSON":
            e = cut_lower_tail(e)  # "Marcos Jr earlier lamented": the adverb is no name
            if e is None:
                continue
        if e.label_ in ("ORG", "PERSON", "FAC") and len(e) >= 3:
            split = split_region_of(doc, e) or split_hyphen_acronym(doc, e)
            if split:
                out += split  # "the Provinces of Cavite"; "Democratic Party-BJP coalition"
                continue
        if len(e) >= 2 and e[-1].text in ctx.lex.street_words and e.label_ in ("PERSON", "ORG", "FAC", "GPE"):
            out.append(Span(doc, e.start, e.end, "LOC"))  # "Salah al-Din Road" is a place
            continue
        if is_admin_area(e, ctx.lex):
            out.append(Span(doc, e.start, e.end, "GPE"))  # "Rapides Parish" tagged PERSON is a place
            continue
        if e.label_ in ("ORG", "PERSON") and len(e) == 1 and e[0].pos_ in ("NOUN", "VERB", "ADJ", "ADV") \
                and not e.text.isupper() and not ctx.places.is_major_place(e.text):
            continue  # "Floodwaters rose ...": a sentence-initial common noun (but "Kyiv" tagged NOUN is Kyiv)
        if e.label_ in PLACE_LABELS:
            e = _place_or_org(ctx, e)
        out.append(e)
    return out


def is_admin_area(e: Span, lex: EntityLexicon) -> bool:
    """'Rapides Parish', 'Clark County' tagged PERSON/ORG: a name + an administrative-unit word,
    not followed by more of a body's name ("Clark County Sheriff" is longer than the span)."""
    doc = e.doc
    nxt = doc[e.end] if e.end < len(doc) else None
    return e.label_ in ("PERSON", "ORG", "FAC", "NORP") and len(e) >= 2 and e[-1].text in lex.admin_unit_words \
        and all(t.is_title or t.is_punct or t.lower_ in NAME_PARTICLES for t in e if t.lower_ != "the") \
        and not (nxt is not None and nxt.is_title)


def is_feature(e: Span, lex: EntityLexicon) -> bool:
    """'Bolan Pass', 'Guadalupe River', 'Col du Tourmalet', 'Cape Cod' tagged ORG/PERSON/FAC: a
    natural feature, so a place (not 'Lake Forest Hospital': a facility named after one)."""
    if e.label_ not in ("ORG", "PERSON", "FAC") or len(e) < 2 or not e[-1].is_title:
        return False
    name = e[1:] if e[0].lower_ == "the" else e
    if not all(t.is_title or t.is_punct or t.lower_ in NAME_PARTICLES for t in name):
        return False
    return e[-1].lower_ in lex.feature_words or (len(name) >= 2 and name[0].lower_ in lex.feature_leads
                                                 and len(name) <= 4 and e[-1].lower_ not in lex.facility_words)


def features_are_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Natural features tagged ORG/PERSON/FAC become LOC."""
    return [Span(ctx.doc, e.start, e.end, "LOC") if is_feature(e, ctx.lex) else e for e in ents]


def drop_place_compounds(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'U.S.-Russia' (relations), 'Trump-Putin' (call): a hyphenated pair of names is not an ORG."""
    known_place = ctx.places.known_place
    out = []
    for e in ents:
        parts = [p for p in e.text.replace("‑", "-").split("-") if p]
        if e.label_ in ("ORG", "PERSON", "NORP") and len(parts) >= 2 and " " not in e.text and all(
                p[:1].isupper() for p in parts) and sum(known_place(p) for p in parts) >= 1 and all(
                known_place(p) or p.lower() in ctx.lex.demonyms for p in parts):
            continue
        out.append(e)
    return out
