"""The small grammatical word sets and token helpers that every quote rule shares.

Closed-class words (pronouns, relatives, sentence ends, dependency labels) are grammar, not
lexicon data, so they live here rather than in models/. Everything in this module is a plain
constant or a pure function of a token or a string.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "i", "me"})
#: the third-person singular subject pronouns: the ones that continue a person named before
PRONOUNS_HE_SHE = frozenset({"he", "she"})
PRONOUNS_GROUP = frozenset({"they", "it", "we", "them", "us"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
#: prepositions whose phrase belongs to the speaker's description ("a resident of Kherson",
#: "a spokesman for the ministry", "an official at the embassy", "a source in the government")
PHRASE_PREPS = frozenset({"of", "for", "at", "in", "from", "with"})
#: determiners that make a noun phrase indefinite: it introduces someone or something new
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any", "several", "many"})
TERMINATORS = frozenset({".", "!", "?", ";"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: the entity labels a speaker's name may carry
NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
NON_REFERRING = frozenset({"what", "this", "that", "these", "those", "all", "nothing", "something",
                           "everything", "anything", "none", "whatever"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "appos"})
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "crat", "nik",
                  "ers", "ors", "ists", "ians", "ants", "ents", "men", "women", "people", "ees", "crats")
NOT_SPEAKERS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"})
#: vague quantity words heading a noun phrase ("Thousands took to the streets"): a crowd, never a speaker
QUANTITY_WORDS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens", "crowds"})
#: how many tokens the attribution regions around a quotation reach at most
MAX_REGION = 60
_WORD = re.compile(r"[A-Za-z0-9]+")
_STOP = frozenset(["the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "from", "with", "by",
                   "mr", "mrs", "ms", "dr", "s"])


def has_subject(t: Token) -> bool:
    """Has the parser given verb `t` a subject of its own (a cue without one is read differently)?"""
    return any(c.dep_ in SUBJ_DEPS for c in t.children)


def words(s: str) -> frozenset[str]:
    """The content words of a name, lower-cased ("the Red Cross" -> {"red", "cross"})."""
    return frozenset(w for w in _WORD.findall(s.lower()) if w not in _STOP)


def is_term(t: Token) -> bool:
    """A sentence-ending mark; the dot of an abbreviation ("Lt. Col. Jane Doe said") is not one."""
    if t.text not in TERMINATORS:
        return False
    return t.pos_ == "PUNCT" or t.is_sent_end


def noun_head(t: Token) -> Token:
    """Climb compound/flat links to the head noun of the phrase."""
    while t.dep_ in ("compound", "flat", "nmod", "amod", "det", "poss") and t.head.i != t.i and t.head.i > t.i:
        t = t.head
    return t


#: the units of an age phrase ("the 46-year-old", "a 19-month-old")
_AGE_UNITS = frozenset({"year", "years", "month", "months"})


def is_age_noun(t: Token) -> bool:
    """Is `t` the head of an age phrase standing for a person ("said the 46-year-old", "the
    19-year-olds"), which the tagger labels DATE although it names someone?"""
    if t.lower_ not in ("old", "olds") or t.i < 2:
        return False
    doc = t.doc
    return doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in _AGE_UNITS


def speakerish(t: Token, speaker_nouns: frozenset[str], non_speakers: frozenset[str] = frozenset()) -> bool:
    """Can this subject head be a speaker? Names, pronouns, role/institution/document nouns
    (speaker_nouns.txt), agent-shaped nouns and ages ("the 46-year-old") are; "the turmoil", "mortar bombs", things that
    never speak (`non_speakers`: "the drones", "the explosion") and a vague quantity
    ("Thousands") are not."""
    if is_age_noun(t):
        return True
    if t.lower_ in QUANTITY_WORDS or t.ent_type_ in NOT_SPEAKERS:
        return False
    if t.pos_ == "NOUN" and not t.ent_type_ and (t.lower_ in non_speakers or t.lemma_.lower() in non_speakers):
        return False
    if t.pos_ != "NOUN" or t.ent_type_:
        return True
    low = t.lower_
    return low in speaker_nouns or t.lemma_.lower() in speaker_nouns or low.endswith(AGENT_SUFFIXES)
