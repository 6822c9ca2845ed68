"""An acronym defined in parentheses names an organisation: "Islamic State of Iraq and the Levant
(ISIL)", "the Allied Democratic Forces (ADF)" -> the full name and the acronym are both ORG, read
back letter by letter over the capitalised words before "(" (glue words like "of", "the" skipped).
A place stays a place: "Democratic Republic of Congo (DRC)".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .common import PLACE_LABELS
from .context import EntityContext

_PAREN_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_ACRONYM_GLUE = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "-", "‑", "'", "’"})


def acronym_start(doc: Doc, acr: Span, letters: str) -> int | None:
    """Start of the words before "(" whose initials spell `letters` (all of them, at least two
    words, within 15 tokens and one sentence); None when they do not."""
    k = len(letters) - 1
    j = acr.start - 2  # the word before "("
    start = None
    while j >= 0 and k >= 0 and j > acr.start - 16:
        t = doc[j]
        if "\n" in t.whitespace_ or t.is_sent_end and j < acr.start - 2:
            break
        if t.lower_ in _ACRONYM_GLUE:
            j -= 1
            continue
        if not t.text[:1].isupper() or t.text[0] != letters[k]:
            break
        k -= 1
        start = j
        j -= 1
    if k >= 0 or start is None or acr.start - 1 - start < 2:
        return None
    return start


def paren_acronyms(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Full names defined by a parenthesised acronym, and the acronym, as ORG spans."""
    doc = ctx.doc
    if "(" not in ctx.text:
        return ents
    added: list[Span] = []
    for m in _PAREN_ACRONYM.finditer(ctx.text):
        acr = doc.char_span(m.start(1), m.end(1))
        if acr is None or len(acr) != 1 or acr.start < 2:
            continue
        start = acronym_start(doc, acr, m.group(1).upper())
        if start is None:
            continue
        full = Span(doc, start, acr.start - 1, "ORG")
        if any(e.label_ in PLACE_LABELS and e.start <= full.start and full.end <= e.end for e in ents) \
                or ctx.places.known_place(full.text):
            continue  # "Democratic Republic of Congo (DRC)": a place stays a place
        added += [full, Span(doc, acr.start, acr.end, "ORG")]
    if not added:
        return ents
    return [e for e in ents if not any(a.start < e.end and e.start < a.end for a in added)] + added
