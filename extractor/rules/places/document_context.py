"""Document-level disambiguation: the places an article names help read its other places.

Pass 1 reads every mention on its own (prior: kind, population, capital), except place pairs
("Paris, Tenn.", containers.py), which are read together and fix that name for the whole article.
The countries, regions and big cities found (and the nationalities named) then vote for
countries, the regions named mark their towns, and the towns and counties found are points that
pull namesakes near them. Two more passes resolve every mention in that context, each with the
context of the pass before, a name never voting for its own reading: mutually reinforcing places
(Odesa and Mykolaiv, both Ukraine; a story of Louisiana parishes and its Alexandria) settle
together. This is where document-wide place choices are made.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ...extensions import doc_text
from ..entities.known_places import strong_name_match
from .candidates import lookup_candidates
from .coherence import TOP, support
from .containers import place_pairs, resolve_pair
from .lexicon import PlacesLexicon
from .mentions import Mention
from .resolve import Reading, city_named_like_region, from_candidate, resolve_mention
from .scoring import PlaceContext, score_candidate

#: passes with context after the first (each uses the readings of the pass before)
_CONTEXT_PASSES = 2
#: readings that are points a namesake can be near: towns and counties (a country's or a
#: state's point says little about where in it a story is)
_LOCAL_KINDS = ("city", "admin2")


@dataclass
class DocumentContext:
    """What a pass found: country votes, regions named, countries named, each name's own vote,
    and the points of the towns and counties read (per name)."""

    cc: Counter[str]  # country code -> weight (country 3, region or big city 1, nationality 1)
    admin1: set[str]  # regions named
    named: set[str]  # countries named
    votes: dict[str, tuple[str, int]]  # mention key -> (country code it voted for, weight)
    points: dict[str, tuple[float, float]] = field(default_factory=dict)  # mention key -> (lat, lon)
    support: dict[int, int] = field(default_factory=dict)  # candidate pid -> other names near it

    def for_mention(self, key: str, first: Reading | None) -> PlaceContext:
        """The context one mention is resolved in: without its own vote (an ambiguous name must
        not vote for its own reading) and, for a country, without itself among the named ones."""
        own = Counter(self.cc)
        if key in self.votes:  # an ambiguous name must not vote for its own reading
            own[self.votes[key][0]] -= self.votes[key][1]
        own = Counter({c: w for c, w in own.items() if w > 0})
        own_named = set(self.named)
        if first and first["type"] == "country":
            own_named.discard(first["country_code"])
        points = [p for k, p in self.points.items() if k != key]
        return {"cc": own, "admin1": self.admin1, "named": own_named, "points": points, "support": self.support}


def resolve_in_context(doc: Doc, mentions: list[Mention], lex: PlacesLexicon, gaz: Any) -> None:
    """Set every mention's "res": pairs first, then pass 1 without context, then passes with the
    context of the pass before."""
    homes = {m["key"] for m in mentions if m["resident"]}
    for m in mentions:  # one sense per article: "a Palestine man" ... "in Palestine"
        m["resident"] = m["key"] in homes
    fixed = pair_readings(doc_text(doc), mentions, lex, gaz)
    first = {m["key"]: fixed.get(m["key"]) or resolve_mention(m, None, lex, gaz) for m in mentions}
    readings = first
    near = support(local_candidates(mentions, fixed, gaz))
    for _ in range(_CONTEXT_PASSES):
        context = document_context(doc, mentions, readings, lex.demonym_cc)
        context.support = near
        cache: dict[tuple, Reading | None] = {}
        for m in mentions:
            k = (m["key"], m["hint"], m.get("region_word"))
            if k not in cache:
                cache[k] = fixed.get(m["key"]) or resolve_mention(
                    m, context.for_mention(m["key"], first[m["key"]]), lex, gaz)
            m["res"] = cache[k]
        readings = {m["key"]: m["res"] for m in mentions}


def local_candidates(mentions: list[Mention], fixed: dict[str, Reading], gaz: Any) -> dict[str, list[Any]]:
    """Per name, the readings that can support or be supported by the others (coherence.py): its
    pair reading if it has one, else its best close-matching candidates by prior. A name that is a
    country, continent or state by its main name ("Florida", "Jordan") takes no part, unless the
    text makes it a home town ("a Jordan man"): the area is what such a name means."""
    out: dict[str, list[Any]] = {}
    for m in mentions:
        if m["key"] in out:
            continue
        cands = lookup_candidates(m, gaz)
        if m["key"] in fixed:
            out[m["key"]] = [c for c in cands if c.pid == fixed[m["key"]].get("pid")]
            continue
        if not m["resident"] and any(
                c.kind in ("country", "continent", "admin1") and not c.alternate for c in cands):
            out[m["key"]] = []
            continue
        good = [c for c in cands if strong_name_match(m["name"], c) and not c.alternate]
        out[m["key"]] = sorted(good, key=lambda c: -score_candidate(m["name"], c, m["hint"], None))[:TOP]
    return out


def pair_readings(text: str, mentions: list[Mention], lex: PlacesLexicon, gaz: Any) -> dict[str, Reading]:
    """Readings fixed by place pairs ("Paris, Tenn."), by mention key: one sense per article."""
    out: dict[str, Reading] = {}
    for i, j in place_pairs(text, mentions):
        place, area = mentions[i], mentions[j]
        if place["key"] in out:
            continue
        pair = resolve_pair(place, area, lex, gaz)
        if pair is None:
            continue
        inner, outer = pair
        if inner.kind in ("admin1", "admin2") and place["hint"] != "region":
            inner = city_named_like_region(place["name"], inner, gaz.lookup(place["name"]))
        out[place["key"]] = from_candidate(inner, place["hint"], place["name"], gaz)
        if area["key"] not in out:
            res = from_candidate(outer, None if outer.kind == "country" else "region", area["name"], gaz)
            out[area["key"]] = {**res, "abbrev": area["name"] in lex.region_abbrev}
    return out


def document_context(doc: Doc, mentions: list[Mention], first: dict[str, Reading | None],
                     demonym_cc: dict[str, str]) -> DocumentContext:
    """The votes of the readings of a pass and of the nationalities the article names."""
    votes: dict[str, tuple[str, int]] = {}
    ctx_cc: Counter[str] = Counter()
    ctx_admin: set[str] = set()
    named: set[str] = set()
    points: dict[str, tuple[float, float]] = {}
    for m in mentions:
        r = first[m["key"]]
        # context: countries and regions named, and big cities (a hamlet abroad must not vote)
        if r and r.get("country_code") and not r.get("alt") and (
                r["type"] in ("country", "region") or r.get("pop", 0) >= 100000):
            w = 3 if r["type"] == "country" else 1
            ctx_cc[r["country_code"]] += w
            cc0, w0 = votes.get(m["key"], (r["country_code"], 0))
            votes[m["key"]] = (cc0, w0 + w)
        if r and r["type"] == "region" and r.get("admin1"):
            ctx_admin.add(r["admin1"])
        if r and r["type"] == "country" and r.get("country_code"):
            named.add(r["country_code"])
        if r and r.get("kind") in _LOCAL_KINDS and r.get("lat") is not None and not r.get("alt"):
            points[m["key"]] = (r["lat"], r["lon"])
    for ent in doc.ents:  # "Lebanese officials said": nationalities vote too
        if ent.label_ == "NORP" and demonym_cc.get(ent.text.lower(), "-") != "-":
            ctx_cc[demonym_cc[ent.text.lower()]] += 1
    return DocumentContext(ctx_cc, ctx_admin, named, votes, points)
