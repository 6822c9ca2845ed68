"""Facilities: "took refuge in the Mweso General Hospital" names a place, not an actor.

A group all of whose mentions are facility names is dropped, unless one of them is cited as a
source ("Nasser Hospital said", "according to the hospital"): then it is a body, an ORG.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .keys import Group
from .lexicon import SOURCE_VERBS, ActorsLexicon

#: last words of names that are a venue only after a preposition of place ("met at Horodetsky
#: House", "back in the White House"); elsewhere they name the body that sits there ("White House
#: spokesman", "the House voted")
LOCATIVE_VENUES = frozenset({"House"})
#: one-word seats of power that are a place after "in", "at" ("a media scrum in the Kremlin"); "to the
#: Kremlin" stays an addressee, "the Kremlin said" a body
LOCATIVE_SEATS = frozenset({"Kremlin"})
_VENUES = LOCATIVE_VENUES | LOCATIVE_SEATS
_LOCATIVE_PREPS = frozenset({"in", "at", "to", "into", "inside", "outside"})
_STRICT_LOCATIVE_PREPS = frozenset({"in", "at", "inside", "outside"})


def settle_facilities(doc: Doc, groups: list[Group], lex: ActorsLexicon) -> None:
    """Empty the groups that only name a facility; turn a facility that speaks into an ORG."""
    for g in groups:  # "took refuge in the Mweso General Hospital": a place, unless it speaks
        if g["spans"] and all(is_facility(s, lex.facility_words) for s in g["spans"]):
            # "the Ibn Rushd school": the facility's own noun belongs to the name
            whole = [s if s[-1].text in lex.facility_words | _VENUES else doc[s.start:s.end + 1] for s in g["spans"]]
            if any(is_cited_source(s, lex.speech_verbs) for s in whole):
                g["type"] = "ORG"  # "Nasser Hospital said" (often tagged PERSON) is a body
                g["spans"] = whole
            else:
                g["spans"] = []


def is_facility(span: Span, facility_words: frozenset[str]) -> bool:
    """A facility's name: 'Mweso General Hospital', 'the Church of St Andrew', or a name before a
    lower-case facility noun ('the Ibn Rushd school', 'the Azovstal steel plant')."""
    if len(span) >= 2 and span[-1].text in facility_words:
        return True
    if len(span) >= 2 and span[-1].text in LOCATIVE_VENUES and _after_a_preposition_of_place(span):
        return True
    if len(span) == 1 and span[0].text in LOCATIVE_SEATS and \
            _after_a_preposition_of_place(span, _STRICT_LOCATIVE_PREPS):
        return True
    if len(span) >= 3 and span[0].text in facility_words and span[1].lower_ == "of":
        return True  # "the Church of St Andrew", "the Museum of the Great Patriotic War"
    return _names_a_facility_noun(span, facility_words)


def _after_a_preposition_of_place(span: Span, preps: frozenset[str] = _LOCATIVE_PREPS) -> bool:
    """'at Horodetsky House', 'in the White House'."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in preps


def _names_a_facility_noun(span: Span, facility_words: frozenset[str]) -> bool:
    """The name modifies a lower-case facility noun at most two lower-case words further on:
    'the Ibn Rushd school', 'the Azovstal steel plant', 'the Zaporizhzhia nuclear power plant'."""
    doc = span.doc
    for j in range(span.end, min(len(doc), span.end + 3)):
        tok = doc[j]
        if not tok.is_lower:
            return False
        if tok.text.capitalize() in facility_words:
            head = span.root
            for _ in range(3):  # the name's root is a compound of the noun, directly or through a modifier
                if head.dep_ not in ("compound", "amod", "nmod") or head.head.i == head.i:
                    break
                head = head.head
                if head.i == tok.i:
                    return True
            return False
    return False


def is_cited_source(span: Span, speech_verbs: frozenset[str]) -> bool:
    """'the hospital said', 'according to Nasser Hospital', 'a list provided by X Hospital'."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.lemma_.lower() in speech_verbs:
        return True
    root = span.root
    if root.dep_ in ("nsubj", "agent") and root.head.lemma_.lower() in speech_verbs:
        return True
    prev = [t.lower_ for t in doc[max(0, span.start - 3):span.start] if t.lower_ != "the"]
    if prev[-2:] == ["according", "to"]:
        return True
    if prev and prev[-1] == "by" and span.start >= 2:
        by = doc[span.start - 1] if doc[span.start - 1].lower_ == "by" else doc[span.start - 2]
        return by.head.lemma_.lower() in SOURCE_VERBS
    return False
