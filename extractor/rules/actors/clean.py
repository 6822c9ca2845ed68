"""Cleaning an entity into the name an actor is known by.

A leading "the", possessives, punctuation and (for people) title words are cut; a prefix before
a full name the article uses elsewhere is cut ("rival Hillary Clinton"); spans with no word that
can carry a name, or made of titles only ("Rear Adm."), are no actor.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from .fold import fold_name
from .lexicon import ActorsLexicon

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: lower-case words no name ends with
_DANGLING = frozenset({"of", "and", "the", "for", "in", "on", "at", "to"})
_BAD_NAME_CHARS = frozenset('[]{}()"“”«»<>|/\\')
_LETTER_DIGITS = re.compile(r"^[A-Z]{1,3}\d{2,3}$")
#: a group of nations named by its size ("G7", "G20", "G77"): one digit is enough there
_GROUP_OF_NATIONS = re.compile(r"^G\d{1,2}$")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
#: words that only qualify a title ("Rear Adm.", "Vice Adm.", "Deputy Chief")
TITLE_MODIFIERS = frozenset({"rear", "vice", "deputy", "acting", "former", "chief", "lieutenant", "major",
                             "brigadier", "staff", "co", "&", "and"})


#: "pro-Clinton", "anti-EU", "non-Latino": a stance or a contrast named after someone, no mention of them
STANCE_PREFIXES = frozenset({"pro", "anti", "non", "post", "pre", "neo", "un"})
#: Lower-case words that belong to a name ("von der Leyen", "de Blasio", "al-Qaeda", "bin Salman").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
                            "le", "al", "el", "bin", "ibn", "ben", "ter", "zu", "y", "e"})


def clean_mention(ent: Span, lex: ActorsLexicon) -> Span | None:
    """Drop a leading 'the' (or lower-case 'a'/'an': "to a Ukraine Support Fund"), other lower-case
    words before the name ("her State Department", "last Democratic Party"; not the particles of
    a name), title words inside PERSON spans and possessives; None for a stance ("pro-Putin")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if end - start >= 2 and doc[start].lower_ in STANCE_PREFIXES and doc[start + 1].text == "-":
        return None
    while end - start > 1 and doc[start].text[:1].islower() and doc[start].text.islower() and \
            doc[start].lower_ not in NAME_PARTICLES:
        start += 1
    while end > start and (doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].text in _DANGLING):
        end -= 1  # "the Ministry of Foreign Affairs of" (cut at a line end): no name ends on "of"
    while start < end and (doc[start].text in ("the", "a", "an") or doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    if end - start >= 2 and opens_with_a_gerund(doc[start]):
        start += 1  # "Citing Germany's decision", "Signaling American resolve": a verb, not a name
    if ent.label_ == "PERSON":
        start, end = _person_bounds(ent, start, end, lex.titles)
    if end <= start or not any(is_name_token(t, lex.acronyms) for t in doc[start:end]):
        return None
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return None  # "the united transport (market)": lower-case words name no one
    if all(t.is_punct or t.lower_ in lex.titles or t.lower_ in TITLE_MODIFIERS for t in doc[start:end]):
        return None  # "Rear Adm." cut from its name by a sentence break: a title, no actor
    return doc[start:end]


def opens_with_a_gerund(tok: Any, tagged: bool = True) -> bool:
    """'Citing', 'Signaling' opening a sentence: a capitalised -ing verb swept into the name after
    it. `tagged`: only when the tagger says VBG (a name's own first word is NNP: 'Sterling Brown');
    untagged, any capitalised -ing word opening the sentence (for callers that check the rest)."""
    return tok.is_sent_start and tok.is_title and tok.lower_.endswith("ing") and (
        tok.tag_ == "VBG" or not tagged)


def _person_bounds(ent: Span, start: int, end: int, titles: frozenset[str]) -> tuple[int, int]:
    """A person's name without leading titles, stray quotes/brackets and trailing punctuation."""
    doc = ent.doc
    while start < end - 1 and doc[start].lower_ in titles:
        start += 1
    for k in range(start, end):  # 'Robert C. "Bobby' -> 'Robert C.'; 'W]e' -> nothing
        if any(ch in _BAD_NAME_CHARS for ch in doc[k].text):
            end = k
            break
    while end > start and doc[end - 1].is_punct and doc[end - 1].text != ".":
        end -= 1
    return start, end


def trim_to_known_name(span: Span, full_names: set[str], titles: frozenset[str]) -> Span:
    """'Miss Universe Alicia Machado', 'rival Hillary Clinton' -> the name the article uses.
    Only a prefix that starts with a title or holds a non-name word is cut ('Aung San Suu Kyi'
    and 'Douglas Holtz-Eakin' keep their given names)."""
    doc = span.doc
    if len(span) == 2 and opens_with_a_gerund(span[0], tagged=False):
        # "Joining Biggs in the vote were ..." after "Andy Biggs": a verb before a known surname
        last = fold_name(span[1].text)
        if any(n.endswith(" " + last) and n != fold_name(span.text) for n in full_names):
            return doc[span.start + 1:span.end]
    for k in range(span.start + 1, span.end - 1):
        if fold_name(doc[k:span.end].text) in full_names:
            prefix = doc[span.start:k]
            if prefix[0].lower_ in titles or any(t.pos_ != "PROPN" for t in prefix):
                return doc[k:span.end]
            break
    return span


def is_name_token(t: Any, acronyms: dict[str, set[str]]) -> bool:
    """A word that can carry a name: 'Hamas', 'M23'; a dotted acronym only when it names a body
    ('U.N.'), not a state or initial ('N.Y.', 'D.C.', 'J.')."""
    if t.is_alpha:
        return len(t) > 1
    if _LETTER_DIGITS.match(t.text) or _GROUP_OF_NATIONS.match(t.text):
        return True  # "M23", "G20", "G7" (not "A6": a page or a road)
    return bool(_DOTTED.match(t.text)) and t.text.replace(".", "") in acronyms


def comma_parts(ent: Span) -> list[Span]:
    """'Facebook, Ukrinform', 'Crimean FSB, Viktor Palagin': an ORG the tagger ran across a comma
    is two names, each read on its own (a PERSON or other label is left whole)."""
    if ent.label_ != "ORG" or "," not in ent.text:
        return [ent]
    doc = ent.doc
    parts, start = [], ent.start
    for t in ent:
        if t.text == ",":
            if t.i > start:
                parts.append(Span(doc, start, t.i, label=ent.label_))
            start = t.i + 1
    if start < ent.end:
        parts.append(Span(doc, start, ent.end, label=ent.label_))
    return parts


def person_after_a_body(ent: Span, body_words: frozenset[str], titles: frozenset[str]) -> list[Span]:
    """'Russian Security Council Dmitry Medvedev', "the General Prosecutor's Office Sergei
    Shikunets": an ORG that runs on past its body's head noun into two or three capitalised words
    (titles allowed) is the body and a person; anything else is returned whole."""
    if ent.label_ != "ORG" or len(ent) < 3:
        return [ent]
    doc = ent.doc
    for k in range(ent.end - 3, max(ent.start, ent.end - 5) - 1, -1):  # the head word, then 2-4 words
        tail = doc[k + 1:ent.end]
        if doc[k].text in body_words and _is_person_name(tail, body_words, titles):
            return [Span(doc, ent.start, k + 1, label="ORG"), Span(doc, k + 1, ent.end, label="PERSON")]
    return [ent]


def _is_person_name(tail: Span, body_words: frozenset[str], titles: frozenset[str]) -> bool:
    """Two or three capitalised words, not body words, ending in two that are no titles."""
    names = [t for t in tail if t.lower_ not in titles]
    return len(names) >= 2 and all(t.is_alpha and t.is_title and t.text not in body_words for t in tail) \
        and len(names) <= 3


#: lower-case nouns after a leader's name that make the name a body: "the Biden administration"
_LEADER_BODIES = frozenset({"administration"})


def leader_body(ent: Span) -> Span:
    """'the Biden administration': a person's name before 'administration' names a body, an ORG
    of its own (the person stays an actor through the other mentions)."""
    doc = ent.doc
    if ent.label_ == "PERSON" and len(ent) <= 3 and ent.end < len(doc) and doc[ent.end].lower_ in _LEADER_BODIES:
        return Span(doc, ent.start, ent.end + 1, label="ORG")
    return ent
