"""Calendar arithmetic, pure functions of dates: which Thursday, which Nov. 14, which week or weekend.

Why the choices: news copy gives the year of any date far from publication, and a plain weekday
is the most recent one; the future tense or "next" looks ahead instead.
"""

from __future__ import annotations

from datetime import date, timedelta


def shift_month(d: date, months: int) -> tuple[int, int]:
    """(year, month) `months` months after the month of `d` (negative: before)."""
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def month_day(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist ("Feb. 30")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_period(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    first = date(year, month, 1)
    y2, m2 = shift_month(first, 1)
    return first, date(y2, m2, 1) - timedelta(days=1)


def year_period(year: int) -> tuple[date, date]:
    """First and last day of a year."""
    return date(year, 1, 1), date(year, 12, 31)


def _nearest_month_day(month: int, day: int, anchor: date, step: int) -> date | None:
    for year in (anchor.year, anchor.year + step, anchor.year + 2 * step, anchor.year + 4 * step):
        d = month_day(year, month, day)
        if d is not None and ((d >= anchor) if step > 0 else (d <= anchor)):
            return d
    return None


def resolve_month_day(month: int, day: int, anchor: date, tense: str | None = None) -> date | None:
    """A `month`-`day` without a year: the most recent one on or before `anchor`, unless the clause
    is in the future tense, or its tense is unknown and the next one is less than half as far
    away as the past one.

    News copy gives the year whenever a date is not close to publication (AP style), so "Nov. 20"
    in an article of Nov. 14 is six days ahead, not a year back; "Nov. 14" in an article of
    Jan. 2 is seven weeks back."""
    past = _nearest_month_day(month, day, anchor, -1)
    ahead = _nearest_month_day(month, day, anchor, 1)
    if past is None or ahead is None:
        return past or ahead
    if tense == "future" or (tense is None and 2 * (ahead - anchor).days < (anchor - past).days):
        return ahead
    return past


def resolve_weekday(weekday: int, anchor: date, mod: str | None = None, future: bool = False) -> date:
    """Weekday `weekday` (0 = Monday) relative to `anchor`.

    Plain or "this past": the most recent one on or before the anchor; "last": strictly before;
    "next"/"this coming" or a future-tense clause: on or after (strictly after for "next")."""
    mod = (mod or "").lower()
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if mod == "last":
        return anchor - timedelta(days=back or 7)
    if mod == "next":
        return anchor + timedelta(days=ahead or 7)
    if mod == "this coming" or (future and mod != "this past"):
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def week_of(d: date) -> tuple[date, date]:
    """Monday..Sunday of the week holding `d`."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def weekend_of(anchor: date, offset: int, future: bool) -> tuple[date, date]:
    """Saturday..Sunday: offset 0 = the most recent weekend (the current one on Sat/Sun),
    -1 = the one before that when published on a weekend, +1 or a future clause = the next."""
    if offset > 0 or (future and anchor.weekday() < 5):
        sat = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
    else:
        sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if offset < 0 and anchor.weekday() >= 5:
            sat -= timedelta(days=7)
    return sat, sat + timedelta(days=1)
