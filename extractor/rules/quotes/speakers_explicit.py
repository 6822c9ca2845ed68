"""The speaker a cue names in the grammar: its subject or passive agent, "according to X",
the antecedent of "..., who said", the name between a quote and its cue (“...,” Flynn, a top
surrogate, said), the inverted "said Kevin Madden", else the nearest name on the cue's left.

Returns the token heading the speaker phrase and the method; turning it into a name is
mention.py's job.
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import QuoteContext
from .cues import is_cue, negated, relayed
from .grammar import (
    NON_REFERRING,
    NOT_SPEAKERS,
    PRONOUNS_HE_SHE,
    QUANTITY_WORDS,
    RELATIVE,
    SUBJ_DEPS,
    TERMINATORS,
    has_subject,
    is_age_noun,
    noun_head,
    speakerish,
)

#: dependency labels climbed from a cue towards the clause that holds its subject
_CLIMB_DEPS = ("conj", "xcomp", "advcl", "acl", "pcomp", "ccomp", "parataxis", "prep", "dobj", "pobj")


def _according_to_subject(cue: Token) -> Token | None:
    """"according to X": the object of "to", else the noun right after it."""
    to = cue.doc[cue.i + 1]
    doc = cue.doc
    for c in to.children:
        if c.dep_ == "pobj" and not (c.i + 1 < len(doc) and doc[c.i + 1].text == "-" and c.is_lower) \
                and c.text != "-":
            return c  # (not the broken-off prefix of "ex-President")
    nxt = cue.i + 2
    if nxt < len(cue.doc) and cue.doc[nxt].pos_ in ("PROPN", "NOUN", "PRON", "DET"):
        return noun_head(cue.doc[nxt])
    return None


def _clause_subject(ctx: QuoteContext, t: Token, a: int, b: int, cue: Token) -> tuple[Token, str] | None:
    """The speaker named by clause head `t`: its passive agent (only when `t` is the cue or another
    speech verb: "owned by X, chanting" is not X's chant), its subject (a relative pronoun when `t`
    heads a relative clause), or the noun a relative clause `t` hangs off."""
    for c in t.children if t.i == cue.i or is_cue(t, ctx.lex.speech) else ():
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g, "explicit"
    subjects = [c for c in t.children if c.dep_ in SUBJ_DEPS and not (a <= c.i < b) and c.i not in ctx.quoted
                and (c.ent_type_ not in NOT_SPEAKERS or is_age_noun(c)) and c.lower_ not in NON_REFERRING
                and not (c.lower_ == "it" and c.dep_ == "nsubjpass")]  # "it is said": nobody
    if len(subjects) > 1:
        # two subjects in a misparse ("“...,” that is, forces fighting ..., said Jane Roe"): the named one
        subjects.sort(key=lambda c: c.ent_type_ not in ("PERSON", "ORG") and c.pos_ != "PRON")
    for c in subjects:
        if c.lower_ in RELATIVE and t.dep_ == "relcl":
            return c, "relative"
        return c, "explicit"
    if t.dep_ == "relcl":
        return t.head, "explicit"
    return None


#: recordings that show someone speaking ("footage of X saying"; not "an account of X telling")
_RECORDINGS = frozenset({"footage", "video", "recording", "broadcast", "clip", "tape", "audio", "film"})


def _shown_speaking(ctx: QuoteContext, cue: Token) -> Token | None:
    """"footage of Jane Roe asking, “...”", "a video of Jane Roe saying": a speech participle with
    no subject of its own right after the person a recording is "of" is that
    person's (the parser often hangs the participle on the verb: "The ad uses footage of X
    asking"); "an account of X telling" is not a recording."""
    if cue.tag_ != "VBG" or cue.i == 0 or has_subject(cue):
        return None
    before = cue.doc[cue.i - 1]
    ent = ctx.entity_of(before)
    if ent is None or ent.label_ != "PERSON" or ent.end != cue.i or before.i in ctx.quoted:
        return None
    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return None
    medium = root.head.head  # "footage/a video/a recording of X" (not "an account of X telling")
    return root if medium.lemma_.lower() in _RECORDINGS else None


def _reporter_of_participle(ctx: QuoteContext, cue: Token) -> Token:
    """Where the climb for a subject starts: the cue itself, but for ", stating that ..." hung by
    the parser on the verb of a clause someone reports ("X also said he was grateful that Y
    began his visit there, stating that ..."), the reporting speech verb (X's)."""
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or has_subject(cue):
        return cue
    clause = cue.head
    if clause.dep_ != "ccomp":
        return cue
    for _ in range(3):  # "X said [he was grateful [that Y began ..., stating]]"
        if clause.dep_ not in ("ccomp", "acomp", "xcomp") or clause.head.i == clause.i:
            return cue
        reporter = clause.head
        if is_cue(reporter, ctx.lex.speech) and reporter.i not in ctx.quoted \
                and not negated(ctx, reporter):  # (not "X cannot say that ...")
            # only a report that leads in ("X said that ..."), never "..., an AFP reporter said"
            return reporter if reporter.i < clause.i and not relayed(ctx, reporter) else cue
        clause = clause.head
    return cue


