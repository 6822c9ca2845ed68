"""Output writers. JSON Lines goes to stdout or, with `-o FILE`, to a temp file that is renamed
into place, so a reader never sees a half-written file and a crash never corrupts an old one.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from .errors import OutputError

#: A record with more list entries than this (the merged record of a text of hundreds of thousands
#: of characters; an ordinary article has a few hundred) is encoded piece by piece into the output.
_BIG_RECORD = 5_000
#: Characters gathered from the encoder before each write of a big record.
_WRITE_CHARS = 1 << 16


class _TextSink(Protocol):
    """Anything with a text `write` (a text file, or `_FdText` over a raw descriptor)."""

    def write(self, text: str, /) -> int: ...


def dumps(record: dict[str, Any], pretty: bool = False) -> str:
    """One record as JSON text (compact: one line; no ASCII escaping, jq reads UTF-8)."""
    if pretty:
        return json.dumps(record, ensure_ascii=False, indent=2)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _entries(record: dict[str, Any]) -> int:
    """How many mentions, quotes, figures... a record holds (its list fields' lengths)."""
    return sum(len(v) for v in record.values() if isinstance(v, list))


def write_streamed(fh: IO[str] | _TextSink, record: dict[str, Any], pretty: bool = False) -> None:
    """Write one big record and its newline as `dumps` would, without ever holding its JSON text.

    Why: the record of a 10 MB article is a 20 MB line; `json.dumps` builds it from pieces (about
    70 MB at its peak) and writing it to a text file encodes a second copy, which took a worker
    over 400 MB. The encoder's pieces go out in 64 KB writes instead. Ctrl-C or SIGTERM during the
    write is held until the line is complete, so an interrupted run still ends in whole lines."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2) if pretty else \
        json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    with _signals_held():
        buf: list[str] = []
        size = 0
        for piece in encoder.iterencode(record):
            buf.append(piece)
            size += len(piece)
            if size >= _WRITE_CHARS:
                fh.write("".join(buf))
                buf, size = [], 0
        buf.append("\n")
        fh.write("".join(buf))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM arriving inside the block are delivered when it ends (main thread only:
    elsewhere Python handles no signals and there is nothing to hold)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    kinds = (signal.SIGINT, signal.SIGTERM)
    previous = {k: signal.signal(k, lambda signum, _frame: caught.append(signum)) for k in kinds}
    try:
        yield
    finally:
        for k, handler in previous.items():
            signal.signal(k, handler)
        if caught:
            signal.raise_signal(caught[0])


def ensure_writable_dir(path: Path, purpose: str) -> None:
    """Create the output folder `path` if needed and fail before any processing when it cannot be
    written; `purpose` says why a folder is expected (shown when `path` is a file)."""
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: not a directory ({purpose})")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot create folder ({exc.strerror or exc})") from None
    if not os.access(path, os.W_OK):
        raise OutputError(f"{path}: cannot write (permission denied)")


def check_writable(path: Path) -> None:
    """Fail before any processing when the output cannot be created."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    if not parent.is_dir():
        raise OutputError(f"{path}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: cannot write to {parent} (permission denied)")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"{path}: cannot write (permission denied)")


class JsonlWriter:
    """Writes records as lines; `commit()` publishes the file (rename), `abort()` discards it."""

    def __init__(self, path: str | Path | None = None, *, pretty: bool = False, stream: IO[str] | None = None):
        self.pretty = pretty
        self.path = Path(path) if path is not None else None
        self._tmp: str | None = None
        if self.path is not None:
            check_writable(self.path)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                             dir=str(self.path.parent) or ".")
            self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        else:
            self.fh = stream if stream is not None else sys.stdout

    def write(self, record: dict[str, Any]) -> None:
        if _entries(record) <= _BIG_RECORD:
            self.fh.write(dumps(record, self.pretty) + "\n")
        else:
            write_streamed(self.fh, record, self.pretty)
        if self.path is None:
            self.fh.flush()

    def commit(self) -> None:
        """Make the written lines visible at `path` (atomic rename)."""
        if self.path is not None and self._tmp is not None:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self._tmp, self.path)
            self._tmp = None

    def abort(self) -> None:
        """Drop the temp file; an existing output file stays untouched."""
        if self.path is not None and self._tmp is not None:
            self.fh.close()
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
            self._tmp = None


