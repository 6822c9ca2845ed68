"""Casualty kind given by the counted phrase itself: "six fatalities", "21 injured", "eight injured residents",
"15 people with gunshot wounds".

Also who the victims are ("three children", "people", "Palestinians"), and whether a counted noun
can be a casualty at all (people, casualty nouns; not houses or regions). A casualty noun that needs a
verb only counts with it: "took 250 hostages", "claimed 30 lives", but not "freed two hostages".
"""

from __future__ import annotations

from spacy.tokens import Token

from .casualty_clause import CasualtyClause
from .casualty_predicate import predicate_after
from .context import CountsDoc
from .grammar import conj_first
from .lexicon import CountsLexicon


def can_be_casualty(lex: CountsLexicon, head: Token) -> bool:
    """A counted noun that may be a casualty count: a person word, a plural nationality, a casualty noun or
    adjective ("12 soldiers", "30 Palestinians", "six fatalities", "21 injured")."""
    hl = head.lemma_.lower()
    return hl in lex.people or head.lower_ in lex.people or (
        head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS")) or hl in lex.cas_nouns \
        or head.lower_ in lex.cas_nouns or head.lower_ in lex.cas_adjs or _plural_people_name(head)


def _plural_people_name(head: Token) -> bool:
    """ "killed more than 30 Tuaregs": a plural proper noun the NER left unlabelled names a people."""
    return head.pos_ == "PROPN" and head.ent_type_ in ("", "NORP") and (
        head.tag_ == "NNPS" or (head.tag_ == "NNP" and head.text.endswith("s") and head.text[:-1].isalpha()))


def counted_phrase_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: a casualty noun or adjective as the counted word ("six fatalities", "21 injured", "12 dead") or
    inside the phrase ("eight injured residents"); also sets `who` for person words."""
    head, lex = c.head, ctx.lex
    if head is None:
        return
    hl, hlow = head.lemma_.lower(), head.lower_
    kind = _noun_kind(lex, head, hl)
    if kind is None and hlow in lex.cas_adjs and head.i == c.span.end:
        kind = lex.cas_adjs[hlow]  # "21 injured", "12 dead"
    if (kind is None or hl in lex.people) and (hl in lex.people or head.ent_type_ == "NORP"):
        c.who = "people" if hl in ("person", "people") else (
            None if hl in ("other", "more") else head.text if head.pos_ == "PROPN" else hlow)
    wounds = _with_wounds(lex, head) if kind is None else None
    if wounds is not None:  # "at least 15 people with bullet wounds"
        kind, c.ev_end = wounds[0], max(c.ev_end, wounds[1].idx + len(wounds[1].text))
    # adjective inside the phrase: "eight injured residents" (but "nine displaced persons were killed": a killing
    # in the predicate is their fate)
    if kind is None:
        for k in range(c.span.end, head.i):
            t = ctx.doc[k]
            if t.lower_ in lex.cas_adjs:
                kind = lex.cas_adjs[t.lower_]
                later, end_tok = predicate_after(ctx, head, c.sent)
                if later == "killed" and later != kind and end_tok is not None:
                    kind, c.ev_end = later, max(c.ev_end, end_tok.idx + len(end_tok.text))
                break
    c.kind = kind


def _with_wounds(lex: CountsLexicon, head: Token) -> tuple[str, Token] | None:
    """ "15 people with gunshot wounds", "ten others with various degrees of injuries": the people are injured
    ("fatal wounds": killed); the kind and the wound noun."""
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ != "with":
            continue
        objs = [p for p in c.children if p.dep_ == "pobj"]
        objs += [q for p in objs for o in p.children if o.dep_ == "prep" and o.lower_ == "of"
                 for q in o.children if q.dep_ == "pobj"]  # "various degrees of bullet wounds"
        what = next((p for p in objs if p.lemma_.lower() in lex.suffer_objects), None)
        if what is not None:
            fatal = any(x.lower_ in ("fatal", "deadly", "mortal") for x in what.children)
            return ("killed" if fatal else lex.suffer_objects[what.lemma_.lower()]), what
    return None


def _noun_kind(lex: CountsLexicon, head: Token, hl: str) -> str | None:
    """Kind of a casualty noun ("fatalities", "hostages"; `hl` its lower-case lemma), None when it needs a
    verb that is not there."""
    kind = lex.cas_nouns.get(head.lower_) or lex.cas_nouns.get(hl)
    needs = lex.noun_verbs.get(hl)
    if kind is not None and needs is not None:
        # "took 250 hostages", "claimed 30 lives" but not "freed two hostages", "saved 30 lives"
        g = conj_first(head)
        if not (g.dep_ in ("dobj", "obj", "nsubjpass") and g.head.lemma_.lower() in needs):
            kind = None  # "1,200 lives have been lost" counts as the passive of "lost 1,200 lives"
    return kind
