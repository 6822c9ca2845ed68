"""Gazetteer-backed checks: is a text a place the gazetteer (or the place lexicons) knows well, a
country, a first-level region? Answers are memoised across documents (the same names come back
article after article); the gazetteer itself is opened by the component on first use only.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from ..string_memo import string_memo
from .lexicon import EntityLexicon

#: population above which a known town overrules the tagger
MIN_POP = 15000
#: entries kept in the memo of `KnownPlaces.known_place` (a bound on memory, not on speed)
_MEMO_SIZE = 20000


@string_memo(8192)
def _close(q: str, n: str) -> bool:
    return n.startswith(q + " ") or difflib.SequenceMatcher(None, q, n).ratio() >= 0.8


def strong_name_match(query: str, cand: Any) -> bool:
    """True when `query` names `cand` by its main name or by a close spelling of it.

    Alternate names in GeoNames include translations ("White House" = Casablanca) and
    historic names; only a country's official name ("Republic of Armenia") and spelling variants
    (Mykolaiv/Mykolayiv, Kirovohrad/Kirovohradska oblast) are strong enough to overrule the tagger.
    """
    if not cand.alternate:
        return True
    from ...gazetteer import fold

    q = fold(query)
    names = [fold(cand.name)]
    if cand.kind == "admin1":
        names.append(" ".join(w for w in names[0].split() if w not in {"oblast", "region", "province"}))
    if cand.kind == "country" and any(q.endswith(" of " + n) for n in names):
        return True  # an official name: "Republic of Armenia", "Kingdom of Morocco"
    return any(_close(q, n) for n in names if n)


class KnownPlaces:
    """Place look-ups against the place lexicons and the gazetteer, with a memo."""

    def __init__(self, lex: EntityLexicon, open_gazetteer: Callable[[], Any],
                 memo: dict[tuple[str, int, bool], bool]) -> None:
        self.lex = lex
        self._open_gazetteer = open_gazetteer  # the component's lazily opened gazetteer
        self._memo = memo

    def known_place(self, text: str, min_pop: int = MIN_POP, weak: bool = False) -> bool:
        """Is `text` a country, region, sea or city the gazetteer knows well?"""
        key = (text, min_pop, weak)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._known_place_uncached(text, min_pop, weak)
            if len(self._memo) < _MEMO_SIZE:
                self._memo[key] = hit
        return hit

    def _known_place_uncached(self, text: str, min_pop: int, weak: bool) -> bool:
        t = text.strip()
        if self.is_abbreviation(t):
            return True  # "N.C.", "Fla.": a state, however short (not "Wash.", "IN": words too)
        if t.lower().startswith("the "):
            t = t[4:]
        low = t.lower()
        if low in self.lex.not_places or low in self.lex.demonyms:
            return False
        if low in self.lex.country_aliases or low in self.lex.extra_places or low in self.lex.historical_countries:
            return True
        for cand in self._open_gazetteer().lookup(t):
            if not weak and not strong_name_match(t, cand):
                continue
            if cand.kind in ("country", "admin1") or cand.population >= min_pop:
                return True
        return False

    def is_abbreviation(self, text: str) -> bool:
        """A region abbreviation that is a region wherever it stands ("N.C.", "Fla."; not "Wash."),
        also without its last period ("N.Y", "W.Va", "Calif": the tagger or the writer leaves it out)."""
        abbr = self.lex.region_abbreviations
        where = abbr.get(text) or (not text.endswith(".") and abbr.get(text + "."))
        return bool(where) and where[2] == "any"

    def is_region_name(self, text: str) -> bool:
        """A country or a first-level region (state, province) by its main name."""
        low = text.lower().removeprefix("the ")
        return low in self.lex.country_aliases or self.is_abbreviation(text) or any(
            c.kind in ("country", "admin1") and not c.alternate and strong_name_match(text, c)
            for c in self._open_gazetteer().lookup(text))

    def is_major_place(self, text: str) -> bool:
        """A country, a first-level region or a national capital by its main name: a name no small
        model tag overrules ("Kyiv said" is the government in Kyiv, not a person)."""
        t = text.strip()
        low = t.lower().removeprefix("the ")
        if low in self.lex.not_places or low in self.lex.demonyms:
            return False
        if low in self.lex.country_aliases or low in self.lex.historical_countries:
            return True
        return any(not c.alternate and strong_name_match(t, c) and (
            c.kind in ("country", "admin1") or c.capital) for c in self._open_gazetteer().lookup(t))

    def is_the_place(self, text: str) -> bool:
        """'The Hague', 'The Gambia': a place whose main name starts with 'The'."""
        return any(not c.alternate and c.name.lower().startswith("the ") for c in self._open_gazetteer().lookup(text))

    def is_country_any(self, text: str) -> bool:
        """A country by any of its names, official ones included ("the Republic of Armenia")."""
        return any(c.kind == "country" for c in self._open_gazetteer().lookup(text.removeprefix("the ")))

    def is_country_name(self, text: str) -> bool:
        """A country by its main name (or a country alias: "U.S.")."""
        low = text.lower().removeprefix("the ")
        return low in self.lex.country_aliases or any(
            c.kind == "country" and not c.alternate for c in self._open_gazetteer().lookup(text))