# ---------------------------------------------------------------------------------------------
# GeoJSON: one Point feature per (article, geocoded place), for QGIS, kepler.gl, GeoPandas
# ---------------------------------------------------------------------------------------------
def casualty_kinds() -> tuple[str, ...]:
    """The casualty kinds of the output contract (from the shipped JSON Schema, not a copy of it)."""
    from .schema import output_schema

    props = output_schema()["$defs"]["articleRecord"]["properties"]
    return tuple(props["casualties"]["items"]["properties"]["kind"]["enum"])


def _coordinate(value: Any, limit: float) -> float | None:
    """A finite number within +-limit, else None (bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    v = float(value)
    return v if v == v and -limit <= v <= limit else None


def place_features(record: dict[str, Any], kinds: tuple[str, ...]) -> tuple[list[dict[str, Any]], int]:
    """The record's geocoded places as RFC 7946 Point features, and how many places had no coordinates.

    Properties are flat (GIS tools and GeoPandas turn them into columns) and the same for every
    feature: the place's fields, its number of mentions, the article's id, title, published date
    and url, and the article's casualty totals per kind (`record["totals"]`, null when the record
    has none), so that a map can size the points by deaths. Coordinates are [lon, lat].
    """
    if "error" in record:
        return [], 0
    art = _d(record.get("article"))
    totals = _d(_d(record.get("totals")).get("casualties"))
    article_props = {"article_id": art.get("id"), "title": art.get("title"), "published": art.get("published"),
                     "url": art.get("url")}
    for kind in kinds:
        count = _d(totals.get(kind)).get("count")
        article_props[kind] = count if isinstance(count, int) and not isinstance(count, bool) else None
    features: list[dict[str, Any]] = []
    missing = 0
    for n, p in enumerate(record.get("places") or [], 1):
        if not isinstance(p, dict):
            continue
        lat, lon = _coordinate(p.get("lat"), 90), _coordinate(p.get("lon"), 180)
        if lat is None or lon is None:
            missing += 1
            continue
        props = {"name": p.get("name"), "type": p.get("type"), "country_code": p.get("country_code"),
                 "admin1": p.get("admin1"), "geonameid": p.get("geonameid"),
                 "mentions": len(p.get("mentions") or []), **article_props}
        features.append({"type": "Feature", "id": f"{art.get('id')}#p{n}",
                         "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
                         "properties": props})
    return features, missing


class GeoJsonWriter(JsonlWriter):
    """An RFC 7946 FeatureCollection written as records come: the header first, one feature per
    line, the closing brackets at `commit()`. With a path the file appears only at commit (temp
    file + rename, as for JSON Lines), and commit also runs after Ctrl-C, so the file is valid
    JSON holding the articles done so far."""

    HEAD = '{"type":"FeatureCollection","features":[\n'
    TAIL = "\n]}\n"

    def __init__(self, path: str | Path | None = None, *, stream: IO[str] | None = None) -> None:
        super().__init__(path, stream=stream)
        self.kinds = casualty_kinds()
        self.features = self.articles = self.no_coordinates = 0
        self._open = True
        self.fh.write(self.HEAD)

    def write(self, record: dict[str, Any]) -> None:
        features, missing = place_features(record, self.kinds)
        self.no_coordinates += missing
        self.articles += "error" not in record
        for f in features:  # one write per feature: an interruption never leaves half of one
            self.fh.write(("" if self.features == 0 else ",\n") + dumps(f))
            self.features += 1
        if self.path is None:
            self.fh.flush()

    def commit(self) -> None:
        if self._open:  # once, also when an interrupted clean-up commits again
            self._open = False
            self.fh.write(self.TAIL)
            self.fh.flush()
        super().commit()

    def summary(self) -> str:
        """The line the CLI prints at the end (places without coordinates are counted, not written)."""
        return (f"geojson: {self.features} place(s) from {self.articles} article(s); "
                f"{self.no_coordinates} place(s) without coordinates not written")


# ---------------------------------------------------------------------------------------------
# Tables: the same records flattened into articles / quotes / actors / casualties / weapons /
# places / dates, keyed by article id. Used by the CSV and SQLite writers.
# ---------------------------------------------------------------------------------------------

#: table -> columns (in order). Child tables are keyed by (article_id, n) where n is the item's
#: position in the article's list (quotes and actors also keep their own "q1"/"a1" ids).
#: Offsets are `start_char`/`end_char` (START and END are SQL keywords); lists are JSON text.
TABLES: dict[str, tuple[str, ...]] = {
    "articles": ("id", "path", "sha256", "title", "publisher", "published", "byline", "url", "chars", "words",
                 "warnings", "error_type", "error_message", "extractor_version", "model"),
    "quotes": ("article_id", "n", "quote_id", "text", "start_char", "end_char", "kind", "speaker_name",
               "speaker_actor_id", "speaker_method", "speaker_text", "speaker_start", "speaker_end", "cue_text",
               "cue_lemma", "cue_start", "cue_end", "fragments"),
    "actors": ("article_id", "n", "actor_id", "name", "type", "aliases", "titles", "mention_count", "mentions"),
    "casualties": ("article_id", "n", "kind", "count", "qualifier", "vague", "who", "place", "text", "start_char",
                   "end_char", "hedged", "background"),
    "weapons": ("article_id", "n", "weapon", "count", "qualifier", "vague", "action", "operator", "by_actor",
                "place", "text", "start_char", "end_char"),
    "places": ("article_id", "n", "name", "type", "country_code", "admin1", "lat", "lon", "mention_count",
               "mentions", "geonameid"),
    "dates": ("article_id", "n", "text", "start_char", "end_char", "date", "granularity"),
    # the article's own figures (`totals`): one row per casualty kind (weapon/action null) and per weapon and
    # action (kind null)
    "totals": ("article_id", "n", "kind", "weapon", "action", "count", "qualifier", "vague", "text", "start_char",
               "end_char"),
}
CHILD_TABLES = tuple(t for t in TABLES if t != "articles")
_INTEGER = {"chars", "words", "n", "start_char", "end_char", "count", "speaker_start", "speaker_end", "cue_start",
            "cue_end", "mention_count", "geonameid", "hedged", "background"}
#: true/false fields written as 1/0 (SQLite has no boolean; CSV readers agree on numbers)
_FLAGS = ("hedged", "background")
_REAL = {"lat", "lon"}


def _j(value: Any) -> str:
    return json.dumps(value if value is not None else [], ensure_ascii=False, separators=(",", ":"))


def _d(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def flatten(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """One output record as rows of every table (an error record is one `articles` row)."""
    art = _d(record.get("article"))
    aid = art.get("id")
    err = _d(record.get("error"))
    ext = _d(record.get("extractor"))
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["articles"].append({
        "id": aid, "path": art.get("path"), "sha256": art.get("sha256"), "title": art.get("title"),
        "publisher": art.get("publisher"), "published": art.get("published"), "byline": art.get("byline"),
        "url": art.get("url"), "chars": art.get("chars"), "words": art.get("words"),
        "warnings": _j(record.get("warnings")) if not err else None,
        "error_type": err.get("type"), "error_message": err.get("message"),
        "extractor_version": ext.get("version"), "model": ext.get("model"),
    })
    for n, q in enumerate(record.get("quotes") or [], 1):
        sp, cue = _d(q.get("speaker")), _d(q.get("cue"))
        mention = _d(sp.get("mention"))
        rows["quotes"].append({
            "article_id": aid, "n": n, "quote_id": q.get("id"), "text": q.get("text"), "start_char": q.get("start"),
            "end_char": q.get("end"), "kind": q.get("kind"), "speaker_name": sp.get("name"),
            "speaker_actor_id": sp.get("actor_id"), "speaker_method": sp.get("method"),
            "speaker_text": mention.get("text"), "speaker_start": mention.get("start"),
            "speaker_end": mention.get("end"), "cue_text": cue.get("text"), "cue_lemma": cue.get("lemma"),
            "cue_start": cue.get("start"), "cue_end": cue.get("end"), "fragments": _j(q.get("fragments")),
        })
    for n, a in enumerate(record.get("actors") or [], 1):
        rows["actors"].append({
            "article_id": aid, "n": n, "actor_id": a.get("id"), "name": a.get("name"), "type": a.get("type"),
            "aliases": _j(a.get("aliases")), "titles": _j(a.get("titles")),
            "mention_count": len(a.get("mentions") or []), "mentions": _j(a.get("mentions")),
        })
    for table in ("casualties", "weapons"):
        for n, c in enumerate(record.get(table) or [], 1):
            row = {"article_id": aid, "n": n, "start_char": c.get("start"), "end_char": c.get("end")}
            if table == "weapons":
                row["by_actor"] = c.get("by")
            row.update({k: c.get(k) for k in TABLES[table] if k not in row})
            for flag in _FLAGS:
                if flag in row and row[flag] is not None:
                    row[flag] = int(bool(row[flag]))
            rows[table].append(row)
    rows["totals"] = _totals_rows(aid, _d(record.get("totals")))
    for n, p in enumerate(record.get("places") or [], 1):
        row = {"article_id": aid, "n": n, "mention_count": len(p.get("mentions") or []),
               "mentions": _j(p.get("mentions"))}
        row.update({k: p.get(k) for k in TABLES["places"] if k not in row})
        rows["places"].append(row)
    for n, dt in enumerate(record.get("dates") or [], 1):
        rows["dates"].append({"article_id": aid, "n": n, "text": dt.get("text"), "start_char": dt.get("start"),
                              "end_char": dt.get("end"), "date": dt.get("date"),
                              "granularity": dt.get("granularity")})
    for table_rows in rows.values():  # nested values a component may add become JSON text
        for row in table_rows:
            for k, v in row.items():
                if isinstance(v, (dict, list)):
                    row[k] = _j(v)
    return rows


def _totals_rows(aid: Any, totals: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of the `totals` table: the article's figure per casualty kind, then per weapon and action."""
    items = [({"kind": kind}, t) for kind, t in _d(totals.get("casualties")).items()]
    items += [({"weapon": w.get("weapon"), "action": w.get("action")}, w) for w in totals.get("weapons") or []
              if isinstance(w, dict)]
    out = []
    for n, (key, t) in enumerate(items, 1):
        t = _d(t)
        row = {"article_id": aid, "n": n, "kind": None, "weapon": None, "action": None, "count": t.get("count"),
               "qualifier": t.get("qualifier"), "vague": t.get("vague"), "text": t.get("text"),
               "start_char": t.get("start"), "end_char": t.get("end")}
        row.update(key)
        out.append(row)
    return out


