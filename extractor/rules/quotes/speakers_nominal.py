"""Nominal speakers ("the spokesman", "the rights group", "the statement") resolved to a name,
always backwards: a document noun goes to speakers_document.py, an institution noun to the last
compatible named organisation (never a PERSON), a role noun to the name set next to it
("Minni Arko Minnawi, the governor", an actor with that title, "Kremlin spokesman Dmitry Peskov").
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Span

from .context import QuoteContext
from .cues import is_cue
from .grammar import words
from .regions import name_ending_at, title_words_before
from .resolve import resolve_name
from .speakers_document import resolve_document


def apposed_name(ctx: QuoteContext, span: Span) -> Span | None:
    """A PERSON set off by commas right after a nominal ('the governor of X, NAME,')."""
    i = bisect.bisect_left(ctx.ent_starts, span.end_char)
    for e in ctx.ents[i:i + 3]:
        gap = ctx.doc[span.end:e.start]
        if len(gap) > 5 or any(t.pos_ in ("VERB", "AUX") or t.i in ctx.quoted for t in gap):
            break
        if e.label_ == "PERSON" and len(gap) and gap[-1].text == "," \
                and e.end < len(ctx.doc) and ctx.doc[e.end].text == ",":
            return e
    return None


def named_subject_before(ctx: QuoteContext, span: Span) -> Span | None:
    """The name (title case, not a person) that is the subject of a speech verb earlier in the
    nominal's own paragraph: the group the nominal stands for, even when the tagger missed it."""
    for t in title_words_before(ctx, span):
        if t.dep_ != "nsubj" or t.ent_type_ == "PERSON" or not is_cue(t.head, ctx.lex.speech) \
                or t.lower_ in ctx.lex.speaker_nouns:
            continue
        name = name_ending_at(ctx, t)
        if len(name) > 1 or t.ent_type_ == "ORG":
            return name
    return None


def resolve_org(ctx: QuoteContext, span: Span, compatible: frozenset[str]) -> tuple[str, str | None] | None:
    """"the rights group" -> the nearest preceding named organisation (ORG entity) that shares a
    word with the phrase, else the nearest one whose name fits the noun (`compatible`). A phrase
    that names itself ("the Israeli army") and a PERSON are never resolved this way."""
    if any(t.ent_type_ or t.pos_ == "PROPN" for t in span[:-1]):
        return None
    ws = words(span.text)
    i = bisect.bisect_left(ctx.ent_starts, span.start_char) - 1
    limit = span.start_char - 3000
    fallback: Span | None = None
    seen = 0
    while i >= 0 and ctx.ent_starts[i] >= limit and seen < 10:
        e = ctx.ents[i]
        i -= 1
        if e.label_ != "ORG" or e.start in ctx.quoted or e.end > span.start:
            continue
        seen += 1
        ewords = words(e.text)
        if ws & ewords:
            return resolve_name(ctx, e)
        if fallback is None and ("*" in compatible or ewords & compatible):
            fallback = e
    return resolve_name(ctx, fallback) if fallback is not None else None


def _titled_actor(ctx: QuoteContext, span: Span, head: str) -> tuple[str, str | None] | None:
    """An actor with `head` among its titles, mentioned before the nominal."""
    for a in ctx.actors:
        if any(head in (tt or "").lower().split() for tt in a.get("titles") or []) \
                and any(m.get("start", len(ctx.text)) < span.start_char for m in a.get("mentions") or []):
            return a.get("name"), a.get("id")
    return None


def _person_near_earlier_role(ctx: QuoteContext, span: Span, head: str) -> tuple[str, str | None] | None:
    """"Dmitry Peskov, the Kremlin spokesman" / "Kremlin spokesman Dmitry Peskov" earlier: the
    entity nearest to one of the last 5 earlier occurrences of the role word, if it is a PERSON."""
    text = ctx.text
    pos = ctx.lower_text.rfind(head, 0, span.start_char)
    tries = 0
    while pos >= 0 and tries < 5:
        tries += 1
        window = ctx.doc.char_span(max(0, pos - 60), min(len(text), pos + 60), alignment_mode="expand")
        if window is not None:
            best = None
            for e in window.ents:
                if e.label_ == "PERSON" or (e.label_ == "ORG" and head not in ("spokesman", "spokeswoman")):
                    d = abs(e.start_char - pos)
                    if best is None or d < best[0]:
                        best = (d, e)
            if best is not None and best[1].label_ == "PERSON":
                return resolve_name(ctx, best[1])
        pos = ctx.lower_text.rfind(head, 0, pos)
    return None


def resolve_nominal(ctx: QuoteContext, span: Span,
                    last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """"the spokesman" -> an actor with that title, or a name next to that noun earlier on;
    "the statement" -> whoever issued it; "the group/the military" -> the last compatible
    named organisation. Always backwards: a nominal never refers to a name further on."""
    res = ctx.lex
    head = span[-1].lower_
    lemma = span[-1].lemma_.lower()
    if lemma in res.document_nouns or head in res.document_nouns:
        return resolve_document(ctx, span, last)
    if lemma in res.org_nominals or head in res.org_nominals:
        subject = named_subject_before(ctx, span)  # "Relief International ... said. '...,' the aid group said"
        if subject is not None:
            return subject.text, None
        return resolve_org(ctx, span, res.org_nominals.get(lemma) or res.org_nominals[head])
    appos = apposed_name(ctx, span)
    if appos is not None:  # "The governor of Darfur, Minni Arko Minnawi, accused ..."
        return resolve_name(ctx, appos)
    titled = _titled_actor(ctx, span, head)
    if titled is not None:
        return titled
    return _person_near_earlier_role(ctx, span, head)
