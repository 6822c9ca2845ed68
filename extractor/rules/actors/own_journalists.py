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
    doc, s = span.doc, span.start
    if s == 0 or doc[s - 1].lower_ not in STAFF_NOUNS and (s < 2 or doc[s - 2].lower_ not in STAFF_NOUNS):
        return False  # the common case, answered from the one or two words before the name
    return any(doc[i].lower_ == "our" for i in range(max(0, s - 5), s))