def record_key(record: dict[str, Any]) -> tuple[str, str] | None:
    """(id, sha256) of a successful record, None for an error record (those are retried)."""
    if "error" in record:
        return None
    art = _d(record.get("article"))
    if isinstance(art.get("id"), str) and isinstance(art.get("sha256"), str):
        return art["id"], art["sha256"]
    return None


def _write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is out (a write may take fewer)."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


class _FdText:
    """A text sink over a raw file descriptor, for `write_streamed` (UTF-8, nothing buffered)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def write(self, text: str) -> int:
        _write_all(self.fd, text.encode("utf-8"))
        return len(text)


class ResumableJsonlWriter:
    """JSON Lines appended in place (for --resume): every record is one complete line, written
    unbuffered (a record of thousands of entries piece by piece, Ctrl-C held until its newline),
    so an interrupted run leaves complete lines plus at most one partial last line, which the
    next --resume removes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        check_writable(self.path)
        self.done: set[tuple[str, str]] = set()
        self._repair()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def _repair(self) -> None:
        """Read the keys of complete successful records; drop a torn last line and old error
        records (their articles are retried), rewriting the file atomically if needed. The file is
        read line by line, never held whole (the output of a large archive can be bigger than a
        worker's memory): once to parse it, and once more to copy its good lines when some were
        bad (by line number: nothing is parsed twice)."""
        if not self.path.exists():
            return
        bad: set[int] = set()
        with self.path.open("rb") as fh:
            for n, raw in enumerate(fh):
                key = self._complete_key(raw)
                if key is None:
                    bad.add(n)
                else:
                    self.done.add(key)
        if bad:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=str(self.path.parent))
            with os.fdopen(fd, "wb") as out, self.path.open("rb") as fh:
                out.writelines(raw for n, raw in enumerate(fh) if n not in bad)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)

    @staticmethod
    def _complete_key(raw: bytes) -> tuple[str, str] | None:
        """The key of a complete line holding a successful record; None for anything else."""
        if not raw.endswith(b"\n"):
            return None  # torn last line of a killed run
        try:
            rec = json.loads(raw)
        except ValueError:
            return None
        return record_key(rec) if isinstance(rec, dict) else None

    def write(self, record: dict[str, Any]) -> None:
        if _entries(record) > _BIG_RECORD:  # a 20 MB line: encoded and written piece by piece
            write_streamed(_FdText(self._fd), record)
            return
        _write_all(self._fd, (dumps(record) + "\n").encode("utf-8"))

    def commit(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1

    abort = commit  # every written line is complete: keep them


def _csv_header(path: Path) -> list[str] | None:
    """The column names of an existing CSV file."""
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh), None)


