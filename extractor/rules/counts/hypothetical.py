"""Counts that are not facts: projections and guesses under a modal ("could affect a billion people",
"may have killed 30"), forecasts and probabilities ("a 42% chance of more than 10,000 deaths", "the toll
is expected to reach 500"). A casualty count found by the kind rules is dropped when this says so: a
forecast is no casualty at all (not even one marked as background).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import CountsLexicon

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


def is_forecast(lex: CountsLexicon, span: Span, head: Token | None) -> bool:
    """ "a 42% chance of more than 10,000 deaths", "the risk of 300 deaths", "is expected to reach 500": the count
    hangs (within three steps) off a forecast noun or verb."""
    tok = head if head is not None else span[-1]
    for _ in range(3):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        lem = tok.lemma_.lower()
        fig = lex.figures
        if (tok.pos_ == "NOUN" and lem in fig.forecast_nouns) or (tok.pos_ == "VERB" and lem in fig.forecast_verbs):
            return True
    return False
