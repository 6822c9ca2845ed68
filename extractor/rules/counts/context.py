"""The per-document context every counts rule reads: the Doc, its text and indexes, the word lists.

Built once per document (entity index, place mentions, headline end) so that no rule recomputes a
doc-level index per amount; the entries found so far live in its `state` (see state.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ...extensions import doc_text
from .grammar import APOS
from .lexicon import CountsLexicon
from .patterns import CountsPatterns
from .places import Mention, place_mentions
from .state import CountState


@dataclass
class CountsDoc:
    """One document being read for counts."""

    doc: Doc
    text: str  # doc_text(doc)
    lex: CountsLexicon
    patterns: CountsPatterns
    ent_at: dict[int, Span]  # token index -> entity
    places: list[Mention]  # place mentions that are no demonyms, in text order
    state: CountState

    @classmethod
    def build(cls, doc: Doc, lex: CountsLexicon, patterns: CountsPatterns) -> CountsDoc:
        text = doc_text(doc)
        ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}
        places = [p for p in place_mentions(doc) if p[2].lower().translate(APOS) not in lex.demonyms]
        state = CountState()
        layout = doc._.extractor_layout or {}
        title = layout.get("title") if isinstance(layout, dict) else None
        state.title_end = int(title["end"]) if isinstance(title, dict) and title.get("end") else 0
        return cls(doc, text, lex, patterns, ent_at, places, state)
