"""GeoJSON output (`-f geojson`, issue 16): one RFC 7946 Point feature per (article, geocoded place).

Files are read back with a real GeoJSON reader (the `geojson` package of the test extras) and
checked for coordinate order and ranges against the records they came from; the fields that
parallel issues add to the records (places[].geonameid, totals) are taken when present and null
otherwise, tested on hand-made records.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import geojson
import pytest

from extractor import writers
from tests.conftest import ROOT, SAMPLES

EXTRACT = str(Path(sys.executable).parent / "extract")
GOLDEN = ROOT / "tests" / "golden"


def _golden_records() -> list[dict[str, Any]]:
    return [r for p in sorted(GOLDEN.glob("*.json")) for r in json.loads(p.read_text(encoding="utf-8"))]


def _place(name: str, lat: float | None, lon: float | None, *, cc: str | None = "UA", kind: str = "city",
           mentions: int = 1, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "country_code": cc, "admin1": None, "lat": lat, "lon": lon,
            "mentions": [{"text": name, "start": 0, "end": len(name)}] * mentions, **extra}


def _record(aid: str, places: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"schema_version": "1", "article": {"id": aid, "path": None, "title": f"Title of {aid}",
                                               "published": "2024-03-01", "url": None},
            "actors": [], "quotes": [], "casualties": [], "weapons": [], "places": places, "dates": [],
            "warnings": [], **extra}


# -- GeoJSON features ------------------------------------------------------------------------------
def test_features_take_geonameid_and_totals_from_the_record_when_present() -> None:
    """Issues 13 and 14 add places[].geonameid and the article's totals; the features carry them."""
    rec = _record("a1", [_place("Kharkiv", 49.98, 36.25, mentions=3, geonameid=706483)],
                  totals={"casualties": {"killed": {"count": 7, "qualifier": "exact"},
                                         "injured": {"count": 12, "qualifier": "at_least"}}})
    (f,), missing = writers.place_features(rec, writers.casualty_kinds())
    assert missing == 0
    assert f["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}  # [lon, lat]
    p = f["properties"]
    assert (p["name"], p["geonameid"], p["mentions"], p["killed"], p["injured"], p["missing"]) == \
        ("Kharkiv", 706483, 3, 7, 12, None)
    assert (p["article_id"], p["title"], p["published"]) == ("a1", "Title of a1", "2024-03-01")
    assert f["id"] == "a1#p1"


def test_features_without_geonameid_or_totals_have_nulls() -> None:
    rec = _record("a2", [_place("Gaza", 31.5, 34.47, cc="PS")])
    (f,), _ = writers.place_features(rec, writers.casualty_kinds())
    p = f["properties"]
    assert p["geonameid"] is None
    assert all(p[k] is None for k in writers.casualty_kinds())
    assert set(writers.casualty_kinds()) >= {"killed", "injured"}


@pytest.mark.parametrize(("lat", "lon", "written"), [
    (46.97, 31.99, True),
    (0, 0, True),           # a real place at the origin is not "missing"
    (-90, 180, True),       # the edges are valid
    (None, 31.99, False),
    (46.97, None, False),
    (91.0, 10.0, False),    # out of range: never written as a broken point
    (10.0, -180.5, False),
    (True, 10.0, False),    # a boolean is no coordinate
    (float("nan"), 10.0, False),
])
def test_only_places_with_valid_coordinates_become_features(lat: Any, lon: Any, written: bool) -> None:
    rec = _record("a3", [_place("X", lat, lon)])
    features, missing = writers.place_features(rec, writers.casualty_kinds())
    assert (len(features), missing) == ((1, 0) if written else (0, 1))


def test_error_records_give_no_features() -> None:
    err = {"schema_version": "1", "article": {"id": "bad.pdf", "path": "bad.pdf"},
           "error": {"type": "not_text", "message": "bad.pdf: not text"}}
    assert writers.place_features(err, writers.casualty_kinds()) == ([], 0)


def test_writer_publishes_a_valid_collection_only_at_commit(tmp_path: Path) -> None:
    out = tmp_path / "places.geojson"
    w = writers.GeoJsonWriter(out)
    w.write(_record("a", [_place("Kyiv", 50.45, 30.52), _place("Nowhere", None, None)]))
    w.write(_record("b", [_place("Odesa", 46.48, 30.73, mentions=2)]))
    assert not out.exists()  # a reader never sees a half-written file
    w.commit()
    fc = geojson.loads(out.read_text(encoding="utf-8"))
    assert fc.is_valid, fc.errors()
    assert [f.properties["name"] for f in fc.features] == ["Kyiv", "Odesa"]
    assert "2 place(s) from 2 article(s); 1 place(s) without coordinates" in w.summary()
    assert not list(tmp_path.glob("*.part"))


def test_writer_with_no_places_writes_an_empty_collection(tmp_path: Path) -> None:
    w = writers.GeoJsonWriter(tmp_path / "x.geojson")
    w.write(_record("a", []))
    w.commit()
    w.commit()  # a second commit (an interrupted clean-up) changes nothing
    fc = geojson.loads((tmp_path / "x.geojson").read_text(encoding="utf-8"))
    assert fc.is_valid and fc.features == []


def test_writer_abort_leaves_an_old_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "x.geojson"
    out.write_text("old", encoding="utf-8")
    w = writers.GeoJsonWriter(out)
    w.write(_record("a", [_place("Kyiv", 50.45, 30.52)]))
    w.abort()
    assert out.read_text(encoding="utf-8") == "old" and not list(tmp_path.glob("*.part"))


# -- GeoJSON through the CLI -----------------------------------------------------------------------
def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXTRACT, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def _check_against_records(fc: Any, records: list[dict[str, Any]]) -> None:
    """One feature per geocoded place, in order, at [lon, lat] of that place, within range."""
    expected = [(r["article"]["id"], p) for r in records if "error" not in r for p in r["places"]
                if p["lat"] is not None and p["lon"] is not None]
    assert len(fc.features) == len(expected)
    for f, (aid, p) in zip(fc.features, expected, strict=True):
        lon, lat = f.geometry.coordinates
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lon, lat) == (pytest.approx(p["lon"], abs=1e-6), pytest.approx(p["lat"], abs=1e-6))
        assert f.properties["name"] == p["name"] and f.properties["article_id"] == aid
        assert f.properties["mentions"] == len(p["mentions"])


