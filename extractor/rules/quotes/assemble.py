"""The driver: from a document's quoted stretches to its quotation records.

Each stretch gets its cue and the cue's speaker token, stretches are grouped into quotations,
and each quotation takes the first speaker found in this order: a "Name:" lead-in, the cue's
speaker, layout (label, dash credit, "X:" paragraph), and for a quotation without cue: the
attribution sentence before it, the governing clause's subject (partial quotations), the last
speaker (direct ones), the previous quotation's source (next sentence). Uncued titles and short
unattributed stretches (scare quotes) are dropped; blocks take their final attribution.
"""

from __future__ import annotations

from typing import Any

from .context import QuoteContext
from .cues import cue_dict, find_cue
from .grouping import Attribution, group_stretches
from .kinds import is_name_like, is_nonquote, is_title, kind
from .mention import LastSpeaker, speaker
from .speakers_adjacent import (
    block_speakers,
    last_speaker_goes_on,
    next_sentence_speaker,
    prev_paragraph_speaker,
    prev_sentence_speaker,
    previous_quote_goes_on,
    retro_attribution,
)
from .speakers_clause_subject import clause_subject
from .speakers_explicit import cue_speaker
from .speakers_layout import colon_name, layout_speaker


def attribution(ctx: QuoteContext, si: int) -> Attribution:
    """(cue, speaker token or None, method) for stretch si, or None without a cue."""
    cue = find_cue(ctx, si)
    if cue is None:
        return None
    a, b = ctx.tok_ranges[si]
    spk, method = cue_speaker(ctx, cue, a, b)
    return cue, spk, method


def _cued_speaker(ctx: QuoteContext, si: int, cue_info: Attribution,
                  last: LastSpeaker) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """(speaker, cue record) from a "Name:" lead-in before stretch si (then no cue is reported),
    else from the cue's speaker token."""
    colon = colon_name(ctx, si)
    if colon is not None:
        sp = speaker(ctx, colon, "colon", last)
        sp["method"] = "colon"
        return sp, None
    if cue_info is None:
        return None, None
    cue_tok, speaker_tok, method = cue_info
    cue_out = cue_dict(ctx.text, cue_tok)
    if speaker_tok is not None:
        return speaker(ctx, speaker_tok, method, last), cue_out
    return None, cue_out


def _uncued_speaker(ctx: QuoteContext, si: int, last: LastSpeaker,
                    previous: tuple[dict[str, Any], list[int]] | None) -> dict[str, Any] | None:
    """The speaker of a quotation (first stretch si) that has no cue and no layout speaker."""
    sp = retro_attribution(ctx, si) or prev_sentence_speaker(ctx, si)
    if sp is None and kind(ctx, si) == "direct":
        sp = next_sentence_speaker(ctx, si) or prev_paragraph_speaker(ctx, si)
    if sp is None and kind(ctx, si) == "partial":
        subj = clause_subject(ctx, si)
        if subj is not None:
            sp = speaker(ctx, subj, "subject", last)
    if sp is None and kind(ctx, si) == "direct":
        sp = last_speaker_goes_on(ctx, si, last)
    if sp is None:
        sp = previous_quote_goes_on(ctx, si, previous)
    return sp


def _uncued_name(ctx: QuoteContext, group: list[int], sp: dict[str, Any] | None) -> bool:
    """A partial quotation without cue whose only speaker is the subject of the clause around it
    (or nobody) and whose words are all capitalised is a name or a title ("Rubio's membership in
    the “Gang of Eight”"): no quotation."""
    return kind(ctx, group[0]) == "partial" and (sp is None or sp.get("method") == "subject") \
        and is_name_like(ctx, group)


def _record(ctx: QuoteContext, group: list[int], sp: dict[str, Any] | None,
            cue_out: dict[str, Any] | None) -> dict[str, Any]:
    """The quotation record of `group` (its stretches as fragments; id set later)."""
    frags = [{"text": ctx.text[ctx.stretches[j].start:ctx.stretches[j].end],
              "start": ctx.stretches[j].start, "end": ctx.stretches[j].end} for j in group]
    return {
        "id": "",
        "text": " … ".join(f["text"] for f in frags),
        "start": frags[0]["start"], "end": frags[-1]["end"],
        "fragments": frags,
        "kind": kind(ctx, group[0]),
        "speaker": sp,
        "cue": cue_out,
    }


def quotations(ctx: QuoteContext) -> list[dict[str, Any]]:
    """The quotation records of the document, with ids q1, q2, ..."""
    cues = [attribution(ctx, si) for si in range(len(ctx.stretches))]
    groups = group_stretches(ctx, cues)
    quotes: list[dict[str, Any]] = []
    emitted: list[list[int]] = []
    last: LastSpeaker = None
    for group in groups:
        cue_info = next((cues[j] for j in group if cues[j] is not None), None)
        si = group[0]
        sp, cue_out = _cued_speaker(ctx, si, cue_info, last)
        if sp is None:
            sp = layout_speaker(ctx, group)
        if sp is None and cue_info is None:
            sp = _uncued_speaker(ctx, si, last, (quotes[-1], emitted[-1]) if emitted else None)
        if cue_info is None and (is_title(ctx, si) or (sp is None and is_nonquote(ctx, group))
                                 or _uncued_name(ctx, group, sp)):
            continue
        quotes.append(_record(ctx, group, sp, cue_out))
        emitted.append(group)
        if sp is not None:
            last = (sp, ctx.stretches[group[-1]].para)
    block_speakers(ctx, emitted, quotes)
    for n, q in enumerate(quotes, 1):
        q["id"] = f"q{n}"
    return quotes
