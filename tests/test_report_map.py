"""The map of the HTML report (issue 16): an inline SVG world map with a dot per place.

The map is checked where it can go wrong: each dot's drawn position, taken back through the SVG
transform that draws the country outlines, must be its place's coordinates and must lie inside
the outline of the place's own country; the view must hold the places; every string is escaped;
pages stay small. The browser test (test_report_browser.py) checks the same in Chromium.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest

from extractor.report import BatchSummary, ReportWriter, render_article, render_index
from extractor.schema import validate
from extractor.worldmap import WORLD_SPAN, Dot, fit_view, map_svg, outlines
from tests.test_geojson import _golden_records, _place, _record
from tests.test_report import assert_self_contained, parse


# -- the map: view and projection ------------------------------------------------------------------
@pytest.mark.parametrize("points", [
    [(30.52, 50.45)],                                    # one city
    [(30.52, 50.45), (36.25, 49.98), (33.39, 47.91)],    # a region
    [(-92.7, 37.6), (52.7, 54.3), (-1.45, 52.57)],       # across the Atlantic
    [(-70.9, -53.2), (-68.3, -54.8)],                    # far south
    [(15.6, 78.2), (25.8, 71.0)],                        # far north (Svalbard)
    [(174.8, -41.3), (178.4, -18.1)],                    # near the antimeridian
])
def test_view_holds_every_point_with_a_margin(points: list[tuple[float, float]]) -> None:
    view = fit_view(points)
    assert 300 <= view.height <= 460 and view.width == 720
    for lon, lat in points:
        x, y = view.project(lon, lat)
        assert 10 < x < view.width - 10 and 10 < y < view.height - 10, (lon, lat, x, y)
    # one city still shows its surroundings: at least a few degrees across
    assert view.north - view.south >= 5


def _parse_map(svg: str) -> tuple[tuple[float, ...], dict[str, str], list[dict[str, Any]]]:
    """The land transform, the drawn outline per country code, and the dots with their positions."""
    a, b, c, d, e, f = (float(v) for v in re.search(r'class="land" transform="matrix\(([^)]*)\)"', svg)
                        .group(1).split())
    paths = dict(re.findall(r'<path class="c[^"]*" data-cc="([A-Z]{2})" d="([^"]*)"', svg))
    dots = [{"cx": float(m[1]), "cy": float(m[2]), "r": float(m[3]), "cc": m[4], "lon": float(m[5]),
             "lat": float(m[6])}
            for m in re.finditer(r'<circle class="dot" cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)" data-cc="([A-Z]*)" '
                                 r'data-lon="([-\d.]+)" data-lat="([-\d.]+)"/>', svg)]
    return (a, b, c, d, e, f), paths, dots


def _rings(d: str) -> list[list[tuple[int, int]]]:
    out = []
    for m in re.finditer(r"M(-?\d+) (-?\d+)l([^z]*)z", d):
        x, y = int(m[1]), int(m[2])
        pts = [(x, y)]
        nums = [int(v) for v in re.findall(r"-?\d+", m[3])]
        for dx, dy in zip(nums[::2], nums[1::2], strict=True):
            x, y = x + dx, y + dy
            pts.append((x, y))
        out.append(pts)
    return out


def _inside(x: float, y: float, rings: list[list[tuple[int, int]]]) -> bool:
    """Even-odd rule, as the map's CSS fills the outlines."""
    hit = False
    for r in rings:
        for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1], strict=True):
            if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
                hit = not hit
    return hit


def _svg_of(page: str) -> str:
    i = page.index('<svg class="map"')
    return page[i:page.index("</svg>", i) + 6]


