"""Bounded sentences: no stretch without a sentence end reaches the parser longer than a limit.

Why: the parser and NER are linear in the length of a sentence, but the rules after them are
not. `Token.sent`, `Token.children` and `Token.subtree` walk the sentence (spaCy finds a
token's sentence and children by scanning), and the count, quote and place rules call them for
every number, cue and name. In a 40,000-token "sentence" (a scraped table, a list of numbers, a
broken export with no full stop) that is 40,000 x 40,000 steps: 20,000 numbers in a row took
over ten minutes. With every sentence at most `max_tokens` long those walks cost at most
`max_tokens` steps each, so the rules stay linear in the length of the text.

How: before the parser runs (the parser keeps preset sentence starts), every stretch of a line
between two sentence ends (`.`, `!`, `?`, `…`, possibly followed by closing quotes or brackets,
then whitespace) that holds more than `max_tokens` tokens is cut into pieces of at most
`max_tokens` tokens. Each cut goes after the last clause punctuation (, ; : dashes, brackets) in
the second half of the window, else at the last whitespace there, else (one long token cut into
pieces, e.g. a base64 blob) between two pieces. Cutting only sets sentence starts: the text,
the tokens and so every character offset stay exactly as they were.

The limit (models/config.cfg, [components.extractor_layout] max_sentence_tokens = 250) sits above every stretch of
ordinary text we have: the longest stretch without a sentence end in all our data sets (87,408
stretches from PolNeAR dev and train, the war corpus and its machine translations, the geo and
victims sets and news-dev) is 200 tokens, a list of names; the next are 191 and 185 (long
machine-translated sentences, a survey table). Ordinary articles are therefore never cut and
their output does not change.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.attrs import IS_PUNCT, IS_SPACE, SPACY
from spacy.tokens import Doc

from ..extensions import doc_text

#: Default limit when models/config.cfg does not give one (see the module docstring).
DEFAULT_MAX_SENTENCE_TOKENS = 250
#: The end of a sentence (or of a line): after it a new stretch begins.
_BREAK = re.compile(r"[.!?\u2026]+['\"\u201d\u2019)\]]*(?=\s)|\n")
#: The warning a split leaves (one per kind of split in a record; see merge_split_warnings).
_SPLIT_WARNING = re.compile(r"text split: (\d+) sentence start\(s\) set inside (.+) \(first at char (\d+)\); "
                            r"offsets are unchanged")
#: Tokens after which a cut reads naturally (a clause boundary).
_CLAUSE_PUNCT = frozenset(",;:\u2014\u2013-)]}/|")


def stretch_starts(text: str, starts: list[int]) -> list[int]:
    """Token indices where a stretch begins: token 0 and the first token after each sentence end
    or line break (`starts` = every token's character offset, ascending)."""
    out = [0]
    for m in _BREAK.finditer(text):
        i = bisect_left(starts, m.end())
        if i < len(starts) and i > out[-1]:
            out.append(i)
    return out


def bound_sentences(doc: Doc, max_tokens: int) -> list[int]:
    """Set sentence starts so that no stretch without a sentence end is longer than `max_tokens`
    tokens; return the token indices where a stretch was cut (empty for ordinary text)."""
    n = len(doc)
    if n <= max_tokens:
        return []
    bounds = stretch_starts(doc_text(doc), doc.to_array("IDX").tolist()) + [n]
    long = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b - a > max_tokens]
    if not long:
        return []
    cuts = plan_cuts(doc, long, max_tokens)
    for i in cuts:
        doc[i].is_sent_start = True
    return cuts


def overlong_sentences(doc: Doc, max_tokens: int) -> list[tuple[int, int]]:
    """(start, end) token ranges of the parsed doc's sentences longer than `max_tokens`.

    The parser may still join many short stretches into one sentence ("U.S. U.S. U.S. ...",
    "No. 5 and No. 6 and ..."): their full stops do not end sentences. Such a doc is parsed again
    with the cuts `plan_cuts` chooses (see Extractor), so the bound holds whatever the text."""
    if len(doc) <= max_tokens or not doc.has_annotation("SENT_START"):
        return []
    flags = doc.to_array("SENT_START")
    starts = [0] + [int(i) for i in (flags == 1).nonzero()[0] if i > 0] + [len(doc)]
    return [(a, b) for a, b in zip(starts, starts[1:], strict=False) if b - a > max_tokens]


def plan_cuts(doc: Doc, ranges: list[tuple[int, int]], max_tokens: int) -> list[int]:
    """Token indices that cut every (start, end) range into pieces of at most `max_tokens`
    tokens. A cut goes, by preference, after a full stop (a stretch start), after clause
    punctuation, after whitespace, else between two pieces of one long token; never onto a
    whitespace token."""
    arr = doc.to_array([SPACY, IS_PUNCT, IS_SPACE])
    text = doc_text(doc)
    cuts: list[int] = []
    for a, b in ranges:
        span = doc[a:b]
        local = stretch_starts(text[span.start_char:span.end_char], [t.idx - span.start_char for t in span])
        preferred = {a + i for i in local}
        pos = a
        while b - pos > max_tokens:
            cut = _cut_in(doc, arr, preferred, pos + max_tokens // 2, pos + max_tokens)
            while cut < b and arr[cut, 2]:
                cut += 1
            if cut >= b:
                break
            cuts.append(cut)
            pos = cut
    return cuts


def _cut_in(doc: Doc, arr, preferred: set[int], lo: int, hi: int) -> int:  # noqa: ANN001 - numpy array
    """The token that starts the next piece, chosen in (lo, hi] (nearest `hi` first)."""
    window = range(hi, lo, -1)
    for k in window:
        if k in preferred:
            return k
    for k in window:
        if arr[k - 1, 1] and doc[k - 1].text in _CLAUSE_PUNCT:
            return k
    for k in window:
        if arr[k - 1, 0] or arr[k - 1, 2]:
            return k
    return hi


def split_warning(count: int, where: str, first_char: int) -> str:
    """The warning for `count` sentence starts set inside `where`, the first at `first_char`."""
    return (f"text split: {count} sentence start(s) set inside {where} (first at char {first_char}); "
            "offsets are unchanged")


def merge_split_warnings(warnings: list[str]) -> list[str]:
    """`warnings` with the split warnings of several chunks or sections (offsets already moved
    to the whole text) folded into one per kind: counts added, the first position kept."""
    merged: dict[str, list[int]] = {}
    out: list[str] = []
    for w in warnings:
        m = _SPLIT_WARNING.fullmatch(w)
        if m is None:
            out.append(w)
            continue
        where = m.group(2)
        if where not in merged:
            merged[where] = [0, int(m.group(3))]
            out.append(where)  # placeholder, replaced below
        merged[where][0] += int(m.group(1))
        merged[where][1] = min(merged[where][1], int(m.group(3)))
    return [split_warning(merged[w][0], w, merged[w][1]) if w in merged else w for w in out]
