"""Singular and plural names of one organisation: 'Houthi' and 'Houthis' are one actor.

Only when one of the two groups is an ORG or NORP (often the plural is tagged PERSON); two people
('William', 'Williams') are left apart.
"""

from __future__ import annotations

from .fold import fold_name
from .keys import Group


def merge_plurals(groups: list[Group]) -> list[Group]:
    """'Houthi' (ORG) and 'Houthis' (often tagged PERSON): one group named in the singular and the
    plural is one actor, an organisation. Two people ('William', 'Williams') are left apart."""
    single: dict[str, Group] = {}
    for g in groups:
        names = {fold_name(s.text) for s in g["spans"]}
        if len(names) == 1 and len(next(iter(names)).split()) == 1:
            single.setdefault(next(iter(names)), g)
    drop: set[int] = set()
    for name, g in single.items():
        other = single.get(name + "s")
        if other is None or other is g or {g["type"], other["type"]} == {"PERSON"} or \
                not {g["type"], other["type"]} & {"ORG", "NORP"}:
            continue
        keep, gone = (g, other) if g["spans"][0].start < other["spans"][0].start else (other, g)
        keep["spans"] = sorted(keep["spans"] + gone["spans"], key=lambda s: s.start)
        keep["keys"] |= gone["keys"]
        keep["type"] = "ORG"
        drop.add(id(gone))
    return [g for g in groups if id(g) not in drop]
