"""Which incident of the article a count belongs to: "Gunmen killed five people in Kaduna. In a separate
incident, three were killed in Zamfara" reports two incidents, and the article's figure is their sum.

A sentence that opens with an incident marker ("In a separate incident", "In the second attack",
"Separately,") starts a new incident; counts before the first marker belong to incident 0. A count of
incident 0 whose sentence speaks of several incidents ("About 16 people were killed in two separate
incidents", "More than 100 have died since November 5") is an overview that covers the incidents after it
(totals.py does not add them to it when it is at least their sum).

A sentence that opens with a calendar day other than the days of the incident before it ("On the 22nd,
...", "On 21 February ...", "Also on May 4, ...") starts a new incident too: summaries that go through a
month day by day report one event per day; that day's report ends with its paragraph. Weekdays ("On
Monday, ...") do not start one: a report's own days are told that way, and the lead's count is often
repeated under them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from ..token_search import indices_where
from .context import CountsDoc
from .lexicon import FiguresLexicon
from .state import Entry


def mark_incidents(ctx: CountsDoc, entries: Iterable[Entry]) -> None:
    """Set `incident` (and `overview`) on every entry, from the incident markers of the document."""
    entries = list(entries)
    if not entries:
        return  # nothing to mark: most articles report no casualty, and reading their sentences is not free
    fig = ctx.lex.figures
    marker_re = re.compile(r"^\W*(?:" + "|".join(map(re.escape, fig.incident_markers)) + r")", re.I)
    opener_re, day_re = _day_patterns(fig)
    overview_re = re.compile(r"\b(?:" + "|".join(map(re.escape, fig.overview_words)) + r")\b", re.I)
    incident_of: dict[int, int] = {}  # sentence start (token) -> incident
    plural_sents: set[int] = set()
    current, last, by_day = 0, 0, False
    days: dict[int, set[tuple[str, str]]] = {0: set()}  # the calendar days named in each incident
    prev_end = 0
    plural_at = indices_where(ctx.doc, ("LOWER", fig.incident_plurals))
    for sent in ctx.doc.sents:
        text = sent.text
        opener = opener_re.match(text)
        day = _day_key(opener) if opener is not None else None
        if marker_re.match(text) or (day is not None and day not in days[current]):
            last += 1
            current, by_day, days[last] = last, not marker_re.match(text), set()
        elif by_day and "\n" in ctx.text[prev_end:sent.start_char]:
            current, by_day = 0, False  # a day's report ends with its paragraph; the article's own event resumes
        incident_of[sent.start] = current
        days[current].update(_day_key(m) for m in day_re.finditer(text))
        at = bisect_left(plural_at, sent.start)
        if (at < len(plural_at) and plural_at[at] < sent.end) or overview_re.search(text):
            plural_sents.add(sent.start)  # "in two separate incidents", "since November 5"
        prev_end = sent.start_char + len(text.rstrip())  # the line break may be the sentence's last token
    for e in entries:
        e.incident = incident_of.get(e.sent_start, 0)
        e.overview = e.incident == 0 and last > 0 and e.sent_start in plural_sents


def _day_patterns(fig: FiguresLexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a sentence opening with "on" and a calendar day, a calendar day anywhere): "the 22nd", "the 8th of March",
    "21 February", "May 4"; the groups give the day and the month."""
    month = "|".join(sorted(map(re.escape, fig.months), key=len, reverse=True))
    ordinal = r"\d{1,2}(?:st|nd|rd|th)"
    day = (rf"(?:the\s+(?P<d1>{ordinal})(?:\s+of\s+(?P<m1>{month})\b)?"
           rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m2>{month})\b"
           rf"|(?P<m3>{month})\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\b)")
    lead = "|".join(map(re.escape, fig.day_leads))
    opener = re.compile(rf"^\W*(?:(?:{lead})\s+)?on\s+{day}", re.I)
    return opener, re.compile(rf"\bon\s+{day}", re.I)


def _day_key(m: re.Match[str]) -> tuple[str, str]:
    """(day number, month or "") of a calendar day matched by `_day_patterns`."""
    d = m.group("d1") or m.group("d2") or m.group("d3") or ""
    mon = m.group("m1") or m.group("m2") or m.group("m3") or ""
    return re.sub(r"\D", "", d), mon.lower()[:3]
