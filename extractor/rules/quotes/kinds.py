"""What kind of quoted stretch this is: a direct quotation (a capitalised sentence of its own)
or a partial one (words inside a sentence), and whether it is no quotation at all: a title
("the film “...”"), a scare quote or a nickname.
"""

from __future__ import annotations

from .context import QuoteContext
from .regions import para_bounds, regions

#: how far around a quotation its line is read to tell prose from a headline (characters)
_LINE_WINDOW = 300
#: short words left lower-case inside a title or name ("Gang of Eight", "Hard Hats for Hillary")
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with",
                                "from", "de", "la", "van", "von", "vs", "v"})


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


def _capitalised(text: str) -> bool | None:
    """True when every word of `text` starts with a capital (small words and numbers aside), False
    when a word does not, None when it has no word with a letter."""
    seen = False
    for w in text.split():
        w = w.strip(".,;:!?()[]\"'\u2018\u2019\u201c\u201d\u2026-")
        if not w or not w[0].isalpha():
            continue
        if w[0].islower() and w.lower() not in _TITLE_SMALL_WORDS:
            return False
        seen = seen or w[0].isupper()
    return seen if seen else None


def is_name_like(ctx: QuoteContext, group: list[int]) -> bool:
    """Is the quotation a name or title rather than words someone said ("the “Gang of Eight”", a
    show called “Saturday Night Live”): every word capitalised, in a line of prose (in a headline,
    where every word is capitalised anyway, it may well be speech)?"""
    st = ctx.stretches[group[0]]
    if not all(_capitalised(ctx.text[ctx.stretches[j].start:ctx.stretches[j].end]) for j in group):
        return False
    ps, pe = para_bounds(ctx, group[0])
    end = ctx.stretches[group[-1]].outer_end
    around = ctx.text[max(ps, st.outer_start - _LINE_WINDOW):st.outer_start] + " " \
        + ctx.text[end:min(pe, end + _LINE_WINDOW)]  # (bounded: a one-line text stays linear)
    return _capitalised(around) is False
