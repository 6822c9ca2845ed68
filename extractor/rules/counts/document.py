"""The per-document pass: every amount of the text is read, then each fact repeated is kept once.

This is what the counts component calls: it builds the document context, reads the amounts in
text order (earlier entries inform later ones), and returns the contract entries and the article's
figures (totals.py).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from .amounts import NumberMatch, find_numbers
from .casualties import read_single
from .casualty_single import single_victims
from .context import CountsDoc
from .fates import mark_later_deaths, shot_counts
from .incidents import mark_incidents
from .lexicon import CountsLexicon
from .patterns import CountsPatterns
from .repeats import dedupe_entries
from .route import ner_says_not_count, read_amount
from .stated_zeros import stated_zeros
from .totals import Regions, article_totals


def read_counts(doc: Doc, lex: CountsLexicon,
                patterns: CountsPatterns) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """(casualties, weapons, totals) of a document: find every amount, decide what it counts, drop the
    repeats, and answer "how many?" per kind and per weapon and action (totals.py)."""
    ctx = CountsDoc.build(doc, lex, patterns)
    readings: list[tuple[NumberMatch, Span, Token | None]] = []
    for m in find_numbers(ctx.text, vague=lex.vague, qualifiers=lex.qual_before, qualifiers_after=lex.qual_after):
        if m.skip is not None:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if m.vague is None and ner_says_not_count(ctx, span, m):
            continue
        readings.append((m, span, None))
    readings += single_victims(ctx)
    # in text order: a count informs the ones after it (subsets, lists, "others")
    for m, span, single in sorted(readings, key=lambda r: (r[0].start, r[2] is not None)):
        if single is None:
            read_amount(ctx, m, span)
        else:
            read_single(ctx, m, span, single)
    state = ctx.state
    mark_later_deaths(ctx)
    state.casualties += shot_counts(ctx, {m.start: m for m, _, single in readings if single is None})
    state.casualties += stated_zeros(ctx)
    mark_incidents(ctx, state.casualties)
    # a hedged or background count is not a repeat of a firm current one: totals need to tell them apart
    casualties = dedupe_entries(state.casualties, ("kind", "hedged", "background"), title_end=state.title_end)
    weapons = dedupe_entries(state.weapons, ("weapon",), action_class=True, title_end=state.title_end)
    totals = article_totals(casualties, weapons, _regions(doc))
    return [e.data for e in casualties], [e.data for e in weapons], totals


def _regions(doc: Doc) -> Regions:
    """Country and first-level region of every place below country level (from the places component), so that
    totals can tell counts in different regions apart."""
    out: Regions = {}
    for p in doc._.extractor_places or []:
        if isinstance(p, dict) and p.get("name") and p.get("type") != "country":
            out[p["name"]] = (p.get("country_code"), p.get("admin1"))
    return out
