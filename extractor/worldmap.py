"""An inline SVG world map with dots for places, for the HTML report.

No tiles, no script, no network: the country outlines ship as package data
(`models/maps/world-countries.json`, Natural Earth 1:50m, public domain, derived once by
`tools/make_world_map.py`) as SVG path data in hundredths of a degree, and each map draws them
through one SVG transform, so the path strings are reused as they are and a page holds only the
countries in view.

Projection: equirectangular with its standard parallel at the middle of the view (x = lon *
cos(lat0), y = -lat). Over the few hundred kilometres of a regional map it keeps shapes close to
what a reader knows, it is a single affine transform of the stored paths, and a dot's position is
exactly its coordinates under the same transform, so a place sits where its country is drawn.
The view is fitted to the dots (with a margin and a smallest extent, so one city still shows its
surroundings). When there are dots for cities, regions or other specific places, the view fits
those alone: a country or continent named in passing ("Washington said") would otherwise stretch
every map of a local event to the whole world, and its dot (a centroid) says little about where
things happened. Such broad dots are drawn when they fall inside the view and listed by name
otherwise (`Map.outside`). A map that spans more than WORLD_SPAN degrees of longitude uses the coarser level
of detail, whose simplification is under a pixel at that scale.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: Width of the map in SVG units (CSS scales it to its box); heights stay within these bounds.
WIDTH = 720
MIN_HEIGHT, MAX_HEIGHT = 300, 460
#: Smallest extent of a view in degrees of latitude, and the margin around the dots (share of the extent).
MIN_SPAN = 5.0
MARGIN = 0.12
#: Views wider than this (degrees of longitude) draw the coarse outlines.
WORLD_SPAN = 100.0
#: Units per degree of the stored path data.
UNIT = 100


@dataclass
class Dot:
    """One place on the map: coordinates, radius in pixels (at WIDTH), tooltip, optional link.

    `inner` draws a second, red disc of that radius on the dot (casualties on the index); `cc` is
    the country code the place was geocoded to (its country is tinted); `broad` marks a country or
    continent, which the view is not fitted to when there are more specific places."""

    lon: float
    lat: float
    r: float
    tip: str
    name: str = ""
    href: str | None = None
    cc: str | None = None
    kind: str = ""
    inner: float = 0.0
    broad: bool = False


@dataclass
class Map:
    """A rendered map: the <svg> markup, and the names of the broad places outside its view."""

    svg: str
    outside: list[str]


@lru_cache(maxsize=1)
def outlines() -> dict[str, Any]:
    """The shipped country outlines: {"coarse"|"fine": [{"cc", "name", "parts": [{"bbox", "d"}]}, ...]}."""
    from .resources import models_dir

    doc = json.loads((models_dir() / "maps" / "world-countries.json").read_text(encoding="utf-8"))
    return {name: level["countries"] for name, level in doc["levels"].items()}


@dataclass(frozen=True)
class View:
    """A fitted view: west and north edges (degrees), cos of the standard parallel, pixels per degree."""

    west: float
    north: float
    k: float
    scale: float
    width: int
    height: int

    @property
    def east(self) -> float:
        return self.west + self.width / (self.scale * self.k)

    @property
    def south(self) -> float:
        return self.north - self.height / self.scale

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Coordinates -> SVG units of the map."""
        return (lon - self.west) * self.k * self.scale, (self.north - lat) * self.scale

    def transform(self) -> str:
        """The SVG transform that takes the stored path units (lon*UNIT, -lat*UNIT) to the map."""
        a, d = self.k * self.scale / UNIT, self.scale / UNIT
        return f"matrix({a:.6g} 0 0 {d:.6g} {-self.west * self.k * self.scale:.6g} {self.north * self.scale:.6g})"


def fit_view(points: Iterable[tuple[float, float]], width: int = WIDTH) -> View:
    """The view that shows every (lon, lat) point with a margin, within the world's latitudes."""
    pts = list(points)
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    lat0 = max(-60.0, min(60.0, (south + north) / 2))
    k = math.cos(math.radians(lat0))
    # margin and smallest extent, in projected degrees (lon * k, lat)
    w_proj = max((east - west) * k, MIN_SPAN)
    h_proj = max(north - south, MIN_SPAN)
    w_proj, h_proj = w_proj * (1 + 2 * MARGIN), h_proj * (1 + 2 * MARGIN)
    # the box's shape: as wide as WIDTH, as tall as the places need within the height bounds
    height = round(min(MAX_HEIGHT, max(MIN_HEIGHT, width * h_proj / w_proj)))
    if w_proj / h_proj > width / height:
        h_proj = w_proj * height / width
    else:
        w_proj = h_proj * width / height
    scale = width / w_proj
    cx, cy = (west + east) / 2, (south + north) / 2
    top = min(90.0, max(cy + h_proj / 2, -90.0 + h_proj))  # keep the poles out of view when possible
    return View(west=cx - w_proj / k / 2, north=top, k=k, scale=scale, width=width, height=height)