class CsvWriter:
    """One CSV file per table in directory `path` (created if missing), article ids as keys.

    Without resume the files are written as temp files and renamed at commit (an old set of
    files is replaced whole); with resume the existing files are appended to."""

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        import csv

        self.dir = Path(path)
        ensure_writable_dir(self.dir, "--format csv writes one file per table into a folder")
        self.resume = resume
        self.done: set[tuple[str, str]] = set()
        self._files: dict[str, tuple[IO[str], Any, str | None]] = {}
        if resume:
            self._read_done()
        for table, cols in TABLES.items():
            final = self.dir / f"{table}.csv"
            if resume:
                new = not final.exists() or final.stat().st_size == 0
                fh = final.open("a", encoding="utf-8", newline="")
                tmp = None
            else:
                fd, tmp = tempfile.mkstemp(prefix=f".{table}.", suffix=".csv.part", dir=str(self.dir))
                fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
                new = True
            # a file written by an older version keeps its own columns (a later column, such as
            # places.geonameid, is left out of it rather than shifting every field after it)
            w = csv.DictWriter(fh, fieldnames=cols if new else _csv_header(final) or cols, extrasaction="ignore")
            if new:
                w.writeheader()
            self._files[table] = (fh, w, tmp)

    def _read_done(self) -> None:
        import csv

        path = self.dir / "articles.csv"
        if not path.exists():
            return
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("id") and row.get("sha256") and not row.get("error_type"):
                    self.done.add((row["id"], row["sha256"]))

    def write(self, record: dict[str, Any]) -> None:
        for table, rows in flatten(record).items():
            if rows:
                fh, w, _ = self._files[table]
                w.writerows(_csv_safe(r) for r in rows)
                if self.resume:
                    fh.flush()

    def commit(self) -> None:
        for table, (fh, _, tmp) in self._files.items():
            fh.flush()
            fh.close()
            if tmp is not None:
                os.replace(tmp, self.dir / f"{table}.csv")
        self._files = {}

    def abort(self) -> None:
        for fh, _, tmp in self._files.values():
            fh.close()
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        self._files = {}