@pytest.mark.parametrize("record", _golden_records(), ids=lambda r: r["article"]["id"].rsplit("/", 1)[-1])
def test_sample_places_are_drawn_inside_their_countries(record: dict[str, Any]) -> None:
    """Projected positions against coordinates: each dot, taken back through the transform that draws
    the outlines, is at its place's coordinates and inside the outline of its own country."""
    svg = _svg_of(render_article(record))
    (a, _, _, d, e, f), paths, dots = _parse_map(svg)
    assert dots
    by_name = {p["name"]: p for p in record["places"]}
    checked = 0
    for dot in dots:
        u, v = (dot["cx"] - e) / a, (dot["cy"] - f) / d  # map units -> outline units (lon*100, -lat*100)
        assert u / 100 == pytest.approx(dot["lon"], abs=0.2 / a / 100 + 1e-3)
        assert -v / 100 == pytest.approx(dot["lat"], abs=0.2 / d / 100 + 1e-3)
        place = next(p for p in by_name.values() if p["lat"] == pytest.approx(dot["lat"], abs=1e-4)
                     and p["lon"] == pytest.approx(dot["lon"], abs=1e-4))
        assert dot["cc"] == (place["country_code"] or "")
        if dot["cc"]:
            assert dot["cc"] in paths, f"{place['name']}: its country {dot['cc']} is not drawn"
            assert _inside(u, v, _rings(paths[dot["cc"]])), f"{place['name']} drawn outside {dot['cc']}"
            checked += 1
    assert checked >= 3


def test_view_fits_specific_places_and_lists_broad_ones_outside() -> None:
    """A country named in passing does not stretch a map of a local event to the whole world."""
    rec = _record("a", [_place("Kharkiv", 49.99, 36.23), _place("Kyiv", 50.45, 30.52, mentions=4),
                        _place("United States", 37.6, -92.7, cc="US", kind="country"),
                        _place("Ukraine", 48.86, 32.38, kind="country")])
    page = render_article(rec)
    svg = _svg_of(page)
    _, paths, dots = _parse_map(svg)
    assert {round(d["lon"], 2) for d in dots} == {36.23, 30.52, 32.38}  # Ukraine's dot is in view
    assert "Outside this view: United States" in page
    assert "US" not in paths and "UA" in paths and len(paths) < 40  # only the countries in view
    assert 'class="c hit" data-cc="UA"' in svg  # the places' country is tinted
    # dot area grows with mentions: Kyiv (4) is bigger than Kharkiv (1)
    radius = {round(d["lon"], 2): d["r"] for d in dots}
    assert radius[30.52] > radius[36.23]


def test_world_view_uses_the_coarse_outlines() -> None:
    rec = _record("a", [_place("Lima", -12.05, -77.04, cc="PE"), _place("Manila", 14.6, 120.98, cc="PH")])
    svg = _svg_of(render_article(rec))
    _, paths, dots = _parse_map(svg)
    assert len(dots) == 2 and len(paths) == len({c["cc"] for c in outlines()["coarse"]})
    assert len(svg) < 120_000


def test_places_without_coordinates_give_no_map() -> None:
    page = render_article(_record("a", [_place("Kolisnykivka", None, None)]))
    assert '<svg class="map"' not in page
    assert map_svg([], label="x") is None


def test_map_strings_are_escaped() -> None:
    evil = '<script>alert(1)</script>"'
    rec = _record("a", [_place(evil, 50.45, 30.52, cc="UA")])
    page = render_article(rec)
    svg = _svg_of(page)
    assert "<script>alert" not in svg and "&lt;script&gt;" in svg
    parse(page)
    assert_self_contained(page)
    m = map_svg([Dot(30.5, 50.4, 5, tip=evil, href='#x" onclick="y')], label=evil, dot_tooltips="title")
    assert m is not None and "<script>" not in m.svg and 'onclick="' not in m.svg


def test_dots_link_to_their_highlight(euronews_record: dict[str, Any]) -> None:
    from tests.conftest import EURONEWS

    page = render_article(euronews_record, EURONEWS.read_text(encoding="utf-8"))
    ids = set(parse(page).ids)
    hrefs = re.findall(r'<a href="(#hl-p\d+m1)" class="mapdot', page)
    assert hrefs and all(h[1:] in ids for h in hrefs)
    assert len(page.encode("utf-8")) < 400_000


