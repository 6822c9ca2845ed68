"""Who downed the counted weapons (`by`): "The US Navy shot down ...", "Ukraine's air force said ...".

Only for down actions (shot down, intercepted, destroyed). A named subject or agent of the down
verb first, then the force or institution reporting it, then a named "according to" source;
a person, a pronoun or a bare common noun ("air defenses", "a statement") is never `by`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import CountsDoc
from .grammar import APOS, SUBJ_PRONOUNS
from .lexicon import CountsLexicon
from .sides import country

#: reporting verbs whose subject is the source
_REPORT_VERBS = frozenset(["say", "report", "confirm", "announce", "claim", "state", "add", "tell", "write",
                           "post", "note", "publish", "record", "update"])


def downed_by(ctx: CountsDoc, verb: Token | None, sent: Span) -> str | None:
    """Who downed the weapons: the down verb's own named subject or agent ("The US Navy shot down ..."), else
    the force or institution that reports it, else a named "according to" source. A pronoun or a bare common
    noun ("air defenses", "a statement") is never `by`; "a statement from X" gives X."""
    if verb is not None:
        who = _verb_subject(ctx, verb)
        if who is None:
            who = _reporting_subject(ctx.lex, verb)
        if who is not None:
            return who
    return _according_to(ctx, sent)


def _verb_subject(ctx: CountsDoc, verb: Token) -> str | None:
    """The down verb's own named subject or agent."""
    for c in verb.children:
        cands = [c] if c.dep_ == "nsubj" else [p for p in c.children if p.dep_ == "pobj"] \
            if c.dep_ == "agent" else []
        for t in cands:
            if named_np(ctx, t) and can_down(ctx.lex, t):
                return np_text(t)
    return None


def _reporting_subject(lex: CountsLexicon, verb: Token) -> str | None:
    """The subject of a reporting verb above the down verb ("Ukraine's air force said it shot down ...")."""
    v: Token | None = verb
    seen = 0
    while v is not None and seen < 6:
        if v.lemma_.lower() in _REPORT_VERBS and v is not verb:
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in SUBJ_PRONOUNS and can_down(lex, subj):
                return np_text(subj)
        if v.head is v:
            break
        v = v.head
        seen += 1
    return None


def _according_to(ctx: CountsDoc, sent: Span) -> str | None:
    """A named "according to" source of the sentence; "according to a statement from X" gives X."""
    doc = ctx.doc
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None and not named_np(ctx, pobj):  # "according to a statement from X"
                pobj = next((p for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                             for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and named_np(ctx, pobj) and can_down(ctx.lex, pobj):
                return np_text(pobj)
    return None


def named_np(ctx: CountsDoc, tok: Token) -> bool:
    """A noun phrase that names a side: a proper noun or entity, or a common noun with a demonym, name or
    possessive name on it ("Russian authorities", "Ukraine's air force"), not "air defenses" or "statement"."""
    if tok.lower_ in SUBJ_PRONOUNS or tok.pos_ == "PRON":
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP"):
        return True
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and (
        c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE", "NORP") or country(ctx, c) is not None)
        for c in tok.children)


def can_down(lex: CountsLexicon, subj: Token) -> bool:
    """A reporting subject that can be the one who downed weapons: a force or institution, not a person
    or a title ("the governor of the Mykolaiv region said six drones were shot down there")."""
    return subj.ent_type_ != "PERSON" and subj.lemma_.lower() not in lex.not_by_heads


def np_text(tok: Token) -> str:
    """Canonical short name of a subject phrase: "Russia's defense ministry" (no article, straight apostrophe)."""
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and doc[start].pos_ in ("DET",) or doc[start].is_punct and start < tok.i:
        start += 1
    text = doc[start:tok.i + 1].text
    return text.translate(APOS)