def _csv_safe(row: dict[str, Any]) -> dict[str, Any]:
    """CSV cells cannot hold NUL; spreadsheets would run a cell starting with '=' as a formula,
    but quoting is the reader's business: we only drop NULs."""
    return {k: (v.replace("\x00", "") if isinstance(v, str) else v) for k, v in row.items()}


class SqliteWriter:
    """An SQLite database with one table per kind of row, primary and foreign keys, indexes.

    Re-running on the same article ids replaces their rows (upsert of `articles`, delete and
    insert of the child rows), never duplicates them. Records are committed in transactions
    of `commit_every` articles: an interrupted run leaves a consistent database."""

    def __init__(self, path: str | Path, *, commit_every: int = 64) -> None:
        import sqlite3

        self.path = Path(path)
        check_writable(self.path)
        try:
            self.db = sqlite3.connect(str(self.path))
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(sqlite_schema())
            _add_missing_columns(self.db)
        except sqlite3.DatabaseError as exc:
            raise OutputError(f"{self.path}: not a usable SQLite database ({exc})") from None
        self.commit_every = commit_every
        self._pending = 0
        self.done = {(i, s) for i, s in self.db.execute(
            "SELECT id, sha256 FROM articles WHERE error_type IS NULL AND sha256 IS NOT NULL")}

    def write(self, record: dict[str, Any]) -> None:
        rows = flatten(record)
        art = rows["articles"][0]
        cols = TABLES["articles"]
        self.db.execute(
            f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in cols[1:])}",
            [art[c] for c in cols])
        for table in CHILD_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (art["id"],))
            tcols = TABLES[table]
            if rows[table]:
                self.db.executemany(f"INSERT INTO {table} ({', '.join(tcols)}) VALUES ({', '.join('?' * len(tcols))})",
                                    [[r.get(c) for c in tcols] for r in rows[table]])
        self._pending += 1
        if self._pending >= self.commit_every:
            self.db.commit()
            self._pending = 0

    def commit(self) -> None:
        if self.db is not None:
            self.db.commit()
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.close()
            self.db = None  # type: ignore[assignment]

    abort = commit  # committed articles are complete rows: keep them


