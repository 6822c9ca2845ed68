"""Speakers carried over from the neighbourhood (method "adjacent") when a quotation has no cue
of its own: the attribution sentence just before it, the previous quotation's speaker (direct
quotation in the same or next paragraph; partial one in the next sentence), and the final
attribution of a multi-paragraph quotation block for its earlier paragraphs.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from .context import QuoteContext
from .cues import is_cue
from .grammar import MAX_REGION, TERMINATORS
from .kinds import is_title
from .mention import LastSpeaker, speaker
from .regions import para_bounds, sentence_gap
from .speakers_explicit import cue_subject, never_speaks


def prev_sentence_speaker(ctx: QuoteContext, si: int) -> dict[str, Any] | None:
    """A quotation right after an attribution sentence of the same paragraph
    ("..., Schiff said. “The other factor ...”") continues that speaker."""
    doc = ctx.doc
    o0 = ctx.outer_ranges[si][0]
    ps, _ = para_bounds(ctx, si)
    i = o0 - 1
    if i < 0 or doc[i].text not in TERMINATORS or doc[i].idx < ps:
        return None
    i -= 1
    n = 0
    while i >= 0 and n < MAX_REGION and doc[i].idx >= ps and i not in ctx.quoted \
            and doc[i].text not in TERMINATORS:
        t = doc[i]
        if is_cue(t, ctx.lex.speech):
            spk, method = cue_subject(ctx, t, -1, -1)
            if spk is not None and not never_speaks(ctx, spk):
                sp = speaker(ctx, spk, method, None)
                sp["method"] = "adjacent"
                return sp
        i -= 1
        n += 1
    return None


def _attribution_in(ctx: QuoteContext, tokens: list[Token] | Span) -> dict[str, Any] | None:
    """The speaker (method adjacent) of the outermost speech cue among `tokens` whose subject can
    speak ("Carter said that critics had predicted ...": Carter)."""
    for t in sorted(tokens, key=lambda t: (len(list(t.ancestors)), -t.i)):
        if t.i in ctx.quoted or not is_cue(t, ctx.lex.speech):
            continue
        spk, method = cue_subject(ctx, t, -1, -1)
        if spk is not None and not never_speaks(ctx, spk) and spk.lower_ not in ("it", "this", "that"):
            return dict(speaker(ctx, spk, method, None), method="adjacent")
    return None


def prev_paragraph_speaker(ctx: QuoteContext, si: int) -> dict[str, Any] | None:
    """A quotation opening its paragraph right after a paragraph whose last sentence reports
    someone's speech without quoting it ("Carter said the US would not withdraw. ¶ “That's because
    ...”"): that reporting speaker goes on."""
    st = ctx.stretches[si]
    pi = ctx.para_index(st.outer_start)
    if pi <= 0 or ctx.nonblank_starts[pi] != st.outer_start:
        return None
    ps = ctx.nonblank_starts[pi - 1]
    pe = ctx.text.rfind("\n", ps, st.outer_start)
    para = ctx.doc.char_span(ps, pe if pe > ps else st.outer_start, alignment_mode="contract")
    if para is None or not len(para):
        return None
    last = para[-1].sent if para[-1].is_punct else para[-1].sent
    sent = [t for t in ctx.doc[max(last.start, para.start):para.end]]
    if any(t.i in ctx.quoted for t in sent):
        return None  # a quotation there has its own speaker, who goes on by `last_speaker_goes_on`
    return _attribution_in(ctx, sent)


def next_sentence_speaker(ctx: QuoteContext, si: int) -> dict[str, Any] | None:
    """“Three people were killed.” The agency said this in a statement. A quoted sentence followed
    in its paragraph by a speech verb with a subject and no content of its own (no clause, at
    most "this"/"so" as object): that subject is the speaker."""
    doc = ctx.doc
    o1 = ctx.outer_ranges[si][1]
    _, pe = para_bounds(ctx, si)
    st = ctx.stretches[si]
    if not ctx.text[st.start:st.end].rstrip().endswith((".", "!", "?")) or o1 >= len(doc):
        return None
    sent = doc[o1].sent
    if sent.start != o1 or doc[o1].idx >= pe:
        return None
    root = sent.root
    if not is_cue(root, ctx.lex.speech) or any(i in ctx.quoted for i in range(sent.start, sent.end)):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.lower_ not in ("this", "so", "it", "that"))
           for c in root.children):
        return None
    return _attribution_in(ctx, [root])


def last_speaker_goes_on(ctx: QuoteContext, si: int, last: LastSpeaker) -> dict[str, Any] | None:
    """A direct quotation (stretch si) without cue continues the last speaker when that one
    spoke in the same or the previous paragraph."""
    if last is None:
        return None
    prev_sp, prev_para = last
    para = ctx.stretches[si].para
    if para - prev_para <= 1 or (para - prev_para <= 3 and all(
            _furniture(ctx, p) for p in range(prev_para + 1, para))):
        return dict(prev_sp, method="adjacent")
    return None


#: the longest line taken for page furniture (a caption, a "– video" link) between paragraphs
_FURNITURE_CHARS = 120


