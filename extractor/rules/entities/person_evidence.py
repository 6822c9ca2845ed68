"""Words around a name that say "person" or "source": a title before it ("Mr. X", "President X"),
a speech verb after it ("X said"), "according to X", a publishing verb ("The Standard reported").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .lexicon import EntityLexicon

#: verbs of publishing: their subject is a source ("The Standard reported")
REPORT_VERBS = frozenset({"report", "quote", "cite", "publish"})


def person_evidence(doc: Doc, e: Span, lex: EntityLexicon) -> int:
    """1 when the words around `e` say person: 'Mr. X', 'President X', 'X said'."""
    prev = doc[e.start - 1].lower_ if e.start > 0 else ""
    nxt = doc[e.end] if e.end < len(doc) else None
    if prev in lex.titles:
        return 1
    if nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.lemma_.lower() in lex.person_verbs \
            and e.root.dep_ not in ("pobj", "dobj"):
        return 1  # "Barry, who was from Dewsbury said": the object of "from" is not the speaker
    return 0


def speaks(doc: Doc, e: Span, lex: EntityLexicon) -> bool:
    """The name is a source: followed by a speech verb or after 'according to'."""
    nxt = doc[e.end] if e.end < len(doc) else None
    if nxt is not None and nxt.pos_ in ("VERB", "AUX") and (
            nxt.lemma_.lower() in lex.person_verbs or nxt.lemma_.lower() in REPORT_VERBS):
        return True
    root = e.root
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB" and (
            root.head.lemma_.lower() in lex.person_verbs or root.head.lemma_.lower() in REPORT_VERBS):
        return True
    return e.start >= 3 and doc[e.start - 3].lower_ == "according" and doc[e.start - 2].lower_ == "to"
