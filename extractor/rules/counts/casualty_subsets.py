"""Casualty counts that take their kind from an earlier count of the same sentence.

"injuring seven, including two children" (a subset cue), "including 12 children and eight women"
(members of the subset's list), "83 people were injured, including eight who were shot" (a bare
number after the cue), and "Another three were killed elsewhere – one in Aleppo" (a breakdown by place).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from .amounts import NumberMatch
from .breakdowns import breakdown_place
from .casualty_clause import CasualtyClause
from .context import CountsDoc
from .grammar import list_first
from .state import CountState


def earlier_count_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: a subset of an earlier count after a cue ("injuring seven, including two children", "83 people
    were injured, including eight who were shot") or a member of a listed subset."""
    m, sent = c.m, c.sent
    cue_start = subset_cue_start(ctx, sent, m)
    prev = ctx.state.last_casualty(sent.start, m.start)
    if cue_start is not None and prev is not None:
        c.kind, c.ev_start, c.role = prev["kind"], cue_start, "subset"
    elif c.head is not None and prev is not None:
        _list_member_kind(ctx.state, c, prev)


def _list_member_kind(state: CountState, c: CasualtyClause, prev: dict[str, Any]) -> None:
    """ "including 12 children and eight women": a conjunct of the previous subset; "including a man, his
    three children and a woman": a member of an "including" list."""
    head = c.head
    assert head is not None
    first = list_first(head)
    if first is head:  # "including a firefighter and two of his colleagues": the number is the conjunct
        first = list_first(c.span[-1]) if c.span[-1].dep_ == "conj" else head
    if first is not head:
        owner = state.casualty_covering(c.sent.start, first.idx)
        if owner is not None:  # the list's first member was counted: same kind (and role) for all
            c.kind, c.role = owner.data["kind"], owner.role
        elif first.dep_ == "pobj" and first.head.lower_ in ("including", "among"):
            c.kind, c.role = prev["kind"], "subset"


def elliptical_breakdown_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: a bare number breaking an earlier count down by place ("Another three were killed elsewhere in
    Syria – one in Aleppo"); it takes that count's kind and its own place."""
    if c.head is not None:
        return
    prev = ctx.state.last_casualty(c.sent.start, c.m.start)
    at = breakdown_place(ctx.doc, c.m, c.sent, ctx.places) if prev is not None else None
    if prev is not None and at is not None:
        c.kind, c.place, c.ev_end, c.role = prev["kind"], at[2], at[1], "subset"


def subset_cue_start(ctx: CountsDoc, sent: Span, m: NumberMatch) -> int | None:
    """Start of a subset cue ("including", "among them", "which includes") right before the amount."""
    before = ctx.text[max(sent.start_char, m.qstart - 14):m.qstart].lower()
    for cue in ctx.lex.inherit_cues:
        hit = re.search(r"\b" + re.escape(cue) + r"\s+$", before)
        if hit is not None:
            return m.qstart - (len(before) - hit.start())
    return None
