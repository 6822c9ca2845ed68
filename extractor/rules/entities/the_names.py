"""Named sources the tagger missed or mistyped, read from a capital "The": "with The Punch
saying", "The Civil Defence - ... - said", and a named thing that speaks ("The Civil Defence
said" tagged WORK_OF_ART) is an organisation.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..token_search import indices_where
from .context import EntityContext
from .person_evidence import REPORT_VERBS, speaks


def _speaking_things(ctx: EntityContext, ents: list[Span], out: list[Span]) -> list[Span]:
    """"The Civil Defence ... said" tagged WORK_OF_ART: a named thing that speaks is a body."""
    doc = ctx.doc
    for e in ents:
        if e.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW") and ctx.names.is_name(
                e[1:] if e[0].lower_ == "the" else e) and speaks(doc, e, ctx.lex):
            out = [x for x in out if x is not e] + [Span(doc, e.start, e.end, "ORG")]
    return out


def _untagged_the_name(ctx: EntityContext, i: int, taken: set[int]) -> Span | None:
    """'The' at token `i` + 1-4 capitalised proper nouns nobody tagged, subject of a speech or
    publishing verb: the name after 'The' is an ORG."""
    doc = ctx.doc
    t = doc[i]
    end = i + 1
    while end < len(doc) and end - i <= 4 and end not in taken and doc[end].is_title \
            and doc[end].pos_ == "PROPN":
        end += 1
    mid = not t.is_sent_start and i > 0 and doc[i - 1].is_alpha  # "with The Nation saying"
    if end - i < (2 if mid else 3):
        return None
    name = doc[i + 1:end]
    if any(x.lower_ in ctx.lex.titles or x.lower_ in ctx.lex.demonyms for x in name):
        return None
    head = name.root.head
    if name.root.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB" and (
            head.lemma_.lower() in ctx.lex.person_verbs or head.lemma_.lower() in REPORT_VERBS):
        return Span(doc, i + 1, end, "ORG")  # "The Civil Defence - ... - said"
    return None


def the_names(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'The' + a name that speaks: an outlet or a body (see the module docstring)."""
    doc = ctx.doc
    by_start = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = _speaking_things(ctx, ents, list(ents))
    for i in indices_where(doc, ("ORTH", {"The"})):
        if i + 1 >= len(doc):
            continue
        t = doc[i]
        nxt = by_start.get(t.i + 1)
        if nxt is not None:
            # mid-sentence capital "The" + a name: an outlet or body ("The Punch", "The Hindu")
            if nxt.label_ in ("NORP", "PERSON", "WORK_OF_ART", "PRODUCT") and not t.is_sent_start \
                    and speaks(doc, nxt, ctx.lex):
                out = [x for x in out if x is not nxt] + [Span(doc, t.i, nxt.end, "ORG")]
            continue
        found = _untagged_the_name(ctx, t.i, taken)
        if found is not None:
            out.append(found)
    return out
