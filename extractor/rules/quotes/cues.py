"""The speech cue of a quoted stretch: the speech verb ("said", "according to") in the attribution
clause around it. A cue tied to the quote in the parse wins; one whose own clausal complement lies
outside the quote (indirect speech) is penalised; without a lexicon cue, a verb framing the quote by
layout (“...,” Hannity started.) is taken; a cue inside the reported clause of an outer "say" yields.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from .context import QuoteContext
from .regions import regions

#: speech verbs that also mark the phase of another action ("“...,” he continued" is speech,
#: "it continues to “fuel the flames”" is not): with an infinitive complement they are no cue
_ASPECTUAL = frozenset({"continue", "begin", "start", "resume", "go"})
#: the reporting verbs that frame other speech verbs ("said that X called ...")
_OUTER = frozenset({"say", "tell", "write", "add", "claim", "argue", "insist", "note", "explain", "report"})


def is_cue(t: Token, speech: frozenset[str]) -> bool:
    """Is `t` a speech cue: a speech verb (lemma in `speech`, not "be"), "according" before "to",
    or a speech verb the tagger called a noun but that has a subject ("the email read")?"""
    if t.lower_ == "according":
        return t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"
    if t.i > 0 and t.doc[t.i - 1].lower_ in ("so", "so-") or t.lower_.startswith("so-"):
        return False  # "so-called"
    if t.i > 1 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].lower_ == "so":
        return False
    if _discourse_marker(t):
        return False  # "That said, ...": a connective, nobody's speech
    if t.pos_ == "NOUN" and t.dep_ in ("ROOT", "ccomp", "conj", "parataxis") and t.lower_ in speech:
        return any(c.dep_ in ("compound", "nsubj") for c in t.children)  # "the email read" tagged as a noun
    lemma = t.lemma_.lower()
    if lemma in _ASPECTUAL and any(c.dep_ == "xcomp" for c in t.children):
        return False  # "it continues to “fuel the flames”": a phase of an action, not speech
    return t.pos_ in ("VERB", "AUX") and lemma in speech and lemma != "be"


def _discourse_marker(t: Token) -> bool:
    """Is `t` the "said" of "That said," / "This said," opening a clause (a connective, "even so")?"""
    doc = t.doc
    if t.lower_ != "said" or t.i == 0 or t.i + 1 >= len(doc) or doc[t.i + 1].text != ",":
        return False
    prev = doc[t.i - 1]
    return prev.lower_ in ("that", "this") and (prev.i == 0 or prev.is_sent_start or doc[prev.i - 1].is_punct)


def cue_dict(text: str, t: Token) -> dict[str, Any]:
    """The output record of cue `t` ("according to" spans both words); `text` is the doc's text."""
    if t.lower_ == "according" and t.i + 1 < len(t.doc):
        nxt = t.doc[t.i + 1]
        return {"text": text[t.idx:nxt.idx + len(nxt.text)], "lemma": "according to",
                "start": t.idx, "end": nxt.idx + len(nxt.text)}
    return {"text": t.text, "lemma": t.lemma_.lower(), "start": t.idx, "end": t.idx + len(t.text)}


def reports_other(ctx: QuoteContext, cue: Token, a: int, b: int) -> bool:
    """True when the cue's own clausal complement lies outside every quotation
    (then the cue introduces indirect speech, not our quote)."""
    for c in cue.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i not in ctx.quoted and not (a <= c.i < b):
            sub = range(c.left_edge.i, c.right_edge.i + 1)
            if not any(i in ctx.quoted for i in sub) and c.pos_ in ("VERB", "AUX"):
                if c.dep_ == "xcomp" and c.lemma_.lower() in ctx.lex.speech:
                    continue
                return True
    return False


def _outermost(ctx: QuoteContext, cue: Token, a: int, b: int) -> Token:
    """A cue inside the reported clause of another speech verb yields to that verb
    ("Clinton said Trump was calling her “...”" is Clinton's attribution)."""
    t = cue
    through_comp = False
    for _ in range(5):
        if t.head.i == t.i:
            break
        through_comp = through_comp or t.dep_ in ("ccomp", "xcomp")
        t = t.head
        if t.i in ctx.quoted or a <= t.i < b:
            break
        if through_comp and is_cue(t, ctx.lex.speech) and t.lemma_.lower() in _OUTER and not relayed(ctx, t) \
                and not negated(ctx, t):
            return t  # (never to what someone did not say: "X cannot say that “...,” Y added")
    return cue


def negated(ctx: QuoteContext, t: Token) -> bool:
    """Does speech verb `t` say what someone did not say ("cannot say", "did not tell"): a negation
    of its own right before it, outside any quotation?"""
    return any(c.dep_ == "neg" and c.i < t.i and t.i - c.i <= 3 and c.i not in ctx.quoted for c in t.children)


