"""Words around a name that say "place": a preposition of place ("in X", "near X", "in eastern X"),
a region or settlement word ("X province", "the village of X"), a place title ("X Governor"), a
list coordinated with places ("X, A and B"), a list ending in a plural region word. The relabelling
and place-context steps ask these questions; new kinds of place evidence belong here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .common import (
    INSTITUTION_WORDS,
    PLACE_PREPS,
    POSSESSIVE,
    PREP_PLACE_STRICT,
    between_is_list,
    key,
    particle_name,
)
from .context import EntityContext
from .lexicon import EntityLexicon

_DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "north-eastern",
                         "north-western", "south-eastern", "south-western", "northeastern", "northwestern",
                         "southeastern", "southwestern"})
_PREP_NEAR = frozenset({"near", "outside", "around", "towards", "toward"})


def place_evidence(doc: Doc, e: Span, starts: set[int], ends: set[int], lex: EntityLexicon,
                   person_ends: frozenset[int] = frozenset()) -> int:
    """1 when the words around `e` say place: 'in X', 'X region', 'X Governor', 'X, A and B',
    'X residents', 'captured X', 'John Doe, 54, of X' (`starts`/`ends`: token bounds of the place
    entities of the doc; `person_ends`: token ends of its PERSON entities)."""
    prev = doc[e.start - 1].lower_ if e.start > 0 else ""
    nxt = doc[e.end].lower_ if e.end < len(doc) else ""
    if prev in PLACE_PREPS or nxt in lex.region_words or nxt in ("governor", "mayor", "oblast"):
        return 1
    if nxt in lex.resident_nouns and doc[e.end].is_lower or _object_of_place_verb(e, lex):
        return 1  # "Gainesville residents", "Russia captured Avdiivka"
    if prev == "of" and e.start >= 2 and (_after_a_person(doc, e.start - 2, person_ends) or
                                          doc[e.start - 2].text == "," and e.start - 2 in person_ends):
        return 1  # "Daniel Hufstetler of Roswell", "Mindy Miller, 43, of Ravenel"
    if any(end in ends and between_is_list(doc, end, e.start) for end in range(e.start - 2, e.start)):
        return 1
    if any(st in starts and between_is_list(doc, e.end, st) for st in range(e.end + 1, e.end + 3)):
        return 1
    return 0


def home_town(doc: Doc, e: Span, lex: EntityLexicon, person_ends: frozenset[int]) -> int:
    """1 for a person's home town: "Rebecca Sears, 41, of Grovetown", "Stephen Davis, of Chiefland",
    "a Crafton man" (a resident noun in lower case after the name); not "John Smith of Harvard"
    without the comma, where "of" may name an employer."""
    prev = doc[e.start - 1].lower_ if e.start > 0 else ""
    if prev == "of" and e.start >= 2 and doc[e.start - 2].text == "," and (
            _after_a_person(doc, e.start - 2, person_ends) or e.start - 2 in person_ends):
        return 1
    return int(e.end < len(doc) and doc[e.end].is_lower and doc[e.end].lower_ in lex.resident_nouns)


def _object_of_place_verb(e: Span, lex: EntityLexicon) -> bool:
    """'Russia captured Avdiivka', 'troops liberated Kherson': the object of a place verb."""
    root = e.root
    return root.dep_ in ("dobj", "obj") and root.head.pos_ == "VERB" and root.head.lemma_.lower() in \
        lex.place_object_verbs


def _after_a_person(doc: Doc, i: int, person_ends: frozenset[int]) -> bool:
    """Token `i` ends a person's name, or the age after it ("Mindy Miller, 43,")."""
    if i + 1 in person_ends:
        return True
    return doc[i].text == "," and i >= 2 and doc[i - 1].like_num and doc[i - 2].text == "," and (i - 2) in person_ends


def marked_place(doc: Doc, e: Span, lex: EntityLexicon) -> bool:
    """'in X', 'near X', 'the village of X', 'X province', 'the X refugee camp'."""
    prev = doc[e.start - 1].lower_ if e.start else ""
    nxt = doc[e.end].lower_ if e.end < len(doc) else ""
    if prev in PREP_PLACE_STRICT and nxt not in POSSESSIVE:
        return True
    if prev == "of" and e.start >= 2 and doc[e.start - 2].lower_ in lex.settlement_words:
        return True
    return nxt in lex.region_words or nxt in lex.settlement_words or nxt in ("refugee", "displacement")


