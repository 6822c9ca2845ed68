"""The outlet's own journalists are not actors of the story: "our Moscow correspondent Nataliya
Vasilyeva reports", "our reporter X". "our" marks the publisher's staff; a correspondent of
another outlet ("BBC correspondent Steve Rosenberg said") is a cited source and stays.
"""

from __future__ import annotations

from spacy.tokens import Span

#: staff nouns after "our" ("our Moscow correspondent", "our political editor")
STAFF_NOUNS = frozenset({"correspondent", "reporter", "editor", "journalist", "columnist", "team"})


def is_own_journalist(span: Span) -> bool:
    """'our (Moscow) correspondent X': the mention names the publisher's own journalist."""
    doc = span.doc
    window = [t.lower_ for t in doc[max(0, span.start - 5):span.start]]
    if not window or window[-1] not in STAFF_NOUNS and (len(window) < 2 or window[-2] not in STAFF_NOUNS):
        return False
    return "our" in window
