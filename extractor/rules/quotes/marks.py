"""Find quoted stretches in plain text: pair quotation marks paragraph by paragraph.

Pure string code (no spaCy), so it is cheap and unit-testable on its own.

Why per paragraph: one stray mark must never swallow the rest of the article, so pairing
restarts at every line break. A paragraph that ends inside a quotation is a multi-paragraph
quote when the next paragraph reopens with a mark (the newspaper convention); otherwise the
marks are unbalanced and the stretch is cut at the paragraph end with a warning.

A mark's direction comes from its neighbours first (space before and a letter after opens,
a letter before and a space/punctuation after closes) and from its shape only when the
neighbours do not tell: writers and converters often turn ” into an opening mark, and the
straight `"` and the `''` style have no shape at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: double marks: curly, low-9, guillemets, straight, the TeX/NYT `` and '' styles, and doubled
#: single curly marks (‘‘...’’, as some converters write a double one)
_MARK = re.compile(r"``|''|\u2018\u2018|\u2019\u2019|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
_OPENERS = {"\u201c", "\u201e", "\u201f", "\u00ab", "``", "\u2018\u2018"}
_CLOSERS = {"\u201d", "\u00bb", "\u2019\u2019"}
_LEFT_OPEN = set(" \t\r\n\u00a0([{\u2014\u2013-/:")  # chars that may precede an opening mark
_RIGHT_CLOSE = set(" \t\r\n\u00a0)]}.,;:!?\u2014\u2013-\u2026/")  # chars that may follow a closer
# single curly quotes used as the outer marks (headlines, British style)
_SINGLE_CURLY = re.compile(r"(?<![\w\u2019])\u2018(?=\S)([^\u2018\n]*?\S)\u2019(?![\w])")
# straight single quotes, only trusted in a headline
_SINGLE_STRAIGHT = re.compile(r"(?<![\w'])'(?=[^\s'])([^'\n]*?[^\s'])'(?![\w])")
_LINE = re.compile(r"[^\n]+")
#: a markup tag left in the text: "<", a tag name (or "/" and one), anything but angle brackets, ">"
_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,400}>")


@dataclass(frozen=True)
class Stretch:
    """One quoted stretch. `start`/`end` = the words inside the marks (whitespace trimmed);
    `outer_start`/`outer_end` include the marks when there are marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    para: int
    closed: bool = True
    single: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line; line breaks separate paragraphs."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


def _direction(text: str, start: int, end: int) -> str:
    """'open', 'close' or '?' for the mark text[start:end], from its neighbours, then its shape."""
    left = text[start - 1] if start > 0 else " "
    right = text[end] if end < len(text) else " "
    left_open = left in _LEFT_OPEN or left in "\"\u201c\u2018'"
    right_close = right in _RIGHT_CLOSE or right in "\"\u201d\u2019'"
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    mark = text[start:end]
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    return "?"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _pair(text: str, marks: list[tuple[int, int, str]], nest: bool) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks of one paragraph. Returns ([(open_idx, close_idx)], index of an opener left
    unclosed or None). With `nest`, an opener inside a quotation starts an inner quotation;
    without it the marks simply alternate (the fallback when nesting went wrong)."""
    pairs: list[tuple[int, int]] = []
    depth, opened = 0, -1
    for i, (_s, _e, d) in enumerate(marks):
        if depth == 0:
            if d == "close" and nest:
                continue  # orphan closer: ignored (the caller warns)
            depth, opened = 1, i
            continue
        if not nest:
            pairs.append((opened, i))
            depth = 0
            continue
        if d == "open":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                pairs.append((opened, i))
    return pairs, (opened if depth else None)


def _markup_tags(segment: str) -> list[tuple[int, int]]:
    """(start, end) of the markup tags left in a paragraph (`<tweet id="..." author="...">`), whose
    attribute values are quoted but are nobody's words; none without a "<"."""
    if "<" not in segment:
        return []
    return [(m.start(), m.end()) for m in _TAG.finditer(segment)]


def _marks(text: str, ps: int, pe: int) -> list[tuple[int, int, str]]:
    """(start, end, direction) of every double mark of the paragraph text[ps:pe] outside markup
    tags; a mark that opens the paragraph always opens."""
    segment = text[ps:pe]
    tags = _markup_tags(segment)
    out = []
    k = 0  # marks and tags both in text order: one pass over each
    for m in _MARK.finditer(segment):
        while k < len(tags) and tags[k][1] <= m.start():
            k += 1
        if k < len(tags) and tags[k][0] < m.start():
            continue  # inside a tag
        out.append((ps + m.start(), ps + m.end(),
                    "open" if m.start() == 0 else _direction(text, ps + m.start(), ps + m.end())))
    return out


