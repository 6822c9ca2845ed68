"""State institutions named with their country: "Russia's defense ministry", "Ukraine's" + "Air
Force Command", "the Ukrainian air force", "the U.S. military", "the Gaza civil defence agency"
are one ORG span (the country inside it is no separate place). "Russia's military might" is not.
"""

from __future__ import annotations

from spacy.tokens import Span

from .common import PLACE_LABELS, POSSESSIVE, institution_like
from .context import EntityContext

#: generic nouns that close an institution's name: "civil defence agency", "police service"
_INSTITUTION_TAILS = frozenset({"agency", "authority", "department", "directorate", "service", "office",
                                "command", "force", "forces", "unit"})


def _replace_overlapping(out: list[Span], new: Span) -> list[Span]:
    return [e for e in out if not (e.start < new.end and new.start < e.end)] + [new]


def _possessive_institutions(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Place + "'s" + an institution of the lexicon ("Russia's defense ministry")."""
    doc = ctx.doc
    by_end = {e.end: e for e in ents}
    out = list(ents)
    for m in ctx.matchers.inst_re.finditer(ctx.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or not len(span):
            continue
        start, end = span.start, span.end
        owner = by_end.get(start)  # "Russia" + 's + defense ministry
        if owner is None or owner.label_ not in PLACE_LABELS:
            continue
        head = doc[end - 1]
        if head.dep_ in ("compound", "amod") and head.head.i > head.i:
            continue  # "Russia's military might": modifier, not the institution
        out = _replace_overlapping(out, Span(doc, owner.start, end, "ORG"))
    return out


def _possessive_orgs(ctx: EntityContext, out: list[Span], by_start: dict[int, Span]) -> list[Span]:
    """Possessive country + an institution-like ORG span: "Ukraine's" + "Air Force Command"."""
    doc = ctx.doc
    for e in list(out):
        if e.label_ not in PLACE_LABELS or e.end + 1 >= len(doc) or doc[e.end].lower_ not in POSSESSIVE:
            continue
        org = by_start.get(e.end + 1)
        if org is not None and org.label_ == "ORG" and institution_like(org):
            new = Span(doc, e.start, org.end, "ORG")
            out = [x for x in out if x is not e and x is not org] + [new]
    return out


def _institution_end(ctx: EntityContext, e: Span) -> int | None:
    """End of the lexicon institution right after `e` ("air force", "civil defence" + "agency");
    0 when one is there but only modifies a noun ("Russia's military might"); None when none is."""
    doc = ctx.doc
    nxt = doc[e.end].lower_ if e.end < len(doc) else ""
    for words in ctx.matchers.inst_by_first.get(nxt, ()):
        end = e.end + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[e.end:end]) == words:
            if end < len(doc) and doc[end].lower_ in _INSTITUTION_TAILS:
                end += 1  # "civil defence" + "agency"
            head = doc[end - 1]
            if (head.dep_ == "amod" or head.pos_ == "ADJ") and head.head.i > head.i and \
                    head.head.lower_ not in ctx.lex.titles:
                return 0  # "Russia's military might"; but "Myanmar junta airstrikes" name the junta
            return end
    return None


def _adjective_institutions(ctx: EntityContext, out: list[Span], by_start: dict[int, Span]) -> list[Span]:
    """Nationality adjective or place + institution: "the Ukrainian air force", "the U.S.
    military", "a Congo army spokesman", "the Gaza civil defence agency"."""
    doc = ctx.doc
    for e in [x for x in out if x.label_ in ("NORP", "GPE") and (
            x.text.lower() in ctx.lex.demonyms or x.label_ == "GPE" and ctx.places.known_place(x.text, min_pop=0))]:
        end = _institution_end(ctx, e)
        if end:
            out = _replace_overlapping(out, Span(doc, e.start, end, "ORG"))
        elif end is None:
            org = by_start.get(e.end)
            if org is not None and org.label_ == "ORG" and institution_like(org):
                new = Span(doc, e.start, org.end, "ORG")
                out = [x for x in out if x is not e and x is not org] + [new]
    return out


def institutions(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """The three institution readings, in order (the ORG spans they find replace what they cover)."""
    out = _possessive_institutions(ctx, ents)
    by_start = {e.start: e for e in out}  # (both later passes look up ORG spans of this moment)
    out = _possessive_orgs(ctx, out, by_start)
    return _adjective_institutions(ctx, out, by_start)
