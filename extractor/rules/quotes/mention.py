"""From the token that names a speaker to the speaker record {name, actor_id, mention, method}:
the mention span (an entity, a pronoun or a noun phrase), how it refers (explicit, pronoun,
nominal, relative), and its name, resolved by resolve.py, speakers_pronoun.py or
speakers_nominal.py.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from .context import QuoteContext
from .grammar import PRONOUNS_GROUP, PRONOUNS_PERSON
from .resolve import resolve_name
from .speakers_nominal import resolve_nominal
from .speakers_pronoun import pronoun_referent

#: the speaker chosen for the previous quotation and its paragraph index, or None
LastSpeaker = tuple[dict[str, Any], int] | None


def _person_in_phrase(ctx: QuoteContext, t: Token, span: Span) -> Span | None:
    """A PERSON right after the head noun ("the engineer Rahul Mehta said") or ending at it
    ("Kremlin spokesman Dmitry Peskov" mis-parsed)."""
    doc = ctx.doc
    if t.i + 1 < len(doc):  # "the engineer Rahul Mehta said"
        e = ctx.entity_of(doc[t.i + 1])
        if e is not None and e.label_ == "PERSON" and e.start == t.i + 1:
            return e
    for tok in span:
        e = ctx.entity_of(tok)
        if e is not None and e.label_ in ("PERSON",) and e.end == t.i + 1:
            return e
    return None


def mention_span(ctx: QuoteContext, t: Token) -> tuple[Span, str]:
    """The span naming or referring to the speaker, and how it refers (explicit/pronoun/nominal)."""
    doc = ctx.doc
    ent = ctx.entity_of(t)
    if ent is not None:
        return ent, "explicit"
    if t.pos_ == "PRON" or t.lower_ in PRONOUNS_PERSON or t.lower_ in PRONOUNS_GROUP:
        return doc[t.i:t.i + 1], "pronoun"
    for c in t.children:  # "A Kremlin spokesperson, Dmitry Peskov,"
        if c.dep_ == "appos":
            e = ctx.entity_of(c)
            if e is not None and e.label_ in ("PERSON", "ORG"):
                return e, "explicit"
    # a proper-noun compound inside the phrase ("Kremlin spokesman Dmitry Peskov" mis-parsed)
    start = t.i
    for c in t.children:
        if c.i < t.i and c.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod", "case", "punct"):
            start = min(start, c.left_edge.i)
    while start < t.i and doc[start].is_punct:
        start += 1
    span = doc[start:t.i + 1]
    person = _person_in_phrase(ctx, t, span)
    if person is not None:
        return person, "explicit"
    return span, "nominal"


def speaker(ctx: QuoteContext, t: Token, method: str, last: LastSpeaker) -> dict[str, Any]:
    """The speaker record for token `t` found by `method` (`last`: the previous quotation's
    speaker, which pronouns and documents may continue)."""
    if method == "relative":
        # "Lionel Sosa, ..., who said": the relative pronoun refers, the antecedent names
        head = t.head.head if t.head.dep_ == "relcl" else t.head
        ref = speaker(ctx, head, "explicit", last)
        return dict(ref, mention={"text": t.text, "start": t.idx, "end": t.idx + len(t.text)},
                    method="relative")
    span, kind = mention_span(ctx, t)
    mention = {"text": span.text, "start": span.start_char, "end": span.end_char}
    if method == "explicit" and kind != "explicit":
        method = kind
    name, actor_id = None, None
    if kind == "explicit":
        name, actor_id = resolve_name(ctx, span)
    else:
        found = pronoun_referent(ctx, span, last) if kind == "pronoun" else resolve_nominal(ctx, span, last)
        if found is not None:
            name, actor_id = found
    if name is None:
        name = span.text
    return {"name": name, "actor_id": actor_id, "mention": mention, "method": method}
