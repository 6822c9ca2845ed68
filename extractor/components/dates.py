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

The rules live in `extractor/rules/dates/` (patterns, candidates, tense, calendar_math, resolve,
numeric, anchor, entries); this module only loads dates.json and runs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from spacy.tokens import Doc

from ..extensions import doc_text
from ..lexicons import read_json
from ..rules.dates.anchor import publication_date
from ..rules.dates.candidates import find_candidates
from ..rules.dates.entries import date_entries
from ..rules.dates.patterns import RULE_KEYS, DateRules, compile_rules
from .base import DataComponent

_RULES = "lexicons/dates/dates.json"


class DatesComponent(DataComponent):
    """Finds date expressions and resolves them against `doc._.extractor_published`."""

    DATA_FILES: ClassVar[tuple[str, ...]] = (_RULES,)

    def __init__(self, nlp: Any, name: str) -> None:
        super().__init__(nlp, name)
        self._rules: DateRules | None = None

    def _load(self, paths: dict[str, Path]) -> None:
        self._rules = compile_rules(read_json(paths[_RULES], allowed_keys=RULE_KEYS))

    def process(self, doc: Doc) -> None:
        assert self._rules is not None
        anchor = publication_date(doc)
        text = doc_text(doc)  # built from the tokens on every access: once per doc
        candidates = find_candidates(doc, text, self._rules)
        doc._.extractor_dates = date_entries(doc, text, candidates, anchor, self._rules)
