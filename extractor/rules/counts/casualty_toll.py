"""Casualty kind given by a toll or tally the amount is the value of: "the death toll rose to 25",
"the number of people killed rose to 300", "brought the number of dead to 50", "a toll of 12".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .casualty_clause import CasualtyClause
from .context import CountsDoc
from .lexicon import CountsLexicon


def toll_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: a toll ("the death toll rose to 25"); the evidence starts at the toll word. A person named
    without a number is never a toll's value ("a villager confirmed the death toll")."""
    if c.single:
        return
    kind, ttok = toll(ctx.doc, ctx.lex, c.span, c.sent)
    if kind is not None and ttok is not None:
        c.ev_start = min(c.ev_start, ttok.idx)
        c.role = "toll"
    c.kind = kind


def tally_value_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule tried before the predicate: an amount that the grammar makes the value of a toll or tally ("the
    number of victims who were killed rose to 20 and more than 40 others have been wounded": 20 is the number
    killed, whatever follows it)."""
    if c.single or c.span[-1].dep_ == "conj":
        return  # "the toll stands at 17 dead and over 60 wounded": a conjunct number has its own kind word
    up = [c.span[-1].head, c.span[-1].head.head]
    if not any(t.dep_ == "prep" and t.lower_ in ("to", "at") for t in up):
        return  # the value of a toll follows "to" or "at" (not "a heavy toll, with 824 troops dying each day")
    kind, ttok = toll_structure(ctx.lex, c.span)
    if kind is not None and ttok is not None:
        c.ev_start, c.role, c.kind = min(c.ev_start, ttok.idx), "toll", kind
        if c.head is not None and any(t.pos_ == "CCONJ" for t in ctx.doc[c.span.end:c.head.i]):
            c.ev_end = c.m.end  # "rose to 20 and more than 40 others ...": the parser's noun is another count's


def toll(doc: Doc, lex: CountsLexicon, span: Span, sent: Span) -> tuple[str | None, Token | None]:
    """Kind given by a toll or tally the number is the value of ("the death toll rose to 25")."""
    kind, ttok = toll_structure(lex, span)
    return (kind, ttok) if kind is not None else _toll_word_before(doc, lex, span, sent)


def toll_structure(lex: CountsLexicon, span: Span) -> tuple[str | None, Token | None]:
    """Kind of the toll or tally whose value the number is by the parse ("the death toll from the quake has risen
    to 2,300": the number hangs, via to/at/of, off a verb or noun whose subject is the toll)."""
    v = span[-1]
    for _ in range(3):
        if v.head is v:
            break
        v = v.head
        subj = v if v.lower_ in lex.toll_words else next(
            (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in lex.toll_words),
            None)
        if subj is not None:
            comp = next((c for c in subj.children if c.dep_ in ("compound", "amod")
                         and c.lower_ in lex.toll_kinds), None)
            return (lex.toll_kinds[comp.lower_] if comp is not None else "killed"), (comp or subj)
        # "the number of people killed rose to 300"
        tally = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                      and c.lower_ in lex.tally_words), None)  # "brought the number of dead to 50"
        if tally is not None and v.lemma_.lower() in lex.toll_verbs:
            for t in tally.subtree:  # "the number of dead", "of people killed", "of people who died"
                kind = lex.cas_adjs.get(t.lower_) or lex.cas_nouns.get(t.lemma_.lower()) or (
                    lex.cas_verbs.get(t.lemma_.lower()) if t.dep_ == "relcl" else None)
                if kind:
                    return kind, tally
        if v.pos_ == "VERB" and v.lemma_.lower() not in lex.toll_verbs:
            break
    return None, None


def _toll_word_before(doc: Doc, lex: CountsLexicon, span: Span, sent: Span) -> tuple[str | None, Token | None]:
    """Linear: a toll word shortly before the amount ("death toll at 12"), with nothing countable between."""
    k = span[0].i - 1
    while k >= sent.start and span[0].i - k <= 9:
        t = doc[k]
        if t.lower_ in lex.toll_words:
            prev = doc[k - 1].lower_ if k - 1 >= sent.start else ""
            kind = lex.toll_kinds.get(prev, "killed")
            return kind, (doc[k - 1] if prev in lex.toll_kinds else t)
        blocks = t.like_num or (t.pos_ in ("NOUN", "PROPN") and t.dep_ != "npadvmod") or t.text in ";"
        if blocks and t.ent_type_ not in ("DATE", "TIME"):
            return None, None
        k -= 1
    return None, None
