"""The Doc extensions our components write, and `add_warning`, below every component.

Registered on import, prefixed `extractor_`, never with `force=True`. Values are plain
JSON-like data (dicts, lists, strings, ints) so documents survive `nlp.pipe(..., n_process=N)`
and serialisation. Components and the API import from here; `factories` imports it too, so the
extensions exist as soon as any factory does.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Doc extensions written by the components (all default to None = "not computed").
DOC_EXTENSIONS = (
    "extractor_published",  # ISO date the relative dates are resolved against (set by the caller)
    "extractor_layout",  # title / body / footer / dateline regions (extractor_layout)
    "extractor_actors",  # list of actor dicts (extractor_actors)
    "extractor_places",  # list of place dicts (extractor_places)
    "extractor_dates",  # list of date dicts (extractor_dates)
    "extractor_quotes",  # list of quote dicts (extractor_quotes)
    "extractor_casualties",  # list of casualty dicts (extractor_counts)
    "extractor_weapons",  # list of weapon dicts (extractor_counts)
    "extractor_totals",  # the article's figures: {"casualties": {kind: ...}, "weapons": [...]} (extractor_counts)
    "extractor_warnings",  # list of warning strings, appended to by any component
)

for _ext in DOC_EXTENSIONS:
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


def add_warning(doc: Doc, message: str) -> None:
    """Append a warning to the document without sharing a mutable default."""
    if doc._.extractor_warnings is None:
        doc._.extractor_warnings = []
    if message not in doc._.extractor_warnings:
        doc._.extractor_warnings.append(message)


_TEXT_KEY = ("extractor", "text")


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per document and shared by all our components.

    spaCy rebuilds `Doc.text` from every token on each access, and our components read it about a
    dozen times per document. The cached copy is checked against the document's character length,
    so a Doc assembled from others (`Doc.from_docs`, which copies user_data) never sees a stale text.
    """
    n_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None or len(cached) != n_chars:
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached
