"""Who launched the counted weapons (the `operator`): "Ukrainian drones", "rockets fired by Hezbollah".

Tried in order: a demonym in the counted phrase, the subject or agent of a relative clause on it,
the action verb's own "from X", and (for launches) the attacker of the sentence. The article's
first attacker is the fallback for counts that name no side (see weapons.py).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import CountsDoc
from .grammar import SUBJ_PRONOUNS
from .sides import country, first_side, side
from .weapon_class import weapon_class


def operator(ctx: CountsDoc, span: Span, head: Token, sent: Span, verb: Token | None,
             sentence_level: bool = True) -> str | None:
    """Side that launched the weapons: demonym on the noun, relative clause subject/agent, 'from X', then (for
    launches only) the attacker of the sentence."""
    return (_phrase_side(ctx, span, head) or _relative_clause_side(ctx, head) or _verb_source(ctx, verb)
            or (sentence_attacker(ctx, sent) if sentence_level else None))


def _phrase_side(ctx: CountsDoc, span: Span, head: Token) -> str | None:
    """A demonym inside the counted phrase ("Ukrainian drones"), not "Iranian-made"."""
    doc = ctx.doc
    for k in range(span.end, head.i + 1):
        t = doc[k]
        if k + 1 < len(doc) and doc[k + 1].text in "-‐" or weapon_class(ctx.lex, t):
            continue
        c = country(ctx, t)
        if c:
            return c
    for c in head.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and not weapon_class(ctx.lex, c) and country(ctx, c):
            return country(ctx, c)
    return None


def _relative_clause_side(ctx: CountsDoc, head: Token) -> str | None:
    """Relative clause / participle: "drones that Russian forces launched", "rockets fired by Hezbollah"."""
    for c in head.children:
        if c.dep_ in ("relcl", "acl"):
            for s in c.children:
                if s.dep_ == "nsubj":
                    who = side(ctx, s)
                    if who:
                        return who
                if s.dep_ == "agent":
                    who = first_side(ctx, s.children)
                    if who:
                        return who
                if s.dep_ == "prep" and s.lower_ == "from":
                    who = first_side(ctx, s.children)
                    if who:
                        return who
    return None


def _verb_source(ctx: CountsDoc, verb: Token | None) -> str | None:
    """The action verb's own source: "five rockets were fired from Gaza"."""
    if verb is not None and verb.pos_ == "VERB":
        for s in verb.children:
            if s.dep_ == "prep" and s.lower_ == "from" or s.dep_ == "agent" and \
                    ctx.lex.act_object.get(verb.lemma_.lower()) in ("launched", "fired", "deployed"):
                who = first_side(ctx, s.children)
                if who:
                    return who
    return None


def sentence_attacker(ctx: CountsDoc, sent: Span) -> str | None:
    """Side that attacks in a sentence: subject of launch/attack, or "Russian attacks/forces"."""
    lex = ctx.lex
    for t in sent:
        lem = t.lemma_.lower()
        launches = lem in lex.act_with or lex.act_object.get(lem) in ("launched", "fired", "deployed")
        if t.pos_ == "VERB" and launches:
            for s in t.children:
                if s.dep_ == "nsubj":
                    if s.lower_ in SUBJ_PRONOUNS:  # "The Houthis said they fired ..."
                        rep = t.head if t.dep_ in ("ccomp", "conj") else None
                        s = next((c for c in rep.children if c.dep_ == "nsubj"), s) if rep is not None else s
                    who = side(ctx, s)
                    if who:
                        return who
        if t.pos_ == "NOUN" and (lem in lex.attack_context or lem in ("force", "troop")) and not any(
                c.dep_ == "compound" and c.lower_ == "air" for c in t.children) and t.dep_ not in ("nsubj",) \
                or (t.pos_ == "NOUN" and lem in ("force", "troop") and t.head.lemma_.lower() in lex.act_with):
            for s in t.children:
                if s.dep_ in ("amod", "compound", "poss", "nmod"):
                    who = side(ctx, s)
                    if who:
                        return who
                if s.dep_ == "prep" and s.lower_ == "from":
                    who = first_side(ctx, s.children)
                    if who:
                        return who
    return None


def doc_attacker(ctx: CountsDoc) -> str | None:
    """The side that attacks in the article (first one found), for counts that do not say it; looked up once."""
    state = ctx.state
    if state.attacker is None:
        state.attacker = ""
        for sent in ctx.doc.sents:
            who = sentence_attacker(ctx, sent)
            if who:
                state.attacker = who
                break
    return state.attacker or None