#: verbs by which a medium passes someone's words on: "TASS quoted X as saying", "X was cited as saying"
_RELAY_VERBS = frozenset({"quote", "cite"})


def quoted_source(ctx: QuoteContext, cue: Token) -> Token | None:
    """"TASS quoted Peskov as saying", "Peskov was quoted by TASS as saying": the one quoted (the
    object, or the passive subject, when it is a name), not the medium that quotes them. `cue` is
    the relay verb or the "saying" of its "as" phrase."""
    verb = cue
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.i != cue.head.i:
        verb = cue.head.head
    if verb.lemma_.lower() not in _RELAY_VERBS or not any(  # "as saying", not "citing X as evidence"
            c.dep_ == "prep" and c.lower_ == "as" and any(is_cue(g, ctx.lex.speech) for g in c.children)
            for c in verb.children):
        return None
    for dep in ("dobj", "nsubjpass"):
        found = next((c for c in verb.children if c.dep_ == dep and c.i not in ctx.quoted), None)
        if found is not None:
            ent = ctx.entity_of(found)  # a name: "quoted the president as saying" stays the medium's
            return found if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP") else None
    return None


def _climbed_subject(ctx: QuoteContext, cue: Token, a: int, b: int) -> tuple[Token, str] | None:
    """The subject of the cue or of a clause it hangs off ("..., saying": the governing verb's),
    climbing up to 6 heads through quoted words and clausal/prepositional links; a speech
    participle on a name ("a video of Jane Roe saying") is that name's."""
    shown = _shown_speaking(ctx, cue)
    if shown is not None:
        return shown, "explicit"
    t = _reporter_of_participle(ctx, cue)
    via_conj = False
    for _ in range(6):
        inside = t.i in ctx.quoted and t.i != cue.i
        if not inside:
            found = _clause_subject(ctx, t, a, b, cue)
            if found is not None and not (via_conj and _reported_it(ctx, t, found[0])):
                return found
        via_conj = t.dep_ == "conj"
        if (inside or t.dep_ in _CLIMB_DEPS) and t.head.i != t.i and not relayed(ctx, t.head):
            t = t.head  # (never up to "..., a correspondent reports": the reporter only passes it on)
            continue
        break
    return None


def _reported_it(ctx: QuoteContext, clause: Token, subject: Token) -> bool:
    """"X tweeting that it was a “disaster” and asking, “...”": a speech verb coordinated with the
    verb of a clause someone reports, whose subject is "it", belongs with the reporting verb (X
    asks), not with "it"."""
    return subject.lower_ == "it" and clause.dep_ == "ccomp" and is_cue(clause.head, ctx.lex.speech)


def _document_of(ctx: QuoteContext, cue: Token) -> Token | None:
    """"This is stated in the resolution adopted by X", "as written in the report": a cue with no
    subject of its own speaks through the document it is attached to by "in"/"on" (which
    speakers_document.py resolves to its issuer)."""
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on"):
            for g in c.children:
                if g.dep_ == "pobj" and g.i not in ctx.quoted and g.lemma_.lower() in ctx.lex.document_nouns:
                    return g
    return None


def _name_between(ctx: QuoteContext, cue: Token, a: int, b: int) -> Token | None:
    """“...,” Flynn, a top surrogate, said Monday: the first name between the quote and the cue."""
    if not (b > 0 and a < cue.i and b <= cue.i):
        return None
    doc = cue.doc
    for i in range(ctx.outer_ranges[ctx.quoted.get(b - 1, 0)][1] if (b - 1) in ctx.quoted else b, cue.i):
        tok = doc[i]
        if i in ctx.quoted:
            continue
        if (tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.pos_ in ("PROPN", "PRON")) \
                and tok.ent_type_ not in ("DATE", "TIME"):
            return noun_head(tok)
    return None


def _modifies_next(cue: Token) -> bool:
    """Was the speech verb parsed as a modifier of the noun after it ("has described Trump as",
    "Trump blasted Disney": "described"/"blasted" as adjectives of the name they govern)?"""
    return cue.dep_ in ("amod", "compound", "nmod") and cue.head.i > cue.i


