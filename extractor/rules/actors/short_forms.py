"""Short forms of an organisation's name that keep its first words: "the Parliamentary Assembly"
after "the Parliamentary Assembly of the Union State of Belarus", "Ukraine's Air Force" next to
"Ukraine's Air Force Command". (Short forms that keep the last words, "the Post" for "The New
York Post", are joined while grouping: keys.py.)
"""

from __future__ import annotations

from .fold import fold_name
from .keys import Group

#: a short form must keep at least this many words ("Ministry" alone names no one body)
MIN_WORDS = 2


def _names(g: Group) -> set[tuple[str, ...]]:
    return {tuple(fold_name(s.text).split()) for s in g["spans"]}


def merge_short_forms(groups: list[Group]) -> list[Group]:
    """An ORG all of whose names are the first words of one longer ORG's name joins that ORG.
    With two longer candidates ("Defense Ministry" next to two countries' ministries) it stays."""
    orgs = [g for g in groups if g["type"] == "ORG" and g["spans"]]
    drop: set[int] = set()
    for g in orgs:
        names = _names(g)
        if not names or min(len(n) for n in names) < MIN_WORDS:
            continue
        targets = [o for o in orgs if o is not g and id(o) not in drop and all(
            any(len(long) > len(n) and long[:len(n)] == n for long in _names(o)) for n in names)]
        if len(targets) != 1:
            continue
        target = targets[0]
        target["spans"] = sorted(target["spans"] + g["spans"], key=lambda s: s.start)
        target["keys"] |= g["keys"]
        drop.add(id(g))
    return [g for g in groups if id(g) not in drop]