def _structural_cue(ctx: QuoteContext, si: int, before: list[Token], after: list[Token]) -> Token | None:
    """A verb outside the lexicon that still frames the quotation by layout:
    “...,” Hannity started. / The Clinton campaign worded it carefully: “...”"""
    st = ctx.stretches[si]
    inner_last = ctx.text[st.end - 1] if st.end > st.start else ""
    if after and (inner_last in ",?!" or after[0].text == ",") and len(after) <= 15:
        for t in after[:8]:
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in ctx.quoted
                              and c.lower_ not in ("which", "that") for c in t.children)  # (not "“...,” which votes")
            if t.pos_ == "VERB" and has_subject and not _subordinate(ctx, t) \
                    and not reports_other(ctx, t, *ctx.tok_ranges[si]):
                return t
    if before and before[0].text in (":", ","):
        for t in before[1:20]:
            if t.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in ctx.quoted
                                        for c in t.children):
                return t
    return None


def _quote_ancestors(ctx: QuoteContext, a: int, b: int) -> tuple[dict[int, int], set[int]]:
    """The tokens outside quote tokens a..b that govern its words (token index -> depth, up to 5
    levels above the first 6 roots), and the quote's root tokens (heads outside the quote)."""
    doc = ctx.doc
    ancestors: dict[int, int] = {}
    roots = [doc[i] for i in range(a, b) if not (a <= doc[i].head.i < b) or doc[i].head.i == i]
    for r in roots[:6]:
        depth = 0
        h = r
        while depth < 5 and h.head.i != h.i:
            h = h.head
            depth += 1
            if not (a <= h.i < b):
                ancestors.setdefault(h.i, depth)
    return ancestors, {r.i for r in roots}


def _subordinate(ctx: QuoteContext, t: Token) -> bool:
    """Is verb `t` introduced by a subordinator outside the quotation ("grateful that the minister
    began ...")? Then it belongs to what is reported, and hanging off the quotation makes it no
    attribution."""
    return any(c.dep_ == "mark" and c.i not in ctx.quoted for c in t.children)


def _score(ctx: QuoteContext, t: Token, dist: int, side: str, ancestors: dict[int, int], root_ids: set[int],
           a: int, b: int) -> float:
    """How well speech verb `t`, `dist` tokens away on `side` of quote tokens a..b, attributes it."""
    score = -0.25 * dist
    if t.i in ancestors:
        score += 4 + 0.5 * ancestors[t.i]
    elif (t.head.i in root_ids or (a <= t.head.i < b)) and not _subordinate(ctx, t):
        score += 5
    if side == "after" and dist <= 6:
        score += 1.5
    if side == "before" and dist <= 3:
        score += 1 + 2 * (dist == 0)  # (the verb right before the opening mark: "Jane Roe, who tweeted “...”")
    if t.i not in ancestors and reports_other(ctx, t, a, b):
        score -= 8
    if negated(ctx, t):
        score -= 6  # "X cannot say that “...,” Y added": what someone did not say is the other verb's quote
    return score


def relayed(ctx: QuoteContext, t: Token) -> bool:
    """Is cue `t` a reporter passing the words on ("..., an AFP reporter said", "..., a
    correspondent reports")? Then another speech verb around the quotation names who spoke."""
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in ctx.lex.relay_nouns or c.lower_ in ctx.lex.relay_nouns)
               for c in t.children)


def _best_cue(ctx: QuoteContext, si: int, before: list[Token], after: list[Token]) -> Token | None:
    """The best-scoring lexicon cue around stretch si, a sentence-final "..., <Name> said." however
    long the clause before it, else the structural cue; None when nothing attributes it."""
    a, b = ctx.tok_ranges[si]
    ancestors, root_ids = _quote_ancestors(ctx, a, b)
    best: tuple[float, Token] | None = None
    for region, side in ((before, "before"), (after, "after")):
        for dist, t in enumerate(region):
            if not is_cue(t, ctx.lex.speech):
                continue
            score = _score(ctx, t, dist, side, ancestors, root_ids, a, b) - 6 * relayed(ctx, t)
            if best is None or score > best[0]:
                best = (score, t)
    if best is not None and best[0] < -6 and best[1].dep_ == "ROOT" and best[1] in after \
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > b for c in best[1].children):
        best = (0.0, best[1])  # a sentence-final "..., <Name> said." however long the clause before it
    if best is None or best[0] < -6:
        return _structural_cue(ctx, si, before, after)
    return best[1]


def find_cue(ctx: QuoteContext, si: int) -> Token | None:
    """The speech cue of stretch si (after yielding to an outer reporting verb), or None. The
    token that matched is recorded in `ctx.group_keys[si]`: stretches sharing it are one quotation."""
    a, b = ctx.tok_ranges[si]
    if b <= a:
        return None
    before, after = regions(ctx, si)
    st = ctx.stretches[si]
    if st.end > st.start and ctx.text[st.end - 1] in ".\u2026" and after and after[0].text[:1].isupper():
        after = []  # “... end.” She noted ...: a new sentence, not an attribution of this quote
    matched = _best_cue(ctx, si, before, after)
    if matched is None:
        return None
    ctx.group_keys[si] = matched.i
    return _outermost(ctx, matched, a, b)
