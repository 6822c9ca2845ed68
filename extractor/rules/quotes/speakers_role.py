"""Role nominals that stand for one person ("the head of state", "the Belarusian leader", "the US
President", "the founder of Tinkoff Bank", "the official") resolved backwards, like a pronoun but
with the role as evidence:

1. the nearest earlier use of the role word decides first: next to a person's name ("Kremlin
   spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman") it is that person; in an indefinite
   description ("a senior defence official said") the nominal goes on with that description;
2. else the person whose titles carry the role word or the phrase's modifiers ("US leader Joe Biden"
   for "the US President"), never one whose nationality contradicts them;
3. else the person quoted last in the same or the two previous paragraphs, or quoted last further
   back and named again in the nominal's paragraph or the three before it;
4. else the most salient person named before it (a speech verb's subject first);
5. with nobody named before it at all (a lead, a story that starts mid-speech), the first person
   who speaks in its own or the next paragraph.

An indefinite nominal ("a resident of Kherson", "a senior official") introduces someone new and
keeps its description; so does a plural one ("the officials"): this module is not asked.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from .context import QuoteContext
from .cues import is_cue
from .grammar import AGENT_SUFFIXES, INDEFINITE, is_age_noun, words
from .resolve import resolve_name

#: words that put a role in the past ("the former president", "the then-minister")
_FORMER = frozenset({"former", "ex", "then", "erstwhile", "late"})
#: how far back (characters) a role nominal looks for the person it stands for
_REACH = 4000
#: the agent suffixes that name a person (not "-ent"/"-ant", which also make "government")
_PERSON_SUFFIXES = tuple(s for s in AGENT_SUFFIXES if s in ("er", "or", "ist", "ian", "man", "woman", "person"))


@dataclass
class _Candidate:
    """A person named before the nominal: canonical name, actor id, their descriptive words
    (titles and the words set before their name), and where they were last named."""

    name: str
    actor_id: str | None
    ent: Span
    described: set[str] = field(default_factory=set)

    @property
    def last(self) -> int:
        """Where the candidate was last named (character offset)."""
        return self.ent.start_char


def is_person_role(ctx: QuoteContext, head: Token) -> bool:
    """Is `head` a singular noun naming one person's role ("president", "warlord", "founder")?"""
    low, lemma = head.lower_, head.lemma_.lower()
    if head.tag_ in ("NNS", "NNPS"):
        return False
    lex = ctx.lex
    if low in lex.document_nouns or lemma in lex.document_nouns or low in lex.org_nominals:
        return False
    if low in lex.person_roles or lemma in lex.person_roles or (low == "old" and is_age_noun(head)):
        return True  # (an age, "the 46-year-old", stands for one person)
    return head.pos_ == "NOUN" and head.is_lower and low.endswith(_PERSON_SUFFIXES) and low not in lex.speaker_nouns


def is_indefinite(span: Span) -> bool:
    """Does the nominal introduce someone ("a resident", "one official") rather than refer back?"""
    first = span[0].lower_
    return first in INDEFINITE or (span.root.tag_ in ("NNS", "NNPS") and first not in ("the", "these", "those"))


def _nation(ctx: QuoteContext, word: str) -> str | None:
    """The country code a word names ("belarusian" -> BY, "us" -> US), if the lexicon knows it."""
    return ctx.lex.nations.get(word.lower().replace("\u2019s", "").replace("'s", ""))


def _same_word(ctx: QuoteContext, a: str, b: str) -> bool:
    """Do two descriptive words agree: equal, the same country ("US"/"American"), or one the
    stem of the other ("Belarus"/"Belarusian", "Ukraine"/"Ukrainian")?"""
    if a == b:
        return True
    na, nb = _nation(ctx, a), _nation(ctx, b)
    if na is not None and nb is not None:
        return na == nb
    n = min(len(a), len(b))
    return n >= 4 and a[:max(4, n - 2)] == b[:max(4, n - 2)]


