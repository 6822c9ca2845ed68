"""Numeric dates ("14/11/2024", "12.11.2024"): the only expressions given to dateparser.

dateparser is imported on first use and its answers are cached per (expression, publication
date); an ambiguous day/month order is read the way that puts the date in the past.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..string_memo import string_memo
from .calendar_math import month_day


@string_memo(2048)
def dateparser_parse(expression: str, anchor: str | None) -> tuple[str, str] | None:
    """(ISO date, period) from dateparser for a numeric date expression; cached per (text, anchor)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                                "STRICT_PARSING": False}
    if anchor:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(anchor)
    parsed = DateDataParser(languages=["en"], settings=settings).get_date_data(expression)
    if parsed is None or parsed.date_obj is None:
        return None
    return parsed.date_obj.date().isoformat(), parsed.period or "day"


def resolve_numeric(expression: str, anchor: date | None) -> tuple[str, date] | None:
    """(ISO date, date) of a numeric date, or None when dateparser cannot read it."""
    got = dateparser_parse(expression, anchor.isoformat() if anchor else None)
    if got is None:
        return None
    iso, _period = got
    d = date.fromisoformat(iso)
    if anchor is not None and d > anchor and d.day <= 12:
        # "12/11/2024" is ambiguous; a past date beats a future one in news copy
        swapped = month_day(d.year, d.day, d.month)
        if swapped is not None and swapped <= anchor:
            d, iso = swapped, swapped.isoformat()
    return iso, d
