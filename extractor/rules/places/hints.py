"""Type hints read around a place name: what the text says the place is.

"Kharkiv, Sumy and Poltava regions" (region), "the Nuseirat refugee camp", "the village of X",
"X, a small village": the hint steers the gazetteer reading and the type of an unknown name.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..entities.common import PLACE_LABELS
from .lexicon import PlacesLexicon

_LIST_GLUE = frozenset({",", "and", "or", "&"})


def type_hint(span: Span, lex: PlacesLexicon) -> str | None:
    """Type evidence around the name: 'X region(s)', 'the village of X', 'X, a village'."""
    if region_word_after(span, lex.region_words):
        return "region"
    settlement = lex.settlement_words
    doc = span.doc
    # right: "the Nuseirat refugee camp", "Zawaida town"
    nxt = [t.text for t in doc[span.end: span.end + 2]]
    for w in nxt:
        if w in settlement and w.islower():
            return settlement[w]
        if w not in ("refugee", "displacement", "displaced", "IDP"):
            break
    # left: "the village of X"
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        w = doc[span.start - 2].lower_
        if w in settlement and w != "capital":  # "the capital of X": X is bigger
            return settlement[w]
    # apposition: "X, a (small) village"
    j = span.end
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("a", "an", "the"):
        for t in doc[j + 2: j + 5]:
            if t.lower_ in settlement:
                return settlement[t.lower_]
    return None


def region_word_after(span: Span, region_words: frozenset[str]) -> str | None:
    """Right of the name, through a list of names, a region word ("Kharkiv, Sumy and Poltava
    regions" -> "regions", "Laurel and Whitley counties" -> "counties"), lower-cased."""
    doc = span.doc
    i = span.end
    steps = 0
    while i < len(doc) and steps < 30:
        t = doc[i]
        if t.lower_ in region_words:
            return t.lower_
        if t.text in _LIST_GLUE or (t.ent_type_ in PLACE_LABELS) or (t.text[:1].isupper() and t.pos_ == "PROPN"):
            i += 1
            steps += 1
            continue
        break
    return None
