"""The word lists the quote rules read, loaded by QuotesComponent and passed in as one frozen object.

Speech verbs decide what is a cue, work nouns tell a title ("the film “...”") from a quotation,
speaker nouns say which common nouns may speak, and resolution.json's sets steer reference
resolution (directive verbs, document nouns, institution nominals).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuoteLexicon:
    """All lower-cased. `speech`: speech_verbs.txt; `works`: work_nouns.txt; `speaker_nouns`:
    speaker_nouns.txt; from resolution.json: `directive_verbs` that govern a short quotation
    ("ordered an “all-out” effort"), `document_nouns` that resolve to their issuer ("the
    statement"), and `org_nominals`, institution nouns with the words a compatible named
    organisation must contain ("the military" -> "... Command", "*" = any organisation)."""

    speech: frozenset[str] = frozenset()
    works: frozenset[str] = frozenset()
    speaker_nouns: frozenset[str] = frozenset()
    directive_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    org_nominals: Mapping[str, frozenset[str]] = field(default_factory=dict)
