"""Nominal speakers ("the spokesman", "the rights group", "the statement") resolved to a name,
always backwards: a document or channel noun goes to speakers_document.py, an institution noun to
the last compatible named organisation (never a PERSON), a name set off right after the phrase
("The governor of Darfur, Minni Arko Minnawi,") names it, and a definite role noun standing for one
person ("the head of state") goes to speakers_role.py. Indefinite and plural descriptions ("a
resident of Kherson", "the officials") keep their own words.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Span, Token

from .context import QuoteContext
from .cues import is_cue
from .grammar import words
from .regions import name_ending_at, title_words_before
from .resolve import actor_at, resolve_name
from .speakers_document import resolve_document
from .speakers_role import earlier_role_use, is_indefinite, is_person_role, resolve_role


def _set_off_end(ctx: QuoteContext, e: Span) -> bool:
    """Does a name end its apposition: a comma, the end of the sentence or of the text after it?"""
    doc = ctx.doc
    return e.end >= len(doc) or doc[e.end].text in (",", ".", ";", "!", "?") or "\n" in doc[e.end].text


def apposed_name(ctx: QuoteContext, span: Span) -> Span | None:
    """A PERSON set off by commas right after a nominal ('the governor of X, NAME,', 'the
    commander of X, Maj. NAME,', 'according to the former astronaut, Sen. NAME.': a comma, at
    most three title words, the name, then a comma or the end of the sentence)."""
    i = bisect.bisect_left(ctx.ent_starts, span.end_char)
    for e in ctx.ents[i:i + 3]:
        gap = ctx.doc[span.end:e.start]
        if len(gap) > 5 or any(t.pos_ in ("VERB", "AUX") or t.i in ctx.quoted for t in gap):
            break
        comma = next((k for k, t in enumerate(gap) if t.text == ","), None)
        titles = gap[comma + 1:] if comma is not None else gap
        if e.label_ == "PERSON" and comma is not None and len(titles) <= 3 \
                and all(t.text == "." or t.is_title for t in titles) and _set_off_end(ctx, e):
            return e
    return _untagged_apposed_name(ctx, span)


def _untagged_apposed_name(ctx: QuoteContext, span: Span) -> Span | None:
    """The name the tagger missed after a nominal's comma (", Sen. Jane Roe."): at most three
    title words, then two to four capitalised proper nouns outside any entity, set off at the end."""
    doc = ctx.doc
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    while j < len(doc) and j - i <= 4 and doc[j].pos_ == "PROPN" and (
            doc[j + 1: j + 2].text == "." or doc[j].text.endswith(".")):
        j += 2 if doc[j + 1: j + 2].text == "." else 1  # "Sen." / "Sen ."
    k = j
    while k < len(doc) and k - j < 4 and doc[k].pos_ == "PROPN" and doc[k].is_title and not doc[k].ent_type_ \
            and k not in ctx.quoted:
        k += 1
    if k - j < 2:
        return None
    name = doc[j:k]
    return name if _set_off_end(ctx, name) else None


def named_subject_before(ctx: QuoteContext, span: Span) -> Span | None:
    """The name (title case, not a person) that is the subject of a speech verb earlier in the
    nominal's own paragraph: the group the nominal stands for, even when the tagger missed it."""
    for t in title_words_before(ctx, span):
        if t.dep_ != "nsubj" or t.ent_type_ == "PERSON" or not is_cue(t.head, ctx.lex.speech) \
                or t.lower_ in ctx.lex.speaker_nouns:
            continue
        name = name_ending_at(ctx, t)
        if len(name) > 1 or t.ent_type_ == "ORG":
            return name
    return None


def resolve_org(ctx: QuoteContext, span: Span, compatible: frozenset[str]) -> tuple[str, str | None] | None:
    """"the rights group" -> the nearest preceding named organisation (ORG entity) that shares a
    word with the phrase, else the nearest one whose name fits the noun (`compatible`). A phrase
    that names itself ("the Israeli army") and a PERSON are never resolved this way."""
    if any(t.ent_type_ or t.pos_ == "PROPN" for t in span[:span.root.i - span.start]):
        return None
    ws = words(span.text)
    i = bisect.bisect_left(ctx.ent_starts, span.start_char) - 1
    limit = span.start_char - 3000
    fallback: Span | None = None
    seen = 0
    while i >= 0 and ctx.ent_starts[i] >= limit and seen < 10:
        e = ctx.ents[i]
        i -= 1
        if e.label_ != "ORG" or e.start in ctx.quoted or e.end > span.start:
            continue
        seen += 1
        ewords = words(e.text)
        if ws & ewords:
            return resolve_name(ctx, e)
        if fallback is None and ("*" in compatible or ewords & compatible):
            fallback = e
    untagged = _untagged_org_name(ctx, span, limit)
    if untagged is not None:
        return untagged
    fuller = fuller_mention(ctx, span)
    if fuller is not None:
        return fuller
    return resolve_name(ctx, fallback) if fallback is not None else None


#: how far back (tokens) "the agency" looks for its fuller mention ("the UN's nuclear agency")
_FULLER_REACH = 400


