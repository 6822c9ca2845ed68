"""Speakers given by layout rather than by a speech verb: "Name: “...”" lead-ins, transcript
labels inside the quote ("PENCE: Well, ..."), trailing credits ("” ― Jane Doe", "— Name"),
and a previous paragraph ending with a colon ("Kerry wrote:").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from .context import QuoteContext
from .cues import is_cue
from .grammar import speakerish
from .mention import speaker
from .regions import regions
from .resolve import name_for_text
from .speakers_explicit import cue_subject, never_speaks

_DASHES = frozenset({"—", "–", "--", "-", "―"})
# "PENCE: ..." transcript labels at the start of a quotation
_LABEL = re.compile(r"([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")
# "” ― Jane Doe" credits after a quotation
_DASH_NAME = re.compile(r"\s*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*"
                        r"([A-Z][\w.'\u2019-]+(?:[ \t\u00a0]+(?:[A-Z][\w.'\u2019-]*|de|van|von|al|bin)){0,4})")


def colon_lead(ctx: QuoteContext, si: int) -> list[Token] | None:
    """The tokens before the colon that opens stretch si (nearest first; blanks between the colon
    and the mark, and a parenthesis right before the colon, "Rep. Jane Roe (D-Ore.):", skipped), or
    None when no colon opens it."""
    before, _ = regions(ctx, si)
    k = 0
    while k < len(before) and before[k].is_space:
        k += 1
    if k >= len(before) or before[k].text != ":":
        return None
    lead = before[k + 1:]
    if lead and lead[0].text == ")":
        close = next((j for j in range(1, min(len(lead), 10)) if lead[j].text == "("), None)
        if close is not None:
            lead = lead[close + 1:]
    return lead


def colon_name(ctx: QuoteContext, si: int) -> Token | None:
    """"HEADLINE - Jane Doe: “...”" / "Kremlin spokesman Dmitry Peskov: “...”": a name
    (not the object of a verb or preposition) right before the colon that opens the quote."""
    lead = colon_lead(ctx, si)
    if not lead:
        return None
    e = ctx.entity_of(lead[0])
    if e is None or e.label_ not in ("PERSON", "ORG"):
        return None
    if e.root.dep_ in ("pobj", "dobj", "dative", "attr"):
        return None
    return e.root


def _pattern_speaker(ctx: QuoteContext, m: re.Match[str] | None, method: str) -> dict[str, Any] | None:
    """The speaker record for a name matched (group 1) by a layout pattern."""
    if m is None:
        return None
    s, e = m.start(1), m.end(1)
    name = name_for_text(ctx, ctx.text[s:e], s, e)
    return {"name": name[0], "actor_id": name[1], "mention": {"text": ctx.text[s:e], "start": s, "end": e},
            "method": method}


def label_speaker(ctx: QuoteContext, si: int) -> dict[str, Any] | None:
    """Transcript style: the quotation opens with a speaker label ("PENCE: Well, ...")."""
    st = ctx.stretches[si]
    return _pattern_speaker(ctx, _LABEL.match(ctx.text, st.start, st.end), "label")


def dash_speaker(ctx: QuoteContext, si: int) -> dict[str, Any] | None:
    """A trailing credit: “...” ― Jane Doe"""
    st = ctx.stretches[si]
    return _pattern_speaker(ctx, _DASH_NAME.match(ctx.text, st.outer_end), "dash")


def _named_among(ctx: QuoteContext, tokens: list[Token] | Span, method: str) -> dict[str, Any] | None:
    """The speaker record of the first token of `tokens` inside a PERSON or ORG entity."""
    for t in tokens:
        e = ctx.entity_of(t)
        if e is not None and e.label_ in ("PERSON", "ORG"):
            return speaker(ctx, e.root, method, None)
    return None


def _lead_in_subject(ctx: QuoteContext, lead: list[Token]) -> dict[str, Any] | None:
    """"The electoral board was conclusive in its findings: “...”": the subject of the clause that
    leads into the colon, when it can speak (a name, a pronoun, a speaker noun)."""
    roots = {t.i: t for t in lead if t.dep_ == "ROOT" or t.head.i == t.i or t.head.i not in {x.i for x in lead}}
    for root in sorted(roots.values(), key=lambda t: t.i):
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in ctx.quoted
                        and c.lower_ not in ("it", "this", "that", "there")), None)
        if subject is not None and not never_speaks(ctx, subject) \
                and speakerish(subject, ctx.lex.speaker_nouns, ctx.lex.non_speakers):
            return speaker(ctx, subject, "colon", None)
    return None


def _credited_name(ctx: QuoteContext, lead: list[Token]) -> dict[str, Any] | None:
    """"... in Indiana - Jane Roe: “...”": two to four capitalised proper nouns the tagger left
    untagged, right before the colon, after a dash or at the start of the paragraph."""
    n = 0
    while n < len(lead) and n < 4 and lead[n].pos_ == "PROPN" and lead[n].is_title and not lead[n].ent_type_:
        n += 1
    if n < 2:
        return None
    first = lead[n - 1]
    if n < len(lead) and lead[n].text not in _DASHES and "\n" not in lead[n].text:
        return None
    s, e = first.idx, lead[0].idx + len(lead[0].text)
    name = name_for_text(ctx, ctx.text[s:e], s, e)
    return {"name": name[0], "actor_id": name[1], "mention": {"text": ctx.text[s:e], "start": s, "end": e},
            "method": "colon"}


def _colon_paragraph_speaker(ctx: QuoteContext, si: int) -> dict[str, Any] | None:
    """A quotation opening its paragraph after a paragraph that ends with ":" ("Kerry wrote:"):
    the subject of that paragraph's last cue, else its last PERSON/ORG name, else the subject of
    its clause when it can speak ("He then listed the qualities a nominee needs:")."""
    text = ctx.text
    prev_end = ctx.stretches[si].outer_start - 1
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    if not (prev_end > 0 and text[prev_end - 1] == ":"):
        return None
    prev_start = text.rfind("\n", 0, prev_end) + 1
    span = ctx.doc.char_span(prev_start, prev_end, alignment_mode="expand")
    if span is None:
        return None
    for t in reversed(span):
        if is_cue(t, ctx.lex.speech):
            spk, method = cue_subject(ctx, t, -1, -1)
            if spk is not None and not never_speaks(ctx, spk):
                return speaker(ctx, spk, method, None)
    return _named_among(ctx, list(reversed(span)), "colon") or _lead_in_subject(ctx, list(span))


def layout_speaker(ctx: QuoteContext, group: list[int]) -> dict[str, Any] | None:
    """The speaker of quotation `group` (its stretch indexes) by layout: a transcript label
    opening its first stretch, a dash credit after its last one, a name before the colon that
    opens it, a name after a trailing dash, or a previous paragraph ending with ":"."""
    si = group[0]
    sp = label_speaker(ctx, si) or dash_speaker(ctx, group[-1])
    if sp is not None:
        return sp
    before, _ = regions(ctx, si)
    lead = colon_lead(ctx, si)
    if lead:
        sp = _named_among(ctx, lead[:5], "colon") or _credited_name(ctx, lead) or _lead_in_subject(ctx, lead)
        if sp is not None:
            return sp
    _, after = regions(ctx, group[-1])
    if after and after[0].text in _DASHES:
        sp = _named_among(ctx, after[1:5], "dash")
        if sp is not None:
            return sp
    if not before and ctx.stretches[si].outer_start in ctx.para_set:
        return _colon_paragraph_speaker(ctx, si)
    return None
