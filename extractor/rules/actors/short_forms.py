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
    With two longer candidates ("Defense Ministry" next to two countries' ministries) it stays.

    The longer ORGs are found through an index of the first words of every ORG's names, so a
    text naming thousands of organisations costs look-ups, not a comparison of each with all."""
    orgs = [g for g in groups if g["type"] == "ORG" and g["spans"]]
    names = {id(g): _names(g) for g in orgs}
    by_id = {id(g): g for g in orgs}
    longer: dict[tuple[str, ...], list[Group]] = {}  # first words -> ORGs with a longer name
    for o in orgs:
        prefixes = {long[:k] for long in names[id(o)] for k in range(1, len(long))}
        for prefix in prefixes:
            longer.setdefault(prefix, []).append(o)
    drop: set[int] = set()
    for g in orgs:
        own = names[id(g)]
        if not own or min(len(n) for n in own) < MIN_WORDS:
            continue
        found = [{id(o) for o in longer.get(n, ())} for n in own]
        common = set.intersection(*found) - drop - {id(g)}
        if len(common) != 1:
            continue
        target = by_id[common.pop()]
        target["spans"] = sorted(target["spans"] + g["spans"], key=lambda s: s.start)
        target["keys"] |= g["keys"]
        drop.add(id(g))
    return [g for g in groups if id(g) not in drop]
