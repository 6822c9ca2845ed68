"""Places read from their context, for names the tagger missed or mislabelled: the place
matcher's contexts ("the village of X", "X, a village", "the X region", "the X refugee camp"),
a preposition of place ("in Jassem", "near Kobane"), a country's possessive ("Ukraine's
Kharkiv"), and a name the article marks as a place once, spread to its other mentions.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from .common import PLACE_LABELS, SpellingIndex, key
from .context import EntityContext
from .matchers import place_matches
from .place_evidence import marked_place, prep_place
from .splits import trim_name


def _matched_name(ctx: EntityContext, rule: str, start: int, end: int) -> Span | None:
    """The name inside a place-matcher match, without possessive or hyphen edges."""
    doc = ctx.doc
    if rule == "SETTLE_OF":
        span = doc[start + 2: end]
    elif rule == "NAME_SETTLE":
        span = doc[start:end - (2 if doc[end - 1].lower_ in ("camp", "camps") else 1)]
    elif rule == "NAME_COMMA_SETTLE":
        comma = next(t.i for t in doc[start:end] if t.text == ",")
        span = doc[start:comma]
    else:
        span = doc[start: end - 1]
    return trim_name(span)


def _context_matches(ctx: EntityContext) -> list[Span]:
    """GPE spans for the names in place contexts, in the body, not vetoed by person evidence."""
    doc = ctx.doc
    title_end = ctx.title_end
    new: list[Span] = []
    for match_id, start, end in place_matches(doc, ctx.matchers):
        rule = doc.vocab.strings[match_id]
        span = _matched_name(ctx, rule, start, end)
        if span is None or span.start_char < title_end or "\n" in span.text:
            continue
        # "the village of X" is strong: only real person evidence (a title, "X said", the surname
        # of a full name) vetoes it; the looser contexts also yield to a name tagged PERSON twice
        if span.text.lower() in ctx.lex.demonyms or span.text.lower() in ctx.lex.not_places or \
                key(span.text) in (ctx.person_any if rule == "SETTLE_OF" else ctx.people | ctx.person_any):
            continue
        new.append(Span(doc, span.start, span.end, "GPE"))
    return new


def context_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Add the place-context names; they replace overlapping entities of other labels, except the
    tagger's places and full personal names tagged twice that a match only overlaps."""
    new = _context_matches(ctx)
    if not new:
        return ents
    seen = Counter(key(e.text) for e in ents if e.label_ == "PERSON")
    keep = []
    for e in ents:
        clash = [n for n in new if n.start < e.end and e.start < n.end]
        if not clash:
            keep.append(e)
        elif e.label_ in PLACE_LABELS or (e.label_ == "PERSON" and len(e) >= 2 and seen[key(e.text)] > 1
                                         and not any((n.start, n.end) == (e.start, e.end) for n in clash)):
            # the tagger's place, or a full personal name that the context match only overlaps,
            # wins over a context guess ("the village of Kafr Hamra" tagged PERSON twice stays a place)
            keep.append(e)
            new = [n for n in new if n not in clash]
        # any other label loses against a place context ("Kolisnykivka"/PERSON)
    return keep + new


def prep_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """A PERSON/ORG tag on a name right after a preposition of place is a place the gazetteer
    lacks, unless the article reads it as a person anywhere ("Hillary Clinton", "Mr. X",
    "X said") or the name modifies a noun ("in Trump's view", "near Smith's house",
    "in Hamas attacks")."""
    out = []
    for e in ents:
        if e.label_ in ("PERSON", "ORG", "FAC") and e.start > 0 and prep_place(ctx, e):
            e = Span(ctx.doc, e.start, e.end, "GPE")
        out.append(e)
    return out


def possessive_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """"Ukraine's Kharkiv", "Himachal Pradesh's Kangra": a known place right after a country's or
    region's possessive is a place even when the tagger skipped or mislabelled it (but not a
    name the article uses for a person: "Russia's Putin")."""
    doc = ctx.doc
    by_start = {e.start: e for e in ents}
    out = list(ents)
    for e in ents:
        p = e.end
        if e.label_ not in PLACE_LABELS or p + 1 >= len(doc) or doc[p].lower_ not in ("'s", "’s") or \
                not ctx.places.is_region_name(e.text):
            continue
        end = p + 1
        while end < len(doc) and end - p <= 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        if end == p + 1:
            continue
        name = doc[p + 1:end]
        old = by_start.get(p + 1)
        if old is not None and (old.label_ in PLACE_LABELS or old.end != end):
            continue
        if any(o.start < end and p + 1 < o.end for o in ents if o is not old) or \
                key(name.text) in ctx.person_any or not ctx.places.known_place(name.text, min_pop=0):
            continue
        if old is not None:
            out.remove(old)
        out.append(Span(doc, name.start, name.end, "GPE"))
    return out


def spread_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'the village of Meron' ... 'Meron is home to ...': the second mention (tagged PERSON)
    is the same place; a close spelling of a place named in the article ('Kherbet Selm' next
    to 'Khirbet Selm') too. Never for a name the article also uses for a person."""
    doc = ctx.doc
    # seeds: places the article itself marks as places ("the village of X", "in X", "X province"),
    # not bare tagger GPEs ("about Obama," tagged GPE once must not turn the person into a town)
    place_keys = {key(e.text) for e in ents if e.label_ in PLACE_LABELS and marked_place(doc, e, ctx.lex)}
    if not place_keys:
        return ents
    variants = SpellingIndex(place_keys)
    out = []
    for e in ents:
        # (ORG tags are left alone: "Columbia University", "the Green Party" stay bodies)
        if e.label_ in ("PERSON", "FAC") and not e.text.isupper() and ctx.names.is_name(e):
            k = key(e.text)
            if k not in ctx.person_any and (k in place_keys or variants.has_variant(k)):
                prev = doc[e.start - 1].lower_ if e.start else ""
                if prev not in ctx.lex.titles:
                    e = Span(doc, e.start, e.end, "GPE")
        out.append(e)
    return out


def the_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'indicted by The Hague court' with "Hague" tagged PERSON: a name whose place in the gazetteer
    is called "The X" is that place, with its article."""
    doc = ctx.doc
    out = []
    for e in ents:
        if e.start > 0 and doc[e.start - 1].text == "The" and e.label_ not in ("DATE", "TIME", "CARDINAL") \
                and ctx.places.is_the_place(doc[e.start - 1:e.end].text):
            e = Span(doc, e.start - 1, e.end, "GPE")
        out.append(e)
    return out
