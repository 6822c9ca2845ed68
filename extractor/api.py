"""The library API: `Extractor` (one loaded pipeline) and the `extract()` shortcut.

The CLI is a thin layer over this module. Nothing here prints or exits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .errors import ArticleError
from .loading import Article, article_from_text
from .serialize import doc_to_record, error_record

#: spaCy refuses longer texts; ours are processed in chunks up to this size (see _make_doc).
DEFAULT_BATCH_SIZE = 16


class Extractor:
    """A loaded extraction pipeline. Create once, call `extract`/`extract_many` often."""

    def __init__(self, model: str | None = None, *, nlp: Language | None = None) -> None:
        from .pipeline import build_pipeline, model_label

        self.nlp = nlp if nlp is not None else build_pipeline(model)
        self.info = {"version": __version__, "model": model_label(self.nlp)}

    # -- single article -------------------------------------------------------------------
    def extract(self, text: str, *, id: str = "-", title: str | None = None, published: str | None = None,
                publisher: str | None = None, url: str | None = None, include_text: bool = False) -> dict[str, Any]:
        """Extract everything from one text. Raises ArticleError for empty text."""
        article = article_from_text(text, id=id, title=title, published=published, publisher=publisher, url=url)
        return self.extract_article(article, include_text=include_text)

    def extract_article(self, article: Article, *, include_text: bool = False) -> dict[str, Any]:
        """Extract everything from one loaded Article."""
        doc = self.nlp(self._make_doc(article))
        return doc_to_record(doc, article, self.info, include_text=include_text)

    def _make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.extractor_published = _iso_day(article.published)
        return doc

    # -- batches --------------------------------------------------------------------------
    def extract_many(self, items: Iterable[Article | ArticleError], *, batch_size: int = DEFAULT_BATCH_SIZE,
                     include_text: bool = False) -> Iterator[dict[str, Any]]:
        """Records (or error records) for every item, in input order, streaming."""
        buffer: list[Article | ArticleError] = []
        for item in items:
            buffer.append(item)
            if len(buffer) >= batch_size:
                yield from self._run_batch(buffer, batch_size, include_text)
                buffer = []
        if buffer:
            yield from self._run_batch(buffer, batch_size, include_text)

    def _run_batch(self, items: list[Article | ArticleError], batch_size: int,
                   include_text: bool) -> Iterator[dict[str, Any]]:
        articles = [it for it in items if isinstance(it, Article)]
        docs: Iterator[Doc] = iter(())
        try:
            docs = iter(list(self.nlp.pipe((self._make_doc(a) for a in articles), batch_size=batch_size)))
        except Exception:  # one bad article must not sink the batch: redo one by one
            docs = iter([])
            articles_done: list[Any] = []
            for a in articles:
                try:
                    articles_done.append(self.nlp(self._make_doc(a)))
                except Exception as exc:  # noqa: BLE001 - reported as an error record
                    articles_done.append(ArticleError("processing_error", f"{a.id}: {type(exc).__name__}: {exc}",
                                                      a.id))
            docs = iter(articles_done)
        for item in items:
            if isinstance(item, ArticleError):
                yield error_record(item)
                continue
            doc = next(docs)
            if isinstance(doc, ArticleError):
                yield error_record(doc, item)
            else:
                yield doc_to_record(doc, item, self.info, include_text=include_text)


def _iso_day(value: str | None) -> str | None:
    """Normalise a publication date ('2024-11-11', '2024-11-11T10:00Z', 'Nov 11, 2024') to YYYY-MM-DD."""
    if not value:
        return None
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value[:10]
    import dateparser

    parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Extractor:
    """A cached Extractor for `model` (default: EXTRACT_MODEL or the configured model)."""
    return Extractor(model)


def extract(text: str, **kwargs: Any) -> dict[str, Any]:
    """Extract from one text with the default pipeline: `extractor.extract("...")`."""
    model = kwargs.pop("model", None)
    return load(model).extract(text, **kwargs)
