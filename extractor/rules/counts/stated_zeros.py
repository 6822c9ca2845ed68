"""Stated zeros: "No one was hurt", "Nobody died", "None of the passengers were injured", "No casualties were
reported", "The governor reported no injuries", "There was no damage or casualties", "escaped without
casualties".

An article that says nobody was hurt answers "how many were injured?" with 0, which is not the same as
saying nothing; each such statement is a casualty entry with count 0 (totals use it only when no count of
the kind is above zero). Only statements of fact count: a modal ("no one should die"), a future ("no one
will be hurt"), a present generic ("no one is safe"), a condition ("if nobody is injured") or a question
gives nothing; nor does "no immediate reports of casualties", which says that nothing is known yet.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..token_search import tokens_where
from .context import CountsDoc
from .grammar import conj_first
from .state import Entry

#: past forms of the auxiliaries of a stated fact ("was hurt", "has been killed", "had died")
_PAST_AUX = frozenset(["was", "were", "been", "had", "has", "have"])


def stated_zeros(ctx: CountsDoc) -> list[Entry]:
    """A count-0 entry per kind for every stated zero of the document."""
    out: list[Entry] = []
    lex = ctx.lex
    # the only tokens that can start a zero (see _zero_subject and _zero_noun)
    nobody = lex.figures.zero_pronouns | {"one"}
    person_or_zero_noun = lex.people | lex.figures.zero_nouns.keys()
    starts = tokens_where(ctx.doc, ("LOWER", nobody), ("LEMMA_LOWER", person_or_zero_noun))
    for tok in starts:
        found = _zero_subject(ctx, tok) or _zero_noun(ctx, tok)
        if found is None:
            continue
        kinds, verb, first = found
        if not _stated_fact(verb):
            continue
        start, end = _evidence(tok, verb, first)
        for kind in kinds:
            data = {"kind": kind, "count": 0, "qualifier": "exact", "vague": None, "who": None, "place": None,
                    "text": ctx.text[start:end], "start": start, "end": end, "hedged": False, "background": False}
            out.append(Entry(data, tok.sent.start, start, list_id=start, np_end=end))
    return out


#: (the kinds that are zero, the predicate verb, the first word of the evidence)
Found = tuple[tuple[str, ...], Token, Token]


def _zero_subject(ctx: CountsDoc, tok: Token) -> Found | None:
    """ "No one was hurt", "Nobody died", "None of the passengers were injured", "No civilians were killed"."""
    lex = ctx.lex
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    nobody = tok.lower_ in lex.figures.zero_pronouns or (
        (tok.lower_ == "one" or tok.lemma_.lower() in lex.people)
        and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children))
    if not nobody:
        return None
    verb = tok.head
    kinds = [k for v in [verb, *(c for c in verb.children if c.dep_ == "conj")] if (k := _predicate_kind(ctx, v))]
    return (tuple(dict.fromkeys(kinds)), verb, tok.left_edge) if kinds else None


def _predicate_kind(ctx: CountsDoc, verb: Token) -> str | None:
    """The kind of a casualty predicate: "was hurt", "died", "was missing" (passive, intransitive or adjective)."""
    lex = ctx.lex
    lem = verb.lemma_.lower()
    if verb.pos_ == "VERB" and lem in lex.cas_verbs:
        passive = verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children)
        if passive or lem in lex.intransitive:
            return lex.cas_verbs[lem]
    if verb.lower_ in lex.cas_adjs and verb.pos_ in ("ADJ", "VERB"):
        return lex.cas_adjs[verb.lower_]
    if lem == "be":
        adj = next((c for c in verb.children if c.dep_ in ("acomp", "oprd") and c.lower_ in lex.cas_adjs), None)
        return lex.cas_adjs[adj.lower_] if adj is not None else None
    return None


def _zero_noun(ctx: CountsDoc, tok: Token) -> Found | None:
    """ "no casualties were reported", "reported no injuries", "no damage or casualties", "without casualties",
    "no reports of injuries" (not "no immediate reports")."""
    kinds = ctx.lex.figures.zero_nouns.get(tok.lemma_.lower())
    if kinds is None:
        return None
    first = conj_first(tok)
    if _has_no(first):
        return kinds, first.head, first.left_edge
    if first.dep_ == "pobj" and first.head.lower_ == "without":
        return kinds, first.head.head, first.head
    if first.dep_ == "pobj" and first.head.lower_ == "of":
        reports = first.head.head
        if reports.lemma_.lower() == "report" and _has_no(reports) \
                and not any(c.lower_ in ("immediate", "immediately") for c in reports.children):
            return kinds, reports.head, reports.left_edge
    return None


def _has_no(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _stated_fact(verb: Token) -> bool:
    """A past statement of fact: no modal, no future, no condition, no question, not a present generic."""
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes) or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in
                                                  verb.children):
        return False
    sent = verb.sent
    if sent.text.rstrip(" \"'’”)").endswith("?"):
        return False
    return verb.tag_ == "VBD" or any(a.lower_ in _PAST_AUX for a in auxes)


def _evidence(tok: Token, verb: Token, first: Token) -> tuple[int, int]:
    """From the zero word ("no", "nobody", "without") to the predicate; a verb right before it is included
    ("reported no injuries")."""
    start = min(first.idx, verb.idx) if verb.i < first.i and first.i - verb.i <= 2 else first.idx
    last = max((c for c in verb.children if c.dep_ == "conj" and 0 < c.i - verb.i <= 3), key=lambda c: c.i,
               default=verb)  # "Nobody was killed or injured"
    end = max(tok.idx + len(tok.text), last.idx + len(last.text))
    if verb.i < first.i and first.i - verb.i > 2:
        end = tok.idx + len(tok.text)
    return start, end
