"""Finding date expressions in the text, one finder per kind, before any resolution.

Regular expressions (patterns.py) give weekdays, calendar dates, months and years in context,
"N days ago" and the relative expressions of dates.json; spaCy DATE entities add numeric dates
("14/11/2024"). Overlaps keep the longest; "Monday, Feb. 6" becomes one mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc

from .calendar_math import month_day
from .patterns import DateRules

_SENTENCE_END = (".", "!", "?", ":", "\"", "“", "—")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’]*)[-\s]*$")
_NEXT_WORD = re.compile(r"^[\s-]*([A-Za-z][\w'’]*)")
_NUMERIC_DATE = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{2,4}$")
_NUMERIC_HINT = re.compile(r"\d[/.]\d{1,2}[/.]\d")


@dataclass
class Mention:
    """One date expression: character offsets, its kind (calendar, numeric, weekday, month, year,
    ago, relative, overnight) and what the finder read (month, day, weekday, unit, offset...)."""

    start: int
    end: int
    kind: str
    info: dict[str, Any] = field(default_factory=dict)


def find_candidates(doc: Doc, text: str, rules: DateRules) -> list[Mention]:
    """Every date expression of the text, in text order."""
    found = [*_calendar_dates(text, rules), *_weekdays(text, rules), *_months(text, rules),
             *_years(doc, text, rules), *_ago(text, rules), *_relative(text, rules)]
    found = _merge_weekday_dates(_drop_overlaps(found), text)
    found += _numeric_dates(doc, text, [(f.start, f.end) for f in found])
    found.sort(key=lambda f: f.start)
    return found


def prev_word(text: str, start: int) -> str:
    """The word just before `start` ("" when none within 40 characters)."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


def next_word(text: str, end: int) -> str:
    """The word just after `end` ("" when none within 40 characters)."""
    m = _NEXT_WORD.match(text[end:end + 40])
    return m.group(1) if m else ""


# -- one finder per kind ------------------------------------------------------------------------
def _calendar_dates(text: str, r: DateRules) -> Iterator[Mention]:
    """"Nov. 14", "14 November 2024", "2024-11-14" (kind calendar); "November 2024" (kind month)."""
    for rx in r.calendar_res:
        for m in rx.finditer(text):
            groups = m.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else r.months[groups["mon"].rstrip(".")]
            day = int(groups["day"]) if groups.get("day") else None
            year = int(groups["year"]) if groups.get("year") else None
            if day is not None and month_day(year or 2000, month, day) is None:
                continue
            end = m.end()
            if text[m.start():end].endswith((".", ",")) and not groups.get("year"):
                end = m.start() + len(text[m.start():end].rstrip(".,"))
            yield Mention(m.start(), end, "calendar" if day else "month",
                          {"month": month, "day": day, "year": year})


def _weekdays(text: str, r: DateRules) -> Iterator[Mention]:
    """"Thursday", "last Thursday"; not a named day ("Good Friday") nor a frequency ("every Monday")."""
    for m in r.weekday_re.finditer(text):
        prev = prev_word(text, m.start())
        if prev in r.named_day_words and not m.group("mod"):
            continue
        if prev.lower() in r.frequency_words:
            continue
        yield Mention(m.start(), m.end(), "weekday", {"weekday": r.weekdays[m.group("wd")], "mod": m.group("mod")})


def _months(text: str, r: DateRules) -> Iterator[Mention]:
    """A month name with a modifier ("last March") or a context word before it ("in March")."""
    for m in r.month_re.finditer(text):
        mod = (m.group("mod") or "").strip(" -").lower()
        prev = prev_word(text, m.start()).lower()
        if not mod and prev not in r.month_context:
            continue
        mon = m.group("mon")
        if mon == "May" and not mod and prev not in {"in", "since", "until", "early", "late", "mid", "of"}:
            continue
        start = m.start() if mod in {"last", "this", "next"} else m.start("mon")
        yield Mention(start, m.end(), "month", {"month": r.months[mon], "mod": mod})


