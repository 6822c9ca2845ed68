"""The tense of the clause a date expression sits in: "will meet on Thursday" looks ahead.

Read from the dependency parse (auxiliaries, past-tense verbs, future heads like "scheduled")
within a few heads of the expression, plus its preposition ("since" is past, "until" future).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .patterns import DateRules


def clause_tense(doc: Doc, start: int, end: int, rules: DateRules) -> str | None:
    """"future" / "past" for the clause governing the expression, None when unclear (no verb
    within a few heads, as in "the Nov. 8 election")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    prep = doc[span.start - 1].lower_ if span.start > 0 else ""
    if prep in rules.past_prepositions:
        return "past"  # "since Jan. 1"
    tense = _governing_verb_tense(span.root, prep, rules)
    if tense is None and prep in rules.until_prepositions:
        return "future"  # "a curfew is in force until Monday": an end point not in the past
    return tense


def is_future(doc: Doc, start: int, end: int, rules: DateRules) -> bool:
    """True when the expression's clause is in the future tense."""
    return clause_tense(doc, start, end, rules) == "future"


def _governing_verb_tense(tok: Token, prep: str, rules: DateRules) -> str | None:
    """Walk up at most four heads from the expression to the first verb and read its tense."""
    for _ in range(4):
        if tok.lemma_.lower() in rules.future_heads or tok.lower_ in rules.future_heads:
            return "future"
        if tok.pos_ in {"VERB", "AUX"}:
            aux = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
            if any(c.lower_ in rules.future_markers for c in aux) or (
                    tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.children)):
                return "future"
            if prep == "from" and tok.lemma_.lower() in rules.announce_verbs:
                return "future"  # "declared three days of mourning from Wednesday"
            if tok.tag_ == "VBD" or any(c.tag_ == "VBD" or c.lemma_ == "have" for c in aux):
                return "past"
            return None
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None