def test_index_map_sizes_by_articles_and_killed_and_links_rows() -> None:
    s = BatchSummary()
    for i in range(6):
        places = [_place("Kharkiv", 49.99, 36.23)] + ([_place("Odesa", 46.48, 30.73)] if i < 2 else [])
        cas = [{"kind": "killed", "count": 9, "place": "Odesa", "text": "x", "start": 0, "end": 1}] if i == 0 else []
        s.add(_record(f"a{i}", places, casualties=cas), f"a{i}.html")
    page = render_index(s)
    parse(page)
    svg = _svg_of(page)
    assert "<title>Kharkiv (UA) · 6 articles · 6 mentions</title>" in svg
    assert "<title>Odesa (UA) · 2 articles · 2 mentions · 9 killed</title>" in svg
    assert svg.count('class="inner"') == 1  # the red disc: only where people were killed
    r = {m[0]: float(m[1]) for m in re.findall(r'<title>(\w+) [^<]*</title><circle class="dot" [^>]*r="([\d.]+)"',
                                               svg)}
    assert r["Kharkiv"] > r["Odesa"]  # more articles, bigger dot
    for href in re.findall(r'href="#(place-\d+)"', svg):
        assert f'id="{href}"' in page


def test_report_writer_pages_carry_maps(tmp_path: Path) -> None:
    w = ReportWriter(html_dir=tmp_path / "r")
    for rec in _golden_records():
        validate(rec)
        w.add(rec)
    index = w.close().read_text(encoding="utf-8")
    assert '<svg class="map"' in index
    for page in (tmp_path / "r").glob("*.html"):
        assert page.stat().st_size < 400_000


# -- the shipped outlines --------------------------------------------------------------------------
def test_outline_data_is_complete_and_sane() -> None:
    levels = outlines()
    assert set(levels) == {"coarse", "fine"}
    codes = [{c["cc"] for c in cs} for cs in levels.values()]
    assert codes[0] == codes[1] and len(codes[0]) > 200
    for cs in levels.values():
        for c in cs:
            assert re.fullmatch(r"[A-Z]{2}", c["cc"]) and c["parts"]
            for part in c["parts"]:
                w, s, e, n = part["bbox"]
                assert -180 <= w <= e <= 180 and -90 <= s <= n <= 90
                for ring in _rings(part["d"]):
                    assert len(ring) >= 3
                    assert all(w - 1e-9 <= x / 100 <= e + 1e-9 and s - 1e-9 <= -y / 100 <= n + 1e-9 for x, y in ring)
                    # no jump across the antimeridian (would paint a band across the world)
                    assert all(abs(x1 - x0) < 18000 for (x0, _), (x1, _) in zip(ring, ring[1:], strict=False))


@pytest.mark.parametrize(("lon", "lat", "cc"), [
    (34.1, 45.3, "UA"),      # Crimea: ISO 3166 and GeoNames, which our country codes follow
    (37.62, 55.75, "RU"),    # Moscow
    (2.35, 48.86, "FR"),     # Paris
    (-58.38, -34.6, "AR"),   # Buenos Aires
    (151.21, -33.87, "AU"),  # Sydney
    (103.85, 1.29, "SG"),    # Singapore: a small country keeps an outline
])
def test_outlines_put_known_places_in_their_country(lon: float, lat: float, cc: str) -> None:
    fine = {c["cc"]: _rings("".join(p["d"] for p in c["parts"])) for c in outlines()["fine"]}
    assert _inside(lon * 100, -lat * 100, fine[cc])
    others = [k for k, rings in fine.items() if k != cc and _inside(lon * 100, -lat * 100, rings)]
    assert others == []


def test_world_span_threshold_is_consistent() -> None:
    view = fit_view([(-120.0, 40.0), (120.0, 40.0)])
    assert view.east - view.west > WORLD_SPAN
    assert math.isclose(view.k, math.cos(math.radians(40.0)))
