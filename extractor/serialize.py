"""Doc + Article -> the output contract (schema_version 1) as plain Python data."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from spacy.tokens import Doc

from .errors import ArticleError
from .loading import Article
from .schema import SCHEMA_VERSION

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def sha256_text(text: str) -> str:
    """sha256 of the decoded text (UTF-8, surrogates escaped so any str can be hashed)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_record(article: Article, doc: Doc | None = None, *, include_text: bool = False,
                   layout: dict[str, Any] | None = None) -> dict[str, Any]:
    """The `article` object: input metadata first, then what the layout (the doc's, or the one
    given for a text processed in sections) found in the text."""
    if layout is None:
        layout = (doc._.extractor_layout if doc is not None else None) or {}
    title = article.title or ((layout.get("title") or {}).get("text"))
    publisher = article.publisher or (layout.get("footer") or {}).get("publisher") or \
        (layout.get("dateline") or {}).get("agency")
    byline = article.byline or (layout.get("byline") or {}).get("text")
    rec: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "sha256": sha256_text(article.text),
        "title": title,
        "publisher": publisher,
        "published": article.published or layout.get("published"),
        "byline": byline,
        "url": article.url,
        "chars": len(article.text),
        "words": sum(1 for _ in _WORD.finditer(article.text)),  # no list: 10 MB of text is 1.7M words
    }
    if include_text or article.from_html:
        rec["text"] = article.text
    return rec


def doc_to_record(doc: Doc, article: Article, extractor_info: dict[str, str], *,
                  include_text: bool = False) -> dict[str, Any]:
    """One article's full output record."""
    warnings = list(article.warnings) + [w for w in (doc._.extractor_warnings or []) if w not in article.warnings]
    fields = {"actors": doc._.extractor_actors, "quotes": doc._.extractor_quotes,
              "casualties": doc._.extractor_casualties, "weapons": doc._.extractor_weapons,
              "totals": doc._.extractor_totals, "places": doc._.extractor_places, "dates": doc._.extractor_dates}
    return assemble_record(article, extractor_info, doc._.extractor_layout or {}, fields, warnings,
                           include_text=include_text)


def assemble_record(article: Article, extractor_info: dict[str, str], layout: dict[str, Any],
                    fields: dict[str, Any], warnings: list[str], *, include_text: bool = False) -> dict[str, Any]:
    """One article's record from its layout, its field lists and its warnings (from one Doc, or
    merged from the sections of a very long text)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "extractor": dict(extractor_info),
        "article": article_record(article, include_text=include_text, layout=layout),
        **{k: list(fields.get(k) or []) for k in ("actors", "quotes", "casualties", "weapons")},
        "totals": _totals(fields.get("totals")),
        **{k: list(fields.get(k) or []) for k in ("places", "dates")},
        "warnings": warnings,
    }


def _totals(value: Any) -> dict[str, Any]:
    """The `totals` object; empty (nothing to say) when the counts component did not run or failed."""
    if not isinstance(value, dict):
        return {"casualties": {}, "weapons": []}
    return {"casualties": dict(value.get("casualties") or {}), "weapons": list(value.get("weapons") or [])}


def error_record(error: ArticleError, article: Article | None = None) -> dict[str, Any]:
    """The record that stands in a batch in place of an article that failed."""
    art_id = article.id if article else (error.source or "-")
    path = article.path if article else (error.path if error.path not in (None, "-") else None)
    return {
        "schema_version": SCHEMA_VERSION,
        "article": {"id": art_id, "path": path},
        "error": {"type": error.error_type, "message": error.message},
    }