def _add_missing_columns(db: Any) -> None:
    """A database written by an older version lacks columns added since (places.geonameid,
    casualties.hedged, casualties.background): add them, so that re-runs into it keep working."""
    for table, cols in TABLES.items():
        have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        for c in cols:
            if c not in have:
                typ = "INTEGER" if c in _INTEGER else "REAL" if c in _REAL else "TEXT"
                db.execute(f"ALTER TABLE {table} ADD COLUMN {c} {typ}")


def sqlite_schema() -> str:
    """CREATE statements of the SQLite output (idempotent)."""
    out = []
    for table, cols in TABLES.items():
        defs = []
        for c in cols:
            typ = "INTEGER" if c in _INTEGER else "REAL" if c in _REAL else "TEXT"
            if table == "articles" and c == "id":
                defs.append("id TEXT PRIMARY KEY NOT NULL")
            elif c == "article_id":
                defs.append("article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE")
            else:
                defs.append(f"{c} {typ}")
        if table != "articles":
            defs.append("PRIMARY KEY (article_id, n)")
        out.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(defs) + "\n);")
    out += [
        "CREATE INDEX IF NOT EXISTS articles_sha256 ON articles(sha256);",
        "CREATE INDEX IF NOT EXISTS articles_published ON articles(published);",
        "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_name);",
        "CREATE INDEX IF NOT EXISTS actors_name ON actors(name);",
        "CREATE INDEX IF NOT EXISTS places_name ON places(name);",
        "CREATE INDEX IF NOT EXISTS places_country ON places(country_code);",
        "CREATE INDEX IF NOT EXISTS casualties_kind ON casualties(kind);",
        "CREATE INDEX IF NOT EXISTS weapons_weapon ON weapons(weapon);",
        "CREATE INDEX IF NOT EXISTS dates_date ON dates(date);",
        "CREATE INDEX IF NOT EXISTS totals_kind ON totals(kind);",
    ]
    return "\n".join(out)