def _years(doc: Doc, text: str, r: DateRules) -> Iterator[Mention]:
    """A year after a context word ("in 2022") or inside a spaCy DATE entity; not an amount."""
    for m in r.year_re.finditer(text):
        if m.start() and text[m.start() - 1] in "0123456789,.$£€/-":
            continue
        prev = prev_word(text, m.start()).lower()
        if prev not in r.year_context:
            span = doc.char_span(m.start(), m.end())
            if span is None or span[0].ent_type_ != "DATE":
                continue
        nxt = next_word(text, m.end()).lower()
        if nxt in r.not_year_before:
            continue
        yield Mention(m.start(), m.end(), "year", {"year": int(m.group("year"))})


def _ago(text: str, r: DateRules) -> Iterator[Mention]:
    """"three days ago", "2 weeks ago"."""
    for m in (r.ago_re.finditer(text) if "ago" in text else ()):
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else r.number_words[n]
        yield Mention(m.start(), m.end(), "ago", {"unit": m.group("unit").lower(), "count": count})


def _relative(text: str, r: DateRules) -> Iterator[Mention]:
    """The relative expressions of dates.json ("yesterday", "last week", "overnight")."""
    for m in r.relative_re.finditer(text):
        if m.lastgroup is not None:
            unit, offset, skip_prev, skip_next = r.relative[int(m.lastgroup[1:])]
            prev = prev_word(text, m.start())
            if prev.lower() in skip_prev or next_word(text, m.end()).lower() in skip_next:
                continue
            if _inside_a_name(text, m.start(), m.group(0), prev):
                continue  # part of a name: "Russia Today", "USA Today" (but not a headline's "Today")
            kind = "overnight" if m.group(0).lower() == "overnight" else "relative"
            yield Mention(m.start(), m.end(), kind, {"unit": unit, "offset": offset})


def _inside_a_name(text: str, start: int, matched: str, prev: str) -> bool:
    """A capitalised expression after a capitalised word, mid-sentence and not in a Title Case line."""
    before = text[max(0, start - 4):start].rstrip()
    return (matched[0].isupper() and prev[:1].isupper() and not before.endswith(_SENTENCE_END)
            and not _title_case_line(text, start))


def _numeric_dates(doc: Doc, text: str, covered: list[tuple[int, int]]) -> list[Mention]:
    """spaCy DATE entities that are numeric dates ("14/11/2024") not covered by another mention."""
    found = []
    # doc.ents walks every token: only when a numeric date may be there
    date_ents = _date_ents(doc) if _NUMERIC_HINT.search(text) else []
    for s, e in date_ents:
        ent_text = text[s:e]
        core = re.sub(r"^(?:the|on|of)\s+", "", ent_text, flags=re.IGNORECASE)
        if not _NUMERIC_DATE.match(core) or any(a < e and s < b for a, b in covered):
            continue
        cs = s + (len(ent_text) - len(core))
        found.append(Mention(cs, e, "numeric", {"expression": core}))
    return found


# -- helpers ------------------------------------------------------------------------------------
def _title_case_line(text: str, pos: int) -> bool:
    """True when most words of the line around `pos` are capitalised (a Title Case headline)."""
    line = text[text.rfind("\n", 0, pos) + 1:(text.find("\n", pos) + 1 or len(text) + 1) - 1]
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _date_ents(doc: Doc) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]


def _merge_weekday_dates(found: list[Mention], text: str) -> list[Mention]:
    """"Monday, Feb. 6" is one mention (of the calendar date) when the weekday agrees with it."""
    found.sort(key=lambda f: f.start)
    out: list[Mention] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "weekday" and not prev.info.get("mod") and f.kind == "calendar"
                and re.fullmatch(r",?\s*", text[prev.end:f.start])
                and (f.info["year"] is None
                     or date(f.info["year"], f.info["month"], f.info["day"]).weekday() == prev.info["weekday"])):
            out[-1] = Mention(prev.start, f.end, "calendar", dict(f.info, weekday=prev.info["weekday"]))
            continue
        out.append(f)
    return out


def _drop_overlaps(found: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping candidates (the earlier one on a tie)."""
    out: list[Mention] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= o.start or o.end <= f.start for o in out):
            out.append(f)
    return out
