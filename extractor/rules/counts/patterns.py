"""Regular expressions built once from the counts lexicon (per component instance, not per document).

They join word lists into one pattern each: the casualty phrases after a count ("were killed"),
and the casualty-group phrases around a subset ("among the victims were", "two of the dead were").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CountsLexicon


@dataclass(frozen=True)
class CountsPatterns:
    """The lexicon-built patterns the casualty rules use."""

    among: re.Pattern[str]  # "Among the victims were ..." before the count
    group_part: re.Pattern[str]  # "Two of the victims were ...", "Twenty of those killed were ..."
    among_count: re.Pattern[str]  # "... were among 11 people killed" after the counted phrase
    group_front: re.Pattern[str]  # fronted: "Of the dead, 20 were children"
    phrase: re.Pattern[str]  # a multi-word casualty predicate ("lost their lives") at the start of a text

    @classmethod
    def compile(cls, lex: CountsLexicon) -> CountsPatterns:
        words = "|".join(map(re.escape, lex.among_words))
        return cls(
            among=re.compile(r"\bamong\s+(?:the|those)\s+(" + words + r")\s+(?:were|was|are|is|have\s+been)\s+$",
                             re.I),
            group_part=re.compile(r"\s+of\s+(?:the|those)\s+(?:people\s+)?(" + words + r")\b(?=\s+(?:were|was|"
                                  r"are|is)\b)", re.I),
            among_count=re.compile(
                r"\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?(?:(?:at\s+least|more\s+than|some|about|"
                r"nearly|over)\s+)?[\w,-]+\s+(?:[a-z-]+\s+)?(" + "|".join(map(re.escape, lex.cas_adjs)) + r")\b",
                re.I),
            group_front=re.compile(r"\bof\s+(?:the|those)\s+(?:people\s+)?(" + words + r")\s*,\s*$", re.I),
            phrase=re.compile(
                r"^\s*(?:" + "|".join(re.escape(p) for p in sorted(lex.cas_phrases, key=len, reverse=True)) + r")\b"),
        )