def _modifiers(span: Span) -> set[str]:
    """The descriptive words of the nominal besides its role word ("Belarusian", "US", "Tinkoff")."""
    head = span.root
    out = set()
    for t in span:
        if t.i == head.i or t.pos_ in ("DET", "ADP", "PUNCT", "PART", "NUM") or t.is_stop and t.is_lower:
            continue
        out |= words(t.text.replace(".", ""))
    return out


def _title_words(ctx: QuoteContext, text: str) -> set[str]:
    """The content words of a title, abbreviations spelled out ("Gov." -> "governor")."""
    return {ctx.lex.title_abbreviations.get(w, w) for w in words(text.replace(".", " "))}


def _described_words(ctx: QuoteContext, e: Span) -> set[str]:
    """The words set right before a name ("Russian President Vladimir Putin"), or before the first
    of the names it is listed with ("hosts Jane Roe and Mary Moe": "hosts" for both)."""
    out: set[str] = set()
    i = e.start - 1
    while i >= 0 and e.start - i <= 5 and i not in ctx.quoted:
        t = ctx.doc[i]
        abbreviated = t.text == "." and i > 0 and ctx.doc[i - 1].lower_ in ctx.lex.title_abbreviations
        if (t.is_punct and not abbreviated) or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") \
                or (ctx.entity_of(t) is not None and ctx.entity_of(t).label_ == "PERSON"):
            break
        out |= _title_words(ctx, t.text)
        i -= 1
    root = e.root
    if not out and root.dep_ == "conj" and root.head.i < e.start:  # "hosts Jane Roe and Mary Moe"
        first = ctx.entity_of(root.head)
        if first is not None and first.label_ == e.label_ and first.start < e.start:
            return _described_words(ctx, first)
    return out


def _candidates(ctx: QuoteContext, span: Span) -> list[_Candidate]:
    """The persons named (outside quotes) before the nominal within reach, most recent first: PERSON
    names, and names of another label introduced by a personal title ("Belarusian President
    Aleksandr Lukashenko" tagged as an organisation)."""
    by_name: dict[str, _Candidate] = {}
    i = bisect.bisect_left(ctx.ent_starts, span.start_char) - 1
    while i >= 0 and ctx.ent_starts[i] >= span.start_char - _REACH:
        e = ctx.ents[i]
        i -= 1
        if e.start in ctx.quoted or e.end > span.start:
            continue
        described = _described_words(ctx, e)
        if e.label_ != "PERSON" and not (e.label_ == "ORG" and described & ctx.lex.person_roles):
            continue
        name, actor_id = resolve_name(ctx, e)
        cand = by_name.setdefault(name, _Candidate(name, actor_id, e))
        cand.described |= described
    titles = {a.get("id"): a.get("titles") or [] for a in ctx.actors}
    for cand in by_name.values():
        for title in titles.get(cand.actor_id, []):
            cand.described |= _title_words(ctx, title)
    return sorted(by_name.values(), key=lambda c: -c.last)


def person_like(ctx: QuoteContext, name: str) -> bool:
    """Can a speaker name stand for a person: a PERSON name, or two to four capitalised words of
    which none is an institution word or a nationality ("Aleksandr Lukashenko" tagged as an
    organisation, not "European Union" or "Australian National University")?"""
    if name in ctx.person_names:
        return True
    parts = name.split()
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() for p in parts) \
        and not any(p.lower() in ctx.lex.speaker_nouns or p.lower() in ctx.lex.org_nominals
                    or _nation(ctx, p) is not None for p in parts)


def _contradicts(ctx: QuoteContext, mods: set[str], cand: _Candidate) -> bool:
    """Do the nominal's nationality words and the candidate's disagree ("US" vs "Russian")?"""
    ours = {_nation(ctx, m) for m in mods} - {None}
    theirs = {_nation(ctx, w) for w in cand.described} - {None}
    return bool(ours and theirs and not ours & theirs)


def is_former(span: Span) -> bool:
    """Does the nominal name a role its holder no longer has ("the former president", "the
    ex-minister")?"""
    return _past(span[:span.root.i - span.start + 1])


