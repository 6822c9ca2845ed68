"""Grouping keys and aliases: which earlier actor a new mention belongs to.

`group_key` reads the index `by_key` (a surname alone joins the latest full name ending with it;
"the Post" joins "The New York Post"; institutions by country); `register_aliases` adds a group's
short forms to that index as its mentions arrive, merging one-word actors a full name extends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

from .fold import fold_name
from .institutions import institution_key
from .lexicon import ActorsLexicon

#: one actor: {"type": PERSON | ORG | NORP, "spans": [Span], "keys": {key}}
Group = dict[str, Any]
#: key -> group: ("PERSON", name), ("PERSON-surname" | "PERSON-first" | "PERSON-suffix", part),
#: ("PERSON-initial", first letter, surname), ("ORG", name), ("ORG-tail", last words),
#: ("ORG-head", name without its corporate form), ("INST", country code, institution), ("NORP", name)
KeyIndex = dict[tuple, Group]

#: Last words that only say what legal form or kind of outfit a name is ("the Wagner Group" is
#: "Wagner", "Gazprom Corporation" is "Gazprom"); a name without them is the same organisation.
CORPORATE_FORMS = frozenset({"group", "company", "co.", "corp.", "corporation", "inc.", "inc", "ltd", "ltd.",
                             "plc", "llc", "holding", "holdings"})
#: A first name written as initials: "N.", "S.A.", "J".
_INITIALS = re.compile(r"^(?:[a-z]\.)+$|^[a-z]$")


def group_key(span: Span, label: str, by_key: KeyIndex, lex: ActorsLexicon,
              country_code: Callable[[str], str]) -> tuple:
    """The key of the group `span` belongs to (an existing group's key, or a new one)."""
    folded = fold_name(span.text)
    if label == "PERSON":
        return _person_key(folded, by_key)
    inst = institution_key(span, lex, country_code)
    if inst is not None:
        return inst
    folded = canonical_org(folded)
    if ("ORG", folded) not in by_key:
        tail = by_key.get(("ORG-tail", folded)) or by_key.get(("ORG-head", folded)) or \
            by_key.get(("ORG", without_corporate_form(folded)))
        if tail is not None and tail["type"] == "ORG":
            return next(iter(k for k in tail["keys"]))
        owned = _without_country(span, folded, by_key, country_code)
        if owned is not None:
            return owned
    return ("ORG", folded)


_OF_FORM = re.compile(r"^(department|ministry) of (?:the )?([a-z ]+)$")


def without_corporate_form(folded: str) -> str:
    """'wagner group' -> 'wagner'; a name that is only its form, or has none, is returned as it is."""
    words = folded.split()
    return " ".join(words[:-1]) if len(words) >= 2 and words[-1] in CORPORATE_FORMS else folded


def canonical_org(folded: str) -> str:
    """'department of justice' -> 'justice department': the two ways news names a department or
    ministry are one name ("the Department of Justice" ... "the Justice Department")."""
    m = _OF_FORM.match(folded)
    return f"{m.group(2)} {m.group(1)}" if m else folded


def _without_country(span: Span, folded: str, by_key: KeyIndex, country_code: Callable[[str], str]) -> tuple | None:
    """"the U.S. Justice Department" after "the Department of Justice", "the United States Congress"
    after "Congress": a country's name (one or two words) before a name the article already used
    without it is the same organisation."""
    if len(span) < 3:
        return None
    for k in (1, 2):
        owner = span[:k].text
        code = country_code(owner) if owner[:1].isupper() else owner.lower()
        if code == owner.lower() and owner.replace(".", "").upper() not in ("US", "UK"):
            continue
        group = by_key.get(("ORG", canonical_org(fold_name(span[k:].text))))
        if group is not None and group["type"] == "ORG":
            return next(iter(group["keys"]))
    return None


def _person_key(folded: str, by_key: KeyIndex) -> tuple:
    if len(folded.split()) == 1:
        # a surname alone joins the most recent full name ending with it
        hit = by_key.get(("PERSON-surname", folded))
        if hit is not None:
            return next(iter(k for k in hit["keys"] if k[0] == "PERSON"))
        first = by_key.get(("PERSON-first", folded))
        if first is not None:
            return next(iter(k for k in first["keys"] if k[0] == "PERSON"))
    parts = folded.split()
    if len(parts) >= 2 and ("PERSON", folded) not in by_key:
        longer = by_key.get(("PERSON-suffix", folded))  # "Guajardo Villarreal" after the full name
        if longer is not None:
            return next(iter(k for k in longer["keys"] if k[0] == "PERSON"))
        same = by_key.get(("PERSON-initial", parts[0][0], parts[-1]))
        if same is not None:
            for key in same["keys"]:
                if key[0] == "PERSON" and same_person_name(parts, key[1].split()):
                    return key
    return ("PERSON", folded)


def same_person_name(a: list[str], b: list[str]) -> bool:
    """Two full names (folded words) of one person: the same surname, first names equal or one
    written as initials ("N. Casey", "Nigel Casey"; "S.A. Kovpak"), and no two different middle
    names ("Sidor Artemyevich Kovpak" is "Sidor Kovpak"; "George H.W. Bush" is not "George W. Bush")."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or a[0][0] != b[0][0]:
        return False
    if a[0] != b[0] and not (_INITIALS.match(a[0]) or _INITIALS.match(b[0])):
        return False
    mid_a, mid_b = a[1:-1], b[1:-1]
    return not (mid_a and mid_b and mid_a[0][0] != mid_b[0][0])


def register_aliases(group: Group, span: Span, by_key: KeyIndex) -> None:
    """Index the short forms of `span` (surname, first name, multi-word surnames, ORG tails)."""
    folded = fold_name(span.text)
    if group["type"] == "PERSON":
        parts = folded.split()
        if len(parts) >= 2:
            _register_name_parts(group, parts, by_key)
        if ("PERSON", folded) not in by_key or len(parts) >= 2:
            by_key[("PERSON", folded)] = group
    elif group["type"] == "ORG":
        # "the Post" after "The New York Post": a short form ending an earlier name
        words = folded.split()
        if len(words) >= 2:
            for k in range(1, len(words)):
                by_key.setdefault(("ORG-tail", " ".join(words[k:])), group)
            head = without_corporate_form(folded)
            if head != folded:  # "Wagner" after "the Wagner Group"
                by_key.setdefault(("ORG-head", head), group)


def _register_name_parts(group: Group, parts: list[str], by_key: KeyIndex) -> None:
    """A full name's surname, first name and multi-word surnames; earlier actors that were only
    one of those forms join it."""
    # "Clinton" after "Hillary Clinton" and "Chelsea Clinton": the most-mentioned one
    prev = by_key.get(("PERSON-surname", parts[-1]))
    if prev is None or prev is group or len(group["spans"]) > len(prev["spans"]):
        by_key[("PERSON-surname", parts[-1])] = group
    by_key.setdefault(("PERSON-first", parts[0]), group)
    by_key.setdefault(("PERSON-initial", parts[0][0], parts[-1]), group)
    for k in range(1, len(parts) - 1):  # multi-word surnames: "Peña Nieto", "Holtz Eakin"
        suffix = " ".join(parts[k:])
        by_key.setdefault(("PERSON-suffix", suffix), group)
        short = by_key.get(("PERSON", suffix))
        if short is not None and short is not group and all(
                fold_name(x.text) == suffix for x in short["spans"]):
            _absorb(group, short, ("PERSON", suffix), by_key)
    # a later full name that extends an earlier one-word actor ("Trump" in the headline,
    # "Heidi" before "Heidi Cruz")
    for part in (parts[-1], parts[0]):
        lone = by_key.get(("PERSON", part))
        if lone is not None and lone is not group and all(len(x) == 1 for x in lone["spans"]):
            _absorb(group, lone, ("PERSON", part), by_key)


def _absorb(group: Group, other: Group, key: tuple, by_key: KeyIndex) -> None:
    """Move `other`'s mentions into `group` and point `key` at it."""
    group["spans"].extend(other["spans"])
    other["spans"] = []
    by_key[key] = group
