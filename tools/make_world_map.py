"""Derive models/maps/world-countries.json, the country outlines of the HTML report's map.

Source: Natural Earth's Admin 0 countries, 1:50m, version 4.1.0 (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as redistributed in TopoJSON by the npm
package `world-atlas` 2.0.2 (ISC licence, Mike Bostock). Run once, by hand, with the package
unpacked somewhere outside the repository:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_world_map.py package/countries-50m.json models/maps/world-countries.json

Nothing at run time or in the tests reads the network or this script's input: the report reads
only the derived file, which is committed.

Why these choices:
- 1:50m rather than 1:110m: at 1:110m coastal cities (Odesa, Mykolaiv) fall into the sea once the
  map is zoomed to one region; 1:50m simplified is still small.
- Simplified per TopoJSON arc (Douglas-Peucker, two levels: LEVELS below): a border shared by two
  countries is one arc, so both neighbours get the same simplified line and no gaps or overlaps
  appear between them.
- Stored as ready-made SVG path data in hundredths of a degree (x = lon, y = -lat, integers,
  relative moves), the smallest form a page can embed as it is; the report projects it with an SVG
  transform per map. Countries are keyed by ISO 3166-1 alpha-2, the code our places carry
  (`country_code`), so a place can be drawn against its own country.
- A country's rings are grouped into parts with their own bounding boxes: a map of one region
  embeds only the parts in view (a country's bounding box alone would drag the United States,
  whose Aleutians cross the antimeridian, into every map of the northern hemisphere).
- Rings that simplify to slivers are dropped, except the largest ring of each country, so every
  country (Malta, Singapore, Bahrain) keeps an outline.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

#: Natural Earth features that have no ISO numeric code in world-atlas, by name.
NO_NUMERIC = {"Kosovo": ("XK", "Kosovo"), "Somaliland": ("SO", "Somaliland"), "N. Cyprus": ("CY", "N. Cyprus"),
              "Indian Ocean Ter.": ("AU", "Indian Ocean Ter."), "Siachen Glacier": ("IN", "Siachen Glacier")}
UNIT = 100  # path units per degree
#: Polygons moved from one country to another: (from, to, a point inside, why). Natural Earth's
#: default edition draws areas as controlled on the ground; our places carry GeoNames' codes, which
#: follow ISO 3166, so the map must agree with them or a place would sit in the "wrong" country.
REASSIGN = [("RU", "UA", (34.1, 45.3), "Crimea: RU in Natural Earth's de facto edition, UA in ISO 3166 and GeoNames")]
#: The two levels of detail: (name, tolerance in degrees, smallest ring kept in square degrees).
#: `coarse` is drawn when a map spans the world (0.15 degrees is under a pixel there), `fine` when
#: it is zoomed to a region, with only the countries in view.
LEVELS = (("coarse", 0.15, 0.2), ("fine", 0.04, 0.02))
#: A country's rings are stored in parts, one per cell of this many degrees, each with its bounding
#: box, so that a regional map draws Alaska or the Aleutians only when they are in view.
PART_SIZE = 30


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (lon, lat) (quantized delta encoding undone)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker keeping both end points (iterative: arcs can have thousands of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    if points[0] == points[-1]:  # a closed arc (an island): split it at its farthest point
        far = max(range(len(points)), key=lambda i: math.dist(points[0], points[i]))
        keep[far] = True
        stack = [(0, far), (far, len(points) - 1)]
    else:
        stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else math.hypot(px - ax, py - ay)
            if d > best:
                best, idx = d, i
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_points(ring: list[int], arcs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """A ring's integer points from its arc indices (~i = arc i reversed), without repeats."""
    out: list[tuple[int, int]] = []
    for i in ring:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        for p in pts if not out else pts[1:]:
            if not out or p != out[-1]:
                out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _clip(ring: list[tuple[int, int]], x_edge: int, keep_below: bool) -> list[tuple[int, int]]:
    """Sutherland-Hodgman: the part of a ring on one side of the vertical line x = x_edge."""
    def inside(p: tuple[int, int]) -> bool:
        return p[0] <= x_edge if keep_below else p[0] >= x_edge

    out: list[tuple[int, int]] = []
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        if inside(a) != inside(b):
            t = (x_edge - a[0]) / (b[0] - a[0])
            cut = (x_edge, round(a[1] + t * (b[1] - a[1])))
            out.append(cut)
        if inside(b):
            out.append(b)
    return out


