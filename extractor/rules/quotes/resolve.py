"""From a name in the text to the speaker's canonical name: the actor (doc._.extractor_actors)
whose mention overlaps it or whose name/alias has the same words, else the fullest PERSON/ORG
entity text in the document containing its words. Never fails when actors are missing.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.tokens import Span

from .context import QuoteContext
from .grammar import words

_POSSESSIVE = re.compile(r"\s*['\u2019]s?$")
#: small words left dangling at the end of a name the tagger cut short
_DANGLING = re.compile(r"(?:\s+(?:of|the|and|for|on|in|de))+$")


def trim_dangling(name: str) -> str:
    """A name without the small words a tagger left at its end ("Ministry of Foreign Affairs of"
    -> "Ministry of Foreign Affairs"); a name that ends in a real word is unchanged."""
    return _DANGLING.sub("", name) or name


def actor_at(ctx: QuoteContext, start: int, end: int) -> dict[str, Any] | None:
    """The actor with a mention overlapping chars start..end (looked up near `start`); of several
    (an entity the actor rules read as a body and a person: "the Regional Council Mira Kovacs"),
    the one that ends last, the head of the phrase."""
    i = bisect.bisect_left(ctx.mention_starts, start)
    found, found_end = None, -1
    for j in range(max(0, i - 3), min(len(ctx.mention_index), i + 3)):
        ms, me, actor = ctx.mention_index[j]
        if ms < end and start < me and me > found_end:
            found, found_end = actor, me
    return found


def _initials(name: str) -> str:
    """"Parliamentary Assembly of the Council of Europe" -> "PACE" (capitalised words only)."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", name) if w[0].isupper())


#: small words allowed inside a spelled-out name ("Council of the European Union")
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "&"})


def _spelled_out(ctx: QuoteContext, acronym: str) -> str | None:
    """The first run of capitalised words (joined by "of", "the", ...) in the text whose
    capitalised words' initials are the acronym."""
    doc = ctx.doc
    n = len(acronym)
    for i, t in enumerate(doc):
        if t.text[:1] != acronym[0] or not t.is_title or i in ctx.quoted:
            continue
        initials, j = "", i
        while j < len(doc) and len(initials) < n:
            w = doc[j]
            if w.is_title:
                initials += w.text[0]
            elif w.lower_ not in _NAME_JOINERS or j == i:
                break
            j += 1
        if initials == acronym and doc[j - 1].is_title:
            return doc[i:j].text
    return None


def expand_acronym(ctx: QuoteContext, acronym: str) -> str | None:
    """The organisation an all-capitals name stands for, spelled out in the article: the ORG
    entity or actor name, else the run of capitalised words, whose capitalised words' initials
    are the acronym ("PACE" -> "Parliamentary Assembly of the Council of Europe")."""
    if not (2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
        return None
    names = [e.text for e in ctx.ents if e.label_ == "ORG"] + [a["name"] for a in ctx.actors if a.get("name")]
    for name in names:
        name = _POSSESSIVE.sub("", re.sub(r"^[Tt]he\s+", "", name))
        name = trim_dangling(name)  # "Ministry of Foreign Affairs of" cut short by the tagger
        if name != acronym and _initials(name) == acronym:
            return name
    return _spelled_out(ctx, acronym) if len(acronym) >= 3 else None


def fullest(ctx: QuoteContext, mention: str, label: str) -> str:
    """The longest entity text of the same kind in the doc containing all words of `mention`
    (PERSON and ORG names grow to their fullest form; an acronym to its spelled-out name). A
    place or nationality used as a speaker ("Washington said", "Russia has accused") keeps the
    name as written: it never grows into an organisation that contains it ("Russia's Defense
    Ministry")."""
    best = _POSSESSIVE.sub("", mention)
    ws = words(best)
    expanded = expand_acronym(ctx, best)
    if expanded is not None:
        return expanded
    if not ws or label not in ("PERSON", "ORG"):
        return best
    for e in ctx.ents:
        text = _POSSESSIVE.sub("", e.text)
        if e.label_ != label or len(text) <= len(best):
            continue
        if ws <= words(text):
            best = text
    return best


def actor_named(ctx: QuoteContext, name: str) -> dict[str, Any] | None:
    """The actor whose name or one of whose aliases has the same content words as `name`."""
    ws = words(name)
    if not ws:
        return None
    for a in ctx.actors:
        aliases = [a.get("name") or ""] + list(a.get("aliases") or [])
        if any(words(al) == ws for al in aliases if al):
            return a
    return None


def resolve_name(ctx: QuoteContext, span: Span) -> tuple[str, str | None]:
    """(canonical name, actor id or None) of a span naming someone: the actor mentioned there or
    named alike, else the fullest form of the name in the article, linked to the actor of that
    form when there is one ("PACE" -> "Parliamentary Assembly of the Council of Europe")."""
    actor = actor_at(ctx, span.start_char, span.end_char) or actor_named(ctx, span.text)
    if actor is not None and actor.get("name"):
        expanded = expand_acronym(ctx, actor["name"])
        if expanded is None and not span.label_ and words(actor["name"]) < words(span.text) \
                and all(t.pos_ == "PROPN" for t in span):
            return span.text, actor.get("id")  # a name the tagger missed, fuller than the actor's ("Jane Roe")
        return expanded or trim_dangling(actor["name"]), actor.get("id")
    name = fullest(ctx, span.text, span.label_ or "PERSON")
    actor = actor_named(ctx, name) if name != span.text else None
    return name, actor.get("id") if actor is not None else None


def name_for_text(ctx: QuoteContext, mention: str, s: int, e: int) -> tuple[str, str | None]:
    """(canonical name, actor id or None) of a name found by pattern at chars s..e."""
    span = ctx.doc.char_span(s, e, alignment_mode="expand")
    if span is not None:
        actor = actor_at(ctx, s, e)
        if actor is not None and actor.get("name"):
            return actor["name"], actor.get("id")
    return fullest(ctx, mention, "PERSON"), None


def is_person_name(ctx: QuoteContext, name: str) -> bool:
    """Is `name` the text of a PERSON entity or the name of a PERSON actor?"""
    return name in ctx.person_names
