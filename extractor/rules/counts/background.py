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
from .lexicon import FiguresLexicon

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
    if _war_long(ctx, anchor) and not any(t.lower_ in ctx.lex.figures.weekdays for t in anchor.subtree):
        return True  # (but "the war killed 3 people on Monday" is that day's count)
    for tok in _clause_tokens(anchor, counted):
        if tok.lower_ == "since" and tok.dep_ in ("prep", "mark") and _cumulative_since(ctx, tok, article_year):
            return True
        if _past_year(ctx, tok, article_year) or _past_words(ctx, tok):
            return True
    return False


def _war_long(ctx: CountsDoc, anchor: Token) -> bool:
    """A tally over a whole war or a rate, not one event's count: "the conflict has claimed 14,000 lives",
    "14,000 people have died in the conflict", "killing 1,000 troops every day"."""
    fig = ctx.lex.figures
    if anchor.dep_ == "relcl" and _war_word(fig.war_nouns, anchor.head):
        return True  # "an eight-year conflict that has claimed more than 14,000 lives"
    for c in anchor.children:
        if c.dep_ in ("nsubj", "agent") and _war_word(fig.war_nouns, c):
            return True
        if c.dep_ == "csubj" and any(x.dep_ == "nsubj" and _war_word(fig.war_nouns, x) for x in c.children):
            return True  # "the armed conflict waged by Russia has claimed ..." parsed with a clausal subject
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "throughout") and any(
                p.dep_ == "pobj" and _war_word(fig.war_nouns, p) and not any(
                    d.dep_ == "det" and d.lower_ in ("a", "an") for d in p.children) for p in c.children):
            return True  # "in the conflict", "in the Second World War" (not "in a conflict over land")
        if c.dep_ == "prep" and c.lower_ in ("in", "over") and any(
                p.dep_ == "pobj" and p.lemma_.lower() in ("year", "decade") and p.lower_ != p.lemma_.lower()
                and any(n.like_num for n in p.children) for p in c.children):
            return True  # "died in 10 years of civil war", "over three years" (not "in two days of raids")
        if c.dep_ in ("npadvmod", "advmod", "prep") and _rate(fig, c):
            return True  # "every day", "a day", "per week"
    return False


def _rate(fig: FiguresLexicon, phrase: Token) -> bool:
    """ "every day", "each week", "a day", "per month": a rate word right before a time unit."""
    toks = list(phrase.subtree)
    return any(a.lower_ in fig.rate_words and b.lemma_.lower() in fig.time_units and len(toks) <= 3
               for a, b in zip(toks, toks[1:], strict=False))


def _war_word(war_nouns: frozenset[str], tok: Token) -> bool:
    """A war noun heads the phrase ("the conflict", "the Second World War"; for an agent, its object)."""
    if tok.dep_ == "agent":
        return any(p.dep_ == "pobj" and _war_word(war_nouns, p) for p in tok.children)
    return tok.lemma_.lower() in war_nouns


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
            if ch.dep_ in _CLAUSE_DEPS and not _contains(ch, counted) and not any(
                    m.dep_ == "mark" and m.lower_ == "since" for m in ch.children):
                continue  # (a "since" clause dates the count: "killed since Russia launched its invasion")
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
    full date with its day ("on 25 July 2016") is the event's own date, unless it is two or more years before
    the article's."""
    if not _YEAR_RE.fullmatch(tok.text):
        return False
    if article_year is not None and int(tok.text) >= article_year:
        return False
    if article_year is not None and int(tok.text) <= article_year - 2:
        long_ago = ctx.ent_at.get(tok.i)
        if long_ago is not None and long_ago.label_ == "DATE":
            return True  # "he died on September 4, 2014" in an article of 2022
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
    clause = since.head.subtree if since.dep_ == "mark" else since.subtree  # "since Russia launched its invasion"
    for t in clause:
        if t.i == since.i:
            continue
        low = t.lower_
        if _YEAR_RE.fullmatch(t.text) and (article_year is None or int(t.text) <= article_year):
            return True
        if low in ctx.lex.figures.months or t.lemma_.lower() in ctx.lex.figures.since_cumulative:
            return True
    return False