def _furniture(ctx: QuoteContext, pi: int) -> bool:
    """Is paragraph `pi` page furniture that interrupts a speech rather than prose ("0:59 Minister
    'very worried' about the talks – video"): a short line that does not end a sentence?"""
    start = ctx.nonblank_starts[pi]
    end = ctx.text.find("\n", start)
    line = ctx.text[start:end if end >= 0 else len(ctx.text)].strip()
    return 0 < len(line) <= _FURNITURE_CHARS and line[-1] not in ".!?:\"\u201d\u2019'"


def previous_quote_goes_on(ctx: QuoteContext, si: int,
                           previous: tuple[dict[str, Any], list[int]] | None) -> dict[str, Any] | None:
    """“...” the experts warned. Fighters also “killed civilians”: a quotation (stretch si) with no
    cue of its own in the sentence after a cued and attributed quotation of the same paragraph
    (`previous` = that quotation's record and stretch indexes) goes on with the same source."""
    if previous is None:
        return None
    quote, group = previous
    if quote["cue"] is not None and quote["speaker"] is not None and not is_title(ctx, si) \
            and ctx.stretches[group[-1]].para == ctx.stretches[si].para \
            and sentence_gap(ctx, group[-1], si) == 1:
        return dict(quote["speaker"], method="adjacent")
    return None


def block_speakers(ctx: QuoteContext, groups: list[list[int]], quotes: list[dict[str, Any]]) -> None:
    """A multi-paragraph quotation (paragraphs reopened with a mark, no closing mark until the
    last one, which ends “...,” he said.) is attributed once, at its end: every earlier
    paragraph of the block without a cue or a speaker label of its own takes the block's
    final speaker. `quotes[k]` is the record of quotation `groups[k]`; updated in place."""
    starts = frozenset(ctx.nonblank_starts)
    pending: list[int] = []
    for k, group in enumerate(groups):
        pending.append(k)
        last = ctx.stretches[group[-1]]
        if not last.closed and k + 1 < len(groups):
            nxt = ctx.stretches[groups[k + 1][0]]
            if nxt.para == last.para + 1 and nxt.outer_start in starts:
                continue  # the block goes on in the next paragraph
        final = quotes[k]["speaker"]
        if len(pending) > 1 and final is not None:
            for j in pending[:-1]:
                own = quotes[j]["speaker"]
                if quotes[j]["cue"] is None and (own is None or own.get("method") == "adjacent"):
                    quotes[j]["speaker"] = dict(final, method="adjacent")
        pending = []


#: the demonstratives that open a sentence attributing what was just quoted ("That's according to X")
_BACK_REFERENCE = frozenset({"this", "that"})


def _following_sentence(ctx: QuoteContext, si: int) -> Span | None:
    """The sentence after the one holding stretch si: in the same paragraph, or opening the next
    paragraph when the quotation's sentence ends its own."""
    doc = ctx.doc
    o1 = ctx.outer_ranges[si][1]
    if o1 >= len(doc):
        return None
    end = doc[o1 - 1].sent.end
    while end < len(doc) and doc[end].is_space:
        end += 1
    if end >= len(doc):
        return None
    nxt = doc[end].sent
    gap = ctx.para_index(doc[end].idx) - ctx.stretches[si].para
    return nxt if gap in (0, 1) else None


def _how_clause_speaker(ctx: QuoteContext, root: Token) -> Token | None:
    """"That was how X put it", "That is what X told reporters": the subject of the speech verb
    of a how/what clause that completes "that was"/"this is"."""
    if root.lemma_ != "be":
        return None
    for clause in root.children:
        if clause.dep_ != "ccomp" or not is_cue(clause, ctx.lex.speech):
            continue
        if not any(c.lower_ in ("how", "what") and c.i < clause.i for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i not in ctx.quoted), None)
        if subject is not None and subject.lower_ not in ("it", "this", "that") and not never_speaks(ctx, subject):
            return subject
    return None


def retro_attribution(ctx: QuoteContext, si: int) -> dict[str, Any] | None:
    """“...” ¶ That's according to Jane Roe, who ... / This was stated by Jane Roe: a sentence that
    opens with a demonstrative and gives the source of what came just before ("according to X",
    a speech verb in the passive with its "by X" agent, "That was how X put it") names the
    speaker of the quotation."""
    st = ctx.stretches[si]
    words = ctx.text[st.start:st.end].split()
    if len(words) <= 4 and all(w[:1].isupper() for w in words):
        return None  # “War On Drugs”: a name, not speech
    sent = _following_sentence(ctx, si)
    if sent is None or sent[0].lower_ not in _BACK_REFERENCE or any(t.i in ctx.quoted for t in sent):
        return None
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(ctx.doc) and ctx.doc[t.i + 1].lower_ == "to":
            spk, method = cue_subject(ctx, t, -1, -1)
            if spk is not None and not never_speaks(ctx, spk):
                return dict(speaker(ctx, spk, method, None), method="adjacent")
            return None
    root = sent.root
    told = _how_clause_speaker(ctx, root)
    if told is not None:
        return dict(speaker(ctx, told, "explicit", None), method="adjacent")
    if is_cue(root, ctx.lex.speech) and any(c.dep_ == "nsubjpass" and c.i == sent.start for c in root.children):
        agent = next((g for c in root.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None and not never_speaks(ctx, agent):
            return dict(speaker(ctx, agent, "explicit", None), method="adjacent")
    return None

