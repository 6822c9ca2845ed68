"""Counts that are not facts: projections and guesses under a modal ("could affect a billion people",
"may have killed 30"). A casualty count found by the kind rules is dropped when this says so.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_MODALS = frozenset(["could", "would", "may", "might", "should", "will", "can", "must"])


def is_hypothetical(span: Span, head: Token | None) -> bool:
    """ "could affect a billion people", "may have killed 30": projections and guesses are no counts."""
    tok = head if head is not None else span[-1]
    v = tok.head
    for _ in range(2):
        if v.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children):
            return True
        if v.head is v:
            break
        v = v.head
    return False
