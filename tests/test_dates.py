"""Date expressions resolved against the publication date (extractor_dates), and the
publication date found in the text itself (layout.detect_published)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from extractor.components.layout import detect_published
from extractor.rules.dates.calendar_math import resolve_month_day, resolve_weekday


def _dates(ex, text: str, published: str | None) -> list[dict[str, Any]]:
    """The `dates` field, after checking every span (entry and mentions) against the text."""
    rec = ex.extract(text, published=published)
    for d in rec["dates"]:
        assert text[d["start"]:d["end"]] == d["text"], d
        assert d["mentions"], d
        for m in d["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"], m
    return rec["dates"]


def _found(ex, text: str, published: str | None) -> dict[str, tuple[str | None, str | None]]:
    """{text of each mention: (date, granularity)}."""
    return {m["text"]: (d["date"], d["granularity"]) for d in _dates(ex, text, published) for m in d["mentions"]}


# -- weekdays -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,published,expr,expected", [
    # 2024-11-14 is a Thursday
    ("Israeli strikes killed 12 people in Gaza on Tuesday, the health ministry said.", "2024-11-14",
     "Tuesday", "2024-11-12"),
    ("Sudan's army said on Thursday that the RSF shelled El Fasher.", "2024-11-14", "Thursday", "2024-11-14"),
    ("The earthquake struck on Friday, a day after a 36-year-old was pulled alive from rubble.", "2025-01-02",
     "Friday", "2024-12-27"),  # across the year boundary
    ("Rescuers in Valencia found two more bodies on Sunday night.", "2024-11-04", "Sunday", "2024-11-03"),
    ("Last Thursday, a landslide buried a village in Papua New Guinea.", "2024-11-14", "Last Thursday",
     "2024-11-07"),  # "last" on the same weekday = the week before
    ("Voters in Moldova will go to the polls on Sunday, officials said.", "2024-11-14", "Sunday", "2024-11-17"),
    ("Talks on a Gaza ceasefire resume next Monday in Cairo.", "2024-11-14", "next Monday", "2024-11-18"),
    ("Monday's floods in Bosnia killed 18 people.", "2024-10-08", "Monday", "2024-10-07"),
])
def test_weekday_resolution(ex, text, published, expr, expected):
    assert _found(ex, text, published)[expr] == (expected, "day")


@pytest.mark.parametrize("text", [
    "Pilgrims walked to the church on Good Friday in Jerusalem.",
    "Markets in Khartoum now open every Monday under army guard.",
    "Protesters in Tbilisi have gathered on Saturdays for months.",
    "Black Friday sales slumped in Buenos Aires amid the crisis.",
])
def test_weekday_negatives(ex, text):
    assert _dates(ex, text, "2024-11-14") == []


# -- calendar dates --------------------------------------------------------------------------------
@pytest.mark.parametrize("text,published,expr,expected", [
    ("The RSF attacked the Zamzam camp on Nov. 14 and again on Dec. 30.", "2025-01-02", "Nov. 14", "2024-11-14"),
    ("The RSF attacked the Zamzam camp on Nov. 14 and again on Dec. 30.", "2025-01-02", "Dec. 30", "2024-12-30"),
    ("Floods hit Derna on 10 September, the UN said.", "2023-09-14", "10 September", "2023-09-10"),
    ("The strike on March 14 hit a school.", "2025-03-13", "March 14", "2024-03-14"),  # past one, not tomorrow
    ("The strike on March 13 hit a school.", "2025-03-13", "March 13", "2025-03-13"),  # the publication day
    ("The runoff election is scheduled for Nov. 20.", "2024-11-14", "Nov. 20", "2024-11-20"),  # future clause
    ("Cholera cases in Yemen have doubled since Jan. 1, the WHO says.", "2024-09-29", "Jan. 1", "2024-01-01"),
    ("Observers expect a high turnout in the Dec. 7 election in Ghana.", "2024-11-14", "Dec. 7",
     "2024-12-07"),  # no tense: the nearer one
    ("Hamas attacked Israel on October 7, 2023, killing about 1,200 people.", "2024-11-14", "October 7, 2023",
     "2023-10-07"),
    ("The ceasefire signed on 14 March 2024 collapsed.", None, "14 March 2024", "2024-03-14"),  # year: no anchor
    ("The quake log shows 2023-02-06 as the day of the first shock.", "2024-11-14", "2023-02-06", "2023-02-06"),
    ("Gaza's health ministry updated its count on 12/11/2024.", "2024-11-14", "12/11/2024", "2024-11-12"),
])
def test_calendar_dates(ex, text, published, expr, expected):
    assert _found(ex, text, published)[expr] == (expected, "day")


@pytest.mark.parametrize("text,published,expr,expected,gran", [
    ("The war in Sudan began in April 2023.", "2024-11-14", "April 2023", "2023-04", "month"),
    ("The talks, held in May, resumed in early November.", "2024-11-14", "May", "2024-05", "month"),
    ("The talks, held in May, resumed in early November.", "2024-11-14", "November", "2024-11", "month"),
    ("The monsoon floods that began in December hit Malaysia hard.", "2025-01-10", "December", "2024-12", "month"),
    ("Russia invaded Ukraine in 2022.", "2024-11-14", "2022", "2022", "year"),
    ("Since 2011, more than 500,000 people have died in Syria.", "2024-11-14", "2011", "2011", "year"),
])
def test_months_and_years(ex, text, published, expr, expected, gran):
    assert _found(ex, text, published)[expr] == (expected, gran)


# -- relative expressions ----------------------------------------------------------------------------
@pytest.mark.parametrize("text,published,expr,expected,gran", [
    ("Protesters gathered in Dhaka yesterday and again today.", "2024-03-01", "yesterday", "2024-02-29", "day"),
    ("Protesters gathered in Dhaka yesterday and again today.", "2024-03-01", "today", "2024-03-01", "day"),
    ("Heavy shelling was reported in Khan Younis last night.", "2024-01-01", "last night", "2023-12-31", "day"),
    ("Israel struck targets in Lebanon overnight, the army said.", "2024-11-14", "overnight", "2024-11-14", "day"),
    ("The cyclone made landfall in Mozambique two days ago.", "2024-12-16", "two days ago", "2024-12-14", "day"),
    ("Clashes in Goma last month displaced thousands.", "2024-01-10", "last month", "2023-12", "month"),
    ("Parliament in Nairobi passed the bill this year.", "2024-11-14", "this year", "2024", "year"),
    ("Turnout at the Indian election last year was high.", "2025-02-01", "last year", "2024", "year"),
])
def test_relative_expressions(ex, text, published, expr, expected, gran):
    assert _found(ex, text, published)[expr] == (expected, gran)


@pytest.mark.parametrize("text,published,expr,period", [
    # 2024-09-16 is a Monday: the weekend is the two days before
    ("Floods over the weekend displaced 2,000 people in Nigeria.", "2024-09-16", "the weekend",
     ("2024-09-14", "2024-09-15")),
    ("Floods this weekend displaced 2,000 people in Nigeria.", "2024-09-15", "this weekend",
     ("2024-09-14", "2024-09-15")),
    ("Aid trucks entered Rafah earlier this week, the UN said.", "2024-05-09", "earlier this week",
     ("2024-05-06", "2024-05-12")),
    ("Aid trucks entered Rafah last week, the UN said.", "2024-05-09", "last week", ("2024-04-29", "2024-05-05")),
])
def test_weeks_carry_a_period_not_a_day(ex, text, published, expr, period):
    (entry,) = [d for d in _dates(ex, text, published) if d["text"] == expr]
    assert entry["granularity"] == "week"
    assert entry["date"] is None  # a week is not a day; see the module docstring
    assert (entry["period"]["start"], entry["period"]["end"]) == period


# -- not dates -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A 36-year-old man was among the dead in the Kahramanmaras quake.",
    "Rescuers in Libya worked for 24 hours without a break.",
    "The siege of El Fasher has lasted more than a week.",
    "A 30-day ceasefire was proposed for Gaza.",
    "Gaza's hospitals receive fuel daily, officials said.",
    "Fighting in Myanmar has intensified over the last year.",
    "Violence in Haiti has grown in recent weeks, the UN said.",
    "The two-year drought in Somalia killed livestock.",
    "He spoke to Russia Today about the floods in Pakistan.",
    "Officials said aid may arrive soon in Darfur.",
    "The quake measured 7.8 and killed 2,024 people.",
])
def test_not_dates(ex, text):
    assert [d for d in _dates(ex, text, "2024-11-14") if d["granularity"] == "day"] == [], text
    assert [d for d in _dates(ex, text, "2024-11-14") if d["granularity"] is not None] == [], text


# -- grouping and missing publication date ----------------------------------------------------------------
def test_one_entry_per_resolved_day_with_every_mention(ex):
    text = ("Israel struck Beirut overnight.\n\nThe army said on Thursday it hit 20 targets. Lebanon's "
            "health ministry said on Thursday 12 people died. On Tuesday, strikes hit Tyre.")
    dates = _dates(ex, text, "2024-11-14")
    assert [(d["text"], d["date"]) for d in dates] == [("Thursday", "2024-11-14"), ("Tuesday", "2024-11-12")]
    assert [m["text"] for m in dates[0]["mentions"]] == ["overnight", "Thursday", "Thursday"]
    assert dates[0]["start"] == text.index("Thursday")  # the most explicit mention names the entry


@pytest.mark.parametrize("text,published,expr,expected", [
    ("The quake struck on Monday, Feb. 6, killing thousands in Turkey and Syria.", "2023-02-10",
     "Monday, Feb. 6", "2023-02-06"),
    ("Typhoon Haiyan hit the Philippines on Friday, Nov. 8, 2013.", None, "Friday, Nov. 8, 2013", "2013-11-08"),
])
def test_weekday_and_calendar_date_are_one_mention(ex, text, published, expr, expected):
    assert _found(ex, text, published) == {expr: (expected, "day")}


def test_entry_named_by_first_explicit_mention(ex):
    text = "Floods hit Porto Alegre overnight. On Monday, the river rose; by May 6 it had peaked."
    (entry,) = [d for d in _dates(ex, text, "2024-05-06") if d["date"] == "2024-05-06"]
    assert entry["text"] == "Monday"
    assert [m["text"] for m in entry["mentions"]] == ["overnight", "Monday", "May 6"]


def test_today_in_a_title_case_headline(ex):
    text = "Cyclone Remal Makes Landfall In Bangladesh Today\n\nThe storm hit the coast near Khulna."
    assert _found(ex, text, "2024-05-26")["Today"] == ("2024-05-26", "day")


def test_no_published_date(ex):
    text = "Floods hit Bangladesh on Thursday. Yesterday the army deployed. The war began in 2022."
    found = _found(ex, text, None)
    assert found["Thursday"] == (None, "day")
    assert found["Yesterday"] == (None, "day")
    assert found["2022"] == ("2022", "year")


def test_publication_date_from_the_text(ex):
    text = ("Quake kills 40 in Afghanistan\n\nPublished: Oct. 9, 2023\n\n"
            "A 6.3-magnitude earthquake struck Herat province on Saturday, officials said.")
    assert _found(ex, text, None)["Saturday"] == ("2023-10-07", "day")


# -- pure helpers ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("weekday,anchor,mod,future,expected", [
    (3, date(2024, 11, 14), None, False, date(2024, 11, 14)),  # same weekday -> same day
    (4, date(2024, 11, 14), None, False, date(2024, 11, 8)),
    (3, date(2024, 11, 14), "last", False, date(2024, 11, 7)),
    (3, date(2024, 11, 14), "next", False, date(2024, 11, 21)),
    (6, date(2024, 11, 14), None, True, date(2024, 11, 17)),
    (0, date(2025, 1, 1), None, False, date(2024, 12, 30)),
])
def test_resolve_weekday(weekday, anchor, mod, future, expected):
    assert resolve_weekday(weekday, anchor, mod, future) == expected


@pytest.mark.parametrize("month,day,anchor,tense,expected", [
    (12, 31, date(2025, 1, 2), None, date(2024, 12, 31)),
    (1, 2, date(2025, 1, 2), None, date(2025, 1, 2)),
    (2, 29, date(2025, 3, 1), None, date(2024, 2, 29)),
    (1, 5, date(2024, 12, 20), "future", date(2025, 1, 5)),
    (11, 20, date(2024, 11, 14), None, date(2024, 11, 20)),  # nearer ahead, tense unknown
    (11, 20, date(2024, 11, 14), "past", date(2023, 11, 20)),
])
def test_resolve_month_day(month, day, anchor, tense, expected):
    assert resolve_month_day(month, day, anchor, tense) == expected


@pytest.mark.parametrize("text,expected", [
    ("Floods in Kerala\n\nPublished: Nov. 14, 2024 10:32 a.m.\n\nBody.", "2024-11-14"),
    ("Strike on Kharkiv\n\nKHARKIV, Ukraine, Nov. 14, 2024 (Reuters) — Russian bombs hit.", "2024-11-14"),
    ("Gaza talks\nUpdated 2024-11-15 08:00 GMT\nPublished on 14 November 2024\nBody.", "2024-11-14"),
    ("Quake in Japan\n\nThursday, January 4, 2024\n\nThe quake struck Noto.", "2024-01-04"),
    ("Strike on Kharkiv\n\nKHARKIV, Nov. 14 (Reuters) — Russian bombs hit.", None),  # no year
    ("Heatwave in India\n\nMay 2024 was the hottest month on record in Delhi.", None),
    ("Flood report\n\nOn March 3, 2024, the river burst its banks.", None),  # body text, not a date line
])
def test_detect_published(text, expected):
    assert detect_published(text) == expected


# -- ranges, end points and announced periods ------------------------------------------------------
@pytest.mark.parametrize("text,published,expected", [
    # published on a Tuesday: the announced period lies ahead
    ("He declared three days of mourning in the region, from Wednesday to Friday.", "2024-09-03",
     {"Wednesday": "2024-09-04", "Friday": "2024-09-06"}),
    # the end of a range comes after its start (published on the Saturday)
    ("Vilkul declared three days of mourning from Saturday to Monday.", "2025-04-05",
     {"Saturday": "2025-04-05", "Monday": "2025-04-07"}),
    ("Russia attacked the city from Monday to Wednesday.", "2025-04-05",
     {"Monday": "2025-03-31", "Wednesday": "2025-04-02"}),
    # an end point in a clause not in the past tense
    ("A curfew is in force until Friday.", "2024-09-03", {"Friday": "2024-09-06"}),
    ("Flash flood watches are in effect through Saturday.", "2025-07-04", {"Saturday": "2025-07-05"}),
    # ... but a past clause keeps it in the past
    ("Fighting continued through Saturday, officials said.", "2024-09-03", {"Saturday": "2024-08-31"}),
    ("The mayor said on Wednesday that the attack killed five.", "2024-09-03", {"Wednesday": "2024-08-28"}),
])
def test_weekday_ranges_and_end_points(ex, text, published, expected):
    found = _found(ex, text, published)
    assert {k: found[k][0] for k in expected} == expected


# --- calendar arithmetic on its own (extractor/rules/dates/calendar_math.py) ----------------------
@pytest.mark.parametrize("anchor, offset, future, expected", [
    ("2025-03-13", 0, False, ("2025-03-08", "2025-03-09")),  # a Thursday: the weekend before
    ("2025-03-13", 0, True, ("2025-03-15", "2025-03-16")),  # "will ... this weekend"
    ("2025-03-15", 0, False, ("2025-03-15", "2025-03-16")),  # published on the Saturday itself
    ("2025-03-15", -1, False, ("2025-03-08", "2025-03-09")),  # "last weekend", read on a Saturday
    ("2025-03-13", 1, False, ("2025-03-15", "2025-03-16")),  # "next weekend"
])
def test_weekend_of(anchor: str, offset: int, future: bool, expected: tuple[str, str]) -> None:
    from extractor.rules.dates.calendar_math import weekend_of

    sat, sun = weekend_of(date.fromisoformat(anchor), offset, future)
    assert (sat.isoformat(), sun.isoformat()) == expected


@pytest.mark.parametrize("year, month, expected", [
    (2024, 2, ("2024-02-01", "2024-02-29")),
    (2024, 12, ("2024-12-01", "2024-12-31")),
])
def test_month_period(year: int, month: int, expected: tuple[str, str]) -> None:
    from extractor.rules.dates.calendar_math import month_period

    first, last = month_period(year, month)
    assert (first.isoformat(), last.isoformat()) == expected


def test_week_of() -> None:
    from extractor.rules.dates.calendar_math import week_of

    assert week_of(date(2025, 3, 13)) == (date(2025, 3, 10), date(2025, 3, 16))


@pytest.mark.parametrize("text, kinds", [
    ("He left on Monday, Feb. 6, and came back three days ago.", ["calendar", "ago"]),
    ("In 2022 the 36-year-old moved; she returns next week.", ["year", "relative"]),
    ("The form dated 14/11/2024 was filed yesterday.", ["numeric", "relative"]),
])
def test_find_candidates(ex, text: str, kinds: list[str]) -> None:
    from extractor.rules.dates.candidates import find_candidates

    doc = ex.nlp(text)
    rules = ex.nlp.get_pipe("extractor_dates")._rules
    assert [m.kind for m in find_candidates(doc, text, rules)] == kinds
