"""Grouping quoted stretches into quotations: a stretch sharing its cue with the previous one,
or with no cue of its own right after another stretch of the same paragraph, is a further
fragment of that quotation (“A,” he said. “B.” / he called it “x” and “y”), but only within the
same sentence or the next one, and not when a speech noun of another owner introduces it ("his
mantra “A” and the ministry's insistence that “B”").
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import QuoteContext
from .kinds import is_title
from .regions import terms_between
from .speakers_clause_subject import speech_noun_owner

#: a lower-case partial quotation in the sentence after a cued one continues it
_MERGE_NEXT_PARTIAL = True

#: a stretch's attribution: (cue, speaker token or None, method), or None without a cue
Attribution = tuple[Token, Token | None, str] | None


def near_sentence(ctx: QuoteContext, prev: int, si: int) -> bool:
    """May stretch `si` (no cue of its own) continue the quotation ending with stretch `prev`?
    Only inside the same sentence (“A,” he said, “B.”) or the sentence right after it:
    a quotation two sentences on is a new quotation, not a further fragment."""
    a0 = ctx.tok_ranges[prev][1] - 1
    b0 = ctx.tok_ranges[si][0]
    if a0 < 0 or b0 <= a0:
        return True
    terms = terms_between(ctx, prev, si)
    if not terms:
        return True
    if len(terms) > 1:
        return False
    # the next sentence must open with the quotation itself (“A,” he said. “B.”), not hold it
    # inside a clause of its own ("... “A.” Police later ordered a “B” ...")
    o0 = ctx.outer_ranges[si][0]
    if all(i in ctx.quoted or ctx.doc[i].is_space for i in range(terms[0] + 1, o0)):
        return True
    # or a lower-case partial quotation right after a cued one: the same source goes on
    # (“A,” the experts warned. Fighters also “b”); a capitalised one is a name, not speech
    st = ctx.stretches[si]
    return _MERGE_NEXT_PARTIAL and ctx.text[st.start].islower() and ctx.group_keys.get(prev) is not None


def _joins(ctx: QuoteContext, prev: list[int], si: int, cues: list[Attribution]) -> bool:
    """Does stretch si continue the quotation `prev` (stretch indexes): same paragraph after a
    closed stretch, and either the same cue or no cue of its own near enough?"""
    last = ctx.stretches[prev[-1]]
    st = ctx.stretches[si]
    same_para = last.para == st.para and last.closed
    cue, pcue = cues[si], next((cues[j] for j in prev if cues[j] is not None), None)
    pkey = next((ctx.group_keys[j] for j in prev if j in ctx.group_keys), None)
    return same_para and ((cue is not None and pcue is not None and ctx.group_keys.get(si) == pkey)
                          or (cue is None and not is_title(ctx, si) and near_sentence(ctx, prev[-1], si)
                              and not _owned_elsewhere(ctx, prev, si)))


def _owned_elsewhere(ctx: QuoteContext, prev: list[int], si: int) -> bool:
    """Is stretch si the wording of another owner than the quotation before it ("his mantra “A”
    and the ministry's insistence that “B”": two quotations)?"""
    owner = speech_noun_owner(ctx, si)
    if owner is None:
        return False
    before = speech_noun_owner(ctx, prev[0])
    return before is None or before.i != owner.i and before.lower_ != owner.lower_


def group_stretches(ctx: QuoteContext, cues: list[Attribution]) -> list[list[int]]:
    """The stretches (indexes) of each quotation, in order; `cues[si]` = stretch si's attribution."""
    groups: list[list[int]] = []
    for si in range(len(ctx.stretches)):
        prev = groups[-1] if groups else None
        if prev is not None and _joins(ctx, prev, si, cues):
            prev.append(si)
            continue
        groups.append([si])
    return groups
