"""Named things that are not actors: party tags, title words, media, events, nationalities.

"(D-Va.)" is a party affiliation, "State" in "Secretary of State" belongs to a title, "said on
Telegram" names a medium, "Typhoon Yagi" / "tropical storm Nalgae" are events, "Russians" is a
nationality; a NORP is an actor only when it names a group acting on its own ("the Houthis said").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .lexicon import ActorsLexicon

_PARTY_STATE = re.compile(r"^[DRI]-[A-Z]")


def is_party_affiliation(ent: Span) -> bool:
    """'(D-Va.)': a party affiliation, not an organisation."""
    return bool(_PARTY_STATE.match(ent.text))


def inside_title(span: Span, lex: ActorsLexicon) -> bool:
    """'Secretary of State Antony Blinken', 'Defense Minister Yoav Gallant': the one-word ORG
    belongs to the title, it is no actor."""
    doc = span.doc
    if len(span) != 1:
        return False
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in lex.titles:
        return True
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    return span.text.lower() in lex.portfolio and nxt in lex.titles


def is_medium(span: Span, lex: ActorsLexicon) -> bool:
    """'said on Telegram', 'in a Telegram post': in news a platform is the medium, not an actor."""
    return span.text.lower() in lex.platforms


def names_an_event(span: Span, lex: ActorsLexicon) -> bool:
    """'Typhoon Yagi' (an event word first), 'as tropical storm Nalgae battered' (a lower-case
    event noun before), 'Operation: Desert Storm' (an event word before, a colon between), 'the
    First Russo-Chechen War' (a capitalised event head last): a storm, an operation or a war, no
    actor. The tagger calls all of them ORG or PERSON."""
    if len(span) > 1 and span[0].text in lex.not_actor_words:
        return True
    if len(span) > 1 and span[-1].text in lex.event_heads:
        return True
    doc = span.doc
    k = span.start - 1
    if k > 0 and doc[k].text == ":":
        k -= 1
    if k >= 0 and doc[k].text in lex.not_actor_words:
        return True
    return span.start > 0 and doc[span.start - 1].lower_ in lex.event_nouns and doc[span.start - 1].is_lower


def modifies_a_noun(span: Span, lex: ActorsLexicon) -> bool:
    """'Russian government assets', 'a Ukrainian military official', 'German government
    authorities': a nationality's institution that only qualifies a noun of belonging after it
    says whose assets or officials they are; the institution itself does not act there. Nouns of
    what it does or says keep it: 'Myanmar junta airstrikes', 'a defence ministry spokesman'."""
    if len(span) < 2 or span[0].lower_ not in lex.demonyms:
        return False
    last = span[-1]
    head = last.head
    return (last.dep_ in ("compound", "amod") and head.i >= span.end and head.pos_ == "NOUN" and head.is_lower
            and head.lower_ in lex.belonging_nouns)


def norp_is_actor(span: Span, lex: ActorsLexicon) -> bool:
    """A NORP is an actor only when it names a group acting on its own ('the Houthis said'),
    not a nationality, not a modifier ('Shahed drones')."""
    low = span.text.lower()
    if low in lex.demonyms or low.rstrip("s") in lex.demonyms:
        return False
    root = span.root
    plural = root.tag_ in ("NNPS", "NNS") or (root.text.endswith("s") and root.pos_ == "PROPN")
    return root.dep_ not in ("compound", "amod", "nmod") and plural


#: dependencies of a name that only qualifies the noun after it ("a Reuters reporter")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def names_a_kind(ent: Span, span: Span, lex: ActorsLexicon) -> bool:
    """'transfer the assets to a Ukraine Support Fund', 'establish an international Compensation
    Fund': a scheme's or text's name after an indefinite article is one of a kind (proposed,
    hypothetical), no organisation that acts. A body keeps it ('will create a War Crimes
    Accountability Team'), and so does a name that only qualifies a noun ('a Reuters reporter'):
    the article belongs to that noun."""
    if span[-1].text not in lex.kind_heads:
        return False
    doc = ent.doc
    k = ent.start
    if doc[k].lower_ not in ("a", "an"):
        k -= 1
        while k >= 0 and k >= ent.start - 3 and doc[k].is_lower and doc[k].pos_ == "ADJ":
            k -= 1  # "an international ..."
    if k < 0 or doc[k].lower_ not in ("a", "an") or not doc[k].is_lower:
        return False
    return span.root.dep_ not in _MODIFIER_DEPS


def is_generic_word(span: Span, lex: ActorsLexicon) -> bool:
    """'the Ministry also said', 'the Institute added', 'the prime minister and Cabinet': one
    capitalised common noun names no one body (the article names it in full elsewhere)."""
    return len(span) == 1 and span[0].text in lex.generic_org_words
