"""Singular and plural names of one organisation: 'Houthi' and 'Houthis' are one actor, and so
are a party and its members ('the Social Democrat party' and 'the Social Democrats').

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


def merge_party_names(groups: list[Group]) -> list[Group]:
    """'the Social Democrat party' and 'the Social Democrats' (or 'Labour'): a party named with the
    word 'party' joins the group named without it, found by one look-up of the name before it."""
    by_name: dict[str, Group] = {}
    for g in groups:
        if g["type"] in ("ORG", "NORP"):
            for s in g["spans"]:
                by_name.setdefault(fold_name(s.text), g)
    drop: set[int] = set()
    for g in groups:
        if g["type"] != "ORG" or not g["spans"]:
            continue
        names = list(dict.fromkeys(fold_name(s.text) for s in g["spans"]))  # in text order: the same answer every run
        if not all(n.endswith(" party") for n in names):
            continue
        other = _party_members(names, by_name, g, drop)
        if other is None:
            continue
        other["spans"] = sorted(other["spans"] + g["spans"], key=lambda s: s.start)
        other["keys"] |= g["keys"]
        other["type"] = "ORG"
        drop.add(id(g))
    return [g for g in groups if id(g) not in drop]


def _party_members(names: list[str], by_name: dict[str, Group], g: Group, drop: set[int]) -> Group | None:
    """The group named by the first of `names` (text order) without its " party" ("Top Republican
    Party", "Republican Party" -> "top republican", then "republican" or "republicans").

    Why text order: `names` was a set, and which of its names came first depended on Python's
    per-process string hashing, so the same article could come out with two different actor
    lists on two runs."""
    for name in names:
        stem = name[:-len(" party")]
        other = by_name.get(stem) or by_name.get(stem + "s")
        if other is not None and other is not g and id(other) not in drop:
            return other
    return None
