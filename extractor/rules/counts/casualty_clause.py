"""The casualty clause being read for one amount, shared by every casualty kind rule.

A kind rule (casualty_noun.py, casualty_predicate.py, casualty_verb.py, casualty_toll.py,
casualty_subsets.py, casualty_groups.py) is a function `rule(ctx, clause) -> None`: when it finds
the word that ties the amount to a kind, it sets `clause.kind` (and may widen the evidence, or set
`who` or `place`, and says when the count is a subset or a toll through `role`). casualties.py tries the
rules in order until one sets the kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .amounts import NumberMatch
from .context import CountsDoc


@dataclass
class CasualtyClause:
    """One amount read as a possible casualty count, and what the rules found so far."""

    m: NumberMatch  # the amount
    span: Span  # its tokens
    sent: Span  # its sentence
    head: Token | None  # the counted noun, None for a bare number ("injuring seven")
    ev_start: int  # evidence extent (characters), widened by the rules
    ev_end: int
    kind: str | None = None  # killed / injured / missing / ... once a rule found it
    who: str | None = None  # "children", "people", "Palestinians"
    place: str | None = None  # set by a rule only when the clause itself names it (a breakdown)
    single: bool = False  # one victim named without a number ("a journalist"): never the value of a toll
    role: str = "count"  # "subset" or "toll" when the rule that found the kind says so (see state.Entry)
    adds: bool = False  # the rule found the count in addition to another ("killed alongside his nephew")


#: A casualty kind rule: looks at the clause and sets its kind when it finds one.
KindRule = Callable[[CountsDoc, CasualtyClause], None]
