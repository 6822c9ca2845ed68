"""extractor: who said what, how many were killed, which drones and missiles, where and when.

Library API::

    import extractor
    record = extractor.extract(text, published="2024-11-11")   # one article -> dict (output contract)
    ex = extractor.load()                                      # a reusable pipeline
    for rec in ex.extract_many(extractor.iter_articles(["articles/"])): ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = ["__version__", "Extractor", "extract", "load", "iter_articles", "ArticleError", "ExtractorError",
           "ModelNotFoundError", "SCHEMA_VERSION"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import Extractor, extract, load
    from .errors import ArticleError, ExtractorError, ModelNotFoundError
    from .loading import iter_articles
    from .schema import SCHEMA_VERSION

_LAZY = {
    "Extractor": "api", "extract": "api", "load": "api", "iter_articles": "loading",
    "ArticleError": "errors", "ExtractorError": "errors", "ModelNotFoundError": "errors",
    "SCHEMA_VERSION": "schema",
}


def __getattr__(name: str) -> Any:
    """Import heavy modules (spaCy) only when the API is actually used."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)
