"""Breakdowns of a count by place, which continue it with bare numbers later in the sentence.

Weapons: "shot down 20 drones: ten over Bryansk, eight over Kursk" gives one entry per region.
Casualties: "Another three were killed elsewhere in Syria – one in Aleppo" ties a bare number to
the kind of the count before it (used by casualty_subsets.py) and to its own place.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...extensions import doc_text
from .amounts import NumberMatch, find_numbers
from .context import CountsDoc
from .places import Mention
from .state import Entry


def weapon_breakdown(ctx: CountsDoc, sent: Span, entry: dict[str, Any]) -> None:
    """Bare counts later in the sentence that continue a list: "eight over the Kursk region, and two
    over Tula region, as well as one in each of the regions of Smolensk, Ryazan and Moscow"."""
    doc, text, state = ctx.doc, ctx.text, ctx.state
    main = next((e for e in reversed(state.weapons) if e.data is entry), None)
    # a breakdown of a total ("20 drones: ten over Bryansk, ...") is its subset; one that continues a
    # placed count ("ten over Bryansk, eight over Kursk") is a member of its list (totals.py sums it)
    opens = re.match(r"\s*[:(–—]", text[entry["end"]:sent.end_char]) is not None  # "20 drones: ten over ..."
    placed = bool(entry["place"]) and not opens
    role = "count" if placed else "subset"
    list_id = main.pos if main is not None and placed else None
    if main is not None:
        main.list_id = list_id
    tail = text[entry["end"]:sent.end_char]
    base = entry["end"]
    for m in find_numbers(tail, vague=(), qualifiers=ctx.lex.qual_before):
        if m.skip or m.value is None:
            continue
        s, e = base + m.start, base + m.end
        rest = text[e:sent.end_char]
        pre = text[max(entry["end"], s - 20):s]
        if not re.search(r"(,|\band\b|\bwhile\b|\bwell as\b|\bwith\b|\bincluding\b)\s*$", pre):
            continue
        each = re.match(r"\s+in each of\b", rest)
        mm = re.match(r"\s+(?:were\s+|was\s+)?(?:\w+\s+)?(over|in|above|near)\s+", rest)
        if not each and not mm:
            continue
        # stop at the next number
        nxt_num = next((base + x.start for x in find_numbers(tail) if base + x.start > e), sent.end_char)
        targets = [(ps, pe, name) for ps, pe, name in ctx.places if e < ps < nxt_num]
        if not targets:
            targets = _proper_names(doc, e, nxt_num)
        if not targets:
            continue
        if not each:
            targets = targets[:1]
        for _ps, pe, name in targets:
            state.weapons.append(Entry({**entry, "count": m.value, "qualifier": m.qualifier,
                                        "place": name, "text": text[s:pe], "start": s, "end": pe},
                                       sent.start, s, role=role, list_id=list_id))
        state.consumed.add(s)


def _proper_names(doc: Doc, start: int, end: int) -> list[Mention]:
    """Runs of proper nouns between two character offsets (place names the NER missed)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    out: list[Mention] = []
    if span is None:
        return out
    run: list[Token] = []
    for t in list(span) + [None]:  # type: ignore[list-item]
        if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper():
            run.append(t)
            continue
        if run:
            s, e = run[0].idx, run[-1].idx + len(run[-1].text)
            out.append((s, e, doc_text(doc)[s:e]))
            run = []
    return out


def breakdown_place(doc: Doc, m: NumberMatch, sent: Span, places: list[Mention]) -> Mention | None:
    """The place of a bare number that continues a list after a dash, colon or comma ("– one in Aleppo province,
    a second in Deraa"): the number must follow the separator and be followed by in/near/at and the place."""
    if not re.search(r"(?:[–—:;,]|\band)\s*$", doc_text(doc)[max(sent.start_char, m.qstart - 6):m.qstart]):
        return None
    for s, e, name in places:
        if s < m.end or s > sent.end_char:
            continue
        if re.fullmatch(r"\s+(?:were\s+|was\s+)?(?:in|near|at|outside)\s+(?:the\s+)?", doc_text(doc)[m.end:s]):
            return s, e, name
        break
    return None
