"""Other names of one actor: "Alexander Zaldostanov, also known as Khirurg", "hackers known as
APT28 or Fancy Bear". A name right after "known as" (or "a.k.a.") is another name of the actor
named just before it, and names joined by "or" after "known as" are one actor; each would
otherwise be listed as an actor of its own.
"""

from __future__ import annotations

from spacy.tokens import Span

from .keys import Group

#: tokens that may stand between a name and its "also known as" ("X, also known as Y")
_BETWEEN = frozenset({",", "also", "-", "–", "—", "(", "sometimes", "better", "widely", "commonly"})


def _after_known_as(span: Span) -> bool:
    doc = span.doc
    if span.start >= 1 and doc[span.start - 1].lower_ in ("a.k.a.", "aka", "a.k.a"):
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "as" and doc[span.start - 2].lower_ == "known"


def _before_known_as(span: Span) -> int:
    """Token index where the name before "known as" must end (its end), or -1."""
    doc = span.doc
    k = span.start - (1 if doc[span.start - 1].lower_ != "as" else 2) - 1
    while k >= 0 and doc[k].lower_ in _BETWEEN:
        k -= 1
    return k + 1


def _merge(into: Group, other: Group) -> None:
    if other is into or not other["spans"]:
        return
    into["spans"].extend(other["spans"])
    into["keys"] |= other["keys"]
    other["spans"] = []


def merge_known_as(groups: list[Group]) -> None:
    """Join the groups of names given as other names of one actor (in place; emptied groups stay
    in the list with no spans)."""
    by_end: dict[int, Group] = {}
    by_start: dict[int, tuple[Span, Group]] = {}
    for g in groups:
        for sp in g["spans"]:
            by_end[sp.end] = g
            by_start[sp.start] = (sp, g)
    for start in sorted(by_start):
        span, g = by_start[start]
        if not g["spans"] or not _after_known_as(span):
            continue
        doc = span.doc
        nxt = by_start.get(span.end + 1)
        if span.end < len(doc) and doc[span.end].lower_ == "or" and nxt is not None:
            _merge(g, nxt[1])  # "known as APT28 or Fancy Bear"
        before = by_end.get(_before_known_as(span))
        if before is not None and before["spans"] and before["type"] == g["type"]:
            _merge(before, g)  # "Alexander Zaldostanov, also known as Khirurg"
