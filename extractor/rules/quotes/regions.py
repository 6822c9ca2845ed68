"""Where to look around a quotation or a mention: the paragraph bounds of a stretch, the
attribution regions before and after its marks, the sentence ends between two stretches,
and the capitalised words earlier in a mention's paragraph.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Span, Token

from .context import QuoteContext
from .grammar import MAX_REGION, is_term

#: How many tokens back `title_words_before` looks inside a paragraph. In ordinary text the walk
#: still always reaches the paragraph start: the longest paragraph (line) in all our data sets is
#: 1,558 tokens (a geovirus article on one line). In a hostile one-line text of 50,000 tokens it is
#: what keeps each pronoun's look-back from walking the whole text (quadratic over all pronouns).
MAX_PARA_WALK = 2000


def para_bounds(ctx: QuoteContext, si: int) -> tuple[int, int]:
    """(start, end) chars of the line holding stretch si (its end: the next line break after it)."""
    st = ctx.stretches[si]
    i = bisect.bisect_right(ctx.paras, st.outer_start) - 1
    ps = ctx.paras[i] if i >= 0 else 0
    pe = ctx.text.find("\n", st.outer_end)
    return ps, (len(ctx.text) if pe < 0 else pe)


def regions(ctx: QuoteContext, si: int) -> tuple[list[Token], list[Token]]:
    """Tokens outside quotes before the opening mark (nearest first) and after the closing mark,
    each up to the sentence end, the paragraph end or another quotation."""
    doc = ctx.doc
    ps, pe = para_bounds(ctx, si)
    o0, o1 = ctx.outer_ranges[si]
    before: list[Token] = []
    i = o0 - 1
    while i >= 0 and len(before) < MAX_REGION:
        t = doc[i]
        if t.idx < ps or i in ctx.quoted or is_term(t):
            break
        before.append(t)
        i -= 1
    after: list[Token] = []
    i = o1
    while i < len(doc) and len(after) < MAX_REGION:
        t = doc[i]
        if t.idx >= pe or i in ctx.quoted or is_term(t):
            break
        after.append(t)
        i += 1
    return before, after


def terms_between(ctx: QuoteContext, prev: int, si: int) -> list[int]:
    """Sentence ends (outside quotes) between the end of stretch `prev` and the start of `si`."""
    a0 = ctx.tok_ranges[prev][1] - 1
    b0 = ctx.tok_ranges[si][0]
    return [t.i for t in ctx.doc[max(a0, 0):max(b0, a0, 0)] if is_term(t) and t.i not in ctx.quoted]


def sentence_gap(ctx: QuoteContext, prev: int, si: int) -> int:
    """How many sentences end between stretch `prev` and stretch `si`."""
    return len(terms_between(ctx, prev, si))


def title_words_before(ctx: QuoteContext, span: Span) -> Iterator[Token]:
    """Capitalised tokens outside quotes before `span` in its own paragraph (at most
    MAX_PARA_WALK tokens back), nearest first."""
    para = ctx.para_index(span.start_char)
    para_start = ctx.nonblank_starts[para] if para >= 0 else 0
    floor = span.start - MAX_PARA_WALK
    titles = ctx.title_tokens
    for k in range(bisect.bisect_left(titles, span.start) - 1, -1, -1):
        i = titles[k]
        t = ctx.doc[i]
        if i < floor or t.idx < para_start:  # a token holding a line break starts before para_start
            break
        yield t


def name_ending_at(ctx: QuoteContext, t: Token) -> Span:
    """`t` with the capitalised compound words before it ("Relief" + "International")."""
    start = t.i
    while start > 0 and ctx.doc[start - 1].is_title and ctx.doc[start - 1].dep_ == "compound":
        start -= 1
    return ctx.doc[start:t.i + 1]
