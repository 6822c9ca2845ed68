"""Pronoun speakers ("he said", "they said") resolved to a name, always backwards: "he/she"
continues the last quoted person unless another person was named in the pronoun's paragraph
since; otherwise he/she -> a preceding PERSON, they/it/we -> a preceding ORG, preferring the
subject of a speech verb; with no name at all, the unnamed speaker described just before.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Span, Token

from .context import QuoteContext
from .cues import is_cue
from .grammar import PRONOUNS_PERSON, words
from .regions import name_ending_at, title_words_before
from .resolve import is_person_name, resolve_name
from .speakers_role import person_like, speaker_named_next

#: the singular third-person pronouns that stand for one person, possessives included ("his
#: view that ...", "her call for ...", which name the speaker of a partial quotation)
_ONE_PERSON = frozenset({"he", "she", "his", "her", "him"})


def _pronoun_gender(pron: Token) -> str | None:
    """"m" for he/him, "f" for she/her, None for any other pronoun."""
    return {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(pron.lower_)


def gender_of(ctx: QuoteContext, name: str, ent: Span | None = None) -> str | None:
    """What the article tells of a person's gender: a pronoun already resolved to them, an
    honorific or gendered word among their actor's titles ("Ms", "spokesman"), right before the
    name ("Mrs Kovacs") or in an apposition after it ("Kovacs, the wife of ..."); None when it
    tells nothing."""
    if name in ctx.genders:
        return ctx.genders[name]
    found = {ctx.lex.gendered.get(w.lower().rstrip(".")) for a in ctx.actors if a.get("name") == name
             for title in a.get("titles") or [] for w in title.split()} - {None}
    if ent is not None:
        doc = ctx.doc
        near = [doc[ent.start]] + ([doc[ent.start - 1]] if ent.start > 0 else [])  # "Mrs Kovacs"
        if ent.end + 2 < len(doc) and doc[ent.end].text == "," \
                and doc[ent.end + 1].lower_ in ("the", "a", "his", "her"):
            near += list(doc[ent.end + 2:min(len(doc), ent.end + 5)])  # "Kovacs, the wife of ..."
        found |= {ctx.lex.gendered.get(t.lower_.rstrip(".")) for t in near} - {None}
    return found.pop() if len(found) == 1 else None


def _agrees(ctx: QuoteContext, pron: Token, name: str, ent: Span | None = None) -> bool:
    """Can he/she stand for this person (no evidence of the other gender)?"""
    want = _pronoun_gender(pron)
    known = gender_of(ctx, name, ent) if want else None
    return known is None or known == want


def _a_person(ctx: QuoteContext, name: str) -> bool:
    """Is a speaker name a person's: a PERSON name, a run of capitalised words shaped like a
    person's name (the tagger may have called "Volodymyr Zelenskiy" an organisation), or a
    description headed by a person's role ("the former governor") or naming one after a role
    ("the Russian Patriarch Kirill", "Minister of Foreign Affairs of Lithuania Gabrielius
    Landsbergis")?"""
    if is_person_name(ctx, name) or person_like(ctx, name):
        return True
    low = name.lower().split()
    return bool(low) and (low[-1] in ctx.lex.person_roles or (any(w in ctx.lex.person_roles for w in low[:-1])
                                                               and name.split()[-1][:1].isupper()))


def _subject(t: Token) -> bool:
    """Is `t` (the head of a name) a clause subject, joined to one ("Varadkar and Zelensky met") or
    set off as the name of one ("The Nato chief, Jens Stoltenberg, said", "says the defence
    minister, Christine Lambrecht")?"""
    return t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ in ("conj", "appos") and t.head.dep_ in ("nsubj", "nsubjpass"))


def other_person_before(ctx: QuoteContext, pron: Span, name: str) -> Span | None:
    """A different person named earlier in the pronoun's own paragraph, outside quotes, as the
    subject of a clause (a PERSON, or a proper noun subject of a speech verb: "Zelenskyy, speaking
    in Pretoria, said ... '...,' he said"): the pronoun refers to them, not to the last quoted
    person. A person named as an object ("He also informed Mr Varadkar ...") does not take over."""
    ws = words(name)
    nouns = ctx.lex.speaker_nouns
    for t in title_words_before(ctx, pron):
        # the tagger may call an unknown surname a common noun ("Zelenskyy, speaking ..., said")
        name_like = t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.lower_ not in nouns
                                           and t.lemma_.lower() not in nouns)
        ent = ctx.entity_of(t)
        if ent is not None and ent.label_ == "PERSON" and ent.root.i != t.i and _subject(ent.root):
            t = ent.root  # a name whose head word is not capitalised ("Ban Ki-moon")
        if (t.ent_type_ == "PERSON" and _subject(t)) or (name_like and t.dep_ == "nsubj"
                                                        and is_cue(t.head, ctx.lex.speech) and not t.ent_type_):
            span = ent if ent is not None and ent.label_ == "PERSON" else name_ending_at(ctx, t)
            if not words(span.text) & ws and _agrees(ctx, pron[0], span.text, ctx.entity_of(t)):
                return span
    return None


