"""Small pieces every entity repair shares: label sets, the comparable key of an entity text,
list separators between two names, name particles ("von der", "al-") and the words that make an
organisation a state institution. Nothing here knows a lexicon or the gazetteer.
"""

from __future__ import annotations

import difflib

from spacy.tokens import Doc, Span

from ..string_memo import string_memo

PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Labels the small model wrongly gives to place names (FAC excluded: facilities are not places).
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE", "FAC"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
PLACE_PREPS = frozenset({"in", "near", "outside", "from", "to", "at", "across", "towards", "toward"})
#: prepositions after which a capitalised name is a place even if the gazetteer lacks it
#: ("from"/"to"/"at" excluded: "a letter from Smith", "spoke to Ahmed", "angry at Khan")
PREP_PLACE_STRICT = frozenset({"in", "near", "outside", "inside", "around", "across", "towards", "toward"})
#: lower-case particles that belong to personal names ("Ursula von der Leyen", "Omar al Bashir")
NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "der", "den", "van", "von", "bin", "bint", "ibn",
                            "al", "el", "la", "le", "ben", "dos", "das", "y"})
INSTITUTION_WORDS = frozenset((
    "ministry", "military", "army", "force", "forces", "command", "navy", "guard", "police", "service",
    "staff", "corps", "agency", "government", "parliament", "intelligence",
))


@string_memo(8192)
def key(text: str) -> str:
    """Comparable form of an entity text: no possessive, no leading article, case folded."""
    t = text.strip().replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    low = t.lower()
    if low.startswith("the "):
        low = low[4:]
    return low.strip(" .,'\"")


def spelling_variant(k: str, keys: set[str]) -> bool:
    """'kherbet selm' ~ 'khirbet selm': same first letter, same word count, >= 0.85 similar."""
    if len(k) < 6:
        return False
    n = len(k.split())
    return any(other[:1] == k[:1] and len(other.split()) == n and abs(len(other) - len(k)) <= 2
               and _similar(k, other) for other in keys)


class SpellingIndex:
    """`spelling_variant(k, keys)` for many `k` against one set of keys: the keys are grouped by
    first letter, word count and length, so each look-up compares only the keys that could be
    close spellings (a text naming thousands of places no longer compares every name with all)."""

    def __init__(self, keys: set[str]) -> None:
        self._by_shape: dict[tuple[str, int, int], list[str]] = {}
        for other in keys:
            self._by_shape.setdefault((other[:1], len(other.split()), len(other)), []).append(other)

    def has_variant(self, k: str) -> bool:
        """The same answer as spelling_variant(k, keys)."""
        if len(k) < 6:
            return False
        n = len(k.split())
        return any(_similar(k, other) for size in range(len(k) - 2, len(k) + 3)
                   for other in self._by_shape.get((k[:1], n, size), ()))


def _similar(a: str, b: str) -> bool:
    """difflib ratio >= 0.85, with its cheap upper bound tried first (same answer, less work)."""
    m = difflib.SequenceMatcher(None, a, b)
    return m.quick_ratio() >= 0.85 and m.ratio() >= 0.85


def between_is_list(doc: Doc, a: int, b: int) -> bool:
    """Tokens between two entities are only a list separator (',', 'and', 'or', ', and')."""
    if b <= a or b - a > 2:
        return False
    return all(t.text in (",", "and", "or") for t in doc[a:b])


def particle_name(e: Span) -> bool:
    """'Busra al-Sham', 'Deir el-Balah': capitalised words joined by name particles and hyphens."""
    words = [t for t in e if t.text not in ("-", "‑")]
    return len(words) >= 2 and words[0].text[:1].isupper() and words[-1].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in words)


def institution_like(span: Span) -> bool:
    """An ORG that names a state body ("Defense Ministry", "Air Force Command")."""
    return any(t.lower_ in INSTITUTION_WORDS for t in span)