def _pair_paragraph(text: str, marks: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int]], int | None]:
    """Pair a paragraph's marks by nesting; when that leaves an opener unclosed but the marks are
    even in number, simple alternation is tried and kept if it pairs them all."""
    pairs, unclosed = _pair(text, marks, nest=True)
    if unclosed is not None and len(marks) % 2 == 0:
        alt, alt_unclosed = _pair(text, marks, nest=False)
        if alt_unclosed is None:
            pairs, unclosed = alt, None
    return pairs, unclosed


def _paired_stretches(text: str, paras: list[tuple[int, int]], pi: int, marks: list[tuple[int, int, str]],
                      carry: bool, warnings: list[str]) -> tuple[list[Stretch], bool]:
    """The double-quoted stretches of paragraph `pi` (`carry`: the previous paragraph ended inside a
    quotation), warnings appended; also says whether this paragraph ends inside a quotation."""
    ps, pe = paras[pi]
    stretches: list[Stretch] = []
    start_idx = 0
    if carry and marks and marks[0][2] == "close" and marks[0][0] > ps:
        # continuation of a multi-paragraph quote that did not reopen: runs to the first closer
        s, e = _trim(text, ps, marks[0][0])
        if e > s:
            stretches.append(Stretch(s, e, ps, marks[0][1], pi, True))
        start_idx = 1
    rest = marks[start_idx:]
    pairs, unclosed = _pair_paragraph(text, rest)
    orphans = len(rest) - 2 * len(pairs) - (1 if unclosed is not None else 0)
    for oi, ci in pairs:
        s, e = _trim(text, rest[oi][1], rest[ci][0])
        if e > s:
            stretches.append(Stretch(s, e, rest[oi][0], rest[ci][1], pi, True))
    carry = False
    if unclosed is not None:
        reopened = pi + 1 < len(paras) and _MARK.match(text, paras[pi + 1][0]) is not None
        if not reopened:
            warnings.append(f"quotes: unbalanced quotation mark at char {rest[unclosed][0]}; "
                            f"quotation cut at the end of its paragraph")
        s, e = _trim(text, rest[unclosed][1], pe)
        if e > s:
            stretches.append(Stretch(s, e, rest[unclosed][0], pe, pi, False))
        carry = True
    if orphans > 0 and unclosed is None:
        warnings.append(f"quotes: unbalanced quotation mark in the paragraph at char {ps}; ignored")
    return stretches, carry


def _add_single_quoted(text: str, ps: int, pe: int, pi: int, in_title: bool, stretches: list[Stretch]) -> None:
    """Single curly quotes as outer marks (and straight ones in the headline), added to the
    paragraph's `stretches` unless they sit inside a double-quoted stretch already found."""
    segment = text[ps:pe]
    pattern = _SINGLE_STRAIGHT if in_title else None
    for rx in (_SINGLE_CURLY, pattern):
        if rx is None:
            continue
        for m in rx.finditer(segment):
            s, e = _trim(text, ps + m.start(1), ps + m.end(1))
            if e > s and not any(st.start <= s < st.end for st in stretches):
                stretches.append(Stretch(s, e, ps + m.start(), ps + m.end(), pi, True, True))


def find_stretches(text: str, title: tuple[int, int] | None = None) -> tuple[list[Stretch], list[str]]:
    """All quoted stretches of `text` in order, plus warnings about unbalanced marks.

    `title` = (start, end) of the headline, where straight single quotes are also quotes."""
    out: list[Stretch] = []
    warnings: list[str] = []
    paras = paragraphs(text)
    carry = False  # previous paragraph ended inside a quotation
    for pi, (ps, pe) in enumerate(paras):
        marks = _marks(text, ps, pe)
        stretches, carry = _paired_stretches(text, paras, pi, marks, carry, warnings)
        in_title = bool(title and ps <= title[0] < pe)
        if not marks or in_title:
            _add_single_quoted(text, ps, pe, pi, in_title, stretches)
        stretches.sort(key=lambda st: st.start)
        out.extend(stretches)
    return out, warnings
