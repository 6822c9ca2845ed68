"""Hedged counts: "No fewer than 10 persons were feared dead", "12 people are presumed killed", "six children
have reportedly been killed", "are believed to have died".

The source doubts its own figure, so the count is kept and marked `hedged`: totals.py uses it only when
the article has nothing firmer. A verb of belief hedges only a casualty word it governs ("believed to be
militants" is about who they were, not whether they died).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .casualty_clause import CasualtyClause
from .context import CountsDoc


def is_hedged(ctx: CountsDoc, c: CasualtyClause) -> bool:
    """True when a hedge governs the casualty predicate of clause `c`."""
    lex = ctx.lex
    ev = ctx.doc.char_span(c.ev_start, c.ev_end, alignment_mode="expand")
    if ev is None:
        return False
    low = ctx.text[c.ev_start:c.ev_end].lower()
    words = "|".join(map(re.escape, lex.figures.hedge_verbs))
    # "were feared dead", "are presumed killed", "are believed to have died"
    if re.search(r"\b(?:" + words + r")\s+(?:to\s+(?:have\s+(?:been\s+)?|be\s+))?(?:\w+ed|dead|slain|died)\b", low) \
            and _casualty_after_belief(ctx, ev):
        return True
    for t in ev:
        if t.lower_ in lex.figures.hedge_adverbs:
            return True  # "were reportedly killed"
        if t.pos_ in ("VERB", "AUX", "ADJ") and _hedged_verb(ctx, t):
            return True
    return False


def _casualty_after_belief(ctx: CountsDoc, ev: object) -> bool:
    """The word after the belief verb is a casualty word ("feared dead", "presumed killed", "to have died")."""
    lex = ctx.lex
    toks = list(ev)  # type: ignore[call-overload]
    for i, t in enumerate(toks):
        if t.lower_ not in lex.figures.hedge_verbs:
            continue
        for nxt in toks[i + 1:i + 5]:
            lem = nxt.lemma_.lower()
            if nxt.lower_ in lex.cas_adjs or lem in lex.cas_verbs or nxt.lower_ in lex.cas_verbs:
                return True
            if nxt.lower_ not in ("to", "have", "been", "be"):
                break
    return False


def _hedged_verb(ctx: CountsDoc, t: Token) -> bool:
    """A casualty verb modified by a hedge adverb outside the evidence ("militants reportedly killed 12")."""
    if not (t.lemma_.lower() in ctx.lex.cas_verbs or t.lower_ in ctx.lex.cas_adjs):
        return False
    return any(ch.dep_ == "advmod" and ch.lower_ in ctx.lex.figures.hedge_adverbs for ch in t.children)
