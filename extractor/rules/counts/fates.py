"""What became of people counted as hit: "Four people were shot, two of them fatally", "A gunman shot five
people, killing two", "Two guards were wounded, one of whom later died".

A report often counts everyone hit first and then says how many of them died. Read literally that is one
figure of people shot (no casualty kind of its own) or of injured, and a smaller figure of dead among them;
the question "how many were injured?" is answered by the difference: the four shot, two fatally, are two
killed and two injured, and the two wounded of whom one died are one injured and one killed (who adds to
the dead counted elsewhere).

- A wounded count followed in its sentence by a partitive of the dead ("one of whom later died", "two of
  them died") keeps its entry as written, and `Entry.died` takes the dead out of its figure in totals.py;
  the dead are in addition to other dead (`adds`).
- A count of people shot (the passive subject or the object of "shoot", without "dead" or "to death")
  followed in its sentence by the dead among them ("two of them fatally", "killing two", "two of whom
  died") gives an injured entry of the difference, whose evidence runs from the shot count to the dead.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..token_search import tokens_where
from .amounts import NumberMatch
from .background import is_background
from .context import CountsDoc
from .state import Entry

#: "one of whom", "two of them", "three of those": a partitive that points back to the people just counted
_BACK_RE = re.compile(r"\s+of\s+(?:whom|them|those)\b", re.I)
#: the dead among them, said with an adverb only: "two of them fatally", "one fatally"
_FATALLY_RE = re.compile(r"(?:\s+of\s+(?:whom|them|those))?\s+(?:fatally|mortally)\b", re.I)


def mark_later_deaths(ctx: CountsDoc) -> None:
    """ "Two guards were wounded, one of whom later died": the dead leave the wounded figure and add to the dead."""
    cas = ctx.state.casualties
    for k, e in enumerate(cas):
        if e.data["kind"] != "killed" or not isinstance(e.data["count"], int) or not _BACK_RE.match(
                ctx.text, _amount_end(ctx, e)):
            continue
        hurt = next((h for h in reversed(cas[:k]) if h.sent_start == e.sent_start and h.pos < e.pos
                     and h.data["kind"] == "injured"), None)
        if hurt is not None and isinstance(hurt.data["count"], int) and hurt.data["count"] > e.data["count"] \
                and not any(x.data["kind"] == "killed" and hurt.pos < x.pos < e.pos for x in cas):
            hurt.died += e.data["count"]
            e.role, e.adds = "count", True


def shot_counts(ctx: CountsDoc, numbers: dict[int, NumberMatch]) -> list[Entry]:
    """The entries of people shot of whom some died: the injured difference, and the dead said only with
    "fatally" (`numbers`: the document's amounts by start offset)."""
    out: list[Entry] = []
    for verb in tokens_where(ctx.doc, ("LEMMA_LOWER", ctx.lex.shot_verbs)):
        if verb.pos_ != "VERB" or _fatal(ctx, verb):
            continue
        hit = _shot_amount(verb, numbers)
        if hit is None:
            continue
        n, person = hit
        if any(e.pos == n.start for e in ctx.state.casualties):
            continue  # the amount already has a kind ("shot and wounded four")
        dead = _dead_among(ctx, verb, n, numbers)
        if dead is None or n.value is None or dead[0].value is None or not 0 < dead[0].value < n.value:
            continue
        m, dead_end, new_dead = dead
        sent = verb.sent
        if any(e.sent_start == sent.start and e.data["kind"] == "injured" for e in ctx.state.casualties):
            continue  # the sentence counts the injured itself
        if new_dead:
            out.append(_entry(ctx, "killed", m, (m.qstart, dead_end), person))
        out.append(_entry(ctx, "injured", n, (n.qstart, dead_end), person, value=n.value - m.value))
    return out


def _entry(ctx: CountsDoc, kind: str, m: NumberMatch, span: tuple[int, int], person: Token,
           value: int | None = None) -> Entry:
    """An entry of `kind` for amount `m` (or `value`), counting `person`, with the evidence `span`."""
    start, end = span
    who = person.lower_ if person.pos_ == "NOUN" and person.lemma_.lower() in ctx.lex.people else None
    data = {"kind": kind, "count": m.value if value is None else value, "qualifier": m.qualifier, "vague": None,
            "who": "people" if who in ("people", "persons") else who, "place": None, "text": ctx.text[start:end],
            "start": start, "end": end, "hedged": False,
            "background": is_background(ctx, ctx.doc[person.i:person.i + 1], person)}
    return Entry(data, person.sent.start, m.start, list_id=m.start, np_end=end)


def _fatal(ctx: CountsDoc, verb: Token) -> bool:
    """ "shot dead", "shot to death", "fatally shot", "shot and killed": no one of them survived."""
    lex = ctx.lex
    for c in verb.children:
        if c.lower_ in lex.cas_adjs and lex.cas_adjs[c.lower_] == "killed" and c.dep_ in ("oprd", "acomp", "advmod"):
            return True
        if c.lower_ in lex.fatal_adverbs or (c.dep_ == "prep" and c.lower_ == "to"
                                             and any(p.lower_ == "death" for p in c.children)):
            return True
        if c.dep_ == "conj" and lex.cas_verbs.get(c.lemma_.lower()) == "killed" and c.i - verb.i <= 2:
            return True
    return False


def _shot_amount(verb: Token, numbers: dict[int, NumberMatch]) -> tuple[NumberMatch, Token] | None:
    """The amount of people shot: the passive subject ("four people were shot") or the object ("shot five
    people", "shot five"), and the word it counts."""
    for c in verb.children:
        passive = c.dep_ == "nsubjpass"
        if not (passive or (c.dep_ in ("dobj", "obj") and c.i > verb.i)):
            continue
        if c.like_num and c.idx in numbers:
            return numbers[c.idx], c
        num = next((x for x in c.children if x.dep_ == "nummod" and x.idx in numbers), None)
        if num is not None:
            return numbers[num.idx], c
    return None


def _dead_among(ctx: CountsDoc, verb: Token, n: NumberMatch,
                numbers: dict[int, NumberMatch]) -> tuple[NumberMatch, int, bool] | None:
    """The dead among the people shot, in the sentence after them: (their amount, the end of the evidence, whether
    they still need an entry of their own)."""
    sent = verb.sent
    for m in sorted(numbers.values(), key=lambda x: x.start):
        if not (max(n.end, verb.idx) < m.start < sent.end_char):
            continue
        fatally = _FATALLY_RE.match(ctx.text, m.end)
        if fatally is not None:
            known = any(e.pos == m.start and e.data["kind"] == "killed" for e in ctx.state.casualties)
            return m, m.end + fatally.end() - fatally.start(), not known
        dead = next((e for e in ctx.state.casualties if e.pos == m.start and e.data["kind"] == "killed"), None)
        if dead is not None and (_BACK_RE.match(ctx.text, m.end) or _killed_by_the_shooting(ctx, dead, verb)):
            return m, dead.data["end"], False
    return None


def _killed_by_the_shooting(ctx: CountsDoc, dead: Entry, verb: Token) -> bool:
    """ "shot five people, killing two": the killing verb hangs on the shooting."""
    span = ctx.doc.char_span(dead.data["start"], dead.data["end"], alignment_mode="expand")
    kill = next((t for t in span or [] if t.pos_ == "VERB" and ctx.lex.cas_verbs.get(t.lemma_.lower()) == "killed"),
                None)
    return kill is not None and kill.head.i == verb.i and kill.dep_ in ("advcl", "conj", "xcomp") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in kill.children)  # not "after gunmen killed two officers"


def _amount_end(ctx: CountsDoc, e: Entry) -> int:
    """End of the first word of an entry's amount ("one" of "one of whom")."""
    word = re.compile(r"[\w-]+").match(ctx.text, e.pos)
    return word.end() if word is not None else e.pos
