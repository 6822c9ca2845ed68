"""Reading one amount as a casualty count: the kind rules, tried in order, then the entry.

The first rule that ties the amount to a kind wins (see casualty_clause.py for the protocol);
a hypothetical count is dropped, the place is looked up, and the entry is kept with a note whether
a definite determiner ("the four wounded") refers back to a count already given. A new kind rule
goes into KIND_RULES at the place where it should take precedence.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .amounts import NumberMatch
from .background import is_background
from .casualty_clause import CasualtyClause, KindRule
from .casualty_groups import among_count_kind, among_group_kind, group_included_kind, group_part_kind
from .casualty_noun import counted_phrase_kind
from .casualty_predicate import predicate_kind, relative_clause_kind
from .casualty_relations import relate
from .casualty_subsets import earlier_count_kind, elliptical_breakdown_kind
from .casualty_toll import tally_value_kind, toll_kind
from .casualty_verb import companion_kind, governing_verb_kind, phrase_before_kind
from .context import CountsDoc
from .hedges import is_hedged
from .hypothetical import is_forecast, is_hypothetical
from .places import casualty_place
from .state import Entry

#: The kind rules, in the order they are tried.
KIND_RULES: tuple[KindRule, ...] = (
    counted_phrase_kind,  # "six fatalities", "21 injured", "eight injured residents"
    tally_value_kind,  # "the number of victims who were killed increased to 20 and 40 others were wounded"
    phrase_before_kind,  # "claimed the lives of 12 people", "the murder of 14 civilians (initially kidnapped)"
    predicate_kind,  # "three soldiers died", "25 people were killed", "12 dead"
    relative_clause_kind,  # "the 870 people who were injured"
    governing_verb_kind,  # "killed at least two people", "injuring seven"
    companion_kind,  # "was killed alongside his nephew", "along with four other party members"
    toll_kind,  # "the death toll rose to 25"
    earlier_count_kind,  # "injuring seven, including two children"
    among_count_kind,  # "Six children were among 11 people killed"
    among_group_kind,  # "Among the victims were 4 women and 10 children"
    group_included_kind,  # "The dead included five children"
    group_part_kind,  # "Two of the victims were children", "Of the dead, 20 were children"
    elliptical_breakdown_kind,  # "Another three were killed elsewhere in Syria – one in Aleppo"
)

#: a definite determiner right before a count: the article refers back to a count it gave
_DEFINITE_RE = re.compile(r"\b(?:the|those|these|all)\s+$", re.IGNORECASE)


def read_single(ctx: CountsDoc, m: NumberMatch, span: Span, head: Token) -> None:
    """Build the casualty entry of one victim named without a number ("A journalist was killed"), unless the
    phrase is already part of a count or the sentence asks a question."""
    sent = head.sent
    if any(e.pos <= head.idx < e.np_end for e in ctx.state.casualties if e.sent_start == sent.start):
        return  # the person is inside a counted phrase ("five members of the chief's family")
    if ctx.text[sent.start_char:sent.end_char].rstrip(" \"'’”)").endswith("?"):
        return  # "Who killed the journalist?"
    read_casualty(ctx, m, span, sent, head, single=True)


def read_casualty(ctx: CountsDoc, m: NumberMatch, span: Span, sent: Span, head: Token | None, *,
                  single: bool = False) -> None:
    """Build the casualty entry for one amount (`single`: one victim named without a number) when some word
    ties it to a kind."""
    if m.start in ctx.state.consumed:
        return
    ev_end = (head.idx + len(head.text)) if head is not None and head.i >= span.end else m.end
    c = CasualtyClause(m, span, sent, head, m.qstart, ev_end, single=single)
    for rule in KIND_RULES:
        rule(ctx, c)
        if c.kind is not None:
            break
    if c.kind is None or is_hypothetical(span, head) or is_forecast(ctx.lex, span, head) or _negated(ctx, c):
        return
    place = c.place or casualty_place(ctx.doc, span, sent, ctx.places)
    entry = {"kind": c.kind, "count": m.value, "qualifier": m.qualifier, "vague": m.vague, "who": c.who,
             "place": place, "text": ctx.text[c.ev_start:c.ev_end], "start": c.ev_start, "end": c.ev_end,
             "hedged": is_hedged(ctx, c), "background": is_background(ctx, span, head)}
    definite = _DEFINITE_RE.search(ctx.text[max(sent.start_char, m.qstart - 12):m.qstart]) is not None
    np_end = (head.idx + len(head.text)) if head is not None and head.i >= span.end else m.end
    if single and head is not None:  # "the body of a fisherman": the person after "of" is inside the phrase
        of = next((ch for ch in head.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
        last = of.right_edge if of is not None else None
        while last is not None and last.is_punct and last.i > of.i:
            last = last.doc[last.i - 1]
        np_end = max(np_end, last.idx + len(last.text)) if last is not None else np_end
    rel = relate(ctx, c, np_end)
    ctx.state.casualties.append(Entry(entry, sent.start, m.start, definite, rel.role, rel.list_id, rel.adds,
                                      np_end))


def _negated(ctx: CountsDoc, c: CasualtyClause) -> bool:
    """ "The driver was not hurt", "two soldiers were never found": a negated predicate is no casualty."""
    ev = ctx.doc.char_span(c.m.end, c.ev_end, alignment_mode="expand") if c.ev_end > c.m.end else None
    return ev is not None and any(t.dep_ == "neg" for t in ev)  # not "No fewer than 16": that is a qualifier