def listed_before_region_word(doc: Doc, j: int, lex: EntityLexicon) -> bool:
    """'the Dniprovskyi, Solomianskyi, Podilskyi and Darnytskyi districts': a name in a list that
    ends in a plural region word is a place, known to the gazetteer or not."""
    seps = 0
    for k in range(j, min(len(doc), j + 16)):
        t = doc[k]
        if t.text in (",", "and", "or"):
            seps += 1
        elif t.lower_ in lex.region_words and t.lower_.endswith("s") and t.is_lower:
            return seps > 0 and not doc[k - 1].is_punct
        elif not (t.is_title and t.pos_ == "PROPN"):
            return False
    return False


def _modifies_next(e: Span, lex: EntityLexicon) -> bool:
    """The word after the name makes it a modifier or a speaker: "in Trump's view",
    "near Hamas-run clinics", "in Hamas attacks", "in X said"."""
    doc = e.doc
    nxt = doc[e.end] if e.end < len(doc) else None
    if nxt is None:
        return False
    if nxt.lower_ in POSSESSIVE or nxt.text in ("-", "‑"):
        return True  # "in Trump's view", "near Hamas-run clinics"
    if nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in lex.region_words \
            and nxt.lower_ not in lex.settlement_words and not nxt.is_punct:
        return True  # "in Hamas attacks": the name is a modifier
    return nxt.pos_ in ("VERB", "AUX") and nxt.lemma_.lower() in lex.person_verbs


def _motion_place(ctx: EntityContext, e: Span) -> bool:
    """A name after a verb of going's "to"/"from": a place the gazetteer knows, not a person here."""
    return (ctx.names.is_name(e) or particle_name(e)) and not e.text.isupper() and key(e.text) not in \
        ctx.person_any and not _modifies_next(e, ctx.lex) and ctx.places.known_place(e.text, min_pop=0, weak=True)


def prep_place(ctx: EntityContext, e: Span) -> bool:
    """A PERSON/ORG/FAC name right after a preposition of place ("in Jassem", "near Kobane",
    "in eastern Ghouta") reads as a place (see place_contexts.prep_places for the exceptions)."""
    doc, lex = ctx.doc, ctx.lex
    prep = doc[e.start - 1].lower_
    direction = prep in _DIRECTIONS and e.start > 1 and doc[e.start - 2].lower_ in PREP_PLACE_STRICT | {
        "of", "from", "to", "across"}  # "in eastern Ghouta", "from northern Rakhine"
    if direction:
        prep = "near"
    elif prep in ("to", "from", "into") and doc[e.start - 1].head.lemma_.lower() in lex.motion_verbs:
        # "they moved to Thornhill", "driving to Castlegar": a place when the gazetteer has it
        return _motion_place(ctx, e)
    elif prep not in PREP_PLACE_STRICT and not (prep in ("in", "at") and e.label_ != "PERSON"):
        return False
    if not (ctx.names.is_name(e) or particle_name(e)) or e.text.isupper() or key(e.text) in ctx.person_any:
        return False
    if not direction and doc[e.start - 1].head.lemma_.lower() in lex.not_place_heads:
        return False  # "wrote in Politico", "believe in Satan"
    if e.label_ == "PERSON" and len(e) >= 2 and not direction and not particle_name(e) \
            and doc[e.start - 1].head.pos_ != "VERB" and not ctx.places.known_place(e.text, min_pop=0, weak=True):
        return False  # "faith in Joe Biden": a full name after a noun's "in" stays a person
    if any(t.lower_ in INSTITUTION_WORDS or t.lower_ in lex.titles for t in e):
        return False
    if _modifies_next(e, lex):
        return False
    if e.label_ == "PERSON":
        return True
    # ORG/FAC: "near Kobane" always; "in/at X" only for a name the gazetteer has (spelling
    # variants included): "in Congress", "at Google" stay organisations
    return prep in _PREP_NEAR and len(e) <= 3 or ctx.places.known_place(e.text, min_pop=0, weak=True)
