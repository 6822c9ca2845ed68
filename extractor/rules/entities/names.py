"""Does a span look like a proper name? Capitalised words of proper-noun-like parts of speech,
at least one proper noun, not a demonym nor a word of the not-a-place list. The same spans are
asked about again and again within one document, so the answers are memoised per document.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from .lexicon import EntityLexicon


def looks_like_name(span: Span, lex: EntityLexicon) -> bool:
    """Capitalised words only (no common words like 'Reading', 'Nice' mid-sentence verbs)."""
    # a possessive inside a name belongs to it ("Cox's Bazar"); at either end it does not
    words = [t for t in span if not t.is_punct
             and not (t.lower_ in ("'s", "’s") and span.start < t.i < span.end - 1)]
    low = span.text.lower()
    if not words or low in lex.demonyms or low in lex.not_places:
        return False
    return all(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "X", "ADJ", "NUM") for t in words) and \
        any(t.pos_ == "PROPN" for t in words)


class NameShapes:
    """`looks_like_name` with a memo that holds spans of one document only."""

    def __init__(self, lex: EntityLexicon) -> None:
        self.lex = lex
        self._memo: dict[Any, Any] = {}

    def is_name(self, span: Span) -> bool:
        key = (span.doc, span.start, span.end)  # asked again and again for the same spans of one doc
        memo = self._memo
        if memo.get("doc") is not span.doc:
            memo.clear()
            memo["doc"] = span.doc
        hit = memo.get(key)
        if hit is None:
            memo[key] = hit = looks_like_name(span, self.lex)
        return bool(hit)

    def forget(self) -> None:
        """Drop the answers (and the reference to the document) once a document is done."""
        self._memo.clear()
