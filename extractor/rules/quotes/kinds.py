"""What kind of quoted stretch this is: a direct quotation (a capitalised sentence of its own)
or a partial one (words inside a sentence), and whether it is no quotation at all: a title
("the film “...”"), a scare quote or a nickname.
"""

from __future__ import annotations

from .context import QuoteContext
from .regions import regions


def kind(ctx: QuoteContext, si: int) -> str:
    """"direct" when stretch si opens with a capital, a digit or an ellipsis at a sentence start,
    else "partial"."""
    st = ctx.stretches[si]
    first = ctx.text[st.start]
    prev = ctx.text[max(0, st.outer_start - 200):st.outer_start].rstrip()  # bounded look-back
    lead = prev[-1:] if prev else ""
    sentence_start = lead in ("", ".", "!", "?", ":", ",", "\n", "”", '"', "—", "–") or \
        st.outer_start in ctx.para_set or prev.endswith("''")
    if (first.isupper() or first.isdigit() or first in "….") and sentence_start:
        return "direct"
    return "partial"


def is_title(ctx: QuoteContext, si: int) -> bool:
    """Is stretch si the title of a work: a work noun among the 3 tokens before it ("the film")?"""
    before, _ = regions(ctx, si)
    return any(t.lower_ in ctx.lex.works and t.pos_ in ("NOUN", "PROPN") for t in before[:3])  # not "to show"


def is_nonquote(ctx: QuoteContext, group: list[int]) -> bool:
    """No cue and no speaker: a title, a scare quote or a nickname, unless it is long."""
    n_words = sum(len(ctx.text[ctx.stretches[j].start:ctx.stretches[j].end].split()) for j in group)
    return n_words <= 4 or is_title(ctx, group[0])
