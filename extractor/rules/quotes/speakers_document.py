"""Document speakers: "the statement said" speaks for its issuer, named in the phrase itself
("X's statement", "a statement from X"), at the last earlier mention of such a document
("X said in a statement"), else the speaker of the attribution just before.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from .context import QuoteContext
from .cues import is_cue
from .resolve import resolve_name


def _named_issuer(ctx: QuoteContext, t: Token) -> tuple[str, str | None] | None:
    """The resolved name when `t` lies in a PERSON or ORG entity."""
    e = ctx.entity_of(t)
    if e is not None and e.label_ in ("PERSON", "ORG"):
        return resolve_name(ctx, e)
    return None


def issuer(ctx: QuoteContext, doc_tok: Token) -> tuple[str, str | None] | None:
    """The named issuer of a document noun: "X's statement", "a statement from/by X",
    "X said in a statement"."""
    for c in doc_tok.children:
        if c.dep_ == "poss":
            found = _named_issuer(ctx, c)
            if found is not None:
                return found
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            for g in c.children:
                found = _named_issuer(ctx, g) if g.dep_ == "pobj" else None
                if found is not None:
                    return found
    if doc_tok.dep_ == "pobj" and doc_tok.head.lower_ in ("in", "through", "via") \
            and is_cue(doc_tok.head.head, ctx.lex.speech):
        cue = doc_tok.head.head
        for c in cue.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i not in ctx.quoted:
                found = _named_issuer(ctx, c)
                if found is not None:
                    return found
    return None


def _earlier_document_issuer(ctx: QuoteContext, span: Span) -> tuple[str, str | None] | None:
    """The issuer at an earlier mention of a document: the same kind first (up to 3 mentions
    within 600 tokens), then any other kind ("stated in a press release ... the statement")."""
    lemma = span[-1].lemma_.lower()
    docs = ctx.lex.document_nouns
    for same in (True, False):
        n = 0
        for i in range(span.start - 1, max(-1, span.start - 600), -1):
            tok = ctx.doc[i]
            low = tok.lemma_.lower()
            if (low == lemma if same else low in docs and low != lemma) and tok.pos_ == "NOUN" \
                    and i not in ctx.quoted:
                found = issuer(ctx, tok)
                if found is not None:
                    return found
                n += 1
                if n >= 3:
                    break
    return None


def resolve_document(ctx: QuoteContext, span: Span,
                     last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """"the statement" -> its issuer: named in the phrase itself, at the last earlier mention of
    that kind of document ("a statement from X", "X said in a statement"), else the speaker of
    the attribution just before (a statement is issued by whoever was last quoted)."""
    found = issuer(ctx, span[-1])
    if found is not None:
        return found
    found = _earlier_document_issuer(ctx, span)
    if found is not None:
        return found
    if last is not None and last[0].get("name") and ctx.para_index(span.start_char) - last[1] <= 2 \
            and last[0].get("method") not in ("nominal", "adjacent"):
        return last[0]["name"], last[0].get("actor_id")
    return None
