"""Wire datelines wherever a story starts: "MINSK, 20 June (BelTA) –", "CARTHAGE, N.C. (AP) -",
"Title. BYESVILLE -- Firefighters ...". The place of a dateline is where the story was filed, a
place by position alone; the small model reads an upper-case city as an organisation or skips
it, and the layout finds only the dateline that opens the body. Scraped pages and feeds glue
several stories or the headline and the body into one text, so a dateline is looked for at
every line start and after every sentence end, and after a byline when an agency in brackets
follows the place ("By JANE DOE, Associated Press WASHINGTON (AP) —").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .context import EntityContext

# the city in capitals, an optional region ("N.C.", "Ukraine", "W.Va."), an optional date
# ("20 June", "March 3, 2009"), an optional agency in brackets, then a dash or a colon
_DATELINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?][ \t])|(?<=[.!?][\"”'’][ \t]))"
    r"(?P<place>[A-Z][A-Z'’]+\.?(?:[ \-][A-Z][A-Z'’]*\.?){0,3})"
    r"(?:,[ \t]*(?P<region>[A-Z][A-Za-z'’]*\.?(?:[ \-]?[A-Z][A-Za-z'’]*\.?){0,2}))?"
    r"(?:,?[ \t]*(?P<date>\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?))?"
    r"(?:[ \t]*\((?P<agency>[A-Za-z0-9.&' ]{2,30})\))?"
    r"[ \t]*(?P<dash>---?|[—–:-])(?P<gap>[ \t]*)(?=\S)")


# the same after a byline on the same line ("By JANE DOE, Associated Press WASHINGTON (AP) —"):
# there the agency in brackets is required, and a place the gazetteer knows
_AGENCY_DATELINE = re.compile(
    r"(?<=[a-z][ \t])"
    r"(?P<place>[A-Z][A-Z'’]+\.?(?:[ \-][A-Z][A-Z'’]*\.?){0,3})(?P<region>)"
    r"[ \t]*\((?P<agency>[A-Za-z0-9.&' ]{2,30})\)"
    r"[ \t]*(?P<dash>---?|[—–-])(?P<gap>[ \t]+)(?=\S)")


#: where a dateline can start: two capitals ("MINSK", "CARTHAGE"), at every position (a look-ahead)
_CAPITALS = re.compile(r"(?=[A-Z][A-Z'’])")


def _matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches `pattern.finditer(text)` gives, tried only where two capitals start.

    Why: both patterns open with look-behinds that the regex engine tries at every character of
    the text; every match starts with the capitals of its place, so trying the pattern there
    alone (look-behinds still see the text before) finds the same non-overlapping matches."""
    out: list[re.Match[str]] = []
    end = 0
    for c in _CAPITALS.finditer(text):
        pos = c.start()
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _is_place(ctx: EntityContext, name: str, region: str | None, agency: str | None) -> bool:
    """The capitals name a place: the gazetteer knows it, or a region or an agency vouches for it."""
    low = name.lower()
    if low in ctx.lex.not_places or low in ctx.lex.demonyms or len(name.replace(".", "")) < 3:
        return False
    return ctx.places.known_place(name.title(), min_pop=0) or bool(agency) or bool(
        region and (region.rstrip(".").lower() in ctx.lex.country_aliases or region in ctx.lex.region_abbreviations
                    or ctx.places.is_region_name(region) or region.endswith(".")))


def _span(doc: Doc, text: str, start: int, end: int) -> Span | None:
    """The GPE span of text[start:end] when the tokens end exactly there."""
    span = doc.char_span(start, end, label="GPE", alignment_mode="expand")
    return span if span is not None and span.text == text[start:end] else None


def dateline_spans(ctx: EntityContext) -> list[Span]:
    """GPE spans for the place (and region) of every dateline in the text."""
    doc, text = ctx.doc, ctx.text
    out: list[Span] = []
    for m in [*_matches(_DATELINE, text), *_matches(_AGENCY_DATELINE, text)]:
        name, region, agency = m.group("place"), m.group("region"), m.group("agency")
        if not m.group("gap") and not (region or agency) or not m.group("gap") and m.group("dash") == "-":
            continue  # "PLEASANTON, Calif.--(", "(APP):Chief" may skip the space; "US-led" may not
        if m.group("dash") == ":" and not (region or agency) and not ctx.places.known_place(name.title()):
            continue  # "BEIRUT: A major ..." yes, "UPDATE: ..." no; a colon asks for a well-known place
        if not _is_place(ctx, name, region, agency) or m.re is _AGENCY_DATELINE and not ctx.places.known_place(
                name.title(), min_pop=0):
            continue
        for group in ("place", "region"):
            if m.group(group):
                span = _span(doc, text, m.start(group), m.end(group))
                if span is not None and not any(o.start == span.start for o in out):
                    out.append(span)
    return out


def dateline_places(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Datelines' places become GPE, replacing whatever the tagger put on the same words."""
    found = dateline_spans(ctx)
    if not found:
        return ents
    # the dateline is a place by position: the document-level relabelling leaves it so
    ctx.memo["dateline_starts"] = frozenset(f.start for f in found)
    keep = [e for e in ents if not any(f.start < e.end and e.start < f.end for f in found)]
    return keep + found