def test_cli_samples_to_geojson(tmp_path: Path) -> None:
    out = tmp_path / "x.geojson"
    res = _run("samples/", "-f", "geojson", "-o", str(out))
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout == ""
    fc = geojson.load(out.open(encoding="utf-8"))
    assert fc.is_valid, fc.errors()
    golden = _golden_records()
    _check_against_records(fc, golden)
    missing = sum(1 for r in golden for p in r["places"] if p["lat"] is None or p["lon"] is None)
    assert missing > 0  # the samples have a village the gazetteer does not know
    assert f"{len(fc.features)} place(s) from {len(golden)} article(s); {missing} place(s) without coordinates" \
        in res.stderr
    # coordinate order, by a place everyone knows: Kyiv is at 50.45 N, 30.52 E
    kyiv = next(f for f in fc.features if f.properties["name"] == "Kyiv")
    assert kyiv.geometry.coordinates[0] == pytest.approx(30.52, abs=0.1)
    assert kyiv.geometry.coordinates[1] == pytest.approx(50.45, abs=0.1)


def test_cli_geojson_to_stdout_and_refusals(tmp_path: Path) -> None:
    res = _run(str(SAMPLES / "voa-missile-attacks-kyiv-mykolaiv.html"), "-q", "-f", "geojson")
    assert res.returncode == 0, res.stderr[-2000:]
    fc = geojson.loads(res.stdout)
    assert fc.is_valid and {f.properties["name"] for f in fc.features} >= {"Kyiv", "Mykolaiv"}
    assert res.stderr == ""  # -q: no summary
    res = _run("samples", "-f", "geojson", "-o", str(tmp_path / "x.geojson"), "--resume")
    assert res.returncode == 2 and "--resume" in res.stderr and not (tmp_path / "x.geojson").exists()
    res = _run("samples", "-f", "kml", "-o", str(tmp_path / "x.kml"))
    assert res.returncode == 2 and "geojson" in res.stderr


def _records_file(path: Path, n: int) -> Path:
    texts = ["Shelling in Kharkiv killed three people, officials in Kyiv said.",
             "Floods in Valencia and Seville forced thousands from their homes.",
             "An earthquake near Herat injured dozens, the UN office in Kabul said."]
    path.write_text("".join(json.dumps({"id": f"r{i:03d}", "text": texts[i % 3] + f" Report {i}."}) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def test_cli_geojson_same_with_workers_and_dask(tmp_path: Path) -> None:
    src = _records_file(tmp_path / "in.jsonl", 6)
    outputs = []
    for extra in ([], ["--workers", "2"], ["--dask", "local", "--workers", "2"]):
        if "--dask" in extra:
            pytest.importorskip("distributed")
        out = tmp_path / f"out{len(outputs)}.geojson"
        res = _run(str(src), "-q", "-f", "geojson", "-o", str(out), "--batch-size", "2", *extra)
        assert res.returncode == 0, res.stderr[-2000:]
        outputs.append(out.read_text(encoding="utf-8"))
    fc = geojson.loads(outputs[0])
    assert fc.is_valid and len(fc.features) >= 6
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]


def test_cli_geojson_after_ctrl_c_is_valid_json(tmp_path: Path) -> None:
    src = _records_file(tmp_path / "in.jsonl", 80)
    out = tmp_path / "out.geojson"
    proc = subprocess.Popen([EXTRACT, str(src), "-q", "-f", "geojson", "-o", str(out), "--batch-size", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        parts = list(tmp_path.glob(".out.geojson.*.part"))
        if parts and parts[0].read_text(encoding="utf-8").count("\n") >= 3:
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err[-2000:]
    fc = geojson.loads(out.read_text(encoding="utf-8"))
    assert fc.is_valid and len(fc.features) >= 1
    ids = [f.properties["article_id"] for f in fc.features]
    assert ids == sorted(ids) and len(set(ids)) < 80  # the articles done, in input order, not all of them
    assert not list(tmp_path.glob("*.part"))