def fuller_mention(ctx: QuoteContext, span: Span) -> tuple[str, str | None] | None:
    """"The UN's nuclear agency said ... the agency said", "the ministry of energy said ... the
    ministry said": the nearest earlier phrase with the same head noun that says more (a
    possessor, modifiers or an "of" phrase) names the institution, as written (without its
    article), linked to the actor of an organisation or place named in it."""
    doc = ctx.doc
    head = span.root.lemma_.lower()
    plural = span.root.tag_ in ("NNS", "NNPS")
    if plural or span[0].lower_ not in ("the", "this"):
        return None  # only "the agency" refers back to one institution
    for i in range(span.start - 1, max(-1, span.start - _FULLER_REACH), -1):
        t = doc[i]
        if t.lemma_.lower() != head or i in ctx.quoted or t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ \
                or t.tag_ in ("NNS", "NNPS"):
            continue  # ("Rights groups" are not "the group")
        start = min([i] + [c.left_edge.i for c in t.children
                           if c.i < i and c.dep_ in ("poss", "compound", "amod", "nmod")])
        end = max([i] + [c.right_edge.i for c in t.children if c.i > i and c.dep_ == "prep"
                         and c.lower_ == "of" and c.right_edge.i - i <= 6]) + 1
        if any(j in ctx.quoted for j in range(start, end)):
            return None
        if start == i and end == i + 1:
            return None  # the last mention says no more: it does not name the institution
        while start < i and doc[start].pos_ == "DET":
            start += 1  # "The UN's nuclear agency" -> "UN's nuclear agency"
        phrase = doc[start:end]
        actor = next((a for a in (actor_at(ctx, e.start_char, e.end_char) for e in phrase.ents
                                  if e.label_ in ("ORG", "GPE", "NORP")) if a is not None), None)
        return phrase.text, actor.get("id") if actor is not None else None
    return None


def _untagged_org_name(ctx: QuoteContext, span: Span, limit: int) -> tuple[str, str | None] | None:
    """"The Ukrainian Foreign Ministry has called ... the ministry said": the nearest earlier run of
    capitalised words ending in the nominal's own head word ("Ministry"), which the tagger did not
    call an organisation; at least two words besides a leading "The"."""
    doc = ctx.doc
    head = span.root.lower_
    for i in range(span.start - 1, -1, -1):
        t = doc[i]
        if t.idx < limit:
            break
        if t.lower_ != head or not t.is_title or i in ctx.quoted:
            continue
        start = i
        while start > 0 and doc[start - 1].is_title and start - 1 not in ctx.quoted \
                and doc[start - 1].ent_type_ not in ("PERSON", "DATE", "TIME"):
            start -= 1
        if doc[start].lower_ == "the":
            start += 1
        if i - start >= 1:
            name = doc[start:i + 1]
            actor = actor_at(ctx, name.start_char, name.end_char)
            return name.text, actor.get("id") if actor is not None else None
    return None


def _issuer_name(ctx: QuoteContext, tok: Token,
                 last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """The name of a document's issuer token: an entity or proper noun by its name, a nominal
    ("the ministry said in a statement") resolved in turn, else its own words; a pronoun: None."""
    e = ctx.entity_of(tok)
    if e is not None and e.label_ in ("PERSON", "ORG", "NORP", "GPE"):
        return resolve_name(ctx, e)
    if tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper):
        return resolve_name(ctx, name_ending_at(ctx, tok))
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in ctx.lex.document_nouns:
        return None
    start = min([tok.i] + [c.left_edge.i for c in tok.children
                           if c.i < tok.i and c.dep_ in ("det", "compound", "amod", "poss", "nmod")])
    end = max([tok.i] + [c.right_edge.i for c in tok.children if c.i > tok.i and c.dep_ == "prep"
                         and c.lower_ == "of" and c.right_edge.i - tok.i <= 6]) + 1
    phrase = ctx.doc[start:end]
    return resolve_nominal(ctx, phrase, last) or (phrase.text, None)


def _named_members(ctx: QuoteContext, span: Span) -> tuple[str, str | None] | None:
    """"the authors" after "Mark Roe, a co-author of the report": a definite plural role keeps its
    words and is linked to the person named earlier with that role; anything else: None."""
    root = span.root
    if root.tag_ not in ("NNS", "NNPS") or span[0].lower_ not in ("the", "these", "those") \
            or root.lemma_.lower() not in ctx.lex.person_roles:
        return None
    found = earlier_role_use(ctx, span)
    return (span.text, found[1]) if found is not None and found[1] is not None else None


def resolve_nominal(ctx: QuoteContext, span: Span,
                    last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """"the statement" -> whoever issued it; "the group/the military" -> the last compatible
    named organisation; "the spokesman" -> the person who holds that role (speakers_role.py).
    Always backwards: a nominal never refers to a name further on."""
    res = ctx.lex
    head = span.root.lower_
    lemma = span.root.lemma_.lower()
    if lemma in res.document_nouns or head in res.document_nouns:
        return resolve_document(ctx, span, last, lambda tok: _issuer_name(ctx, tok, last))
    if lemma in res.org_nominals or head in res.org_nominals:
        subject = named_subject_before(ctx, span)  # "Relief International ... said. '...,' the aid group said"
        if subject is not None:
            return subject.text, None
        return resolve_org(ctx, span, res.org_nominals.get(lemma) or res.org_nominals[head])
    appos = apposed_name(ctx, span)
    if appos is not None:  # "The governor of Darfur, Minni Arko Minnawi, accused ..."
        return resolve_name(ctx, appos)
    if is_indefinite(span) or not is_person_role(ctx, span.root):
        return _named_members(ctx, span)  # "a resident of Kherson", "the officials": as written
    return resolve_role(ctx, span, last)
