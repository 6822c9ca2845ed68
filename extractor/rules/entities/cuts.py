"""Layout cuts: an entity never runs over a line break, over the headline/body boundary or into
a "Source:" footer (entities in the footer are dropped); punctuation and a conjunction at its
edges, a place's trailing possessive ("Himachal Pradesh's") and a possessive before a number
("Lukashenko’s 2020") are trimmed off.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .context import EntityContext


def _layout_end(doc: Doc, ent: Span, bounds: list[int]) -> int:
    """End of `ent` at its first line break or headline/footer boundary."""
    for i in range(ent.start, ent.end):
        tok = doc[i]
        if "\n" in tok.text:
            return i
        if "\n" in tok.whitespace_ or any(tok.idx < b <= tok.idx + len(tok) + len(tok.whitespace_)
                                          and b < ent.end_char for b in bounds):
            return i + 1
    return ent.end


#: words an entity never ends with
_TRAILING_JUNK = frozenset({"and", "or", "&"})


def _before_possessive_number(doc: Doc, start: int, end: int) -> int:
    """"Lukashenko’s 2020" (election): a name, its possessive and a number are the name alone."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("'s", "’s") and all(t.like_num for t in doc[i + 1:end]):
            return i
    return end


def cut_at_layout(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Cut spans at line breaks, the headline boundary and the footer; drop footer entities."""
    doc = ctx.doc
    title = ctx.layout.get("title") or {}
    footer = ctx.layout.get("footer") or {}
    bounds = sorted({b for b in (title.get("end"), footer.get("start")) if b is not None})
    out: list[Span] = []
    for ent in ents:
        if footer and ent.start_char >= footer["start"]:
            continue
        start, end = ent.start, _layout_end(doc, ent, bounds)
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in "."
                               or doc[end - 1].text in _TRAILING_JUNK
                               or end - start >= 3 and doc[end - 1].text in ("Mr", "Mrs", "Ms", "Mr.", "Mrs.", "Ms.")
                               and doc[end - 2].text in ("-", "–", "—", ",")):
            end -= 1  # "Kyiv and" (tagged before "and European representatives"): no conjunction at the end
        end = _before_possessive_number(doc, start, end)
        while start < end and (doc[start].is_space or doc[start].is_punct):
            start += 1
        # "Himachal Pradesh's" tagged as one name: a place's possessive is not part of it
        if end - start >= 2 and doc[end - 1].lower_ in ("'s", "’s") and \
                ctx.places.known_place(doc[start:end - 1].text, min_pop=0):
            end -= 1
        if end > start:
            out.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, ent.label_))
    return out
