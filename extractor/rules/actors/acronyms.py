"""Acronyms joining the organisation they stand for.

"Israel Defense Forces (IDF)" ... "the IDF": an acronym made of a name's capitalised initials (or
of the name without a leading owner: "the U.N. International Atomic Energy Agency" ... "IAEA"), or
one the acronyms lexicon expands ("CENTCOM" = "US Central Command"), merges into that name.
"""

from __future__ import annotations

from typing import Any

from .fold import fold_name
from .keys import Group

_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "de", "du", "la", "al", "-"})


def link_acronyms(groups: list[Group], acronyms: dict[str, set[str]]) -> None:
    """'Israel Defense Forces (IDF)' ... 'the IDF': merge the acronym into the full name."""
    orgs = [g for g in groups if g["type"] == "ORG" and g["spans"]]
    full: dict[str, dict[str, Any]] = {}
    for g in orgs:
        for sp in g["spans"]:
            words = [t.text for t in sp if t.text.lower() not in _ACRONYM_SKIP and t.text[:1].isupper()]
            if len(words) >= 2:
                full.setdefault("".join(w[0] for w in words).upper(), g)
            # "the U.N. International Atomic Energy Agency" ... "IAEA": the initials of the name
            # without a leading owner (three letters at least: two-letter tails are too common)
            for k in range(1, len(words) - 2):
                full.setdefault("".join(w[0] for w in words[k:]).upper(), g)
    for g in orgs:  # a known acronym: "CENTCOM" ... "US Central Command"
        if not g["spans"]:
            continue
        expansions = acronyms.get(g["spans"][0].text.replace(".", ""))
        if not expansions:
            continue
        target = next((o for o in orgs if o is not g and o["spans"] and any(
            fold_name(sp.text) in expansions for sp in o["spans"])), None)
        if target is not None:
            target["spans"].extend(g["spans"])
            g["spans"] = []
    for g in orgs:
        if not g["spans"]:
            continue
        text = g["spans"][0].text.replace(".", "")
        if text.isupper() and 2 <= len(text) <= 8 and text in full and full[text] is not g:
            target = full[text]
            target["spans"].extend(g["spans"])
            g["spans"] = []
