"""One name, one reading across the article: PERSON/ORG/... <-> GPE by document-level votes.

A name with place evidence (place_evidence.py) and known to the gazetteer becomes GPE; a PERSON
tag is overruled only by the article's own usage or, with no usage either way, by a big place.
A name once used as a PERSON (whole, or as the surname of a full name) is a PERSON everywhere.
The step also records who the article's people are (ctx.people, ctx.person_any) for later steps.
New typing rules for a mention (gazetteer-backed or not) hook into `reads_as_place`.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from .common import INSTITUTION_WORDS, MISLABELS, PLACE_LABELS, POSSESSIVE, key
from .context import EntityContext
from .people import person_prefix, untagged_people
from .person_evidence import person_evidence
from .place_evidence import home_town, place_evidence
from .place_lists import coordinated_places


def _evidence_votes(ctx: EntityContext, ents: list[Span], keys: list[str]) -> dict[str, list[int]]:
    """key -> [mentions with place evidence, with person evidence, with home-town evidence]."""
    doc = ctx.doc
    place_ends = {o.end for o in ents if o.label_ in PLACE_LABELS}
    place_starts = {o.start for o in ents if o.label_ in PLACE_LABELS}
    person_ends = frozenset(o.end for o in ents if o.label_ == "PERSON")
    votes: dict[str, list[int]] = {}
    for e, k in zip(ents, keys, strict=True):
        v = votes.setdefault(k, [0, 0, 0])
        v[0] += place_evidence(doc, e, place_starts, place_ends, ctx.lex, person_ends)
        v[1] += person_evidence(doc, e, ctx.lex)
        v[2] += home_town(doc, e, ctx.lex, person_ends)
    return votes


def _name_tails(ents: list[Span]) -> set[str]:
    """Last words of two/three-word names the tagger called ORG/PERSON ("Lester Holt" ... "if Holt
    asks"): such a word alone is that name, not a small town."""
    return {key(e[-1].text) for e in ents if e.label_ in ("ORG", "PERSON") and 2 <= len(e) <= 3
            and all(t.is_title and t.is_alpha for t in e)
            and not any(t.lower_ in INSTITUTION_WORDS for t in e)}


def reads_as_place(ctx: EntityContext, e: Span, k: str, vote: list[int], name_tails: set[str],
                   name_parts: frozenset[str] = frozenset()) -> bool:
    """Does this mention, tagged as something else, read as a place? (`vote`: the place and person
    evidence of its key over the article; `name_parts`: first and last words of the article's
    full personal names.) "Mr. Obama", "Obama said" keep a town-named person; a country, region
    or capital is a place whatever its tag, unless it is part of a person's name here ("Georgia
    Meloni", "Israel Katz")."""
    place_ev, person_ev, home_ev = vote
    doc = ctx.doc
    known_place = ctx.places.known_place
    if e.label_ in ("PERSON", "ORG", "FAC") and k not in name_parts and major_place(ctx, e):
        return True  # "Kyiv said", "accepted by Kyiv", "visit to the Holy See": a capital or a country
    if e.label_ == "PERSON" and not (e.start > 0 and doc[e.start - 1].lower_ == "the"):
        return ctx.names.is_name(e) and person_ev <= place_ev and known_place(e.text) and (
            place_ev > 0 or known_place(e.text, min_pop=100000))
    # a PERSON after "the" takes the stricter test of the other labels (no person evidence at all)
    # a home town ("Rebecca Sears, 41, of Grovetown", "a Crafton man") may be a town of any size
    return e.label_ in MISLABELS and person_ev == 0 and ctx.names.is_name(e) and (
        known_place(e.text) or home_ev > 0 and known_place(e.text, min_pop=0)) \
        and (k not in name_tails or known_place(e.text, min_pop=100000))


def major_place(ctx: EntityContext, e: Span) -> bool:
    """A country, region or capital named alone, with no title before it ("President Jordan")."""
    doc = ctx.doc
    prev = doc[e.start - 1].lower_ if e.start > 0 else ""
    return prev not in ctx.lex.titles and all(
        t.text[:1].isupper() for t in e if t.is_alpha and not (t.i == e.start and t.lower_ == "the")) and \
        ctx.places.is_major_place(e.text)


def _person_names(ents: list[Span], keys: list[str], placeish: dict[int, bool],
                  suffixes: frozenset[str] = frozenset()) -> tuple[set[str], set[str]]:
    """(surnames of multi-word PERSON names, keys of every PERSON name and surname), places excluded.
    The surname is the last word before a generational suffix ("George Bush Jr" -> "Bush"); a tag
    that starts with a gerund ("Rethinking Egypt", a title read as a name) gives no surname."""
    surnames: set[str] = set()
    person_keys: set[str] = set()
    for idx, e in enumerate(ents):
        if e.label_ == "PERSON" and not placeish.get(idx):
            words = [t.text for t in e if not t.is_punct and t.lower_ not in POSSESSIVE]
            while len(words) > 2 and words[-1] in suffixes:
                words.pop()
            if e[0].tag_ == "VBG" and e[0].is_title:
                continue
            person_keys.add(keys[idx])
            if len(words) >= 2:
                surnames.add(key(words[-1]))
                person_keys.add(key(words[-1]))
    return surnames, person_keys


def _relabelled(ctx: EntityContext, ents: list[Span], keys: list[str], placeish: dict[int, bool],
                person_keys: set[str], surnames: set[str]) -> list[Span]:
    """Each mention with its document-level label."""
    out = []
    datelines = ctx.memo.get("dateline_starts", frozenset())
    for idx, e in enumerate(ents):
        k = keys[idx]
        label = e.label_
        if label in PLACE_LABELS and e.start in datelines:
            out.append(e)  # "CLINTON — A town couple ...": a dateline stays the place, whoever Clinton is
            continue
        if k in person_keys and label != "PERSON" and not placeish.get(idx):
            label = "PERSON"
        elif placeish.get(idx) and k not in surnames:
            label = "GPE"
        elif label in PLACE_LABELS and k in surnames:
            label = "PERSON"
        out.append(e if label == e.label_ else Span(ctx.doc, e.start, e.end, label))
    return out


def _collect_people(ctx: EntityContext, out: list[Span], surnames: set[str], person_keys: set[str],
                    votes: dict[str, list[int]]) -> None:
    """Fill ctx.people (names used for people at least twice) and ctx.person_any (any reading)."""
    # evidence of a person: a full name or its surname used at least twice (a lone PERSON tag,
    # or one multi-word tag like "Khirbet Salim", is no evidence against a place context)
    uses: Counter[str] = Counter()
    for e in out:
        if e.label_ == "PERSON":
            k = key(e.text)
            uses[k] += 1
            if " " in k:
                uses[k.split()[-1]] += 1
    ctx.people |= {k for k in surnames | {k for k in person_keys if " " in k} if uses[k] >= 2}
    # any person reading: the surname of a full name, a name used twice, a title or "X said"
    ctx.person_any |= surnames
    # "Hillary Clinton" once and "Clinton said": a full name whose surname stands alone is a person
    alone = {key(e.text) for e in out if e.label_ == "PERSON" and len(e) == 1} & surnames
    ctx.person_any |= {k for k in person_keys if " " in k and k.split()[-1] in alone}
    ctx.person_any |= {k for k, (_p, pe, _h) in votes.items() if pe > 0}


def relabel_by_evidence(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Document-level labels (see the module docstring), then untagged surnames, "Aung San" +
    "Suu Kyi" prefixes and coordinated lists of places."""
    name_tails = _name_tails(ents)
    keys = [key(e.text) for e in ents]  # span.text is rebuilt on every access: once per entity
    votes = _evidence_votes(ctx, ents, keys)
    name_parts = frozenset(key(w.text) for e in ents if e.label_ == "PERSON" and len(e) >= 2 for w in (e[0], e[-1]))
    placeish: dict[int, bool] = {}
    for idx, e in enumerate(ents):
        if reads_as_place(ctx, e, keys[idx], votes[keys[idx]], name_tails, name_parts):
            placeish[idx] = True
    surnames, person_keys = _person_names(ents, keys, placeish, ctx.lex.name_suffixes)
    out = _relabelled(ctx, ents, keys, placeish, person_keys, surnames)
    out = untagged_people(ctx, out, person_keys - {k for k in person_keys if " " in k} | surnames)
    _collect_people(ctx, out, surnames, person_keys, votes)
    out = person_prefix(ctx, out, person_keys)
    # coordinated lists: "over Kursk, Voronezh, Rostov and Belgorod"
    return coordinated_places(ctx, out)
