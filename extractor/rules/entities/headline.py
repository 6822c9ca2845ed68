"""Headline entities are unreliable (title case: "Floods Kill Dozens"): a headline span is kept
only when the body confirms it (the same text tagged there, relabelled with the body's majority
label), or when it is a place the gazetteer knows well and no body-confirmed span overlaps it. A
first line of page furniture ("Editor's Note: Jane Doe is a senior fellow ...") confirms nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .common import PLACE_LABELS, POSSESSIVE, key
from .context import EntityContext
from .page_furniture import furniture_ranges


def _body_labels(body: list[Span]) -> dict[str, dict[str, int]]:
    """key -> label -> how often the body tags that text with that label."""
    labels: dict[str, dict[str, int]] = {}
    for e in body:
        votes = labels.setdefault(key(e.text), {})
        votes[e.label_] = votes.get(e.label_, 0) + 1
    return labels


def _confirmed(doc: Doc, head_toks: list, t_end: int, labels: dict[str, dict[str, int]]) -> list[Span]:
    """Longest headline stretches (up to 5 tokens) whose text the body tags, left to right."""
    out: list[Span] = []
    n = len(head_toks)
    i = 0
    while i < n:
        found = None
        for length in range(min(5, n - i), 0, -1):
            span = doc[head_toks[i].i: head_toks[i].i + length]
            if span.end_char > t_end or span[-1].is_punct or span[-1].lower_ in POSSESSIVE:
                continue
            votes = labels.get(key(span.text))
            if votes:
                found = Span(doc, span.start, span.end, max(votes, key=lambda k: votes[k]))
                break
        if found is not None:
            out.append(found)
            i += len(found)
        else:
            i += 1
    return out


def keep_confirmed_headline(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Body entities, plus the headline entities the body confirms (see the module docstring)."""
    doc = ctx.doc
    title = ctx.layout.get("title")
    if not title:
        return ents
    t_end = title["end"]
    body = [e for e in ents if e.start_char >= t_end]
    furniture = furniture_ranges(ctx)  # "Editor's Note: Jane Doe is ..." read as the headline
    head_toks = []
    for t in doc:  # stops at the end of the headline
        if t.idx >= t_end:
            break
        if not any(s <= t.idx < e for s, e in furniture):
            head_toks.append(t)
    if not head_toks:
        return ents
    out = list(body)
    out += _confirmed(doc, head_toks, t_end, _body_labels(body))
    # headline entities the body does not contradict: places the gazetteer knows well
    for e in ents:
        if e.start_char < t_end and e.label_ in PLACE_LABELS and not any(
                o.start < e.end and e.start < o.end for o in out) and ctx.places.known_place(e.text):
            out.append(e)
    return out
