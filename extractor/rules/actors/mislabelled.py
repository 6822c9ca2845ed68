"""One actor the tagger labelled or named two ways: a surname tagged ORG ("Cranny-Evans") next to
the person's full name ("Sam Cranny-Evans"); the last words of an organisation's name tagged
PERSON ("Crimea Platform") next to the full name ("the International Crimea Platform"); an
organisation's own name or acronym tagged PERSON elsewhere ("KIIS"); a person's first names
without the surname ("Sidor Artemyevich" next to "Sidor Artemyevich Kovpak").

Found through indexes (surnames and first names of full personal names, tails and names of
organisations), so the cost is one look-up per name.
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
    """an ORG's name (several words, or one in capitals: "KIIS"), or its last two or more words
    -> that ORG (None when two ORGs share them)."""
    out: dict[str, Group | None] = {}
    for g in groups:
        if g["type"] != "ORG":
            continue
        for span in g["spans"]:
            words = fold_name(span.text).split()
            whole = len(words) > 1 or span.text.isupper()
            for k in range(0 if whole else 1, max(1, len(words) - 1)):
                tail = " ".join(words[k:])
                out[tail] = g if out.get(tail, g) is g else None
    return out


def _first_names(groups: list[Group]) -> dict[str, Group | None]:
    """the first two or more words of a longer personal name -> that person (None when shared)."""
    out: dict[str, Group | None] = {}
    for g in groups:
        if g["type"] != "PERSON":
            continue
        for name in _names(g):
            words = name.split()
            for k in range(2, len(words)):
                head = " ".join(words[:k])
                out[head] = g if out.get(head, g) is g else None
    return out


def _lone_surnames(groups: list[Group]) -> dict[str, Group | None]:
    """a person named only by one word -> that person (None when two share it)."""
    out: dict[str, Group | None] = {}
    for g in groups:
        names = _names(g)
        if g["type"] == "PERSON" and all(len(n.split()) == 1 for n in names):
            for n in names:
                out[n] = g if out.get(n, g) is g else None
    return out


def _one_target(names: set[str], index: dict[str, Group | None]) -> Group | None:
    """The one group every name points to in `index`, or None."""
    found = {id(index.get(n)) for n in names}
    return index.get(next(iter(names))) if len(found) == 1 else None


def merge_mislabelled(groups: list[Group]) -> list[Group]:
    """Fold an ORG that is only a person's surname into the person (and a two- or three-word ORG
    ending with the one word a person is named by: "Denys Shmyhal" tagged ORG, "Shmyhal" PERSON),
    a PERSON that is an organisation's name or its tail into the organisation, and a person's
    first names into the full name."""
    live = [g for g in groups if g["spans"]]
    surnames = _surnames(live)
    tails = _org_tails(live)
    firsts = _first_names(live)
    lone = _lone_surnames(live)
    drop: set[int] = set()
    for g in live:
        names = _names(g)
        target = None
        if g["type"] == "ORG":
            target = _one_target(names, surnames)
            if target is None and all(2 <= len(n.split()) <= 3 for n in names):
                target = _one_target({n.split()[-1] for n in names}, lone)
        elif g["type"] == "PERSON":
            target = _one_target(names, tails) or (
                _one_target(names, firsts) if all(len(n.split()) >= 2 for n in names) else None)
        if target is None or target is g or id(target) in drop:
            continue
        target["spans"] = sorted(target["spans"] + g["spans"], key=lambda s: s.start)
        target["keys"] |= g["keys"]
        drop.add(id(g))
    return [g for g in groups if id(g) not in drop]
