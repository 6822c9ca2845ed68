"""Counts of other events than the article's own: earlier events cited as background ("in 2009, 66 people
died in a nightclub fire", "the deadliest since the 2005 quake, which killed 73,000") and running tallies
over a long period ("more than 300 have died since the start of the insurgency").

Such a count stays in `casualties` with `background: true` and never counts in `totals`. What decides
is a date in the count's own clause: a bare year (before the article's year when that is known), a past
expression ("five years ago", "last year"), or "since" with a year, a month or the start of a long
period. A date elsewhere in the sentence does not: "The quake, the deadliest since 2005, killed 235"
is today's figure (a superlative's "since" compares, it does not date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from .context import CountsDoc

#: a year written as digits
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
#: how many dependency steps below the clause's verb a date may sit ("died in 2009", "killed in the 2011 war")
_MAX_DEPTH = 3
#: clauses of their own inside the count's clause, whose dates are not the count's
_CLAUSE_DEPS = frozenset(["relcl", "advcl", "ccomp", "csubj", "parataxis"])


def is_background(ctx: CountsDoc, span: Span, head: Token | None) -> bool:
    """True when the clause of the count (`span`, counting `head`) dates it before the article's event or makes
    it a long running tally. Used for casualties (`background`) and for weapons (kept out of `totals`: "launched
    600 drones since the start of the year")."""
    counted = head if head is not None else span[-1]
    anchor = _anchor(counted)
    if anchor is None:
        return False
    published = ctx.doc._.extractor_published
    article_year = int(published[:4]) if isinstance(published, str) and published[:4].isdigit() else None
    for tok in _clause_tokens(anchor, counted):
        if tok.lower_ == "since" and tok.dep_ == "prep" and _cumulative_since(ctx, tok, article_year):
            return True
        if _past_year(ctx, tok, article_year) or _past_words(ctx, tok):
            return True
    return False


def _anchor(tok: Token) -> Token | None:
    """The verb of the count's clause: the first verb above the counted word ("66 people died")."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _clause_tokens(anchor: Token, counted: Token) -> Iterator[Token]:
    """The tokens of the count's clause: the anchor's subtree without clauses of their own and superlatives'
    complements; for a relative clause also the noun it describes ("the 2005 quake, which killed 73,000")."""
    stack = [(anchor, 0)]
    while stack:
        tok, depth = stack.pop()
        yield tok
        if depth >= _MAX_DEPTH:
            continue  # "a day after their release ... during the 2011 revolt": too deep to date the count
        superlative = tok.tag_ == "JJS" or any(ch.tag_ == "JJS" for ch in tok.children)
        for ch in tok.children:
            if ch.dep_ in _CLAUSE_DEPS and not _contains(ch, counted):
                continue
            if ch.tag_ == "JJS" or (ch.dep_ in ("prep", "npadvmod") and superlative):
                continue  # "the deadliest since 2005", "the worst violence in decades": a comparison, no date
            stack.append((ch, depth + 1))
    if anchor.dep_ in ("relcl", "acl") and anchor.head.pos_ in ("NOUN", "PROPN"):
        event = anchor.head
        yield event
        for ch in event.children:
            if ch.i != anchor.i and ch.i < event.i:
                yield from ch.subtree


def _contains(root: Token, tok: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i


def _past_year(ctx: CountsDoc, tok: Token, article_year: int | None) -> bool:
    """A bare year in the clause ("in 2009", "the 2005 quake"), before the article's year when that is known; a
    full date with its day ("on 25 July 2016") is the event's own date."""
    if not _YEAR_RE.fullmatch(tok.text):
        return False
    if article_year is not None and int(tok.text) >= article_year:
        return False
    ent = ctx.ent_at.get(tok.i)
    if ent is not None and ent.label_ != "DATE":
        return False  # "at about 1930 local time"
    if ent is not None:
        has_day = any(t.i != tok.i and (t.like_num or t.lower_.endswith("day")) for t in ent)
        has_month = any(t.lower_ in ctx.lex.figures.months for t in ent)
        if has_day or (has_month and article_year is None):
            return False  # "on 25 July 2016" is the event's own date
    if tok.dep_ in ("nummod", "compound", "amod", "nmod", "poss"):
        return tok.head.pos_ == "NOUN" and tok.head.lower_ not in ("time", "hours", "hrs", "gmt")  # "the 2005 quake"
    return tok.dep_ in ("pobj", "npadvmod")


def _past_words(ctx: CountsDoc, tok: Token) -> bool:
    """ "five years ago", "last year" in a DATE of the clause."""
    ent = ctx.ent_at.get(tok.i)
    if ent is None or ent.label_ != "DATE" or tok.i != ent.start:
        return False
    low = ent.text.lower()
    return any(re.search(r"\b" + re.escape(w) + r"\b", low) for w in ctx.lex.figures.past_words)


def _cumulative_since(ctx: CountsDoc, since: Token, article_year: int | None) -> bool:
    """ "since 2015", "since November", "since the start of the war": a long running tally ("since Friday" and
    "since the attack" are the article's own event)."""
    doc = since.doc
    if any(ch.tag_ == "JJS" for ch in since.head.children) or any(
            t.tag_ == "JJS" for t in doc[max(since.sent.start, since.i - 4):since.i]):
        return False  # "the largest such discovery since the civil war", "their deadliest attack since 2017"
    for t in since.subtree:
        if t.i == since.i:
            continue
        low = t.lower_
        if _YEAR_RE.fullmatch(t.text) and (article_year is None or int(t.text) <= article_year):
            return True
        if low in ctx.lex.figures.months or t.lemma_.lower() in ctx.lex.figures.since_cumulative:
            return True
    return False
