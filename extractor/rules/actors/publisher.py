"""The article's own publisher, which is no actor of its story unless the story cites its wire.

Read from the layout: the footer credit, the dateline's agency and any "(AP)" / "(Reuters)" in
the dateline; mentions inside the dateline are skipped altogether. A mention in the body that
cites the dateline's agency as the source of what follows ("..., BelTA has learned", "Ukrinform
reports", "an Ukrinform correspondent reports", "according to BelTA") is an actor: the story names
the wire as its source ("The AP could not verify the claim" is not; nor is the outlet of a
"Source:" footer line, which is the page's own publisher).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...extensions import doc_text
from .fold import fold_name


def dateline_range(doc: Doc) -> tuple[int, int]:
    """(start, end) characters of the dateline, (-1, -1) when there is none."""
    dl = (doc._.extractor_layout or {}).get("dateline") or {}
    return dl.get("start", -1), dl.get("end", -1)


def publisher_keys(doc: Doc) -> tuple[set[str], set[str]]:
    """Folded names of the article's publisher (footer credit, dateline agency, "(AP)"), and of
    those the dateline's agency alone (a wire the body may cite: "BelTA has learned")."""
    layout = doc._.extractor_layout or {}
    dl = layout.get("dateline") or {}
    footer = (layout.get("footer") or {}).get("publisher")
    agencies = {fold_name(dl["agency"])} if dl.get("agency") else set()
    if dl:  # the agency as written in the dateline: "(AP)", "(Reuters)"
        agencies |= {fold_name(a) for a in re.findall(r"\(([^()]{2,30})\)", doc_text(doc)[dl["start"]:dl["end"]])}
    publishers = agencies | ({fold_name(footer)} if footer else set())
    return publishers, agencies - ({fold_name(footer)} if footer else set())


#: lemmas of the verbs with which a story cites its own agency ("BelTA has learned", "Ukrinform reports")
CITING_LEMMAS = frozenset({"learn", "report"})
#: staff nouns between the agency and the verb ("an Ukrinform correspondent reports")
_STAFF = frozenset({"correspondent", "correspondents", "reporter", "reporters"})


def cites_publisher(span: Span) -> bool:
    """'..., BelTA has learned', 'Ukrinform reports', 'an Ukrinform correspondent reports',
    'according to BelTA': the story cites its own agency as its source."""
    doc = span.doc
    k = span.end
    if k < len(doc) and doc[k].lower_ in _STAFF:
        k += 1
    if k < len(doc) and doc[k].lemma_ == "have":
        k += 1
    if k < len(doc) and doc[k].lemma_ in CITING_LEMMAS and doc[k].pos_ in ("VERB", "AUX"):
        return True
    return span.start >= 2 and doc[span.start - 2].lower_ == "according" and doc[span.start - 1].lower_ == "to"
