"""Finding the few tokens of a Doc that carry given words, without a Python object per token.

Why: a rule that walks every token of an article to find the handful it cares about ("The",
a hyphen, "killed") builds a spaCy Token object for each one; several such walks per rule
component were a tenth of the pipeline's time. Here an attribute is read once per Doc as an
array of string ids, its distinct strings are listed once (cached in `doc.user_data`), and a
test looks at each distinct string, or only at the words it asks for, never at every token.
The same tokens come back, in the same order, as from a walk. Shared by the rules of every
field, so it lives below them.

A test is `(attr, keep)`: `attr` a token attribute ("ORTH", "LOWER", "LEMMA", "TAG", ...) or
"LEMMA_LOWER" (the lemma in lower case: "Kill" at the start of a headline is "kill"), `keep`
either a set of strings (the exact strings wanted: the fast case) or a predicate on a string.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from typing import Union

import numpy
from spacy.tokens import Doc, Token

#: what a test keeps: the strings wanted, or a predicate on a string
Keep = Union[Set[str], Callable[[str], bool]]  # noqa: UP007 - a runtime alias
#: doc.user_data key of the per-Doc cache (not a Doc extension: never serialised or rolled back)
_CACHE_KEY = "extractor.token_search"


class _AttrIndex:
    """One attribute of one Doc: its distinct strings and, per token, which of them it has."""

    __slots__ = ("inverse", "pos", "strings")

    def __init__(self, doc: Doc, attr: str) -> None:
        fold = attr == "LEMMA_LOWER"
        values = doc.to_array("LEMMA" if fold else attr)
        uniq, inverse = numpy.unique(values, return_inverse=True)
        store = doc.vocab.strings
        strings = [store[int(h)] for h in uniq.tolist()]
        if fold:  # distinct lemmas that differ only in case become one string
            lowered = [s.lower() for s in strings]
            distinct = sorted(set(lowered))
            at = {s: i for i, s in enumerate(distinct)}
            inverse = numpy.array([at[s] for s in lowered], dtype=numpy.intp)[inverse]
            strings = distinct
        self.strings: list[str] = strings
        self.inverse: numpy.ndarray = inverse.reshape(-1)
        self.pos: dict[str, int] = {s: i for i, s in enumerate(strings)}

    def mask(self, keep: Keep) -> numpy.ndarray:
        """Per token: does its string pass `keep`?"""
        wanted = numpy.zeros(len(self.strings), dtype=bool)
        if isinstance(keep, Set):
            small, big = (keep, self.pos) if len(keep) < len(self.pos) else (self.pos, keep)
            for s in small:
                if s in big:
                    wanted[self.pos[s]] = True
        else:
            for i, s in enumerate(self.strings):
                if keep(s):
                    wanted[i] = True
        return wanted[self.inverse]


def _index(doc: Doc, attr: str) -> _AttrIndex:
    cache = doc.user_data.get(_CACHE_KEY)
    if cache is None:
        cache = doc.user_data[_CACHE_KEY] = {}
    found = cache.get(attr)
    if found is None:
        found = cache[attr] = _AttrIndex(doc, attr)
    return found


def indices_where(doc: Doc, *tests: tuple[str, Keep]) -> list[int]:
    """Indices, ascending, of the tokens whose string for some (attr, keep) test passes `keep`."""
    if not len(doc):
        return []
    hit: numpy.ndarray | None = None
    for attr, keep in tests:
        m = _index(doc, attr).mask(keep)
        hit = m if hit is None else hit | m
    return [] if hit is None else numpy.flatnonzero(hit).tolist()


def tokens_where(doc: Doc, *tests: tuple[str, Keep]) -> list[Token]:
    """The tokens themselves (see `indices_where`)."""
    return [doc[i] for i in indices_where(doc, *tests)]