def _described_speaker(ctx: QuoteContext, pron: Token) -> str | None:
    """"A township spokesman said ... '...,' he said": with no name to refer to, the pronoun
    stands for the unnamed speaker described just before (the subject of a speech verb in
    its own or the two previous sentences)."""
    person = pron.lower_ in PRONOUNS_PERSON
    doc = ctx.doc
    sents = []
    sent = pron.sent
    for _ in range(3):
        sents.append(sent)
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    for sent in sents:
        for t in reversed(sent):
            if t.i >= pron.i or t.pos_ != "NOUN" or t.i in ctx.quoted or t.ent_type_:
                continue
            according = t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.i > 0 \
                and doc[t.head.i - 1].lower_ == "according"
            if not according and not (t.dep_ == "nsubj" and is_cue(t.head, ctx.lex.speech)):
                continue
            low = t.lemma_.lower()
            if low in ctx.lex.document_nouns or (person and low in ctx.lex.org_nominals):
                continue
            left = t.left_edge.i
            if t.i - left > 7:
                left = t.i - 7
            return doc[left:t.i + 1].text
    return None


def _person_by_role(ctx: QuoteContext, e: Span) -> bool:
    """A person the tagger called an organisation, set off as the name of a person's role ("The
    Ukrainian president, Volodymyr Zelenskiy,")."""
    head = e.root.head
    return e.label_ == "ORG" and e.root.dep_ == "appos" and head.lemma_.lower() in ctx.lex.person_roles \
        and person_like(ctx, e.text)


def _salient_entity(ctx: QuoteContext, pron: Token) -> Span | None:
    """The preceding entity of the pronoun's type (PERSON for he/she, else ORG or a place that is
    a clause subject), among the last 12
    within 2,500 chars: a name earlier in its own sentence, else the nearest subject of a speech
    verb, else the nearest subject, else the nearest mention (salience by grammatical role, in
    the spirit of Lappin & Leass 1994)."""
    want = "PERSON" if pron.lower_ in PRONOUNS_PERSON or pron.lower_ in _ONE_PERSON else "ORG"
    i = bisect.bisect_left(ctx.ent_starts, pron.idx) - 1
    limit = pron.idx - 2500
    nearest: Span | None = None
    subject: Span | None = None
    seen = 0
    while i >= 0 and ctx.ent_starts[i] >= limit and seen < 12:
        e = ctx.ents[i]
        i -= 1
        # a country or city acting as the subject of a clause ("Beijing has denied ... it has
        # accused") is an actor that "it"/"they" can stand for, like an organisation
        # (never a capitalised dateline: "WASHINGTON — ... it said")
        metonym = want == "ORG" and e.label_ in ("GPE", "NORP") and e.root.dep_ in ("nsubj", "nsubjpass") \
            and not e.text.isupper()
        if (e.label_ != want and not metonym and not (want == "PERSON" and _person_by_role(ctx, e))) \
                or e.end > pron.i or e.start in ctx.quoted:
            continue
        if want == "PERSON" and not _agrees(ctx, pron, resolve_name(ctx, e)[0], e):
            continue  # "she" is not the man named just before
        seen += 1
        if nearest is None:
            nearest = e
            if e.sent.start == pron.sent.start:
                return e  # a name earlier in the pronoun's own sentence
        root = e.root
        if subject is not None and ctx.para_index(e.start_char) < ctx.para_index(subject.start_char):
            break  # a speaker paragraphs back does not outrank the subject of the last paragraph that has one
        if _subject(root):
            clause = root.head if root.dep_ in ("nsubj", "nsubjpass") else root.head.head
            if "nsubj" in (root.dep_, root.head.dep_) and is_cue(clause, ctx.lex.speech):
                return e  # (not "X was accused of ...": the one spoken about)
            if subject is None:
                subject = e
    return subject or nearest


