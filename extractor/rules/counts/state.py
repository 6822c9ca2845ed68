"""The counts found so far in one document, and the look-ups later rules make in them.

Rules read earlier entries: a subset inherits the kind of the count it belongs to, a weapon
count without a side takes the operator of an earlier one, and a partitive's total is marked
consumed so that it is not read twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Entry:
    """One found count before it becomes contract JSON.

    The fields after `definite` say how the count relates to the others of its kind; they are what
    totals.py needs to answer "how many?" and never reach the output."""

    data: dict[str, Any]
    sent_start: int
    pos: int  # character position used for ordering/inheritance
    definite: bool = False  # "the four wounded": a count the article has already given
    role: str = "count"  # count | subset ("including two children") | toll ("the death toll rose to 25")
    #                      | background (a weapon count of a long running tally; casualties say it in their data)
    list_id: int | None = None  # token index of the first member of the coordinated list it belongs to
    adds: bool = False  # "17 others", "another 83", "four more": in addition to an earlier count
    np_end: int = 0  # end (characters) of the counted phrase, where a list's next member may follow
    incident: int = 0  # which incident of the article ("In a separate incident, ..." starts the next one)
    overview: bool = False  # before the first incident, in a sentence about several ("in two separate incidents")
    died: int = 0  # of the wounded counted here, how many later died ("two wounded, one of whom died"; fates.py)


@dataclass
class CountState:
    """Entries found so far in one document."""

    casualties: list[Entry] = field(default_factory=list)
    weapons: list[Entry] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # start offsets of amounts already read as part of another
    attacker: str | None = None  # the article's attacker, once looked up ("" when there is none)
    title_end: int = 0  # end of the headline (layout), 0 when there is none

    def add_weapon(self, entry: dict[str, Any], sent_start: int) -> None:
        self.weapons.append(Entry(entry, sent_start, entry["start"]))

    def operator_for(self, wclass: str) -> str | None:
        """Operator carried over from earlier weapons in the article (same class first)."""
        for e in reversed(self.weapons):
            if e.data["weapon"] == wclass and e.data["operator"]:
                return e.data["operator"]
        for e in reversed(self.weapons):
            if e.data["operator"]:
                return e.data["operator"]
        return None

    def casualty_covering(self, sent_start: int, pos: int) -> Entry | None:
        """The casualty entry of this sentence whose text covers character `pos`, if any."""
        for e in reversed(self.casualties):
            if e.sent_start == sent_start and e.data["start"] <= pos < e.data["end"]:
                return e
        return None

    def last_casualty(self, sent_start: int, before: int) -> dict[str, Any] | None:
        """The latest casualty entry of this sentence that starts before character `before`."""
        for e in reversed(self.casualties):
            if e.sent_start == sent_start and e.pos < before:
                return e.data
        return None