def _inverted_subject(ctx: QuoteContext, cue: Token, b: int) -> Token | None:
    """Inverted "said Kevin Madden" / "added a New Hampshire Democrat": the noun phrase after the cue."""
    doc = cue.doc
    inverted = cue.i - 2 <= b <= cue.i and (b - 1) in ctx.quoted
    if _modifies_next(cue) and not inverted:
        return None  # "Trump blasted Disney for ..." parsed as "blasted Disney": Disney is its object
    for i in range(cue.i + 1, min(len(doc), cue.i + 6)):
        tok = doc[i]
        if i in ctx.quoted or tok.text in TERMINATORS or tok.ent_type_ in ("DATE", "TIME"):
            break
        if tok.dep_ in ("nsubj", "nsubjpass") or tok.ent_type_ in ("PERSON", "ORG"):
            return noun_head(tok)
        if inverted and tok.pos_ in ("PROPN", "NOUN", "PRON"):
            return noun_head(tok)
        if tok.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PUNCT", "ADV") \
                and not (tok.tag_ == "VBN" and tok.dep_ == "amod"):  # ("said retired neurosurgeon X")
            break
    return None


#: dependency labels of a noun right before a subject-less cue that the parser hung elsewhere
#: although it is the cue's subject ("In an interview with A and B, the candidate stated ...":
#: "candidate" as an apposition of B; "the 19-year-old told": the age as a modifier)
_STRAY_SUBJECT_DEPS = frozenset({"appos", "amod", "conj", "npadvmod", "dep", "ROOT"})


def stray_subject(ctx: QuoteContext, cue: Token) -> Token | None:
    """The head of the noun phrase that ends right before a cue the parser gave no subject (adverbs
    such as "also" skipped), when it can speak and is not an object ("spoke to the Times saying")."""
    if has_subject(cue):
        return None
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ == "ADV" and cue.i - i <= 2:
        i -= 1
    if i < 0 or i in ctx.quoted:
        return None
    tok = doc[i]
    if tok.pos_ not in ("NOUN", "PROPN") and not is_age_noun(tok):
        return None
    if (tok.dep_ not in _STRAY_SUBJECT_DEPS and not (tok.dep_ == "compound" and _modifies_next(cue))) \
            or (tok.dep_ == "amod" and not is_age_noun(tok)):
        return None  # (a compound before a cue parsed as a modifier: "Trump blasted Disney" as one phrase)
    return tok if _can_speak(ctx, tok) and not never_speaks(ctx, tok) else None


def left_name(ctx: QuoteContext, cue: Token) -> Token | None:
    """The nearest PERSON or he/she/they on the cue's left in its sentence, else the nearest
    ORG/NORP there (for unparsed subjects: "Obama and Clinton call them")."""
    doc = cue.doc
    found: Token | None = None
    i = cue.i - 1
    n = 0
    while i >= 0 and n < 25:
        tok = doc[i]
        if i in ctx.quoted or tok.text in TERMINATORS or "\n" in tok.text:
            break
        if tok.ent_type_ == "PERSON" or tok.lower_ in PRONOUNS_HE_SHE or tok.lower_ == "they":
            return noun_head(tok)
        if found is None and tok.ent_type_ in ("ORG", "NORP"):
            found = noun_head(tok)
        i -= 1
        n += 1
    return found


def root_subject(ctx: QuoteContext, cue: Token) -> Token | None:
    """A speaker-like subject of the root verb of the cue's sentence."""
    root = cue.sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i not in ctx.quoted and _can_speak(ctx, c) \
                and c.lower_ not in NON_REFERRING:
            return c
    return None


def cue_subject(ctx: QuoteContext, cue: Token, a: int, b: int) -> tuple[Token | None, str]:
    """The token naming who speaks through `cue` (quote tokens a..b; -1, -1 for no quote) and the
    method: according_to, relative or explicit."""
    if cue.lower_ == "according":
        return _according_to_subject(cue), "according_to"
    if cue.pos_ == "NOUN":  # mis-tagged verb: its compound/subject child is the speaker
        for c in cue.children:
            if c.dep_ in ("compound", "nsubj") and c.i < cue.i and c.i not in ctx.quoted \
                    and c.ent_type_ not in NOT_SPEAKERS:  # ("a Tuesday tweet": a date, nobody)
                head = noun_head(c)  # ("the post read": the climb must stop below the cue itself)
                return (head if head.i != cue.i else c), "explicit"
    source = quoted_source(ctx, cue) or named_by_subject(ctx, cue)
    if source is not None:
        return source, "explicit"
    found = _climbed_subject(ctx, cue, a, b)
    if found is not None:
        return found
    tok = _name_between(ctx, cue, a, b)
    if tok is None:
        tok = _inverted_subject(ctx, cue, b)
    if tok is None:
        tok = _document_of(ctx, cue)
    if tok is None:
        tok = stray_subject(ctx, cue)
    if tok is not None:
        return tok, "explicit"
    # unparsed subject ("Obama and Clinton call them"): the nearest person/pronoun on the left
    return left_name(ctx, cue), "explicit"


