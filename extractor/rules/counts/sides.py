"""Naming the side a token stands for: a demonym ("Ukrainian" -> Ukraine), a country, or a named group.

Shared by the operator rules (who launched the weapons) and the `by` rules (who downed them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from .context import CountsDoc
from .grammar import APOS


def country(ctx: CountsDoc, tok: Token) -> str | None:
    """Short side name for a token: demonym ("Ukrainian" -> Ukraine) or a named place/group."""
    low = tok.lower_.translate(APOS)
    if low in ctx.lex.demonyms:
        return ctx.lex.demonyms[low]
    if tok.ent_type_ in ("GPE",) and tok.pos_ == "PROPN":
        ent = ctx.ent_at.get(tok.i)
        if ent is not None:
            return re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", ent.text, flags=re.I))
    return None


def side(ctx: CountsDoc, tok: Token) -> str | None:
    """Side named by a subject phrase: "Russia", "Russian forces", "Hezbollah", "the Rapid Support Forces"."""
    c = country(ctx, tok)
    if c:
        return c
    if tok.ent_type_ in ("ORG", "NORP", "GPE"):
        ent = ctx.ent_at.get(tok.i)
        if ent is not None and ent.label_ in ("ORG", "NORP", "GPE") and ent.end == tok.i + 1:
            return re.sub(r"^the\s+", "", ent.text, flags=re.I).translate(APOS)
    for ch in tok.children:
        if ch.dep_ in ("amod", "compound", "poss", "nmod"):
            c = country(ctx, ch)
            if c:
                return c
    if tok.ent_type_ in ("ORG", "NORP") and tok.lower_ in ctx.lex.demonyms:
        return ctx.lex.demonyms[tok.lower_]
    return None


def first_side(ctx: CountsDoc, toks: Iterable[Token]) -> str | None:
    """The first side named by one of `toks` (the objects of an agent or "from" phrase)."""
    for tok in toks:
        who = side(ctx, tok)
        if who:
            return who
    return None