def _countries(view: View) -> list[tuple[str, str]]:
    """(country code, path data) of the outlines a view needs: every coarse outline for a world
    view, else the parts of the fine outlines that fall in view."""
    if view.east - view.west > WORLD_SPAN:
        return [(c["cc"], "".join(p["d"] for p in c["parts"])) for c in outlines()["coarse"]]
    w, s, e, n = view.west, view.south, view.east, view.north
    out = []
    for c in outlines()["fine"]:
        d = "".join(p["d"] for p in c["parts"] if p["bbox"][0] <= e and p["bbox"][2] >= w
                    and p["bbox"][1] <= n and p["bbox"][3] >= s)
        if d:
            out.append((c["cc"], d))
    return out


def map_svg(dots: list[Dot], *, label: str, dot_tooltips: str = "data", width: int = WIDTH) -> Map | None:
    """The map as an inline <svg>, or None when there is no dot.

    `dot_tooltips`: "data" puts each dot's text in `data-tip` (the article page's script shows it
    on hover and keyboard focus) and `aria-label`; "title" uses an SVG <title> (the index page,
    which has no tooltip script). Every string is escaped.
    """
    if not dots:
        return None
    view = fit_view(((d.lon, d.lat) for d in ([d for d in dots if not d.broad] or dots)), width)
    outside = [d for d in dots if not (view.west <= d.lon <= view.east and view.south <= d.lat <= view.north)]
    dots = [d for d in dots if d not in outside]
    esc = html.escape
    hit = {d.cc for d in dots if d.cc}
    parts = [f'<svg class="map" viewBox="0 0 {view.width} {view.height}" role="group" '
             f'aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg">',
             f'<rect class="sea" width="{view.width}" height="{view.height}"/>',
             f'<g class="land" transform="{view.transform()}">']
    for cc, d in _countries(view):
        parts.append(f'<path class="{"c hit" if cc in hit else "c"}" data-cc="{esc(cc)}" d="{d}"/>')
    parts.append('</g><g class="dots">')
    for d in sorted(dots, key=lambda d: -d.r):  # small dots on top of large ones
        x, y = view.project(d.lon, d.lat)
        attrs = f'class="mapdot{" " + d.kind if d.kind else ""}" data-k="place"'
        if dot_tooltips == "data":
            attrs += f' data-tip="{esc(d.tip)}" aria-label="{esc(d.tip)}"'
        inner = (f'<circle class="inner" cx="{x:.1f}" cy="{y:.1f}" r="{d.inner:.1f}"/>' if d.inner > 0 else "")
        title = f"<title>{esc(d.tip)}</title>" if dot_tooltips == "title" else ""
        circle = (f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="{d.r:.1f}" data-cc="{esc(d.cc or "")}" '
                  f'data-lon="{d.lon:.5f}" data-lat="{d.lat:.5f}"/>')
        if d.href:
            parts.append(f'<a href="{esc(d.href)}" {attrs}>{title}{circle}{inner}</a>')
        else:
            parts.append(f'<g tabindex="0" {attrs}>{title}{circle}{inner}</g>')
    parts.append("</g></svg>")
    return Map("".join(parts), [d.name for d in outside])


def coordinates(place: dict[str, Any]) -> tuple[float, float] | None:
    """(lon, lat) of a place when both are numbers in range, else None."""
    lat, lon = place.get("lat"), place.get("lon")
    if isinstance(lat, bool) or isinstance(lon, bool):
        return None
    if isinstance(lat, int | float) and isinstance(lon, int | float) and -90 <= lat <= 90 and -180 <= lon <= 180:
        return float(lon), float(lat)
    return None


def mention_radius(mentions: int) -> float:
    """Dot radius on an article's map: grows with the square root of the mentions (area ~ mentions)."""
    return min(18.0, 4.5 + 2.5 * math.sqrt(max(1, mentions)))


def share_radius(value: int, largest: int, smallest: float = 3.0, biggest: float = 16.0) -> float:
    """Dot radius on the index: area proportional to value / largest."""
    if largest <= 0 or value <= 0:
        return 0.0
    return smallest + (biggest - smallest) * math.sqrt(value / largest)
