"""The library API: `Extractor` (one loaded pipeline) and the `extract()` shortcut.

The CLI is a thin layer over this module. Nothing here prints or exits.

Robustness contract (issue 7): whatever the text, `extract_article` returns a record. The
pretrained part of the pipeline (tokenizer, tagger, parser, NER and our layout component)
runs through `nlp.pipe` in batches; our rule components run one by one on each Doc, each in a
guard: if one raises, its doc-level outputs are rolled back to what they were before it ran
and the article still gets a record, with a warning naming the component. Texts longer than
spaCy's `max_length` (or `[limits] chunk_chars` in models/config.cfg) are parsed in paragraph
chunks that are merged back into one Doc, so every offset still refers to the whole text.
"""

from __future__ import annotations

import re
import warnings as _warnings
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ArticleError
from .loading import Article, article_from_text, iter_batches
from .serialize import doc_to_record, error_record
from .version import __version__

#: Articles per spaCy batch. 16 is bare spaCy's fastest setting on news-length texts.
DEFAULT_BATCH_SIZE = 16
#: A batch is also closed once it holds this many characters: memory (the parser's and NER's
#: activations) grows with the characters in flight, not the number of articles. On the PolNeAR
#: dev articles (~5,000 chars each) 25,000 keeps a worker near 300 MB (16 articles: ~510 MB)
#: at the same throughput.
DEFAULT_BATCH_CHARS = 25_000
#: Texts longer than this are parsed in chunks (unless models/config.cfg says less).
DEFAULT_CHUNK_CHARS = 100_000

_EXT_PREFIX = "extractor_"
#: Runs of this many non-space characters are not given to spaCy's tokenizer (see Extractor.tokenize).
LONG_RUN = 300
RUN_PIECE = 100
_LONG_RUN_RE = re.compile(r"\S{" + str(LONG_RUN) + ",}")


