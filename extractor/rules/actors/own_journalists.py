"""The outlet's own journalists are not actors of the story: "our Moscow correspondent Nataliya
Vasilyeva reports", "our reporter X". "our" marks the publisher's staff; a correspondent of
another outlet ("BBC correspondent Steve Rosenberg said") is a cited source and stays.
"""

from __future__ import annotations

from spacy.tokens import Span

#: staff nouns after "our" ("our Moscow correspondent", "our political editor")
STAFF_NOUNS = frozenset({"correspondent", "reporter", "editor", "journalist", "columnist", "team"})


def is_own_journalist(span: Span) -> bool:
    """'our (Moscow) correspondent X': the mention names the publisher's own journalist (a staff
    noun one or two words before it, "our" within five)."""
    doc = span.doc
    start = span.start
    if start == 0 or doc[start - 1].lower_ not in STAFF_NOUNS and (
            start < 2 or doc[start - 2].lower_ not in STAFF_NOUNS):
        return False
    return any(t.lower_ == "our" for t in doc[max(0, start - 5):start])
