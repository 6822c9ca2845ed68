"""Parliaments are bodies, not places: "the chairman of the Verkhovna Rada", "the State Duma
voted", "the Knesset". The small model tags these foreign names GPE or skips them; they are
organisations that vote and speak (actors), and no place of the story. The names are the
lexicon's, matched as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from ..regex_guards import first_char_guard
from .common import key
from .context import EntityContext

_RETAG = frozenset({"GPE", "LOC", "PERSON", "FAC", "NORP"})


@lru_cache(maxsize=4)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for every name, longest first ("State Duma" before "Duma"), guarded by a look-ahead on
    the names' first characters (the engine then skips the other positions at once)."""
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(first_char_guard(names) + r"\b(?:" + alts + r")\b")


def legislatures(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Parliaments tagged as places or people become ORG; untagged ones are added as ORG."""
    names = ctx.lex.legislatures
    keys = {key(n) for n in names}
    out = [Span(ctx.doc, e.start, e.end, "ORG") if e.label_ in _RETAG and key(e.text) in keys else e for e in ents]
    taken = {i for e in out for i in range(e.start, e.end)}
    for m in _pattern(names).finditer(ctx.text):
        span = ctx.doc.char_span(m.start(), m.end(), label="ORG")
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return out