def _coordinated_antecedent(ctx: QuoteContext, pron: Token) -> tuple[str, str | None] | None:
    """"China and Belarus ... would bolster their cooperation. They also pledged ...": for they/we,
    names joined by "and" as the subject of a clause in the pronoun's sentence or the one before,
    as one group (the names joined, the first one's actor)."""
    if pron.lower_ not in ("they", "we"):
        return None
    doc = ctx.doc
    start = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else pron.sent.start
    for t in reversed(doc[start:pron.i]):
        if t.dep_ not in ("nsubj", "nsubjpass") or t.i in ctx.quoted:
            continue
        head_ent = ctx.entity_of(t)
        conj = [c for c in t.children if c.dep_ == "conj" and ctx.entity_of(c) is not None]
        if head_ent is None or not conj or not any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children):
            continue
        names = [resolve_name(ctx, e) for e in [head_ent, *(ctx.entity_of(c) for c in conj)] if e is not None]
        return " and ".join(n for n, _ in names), names[0][1]
    return None


def resolve_pronoun(ctx: QuoteContext, pron: Token,
                    last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """they/we -> names joined by "and" as a subject just before; he/she -> a preceding PERSON,
    they/it/we -> a preceding ORG (`_salient_entity`); with none, the last speaker, else the
    unnamed speaker described just before; he/she with nobody named before it at all, the first
    person who speaks in its own or the next paragraph."""
    group = _coordinated_antecedent(ctx, pron)
    if group is not None:
        return group
    best = _salient_entity(ctx, pron)
    if best is not None:
        return resolve_name(ctx, best)
    if last is not None and (pron.lower_ not in _ONE_PERSON
                             or bool(last[0].get("name")) and _a_person(ctx, last[0]["name"])):
        return last[0]["name"], last[0].get("actor_id")  # (never "he" for the crowd quoted last)
    described = _described_speaker(ctx, pron)
    if described is not None:
        return described, None
    before = ctx.ents[:bisect.bisect_left(ctx.ent_starts, pron.idx)]
    if pron.lower_ in _ONE_PERSON and not any(e.label_ == "PERSON" for e in before):
        # a story that starts mid-speech ("He added that ...") with nobody named before the pronoun
        return speaker_named_next(ctx, pron.doc[pron.i:pron.i + 1])
    return None


def _group_goes_on(ctx: QuoteContext, pron: Span, last: tuple[dict[str, Any], int]) -> bool:
    """Does "it"/"they" continue the last speaker: an organisation, a group or a document's issuer
    (not a person) quoted in the same or the previous paragraph, with no other organisation, place
    or group named as a clause subject in between?"""
    name = last[0].get("name")
    mention = last[0].get("mention") or {}
    if not name or _a_person(ctx, name) or ctx.para_index(pron.start_char) - last[1] > 1 \
            or not isinstance(mention.get("end"), int) or mention["end"] > pron.start_char:
        return False
    lo = bisect.bisect_left(ctx.ent_starts, mention["end"])
    hi = bisect.bisect_left(ctx.ent_starts, pron.start_char)
    return not any(e.label_ in ("ORG", "GPE", "NORP") and e.start not in ctx.quoted
                   and any(t.dep_ in ("nsubj", "nsubjpass") for t in e) for e in ctx.ents[lo:hi])


def pronoun_referent(ctx: QuoteContext, span: Span,
                     last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """(name, actor id) a pronoun mention refers to. "he said" continues the last quoted person
    (same or previous paragraph) unless a different person was named as a subject in the
    pronoun's paragraph before it (then that person) or the article shows them to be a woman;
    otherwise `resolve_pronoun`. What he/she resolved to is remembered as that person's gender."""
    ref = None
    if last is not None and span[0].lower_ in _ONE_PERSON and last[0].get("name"):
        other = other_person_before(ctx, span, last[0]["name"])
        if other is not None:
            ref = resolve_name(ctx, other)
        elif last[0].get("method") != "pronoun_org" and ctx.para_index(span.start_char) - last[1] <= 1 \
                and _a_person(ctx, last[0]["name"]) and _agrees(ctx, span[0], last[0]["name"]):
            ref = last[0]["name"], last[0].get("actor_id")  # "he said" continues the last quoted person
    elif last is not None and span[0].lower_ in ("it", "they") and _group_goes_on(ctx, span, last):
        ref = last[0]["name"], last[0].get("actor_id")  # "the ministry said ... It added"
    if ref is None:
        ref = resolve_pronoun(ctx, span[0], last)
    gender = _pronoun_gender(span[0])
    if ref is not None and gender is not None and ref[0] not in ctx.genders:
        ctx.genders[ref[0]] = gender  # later pronouns must agree with this one
    return ref