def cue_speaker(ctx: QuoteContext, cue: Token, a: int, b: int) -> tuple[Token | None, str]:
    """`cue_subject`, corrected: a capitalised dateline ("WASHINGTON -- President Obama ... said")
    gives way to the name on the left, "Hundreds of residents" to the residents, and a thing
    ("..., which also injured", "the turmoil") to a speaker-like name or root subject."""
    if passive_naming(ctx, cue):
        return None, "explicit"  # "a website called “...”", "what is called a “debate”": a name, nobody's words
    spk, method = cue_subject(ctx, cue, a, b)
    if spk is not None and spk.ent_type_ in ("GPE", "LOC") and spk.text.isupper():
        spk = left_name(ctx, cue) or spk  # "WASHINGTON -- President Obama ... said": the dateline
    if spk is not None and spk.lower_ in QUANTITY_WORDS:  # "Hundreds of residents said": the residents
        spk = next((g for c in spk.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"), spk)
    if spk is not None and spk.lower_ == "which" and (spk.head.dep_ != "relcl"
                                                      or not _can_speak(ctx, spk.head.head)):
        method = "explicit"  # "..., which also injured ...": the antecedent is a thing
        spk = left_name(ctx, cue) or root_subject(ctx, cue)
    elif spk is not None and method == "explicit" and not _can_speak(ctx, spk):
        alt = left_name(ctx, cue)
        if alt is not None and noun_head(alt).dep_ in _OBJECT_DEPS:
            alt = None  # "now owned by investor X": a name inside a phrase of another verb
        alt = alt or root_subject(ctx, cue)
        if alt is not None:
            spk = alt
        elif spk.lower_ in QUANTITY_WORDS or never_speaks(ctx, spk):
            spk = None  # "Thousands took to the streets", "the drones were “shot down”": nobody
    return spk, method


def _names_an_object(ctx: QuoteContext, cue: Token) -> bool:
    """Does naming verb `cue` have an object of its own outside the quotation ("called Trump
    “...”", "called the report a “...”"): then it is active, whatever its tag?"""
    return any(c.dep_ in ("dobj", "oprd") and c.i not in ctx.quoted and not (c.pos_ == "NOUN" and any(
        g.i in ctx.quoted for g in c.children if g.dep_ in ("compound", "amod"))) for c in cue.children)


def named_by_subject(ctx: QuoteContext, cue: Token) -> Token | None:
    """"Her campaign called AP's report a “rush to judgment”", "one lawmaker called Trump “...”"
    parsed as a participle on the noun before it: an active naming verb with an object, hung on
    the noun right before it, has that noun as its subject."""
    if cue.dep_ != "acl" or cue.lemma_.lower() not in ctx.lex.naming_verbs or cue.head.i != cue.i - 1 \
            or not _names_an_object(ctx, cue) or not _can_speak(ctx, cue.head):
        return None
    return cue.head


#: where a name stands when it is the object of a verb or preposition, no subject
_OBJECT_DEPS = frozenset({"pobj", "dobj", "dative", "oprd", "attr"})


def passive_naming(ctx: QuoteContext, cue: Token) -> bool:
    """Is the cue a naming verb in the passive without an agent ("a group called the “...”", "the
    project will be dubbed “...”", "places that are labeled “...”")?"""
    if cue.lemma_.lower() not in ctx.lex.naming_verbs or cue.tag_ != "VBN":
        return False
    if any(c.dep_ in ("agent", "nsubj") for c in cue.children) or named_by_subject(ctx, cue) is not None:
        return False
    # "a website called ...": the participle right after its noun (not "X, a ally, called ..." misparsed)
    return (cue.dep_ in ("acl", "amod") and cue.head.i == cue.i - 1 and cue.head.pos_ in ("NOUN", "PROPN")) \
        or any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)


def _can_speak(ctx: QuoteContext, t: Token) -> bool:
    """`speakerish` with the lexicon's speaker nouns and never-speaking things."""
    return speakerish(t, ctx.lex.speaker_nouns, ctx.lex.non_speakers)


def never_speaks(ctx: QuoteContext, t: Token) -> bool:
    """A weapon, event or place noun ("the drones", "the explosion", "the village")."""
    return t.pos_ == "NOUN" and (t.lower_ in ctx.lex.non_speakers or t.lemma_.lower() in ctx.lex.non_speakers)
