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

#: a group's names: folded name -> written in capitals ("KIIS")
Forms = dict[str, bool]
Index = dict[str, "Group | None"]


def _add(index: Index, key: str, g: Group) -> None:
    """Point `key` at `g`, or at None when another group already has it."""
    index[key] = g if index.get(key, g) is g else None


def _indexes(groups: list[Group], forms: dict[int, Forms]) -> tuple[Index, Index, Index, Index]:
    """(surnames: the last word or words of a person's longer name; ORG names and tails: an ORG's
    name of several words or in capitals, or its last two or more words; first names: the first two
    or more words of a person's longer name; lone names: people named by one word only)."""
    surnames: Index = {}
    tails: Index = {}
    firsts: Index = {}
    lone: Index = {}
    for g in groups:
        names = forms[id(g)]
        if g["type"] == "PERSON":
            for name in names:
                words = name.split()
                for k in range(1, len(words)):
                    _add(surnames, " ".join(words[k:]), g)
                for k in range(2, len(words)):
                    _add(firsts, " ".join(words[:k]), g)
            if all(" " not in n for n in names):
                for name in names:
                    _add(lone, name, g)
        elif g["type"] == "ORG":
            for name, upper in names.items():
                words = name.split()
                whole = len(words) > 1 or upper
                for k in range(0 if whole else 1, max(1, len(words) - 1)):
                    _add(tails, " ".join(words[k:]), g)
    return surnames, tails, firsts, lone


def _one_target(names: set[str] | Forms, index: Index) -> Group | None:
    """The one group every name points to in `index`, or None."""
    found = {id(index.get(n)) for n in names}
    return index.get(next(iter(names))) if len(found) == 1 else None


def merge_mislabelled(groups: list[Group]) -> list[Group]:
    """Fold an ORG that is only a person's surname into the person (and a two- or three-word ORG
    ending with the one word a person is named by: "Denys Shmyhal" tagged ORG, "Shmyhal" PERSON),
    a PERSON that is an organisation's name or its tail into the organisation, and a person's
    first names into the full name."""
    live = [g for g in groups if g["spans"] and g["type"] in ("PERSON", "ORG")]
    forms: dict[int, Forms] = {}
    for g in live:
        forms[id(g)] = {}
        for s in g["spans"]:
            forms[id(g)][fold_name(s.text)] = s.text.isupper()
    surnames, tails, firsts, lone = _indexes(live, forms)
    drop: set[int] = set()
    for g in live:
        names = forms[id(g)]
        if g["type"] == "ORG":
            target = _one_target(names, surnames)
            if target is None and all(2 <= n.count(" ") + 1 <= 3 for n in names):
                target = _one_target({n.rsplit(" ", 1)[-1] for n in names}, lone)
        else:
            target = _one_target(names, tails) or (
                _one_target(names, firsts) if all(" " in n for n in names) else None)
        if target is None or target is g or id(target) in drop:
            continue
        target["spans"] = sorted(target["spans"] + g["spans"], key=lambda s: s.start)
        target["keys"] |= g["keys"]
        drop.add(id(g))
    return [g for g in groups if id(g) not in drop]
