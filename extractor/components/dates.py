"""Date expressions, resolved against the publication date.

Output (`doc._.extractor_dates`, output contract field `dates`): one entry per resolved date,
in order of first mention::

    {"text": "Thursday", "start": 180, "end": 188, "date": "2025-03-13", "granularity": "day",
     "period": {"start": "2025-03-13", "end": "2025-03-13"},
     "mentions": [{"text": "overnight", ...}, {"text": "Thursday", ...}, ...]}

Conventions (why, in short):
- `text` is the expression without its preposition ("Thursday", not "on Thursday"; "the weekend",
  not "over the weekend"); time-of-day words after a weekday are left out ("Thursday night" ->
  "Thursday"). `text == doc.text[start:end]` always.
- One entry per resolved date: every mention that resolves to the same day (same week, month,
  year) is listed in `mentions`, and the entry's own text/start/end is its most explicit mention
  (a calendar date or weekday beats "today"/"yesterday", which beat "overnight"; ties go to
  the first). Users get every mention with offsets, counts of distinct dates stay honest, and a
  day mentioned three times is not three dates (the news scorer matches one-to-one, so repeated
  entries would only count as false positives). Unresolved mentions (no publication date) are
  grouped by their wording. "Monday, Feb. 6" is one mention.
- `date` follows `granularity`: "YYYY-MM-DD" for a day, "YYYY-MM" for a month, "YYYY" for a year.
  A week ("last week", "earlier this week", "over the weekend") has no form in the contract's
  date pattern that is not also a day, so its `date` is null and its span is given in `period`
  (Monday..Sunday, or Saturday..Sunday for a weekend). `period` is given for every resolved entry
  so that range queries need no calendar arithmetic.
- Resolution: weekdays -> the most recent such day on or before publication (the publication
  day itself when it is that weekday); "last Thursday" -> strictly before; a month-day without a
  year -> the most recent one on or before publication, except that when the clause has no
  clear tense ("the Nov. 8 election") the next one wins if it is less than half as far away
  (news copy states the year of any date far from publication). When the expression's clause is
  in the future tense ("will meet on Thursday", "scheduled for Nov. 14") the next one on or
  after publication is taken instead; "since" forces the past. "overnight" (not attached to a
  weekday) -> the publication day, the night that ended on it. The publication date is
  `doc._.extractor_published`, else the one `extractor_layout` found in the text ("Published:
  ...", a dated dateline). Without one, everything relative gets `date` null; calendar dates
  with a year still resolve.
- Only days carry "YYYY-MM-DD": consumers (and the news scorer, whose gold lists day-level
  expressions only) can take every "YYYY-MM-DD" as a day without reading `granularity`.
- Not dates: ages ("36-year-old"), durations ("24 hours", "a week", "the last year"), frequencies
  ("daily"), named days ("Good Friday"), plurals ("on Thursdays").

Candidates come from regular expressions over the text (weekdays, calendar dates, months and
years in context, "N days ago", the relative expressions in `dates.json`) plus spaCy DATE
entities that look like numeric dates ("14/11/2024"); only those leftovers are parsed with
dateparser, imported lazily and cached per (expression, publication date). Weekdays are not
given to dateparser because it resolves "Thursday" on a Thursday to the week before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from spacy.tokens import Doc, Token

from ..lexicons import LexiconError, read_json
from .base import DataComponent, doc_text

_RULES = "lexicons/dates/dates.json"
_RULE_KEYS = ("weekdays", "months", "named_day_words", "month_context_words", "year_context_words",
              "number_words", "relative", "future_markers", "future_heads", "frequency_words",
              "not_year_before", "past_prepositions", "until_prepositions", "announce_verbs")
_RELATIVE_KEYS = {"pattern", "unit", "offset", "skip_if_preceded_by", "skip_if_followed_by"}
_UNITS = {"day", "week", "weekend", "month", "year"}

#: Rank of a mention when choosing the text of a group: lower is more explicit.
_RANK = {"calendar": 0, "numeric": 0, "weekday": 0, "ago": 1, "relative": 1, "overnight": 2,
         "month": 0, "year": 0}
_SENTENCE_END = (".", "!", "?", ":", "\"", "“", "—")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’]*)[-\s]*$")
_NEXT_WORD = re.compile(r"^[\s-]*([A-Za-z][\w'’]*)")
_YEAR = r"(?:1[89]|20)\d\d"
_NUMERIC_DATE = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{2,4}$")
_NUMERIC_HINT = re.compile(r"\d[/.]\d{1,2}[/.]\d")
_AGE_OR_DURATION = re.compile(r"\b(?:year|month|week|day)s?[-\s]old\b|\baged?\b|-(?:year|month|week|day|hour)\b",
                              re.IGNORECASE)


@dataclass(frozen=True)
class _Rules:
    """Compiled rules from dates.json (immutable; one per component instance)."""

    weekday_re: re.Pattern[str]
    weekdays: dict[str, int]
    calendar_res: tuple[re.Pattern[str], ...]
    month_re: re.Pattern[str]
    year_re: re.Pattern[str]
    ago_re: re.Pattern[str]
    relative_re: re.Pattern[str]
    relative: tuple[tuple[str, int, frozenset[str], frozenset[str]], ...]
    months: dict[str, int]
    named_day_words: frozenset[str]
    month_context: frozenset[str]
    year_context: frozenset[str]
    number_words: dict[str, int]
    future_markers: frozenset[str]
    future_heads: frozenset[str]
    frequency_words: frozenset[str]
    past_prepositions: frozenset[str]
    not_year_before: frozenset[str]
    until_prepositions: frozenset[str]
    announce_verbs: frozenset[str]


@dataclass
class _Mention:
    start: int
    end: int
    kind: str
    info: dict[str, Any] = field(default_factory=dict)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def compile_rules(data: dict[str, Any]) -> _Rules:
    """Validate dates.json and compile its regular expressions."""
    weekdays = list(data["weekdays"])
    if len(weekdays) != 7:
        raise LexiconError("dates.json: 'weekdays' must list the seven days, Monday first")
    months = {str(k): int(v) for k, v in data["months"].items()}
    if set(months.values()) != set(range(1, 13)):
        raise LexiconError("dates.json: 'months' must cover the twelve months")
    # abbreviations (<= 4 letters) take an optional full stop
    mon = "|".join(
        re.escape(m) + (r"\.?" if len(m) <= 4 and m != "May" else "")
        for m in sorted(months, key=len, reverse=True))
    # (?=[...]) guards: Python's regex engine then skips most positions at once (several times faster)
    mon_guard = _initials(months)
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year_tail = rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
    calendar = (
        # "Nov. 14", "November 14, 2024", "Thursday, Nov. 14"
        re.compile(rf"{mon_guard}\b(?P<mon>{mon})\s+{day}(?![\d:])(?!\s*(?:a\.m\.|p\.m\.|%))\b{year_tail}"),
        # "14 November 2024", "14th of November"
        re.compile(rf"(?=\d)\b{day}\s+(?:of\s+)?(?P<mon>{mon})(?![\w]){year_tail}"),
        # ISO "2024-11-14"
        re.compile(rf"(?=[12])\b(?P<year>{_YEAR})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
        # "November 2024"
        re.compile(rf"{mon_guard}\b(?P<mon>{mon})(?![\w]),?\s+(?P<year>{_YEAR})\b(?!-)"),
    )
    longest: dict[int, str] = {}
    for name, num in months.items():
        if len(name) > len(longest.get(num, "")):
            longest[num] = name
    full_months = list(longest.values())
    month_mods = ("last", "this", "next", "early", "late", "mid")
    month_re = re.compile(rf"{_initials([*months, *month_mods])}\b(?P<mod>(?:{_alt(month_mods)})[\s-]+)?"
                          rf"(?P<mon>{_alt(full_months)})\b(?![-\s]*\d)")
    year_re = re.compile(rf"(?=[12])\b(?P<year>{_YEAR})\b(?![-/.,]?\d|s\b|['’]s\b|-year)")
    numbers = {str(k).lower(): int(v) for k, v in data["number_words"].items()}
    ago_re = re.compile(rf"(?<![-\w])(?P<n>\d{{1,3}}|{_alt(numbers)})\s+(?P<unit>day|week|month|year)s?\s+ago\b",
                        re.IGNORECASE)
    wd = {w: i for i, w in enumerate(weekdays)}
    weekday_mods = ("last", "this", "next", "this coming", "this past", "Last", "This", "Next")
    weekday_re = re.compile(rf"{_initials([*weekdays, *weekday_mods])}\b(?:(?P<mod>{_alt(weekday_mods)})\s+)?"
                            rf"(?P<wd>{_alt(weekdays)})(?!s\b)\b")
    relative, alternatives = [], []
    for i, rule in enumerate(data["relative"]):
        unknown = set(rule) - _RELATIVE_KEYS
        if unknown or rule.get("unit") not in _UNITS or "pattern" not in rule:
            raise LexiconError(f"dates.json: bad relative rule {rule!r}")
        try:
            re.compile(rule["pattern"])
        except re.error as exc:
            raise LexiconError(f"dates.json: bad pattern {rule['pattern']!r}: {exc}") from exc
        alternatives.append(rf"(?P<r{i}>{rule['pattern']})\b")
        relative.append((rule["unit"], int(rule.get("offset", 0)),
                         frozenset(w.lower() for w in rule.get("skip_if_preceded_by", ())),
                         frozenset(w.lower() for w in rule.get("skip_if_followed_by", ()))))
    # one pass over the text for all relative expressions; earlier rules win at the same position
    relative_re = re.compile(_first_letter_guard(r["pattern"] for r in data["relative"]) + r"\b(?:"
                             + "|".join(alternatives) + ")", re.IGNORECASE)
    return _Rules(
        weekday_re=weekday_re, weekdays=wd, calendar_res=calendar, month_re=month_re, year_re=year_re,
        ago_re=ago_re, relative_re=relative_re, relative=tuple(relative), months=months,
        named_day_words=frozenset(data["named_day_words"]),
        month_context=frozenset(w.lower() for w in data["month_context_words"]),
        year_context=frozenset(w.lower() for w in data["year_context_words"]),
        number_words=numbers,
        future_markers=frozenset(w.lower() for w in data["future_markers"]),
        future_heads=frozenset(w.lower() for w in data["future_heads"]),
        frequency_words=frozenset(w.lower() for w in data["frequency_words"]),
        past_prepositions=frozenset(w.lower() for w in data["past_prepositions"]),
        not_year_before=frozenset(w.lower() for w in data["not_year_before"]),
        until_prepositions=frozenset(w.lower() for w in data["until_prepositions"]),
        announce_verbs=frozenset(w.lower() for w in data["announce_verbs"]),
    )


def _initials(words: Iterable[str]) -> str:
    """A lookahead on the first letters of `words` (and of every space-separated part)."""
    letters = {part[0] for w in words for part in w.split() if part}
    return "(?=[" + "".join(sorted(letters)) + "])"


def _first_letter_guard(patterns: Iterable[str]) -> str:
    """A lookahead on the letters that can start a match: Python's regex engine then skips most
    positions at once (about 6x faster on news text). The set is every word-initial letter of the
    patterns, a superset of the true first letters; patterns whose first letter cannot be read
    off this way (classes, wildcards, escapes like \\w) get no guard."""
    letters: set[str] = set()
    for pattern in patterns:
        if re.search(r"\[|\.|\\[wWSDdbB]", pattern.replace("\\.", "")):
            return ""
        letters |= {c for m in re.finditer(r"(?<![A-Za-z\\])[A-Za-z]", pattern) for c in (m.group(0).lower(),
                                                                                        m.group(0).upper())}
    return f"(?=[{''.join(sorted(letters))}])" if letters else ""


# -- calendar arithmetic (pure functions) ------------------------------------------------------
def _shift_month(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _month_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_month_day(month: int, day: int, anchor: date, step: int) -> date | None:
    for year in (anchor.year, anchor.year + step, anchor.year + 2 * step, anchor.year + 4 * step):
        d = _month_day(year, month, day)
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


def _week(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _weekend(anchor: date, offset: int, future: bool) -> tuple[date, date]:
    """Saturday..Sunday: offset 0 = the most recent weekend (the current one on Sat/Sun),
    -1 = the one before that when published on a weekend, +1 or a future clause = the next."""
    if offset > 0 or (future and anchor.weekday() < 5):
        sat = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
    else:
        sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if offset < 0 and anchor.weekday() >= 5:
            sat -= timedelta(days=7)
    return sat, sat + timedelta(days=1)


@lru_cache(maxsize=2048)
def _dateparser_parse(expression: str, anchor: str | None) -> tuple[str, str] | None:
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


class DatesComponent(DataComponent):
    """Finds date expressions and resolves them against `doc._.extractor_published`."""

    DATA_FILES: ClassVar[tuple[str, ...]] = (_RULES,)

    def __init__(self, nlp: Any, name: str) -> None:
        super().__init__(nlp, name)
        self._rules: _Rules | None = None

    def _load(self, paths: dict[str, Path]) -> None:
        self._rules = compile_rules(read_json(paths[_RULES], allowed_keys=_RULE_KEYS))

    # -- candidates --------------------------------------------------------------------------
    def _candidates(self, doc: Doc, text: str) -> list[_Mention]:
        assert self._rules is not None
        r = self._rules
        found: list[_Mention] = []
        for rx in r.calendar_res:
            for m in rx.finditer(text):
                groups = m.groupdict()
                month = int(groups["mnum"]) if groups.get("mnum") else r.months[groups["mon"].rstrip(".")]
                day = int(groups["day"]) if groups.get("day") else None
                year = int(groups["year"]) if groups.get("year") else None
                if day is not None and _month_day(year or 2000, month, day) is None:
                    continue
                end = m.end()
                if text[m.start():end].endswith((".", ",")) and not groups.get("year"):
                    end = m.start() + len(text[m.start():end].rstrip(".,"))
                found.append(_Mention(m.start(), end, "calendar" if day else "month",
                                      {"month": month, "day": day, "year": year}))
        for m in r.weekday_re.finditer(text):
            prev = self._prev_word(text, m.start())
            if prev in r.named_day_words and not m.group("mod"):
                continue
            if prev.lower() in r.frequency_words:
                continue
            found.append(_Mention(m.start(), m.end(), "weekday",
                                  {"weekday": r.weekdays[m.group("wd")], "mod": m.group("mod")}))
        for m in r.month_re.finditer(text):
            mod = (m.group("mod") or "").strip(" -").lower()
            prev = self._prev_word(text, m.start()).lower()
            if not mod and prev not in r.month_context:
                continue
            mon = m.group("mon")
            if mon == "May" and not mod and prev not in {"in", "since", "until", "early", "late", "mid", "of"}:
                continue
            start = m.start() if mod in {"last", "this", "next"} else m.start("mon")
            found.append(_Mention(start, m.end(), "month", {"month": r.months[mon], "mod": mod}))
        for m in r.year_re.finditer(text):
            if m.start() and text[m.start() - 1] in "0123456789,.$£€/-":
                continue
            prev = self._prev_word(text, m.start()).lower()
            if prev not in r.year_context:
                span = doc.char_span(m.start(), m.end())
                if span is None or span[0].ent_type_ != "DATE":
                    continue
            nxt = self._next_word(text, m.end()).lower()
            if nxt in r.not_year_before:
                continue
            found.append(_Mention(m.start(), m.end(), "year", {"year": int(m.group("year"))}))
        for m in (r.ago_re.finditer(text) if "ago" in text else ()):
            n = m.group("n").lower()
            count = int(n) if n.isdigit() else r.number_words[n]
            found.append(_Mention(m.start(), m.end(), "ago", {"unit": m.group("unit").lower(), "count": count}))
        for m in r.relative_re.finditer(text):
            if m.lastgroup is not None:
                unit, offset, skip_prev, skip_next = r.relative[int(m.lastgroup[1:])]
                prev = self._prev_word(text, m.start())
                if prev.lower() in skip_prev or self._next_word(text, m.end()).lower() in skip_next:
                    continue
                before = text[max(0, m.start() - 4):m.start()].rstrip()
                if (m.group(0)[0].isupper() and prev[:1].isupper() and not before.endswith(_SENTENCE_END)
                        and not _title_case_line(text, m.start())):
                    continue  # part of a name: "Russia Today", "USA Today" (but not a headline's "Today")
                kind = "overnight" if m.group(0).lower() == "overnight" else "relative"
                found.append(_Mention(m.start(), m.end(), kind, {"unit": unit, "offset": offset}))
        found = _merge_weekday_dates(_drop_overlaps(found), text)
        covered = [(f.start, f.end) for f in found]
        # doc.ents walks every token: only when a numeric date may be there
        date_ents = _date_ents(doc) if _NUMERIC_HINT.search(text) else []
        for s, e in date_ents:
            ent_text = text[s:e]
            core = re.sub(r"^(?:the|on|of)\s+", "", ent_text, flags=re.IGNORECASE)
            if not _NUMERIC_DATE.match(core) or any(a < e and s < b for a, b in covered):
                continue
            cs = s + (len(ent_text) - len(core))
            found.append(_Mention(cs, e, "numeric", {"expression": core}))
        found.sort(key=lambda f: f.start)
        return found

    @staticmethod
    def _prev_word(text: str, start: int) -> str:
        m = _PREV_WORD.search(text, max(0, start - 40), start)
        return m.group(1) if m else ""

    @staticmethod
    def _next_word(text: str, end: int) -> str:
        m = _NEXT_WORD.match(text[end:end + 40])
        return m.group(1) if m else ""

    def _tense(self, doc: Doc, start: int, end: int) -> str | None:
        """"future" / "past" for the clause governing the expression, None when unclear (no verb
        within a few heads, as in "the Nov. 8 election")."""
        assert self._rules is not None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        prep = doc[span.start - 1].lower_ if span.start > 0 else ""
        if prep in self._rules.past_prepositions:
            return "past"  # "since Jan. 1"
        tense = self._clause_tense(span.root, prep)
        if tense is None and prep in self._rules.until_prepositions:
            return "future"  # "a curfew is in force until Monday": an end point not in the past
        return tense

    def _clause_tense(self, tok: Token, prep: str) -> str | None:
        rules = self._rules
        assert rules is not None
        for _ in range(4):
            if tok.lemma_.lower() in rules.future_heads or tok.lower_ in rules.future_heads:
                return "future"
            if tok.pos_ in {"VERB", "AUX"}:
                aux = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
                if any(c.lower_ in rules.future_markers for c in aux) or (
                        tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.children)):
                    return "future"
                if prep == "from" and tok.lemma_.lower() in rules.announce_verbs:
                    return "future"  # "declared three days of mourning from Wednesday"
                if tok.tag_ == "VBD" or any(c.tag_ == "VBD" or c.lemma_ == "have" for c in aux):
                    return "past"
                return None
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return None

    def _is_future(self, doc: Doc, start: int, end: int) -> bool:
        return self._tense(doc, start, end) == "future"

    # -- resolution --------------------------------------------------------------------------
    def _resolve(self, doc: Doc, m: _Mention, anchor: date | None) -> tuple[str | None, str | None,
                                                                           tuple[date, date] | None]:
        """(date, granularity, period) of one mention."""
        info = m.info
        if m.kind == "calendar":
            year = info["year"]
            if year is not None:
                d = _month_day(year, info["month"], info["day"])
            elif anchor is not None:
                d = resolve_month_day(info["month"], info["day"], anchor, self._tense(doc, m.start, m.end))
                if d is not None and "weekday" in info and d.weekday() != info["weekday"]:
                    # "Monday, Feb. 6": the named weekday picks the year when the nearest one disagrees
                    near = [c for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                            if (c := _month_day(y, info["month"], info["day"])) and c.weekday() == info["weekday"]]
                    d = min(near, key=lambda c: abs((c - anchor).days)) if near else d
            else:
                d = None
            return (d.isoformat() if d else None), "day", ((d, d) if d else None)
        if m.kind == "month":
            year = info.get("year")
            mod = info.get("mod")
            if year is None and anchor is not None:
                if mod == "next" or (mod != "last" and self._is_future(doc, m.start, m.end)):
                    year = anchor.year if info["month"] >= anchor.month else anchor.year + 1
                elif mod == "last":
                    year = anchor.year if info["month"] < anchor.month else anchor.year - 1
                elif mod == "this":
                    year = anchor.year
                else:
                    year = anchor.year if info["month"] <= anchor.month else anchor.year - 1
            if year is None:
                return None, "month", None
            first = date(year, info["month"], 1)
            y2, m2 = _shift_month(first, 1)
            return f"{year:04d}-{info['month']:02d}", "month", (first, date(y2, m2, 1) - timedelta(days=1))
        if m.kind == "year":
            y = info["year"]
            return f"{y:04d}", "year", (date(y, 1, 1), date(y, 12, 31))
        if m.kind == "weekday":
            if anchor is None:
                return None, "day", None
            d = resolve_weekday(info["weekday"], anchor, info["mod"], self._is_future(doc, m.start, m.end))
            return d.isoformat(), "day", (d, d)
        if m.kind in {"relative", "overnight", "ago"}:
            unit = info["unit"]
            offset = info["offset"] if m.kind != "ago" else -info["count"]
            gran = "week" if unit == "weekend" else unit
            if anchor is None:
                return None, gran, None
            if unit == "day":
                d = anchor + timedelta(days=offset)
                return d.isoformat(), "day", (d, d)
            if unit == "week":
                return None, "week", _week(anchor + timedelta(days=7 * offset))
            if unit == "weekend":
                return None, "week", _weekend(anchor, offset, self._is_future(doc, m.start, m.end))
            if unit == "month":
                y, mo = _shift_month(anchor, offset)
                first = date(y, mo, 1)
                y2, m2 = _shift_month(first, 1)
                return f"{y:04d}-{mo:02d}", "month", (first, date(y2, m2, 1) - timedelta(days=1))
            y = anchor.year + offset
            return f"{y:04d}", "year", (date(y, 1, 1), date(y, 12, 31))
        if m.kind == "numeric":
            got = _dateparser_parse(info["expression"], anchor.isoformat() if anchor else None)
            if got is None:
                return None, None, None
            iso, _period = got
            d = date.fromisoformat(iso)
            if anchor is not None and d > anchor and d.day <= 12:
                # "12/11/2024" is ambiguous; a past date beats a future one in news copy
                swapped = _month_day(d.year, d.day, d.month)
                if swapped is not None and swapped <= anchor:
                    d, iso = swapped, swapped.isoformat()
            return iso, "day", (d, d)
        return None, None, None

    # -- main ----------------------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        anchor = _anchor(doc)
        text = doc_text(doc)  # built from the tokens on every access: once per doc
        groups: dict[tuple[Any, ...], dict[str, Any]] = {}
        last_weekday: tuple[int, date] | None = None  # (end, date) of the latest weekday mention
        for m in self._candidates(doc, text):
            if _AGE_OR_DURATION.search(text[m.start:min(len(text), m.end + 10)]) and m.kind in {"year", "ago"}:
                continue
            iso, gran, period = self._resolve(doc, m, anchor)
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
            mention = {"text": text[m.start:m.end], "start": m.start, "end": m.end}
            g = groups.get(key)
            if g is None:
                groups[key] = g = {"rank": _RANK[m.kind], "first": m.start, "entry": {
                    **mention, "date": iso, "granularity": gran,
                    "period": {"start": period[0].isoformat(), "end": period[1].isoformat()} if period else None,
                    "mentions": []}}
            elif _RANK[m.kind] < g["rank"]:
                g["rank"] = _RANK[m.kind]
                g["entry"].update(mention)
            g["entry"]["mentions"].append(mention)
        doc._.extractor_dates = [g["entry"] for g in sorted(groups.values(), key=lambda g: g["first"])]


#: what joins the two ends of a weekday range: "Saturday to Monday", "Wednesday through Friday"
_RANGE_JOIN = re.compile(r"\s*(?:to|through|thru|until|till|-|–|—)\s*", re.IGNORECASE)


def _anchor(doc: Doc) -> date | None:
    """The publication date: the caller's, else one the layout found in the text."""
    value = doc._.extractor_published or (doc._.extractor_layout or {}).get("published")
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _title_case_line(text: str, pos: int) -> bool:
    """True when most words of the line around `pos` are capitalised (a Title Case headline)."""
    line = text[text.rfind("\n", 0, pos) + 1:(text.find("\n", pos) + 1 or len(text) + 1) - 1]
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _date_ents(doc: Doc) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]


def _merge_weekday_dates(found: list[_Mention], text: str) -> list[_Mention]:
    """"Monday, Feb. 6" is one mention (of the calendar date) when the weekday agrees with it."""
    found.sort(key=lambda f: f.start)
    out: list[_Mention] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "weekday" and not prev.info.get("mod") and f.kind == "calendar"
                and re.fullmatch(r",?\s*", text[prev.end:f.start])
                and (f.info["year"] is None
                     or date(f.info["year"], f.info["month"], f.info["day"]).weekday() == prev.info["weekday"])):
            out[-1] = _Mention(prev.start, f.end, "calendar", dict(f.info, weekday=prev.info["weekday"]))
            continue
        out.append(f)
    return out


def _drop_overlaps(found: list[_Mention]) -> list[_Mention]:
    """Keep the longest of overlapping candidates (the earlier one on a tie)."""
    out: list[_Mention] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= o.start or o.end <= f.start for o in out):
            out.append(f)
    return out
