"""Single victims: "A journalist was killed", "Gunmen shot dead the village chief", "Bertha Caceres was
murdered", "killing him, his son and two guests", "A teacher was killed and another wounded".

Nearly a fifth of the events in coded atrocity data have one victim, and reports name that victim with a
singular noun phrase, never with the number one. Such a phrase is read as the amount one: the same kind
rules as for a number (casualties.py) decide whether a casualty word ties it to a kind, so "A journalist
was killed" counts and "A journalist said" does not.

A candidate is the head of a singular noun phrase naming a person (a person noun from people_nouns.txt,
a nationality with an article ("a Palestinian", "another Briton"), the last word of a PERSON name,
he/she/him/her, "both" (two), or an elliptical "another" or "a fourth"), without a number of its own and not a
modifier of another noun. Group nouns that are singular in form ("the police") and
determiners such as "no" or "every" never make one victim (article_figures.json).
"""

from __future__ import annotations

import numpy
from spacy.tokens import Span, Token

from ..token_search import indices_where, tokens_where
from .amounts import NumberMatch
from .context import CountsDoc
from .grammar import conj_first

#: dependency labels of a noun that modifies another word instead of naming a victim
_MODIFIER_DEPS = frozenset(["compound", "poss", "npadvmod", "nmod", "amod", "attr", "acomp", "nummod", "quantmod"])


#: the tags of the only tokens besides the words of `_word_candidate` that `_candidate` accepts
_CANDIDATE_TAGS = frozenset(["PRP", "NN", "NNP", "JJ"])


def single_victims(ctx: CountsDoc) -> list[tuple[NumberMatch, Span, Token]]:
    """(the amount one, its first token, the victim's head token) of every single-person phrase, in order."""
    out: list[tuple[NumberMatch, Span, Token]] = []
    sent_of, cued = _cued_sentences(ctx)
    if not cued:
        return out  # no casualty word anywhere: no candidate can be given a kind
    fig = ctx.lex.figures
    found = tokens_where(ctx.doc, ("TAG", _CANDIDATE_TAGS),
                         ("LOWER", fig.pair_pronouns | fig.additive_ordinals | {"another"}))
    for tok in found:  # no other token can be a candidate (see _candidate)
        if sent_of[tok.i] not in cued or not _candidate(ctx, tok):
            continue
        first = _phrase_start(ctx, tok)
        pair = tok.lemma_.lower() in ctx.lex.figures.pair_nouns or tok.lower_ in ctx.lex.figures.pair_pronouns
        value = 2 if pair else 1  # "an activist couple", "both were killed"
        m = NumberMatch(first.idx, first.idx + len(first.text), first.text, value)
        out.append((m, ctx.doc[first.i:first.i + 1], tok))
    return out


def _cued_sentences(ctx: CountsDoc) -> tuple[numpy.ndarray, set[int]]:
    """(sentence number of every token, the numbers of the sentences with a casualty cue)."""
    cues = ctx.lex.casualty_cues
    sent_of = numpy.cumsum(ctx.doc.to_array("SENT_START") == 1)
    hits = indices_where(ctx.doc, ("LOWER", cues), ("LEMMA_LOWER", cues))
    return sent_of, {int(sent_of[i]) for i in hits}


def _candidate(ctx: CountsDoc, tok: Token) -> bool:
    """A token that heads a phrase naming one person, with no number of its own."""
    low = tok.lower_
    word = _word_candidate(ctx, tok)
    if word is not None:
        return word
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NN", "NNP"):
        return False
    if tok.dep_ == "appos" and not any(c.dep_ == "conj" for c in tok.children):
        return False  # "Amjad Sabri, a singer, ...": the same person again (but "X, a woman and Y" is a list)
    first = conj_first(tok)
    if tok.pos_ == "PROPN" and first.dep_ == "appos" and any(c.dep_ == "nummod" for c in first.head.children):
        return False  # "killed three scholars, Mawlawi A, Mullah B and Mullah C": the three by name
    if _not_one(ctx, tok) or _no_determiner(ctx, conj_first(tok)):
        return False  # "two soldiers", "no civilian", "no policeman or officer was killed"
    nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    if nxt is not None and nxt.pos_ == "VERB" and nxt.lemma_.lower() in ctx.lex.figures.speech_verbs:
        return False  # "..., residents and an emergency official said": a speaker
    if _second_title(ctx, tok):
        return False  # "a university lecturer and administrative secretary": one person
    ent = ctx.ent_at.get(tok.i)
    if (ent is not None and ent.label_ == "PERSON") or (tok.pos_ == "PROPN" and tok.lower_ not in ctx.lex.people):
        return _name_candidate(ctx, tok, first)  # but "the Chairman of ..." is a title, read as a noun
    lem = tok.lemma_.lower()
    if lem in ctx.lex.figures.body_nouns:
        return _someones_body(ctx, tok)
    if lem in ctx.lex.cas_nouns and (any(c.dep_ == "compound" for c in tok.children)
                                     or not any(c.dep_ in ("det", "poss") for c in tok.children)):
        return False  # "held the family hostage", "taking him hostage": a predicate, not a person
    if lem in ctx.lex.figures.pair_nouns:  # "the couple were killed" (not "a couple of days")
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    doc = ctx.doc
    if tok.i >= 2 and doc[tok.i - 1].text in "-‐" and doc[tok.i - 1].idx == doc[tok.i - 2].idx + len(doc[tok.i - 2]):
        low = lem = doc[tok.i - 2].lower_ + "-" + low  # "a passer-by"
    return (lem in ctx.lex.people or low in ctx.lex.people) and lem not in ctx.lex.figures.single_never \
        and low not in ctx.lex.figures.single_never


