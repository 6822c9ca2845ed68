"""Coordinated lists of places: "over Kursk, Voronezh, Rostov and Belgorod", "the Kharkiv, Kyiv,
Mykolaiv and Odesa regions". A name listed next to places (and known to the gazetteer, even
weakly) or in a list ending in a plural region word is a place; names the tagger skipped inside
such a list are added. A name the article uses for a person stays a person.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from .common import MISLABELS, PLACE_LABELS, PLACE_PREPS, between_is_list, key
from .context import EntityContext
from .place_evidence import listed_before_region_word


def _list_neighbours(ctx: EntityContext, out: list[Span], i: int) -> list[Span]:
    """The entities before and after `out[i]` that only a list separator divides from it."""
    doc, e = ctx.doc, out[i]
    neighbours = []
    if i > 0 and between_is_list(doc, out[i - 1].end, e.start):
        neighbours.append(out[i - 1])
    if i + 1 < len(out) and between_is_list(doc, e.end, out[i + 1].start):
        neighbours.append(out[i + 1])
    return neighbours


def coordinated_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Names listed with places, or in a list of "... districts", become GPE."""
    doc = ctx.doc
    out = untagged_list_members(ctx, list(ents))
    for i, e in enumerate(out):
        if e.label_ in PLACE_LABELS or e.label_ not in MISLABELS or not ctx.names.is_name(e) or \
                key(e.text) in ctx.people:
            continue
        neighbours = _list_neighbours(ctx, out, i)
        if any(n.label_ in PLACE_LABELS for n in neighbours) and ctx.places.known_place(
                e.text, min_pop=0, weak=True) or (
                (e.label_ != "PERSON" or len(e) == 1 and not (e.start and doc[e.start - 1].lower_ in ctx.lex.titles))
                and listed_before_region_word(doc, e.end, ctx.lex)):
            out[i] = Span(doc, e.start, e.end, "GPE")
    return _mostly_places(ctx, out)


#: a list is read as a list of places when it has this many members, most of them places
MIN_LIST = 3


def _introduced_as_places(ctx: EntityContext, start: int) -> bool:
    """The list starting at token `start` follows a plural place noun: "towns: A, B", "the villages
    of A, B and C", "districts including A and B"."""
    doc, lex = ctx.doc, ctx.lex
    if start < 2 or doc[start - 1].lower_ not in (":", "of", "including"):
        return False
    noun = doc[start - 2].lower_
    return noun.endswith("s") and (noun in lex.settlement_words or noun in lex.region_words)


def _after_a_title(ctx: EntityContext, start: int) -> bool:
    """The list follows a title or its plural ("Senators", "Presidents", "Mr")."""
    doc = ctx.doc
    return any(doc[j].lower_ in ctx.lex.titles or doc[j].lower_.removesuffix("s") in ctx.lex.titles
               for j in range(max(0, start - 2), start))


def _mostly_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """"towns: Novokalynove, Lastochkyne, Pervomaiske, Avdiivka, Nevelske, and Sieverne Tonenke":
    in a list after a plural place noun, or of three names or more most of them places, the other
    names are places too, known to the gazetteer or not (not a name the article uses for a person)."""
    doc = ctx.doc
    out = list(ents)
    runs: list[list[int]] = []
    for i in range(len(out)):
        if runs and between_is_list(doc, out[runs[-1][-1]].end, out[i].start):
            runs[-1].append(i)
        else:
            runs.append([i])
    person_uses = Counter(key(e.text) for e in out if e.label_ == "PERSON")
    for run in runs:
        if len(run) < 2 or _after_a_title(ctx, out[run[0]].start):
            continue  # "Senators Risch, Cardin, Portman and Graham": people, whatever the tags
        places = sum(out[i].label_ in PLACE_LABELS and ctx.places.known_place(out[i].text) for i in run)
        if not _introduced_as_places(ctx, out[run[0]].start) and (len(run) < MIN_LIST or 2 * places <= len(run)):
            continue
        for i in run:
            e = out[i]
            k = key(e.text)
            if e.label_ in MISLABELS and ctx.names.is_name(e) and k not in ctx.person_any | ctx.people \
                    and person_uses[k] <= (1 if e.label_ == "PERSON" else 0):
                out[i] = Span(doc, e.start, e.end, "GPE")
    return out


def _missed_member(ctx: EntityContext, i: int, end: int, starts: dict[int, Span], ends: dict[int, Span]) -> bool:
    """The untagged proper-noun run doc[i:end] is a place: listed next to a place and known to
    the gazetteer, or right after a preposition of place and a known town."""
    doc = ctx.doc
    j = end - 1
    # the few offsets in reach, looked up (not every place of the text scanned for them)
    left = any(between_is_list(doc, e, i) for e in range(i - 3, i + 1) if e in ends)
    right = any(between_is_list(doc, j + 1, s) for s in range(j + 1, j + 5) if s in starts)
    span = doc[i:end]
    if key(span.text) in ctx.people:
        return False  # "Bobby Scott ... Scott said": a person's name, even next to places
    if (left or right) and ctx.places.known_place(span.text, min_pop=0):
        return True
    # "rescuers searched homes in Suzu": a preposition of place + a known town
    return i > 0 and doc[i - 1].lower_ in PLACE_PREPS and ctx.places.known_place(span.text, min_pop=5000)


def untagged_list_members(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'over the Kharkiv, Kyiv, Mykolaiv and Odesa regions' where the tagger skipped some names."""
    doc = ctx.doc
    runs = ctx.matchers.propn_matcher(doc)
    for _ in range(3):
        starts = {e.start: e for e in ents if e.label_ in PLACE_LABELS}
        ends = {e.end: e for e in ents if e.label_ in PLACE_LABELS}
        taken = {i for e in ents for i in range(e.start, e.end)}
        added = []
        for _mid, i, end in runs:
            if not taken.isdisjoint(range(i, end)):
                continue
            if _missed_member(ctx, i, end, starts, ends):
                added.append(Span(doc, i, end, "GPE"))
        if not added:
            break
        ents = ents + added
    return ents
