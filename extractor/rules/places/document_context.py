"""Document-level disambiguation: the places an article names help read its other places.

Pass 1 resolves every mention without context; the countries, regions and big cities found
(and the nationalities named) vote for countries; pass 2 resolves again with those votes, a
name never voting for its own reading. This is where document-wide place choices are made.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from .lexicon import PlacesLexicon
from .mentions import Mention
from .resolve import Reading, resolve_mention
from .scoring import PlaceContext


@dataclass
class DocumentContext:
    """What pass 1 found: country votes, regions named, countries named, and each name's own vote."""

    cc: Counter[str]  # country code -> weight (country 3, region or big city 1, nationality 1)
    admin1: set[str]  # regions named
    named: set[str]  # countries named
    votes: dict[str, tuple[str, int]]  # mention key -> (country code it voted for, weight)

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
        return {"cc": own, "admin1": self.admin1, "named": own_named}


def resolve_in_context(doc: Doc, mentions: list[Mention], lex: PlacesLexicon, gaz: Any) -> None:
    """Set every mention's "res": pass 1 without context, pass 2 with what pass 1 found."""
    first = {m["key"]: resolve_mention(m, None, lex, gaz) for m in mentions}
    context = document_context(doc, mentions, first, lex.demonym_cc)
    cache: dict[tuple, Reading | None] = {}
    for m in mentions:
        k = (m["key"], m["hint"])
        if k not in cache:
            cache[k] = resolve_mention(m, context.for_mention(m["key"], first[m["key"]]), lex, gaz)
        m["res"] = cache[k]


def document_context(doc: Doc, mentions: list[Mention], first: dict[str, Reading | None],
                     demonym_cc: dict[str, str]) -> DocumentContext:
    """The votes of the pass-1 readings and of the nationalities the article names."""
    votes: dict[str, tuple[str, int]] = {}
    ctx_cc: Counter[str] = Counter()
    ctx_admin: set[str] = set()
    named: set[str] = set()
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
    for ent in doc.ents:  # "Lebanese officials said": nationalities vote too
        if ent.label_ == "NORP" and demonym_cc.get(ent.text.lower(), "-") != "-":
            ctx_cc[demonym_cc[ent.text.lower()]] += 1
    return DocumentContext(ctx_cc, ctx_admin, named, votes)
