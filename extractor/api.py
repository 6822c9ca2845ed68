"""The library API: `Extractor` (one loaded pipeline) and the `extract()` shortcut.

The CLI is a thin layer over this module. Nothing here prints or exits.

Robustness contract (issue 7): whatever the text, `extract_article` returns a record. The
pretrained part of the pipeline (tokenizer, tagger, parser, NER and our layout component)
runs through `nlp.pipe` in batches; our rule components run one by one on each Doc, each in a
guard: if one raises, its doc-level outputs are rolled back to what they were before it ran
and the article still gets a record, with a warning naming the component.

Bounded memory and time (issue 17), whatever the text:
- Texts longer than `[limits] chunk_chars` (30,000) are parsed in paragraph chunks merged back
  into one Doc (without the tok2vec tensors, which no rule reads), so every offset still refers
  to the whole text: the parser's and NER's activations grow with the characters parsed at
  once, about 3.5 MB per 1,000 characters (a 90,000-character article parsed whole peaked at
  469 MB, 30,000 characters at 257 MB, like a batch of ordinary articles).
- Texts longer than `[limits] section_chars` (500,000) are processed in sections, each its
  own Doc through the whole pipeline, and the section records merged (see `sections`).
- No sentence is longer than the layout component's `max_sentence_tokens`: the layout cuts
  stretches without a sentence end before the parser (see `components.sentence_bounds`), and a
  Doc whose parser still made a longer sentence (out of many short stretches: "U.S. U.S. ...")
  is parsed again with sentence starts inside it. Either way the record gets a warning.
"""

from __future__ import annotations

import re
import warnings as _warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from .components.sentence_bounds import merge_split_warnings, overlong_sentences, plan_cuts, split_warning
from .errors import ArticleError
from .extensions import add_warning
from .loading import Article, article_from_text, iter_batches
from .rules.string_memo import clear_string_memos
from .sections import (
    chunk_bounds,
    merge_records,
    pack,
    release_freed_memory,
    section_layout,
    shift_warning,
    unpack,
)
from .serialize import assemble_record, doc_to_record, error_record
from .version import __version__

__all__ = ["Extractor", "chunk_bounds", "extract", "iter_batches", "load"]

#: Articles per spaCy batch. 16 is bare spaCy's fastest setting on news-length texts.
DEFAULT_BATCH_SIZE = 16
#: A batch is also closed once it holds this many characters: memory (the parser's and NER's
#: activations) grows with the characters in flight, not the number of articles. On the PolNeAR
#: dev articles (~5,000 chars each) 25,000 keeps a worker near 300 MB (16 articles: ~510 MB)
#: at the same throughput.
DEFAULT_BATCH_CHARS = 25_000
#: Texts longer than this are parsed in chunks (models/config.cfg [limits] chunk_chars; see above).
DEFAULT_CHUNK_CHARS = 30_000
#: Texts longer than this are processed in sections (models/config.cfg [limits] section_chars).
DEFAULT_SECTION_CHARS = 500_000
#: A text (or chunk) of more tokens than this is parsed in smaller chunks ([limits] chunk_tokens):
#: memory follows tokens, and 30,000 characters of quote marks are 15,000 tokens, not 6,000.
DEFAULT_CHUNK_TOKENS = 8_000
#: The short articles of a batch are parsed in groups of at most this many tokens ([limits] batch_tokens).
DEFAULT_BATCH_TOKENS = 10_000