def _word_candidate(ctx: CountsDoc, tok: Token) -> bool | None:
    """The words that name one person without a person noun: a pronoun, an elliptical "another" or "a fourth", a
    nationality with an article ("a Briton", "a Palestinian"); a modifier never does. None: none of these."""
    low = tok.lower_
    if tok.tag_ == "PRP":
        return low in ctx.lex.figures.single_pronouns and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "conj")
    if low == "another":  # "a teacher was killed and another wounded", "wounded another Thursday"
        return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") or (
            tok.dep_ == "det" and tok.head.ent_type_ in ("DATE", "TIME"))
    if low in ctx.lex.figures.pair_pronouns:  # "Both were killed on the spot" (not "both sides")
        return tok.dep_ in ("nsubj", "nsubjpass", "dobj")
    if low in ctx.lex.figures.additive_ordinals:  # "three were shot dead and a fourth was wounded"
        return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") and any(
            c.dep_ == "det" and c.lower_ == "a" for c in tok.children)
    if tok.dep_ in _MODIFIER_DEPS:
        return False
    ent = ctx.ent_at.get(tok.i)
    if ent is not None and ent.label_ == "NORP" and len(ent) == 1 and tok.tag_ in ("NN", "NNP", "JJ"):
        return any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "another") for c in tok.children)
    return None


def _someones_body(ctx: CountsDoc, tok: Token) -> bool:
    """ "the body of the mayor", "his body was found", "a body was recovered" (not "a governing body")."""
    fig = ctx.lex.figures
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.lemma_.lower() in fig.body_verbs:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.lemma_.lower() in ctx.lex.people) for p in c.children)
        for c in tok.children)


def _name_candidate(ctx: CountsDoc, tok: Token, first: Token) -> bool:
    """The last word of a person's name (a PERSON entity, or a name made a person's by its title), unless the
    name is that of the person just named ("activist and paramedic Hoda Khodeir")."""
    if tok.dep_ == "conj" and first.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in first.children):
        return False
    ent = ctx.ent_at.get(tok.i)
    if ent is not None and ent.label_ == "PERSON":
        return ent.end == tok.i + 1  # the last word of a name heads it
    return _titled_name(ctx, tok)


def _titled_name(ctx: CountsDoc, tok: Token) -> bool:
    """A name the NER missed, made a person by its title: "activist Bertha Caceres", "Mr. Ime Atakpa",
    "Edwin Dagua, 28, an indigenous leader" (the last word of the name heads the phrase)."""
    if tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].pos_ == "PROPN" and ctx.doc[tok.i + 1].dep_ == "compound":
        return False
    for c in tok.children:
        lem = c.lemma_.lower().rstrip(".")
        if c.dep_ == "compound" and (lem in ctx.lex.people or lem in ctx.lex.figures.honorifics) and c.i < tok.i:
            return True
        if c.dep_ == "appos" and c.pos_ == "NOUN" and lem in ctx.lex.people:
            return True
    return False


def _second_title(ctx: CountsDoc, tok: Token) -> bool:
    """A conjunct without a determiner of its own after "a/an/the X": a second title of the same person
    ("a lecturer and administrative secretary", "the chairman and chief executive"); "his wife and son" and
    "a woman and child" are two."""
    first = conj_first(tok)
    if first.i == tok.i or any(c.dep_ in ("det", "poss") for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(p.like_num for p in c.children) for c in tok.children):
        return True  # "a human rights activist and mother of four": one person described twice
    if tok.lemma_.lower() in ctx.lex.figures.distinct_persons:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in first.children)


def _not_one(ctx: CountsDoc, tok: Token) -> bool:
    """The phrase has a number, or a determiner such as "no" or "every"."""
    return any(c.dep_ in ("nummod", "quantmod") for c in tok.children) or _no_determiner(ctx, tok)


def _no_determiner(ctx: CountsDoc, tok: Token) -> bool:
    """A determiner such as "no" or "every" (on a list's first member it covers the list)."""
    return any(c.dep_ == "det" and c.lower_ in ctx.lex.figures.not_single_determiners for c in tok.children)


def _phrase_start(ctx: CountsDoc, tok: Token) -> Token:
    """First word of the phrase: its determiner, possessor or first modifier ("the village chief", "his wife",
    "Honduran activist Bertha Caceres")."""
    first = tok.left_edge
    while first.i < tok.i and (first.is_punct or first.is_space):
        first = ctx.doc[first.i + 1]
    return first
