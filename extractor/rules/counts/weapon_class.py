"""Which class of weapon a count is about: "drones", "Shaheds", "cruise missiles" -> drone/missile.

A weapon name in the counted phrase decides; "24 drones and missiles" is one mixed total filed
under missile; a count with no weapon name ("35 launches", "two others", "41 were shot down")
takes the class of the weapons counted just before it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .amounts import NumberMatch
from .context import CountsDoc
from .lexicon import CountsLexicon
from .weapon_action import bare_weapon_verb


def weapon_class(lex: CountsLexicon, tok: Token) -> str | None:
    """Weapon class named by one token ("drones", "Shaheds", "Iskanders"), or None."""
    low, lem = tok.lower_, tok.lemma_.lower()
    for name, klass in lex.weapon_names:
        if " " in name:
            continue
        if low == name or lem == name or (low.endswith("s") and low[:-1] == name):
            return klass
    return None


def weapon_class_phrase(lex: CountsLexicon, doc: Doc, start: int, end: int) -> str | None:
    """Multi-word weapon names inside the counted phrase, tokens start..end ("glide bombs", "cruise missiles")."""
    if end <= start:
        return None
    phrase = doc[start:end].text.lower()
    for name, klass in lex.weapon_names:
        if " " in name and re.search(r"\b" + re.escape(name) + r"s?\b", phrase):
            return klass
    return None


def counted_weapon_class(ctx: CountsDoc, span: Span, sent: Span, head: Token | None,
                         total: NumberMatch | None) -> tuple[str | None, Token | None]:
    """The weapon class of the amount `span` counting `head` (None for a bare number), and the head to use
    (a bare passive subject of a weapon verb becomes its own head); (None, head) when it counts no weapon."""
    wclass = _named_class(ctx.lex, span, head, total)
    if wclass:
        return wclass, head
    return _earlier_class(ctx, span, sent, head)


def _named_class(lex: CountsLexicon, span: Span, head: Token | None, total: NumberMatch | None) -> str | None:
    """The class the counted phrase names: multi-word name first, then the head noun; a mixed list of
    plain missiles beside another class is filed under missile."""
    if head is None:
        return None
    phrase_class = weapon_class_phrase(lex, span.doc, span.end, head.i + 1) if total is None else None
    wclass = phrase_class or weapon_class(lex, head)
    if wclass and wclass != "missile" and any(
            c.dep_ == "conj" and weapon_class(lex, c) == "missile" and c.tag_ == "NNS" and not any(
                g.dep_ in ("nummod", "det") for g in c.children) for c in head.children):
        # "24 drones and missiles": one mixed total, filed under missile (like "rockets and missiles")
        wclass = "missile"
    return wclass


def _earlier_class(ctx: CountsDoc, span: Span, sent: Span, head: Token | None) -> tuple[str | None, Token | None]:
    """The class of weapons counted just before, for a count that names none: "approximately 35 launches",
    "destroyed two others", "Of the 65 drones launched, 41 were shot down"."""
    doc, state = ctx.doc, ctx.state
    if head is not None and head.lemma_.lower() == "launch" and head.i == span.end:
        prev_w = next((e for e in reversed(state.weapons) if e.pos >= sent.start_char - 600), None)
        if prev_w is not None:  # "fired dozens of rockets ... approximately 35 launches": launches of those
            return prev_w.data["weapon"], head
    if head is not None and head.lemma_.lower() in ("other", "more") and head.i == span.end \
            and head.head.lemma_.lower() not in ctx.lex.cas_verbs:  # "wounding 180 others": people
        prev_w = next((e for e in reversed(state.weapons) if e.sent_start == sent.start), None)
        if prev_w is not None:  # "shot down eight drones ... and destroyed two others"
            return prev_w.data["weapon"], head
    if head is None and bare_weapon_verb(ctx.lex, span):
        near = {sent.start, doc[sent.start - 1].sent.start if sent.start > 0 else sent.start}
        prev_w = next((e for e in reversed(state.weapons) if e.sent_start in near), None)
        if prev_w is not None:  # "Of the 65 drones launched, 41 were shot down"
            return prev_w.data["weapon"], span[-1]
    return None, head
