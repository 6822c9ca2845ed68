"""One amount: is it a count at all, what does it count, and is it a weapon or a casualty count?

The NER veto comes first ("the past 24 hours" is a DATE); then the counted noun (counted_noun.py)
and the weapon class (weapon_class.py) decide: a weapon class gives a weapon entry (weapons.py), a
person, a casualty word or a bare number may give a casualty entry (casualties.py), anything else
(regions, houses, nations) nothing.
"""

from __future__ import annotations

from spacy.tokens import Span

from .amounts import NumberMatch
from .casualties import read_casualty
from .casualty_noun import can_be_casualty
from .context import CountsDoc
from .counted_noun import counted_thing
from .grammar import QUALIFIER_WORDS
from .weapon_class import counted_weapon_class, weapon_class
from .weapons import read_weapon

#: entity labels that are never counts
_NOT_COUNT_ENTS = frozenset(["DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"])


def ner_says_not_count(ctx: CountsDoc, span: Span, m: NumberMatch) -> bool:
    """True when the NER puts the number inside a date/time/money/... expression ("the past 24 hours").

    A bare number tagged DATE ("wounding 47") is a tagging slip unless it looks like a year, and a
    number followed by a person or weapon noun is a count whatever the tag says."""
    doc = ctx.doc
    ent = ctx.ent_at.get(span[0].i)
    if ent is None or ent.label_ not in _NOT_COUNT_ENTS:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (weapon_class(ctx.lex, nxt) or nxt.lemma_.lower() in ctx.lex.people):
        return False
    extra = [t for t in ent if not (span.start <= t.i < span.end) and not t.like_num
             and t.lower_ not in QUALIFIER_WORDS]
    if extra and all(t.i >= span.end and t.lower_ in ctx.lex.figures.weekdays for t in extra):
        extra = []  # "wounded 22 Tuesday": the day dates the event, the number is a count
    if extra:
        return True
    return ent.label_ in ("DATE", "TIME") and m.value is not None and 1900 <= m.value <= 2100 and "," not in m.text


def read_amount(ctx: CountsDoc, m: NumberMatch, span: Span) -> None:
    """Route one amount: weapon entry, casualty entry, or nothing (regions, houses, nations...)."""
    if m.start in ctx.state.consumed:
        return
    sent = span[0].sent
    head, total, phead = counted_thing(ctx, span, sent)
    wclass, head = counted_weapon_class(ctx, span, sent, head, total)
    if wclass:
        read_weapon(ctx, m, span, sent, head, wclass, total, phead)
        return
    if total is not None and m.value == 1:
        return  # "one of 20 students killed": an individual, the total is counted on its own
    if head is not None and not can_be_casualty(ctx.lex, head):
        return
    doc = ctx.doc
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lemma_.lower() in \
            ctx.lex.parent_nouns:
        return  # "the 42-year-old mother of three died": her children are no victims
    read_casualty(ctx, m, span, sent, head)
