"""What happened to counted weapons (launched, shot down, intercepted, struck...) and the word that says it.

The governing verb decides first ("shot down 145 drones", "41 were shot down"), then a relative
clause ("drones that Russia launched"), the verb of a subject, an "attacked ... with N drones" or
"a barrage of N rockets" phrase, and finally nearby words (headlines: "Downing 18 drones").
Weapons that are supplied or produced rather than used are recognised here too.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .grammar import conj_first
from .lexicon import CountsLexicon

#: Quantifiers that make "of the N ..." a total ("most of the 150 rockets").
_PART_WORDS = frozenset(["most", "some", "all", "many", "half", "none", "majority", "bulk", "rest", "part", "few"])
#: where a weapon that "crashed" came down without hitting anything
_OPEN_GROUND = frozenset({"sea", "water", "waters", "field", "fields", "ground", "river", "lake", "gulf", "ocean"})

#: An action and the word that says it (None when the action is implied, e.g. a partitive's total).
Action = tuple[str | None, Token | None]


def verb_action(verb: Token, table: dict[str, str]) -> str | None:
    """Action for a verb from one table, trying 'lemma particle' ("shoot down") before the lemma."""
    lem = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if prt and f"{lem} {prt}" in table:
        return table[f"{lem} {prt}"]
    if lem in table:
        return table[lem]
    if verb.lower_ in table:
        return table[verb.lower_]
    return None


def bare_weapon_verb(lex: CountsLexicon, span: Span) -> bool:
    """A bare number that is the passive subject of a weapon verb ("41 were shot down")."""
    tok = span[-1]
    return tok.dep_ == "nsubjpass" and verb_action(tok.head, lex.act_object) is not None


def weapon_action(doc: Doc, lex: CountsLexicon, anchor: Token, span: Span, head: Token, sent: Span) -> Action:
    """What happened to the counted weapons, and the word that says it: governing verb first, then relative
    clauses, subject verbs, 'with' phrases, action nouns, and finally nearby words (headlines)."""
    g = conj_first(anchor)
    h = g.head
    found = (_governor_action(lex, g, h) or _relative_clause_action(lex, anchor, head)
             or _subject_action(lex, g, h) or _prep_action(lex, g, h) or _action_before(doc, lex, span, sent))
    if found is not None:
        return found
    return _action_after(doc, lex, anchor, head, sent)


def _governor_action(lex: CountsLexicon, g: Token, h: Token) -> Action | None:
    """The verb (or noun) whose object, passive subject, conjunct or attribute the count is."""
    if g.dep_ in ("dobj", "obj", "nsubjpass", "conj", "appos", "attr", "oprd") and h.pos_ in ("VERB", "AUX", "NOUN",
                                                                                             "PROPN"):
        act = verb_action(h, lex.act_object)
        if act:
            return act, h
    return None


def _relative_clause_action(lex: CountsLexicon, anchor: Token, head: Token) -> Action | None:
    """A relative clause on the counted noun: "117 drones that Russian forces launched"."""
    for c in (head.children if anchor is head else ()):
        if c.dep_ in ("relcl", "acl") and c.i > head.i:
            act = verb_action(c, lex.act_object)
            own_object = any(x.dep_ == "dobj" and x.i != head.i and x.lower_ not in ("that", "which")
                             for x in c.children)
            part = any(x.like_num and x.dep_ in ("nsubj", "nsubjpass", "dobj") for x in c.children)
            if act and (c.tag_ == "VBN" or c.dep_ == "relcl") and not own_object and not part:
                return act, c
    return None


def _subject_action(lex: CountsLexicon, g: Token, h: Token) -> Action | None:
    """The verb of the counted phrase as subject: "two drones hit ...", "five were intercepted"."""
    if g.dep_ == "nsubj" and h.pos_ == "VERB":
        passive = any(c.dep_ == "auxpass" for c in h.children) or (
            h.tag_ == "VBN" and not any(c.dep_ in ("dobj", "aux") for c in h.children))
        act = verb_action(h, lex.act_object) if passive else verb_action(h, lex.act_subject)
        if act == "struck" and h.lemma_.lower() in ("crash", "fall") and _into_open_ground(h):
            act = "destroyed"  # "five of them crashed in the Red Sea": brought down, not a hit
        if act:
            return act, h
    return None


def _prep_action(lex: CountsLexicon, g: Token, h: Token) -> Action | None:
    """A phrase the count is the object of: "most of the 150 rockets", "attacked with 40 drones",
    "a barrage of 30 rockets"."""
    if g.dep_ == "pobj" and h.lower_ == "of" and h.head.lower_ in _PART_WORDS:
        return "launched", None  # "intercepted most of the 150 rockets": 150 is the total launched
    if g.dep_ == "pobj":
        p = h
        hh = p.head
        if p.lower_ == "with":
            act = verb_action(hh, lex.act_with) or lex.act_nouns.get(hh.lemma_.lower())
            if act:
                return act, hh
            if hh.pos_ == "NOUN" and hh.lemma_.lower() in lex.attack_context:
                return "launched", hh
        if p.lower_ == "of" and hh.pos_ == "NOUN":
            act = lex.act_nouns.get(hh.lemma_.lower())
            if act:
                return act, hh
    return None


def _action_before(doc: Doc, lex: CountsLexicon, span: Span, sent: Span) -> Action | None:
    """Linear fallback before the count: "Downing 18 drones", "shot down 145 Russian drones"."""
    start = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
    first = start[0].i if start is not None else span[0].i
    k = first - 1
    while k >= sent.start and first - k <= 4:
        t = doc[k]
        key = t.lower_ if t.lower_ in lex.act_object else t.lemma_.lower()
        if key not in lex.act_object and t.lower_.endswith("ing") and t.lower_[:-3] in lex.act_object:
            key = t.lower_[:-3]  # "Downing" tagged as a proper noun in headlines
        if t.lower_ == "down" and k - 1 >= sent.start:
            key2 = doc[k - 1].lemma_.lower() + " down"
            if key2 in lex.act_object:
                return lex.act_object[key2], doc[k - 1]
        if key in lex.act_object and (t.pos_ == "VERB" or (t.pos_ in ("PROPN", "NOUN")
                                                           and t.lower_.endswith("ing"))):
            return lex.act_object[key], t
        if t.pos_ in ("VERB", "NOUN", "PROPN") and t.lower_ not in lex.qual_before:
            break
        k -= 1
    return None


def _action_after(doc: Doc, lex: CountsLexicon, anchor: Token, head: Token, sent: Span) -> Action:
    """Linear fallback after the count: "50 of the drones were shot down", "drones were downed"."""
    k = (head.i if head.i > anchor.i else anchor.i) + 1
    while k < sent.end and k <= anchor.i + 10:
        t = doc[k]
        if t.pos_ == "VERB":
            act = verb_action(t, lex.act_object) if t.tag_ == "VBN" else verb_action(t, lex.act_subject)
            return act, (t if act else None)
        if t.is_punct or t.pos_ in ("PRON", "NUM") or (t.pos_ in ("NOUN", "PROPN") and k > head.i
                                                        and t.dep_ != "pobj"):
            break
        k += 1
    return None, None


def is_transfer(lex: CountsLexicon, tok: Token) -> bool:
    """Weapons that are supplied, pledged, bought or produced rather than used."""
    g = conj_first(tok)
    v = g.head
    if g.dep_ not in ("dobj", "nsubjpass", "pobj") or v.pos_ != "VERB":
        return False
    lem = v.lemma_.lower()
    if lem in lex.transfer_verbs:
        return True
    modal = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might", "should")
                for c in v.children)
    to_someone = any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in v.children) or any(
        c.dep_ in ("xcomp", "advcl") and any(x.lower_ == "to" for x in c.children) for c in v.children)
    return lem in lex.maybe_transfer_verbs and (modal or to_someone)


def _into_open_ground(verb: Token) -> bool:
    """'crashed in the Red Sea', 'fell into a field': the weapon came down harmlessly."""
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "into", "on", "onto"):
            for o in p.children:
                if o.dep_ == "pobj" and any(t.lower_ in _OPEN_GROUND for t in o.subtree):
                    return True
    return False
