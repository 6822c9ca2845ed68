"""Turn inputs (files, folders, stdin, HTML, JSON/JSONL records) into `Article`s.

Every problem with one input becomes an `ArticleError` yielded in that input's place, so a
batch goes on with the others. Text is decoded once; all offsets produced later refer to
exactly this decoded text (BOM removed, nothing else rewritten).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from . import html_slim
from .errors import ArticleError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
#: Files a folder walk picks up when no --glob is given.
DEFAULT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm", "*.json", "*.jsonl", "*.ndjson")

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"),
    (b"RIFF", "a RIFF media file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

#: Lone surrogate code points (see sanitize_text).
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Article:
    """One article as read: the decoded text plus whatever metadata the input carried."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    byline: str | None = None
    url: str | None = None
    from_html: bool = False
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode file bytes: BOMs first, then strict UTF-8, then a detected legacy encoding.

    Binary data (known magic numbers, or NUL bytes without a UTF-16/32 BOM) is refused
    with `not_text` rather than turned into mojibake.
    """
    warnings: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), warnings
            except UnicodeDecodeError as exc:
                raise ArticleError("decode_error", f"{source}: invalid {enc} after BOM ({exc.reason} "
                                   f"at byte {exc.start + len(bom)})", source) from exc
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ArticleError("not_text", f"{source}: not text ({what})", source)
    nul = data.find(b"\x00", 0, 65536)
    if nul >= 0:
        raise ArticleError("not_text", f"{source}: not text (binary data at byte {nul})", source)
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding in (None, "utf_8"):
        raise ArticleError("decode_error", f"{source}: undecodable bytes (invalid UTF-8 at byte {first_bad}, "
                           "no other encoding fits)", source)
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ArticleError("decode_error", f"{source}: undecodable bytes ({exc})", source) from exc
    warnings.append(f"not UTF-8 (invalid byte at {first_bad}); decoded as {best.encoding}")
    return text, warnings


def _check_text(text: str, source: str) -> None:
    if not text.strip():
        raise ArticleError("empty", f"{source}: empty (no text)", source)


def _clean_str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    value = _SURROGATE.sub("\ufffd", str(value)).strip()
    return value or None


def _clean_meta(value: str | None) -> str | None:
    return _clean_str(value)


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalize_published(value: Any, warnings: list[str]) -> str | None:
    """A record's publication date as ISO (the contract's `published`): ISO strings pass, other
    date strings are parsed (dateparser, imported only then), anything else is dropped with a warning."""
    text = _clean_str(value)
    if text is None or _ISO_DAY.match(text):
        return text
    if not re.search(r"(?<!\d)\d{4}(?!\d)", text):  # "yesterday", "5": nothing to anchor a date on
        warnings.append(f"published date {text[:40]!r} has no year; ignored")
        return None
    try:
        import dateparser

        parsed = dateparser.parse(text[:100], settings={"RETURN_AS_TIMEZONE_AWARE": False,
                                                        "PREFER_DATES_FROM": "past"})
    except Exception:  # noqa: BLE001 - a hostile string is "no date", never a crash
        parsed = None
    if parsed is None or not 1 <= parsed.year <= 9999:
        warnings.append(f"published date {text[:40]!r} not understood; ignored")
        return None
    return parsed.date().isoformat()


def sanitize_text(text: str, warnings: list[str]) -> str:
    """Replace lone surrogates (possible in a Python str or a JSON "\\ud800" escape, never in
    decoded bytes) by U+FFFD. spaCy cannot hash them and UTF-8 cannot encode them; the
    replacement has the same length, so every offset stays valid."""
    if _SURROGATE.search(text) is None:
        return text
    count = len(_SURROGATE.findall(text))
    warnings.append(f"{count} lone surrogate code point(s) replaced by U+FFFD")
    return _SURROGATE.sub("\ufffd", text)


def article_from_text(text: str, *, id: str, path: str | None = None, title: str | None = None,
                      published: str | None = None, publisher: str | None = None,
                      url: str | None = None, warnings: list[str] | None = None) -> Article:
    """Build an Article from already-decoded text (raises `empty` for blank text)."""
    if not isinstance(text, str):
        raise ArticleError("bad_record", f"{id}: text is {type(text).__name__}, not a string", id)
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_text(text, id)
    warns = list(warnings or [])
    text = sanitize_text(text, warns)
    return Article(id=id, text=text, path=path, title=_clean_meta(title), published=_clean_meta(published),
                   publisher=_clean_meta(publisher), url=_clean_meta(url), warnings=warns)


def article_from_html(html: str, *, id: str, path: str | None = None,
                      warnings: list[str] | None = None) -> Article:
    """Extract the main text and metadata of an HTML page with trafilatura (never fetches).
    A huge page is slimmed first, or refused when still too large (see `html_slim`)."""
    import trafilatura

    warns = list(warnings or [])
    if len(html) > html_slim.SLIM_ABOVE:
        slim = html_slim.slim_html(html)
        if len(slim) > html_slim.MAX_CHARS:
            raise ArticleError("too_long", f"{id}: HTML too large ({len(slim):,} characters of markup without "
                               f"scripts and styles; the limit is {html_slim.MAX_CHARS:,})", id)
        warns.append(f"large HTML ({len(html):,} characters): scripts, styles, SVG and comments removed "
                     f"before extraction ({len(slim):,} left)")
        html = slim
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        depth = html_slim.nesting_depth(html)
        deep = (f" (elements nested {depth:,}{'+' if depth >= 10_000 else ''} levels deep; the HTML parser reads "
                f"{html_slim.PARSER_MAX_DEPTH})") if depth > html_slim.PARSER_MAX_DEPTH else ""
        raise ArticleError("no_content", f"{id}: HTML has no article body{deep}", id)
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text") or ""
    if len(re.findall(r"\w+", text[:1000])) < 2:  # nothing, or a lone menu word like "Home"
        shown = f" (only {text.strip()[:40]!r})" if text.strip() else ""
        raise ArticleError("no_content", f"{id}: HTML has no article body{shown}", id)
    published = normalize_published(get("date"), warns)
    art = Article(id=id, text=text, path=path, title=_clean_str(get("title")), published=published,
                  publisher=_clean_str(get("sitename")), byline=_clean_str(get("author")),
                  url=_clean_str(get("url")), from_html=True, warnings=warns)
    return art


def article_from_record(record: Any, *, source: str, fallback_id: str, text_field: str = "text",
                        path: str | None = None) -> Article:
    """Build an Article from a JSON record; unknown fields are ignored."""
    if not isinstance(record, dict):
        raise ArticleError("bad_record", f"{source}: record is not a JSON object", source)
    if text_field not in record:
        raise ArticleError("bad_record", f"{source}: record has no {text_field!r} field", source)
    text = record[text_field]
    if not isinstance(text, str):
        raise ArticleError("bad_record", f"{source}: {text_field!r} is {type(text).__name__}, not a string",
                           source)
    rid = _clean_str(record.get("id")) or fallback_id
    warns: list[str] = []
    published = normalize_published(record.get("published") or record.get("date"), warns)
    return article_from_text(text, id=rid, path=path, title=_clean_str(record.get("title")), published=published,
                             publisher=_clean_str(record.get("publisher")), url=_clean_str(record.get("url")),
                             warnings=warns)


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        kind = "broken symlink" if path.is_symlink() else "no such file"
        raise ArticleError("not_found", f"{source}: {kind}", source) from exc
    except IsADirectoryError as exc:
        raise ArticleError("is_directory", f"{source}: is a directory", source) from exc
    except PermissionError as exc:
        raise ArticleError("permission_denied", f"{source}: permission denied", source) from exc
    except OSError as exc:
        raise ArticleError("not_found", f"{source}: cannot read ({exc.strerror or exc})", source) from exc


def _iter_jsonl(stream: BinaryIO, source: str, text_field: str, path: str | None) -> Iterator[Article | ArticleError]:
    """Stream records line by line: a bad line is an error record, the rest go on."""
    file_path = None if source == "-" else source  # error records name the file that held the record
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{source}:{n}"
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            record = json.loads(line)
            yield article_from_record(record, source=where, fallback_id=where, text_field=text_field, path=path)
        except UnicodeDecodeError as exc:
            yield ArticleError("decode_error", f"{where}: line is not UTF-8 ({exc.reason})", where, file_path)
        except json.JSONDecodeError as exc:
            yield ArticleError("bad_record", f"{where}: malformed JSON ({exc.msg} at column {exc.colno})", where,
                               file_path)
        except ArticleError as exc:
            exc.path = file_path
            yield exc


def read_path(path: str, *, text_field: str = "text") -> Iterator[Article | ArticleError]:
    """Yield the article(s) one input path holds: one for text/HTML, many for JSON(L)."""
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            try:
                with p.open("rb") as fh:
                    yield from _iter_jsonl(fh, path, text_field, None)
            except OSError:
                _read_bytes(p, path)  # raises the right ArticleError
            return
        data = _read_bytes(p, path)
        text, warnings = decode_bytes(data, path)
        if suffix in JSON_SUFFIXES:
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ArticleError("bad_record", f"{path}: malformed JSON ({exc.msg} at line {exc.lineno})",
                                   path) from exc
            records = obj if isinstance(obj, list) else [obj]
            for i, rec in enumerate(records):
                where = path if len(records) == 1 else f"{path}[{i}]"
                try:
                    yield article_from_record(rec, source=where, fallback_id=where, text_field=text_field,
                                              path=None)
                except ArticleError as exc:
                    exc.path = path
                    yield exc
            return
        _check_text(text, path)
        if suffix in HTML_SUFFIXES or _looks_like_html(text):
            yield article_from_html(text, id=path, path=path, warnings=warnings)
        else:
            yield Article(id=path, text=text, path=path, warnings=warnings)
    except ArticleError as exc:
        yield exc


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def read_stdin(*, text_field: str = "text", stream: BinaryIO | None = None) -> Iterator[Article | ArticleError]:
    """Read one article (text or HTML) from stdin; JSON Lines when every line is a record."""
    raw = (stream or sys.stdin.buffer).read()
    try:
        text, warnings = decode_bytes(raw, "-")
        _check_text(text, "-")
        if text.lstrip().startswith("{"):
            lines = [ln for ln in text.splitlines() if ln.strip()]
            try:
                records = [json.loads(ln) for ln in lines]
            except json.JSONDecodeError:
                records = None
            if records and all(isinstance(r, dict) for r in records):
                for i, rec in enumerate(records, 1):
                    where = f"-:{i}"
                    try:
                        yield article_from_record(rec, source=where, fallback_id=where if len(records) > 1 else "-",
                                                  text_field=text_field)
                    except ArticleError as exc:
                        exc.path = None  # a record from stdin has no file
                        yield exc
                return
        if _looks_like_html(text):
            yield article_from_html(text, id="-", warnings=warnings)
        else:
            yield Article(id="-", text=text, warnings=warnings)
    except ArticleError as exc:
        yield exc


def expand_inputs(inputs: Iterable[str], globs: Iterable[str] | None = None) -> Iterator[str | ArticleError]:
    """Expand folders (recursively, sorted, symlink loops skipped) into file paths."""
    patterns = tuple(globs) if globs else DEFAULT_GLOBS
    for item in inputs:
        if item == "-":
            yield item
            continue
        p = Path(item)
        if p.is_dir():
            seen: set[tuple[int, int]] = set()
            yield from _walk(p, patterns, seen)
        elif not p.exists():
            kind = _dangling(p) if p.is_symlink() else "no such file or directory"
            yield ArticleError("not_found", f"{item}: {kind}", item)
        else:
            yield item


def _dangling(path: Path) -> str:
    """Why a symlink does not resolve: a loop (ELOOP) or a missing target."""
    import errno

    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
    return "broken symlink"


def _walk(folder: Path, patterns: tuple[str, ...], seen: set[tuple[int, int]]) -> Iterator[str | ArticleError]:
    try:
        st = folder.stat()
    except OSError as exc:
        yield ArticleError("not_found", f"{folder}: cannot read folder ({exc.strerror})", str(folder))
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        yield ArticleError("not_found", f"{folder}: symlink loop, skipped", str(folder))
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except PermissionError:
        yield ArticleError("permission_denied", f"{folder}: permission denied", str(folder))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, patterns, seen)
        elif any(path.match(pat) for pat in patterns):
            if entry.is_symlink() and not path.exists():
                yield ArticleError("not_found", f"{path}: {_dangling(path)}", str(path))
            else:
                yield str(path)


def iter_articles(inputs: Iterable[str], *, globs: Iterable[str] | None = None, text_field: str = "text",
                  published: str | None = None) -> Iterator[Article | ArticleError]:
    """All articles of all inputs, in input order; `published` overrides every article's date."""
    for item in expand_inputs(inputs, globs):
        if isinstance(item, ArticleError):
            yield item
            continue
        source = read_stdin(text_field=text_field) if item == "-" else read_path(item, text_field=text_field)
        for art in source:
            if published and isinstance(art, Article):
                art.published = published
            yield art


def iter_batches(items: Iterable[Article | ArticleError], *, batch_size: int = 16,
                 batch_chars: int = 25_000) -> Iterator[list[Article | ArticleError]]:
    """Group a stream into batches of <= batch_size articles and about <= batch_chars characters."""
    buffer: list[Article | ArticleError] = []
    chars = 0
    for item in items:
        buffer.append(item)
        if isinstance(item, Article):
            chars += len(item.text)
        if len(buffer) >= batch_size or chars >= batch_chars:
            yield buffer
            buffer, chars = [], 0
    if buffer:
        yield buffer
