"""Places the tagger called people or organisations: "Borodianka", "Kiev", "Moscow's crosshairs".

An actor named only by one word that the gazetteer knows as a country, a first-level region or a
national capital is a place whatever its tag (countries and capitals are places in the output,
"Moscow said" included); one it knows as a town of some size (by its main name) is a place unless
a mention reads as a person's (a title before it, a speech verb after it: "Jackson said"). Names
in a person's full name never come here: they joined that person while grouping.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

from .fold import fold_name
from .keys import Group

#: population from which a town's main name outweighs a PERSON/ORG tag without person evidence
TOWN_POP = 10000


class PlaceNames:
    """Name -> "major" (country, region, capital), "town" or "" from the gazetteer, memoised."""

    def __init__(self, gazetteer: Callable[[], Any]) -> None:
        self._gazetteer = gazetteer
        self._memo: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        hit = self._memo.get(name)
        if hit is None:
            hit = self._level(name)
            if len(self._memo) < 20000:
                self._memo[name] = hit
        return hit

    def _level(self, name: str) -> str:
        level = ""
        for c in self._gazetteer().lookup(name):
            if c.capital or (c.kind in ("country", "admin1") and not c.alternate):
                return "major"  # "Kiev" (an alternate name of a capital) too
            if c.kind == "city" and not c.alternate and c.population >= TOWN_POP:
                level = "town"
        return level


def drop_place_names(groups: list[Group], place_level: Callable[[str], str], titles: frozenset[str],
                     speech_verbs: frozenset[str]) -> None:
    """Empty the PERSON/ORG groups named only by one capitalised word that is a place."""
    for g in groups:
        if g["type"] not in ("PERSON", "ORG") or not g["spans"]:
            continue
        forms = {s.text for s in g["spans"]}
        if len(forms) != 1 or any(len(s) != 1 or not s[0].is_title for s in g["spans"]):
            continue
        level = place_level(fold_name(next(iter(forms))).title())
        if level == "major" or (level == "town" and not any(_reads_as_person(s, titles, speech_verbs)
                                                             for s in g["spans"])):
            g["spans"] = []


def _reads_as_person(span: Span, titles: frozenset[str], speech_verbs: frozenset[str]) -> bool:
    """'Mr Jackson', 'Gen. Austin', 'Jackson said', 'according to Jackson'."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in titles | {"mr", "mrs", "ms", "dr"}:
        return True
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in speech_verbs:
        return True
    return span.start >= 2 and doc[span.start - 2].lower_ == "according" and doc[span.start - 1].lower_ == "to"