def _past(tokens: Span | list[Token]) -> bool:
    """Is one of these words one that puts a role in the past ("former", "ex-")?"""
    return any(t.lower_ in _FORMER or t.lower_.startswith("ex-") for t in tokens)


def _holds_now(cand: _Candidate, head: str, low: str) -> bool:
    """Is the candidate described as holding the role now (the role word, without "former")?"""
    return (head in cand.described or low in cand.described) and not cand.described & _FORMER


def _office_clash(ctx: QuoteContext, span: Span, cand: _Candidate) -> bool:
    """Is the candidate introduced in another office than the nominal's ("the president" and
    "Foreign Minister X")? Only specific offices clash; "the leader" fits any of them but the
    offices held for someone else ("spokeswoman", "aide", "envoy")."""
    offices = ctx.lex.office_titles
    head = {span.root.lemma_.lower(), span.root.lower_}
    if head & ctx.lex.leader_nouns and not head & cand.described and cand.described & ctx.lex.staff_titles:
        return True  # "the Russian leader" is not the one introduced as "Russia's spokeswoman X"
    if cand.described & ctx.lex.media_roles and not head & (ctx.lex.media_roles | cand.described):
        return True  # "the mayor" is not the one introduced as "radio host X"
    return bool(head & offices) and not head & cand.described and bool(cand.described & offices)


def _possessor_words(ctx: QuoteContext, span: Span) -> set[str] | None:
    """The words of the person who possesses the role ("Jane Roe's chief of staff": {"jane", "roe"}),
    or None: the role is someone else's, so the possessor is not its holder."""
    for c in span.root.children:
        ent = ctx.entity_of(c) if c.dep_ == "poss" else None
        if ent is not None and ent.label_ == "PERSON":  # (a country's president is its own: not here)
            return set(words(ent.text))
    return None


def _by_titles(ctx: QuoteContext, span: Span, cands: list[_Candidate]) -> _Candidate | None:
    """The candidate whose descriptive words share the role word or a modifier (the most
    matches, then the most recent); candidates of another nationality never, nor the one who
    holds the role now when the nominal says "former" ("the former Russian president" is not
    "Russian President X")."""
    head = span.root.lemma_.lower()
    mods = _modifiers(span)
    former = is_former(span)
    best: tuple[int, _Candidate] | None = None
    for cand in cands:
        if _contradicts(ctx, mods, cand) or (_holds_now(cand, head, span.root.lower_) if former
                                             else _office_clash(ctx, span, cand)):
            continue
        score = 2 * (head in cand.described or span.root.lower_ in cand.described)
        score += sum(any(_same_word(ctx, m, w) for w in cand.described) for m in mods)
        if score > 0 and (best is None or score > best[0]):
            best = (score, cand)
    return best[1] if best is not None else None


def earlier_role_use(ctx: QuoteContext, span: Span) -> tuple[str, str | None] | None:
    """The nearest earlier use of the role word (outside quotes): the person named right next to
    it ("Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman"), or the indefinite
    description it came in ("a senior defence official said ..."), whose text is returned."""
    head = span.root.lemma_.lower()
    doc = ctx.doc
    former = is_former(span)
    for i in range(span.start - 1, max(-1, span.start - 600), -1):
        t = doc[i]
        if t.lemma_.lower() != head or i in ctx.quoted or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if former != _past(doc[max(0, i - 3):i]):
            continue  # "the former president" is not the one named "President X" (nor the reverse)
        if t.dep_ == "appos" and t.head.i < i:  # "Mark Roe, a co-author of the report,"
            e = ctx.entity_of(t.head)
            if e is not None and e.label_ == "PERSON":
                return resolve_name(ctx, e)
        for j in (i + 1, i + 2, i - 1, i - 2, i - 3, i - 4):
            e = ctx.entity_of(doc[j]) if 0 <= j < span.start else None
            if e is not None and e.label_ == "PERSON" and e.end <= span.start:
                between = doc[min(e.end, i + 1):max(e.start, i)]
                if all(b.is_punct or b.pos_ in ("DET", "PROPN", "NOUN", "ADJ") for b in between):
                    return resolve_name(ctx, e)
        first = doc[t.left_edge.i]
        if first.lower_ in INDEFINITE and t.dep_ in ("nsubj", "nsubjpass", "pobj") and first.i < i:
            return doc[first.i:i + 1].text, None
        return None
    return None