_EXT_PREFIX = "extractor_"
_EMPTY_TENSOR = numpy.zeros((0,), dtype="float32")
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
        limits = cfg.get("limits") or {}
        self.chunk_chars = max(1000, min(int(limits.get("chunk_chars", DEFAULT_CHUNK_CHARS)), self.nlp.max_length))
        self.section_chars = max(self.chunk_chars, int(limits.get("section_chars", DEFAULT_SECTION_CHARS)))
        self.chunk_tokens = max(500, int(limits.get("chunk_tokens", DEFAULT_CHUNK_TOKENS)))
        self.batch_tokens = max(self.chunk_tokens, int(limits.get("batch_tokens", DEFAULT_BATCH_TOKENS)))
        layout = self.nlp.get_pipe("extractor_layout") if "extractor_layout" in self.nlp.pipe_names else None
        #: The sentence-length bound (None: no layout component, no bound).
        self.max_sentence_tokens: int | None = getattr(layout, "max_sentence_tokens", None)

    # -- single article -------------------------------------------------------------------
    def extract(self, text: str, *, id: str = "-", title: str | None = None, published: str | None = None,
                publisher: str | None = None, url: str | None = None, include_text: bool = False) -> dict[str, Any]:
        """Extract everything from one text. Raises ArticleError for empty text."""
        article = article_from_text(text, id=id, title=title, published=published, publisher=publisher, url=url)
        return self.extract_article(article, include_text=include_text)

    def extract_article(self, article: Article, *, include_text: bool = False) -> dict[str, Any]:
        """Extract everything from one loaded Article (an error record only if spaCy itself fails)."""
        return self.process_batch([article], include_text=include_text)[0]

    def _make_doc(self, article: Article, text: str | None = None, layout: dict[str, Any] | None = None) -> Doc:
        doc = self.tokenize(article.text if text is None else text)
        doc._.extractor_published = _iso_day(article.published)
        if layout is not None:  # a section of a long text: its share of the whole text's layout
            doc._.extractor_layout = layout
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
        method, only plain records, so the zone can free them when the batch is done. A text
        longer than section_chars runs outside the batch's zone, each of its sections in a zone of
        its own (zones do not nest): a 10 MB text's strings would otherwise pile up until its end."""
        huge = {id(it) for it in items if isinstance(it, Article) and len(it.text) > self.section_chars}
        with self.nlp.memory_zone():
            done = iter(self._process_batch([it for it in items if id(it) not in huge], include_text=include_text))
        return [self._extract_sections(it, include_text=include_text) if id(it) in huge else next(done)
                for it in items]

    def _process_batch(self, items: list[Article | ArticleError], *, include_text: bool) -> list[dict[str, Any]]:
        short = [it for it in items if isinstance(it, Article) and len(it.text) <= self.chunk_chars]
        docs: dict[int, Doc | ArticleError] = {}
        try:
            with _warnings.catch_warnings():
                _warnings.simplefilter("ignore")
                made = [(a, self._make_doc(a)) for a in short]
                for group in _token_groups([m for m in made if len(m[1]) <= self.chunk_tokens], self.batch_tokens):
                    parsed = self.nlp.pipe((d for _, d in group), batch_size=len(group), disable=self._guarded_names)
                    for (art, _), doc in zip(group, parsed, strict=True):
                        docs[id(art)] = self._rebound(doc, lambda a=art: self._make_doc(a))
        except Exception:  # noqa: BLE001 - one bad article must not sink the batch: redo one by one
            for art in short:
                docs[id(art)] = self._parse_one(art)
        out: list[dict[str, Any]] = []
        for item in items:
            if isinstance(item, ArticleError):
                out.append(error_record(item))
                continue
            doc = docs.get(id(item))
            if doc is None:  # a long text (or one of many tokens): parsed in chunks, or in sections
                out.append(self._extract_long(item, include_text=include_text))
                continue
            if isinstance(doc, ArticleError):
                out.append(error_record(doc, item))
                continue
            self._run_guarded(doc)
            out.append(doc_to_record(doc, item, self.info, include_text=include_text))
        return out

    def _extract_long(self, article: Article, *, include_text: bool) -> dict[str, Any]:
        """The record of a text longer than chunk_chars: one Doc parsed in chunks, or sections."""
        if len(article.text) > self.section_chars:
            return self._extract_sections(article, include_text=include_text)
        doc = self._parse_one(article)
        if isinstance(doc, ArticleError):
            return error_record(doc, article)
        self._run_guarded(doc)
        return doc_to_record(doc, article, self.info, include_text=include_text)

    def _extract_sections(self, article: Article, *, include_text: bool) -> dict[str, Any]:
        """A very long text section by section (see `sections`): each section a Doc of its own
        through the whole pipeline, released before the next one; the records merged."""
        from .components.layout import detect_layout

        text = article.text
        layout = detect_layout(text)
        bounds = chunk_bounds(text, self.section_chars)
        parts: list[tuple[int, bytes]] = []
        warnings: list[str] = []
        for start, end in bounds:
            sub = replace(article, text=text[start:end], warnings=[])
            with self.nlp.memory_zone():
                doc = self._parse_one(sub, layout=section_layout(layout, start, end))
                if isinstance(doc, ArticleError):
                    return error_record(doc, article)
                self._run_guarded(doc)
                rec = doc_to_record(doc, sub, self.info)
                del doc
            warnings += [shift_warning(w, start) for w in rec["warnings"] if not w.startswith("long text (")]
            parts.append((start, pack(rec)))
            del rec
            clear_string_memos()
            release_freed_memory()
        warnings.append(f"long text ({len(text)} chars) processed in {len(bounds)} sections of at most "
                        f"{self.section_chars} chars, each parsed in chunks of at most {self.chunk_chars}")
        warnings = list(article.warnings) + [w for w in merge_split_warnings(list(dict.fromkeys(warnings)))
                                             if w not in article.warnings]
        fields = merge_records(unpack(parts))
        return assemble_record(article, self.info, layout, fields, warnings, include_text=include_text)

    def _parse_one(self, article: Article, layout: dict[str, Any] | None = None) -> Doc | ArticleError:
        """The pretrained part of the pipeline for one article (chunked when long), or its error."""
        try:
            with _warnings.catch_warnings():
                _warnings.simplefilter("ignore")
                if len(article.text) <= self.chunk_chars:
                    doc = self._make_doc(article, layout=layout)
                    if len(doc) <= self.chunk_tokens:
                        return self._rebound(self._base(doc), lambda: self._make_doc(article, layout=layout))
                return self._parse_chunked(article, layout)
        except Exception as exc:  # noqa: BLE001 - becomes an error record
            return ArticleError("processing_error", f"{article.id}: {type(exc).__name__}: {exc}", article.id)

    def _rebound(self, doc: Doc, remake: Callable[[], Doc]) -> Doc:
        """`doc`, or, when the parser made a sentence longer than max_sentence_tokens out of many
        short stretches, the same text parsed again with sentence starts cutting it (at most
        twice; cuts only add sentence starts, so tokens and offsets stay the same)."""
        limit = self.max_sentence_tokens
        cuts: list[int] = []
        for _ in range(2):
            over = overlong_sentences(doc, limit) if limit else []
            new_cuts = plan_cuts(doc, over, limit) if limit and over else []
            if not new_cuts:
                break
            cuts = sorted(set(cuts + new_cuts))
            doc = remake()
            for i in cuts:
                doc[i].is_sent_start = True
            doc = self._base(doc)
        if cuts:
            add_warning(doc, split_warning(len(cuts), f"sentences of more than {limit} tokens the parser made of "
                                                      "short stretches", doc[cuts[0]].idx))
        return doc

    def _base(self, doc: Doc) -> Doc:
        for name, proc in self.nlp.pipeline:
            if name not in self._guarded_names:
                doc = proc(doc)
        return doc

    def _parse_chunked(self, article: Article, layout: dict[str, Any] | None = None) -> Doc:
        """Parse a long text chunk by chunk (cut at paragraph/line/sentence/space boundaries) and
        merge the chunks into one Doc whose text is exactly the article's text."""
        text = article.text
        bounds: list[tuple[int, int]] = []  # filled as the chunks are made (see _chunk_docs)
        parts: list[Doc] = []
        chunk_warnings: list[str] = []
        pieces = self.nlp.pipe(self._chunk_docs(article, bounds), batch_size=1, disable=self._guarded_names)
        for n, part in enumerate(pieces):
            s, e = bounds[n]
            part = self._rebound(part, lambda s=s, e=e: self._make_doc(article, text[s:e]))
            part.tensor = _EMPTY_TENSOR  # no rule reads it; kept, it is 384 bytes a token
            chunk_warnings += [shift_warning(w, s) for w in part._.extractor_warnings or []]
            parts.append(part)
        n_parts = len(parts)
        first_layout = parts[0]._.extractor_layout
        doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
        del parts
        if doc.text != text:  # pragma: no cover - guarded by tests; never report wrong offsets
            raise RuntimeError("chunked parse changed the text")
        doc._.extractor_published = _iso_day(article.published)
        doc._.extractor_layout = layout if layout is not None else _whole_layout(text, first_layout)
        doc._.extractor_warnings = merge_split_warnings(list(dict.fromkeys(
            chunk_warnings + [f"long text ({len(text)} chars) parsed in {n_parts} chunks"])))
        return doc

    def _chunk_docs(self, article: Article, bounds: list[tuple[int, int]]) -> Iterator[Doc]:
        """Tokenized chunks of the article of at most chunk_chars characters and (about) chunk_tokens
        tokens: a chunk with more tokens is cut again, at a length scaled to its token density.
        Appends each chunk's (start, end) to `bounds` before yielding its Doc."""
        text = article.text
        for s, e in chunk_bounds(text, self.chunk_chars):
            doc = self._make_doc(article, text[s:e])
            if len(doc) <= self.chunk_tokens:
                bounds.append((s, e))
                yield doc
                continue
            limit = max(200, int((e - s) * self.chunk_tokens / len(doc) * 0.9))
            del doc
            for s2, e2 in chunk_bounds(text[s:e], limit):
                bounds.append((s + s2, s + e2))
                yield self._make_doc(article, text[s + s2:s + e2])

    def _run_guarded(self, doc: Doc) -> None:
        """Run our rule components; a failing one is rolled back and leaves a warning instead."""
        for name, proc in self.guarded:
            saved = {k: _shallow(v) for k, v in doc.user_data.items() if _is_doc_ext(k)}
            try:
                proc(doc)
            except Exception as exc:  # noqa: BLE001 - the article still gets its record
                for k in [k for k in doc.user_data if _is_doc_ext(k) and k not in saved]:
                    del doc.user_data[k]
                doc.user_data.update(saved)
                add_warning(doc, f"{name} failed ({type(exc).__name__}: {str(exc)[:200]}); its output is missing")


def _token_groups(made: list[tuple[Article, Doc]], max_tokens: int) -> list[list[tuple[Article, Doc]]]:
    """Consecutive (article, doc) pairs grouped so that no group holds more than `max_tokens`
    tokens (one long doc alone may): the parser's memory follows the tokens parsed at once."""
    groups: list[list[tuple[Article, Doc]]] = []
    total = 0
    for pair in made:
        if groups and total + len(pair[1]) <= max_tokens:
            groups[-1].append(pair)
            total += len(pair[1])
        else:
            groups.append([pair])
            total = len(pair[1])
    return groups


def _is_doc_ext(key: Any) -> bool:
    return isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is None and key[3] is None


def _shallow(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def _whole_layout(text: str, first: Any) -> Any:
    """Layout of the whole text (the pure detector when the layout module has one)."""
    try:
        from .components.layout import detect_layout

        return detect_layout(text)
    except Exception:  # noqa: BLE001 - fall back to the first chunk's layout (the headline is there)
        return first


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
