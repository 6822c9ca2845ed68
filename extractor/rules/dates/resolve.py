"""One date mention -> (date, granularity, period), against the publication date.

One function per kind of mention: calendar dates (a missing year from the tense), months, years,
weekdays, relative expressions and "N days ago", numeric dates (numeric.py). The calendar
arithmetic itself is in calendar_math.py, the clause's tense in tense.py.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc

from .calendar_math import (
    month_day,
    month_period,
    resolve_month_day,
    resolve_weekday,
    shift_month,
    week_of,
    weekend_of,
    year_period,
)
from .candidates import Mention
from .numeric import resolve_numeric
from .patterns import DateRules
from .tense import clause_tense, is_future

#: (date, granularity, period): date is "YYYY-MM-DD" / "YYYY-MM" / "YYYY" or None
Resolution = tuple[str | None, str | None, tuple[date, date] | None]


def resolve_mention(doc: Doc, m: Mention, anchor: date | None, rules: DateRules) -> Resolution:
    """(date, granularity, period) of one mention."""
    if m.kind == "calendar":
        return _calendar(doc, m, anchor, rules)
    if m.kind == "month":
        return _month(doc, m, anchor, rules)
    if m.kind == "year":
        y = m.info["year"]
        return f"{y:04d}", "year", year_period(y)
    if m.kind == "weekday":
        if anchor is None:
            return None, "day", None
        d = resolve_weekday(m.info["weekday"], anchor, m.info["mod"], is_future(doc, m.start, m.end, rules))
        return d.isoformat(), "day", (d, d)
    if m.kind in {"relative", "overnight", "ago"}:
        return _relative(doc, m, anchor, rules)
    if m.kind == "numeric":
        got = resolve_numeric(m.info["expression"], anchor)
        if got is None:
            return None, None, None
        iso, d = got
        return iso, "day", (d, d)
    return None, None, None


def _calendar(doc: Doc, m: Mention, anchor: date | None, rules: DateRules) -> Resolution:
    """"Nov. 14": its year if given, else the nearest one in the clause's tense."""
    info = m.info
    year = info["year"]
    if year is not None:
        d = month_day(year, info["month"], info["day"])
    elif anchor is not None:
        d = resolve_month_day(info["month"], info["day"], anchor, clause_tense(doc, m.start, m.end, rules))
        if d is not None and "weekday" in info and d.weekday() != info["weekday"]:
            # "Monday, Feb. 6": the named weekday picks the year when the nearest one disagrees
            near = [c for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                    if (c := month_day(y, info["month"], info["day"])) and c.weekday() == info["weekday"]]
            d = min(near, key=lambda c: abs((c - anchor).days)) if near else d
    else:
        d = None
    return (d.isoformat() if d else None), "day", ((d, d) if d else None)


def _month(doc: Doc, m: Mention, anchor: date | None, rules: DateRules) -> Resolution:
    """"in March", "last March", "November 2024": the year from the modifier or the tense."""
    info = m.info
    year = info.get("year")
    mod = info.get("mod")
    if year is None and anchor is not None:
        if mod == "next" or (mod != "last" and is_future(doc, m.start, m.end, rules)):
            year = anchor.year if info["month"] >= anchor.month else anchor.year + 1
        elif mod == "last":
            year = anchor.year if info["month"] < anchor.month else anchor.year - 1
        elif mod == "this":
            year = anchor.year
        else:
            year = anchor.year if info["month"] <= anchor.month else anchor.year - 1
    if year is None:
        return None, "month", None
    return f"{year:04d}-{info['month']:02d}", "month", month_period(year, info["month"])


def _relative(doc: Doc, m: Mention, anchor: date | None, rules: DateRules) -> Resolution:
    """"yesterday", "last week", "over the weekend", "three days ago", "overnight"."""
    info = m.info
    unit = info["unit"]
    offset = info["offset"] if m.kind != "ago" else -info["count"]
    gran = "week" if unit == "weekend" else unit
    if anchor is None:
        return None, gran, None
    if unit == "day":
        d = anchor + timedelta(days=offset)
        return d.isoformat(), "day", (d, d)
    if unit == "week":
        return None, "week", week_of(anchor + timedelta(days=7 * offset))
    if unit == "weekend":
        return None, "week", weekend_of(anchor, offset, is_future(doc, m.start, m.end, rules))
    if unit == "month":
        y, mo = shift_month(anchor, offset)
        return f"{y:04d}-{mo:02d}", "month", month_period(y, mo)
    y = anchor.year + offset
    return f"{y:04d}", "year", year_period(y)