def split_antimeridian(ring: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A ring that jumps across the antimeridian (Chukotka: +180 -> -180 -> +180) as pieces that
    stay within [-180, 180]; drawn as they are, the jumps would paint a band across the world."""
    half = 180 * UNIT
    shift, unwrapped = 0, [ring[0]]
    for (x0, _), (x1, y1) in zip(ring, ring[1:], strict=False):
        if x1 - x0 > half:
            shift -= 2 * half
        elif x0 - x1 > half:
            shift += 2 * half
        unwrapped.append((x1 + shift, y1))
    if all(-half <= x <= half for x, _ in unwrapped):
        return [ring]
    pieces = []
    for offset in (0, 2 * half, -2 * half):
        moved = [(x + offset, y) for x, y in unwrapped]
        piece = _clip(_clip(moved, half, keep_below=True), -half, keep_below=False)
        if len(piece) >= 3 and area(piece) > 0:
            pieces.append(piece)
    return pieces


def area(pts: list[tuple[int, int]]) -> float:
    """Absolute shoelace area (path units squared)."""
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True))) / 2


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """SVG path data: an absolute move per ring, then relative lines, closed."""
    parts = []
    for pts in rings:
        (x0, y0), rest = pts[0], pts[1:]
        seg = [f"M{x0} {y0}l"]
        px, py = x0, y0
        coords = []
        for x, y in rest:
            coords.append(f"{x - px} {y - py}")
            px, py = x, y
        seg.append(" ".join(coords).replace(" -", "-"))
        seg.append("z")
        parts.append("".join(seg))
    return "".join(parts)


def country_code(geom: dict[str, Any]) -> tuple[str, str]:
    """(alpha-2, name) of a world-atlas country geometry."""
    import pycountry

    name = geom["properties"]["name"]
    if geom.get("id") is None:
        return NO_NUMERIC[name]
    return pycountry.countries.get(numeric=geom["id"]).alpha_2, name


def _inside(pt: tuple[float, float], ring: list[tuple[int, int]]) -> bool:
    """Even-odd point in polygon (the point in path units)."""
    x, y = pt
    c = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            c = not c
    return c


def country_polygons(topo: dict[str, Any], full: list[list[tuple[int, int]]]) -> list[tuple[str, str, list]]:
    """(alpha-2, name, polygons as arc-index rings) per geometry, with REASSIGN applied."""
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        code, name = country_code(geom)
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]] if geom["arcs"] else []
        out.append((code, name, [list(p) for p in polys]))
    for src, dst, (lon, lat), _why in REASSIGN:
        pt = (lon * UNIT, -lat * UNIT)
        (_, _, from_polys), (_, _, to_polys) = (next(g for g in out if g[0] == c) for c in (src, dst))
        moved = [p for p in from_polys if _inside(pt, ring_points(p[0], full))]
        assert len(moved) == 1, (src, dst, len(moved))
        from_polys.remove(moved[0])
        to_polys.append(moved[0])
    return out


def build(topo: dict[str, Any], tol: float, min_area: float) -> list[dict[str, Any]]:
    """One entry per alpha-2 code: name and parts (bounding box in degrees, path data)."""
    raw = decode_arcs(topo)
    arcs = [[(round(x * UNIT), round(-y * UNIT)) for x, y in simplify(a, tol)] for a in raw]
    full = [[(round(x * UNIT), round(-y * UNIT)) for x, y in a] for a in raw]
    by_code: dict[str, dict[str, Any]] = {}
    for code, name, polys in country_polygons(topo, full):
        rings = [piece for poly in polys for r in poly for piece in split_antimeridian(ring_points(r, arcs))
                 if len(piece) >= 3]
        if not rings:  # a small country that simplifies away: its own outline, unsimplified
            rings = [pts for poly in polys for pts in (ring_points(r, full) for r in poly) if len(pts) >= 3]
        if not rings:
            continue
        largest = max(rings, key=area)
        rings = [r for r in rings if r is largest or area(r) >= min_area * UNIT * UNIT]
        entry = by_code.setdefault(code, {"cc": code, "name": name, "rings": []})
        entry["rings"] += rings
    out = []
    for code in sorted(by_code):
        e = by_code[code]
        groups: dict[tuple[int, int], list[list[tuple[int, int]]]] = {}
        for ring in e["rings"]:  # parts: the rings of one PART_SIZE cell (by the ring's first point)
            x, y = ring[0]
            groups.setdefault((x // (PART_SIZE * UNIT), y // (PART_SIZE * UNIT)), []).append(ring)
        parts = [{"bbox": bbox(rings), "d": path_data(rings)} for _, rings in sorted(groups.items())]
        out.append({"cc": code, "name": e["name"], "parts": parts})
    return out


def bbox(rings: list[list[tuple[int, int]]]) -> list[float]:
    """[west, south, east, north] in degrees."""
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    return [min(xs) / UNIT, -max(ys) / UNIT, max(xs) / UNIT, -min(ys) / UNIT]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("topojson", type=Path, help="world-atlas countries-50m.json")
    ap.add_argument("out", type=Path, help="models/maps/world-countries.json")
    args = ap.parse_args()
    topo = json.loads(args.topojson.read_text(encoding="utf-8"))
    head = {
        "source": "Natural Earth Admin 0 countries 1:50m v4.1.0, via the npm package world-atlas 2.0.2",
        "licence": "public domain (Natural Earth terms of use); world-atlas packaging ISC",
        "made_by": "tools/make_world_map.py",
        "units": "SVG path data in 1/100 degree: x = lon * 100, y = -lat * 100",
        "reassigned": [why for *_, why in REASSIGN],
    }
    text = "{" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in head.items()) + ',\n"levels": {'
    chunks = []
    for name, tol, min_area in LEVELS:
        countries = build(topo, tol, min_area)
        body = ",\n".join(json.dumps(c, separators=(",", ":")) for c in countries)
        chunks.append(f'\n"{name}": {{"tolerance": {tol}, "min_area": {min_area}, "countries": [\n{body}\n]}}')
        print(f"{name}: {len(countries)} countries, {len(body):,} bytes")
    text += ",".join(chunks) + "}}\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(text):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
