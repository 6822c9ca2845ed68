"""Weapon systems are things, not people, organisations or places: "Patriot" (tagged PERSON),
"two Black Hawk helicopters" (ORG), "Iskander-M ballistic missiles" (ORG). A name from the
weapon-systems lexicon becomes PRODUCT; a name that is also an ordinary name or word ("Abrams",
"Javelin", "Black Hawk") only right before a weapon noun ("Abrams tanks").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .context import EntityContext

#: labels the tagger puts on weapon names (PRODUCT and the rest are left alone)
_MISTYPED = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "WORK_OF_ART", "EVENT"})
#: "Iskander-M", "Kalibrs", "Su-25s", "Tu-95MS": a listed name with a variant suffix or a plural
_SUFFIX = re.compile(r"(?:-?[A-Z0-9]{1,3})?(?:s|'s|’s)?$")
#: the longest suffix `_SUFFIX` accepts ("-25" + "’s")
_MAX_SUFFIX = 6


def _base_name(text: str, names: frozenset[str]) -> str | None:
    """The listed name `text` is a form of ("Iskander-M" -> "Iskander"), or None."""
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    if t in names:
        return t
    if len(t) >= 4 and t.istitle() and t.isalpha() and t.upper() in names:
        return t.upper()  # "Himars", "Nasams": a name listed in capitals, written as a word
    for k in range(len(t) - 1, max(1, len(t) - _MAX_SUFFIX) - 1, -1):  # a listed name + a suffix (not every name tried)
        if t[:k] in names and _SUFFIX.fullmatch(t[k:]):
            return t[:k]
    return None


def is_weapon_system(e: Span, ctx: EntityContext) -> bool:
    """Is entity `e` a weapon system (see the module docstring)?"""
    lex = ctx.lex
    if _base_name(e.text, lex.weapon_names) is not None:
        return True
    doc = e.doc
    nxt = doc[e.end].lower_ if e.end < len(doc) else ""
    if nxt in lex.weapon_nouns and _base_name(e.text, lex.weapon_context_names) is not None:
        return True
    # "Abrams Tanks", "Black Hawk Helicopters": the weapon noun inside the tagged span
    return len(e) >= 2 and e[-1].lower_ in lex.weapon_nouns and _base_name(
        e[:-1].text, lex.weapon_context_names | lex.weapon_names) is not None


#: weapon nouns too general to name a weapon by themselves ("the Federal Reserve System (Fed)")
_GENERAL_NOUNS = frozenset({"system", "systems", "air", "vehicle", "vehicles", "munition", "munitions"})


def _weapon_acronym(e: Span, ctx: EntityContext) -> bool:
    """"the AGM-88 High-Speed Anti-Radiation Missile (HARM)": an acronym in brackets right after a
    weapon noun is the weapon's name."""
    doc = e.doc
    if len(e) != 1 or not e.text.isupper() or e.start < 2 or e.end >= len(doc) or doc[e.start - 1].text != "(" \
            or doc[e.end].text != ")":
        return False
    noun = doc[e.start - 2].lower_
    return noun in ctx.lex.weapon_nouns and noun not in _GENERAL_NOUNS


def weapon_systems(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Weapon systems tagged as names of people, bodies or places become PRODUCT; an acronym a
    weapon was given in brackets is the weapon wherever it is named in the article."""
    acronyms = {e.text for e in ents if e.label_ in _MISTYPED and _weapon_acronym(e, ctx)}
    return [Span(ctx.doc, e.start, e.end, "PRODUCT") if e.label_ in _MISTYPED and (
        is_weapon_system(e, ctx) or e.text in acronyms) else e for e in ents]
