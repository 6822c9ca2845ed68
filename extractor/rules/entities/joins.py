"""Neighbouring spans that are one name, and names that reach further than the tagger saw:
"Ursula von der" + "Leyen", "Jammu" + "and" + "Kashmir", "Oleksandr" + "Prokudin",
"Governor" + "Oleksandr Prokudin" ("Kherson Governor" alone is a place + a title, not a person),
"14th" + "Army Corps", and a person's name extended over the capitalised words before it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .common import NAME_PARTICLES, PLACE_LABELS
from .context import EntityContext


def join_particles(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'Ursula von der' (PERSON) + 'Leyen' (GPE): a name particle at the end of a person's name
    continues into the next capitalised word."""
    doc = ctx.doc
    out: list[Span] = []
    skip: set[int] = set()
    by_start = {e.start: e for e in ents}
    for e in ents:
        if e.start in skip:
            continue
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].lower_ in NAME_PARTICLES and e.end < len(doc) \
                and doc[e.end].is_title and e[-1].whitespace_ == " ":
            nxt = by_start.get(e.end)
            end = nxt.end if nxt is not None and len(nxt) <= 2 else e.end + 1
            if nxt is not None:
                skip.add(nxt.start)
            e = Span(doc, e.start, end, "PERSON")
        out.append(e)
    return out


def join_and(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'Jammu' + 'and' + 'Kashmir', 'St.' + 'Louis' -> one place when the whole name is known."""
    doc = ctx.doc
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ in PLACE_LABELS and e.label_ in PLACE_LABELS and (
                (e.start == prev.end + 1 and doc[prev.end].lower_ == "and") or e.start == prev.end):
            whole = doc[prev.start:e.end]
            if ctx.places.known_place(whole.text, min_pop=0):
                out[-1] = Span(doc, prev.start, e.end, "GPE")
                continue
        out.append(e)
    return out


def join_person_parts(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """'Kherson Governor' is no person (a place + a title); 'Oleksandr' + 'Prokudin' is one."""
    doc = ctx.doc
    out: list[Span] = []
    for e in ents:
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].lower_ in ctx.lex.titles:
            end = e.end
            while end > e.start and doc[end - 1].lower_ in ctx.lex.titles:
                end -= 1
            if end > e.start and ctx.places.known_place(doc[e.start:end].text, min_pop=0):
                out.append(Span(doc, e.start, end, "GPE"))
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "PERSON" and e.label_ == "PERSON" and prev.end == e.start \
                and "\n" not in doc[prev.end - 1].whitespace_:
            out[-1] = Span(doc, prev.start, e.end, "PERSON")
            continue
        out.append(e)
    return out


def _person_start(ctx: EntityContext, e: Span, taken: set[int]) -> int:
    """Extend a person's name leftwards over capitalised proper nouns (no titles, no line break)."""
    doc = ctx.doc
    start = e.start
    while (start > 0 and start - 1 not in taken and doc[start - 1].pos_ == "PROPN"
           and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in ctx.lex.titles
           and not doc[start - 1].is_stop and "\n" not in doc[start - 1].whitespace_
           and not doc[start].is_sent_start):
        start -= 1
    return start


def _unit_start(doc: Doc, e: Span, by_end: dict[int, Span], units: frozenset[str]) -> int:
    """'14th' + 'Army Corps': an ordinal right before a military unit belongs to its name."""
    prev = by_end.get(e.start)
    if prev is not None and prev.label_ == "ORDINAL" and prev.end - prev.start == 1 and e[-1].lower_ in units:
        return prev.start
    return e.start


def extend_spans(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Extents: "Governor Oleksandr" + "Prokudin", "14th" + "Army Corps" (body text only for people)."""
    doc = ctx.doc
    title_end = ctx.title_end
    ents = join_person_parts(ctx, sorted(ents, key=lambda e: e.start))
    taken = {i for e in ents for i in range(e.start, e.end)}
    by_end = {e.end: e for e in ents}
    out = []
    for e in ents:
        start = e.start
        if e.label_ == "PERSON" and e.start_char > title_end:
            start = _person_start(ctx, e, taken)
        elif e.label_ == "ORG":
            start = _unit_start(doc, e, by_end, ctx.lex.units)
        out.append(e if start == e.start else Span(doc, start, e.end, e.label_))
    return out
