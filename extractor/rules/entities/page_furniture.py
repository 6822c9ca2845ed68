"""Page furniture is not the story: newsletter and app prompts ("CLICK HERE TO GET THE FOX NEWS
APP"), teasers of other stories ("Other Topics of Interest ..."), consent and copyright notices,
opinion disclaimers ("The views expressed ... not necessarily those of Kyiv Post"), contributor
credits, embedded posts, caption credits ("Jane Doe Courtesy of Jane Doe"), related-story links
set in capitals, the author's bio that closes an opinion piece, and picture credits ("(Vadim
Savitsky/AP)", "Alexander Nemenov/AFP/Getty Images"). Scrapers keep them inside the text; the
names on those lines are neither the story's places nor its actors, so their entities are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from .context import EntityContext

#: a line with an "anywhere" phrase is furniture only when it is this short (a paragraph of
#: reporting may quote "the privacy policy" in passing)
MAX_FURNITURE_WORDS = 80


_LOWER_ASCII = re.compile("[a-z]")


def _all_caps(line: str) -> bool:
    """A related-story link set in capitals ("BIDEN WARNS RUSSIA OF ..."): three words or more."""
    if _LOWER_ASCII.search(line):
        return False  # the common case, answered without building the list of letters
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 3 and len(letters) >= 12 and all(c.isupper() for c in letters)


def is_furniture(line: str, starts: tuple[str, ...], anywhere: tuple[str, ...]) -> bool:
    """Does this line (stripped) belong to the page rather than to the story?"""
    low = line.lower().lstrip("•*-–— \t")
    if low.startswith(starts):
        return True
    return len(low.split()) <= MAX_FURNITURE_WORDS and _any_of(anywhere).search(low) is not None


@lru_cache(maxsize=8)
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding any of the phrases in a line (one C-level scan, not one per phrase)."""
    return re.compile("|".join(map(re.escape, phrases)) if phrases else "(?!)")


#: "Jane Doe is a senior fellow at ...", "John Smith is Founder & President of ...": an author's bio
_BIO = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:is|was|serves as) (?:an? |the |[A-Z])")
#: an author's bio is one of the last lines of an opinion piece, and short
BIO_LAST_LINES = 3
BIO_MAX_WORDS = 50


def furniture_ranges(ctx: EntityContext) -> list[tuple[int, int]]:
    """Character ranges of the furniture lines of the text (the first line, a headline, is never
    one: a headline in capitals is handled by the headline step), and of an author's bio among
    the last lines ("Jane Doe is a senior fellow at the Atlantic Council"). Read once per document
    (the headline step and the furniture step both ask)."""
    found = ctx.memo.get("furniture_ranges")
    if found is None:
        found = ctx.memo["furniture_ranges"] = _furniture_lines(ctx)
    return found


def _furniture_lines(ctx: EntityContext) -> list[tuple[int, int]]:
    text = ctx.text
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((pos, pos + len(raw), raw.strip()))
        pos += len(raw) + 1
    starts, anywhere = ctx.lex.furniture_starts, ctx.lex.furniture_anywhere
    out: list[tuple[int, int]] = []
    for n, (s, e, line) in enumerate(lines):
        if is_furniture(line, starts, anywhere) or (n > 0 and _all_caps(line)) or (
                n > 0 and n >= len(lines) - BIO_LAST_LINES and len(line.split()) <= BIO_MAX_WORDS and _BIO.match(line)):
            out.append((s, e))
    return out


#: a picture credit: "(Vadim Savitsky/AP)", "Alexander Nemenov/AFP/Getty Images", "Photograph: Jane
#: Doe/Reuters": a name, a slash, an agency (one to three slash-joined parts)
_CREDIT = re.compile(r"(?:(?:Photograph|Photo|Picture|Image)s?: *)?"
                     r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,5}(?: ?/ ?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}){1,3}"
                     r"(?=\)|\n|$)")


#: a short caption line that ends in a credit: "Mark Hannah Courtesy of Mark Hannah", "Photo courtesy
#: of the Kyiv City Council"
_COURTESY = re.compile(r"(?m)^[^\n]{0,80}\b[Cc]ourtesy(?: of)? [^\n]{1,60}$")
COURTESY_MAX_WORDS = 14


def is_picture_credit(text: str) -> bool:
    """'Alexander Nemenov/AP', 'Clodagh Kilcoyne/PA': the whole text is a picture credit."""
    return "/" in text and _CREDIT.fullmatch(text) is not None


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of picture credits that close a caption (before ")" or at a line end), and
    of short caption lines ending in "Courtesy of ..."."""
    out = [(m.start(), m.end()) for a, b in _lines_with(text, "/") for m in _CREDIT.finditer(text, a, b)
           if "/" in m.group() and not m.group().endswith(".")]
    if "ourtesy" not in text:
        return out
    return out + [(m.start(), m.end()) for m in _COURTESY.finditer(text)
                  if len(m.group().split()) <= COURTESY_MAX_WORDS and not m.group().rstrip().endswith(".")]


def _lines_with(text: str, char: str) -> list[tuple[int, int]]:
    """(start, end) of every line holding `char`, its line break excluded.

    Why: a credit never crosses a line break and always holds a slash, so only the lines with a
    slash are searched (the credit pattern tried at every capital of an article was half the cost
    of this step); a match there is the same as in the whole text, since a line's end is where
    the pattern's "\n or end" look-ahead holds either way."""
    out: list[tuple[int, int]] = []
    i = text.find(char)
    while i >= 0:
        a = text.rfind("\n", 0, i) + 1
        b = text.find("\n", i)
        b = len(text) if b < 0 else b
        out.append((a, b))
        i = text.find(char, b)
    return out


def drop_furniture(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """Entities outside the furniture lines and the picture credits."""
    ranges = furniture_ranges(ctx) + credit_ranges(ctx.text)
    if not ranges:
        return ents
    return [e for e in ents if not any(s <= e.start_char < end for s, end in ranges)]
