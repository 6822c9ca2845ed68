"""Pronoun speakers ("he said", "they said") resolved to a name, always backwards: "he/she"
continues the last quoted person unless another person was named in the pronoun's paragraph
since; otherwise he/she -> a preceding PERSON, they/it/we -> a preceding ORG, preferring the
subject of a speech verb; with no name at all, the unnamed speaker described just before.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Span, Token

from .context import QuoteContext
from .cues import is_cue
from .grammar import PRONOUNS_PERSON, words
from .regions import name_ending_at, title_words_before
from .resolve import is_person_name, resolve_name


def _subject(t: Token) -> bool:
    """Is `t` (the head of a name) a clause subject, or joined to one ("Varadkar and Zelensky met")?"""
    return t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "conj" and t.head.dep_ in ("nsubj", "nsubjpass"))


def other_person_before(ctx: QuoteContext, pron: Span, name: str) -> Span | None:
    """A different person named earlier in the pronoun's own paragraph, outside quotes, as the
    subject of a clause (a PERSON, or a proper noun subject of a speech verb: "Zelenskyy, speaking
    in Pretoria, said ... '...,' he said"): the pronoun refers to them, not to the last quoted
    person. A person named as an object ("He also informed Mr Varadkar ...") does not take over."""
    ws = words(name)
    nouns = ctx.lex.speaker_nouns
    for t in title_words_before(ctx, pron):
        # the tagger may call an unknown surname a common noun ("Zelenskyy, speaking ..., said")
        name_like = t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.lower_ not in nouns
                                           and t.lemma_.lower() not in nouns)
        if (t.ent_type_ == "PERSON" and _subject(t)) or (name_like and t.dep_ == "nsubj"
                                                        and is_cue(t.head, ctx.lex.speech) and not t.ent_type_):
            span = name_ending_at(ctx, t)
            if not words(span.text) & ws:
                return span
    return None


def _described_speaker(ctx: QuoteContext, pron: Token) -> str | None:
    """"A township spokesman said ... '...,' he said": with no name to refer to, the pronoun
    stands for the unnamed speaker described just before (the subject of a speech verb in
    its own or the two previous sentences)."""
    person = pron.lower_ in PRONOUNS_PERSON
    doc = ctx.doc
    sents = []
    sent = pron.sent
    for _ in range(3):
        sents.append(sent)
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    for sent in sents:
        for t in reversed(sent):
            if t.i >= pron.i or t.pos_ != "NOUN" or t.i in ctx.quoted or t.ent_type_:
                continue
            according = t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.i > 0 \
                and doc[t.head.i - 1].lower_ == "according"
            if not according and not (t.dep_ == "nsubj" and is_cue(t.head, ctx.lex.speech)):
                continue
            low = t.lemma_.lower()
            if low in ctx.lex.document_nouns or (person and low in ctx.lex.org_nominals):
                continue
            left = t.left_edge.i
            if t.i - left > 7:
                left = t.i - 7
            return doc[left:t.i + 1].text
    return None


def _salient_entity(ctx: QuoteContext, pron: Token) -> Span | None:
    """The preceding entity of the pronoun's type (PERSON for he/she, else ORG or a place that is
    a clause subject), among the last 12
    within 2,500 chars: a name earlier in its own sentence, else the nearest subject of a speech
    verb, else the nearest subject, else the nearest mention (salience by grammatical role, in
    the spirit of Lappin & Leass 1994)."""
    want = "PERSON" if pron.lower_ in PRONOUNS_PERSON else "ORG"
    i = bisect.bisect_left(ctx.ent_starts, pron.idx) - 1
    limit = pron.idx - 2500
    nearest: Span | None = None
    subject: Span | None = None
    seen = 0
    while i >= 0 and ctx.ent_starts[i] >= limit and seen < 12:
        e = ctx.ents[i]
        i -= 1
        # a country or city acting as the subject of a clause ("Beijing has denied ... it has
        # accused") is an actor that "it"/"they" can stand for, like an organisation
        metonym = want == "ORG" and e.label_ in ("GPE", "NORP") and e.root.dep_ in ("nsubj", "nsubjpass")
        if (e.label_ != want and not metonym) or e.end > pron.i or e.start in ctx.quoted:
            continue
        seen += 1
        if nearest is None:
            nearest = e
            if e.sent.start == pron.sent.start:
                return e  # a name earlier in the pronoun's own sentence
        root = e.root
        if root.dep_ in ("nsubj", "nsubjpass"):
            if is_cue(root.head, ctx.lex.speech):
                return e
            if subject is None:
                subject = e
    return subject or nearest


def _coordinated_antecedent(ctx: QuoteContext, pron: Token) -> tuple[str, str | None] | None:
    """"China and Belarus ... would bolster their cooperation. They also pledged ...": for they/we,
    names joined by "and" as the subject of a clause in the pronoun's sentence or the one before,
    as one group (the names joined, the first one's actor)."""
    if pron.lower_ not in ("they", "we"):
        return None
    doc = ctx.doc
    start = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else pron.sent.start
    for t in reversed(doc[start:pron.i]):
        if t.dep_ not in ("nsubj", "nsubjpass") or t.i in ctx.quoted:
            continue
        head_ent = ctx.entity_of(t)
        conj = [c for c in t.children if c.dep_ == "conj" and ctx.entity_of(c) is not None]
        if head_ent is None or not conj or not any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children):
            continue
        names = [resolve_name(ctx, e) for e in [head_ent, *(ctx.entity_of(c) for c in conj)] if e is not None]
        return " and ".join(n for n, _ in names), names[0][1]
    return None


def resolve_pronoun(ctx: QuoteContext, pron: Token,
                    last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """they/we -> names joined by "and" as a subject just before; he/she -> a preceding PERSON,
    they/it/we -> a preceding ORG (`_salient_entity`); with none, the last speaker, else the
    unnamed speaker described just before."""
    group = _coordinated_antecedent(ctx, pron)
    if group is not None:
        return group
    best = _salient_entity(ctx, pron)
    if best is not None:
        return resolve_name(ctx, best)
    if last is not None:
        return last[0]["name"], last[0].get("actor_id")
    described = _described_speaker(ctx, pron)
    if described is not None:
        return described, None
    return None


def pronoun_referent(ctx: QuoteContext, span: Span,
                     last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """(name, actor id) a pronoun mention refers to. "he said" continues the last quoted person
    (same or previous paragraph) unless a different person was named in the pronoun's paragraph
    before it (then that person); otherwise `resolve_pronoun`."""
    ref = None
    if last is not None and span[0].lower_ in ("he", "she") and last[0].get("name"):
        other = other_person_before(ctx, span, last[0]["name"])
        if other is not None:
            ref = resolve_name(ctx, other)
        elif last[0].get("method") != "pronoun_org" and ctx.para_index(span.start_char) - last[1] <= 1 \
                and is_person_name(ctx, last[0]["name"]):
            ref = last[0]["name"], last[0].get("actor_id")  # "he said" continues the last quoted person
    if ref is None:
        ref = resolve_pronoun(ctx, span[0], last)
    return ref