def _salient_person(ctx: QuoteContext, span: Span, cands: list[_Candidate]) -> _Candidate | None:
    """The most recent candidate named as the subject of a speech verb, else as a subject, else the
    most recent one, within the nominal's paragraph and the three before it (salience by
    grammatical role, as for pronouns)."""
    para = ctx.para_index(span.start_char)
    near = [c for c in cands if para - ctx.para_index(c.last) <= 3]
    subjects = [c for c in near if c.ent.root.dep_ in ("nsubj", "nsubjpass")]
    speaking = [c for c in subjects if c.ent.root.dep_ == "nsubj" and is_cue(c.ent.root.head, ctx.lex.speech)]
    return next(iter(speaking or subjects or near), None)


def resolve_role(ctx: QuoteContext, span: Span,
                 last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """(name, actor id) of the person a definite singular role nominal stands for, or None."""
    cands = _candidates(ctx, span)
    if span.root.dep_ == "appos":  # taken as a speaker although parsed as an apposition ("In a talk with
        # hosts A and B, the candidate stated"): the name it was hung on is not the one it stands for
        head = span.root.head.i
        cands = [c for c in cands if not c.ent.start <= head < c.ent.end]
    mods = _modifiers(span)
    owner = _possessor_words(ctx, span)
    if owner is not None:  # "Zelensky's chief of staff": never Zelensky, nor whoever spoke last
        cands = [c for c in cands if not set(words(c.name)) & owner]
    found = earlier_role_use(ctx, span)
    if found is not None and (owner is None or not set(words(found[0])) & owner):
        named = next((c for c in cands if c.name == found[0]), None)
        if named is None or not _contradicts(ctx, mods, named):
            return found
    titled = _by_titles(ctx, span, cands)
    if titled is not None:
        return titled.name, titled.actor_id
    if owner is not None:
        return None
    former = is_former(span)  # a former office is not among the titles a person is introduced with now
    head = span.root.lemma_.lower()
    fits = [c for c in cands if not _contradicts(ctx, mods, c)
            and not (_holds_now(c, head, span.root.lower_) if former else _office_clash(ctx, span, c))]
    para = ctx.para_index(span.start_char)
    if last is not None and last[0].get("name"):
        prev = next((c for c in cands if c.name == last[0]["name"]), None)
        if prev is not None and prev in fits and (para - last[1] <= 2 or para - ctx.para_index(prev.last) <= 3):
            return prev.name, prev.actor_id  # the last one quoted, or quoted before and named again since
        if prev is None and para - last[1] <= 2 and person_like(ctx, last[0]["name"]):
            return last[0]["name"], last[0].get("actor_id")
    salient = _salient_person(ctx, span, fits)
    if salient is not None:
        return salient.name, salient.actor_id
    return speaker_named_next(ctx, span) if not cands else None


def speaker_named_next(ctx: QuoteContext, span: Span) -> tuple[str, str | None] | None:
    """"..., its infrastructure minister says. [¶] “...,” says Jan Roe.": a role nominal with no
    person named anywhere before it (a lead, a story that starts mid-speech) stands for the first
    person who speaks in its own or the next paragraph (the subject of a speech verb)."""
    para = ctx.para_index(span.start_char)
    i = bisect.bisect_left(ctx.ent_starts, span.end_char)
    for e in ctx.ents[i:i + 12]:
        if ctx.para_index(e.start_char) > para + 1:
            break
        if e.label_ == "PERSON" and e.start not in ctx.quoted and e.root.dep_ in ("nsubj", "nsubjpass") \
                and is_cue(e.root.head, ctx.lex.speech):
            return resolve_name(ctx, e)
    return None
