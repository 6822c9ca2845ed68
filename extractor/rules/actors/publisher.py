"""The article's own publisher, which is never an actor of its story.

Read from the layout: the footer credit, the dateline's agency and any "(AP)" / "(Reuters)" in
the dateline; mentions inside the dateline are skipped altogether.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...extensions import doc_text
from .fold import fold_name


def dateline_range(doc: Doc) -> tuple[int, int]:
    """(start, end) characters of the dateline, (-1, -1) when there is none."""
    dl = (doc._.extractor_layout or {}).get("dateline") or {}
    return dl.get("start", -1), dl.get("end", -1)


def publisher_keys(doc: Doc) -> set[str]:
    """Folded names of the article's publisher: footer credit, dateline agency, "(AP)"."""
    layout = doc._.extractor_layout or {}
    dl = layout.get("dateline") or {}
    publishers = {fold_name(p) for p in (
        (layout.get("footer") or {}).get("publisher"), (layout.get("dateline") or {}).get("agency")) if p}
    if dl:  # the agency as written in the dateline: "(AP)", "(Reuters)"
        publishers |= {fold_name(a) for a in re.findall(r"\(([^()]{2,30})\)", doc_text(doc)[dl["start"]:dl["end"]])}
    return publishers
