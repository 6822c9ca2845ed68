"""Speakers of partial quotations with no speech verb (method "subject"): the subject of the
verb governing the quoted words ("Reid has gone after Trump as a “human leech”"), the named
subject of a directive verb ("Xi ordered an “all-out” effort"), or the possessor of a claim
("Netanyahu's claim that ..."). A quote labelling a noun ("the “opt-out” movement") has none.
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import QuoteContext
from .cues import is_cue
from .grammar import MODIFIER_DEPS, NON_REFERRING, RELATIVE, speakerish

_CLAUSE_DEPS = ("ccomp", "acl", "relcl", "advcl", "xcomp", "conj")


def _possessor(ctx: QuoteContext, noun: Token) -> Token | None:
    """"Trump's claim that ...", "his call for “a total ban”": the named or pronoun possessor
    (not "its"/"their", which stand for things as often as for speakers)."""
    for c in noun.children:
        if c.dep_ == "poss" and c.i not in ctx.quoted and c.lower_ not in ("its", "their") \
                and (c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or c.pos_ in ("PRON", "PROPN")):
            return c
    return None


def _verb_subject(ctx: QuoteContext, verb: Token) -> Token | None:
    """A referring noun or pronoun subject of `verb` (not a relative pronoun, not "it")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i not in ctx.quoted and c.lower_ not in RELATIVE \
                and c.pos_ in ("PROPN", "NOUN", "PRON") and c.lower_ not in NON_REFERRING \
                and c.lower_ != "it":
            return c
    return None


def _speaking_it(ctx: QuoteContext, verb: Token) -> Token | None:
    """"it considers Russia would require “...”": an "it" subject of a speech or opinion verb is a speaker
    (an organisation named before), not nobody; the clause's own subject ("Russia") is not."""
    if not (is_cue(verb, ctx.lex.speech) or verb.lemma_.lower() in ctx.lex.opinion_verbs):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "it" and c.i not in ctx.quoted), None)


def governing_subject(ctx: QuoteContext, si: int) -> Token | None:
    """Subject of the verb that governs a partial quotation with no speech cue
    ("Reid has gone after Trump as a “human leech”")."""
    a, b = ctx.tok_ranges[si]
    if b <= a:
        return None
    t = ctx.doc[a]
    found: Token | None = None
    clause_edge = False  # the last edge climbed attached a clause ("claimed that ...")
    for _ in range(10):
        if t.head.i == t.i:
            break
        clause_edge = t.dep_ in _CLAUSE_DEPS and not (a <= t.i < b)
        last_dep = t.dep_
        t = t.head
        if a <= t.i < b:
            continue
        if t.i in ctx.quoted:
            return found
        if t.pos_ == "NOUN" and found is None and last_dep in ("acl", "ccomp", "prep", "pobj", "relcl"):
            possessor = _possessor(ctx, t)
            if possessor is not None:
                return possessor
        if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            if found is None and not clause_edge and (
                    t.dep_ in ("nsubj", "nsubjpass", "ROOT", "compound") or last_dep in MODIFIER_DEPS):
                # the quote modifies a subject noun or is a label on a noun
                # ("residents of the “green zone”", "the “opt-out” movement"): no speaker
                return None
            continue
        if t.pos_ in ("VERB", "AUX"):
            subject = _verb_subject(ctx, t) or _speaking_it(ctx, t)
            if subject is not None:
                found = subject  # keep climbing: the outermost clause's subject is the source
    return found


def _directive_verb_subject(ctx: QuoteContext, verb: Token) -> Token | None:
    """The subject of a directive verb, if it is a named PERSON or ORG."""
    for c in verb.children:
        if c.dep_ == "nsubj" and c.i not in ctx.quoted:
            e = ctx.entity_of(c)
            return c if e is not None and e.label_ in ("PERSON", "ORG") else None
    return None


def directive_subject(ctx: QuoteContext, si: int) -> Token | None:
    """A short lower-case quotation inside the object of a directive verb whose subject is a
    named person or organisation ("Xi ordered rescuers to make an “all-out” effort", "the
    council demanded a “full” inquiry") is that speaker's wording, not a scare quote.
    Capitalised stretches are names ("the “Computer Village” market") and stay out."""
    a, b = ctx.tok_ranges[si]
    st = ctx.stretches[si]
    if b <= a or not ctx.text[st.start].islower():
        return None
    t = ctx.doc[a]
    for _ in range(8):
        if t.head.i == t.i:
            return None
        dep = t.dep_
        t = t.head
        if a <= t.i < b:
            continue
        if t.i in ctx.quoted:
            return None
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() in ctx.lex.directive_verbs:
                return _directive_verb_subject(ctx, t)
            if dep not in ("dobj", "xcomp", "ccomp", "advcl", "prep", "pobj", "conj") \
                    and t.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
                return None
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in ctx.quoted for c in t.children):
                return None  # a clause with its own subject ("residents said the “so-called” ...")
    return None


def possessed_noun_before(ctx: QuoteContext, si: int) -> Token | None:
    """"his mantra “...”", "the minister's words “...”": a quotation right after a speech noun with
    a named or pronoun possessor is the possessor's wording (the quotation spells the noun out)."""
    o0 = ctx.outer_ranges[si][0]
    if o0 <= 0:
        return None
    noun = ctx.doc[o0 - 1]
    if noun.pos_ != "NOUN" or noun.i in ctx.quoted or not (
            noun.lower_ in ctx.lex.speech_nouns or noun.lemma_.lower() in ctx.lex.speech_nouns):
        return None  # "his party anthem “...”", "Americans' liberties “over and over”": no speech noun
    return _possessor(ctx, noun)


def speech_noun_owner(ctx: QuoteContext, si: int) -> Token | None:
    """The possessor of the speech noun a partial stretch spells out or completes: "his mantra
    “...”", "the State Department's insistence that “...”" (the first noun above the quoted words,
    reached through a clause or preposition); None when no such noun owns it."""
    owner = possessed_noun_before(ctx, si)
    if owner is not None:
        return owner
    a, b = ctx.tok_ranges[si]
    if b <= a:
        return None
    t = ctx.doc[a]
    for _ in range(8):
        if t.head.i == t.i:
            return None
        dep, t = t.dep_, t.head
        if a <= t.i < b:
            continue
        if t.i in ctx.quoted or dep not in ("acl", "ccomp", "prep", "pobj", "relcl"):
            return None
        if t.pos_ == "NOUN":
            low = t.lemma_.lower()
            return _possessor(ctx, t) if low in ctx.lex.speech_nouns or t.lower_ in ctx.lex.speech_nouns else None
    return None


def clause_subject(ctx: QuoteContext, si: int) -> Token | None:
    """The token naming the source of partial stretch si without a cue: the possessor of the noun
    it spells out ("his mantra “...”"), the governing or directive subject; a subject that cannot
    speak ("the overhaul would be “neutral”") gives way to its possessor ("Netanyahu's claim that
    ..."), else nobody."""
    owner = possessed_noun_before(ctx, si)
    if owner is not None:
        return owner
    subj = governing_subject(ctx, si) or directive_subject(ctx, si)
    if subj is not None and subj.ent_type_ in ("GPE", "LOC") and subj.text.isupper():
        return None  # "PHILADELPHIA — The party opened ...": a dateline, not a subject
    if subj is not None and not speakerish(subj, ctx.lex.speaker_nouns, ctx.lex.non_speakers):
        # "Netanyahu's claim that ...": the possessor; "the overhaul would be “neutral”": nobody
        subj = _possessor(ctx, subj)
    return subj