class Extractor:
    """A loaded extraction pipeline. Create once, call `extract`/`extract_many` often."""

    def __init__(self, model: str | None = None, *, nlp: Language | None = None) -> None:
        from .pipeline import build_pipeline, model_label, pipeline_config

        self.nlp = nlp if nlp is not None else build_pipeline(model)
        self.info = {"version": __version__, "model": model_label(self.nlp)}
        cfg = pipeline_config() if nlp is None else {}
        ours = set((cfg.get("pipeline") or {}).get("after_ner", [])) or {
            n for n in self.nlp.pipe_names if n.startswith(_EXT_PREFIX) and n != "extractor_layout"}
        #: Our post-NER components, run one by one under a guard (see module docstring).
        self.guarded: list[tuple[str, Callable[[Doc], Doc]]] = [
            (name, proc) for name, proc in self.nlp.pipeline if name in ours]
        self._guarded_names = [name for name, _ in self.guarded]
        limit = int((cfg.get("limits") or {}).get("chunk_chars", DEFAULT_CHUNK_CHARS))
        self.chunk_chars = max(1000, min(limit, self.nlp.max_length))

    # -- single article -------------------------------------------------------------------
    def extract(self, text: str, *, id: str = "-", title: str | None = None, published: str | None = None,
                publisher: str | None = None, url: str | None = None, include_text: bool = False) -> dict[str, Any]:
        """Extract everything from one text. Raises ArticleError for empty text."""
        article = article_from_text(text, id=id, title=title, published=published, publisher=publisher, url=url)
        return self.extract_article(article, include_text=include_text)

    def extract_article(self, article: Article, *, include_text: bool = False) -> dict[str, Any]:
        """Extract everything from one loaded Article (an error record only if spaCy itself fails)."""
        return self.process_batch([article], include_text=include_text)[0]

    def _make_doc(self, article: Article, text: str | None = None) -> Doc:
        doc = self.tokenize(article.text if text is None else text)
        doc._.extractor_published = _iso_day(article.published)
        return doc

    def tokenize(self, text: str) -> Doc:
        """spaCy's tokenizer, except for runs of >= LONG_RUN non-space characters: the tokenizer's
        affix loop is quadratic on those ("\"" * 10000 takes minutes), so such a run is cut into
        fixed-size tokens. The Doc's text is always exactly `text`."""
        if len(text) < LONG_RUN or _LONG_RUN_RE.search(text) is None:
            return self.nlp.make_doc(text)
        parts: list[Doc] = []
        pos = 0
        for m in _LONG_RUN_RE.finditer(text):
            if m.start() > pos:
                parts.append(self.nlp.make_doc(text[pos:m.start()]))
            run = m.group()
            words = [run[i:i + RUN_PIECE] for i in range(0, len(run), RUN_PIECE)]
            parts.append(Doc(self.nlp.vocab, words=words, spaces=[False] * len(words)))
            pos = m.end()
        if pos < len(text):
            parts.append(self.nlp.make_doc(text[pos:]))
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")
            return Doc.from_docs([p for p in parts if len(p)], ensure_whitespace=False)

    # -- batches --------------------------------------------------------------------------
    def extract_many(self, items: Iterable[Article | ArticleError], *, batch_size: int = DEFAULT_BATCH_SIZE,
                     include_text: bool = False, batch_chars: int = DEFAULT_BATCH_CHARS) -> Iterator[dict[str, Any]]:
        """Records (or error records) for every item, in input order, streaming."""
        for batch in iter_batches(items, batch_size=batch_size, batch_chars=batch_chars):
            yield from self.process_batch(batch, include_text=include_text)

    def process_batch(self, items: list[Article | ArticleError], *,
                      include_text: bool = False) -> list[dict[str, Any]]:
        """One record per item, same order. This is the unit of work of process and Dask workers.

        The batch runs inside spaCy's memory zone: the strings the articles bring (names, numbers,
        misspellings) are added to the shared vocabulary and would stay there for the life of the
        process, a steady growth over an archive. Nothing made of spaCy objects leaves this
        method, only plain records, so the zone can free them when the batch is done."""
        with self.nlp.memory_zone():
            return self._process_batch(items, include_text=include_text)

    def _process_batch(self, items: list[Article | ArticleError], *, include_text: bool) -> list[dict[str, Any]]:
        short = [it for it in items if isinstance(it, Article) and len(it.text) <= self.chunk_chars]
        docs: dict[int, Doc | ArticleError] = {}
        try:
            with _warnings.catch_warnings():
                _warnings.simplefilter("ignore")
                parsed = list(self.nlp.pipe((self._make_doc(a) for a in short), batch_size=max(1, len(short)),
                                            disable=self._guarded_names))
            for art, doc in zip(short, parsed, strict=True):
                docs[id(art)] = doc
        except Exception:  # noqa: BLE001 - one bad article must not sink the batch: redo one by one
            for art in short:
                docs[id(art)] = self._parse_one(art)
        out: list[dict[str, Any]] = []
        for item in items:
            if isinstance(item, ArticleError):
                out.append(error_record(item))
                continue
            doc = docs.get(id(item))
            if doc is None:  # a long text: parsed in chunks
                doc = self._parse_one(item)
            if isinstance(doc, ArticleError):
                out.append(error_record(doc, item))
                continue
            self._run_guarded(doc)
            out.append(doc_to_record(doc, item, self.info, include_text=include_text))
        return out

    def _parse_one(self, article: Article) -> Doc | ArticleError:
        """The pretrained part of the pipeline for one article (chunked when long), or its error."""
        try:
            with _warnings.catch_warnings():
                _warnings.simplefilter("ignore")
                if len(article.text) <= self.chunk_chars:
                    return self._base(self._make_doc(article))
                return self._parse_chunked(article)
        except Exception as exc:  # noqa: BLE001 - becomes an error record
            return ArticleError("processing_error", f"{article.id}: {type(exc).__name__}: {exc}", article.id)

    def _base(self, doc: Doc) -> Doc:
        for name, proc in self.nlp.pipeline:
            if name not in self._guarded_names:
                doc = proc(doc)
        return doc

    def _parse_chunked(self, article: Article) -> Doc:
        """Parse a long text chunk by chunk (cut at paragraph/line/sentence/space boundaries) and
        merge the chunks into one Doc whose text is exactly the article's text."""
        text = article.text
        bounds = chunk_bounds(text, self.chunk_chars)
        parts = list(self.nlp.pipe((self._make_doc(article, text[s:e]) for s, e in bounds), batch_size=1,
                                   disable=self._guarded_names))
        chunk_warnings = [w for d in parts for w in (d._.extractor_warnings or [])]
        doc = Doc.from_docs(parts, ensure_whitespace=False)
        if doc.text != text:  # pragma: no cover - guarded by tests; never report wrong offsets
            raise RuntimeError("chunked parse changed the text")
        doc._.extractor_published = _iso_day(article.published)
        doc._.extractor_layout = _whole_layout(text, parts[0])
        doc._.extractor_warnings = list(dict.fromkeys(
            chunk_warnings + [f"long text ({len(text)} chars) parsed in {len(parts)} chunks"]))
        return doc

    def _run_guarded(self, doc: Doc) -> None:
        """Run our rule components; a failing one is rolled back and leaves a warning instead."""
        from .extensions import add_warning

        for name, proc in self.guarded:
            saved = {k: _shallow(v) for k, v in doc.user_data.items() if _is_doc_ext(k)}
            try:
                proc(doc)
            except Exception as exc:  # noqa: BLE001 - the article still gets its record
                for k in [k for k in doc.user_data if _is_doc_ext(k) and k not in saved]:
                    del doc.user_data[k]
                doc.user_data.update(saved)
                add_warning(doc, f"{name} failed ({type(exc).__name__}: {str(exc)[:200]}); its output is missing")


def _is_doc_ext(key: Any) -> bool:
    return isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is None and key[3] is None


def _shallow(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def _whole_layout(text: str, first: Doc) -> Any:
    """Layout of the whole text (the pure detector when the layout module has one)."""
    try:
        from .components.layout import detect_layout

        return detect_layout(text)
    except Exception:  # noqa: BLE001 - fall back to the first chunk's layout (the headline is there)
        return first._.extractor_layout


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces of at most `limit` chars covering `text`, cut preferably after a blank
    line, else after a line break, a sentence end, a space, or (for one huge token) anywhere."""
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        window_end = start + limit
        floor = start + limit // 2
        cut = -1
        for sep in ("\n\n", "\n", ". ", "? ", "! ", " "):
            pos = text.rfind(sep, floor, window_end - len(sep) + 1)
            if pos >= 0:
                cut = pos + len(sep)
                break
        if cut <= start:
            cut = window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def _iso_day(value: str | None) -> str | None:
    """Normalise a publication date ('2024-11-11', '2024-11-11T10:00Z', 'Nov 11, 2024') to YYYY-MM-DD."""
    if not value:
        return None
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value[:10]
    import dateparser

    try:
        parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # noqa: BLE001 - a hostile date string means "no date", never a crash
        return None
    return parsed.date().isoformat() if parsed else None


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Extractor:
    """A cached Extractor for `model` (default: EXTRACT_MODEL or the configured model)."""
    return Extractor(model)


def extract(text: str, **kwargs: Any) -> dict[str, Any]:
    """Extract from one text with the default pipeline: `extractor.extract("...")`."""
    model = kwargs.pop("model", None)
    return load(model).extract(text, **kwargs)
