"""Institution keys: "Russia's defense ministry", "the Russian defense ministry" and "Russia's
Ministry of Defense" are one actor, keyed ("INST", country code, institution).

The owner is a possessive, a demonym or a capitalised place before a known institution noun; its
country code comes from the demonyms or, failing that, from the gazetteer (`CountryCodes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

from .lexicon import ActorsLexicon


class CountryCodes:
    """Name -> ISO country code from the gazetteer (the name itself, lower-cased, when it is no
    country), memoised; the gazetteer is only asked on the first possessive that needs it."""

    def __init__(self, gazetteer: Callable[[], Any]) -> None:
        self._gazetteer = gazetteer
        self._by_name: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        key = name.lower()
        if key not in self._by_name:
            code = None
            for cand in self._gazetteer().lookup(name):
                if cand.kind == "country" and not cand.alternate:
                    code = cand.country_code
                    break
            self._by_name[key] = code or name.lower()
        return self._by_name[key]


def institution_key(span: Span, lex: ActorsLexicon, country_code: Callable[[str], str]) -> tuple | None:
    """('INST', country code, institution) for "Russia's defense ministry" and variants."""
    text = re.sub(r"^(?:the|The)\s+", "", span.text.replace("’", "'"))
    owner, rest = _owner_and_institution(text, lex)
    if owner is None or rest is None:
        return None
    code = lex.demonyms.get(owner.lower()) or country_code(owner)
    if code == "-":
        return None
    if code is None:
        return None
    inst = rest.lower().replace("defence", "defense")
    inst = re.sub(r"^ministry of (\w+)$", r"\1 ministry", inst)
    return ("INST", code, inst)


def _owner_and_institution(text: str, lex: ActorsLexicon) -> tuple[str | None, str | None]:
    """("Russia", "defense ministry") from "Russia's defense ministry", "Russian defense ministry"
    or "Gaza Health Ministry"; (None, None) when the name has no owner."""
    low = text.lower()
    if "'s " in low:
        owner, rest = text.split("'s ", 1)
        return owner, rest
    parts = text.split(" ", 1)
    if len(parts) == 2 and parts[0].lower() in lex.demonyms:
        return parts[0], parts[1]
    if len(parts) == 2 and parts[1].lower().replace("defence", "defense") in lex.inst_set \
            and parts[0][:1].isupper() and parts[0].isalpha() and parts[0].lower() not in lex.titles:
        return parts[0], parts[1]  # "Gaza Health Ministry" = "Gaza's health ministry"
    return None, None
