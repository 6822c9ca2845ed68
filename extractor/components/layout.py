"""Article layout: headline, body, a trailing "Source: X" credit line and a wire dateline.

Runs first in the pipeline (before the parser) so that every line break starts a new
sentence: the parser then never joins the headline to the first body sentence, and the
entity repair can cut spans at line breaks. It also bounds sentence length (see
`sentence_bounds`): a stretch without a sentence end longer than `max_sentence_tokens` is cut,
with a warning. Regions are stored as character offsets in `doc._.extractor_layout`; a caller
that processes a long text in sections presets each section's share of the whole text's layout
(`doc._.extractor_layout` already set), which is then kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_warning, doc_text
from .sentence_bounds import DEFAULT_MAX_SENTENCE_TOKENS, bound_sentences, split_warning

_SENT_END = re.compile(r"[.!?…:;]['\"”’)]*\s*$")
_FOOTER = re.compile(
    r"^\s*(?:Source|Sources|Via|Credit|Courtesy(?: of)?|Published by|Originally published by)\s*[:\-–—]\s*"
    r"(?P<pub>[^\n]{2,80}?)\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*By\s+(?P<who>[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|and|&|de|van|von|al-))*)\s*$")
# "KYIV, Ukraine (AP) — ", "WASHINGTON — ", "LONDON (Reuters) -"
# also with the day: "MINSK, 28 January (BelTA) –Belarusian ..." (no space after a dash is allowed,
# not after a hyphen)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'’\- ]{1,40}?)?)"
    r"(?:,\s*\d{1,2}\s+[A-Z][a-z]{2,8}\.?)?\s*"
    r"(?:\((?P<agency>[A-Za-z.&' ]{2,30})\))?\s*(?:[—–]\s*|--\s+|-\s+)(?=\S)"
)
_AGENCIES = {"AP": "Associated Press", "Reuters": "Reuters", "AFP": "AFP", "VOA": "Voice of America"}
_MAX_TITLE = 300


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body)))
        pos += len(line)
    return out


def _starts_with_dateline(line: str) -> bool:
    """'MINSK, 28 January (BelTA) – ...', 'BRUSSELS (AP) – ...': the line opens the story (a lead
    paragraph after its dateline), it is no headline."""
    m = _DATELINE.match(line)
    city = m.group("place").split(",")[0].strip() if m else ""
    return bool(m) and city.isupper() and len(city) >= 3 and len(line.split()) > 12


def detect_layout(text: str) -> dict[str, Any]:
    """Find headline, byline, footer credit and dateline; pure function of the text."""
    lines = [(s, e) for s, e in _lines(text)]
    nonblank = [(s, e) for s, e in lines if text[s:e].strip()]
    layout: dict[str, Any] = {"title": None, "byline": None, "footer": None, "dateline": None,
                              "body_start": 0, "body_end": len(text), "published": detect_published(text)}
    if not nonblank:
        return layout
    # footer credit line ("Source: Euro News") at the very end
    last_s, last_e = nonblank[-1]
    m = _FOOTER.match(text[last_s:last_e])
    if m and len(nonblank) > 1:
        pub_start = last_s + m.start("pub")
        layout["footer"] = {"start": last_s, "end": last_e, "publisher": m.group("pub"),
                            "publisher_start": pub_start, "publisher_end": pub_start + len(m.group("pub"))}
        layout["body_end"] = last_s
        nonblank = nonblank[:-1]
    # headline: a first line that stands alone
    first_s, first_e = nonblank[0]
    first = text[first_s:first_e].strip()
    if len(nonblank) > 1 and len(first) <= _MAX_TITLE and not _starts_with_dateline(first):
        idx = lines.index((first_s, first_e))
        blank_after = idx + 1 < len(lines) and not text[lines[idx + 1][0]:lines[idx + 1][1]].strip()
        next_s, next_e = nonblank[1]
        next_longer = (next_e - next_s) > 1.5 * len(first)
        if blank_after or (not _SENT_END.search(first) and (next_longer or len(first.split()) <= 20)):
            lead = len(text[first_s:first_e]) - len(text[first_s:first_e].lstrip())
            layout["title"] = {"start": first_s + lead, "end": first_s + lead + len(first), "text": first}
            layout["body_start"] = next_s
            nonblank = nonblank[1:]
    # byline directly after the headline
    if nonblank:
        s, e = nonblank[0]
        m = _BYLINE.match(text[s:e])
        if m and len(nonblank) > 1:
            layout["byline"] = {"start": s + m.start("who"), "end": s + m.end("who"), "text": m.group("who")}
            layout["body_start"] = nonblank[1][0]
            nonblank = nonblank[1:]
    # wire dateline at the start of the body
    if nonblank:
        s, e = nonblank[0]
        m = _DATELINE.match(text[s:e])
        city = m.group("place").split(",")[0].strip() if m else ""
        if m and city.isupper() and len(city) >= 3:
            place = m.group("place").strip()
            agency = m.group("agency")
            layout["dateline"] = {
                "start": s, "end": s + m.end(), "place": place,
                "place_start": s + m.start("place"), "place_end": s + m.start("place") + len(place),
                "agency": _AGENCIES.get(agency.strip(), agency.strip()) if agency else None,
            }
    return layout


# Publication date near the top: "Published: Nov. 14, 2024", "Updated 2024-11-14 10:32",
# "KYIV, Ukraine, Nov. 14, 2024 (Reuters) —", or a line holding only a date. Year required.
_PUB_DATE = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
             r"(?:(?P<y1>\d{4})-(?P<m1>\d\d)-(?P<d1>\d\d)"
             r"|(?P<mon2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
             r"|(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon3>[A-Z][a-z]{2,8})\.?,?\s+(?P<y3>\d{4}))\b")
_PUB_LINES = (
    re.compile(r"^\s*(?:(?:First\s+|Originally\s+)?Published|Posted|(?:Last\s+)?Updated)(?:\s+on)?\s*[:\-–—|]?\s*"
               + _PUB_DATE, re.IGNORECASE),
    re.compile(r"^[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,40}?)?,\s*" + _PUB_DATE),
    re.compile(r"^\s*" + _PUB_DATE + r"[\s\d:.,apmAPMGTUCESD|/()-]*$"),
)


def detect_published(text: str, max_lines: int = 6) -> str | None:
    """ISO publication date from a "Published/Updated" line, a dated dateline or a date-only line
    among the first `max_lines` non-blank lines ("Published" beats "Updated")."""
    from datetime import date, datetime

    found: list[tuple[int, str]] = []
    lines = [ln for ln in text[:3000].splitlines() if ln.strip()][:max_lines]
    for line in lines:
        for rx in _PUB_LINES:
            m = rx.match(line)
            if not m:
                continue
            g = m.groupdict()
            try:
                if g["y1"]:
                    day = date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
                else:
                    mon, d, y = (g["mon2"], g["d2"], g["y2"]) if g["mon2"] else (g["mon3"], g["d3"], g["y3"])
                    day = date(int(y), datetime.strptime(mon[:3], "%b").month, int(d))
            except ValueError:
                continue
            found.append((1 if re.match(r"\s*(?:Last\s+)?Updated", line, re.IGNORECASE) else 0, day.isoformat()))
            break
    return min(found)[1] if found else None


_LINE_BREAK = re.compile("\n")


class LayoutComponent:
    """Sets sentence starts at line breaks and inside overlong stretches, and records the
    article's layout regions."""

    def __init__(self, nlp: Language, name: str, *, max_sentence_tokens: int = DEFAULT_MAX_SENTENCE_TOKENS) -> None:
        self.nlp = nlp
        self.name = name
        self.max_sentence_tokens = max(16, int(max_sentence_tokens))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if doc._.extractor_layout is None:
            doc._.extractor_layout = detect_layout(text)
        # the token after each line break starts a sentence; found from the break positions (one
        # bisect per break) rather than by walking every token of the article in Python
        starts = doc.to_array("IDX").tolist()
        done: set[int] = set()
        for m in _LINE_BREAK.finditer(text):
            i = bisect_right(starts, m.start())
            if 0 < i < len(doc) and i not in done:
                done.add(i)
                tok = doc[i]
                if "\n" not in tok.text:
                    tok.is_sent_start = True
        cuts = bound_sentences(doc, self.max_sentence_tokens)
        if cuts:
            add_warning(doc, split_warning(len(cuts), f"stretches of more than {self.max_sentence_tokens} tokens "
                                                      "without a sentence end", doc[cuts[0]].idx))
        return doc
