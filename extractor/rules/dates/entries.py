"""One output entry per resolved date, listing every mention of it.

Mentions that resolve to the same day (week, month, year) are grouped; the entry's own text is
its most explicit mention (`RANK`); ages and durations are dropped; the end of a weekday range
("from Saturday to Monday") is on or after its start.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc

from .candidates import Mention
from .patterns import DateRules
from .resolve import resolve_mention

#: Rank of a mention when choosing the text of a group: lower is more explicit.
RANK = {"calendar": 0, "numeric": 0, "weekday": 0, "ago": 1, "relative": 1, "overnight": 2,
        "month": 0, "year": 0}
_AGE_OR_DURATION = re.compile(r"\b(?:year|month|week|day)s?[-\s]old\b|\baged?\b|-(?:year|month|week|day|hour)\b",
                              re.IGNORECASE)
#: what joins the two ends of a weekday range: "Saturday to Monday", "Wednesday through Friday"
_RANGE_JOIN = re.compile(r"\s*(?:to|through|thru|until|till|-|–|—)\s*", re.IGNORECASE)


def date_entries(doc: Doc, text: str, candidates: list[Mention], anchor: date | None,
                 rules: DateRules) -> list[dict[str, Any]]:
    """The `extractor_dates` entries, in order of first mention."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    last_weekday: tuple[int, date] | None = None  # (end, date) of the latest weekday mention
    for m in candidates:
        if _AGE_OR_DURATION.search(text[m.start:min(len(text), m.end + 10)]) and m.kind in {"year", "ago"}:
            continue
        iso, gran, period = resolve_mention(doc, m, anchor, rules)
        if gran is None:
            continue
        if m.kind == "weekday" and iso is not None and last_weekday is not None and \
                _RANGE_JOIN.fullmatch(text[last_weekday[0]:m.start]):
            # "from Saturday to Monday": the end of a range is on or after its start
            d = last_weekday[1] + timedelta(days=(m.info["weekday"] - last_weekday[1].weekday()) % 7 or 7)
            iso, period = d.isoformat(), (d, d)
        if m.kind == "weekday" and iso is not None:
            last_weekday = (m.end, date.fromisoformat(iso))
        key: tuple[Any, ...] = (gran, iso, period) if period else (gran, text[m.start:m.end].lower())
        _add_mention(groups, key, m, text, iso, gran, period)
    return [g["entry"] for g in sorted(groups.values(), key=lambda g: g["first"])]


def _add_mention(groups: dict[tuple[Any, ...], dict[str, Any]], key: tuple[Any, ...], m: Mention, text: str,
                 iso: str | None, gran: str, period: tuple[date, date] | None) -> None:
    """File the mention under its date; a more explicit mention becomes the entry's text."""
    mention = {"text": text[m.start:m.end], "start": m.start, "end": m.end}
    g = groups.get(key)
    if g is None:
        groups[key] = g = {"rank": RANK[m.kind], "first": m.start, "entry": {
            **mention, "date": iso, "granularity": gran,
            "period": {"start": period[0].isoformat(), "end": period[1].isoformat()} if period else None,
            "mentions": []}}
    elif RANK[m.kind] < g["rank"]:
        g["rank"] = RANK[m.kind]
        g["entry"].update(mention)
    g["entry"]["mentions"].append(mention)
