"""Casualty counts tied to a named casualty group: "Among the victims were 4 women", "The dead included
five children", "Two of the victims were children", "Of the dead, 20 were children", and "Six children
were among 11 people killed".

A group word gives its own kind ("the dead" -> killed); "victims" / "casualties" take the kind of the
latest count before it, else killed.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .casualty_clause import CasualtyClause
from .context import CountsDoc
from .grammar import list_first
from .lexicon import CountsLexicon
from .state import CountState


def among_count_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: "Six children were among 11 people killed": a subset of a count given after it."""
    if c.head is None:
        return
    am = ctx.patterns.among_count.match(ctx.text[c.ev_end:c.sent.end_char])
    if am is not None:
        c.kind, c.role = ctx.lex.cas_adjs[am.group(1).lower()], "subset"
        c.ev_end += am.end()


def among_group_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: "Among the victims were 4 women and 10 children": an inverted subset."""
    if c.head is None:
        return
    am = ctx.patterns.among.search(ctx.text[c.sent.start_char:c.m.qstart])
    if am is not None:
        c.ev_start = c.sent.start_char + am.start()
        c.kind, c.role = group_kind(ctx.lex, ctx.state, am.group(1), c.m.start), "subset"


def group_included_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: "The dead included five children", "Those killed included 12 soldiers"."""
    head = c.head
    if head is None:
        return
    g = list_first(head)
    v = g.head
    if g.dep_ in ("dobj", "obj") and v.lemma_.lower() == "include" and v.i < g.i:
        subj = next((x for x in v.children if x.dep_ == "nsubj"), None)
        word = group_word(ctx.lex, subj) if subj is not None else None
        if word is not None:
            c.kind, c.role = group_kind(ctx.lex, ctx.state, word, c.m.start), "subset"
            c.ev_start = min(c.ev_start, subj.left_edge.idx) if g is head else c.ev_start


def group_part_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: "Two of the victims were children", "Of the dead, 20 were children" (who must follow)."""
    m, sent, text, patterns = c.m, c.sent, ctx.text, ctx.patterns
    gm = patterns.group_part.match(text[m.end:sent.end_char]) or (
        patterns.group_front.search(text[sent.start_char:m.qstart]) if c.head is None else None)
    if gm is None:
        return
    rest = text[m.end:sent.end_char]
    who_m = re.match(r"(?:\s+of\s+(?:the|those)\s+(?:people\s+)?\w+)?\s+(?:were|was|are|is)\s+"
                     r"(?:also\s+|all\s+)?(?:an?\s+|the\s+)?(\S+)", rest)
    wt = ctx.doc.char_span(m.end + who_m.start(1), m.end + who_m.end(1), alignment_mode="expand") \
        if who_m is not None else None
    if wt is not None and (wt[0].lemma_.lower() in ctx.lex.people or wt[0].ent_type_ == "NORP"
                           or wt[0].lower_ == "from"):
        c.kind, c.role = group_kind(ctx.lex, ctx.state, gm.group(1), m.start), "subset"
        if gm.re is patterns.group_part:
            c.ev_end = max(c.ev_end, m.end + gm.end())
        else:
            c.ev_start = sent.start_char + gm.start()


def group_kind(lex: CountsLexicon, state: CountState, word: str, before: int) -> str:
    """Kind of a casualty group word ("the dead" -> killed); "victims"/"casualties" take the kind of the latest
    count before it, else killed."""
    return lex.among_words.get(word.lower()) or next(
        (e.data["kind"] for e in reversed(state.casualties) if e.pos < before), "killed")


def group_word(lex: CountsLexicon, tok: Token) -> str | None:
    """The casualty group a subject names: "the dead", "the victims", "those killed" -> dead/victims/killed."""
    if tok.lower_ in lex.among_words:
        return tok.lower_
    if tok.lower_ in ("those", "people", "persons"):
        for c in tok.children:
            if c.dep_ in ("acl", "relcl", "amod") and c.lower_ in lex.among_words:
                return c.lower_
    return None
