"""Which incident of the article a count belongs to: "Gunmen killed five people in Kaduna. In a separate
incident, three were killed in Zamfara" reports two incidents, and the article's figure is their sum.

A sentence that opens with an incident marker ("In a separate incident", "In the second attack",
"Separately,") starts a new incident; counts before the first marker belong to incident 0. A count of
incident 0 whose sentence speaks of several incidents ("About 16 people were killed in two separate
incidents") is an overview that covers the incidents after it (totals.py does not add them to it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .context import CountsDoc
from .state import Entry


def mark_incidents(ctx: CountsDoc, entries: Iterable[Entry]) -> None:
    """Set `incident` (and `overview`) on every entry, from the incident markers of the document."""
    fig = ctx.lex.figures
    marker_re = re.compile(r"^\W*(?:" + "|".join(map(re.escape, fig.incident_markers)) + r")", re.I)
    starts: list[int] = []  # token index of each sentence that starts a new incident
    plural_sents: set[int] = set()
    for sent in ctx.doc.sents:
        if marker_re.match(sent.text):
            starts.append(sent.start)
        if any(t.lower_ in fig.incident_plurals for t in sent):
            plural_sents.add(sent.start)
    for e in entries:
        e.incident = sum(1 for s in starts if s <= e.sent_start)
        e.overview = e.incident == 0 and bool(starts) and e.sent_start in plural_sents
