"""Building the weapon entry of one amount: class, count, action, operator, by, place and evidence.

The class is decided before (weapon_class.py); here the action is read (weapon_action.py), aid and
sales are dropped, the operator (weapon_operator.py) and `by` (weapon_by.py) are looked up, and a
partitive's stated total ("74 of the 117 drones") and any per-region breakdown add entries of their own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .amounts import NumberMatch
from .background import is_background
from .breakdowns import weapon_breakdown
from .context import CountsDoc
from .places import weapon_place
from .weapon_action import is_transfer, weapon_action
from .weapon_by import downed_by
from .weapon_operator import doc_attacker, operator

#: actions after which the weapons were brought down (and someone may have done it: `by`)
_DOWN_ACTIONS = frozenset(["shot_down", "intercepted", "destroyed"])


def read_weapon(ctx: CountsDoc, m: NumberMatch, span: Span, sent: Span, head: Token | None, wclass: str,
                total: NumberMatch | None, phead: Token | None) -> None:
    """Build the weapon entry for one amount (plus the stated total of a partitive and any breakdown)."""
    doc, lex, state = ctx.doc, ctx.lex, ctx.state
    assert head is not None
    anchor = span[-1] if phead is not None else head
    action, verb = weapon_action(doc, lex, anchor, span, head, sent)
    if is_transfer(lex, anchor):
        return  # "Germany will send 100 Taurus missiles to Ukraine": aid, not an attack
    if action is None:
        if any(t.lemma_.lower() in lex.attack_context for t in sent):
            action = "launched"
        else:
            return
    who = operator(ctx, span, head, sent, verb, sentence_level=action not in _DOWN_ACTIONS) \
        or state.operator_for(wclass) or doc_attacker(ctx)
    by = downed_by(ctx, verb, sent) if action in _DOWN_ACTIONS else None
    ev_start, ev_end = _evidence(ctx, m, span, head, anchor, phead, verb)
    place = weapon_place(doc, anchor, sent, ctx.places, verb)
    entry = {"weapon": wclass, "count": m.value, "qualifier": m.qualifier, "vague": m.vague, "action": action,
             "operator": who, "by": by, "place": place,
             "text": ctx.text[ev_start:ev_end], "start": ev_start, "end": ev_end}
    state.add_weapon(entry, sent.start)
    if is_background(ctx, span, head):
        state.weapons[-1].role = "background"  # "launched 600 drones since the start of the year": not in totals
    if total is not None:
        # "74 of the 117 drones": the total was launched
        state.consumed.add(total.start)
        ts, te = m.qstart, ev_end
        state.add_weapon({"weapon": wclass, "count": total.value, "qualifier": "exact", "vague": None,
                          "action": "launched", "operator": who, "by": None, "place": None,
                          "text": ctx.text[ts:te], "start": ts, "end": te}, sent.start)
    # per-region breakdown in the rest of the clause: "ten over Bryansk, eight over Kursk"
    weapon_breakdown(ctx, sent, entry)


def _evidence(ctx: CountsDoc, m: NumberMatch, span: Span, head: Token, anchor: Token, phead: Token | None,
              verb: Token | None) -> tuple[int, int]:
    """Character extent of the evidence: the verb before (close) .. head noun, or number .. passive verb after."""
    ev_start, ev_end = m.qstart, (head.idx + len(head.text)) if head.i >= span.end else m.end
    if phead is not None and phead.i >= span.end:
        ev_end = max(ev_end, phead.idx + len(phead.text))
    if verb is not None:
        vs, ve = _verb_extent(verb)
        if vs < ev_start and span[0].i - verb.i <= 3 and verb.i < span[0].i \
                and not any(t.like_num for t in ctx.doc[verb.i + 1:span[0].i]):
            ev_start = vs
        elif verb.i > anchor.i and verb.i - anchor.i <= 5:
            ev_end = max(ev_end, ve)
    return ev_start, ev_end


def _verb_extent(verb: Token) -> tuple[int, int]:
    """Character extent of a verb with its particle ("shot down")."""
    end = verb.idx + len(verb.text)
    for c in verb.children:
        if c.dep_ == "prt" and c.i == verb.i + 1:
            end = c.idx + len(c.text)
    return verb.idx, end
