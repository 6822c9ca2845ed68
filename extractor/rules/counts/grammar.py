"""Small grammatical word sets and token helpers shared by the casualty and weapon rules.

These are grammar, not vocabulary (the vocabulary lives in models/lexicons/counts/): pronouns,
qualifier words, the apostrophe fold, and the walks over a coordinated list or a verb's key.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Curly apostrophes folded to the straight one before looking a word up.
APOS = str.maketrans({"’": "'", "‘": "'"})
#: Subject pronouns: never a side or a source by themselves ("they fired ...").
SUBJ_PRONOUNS = frozenset(["it", "they", "he", "she", "we", "i", "you", "who", "that", "which"])
#: Words of qualifiers and determiners skipped when looking for the verb before a number.
QUALIFIER_WORDS = frozenset(["at", "least", "more", "than", "about", "some", "nearly", "almost", "over", "up", "to",
                             "around", "another", "an", "additional", "the", "all", "fewer", "less", "no", "roughly",
                             "approximately", "as", "many", "estimated", "a", "total", "of"])


def verb_key(verb: Token, table: dict[str, str]) -> str | None:
    """Key of a verb in a lemma table: its lemma with its particle ("gun down"), its lemma, else its own form
    ("wound 10" is lemmatised as "wind")."""
    lem = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "prt" and f"{lem} {c.lower_}" in table:
            return f"{lem} {c.lower_}"
    if lem in table:
        return lem
    return verb.lower_ if verb.lower_ in table else None


def list_first(tok: Token) -> Token:
    """First member of the coordinated list or apposition a noun belongs to ("two girls, their father and four
    neighbours" -> girls), so that the list's verb or cue governs every member."""
    g = tok
    while g.head.i < g.i and g.head.pos_ != "VERB" and (g.dep_ == "conj" or (
            g.dep_ == "appos" and g.pos_ == "NOUN" and g.head.pos_ == "NOUN")):  # not "Scott, 43,": an age
        g = g.head
    return g


def conj_first(tok: Token) -> Token:
    """First conjunct of a coordination ("drones and missiles" -> drones), whose head is the governing word."""
    g = tok
    while g.dep_ == "conj" and g.head.i < g.i:
        g = g.head
    return g
