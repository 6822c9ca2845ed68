"""One tagged span that is really two names, or a name with extra words at its edges:
"the Provinces of Cavite", "Democratic Party-BJP", "Sakha Republic of Russia",
"Kangra, Himachal Pradesh", "Himachal Pradesh's Kangra", "Kharkiv, Sumy" (a list tagged as one),
"Marcos Jr earlier" (a lower-case tail), "Kharkiv's-" (possessive and hyphen edges).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from .common import NAME_PARTICLES, PLACE_LABELS, POSSESSIVE
from .context import EntityContext

#: administrative-unit nouns of "the Province(s) of X" (not "Department of", "State of")
_ADMIN_WORDS = frozenset({"province", "provinces", "region", "regions", "district", "districts", "governorate",
                          "governorates", "prefecture", "prefectures", "oblast", "oblasts", "county", "counties"})


def split_region_of(doc: Doc, e: Span) -> list[Span] | None:
    """'the Provinces of Cavite' (tagged ORG): the name after 'of' is a place."""
    toks = [t for t in e if t.lower_ != "the"]
    if len(toks) >= 3 and toks[0].text[:1].isupper() and toks[0].lower_ in _ADMIN_WORDS \
            and toks[1].lower_ == "of" and all(t.text[:1].isupper() for t in toks[2:]):
        return [Span(doc, toks[2].i, e.end, "GPE")]
    return None


def split_hyphen_acronym(doc: Doc, e: Span) -> list[Span] | None:
    """'Peoples Democratic Party-BJP' (one ORG) -> two parties: a hyphen glues an acronym to a name."""
    if e.label_ != "ORG":
        return None
    for t in e[1:-1]:
        i = t.i
        if t.text in ("-", "‑") and not t.whitespace_ and not doc[i - 1].whitespace_:
            left, right = doc[e.start:i], doc[i + 1:e.end]
            # one side a multi-word name ending/starting in a plain word, the other an acronym:
            # "Democratic Party-BJP" splits; "AFL-CIO", "Virginia AFL-CIO" (acronym-acronym) do not
            def acr(x: Any) -> bool:
                return x.text.isupper() and len(x.text) >= 2 and x.is_alpha

            def word(x: Any) -> bool:
                return x.is_title and x.is_alpha

            if (len(left) >= 2 and word(left[-1]) and acr(right[0]) and len(right) == 1) or \
                    (len(right) >= 2 and word(right[0]) and acr(left[-1]) and len(left) == 1):
                return [Span(doc, left.start, left.end, "ORG"), Span(doc, right.start, right.end, "ORG")]
    return None


def split_of_country(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'Sakha Republic of Russia' -> 'Sakha Republic' + 'Russia' (unless the whole is a name, as a
    country's official name is: 'the Republic of Armenia', 'the Kingdom of Morocco')."""
    doc = ctx.doc
    out = []
    for e in ents:
        ofs = [t.i for t in e if t.lower_ == "of"] if e.label_ in PLACE_LABELS else []
        if ofs and ofs[-1] + 1 < e.end and not ctx.places.known_place(e.text, min_pop=0) and \
                not ctx.places.is_country_any(e.text):
            head, tail = doc[e.start:ofs[-1]], doc[ofs[-1] + 1:e.end]
            if ctx.places.is_country_name(tail.text) and len(head):
                out += [Span(doc, head.start, head.end, e.label_), Span(doc, tail.start, tail.end, "GPE")]
                continue
        out.append(e)
    return out


def _inner_outer(ctx: EntityContext, e: Span) -> tuple[Span, Span] | None:
    """'Kangra, Himachal Pradesh' / "Himachal Pradesh's Kangra": (inner, outer) at the first comma
    or possessive, when the outer part is a country or region and the inner a known place."""
    doc = ctx.doc
    for t in e[1:-1]:
        if t.text == ",":  # inner, outer
            inner, outer = doc[e.start:t.i], doc[t.i + 1:e.end]
        elif t.lower_ in ("'s", "’s"):  # outer's inner
            outer, inner = doc[e.start:t.i], doc[t.i + 1:e.end]
        else:
            continue
        if ctx.places.is_region_name(outer.text) and ctx.names.is_name(inner) and \
                ctx.places.known_place(inner.text, min_pop=0):
            return inner, outer
        return None
    return None


def split_place_pairs(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'Kangra, Himachal Pradesh' and "Himachal Pradesh's Kangra" (often tagged ORG as one name)
    -> two places, when the whole is no known name, the outer part is a country or a first-level
    region and the inner part a place the gazetteer knows."""
    doc = ctx.doc
    out: list[Span] = []
    for e in ents:
        if e.label_ not in PLACE_LABELS and e.label_ not in ("ORG", "PERSON", "FAC") or len(e) < 3 or \
                ctx.places.known_place(e.text, min_pop=0):
            out.append(e)
            continue
        pair = _inner_outer(ctx, e)
        if pair is None:
            parts = comma_places(ctx, e)
            if parts is None:
                out.append(e)
                continue
            pair = tuple(parts)
        out += [Span(doc, s.start, s.end, "GPE") for s in sorted(pair, key=lambda s: s.start)]
    return out


def comma_places(ctx: EntityContext, e: Span) -> list[Span] | None:
    """'Kharkiv, Sumy' tagged as one name inside a list of regions: each part a known place."""
    doc = ctx.doc
    parts: list[Span] = []
    start = e.start
    for t in e:
        if t.text == ",":
            parts.append(doc[start:t.i])
            start = t.i + 1
    parts.append(doc[start:e.end])
    if len(parts) < 2 or not all(len(p) and ctx.names.is_name(p) and ctx.places.known_place(p.text, min_pop=0)
                                 for p in parts):
        return None
    return parts


def cut_lower_tail(e: Span) -> Span | None:
    """'Marcos Jr earlier' -> 'Marcos Jr': trailing lower-case words are no part of a name."""
    end = e.end
    doc = e.doc
    while end > e.start + 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha \
            and doc[end - 1].lower_ not in NAME_PARTICLES and doc[end - 2].whitespace_:
        end -= 1
    if end == e.end:
        return e
    return Span(doc, e.start, end, e.label_) if end > e.start else None


def trim_name(span: Span) -> Span | None:
    """Drop a possessive tail and hyphen edges from a matched name."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].text in ("-", "‑") or doc[end - 1].lower_ in POSSESSIVE):
        end -= 1
    while start < end and doc[start].text in ("-", "‑"):
        start += 1
    return doc[start:end] if end > start else None
