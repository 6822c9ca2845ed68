"""One actor the tagger labelled two ways: a surname tagged ORG ("Cranny-Evans") next to the
person's full name ("Sam Cranny-Evans"), and the last words of an organisation's name tagged
PERSON ("Crimea Platform") next to the full name ("the International Crimea Platform").

Found through two indexes (surnames of full personal names, tails of organisation names), so the
cost is one look-up per name.
"""

from __future__ import annotations

from .fold import fold_name
from .keys import Group


def _names(g: Group) -> set[str]:
    return {fold_name(s.text) for s in g["spans"]}


def _surnames(groups: list[Group]) -> dict[str, Group | None]:
    """surname (the last word or words of a full name) -> the one person whose name ends with it
    (None when two people share it)."""
    out: dict[str, Group | None] = {}
    for g in groups:
        if g["type"] != "PERSON":
            continue
        for name in _names(g):
            words = name.split()
            for k in range(1, len(words)):
                tail = " ".join(words[k:])
                out[tail] = g if out.get(tail, g) is g else None
    return out


def _org_tails(groups: list[Group]) -> dict[str, Group | None]:
    """last two or more words of an ORG's longer name -> that ORG (None when two ORGs share them)."""
    out: dict[str, Group | None] = {}
    for g in groups:
        if g["type"] != "ORG":
            continue
        for name in _names(g):
            words = name.split()
            for k in range(1, len(words) - 1):
                tail = " ".join(words[k:])
                out[tail] = g if out.get(tail, g) is g else None
    return out


def merge_mislabelled(groups: list[Group]) -> list[Group]:
    """Fold an ORG that is only a person's surname into the person, and a PERSON that is only the
    tail of an organisation's name into the organisation."""
    live = [g for g in groups if g["spans"]]
    surnames = _surnames(live)
    tails = _org_tails(live)
    drop: set[int] = set()
    for g in live:
        names = _names(g)
        target = None
        if g["type"] == "ORG":
            found = {id(surnames.get(n)) for n in names}
            target = surnames.get(next(iter(names))) if len(found) == 1 else None
        elif g["type"] == "PERSON" and all(len(n.split()) >= 2 for n in names):
            found = {id(tails.get(n)) for n in names}
            target = tails.get(next(iter(names))) if len(found) == 1 else None
        if target is None or target is g or id(target) in drop:
            continue
        target["spans"] = sorted(target["spans"] + g["spans"], key=lambda s: s.start)
        target["keys"] |= g["keys"]
        drop.add(id(g))
    return [g for g in groups if id(g) not in drop]
