"""From the token that names a speaker to the speaker record {name, actor_id, mention, method}:
the mention span (an entity, a pronoun or a noun phrase), how it refers (explicit, pronoun,
nominal, relative), and its name, resolved by resolve.py, speakers_pronoun.py or
speakers_nominal.py.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from .context import QuoteContext
from .grammar import PHRASE_PREPS, PRONOUNS_GROUP, PRONOUNS_PERSON, is_age_noun
from .resolve import resolve_name
from .speakers_nominal import apposed_name, resolve_nominal
from .speakers_pronoun import pronoun_referent

#: the speaker chosen for the previous quotation and its paragraph index, or None
LastSpeaker = tuple[dict[str, Any], int] | None


def _person_in_phrase(ctx: QuoteContext, t: Token, span: Span) -> Span | None:
    """A PERSON right after the head noun ("the engineer Rahul Mehta said"), ending at it
    ("Kremlin spokesman Dmitry Peskov" mis-parsed), set off inside its prepositional phrase ("The
    commander of the brigade, Maj. Serhii Volyna,") or closing the phrase after a name of their
    office ("President of the European Council Charles Michel"), but never the object of the
    preposition itself ("the wife of John Smith")."""
    doc = ctx.doc
    if t.i + 1 < len(doc):  # "the engineer Rahul Mehta said"
        e = ctx.entity_of(doc[t.i + 1])
        if e is not None and e.label_ == "PERSON" and e.start == t.i + 1:
            return e
    after = _after_parenthesis(doc, span.end)
    if t.pos_ == "PROPN" and after < len(doc):  # "President of Poland (1995-2005) Jan Nowak"
        e = ctx.entity_of(doc[after])
        if e is not None and e.label_ == "PERSON" and e.start == after:
            return e
    for tok in span:
        e = ctx.entity_of(tok)
        if e is None or e.label_ != "PERSON" or e.start <= t.i < e.end:
            if e is not None and e.label_ == "PERSON" and e.end == t.i + 1:
                return e
            continue
        if e.start > t.i and (e.root.dep_ == "appos" or (
                e.end == span.end and doc[e.start - 1].pos_ not in ("ADP", "DET", "CCONJ", "PUNCT"))):
            return e
    return None


def _after_parenthesis(doc: Doc, i: int) -> int:
    """The token index after a short parenthesis opening at `i` ("(1995-2005)"), else `i`."""
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(len(doc), i + 8)):
            if doc[j].text == ")":
                return j + 1
    return i


def _phrase_end(ctx: QuoteContext, t: Token) -> int:
    """The token index after head `t`'s noun phrase: its prepositional phrases right after it
    ("a resident of Kherson", "the head of state", "a spokesman for the ministry") when they hold
    no quotation and no verb (a relative clause on their object left out), up to 14 tokens."""
    end = t.i + 1
    for c in t.rights:
        if c.i != end or c.dep_ != "prep" or c.lower_ not in PHRASE_PREPS:
            break
        right = _prep_end(c)
        if right - t.i > 14 or any(i in ctx.quoted or ctx.doc[i].pos_ in ("VERB", "AUX") for i in range(c.i, right)):
            break
        end = right
    while end > t.i + 1 and ctx.doc[end - 1].is_punct:
        end -= 1
    return end


def _prep_end(prep: Token) -> int:
    """The token index after a prepositional phrase, without a relative clause or participle on its
    object ("a teacher from Kherson, who asked not to be named": "from Kherson")."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None or not any(g.dep_ in ("relcl", "acl") and g.i > pobj.i for g in pobj.children):
        return prep.right_edge.i + 1
    kept = [g.right_edge.i for g in pobj.children if g.i > pobj.i and g.dep_ not in ("relcl", "acl", "punct")]
    return max([pobj.i] + kept) + 1


def _missed_name(ctx: QuoteContext, t: Token) -> bool:
    """Is proper noun `t`, outside any entity, a name all the same: an acronym ("PACE"), or a word
    that the article names a person or organisation with elsewhere ("Zelenskiy")?"""
    if t.pos_ != "PROPN" or any(c.dep_ == "det" for c in t.children):
        return False
    if t.is_upper and t.is_alpha and len(t.text) >= 2:
        return True
    low = t.lower_
    return t.is_title and any(low in e.text.lower().split() for e in ctx.ents if e.label_ in ("PERSON", "ORG"))


def _age_start(t: Token) -> int:
    """The first token of the age phrase ending at `t` ("the 19-year-old": "the")."""
    doc = t.doc
    start = t.i - 2  # "year"
    while start > 0 and doc[start - 1].text == "-" or start > 0 and doc[start - 1].like_num:
        start -= 1
    if start > 0 and doc[start - 1].lower_ in ("the", "a", "an", "this") and doc[start - 1].head.i == t.i:
        start -= 1  # (not a determiner the parser gave to another noun: the span's root must be the age)
    return start


def mention_span(ctx: QuoteContext, t: Token) -> tuple[Span, str]:
    """The span naming or referring to the speaker, and how it refers (explicit/pronoun/nominal)."""
    doc = ctx.doc
    ent = ctx.entity_of(t)
    if ent is not None:
        return ent, "explicit"
    if t.pos_ == "PRON" or t.lower_ in PRONOUNS_PERSON or t.lower_ in PRONOUNS_GROUP:
        return doc[t.i:t.i + 1], "pronoun"
    if _missed_name(ctx, t):
        # a name the tagger missed here ("Zelenskiy said", "PACE reiterates"): a name all the same
        start = t.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == t.i \
                and doc[start - 1].pos_ == "PROPN" and start - 1 not in ctx.quoted:
            start -= 1
        return doc[start:t.i + 1], "explicit"
    for c in t.children:  # "A Kremlin spokesperson, Dmitry Peskov,"
        if c.dep_ == "appos":
            e = ctx.entity_of(c)
            if e is not None and e.label_ in ("PERSON", "ORG"):
                return e, "explicit"
    if is_age_noun(t):  # "the 19-year-old", whatever the parser made of it
        return doc[_age_start(t):t.i + 1], "nominal"
    # a proper-noun compound inside the phrase ("Kremlin spokesman Dmitry Peskov" mis-parsed)
    start = t.i
    for c in t.children:
        if c.i < t.i and c.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod", "case", "punct"):
            start = min(start, c.left_edge.i)
    while start < t.i and doc[start].is_punct:
        start += 1
    span = doc[start:_phrase_end(ctx, t)]
    person = _person_in_phrase(ctx, t, span)
    if person is not None:
        return person, "explicit"
    return span, "nominal"


def _person_before_who(ctx: QuoteContext, who: Token) -> Token | None:
    """The person named right before "who" (a comma between allowed): the antecedent even when the
    parser hung the relative clause on an earlier noun ("condemned by critics including Senator
    Jane Roe who tweeted ...": Roe, not the critics)."""
    if who.lower_ not in ("who", "whom"):
        return None
    i = who.i - 1
    if i >= 0 and ctx.doc[i].text == ",":
        i -= 1
    ent = ctx.entity_of(ctx.doc[i]) if i >= 0 and i not in ctx.quoted else None
    return ent.root if ent is not None and ent.label_ == "PERSON" and ent.end == i + 1 else None


def speaker(ctx: QuoteContext, t: Token, method: str, last: LastSpeaker) -> dict[str, Any]:
    """The speaker record for token `t` found by `method` (`last`: the previous quotation's
    speaker, which pronouns and documents may continue)."""
    if method == "relative":
        # "Lionel Sosa, ..., who said": the relative pronoun refers, the antecedent names
        head = _person_before_who(ctx, t) or (t.head.head if t.head.dep_ == "relcl" else t.head)
        ref = speaker(ctx, head, "explicit", last)
        return dict(ref, mention={"text": t.text, "start": t.idx, "end": t.idx + len(t.text)},
                    method="relative")
    whose = next((c for c in t.children if c.lower_ == "whose" and c.dep_ == "poss"), None)
    if whose is not None and t.head.dep_ == "relcl" and t.head.head.i < t.i:
        # "President William Ruto, whose government has called it a “stab in the back”"
        ref = speaker(ctx, t.head.head, "explicit", last)
        return dict(ref, mention={"text": ctx.text[whose.idx:t.idx + len(t.text)], "start": whose.idx,
                                  "end": t.idx + len(t.text)}, method="relative")
    single = _single_speaker(ctx, t, method, last)
    joint = _conjuncts(ctx, t, single)
    if joint and t.pos_ == "NOUN" and all(c.pos_ == "NOUN" for c in joint):
        # "former astronaut and Navy captain, Sen. Jane Roe": one person's coordinated roles
        end = ctx.doc[max(c.right_edge.i for c in joint)]
        appos = apposed_name(ctx, ctx.doc[t.left_edge.i:end.i + 1])
        if appos is not None:
            name, actor_id = resolve_name(ctx, appos)
            return dict(single, name=name, actor_id=actor_id)
    return _joint_speaker(ctx, single, joint) if joint else single


def _single_speaker(ctx: QuoteContext, t: Token, method: str, last: LastSpeaker) -> dict[str, Any]:
    """The speaker record of the phrase headed by `t` alone (its mention, how it refers, its name)."""
    span, kind = mention_span(ctx, t)
    mention = {"text": span.text, "start": span.start_char, "end": span.end_char}
    if method == "explicit" and kind != "explicit":
        method = kind
    name, actor_id = None, None
    if kind == "explicit":
        name, actor_id = resolve_name(ctx, span)
    else:
        found = pronoun_referent(ctx, span, last) if kind == "pronoun" else resolve_nominal(ctx, span, last)
        if found is not None:
            name, actor_id = found
    if name is None:
        name = span.text
    return {"name": name, "actor_id": actor_id, "mention": mention, "method": method}


def _conjuncts(ctx: QuoteContext, t: Token, single: dict[str, Any]) -> list[Token]:
    """The heads joined to speaker head `t` by "and" ("Xi and Lukashenko said", "Amnesty
    International and partners said"), outside quotations; none for a pronoun."""
    if single["method"] == "pronoun" or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in t.children):
        return []
    out: list[Token] = []
    c: Token | None = next((c for c in t.children if c.dep_ == "conj"), None)
    while c is not None and c.i not in ctx.quoted and c.pos_ in ("PROPN", "NOUN") and len(out) < 4:
        out.append(c)
        c = next((g for g in c.children if g.dep_ == "conj"), None)
    return out


def _joint_speaker(ctx: QuoteContext, single: dict[str, Any], joint: list[Token]) -> dict[str, Any]:
    """A group speaker: the first member's record, its name joined with the others' as written
    ("Amnesty International and partners") and its actor linked; the mention spans them all."""
    parts = [single["name"]]
    for c in joint:
        e = ctx.entity_of(c)
        if e is not None and e.label_ in ("PERSON", "ORG"):
            parts.append(resolve_name(ctx, e)[0])
        else:
            parts.append(e.text if e is not None else ctx.doc[c.left_edge.i:c.i + 1].text)
    last_tok = ctx.doc[max(c.right_edge.i for c in joint)]
    start = min(single["mention"]["start"], min(ctx.doc[c.left_edge.i].idx for c in joint))
    end = max(single["mention"]["end"], last_tok.idx + len(last_tok.text))
    return dict(single, name=", ".join(parts[:-1]) + " and " + parts[-1],
                mention={"text": ctx.text[start:end], "start": start, "end": end})
