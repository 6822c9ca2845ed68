"""Subheadings inside the body ("A Donbas First Strategy", "Zelensky Will Not Accept Putin’s
Crimean Red Line") are set in title case like the headline, and the small model reads their
capitalised words as names ("Accept Putin", "Signaling American"). As for the headline, an entity
on such a line is kept only when the rest of the text confirms it (the same name tagged on an
ordinary line) or when it is a place the gazetteer knows well.
"""

from __future__ import annotations

from spacy.tokens import Span

from .common import PLACE_LABELS, key
from .context import EntityContext

#: a subheading is short and has no sentence-final punctuation
MAX_HEADING_WORDS = 12
#: share of its words (of three letters or more) that start with a capital
MIN_CAPITALISED = 0.6


def is_subheading(line: str) -> bool:
    """A short title-case line without a final full stop ("The Next Step", "A Donbas First Strategy")."""
    words = line.split()
    if not 2 <= len(words) <= MAX_HEADING_WORDS or line[-1] in ".!?:;,\"”'’)" or line.isupper():
        return False
    long_words = [w for w in words if len(w.strip("“”\"'’(),")) >= 3]
    return bool(long_words) and sum(w.strip("“”\"'’(")[:1].isupper() for w in long_words) >= \
        MIN_CAPITALISED * len(long_words) and sum(w[:1].isupper() for w in words) >= 2


def heading_ranges(ctx: EntityContext) -> list[tuple[int, int]]:
    """Character ranges of the subheadings of the body (the headline is the headline step's)."""
    out: list[tuple[int, int]] = []
    pos = 0
    title_end = ctx.title_end
    for raw in ctx.text.split("\n"):
        line = raw.strip()
        if line and pos >= title_end and pos > 0 and is_subheading(line):
            out.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return out


def confirmed_subheadings(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Entities on subheading lines only when confirmed elsewhere or a well-known place."""
    ranges = heading_ranges(ctx)
    if not ranges:
        return ents

    def on_heading(e: Span) -> bool:
        return any(s <= e.start_char < end for s, end in ranges)

    confirmed = {key(e.text) for e in ents if not on_heading(e)}
    return [e for e in ents if not on_heading(e) or key(e.text) in confirmed
            or e.label_ in PLACE_LABELS and ctx.places.known_place(e.text)
            or e.label_ not in ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT")]
