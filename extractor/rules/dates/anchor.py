"""The publication date every relative date is resolved against.

The caller's `doc._.extractor_published` wins; else the date the layout component found in the
text ("Published: ...", a dated dateline); else None (relative dates then stay unresolved).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc


def publication_date(doc: Doc) -> date | None:
    """The publication date: the caller's, else one the layout found in the text."""
    value = doc._.extractor_published or (doc._.extractor_layout or {}).get("published")
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
