"""Very long texts in sections: cut points, each section's layout, and one record from many.

Why: a spaCy Doc costs about 225 bytes a token before any component runs, and our rules add
their own per-token structures. A 1,000,000-character article (about 200,000 tokens) processed
as one Doc, parsed in chunks, peaks at about 300 MB; a 10 MB article as one Doc would need well
over a gigabyte. So a text longer than `[limits] section_chars` is processed section by section
(cut at paragraph breaks, see `chunk_bounds`), each section a Doc of its own through the whole
pipeline, and the section records are merged here into one record whose offsets refer to the
whole text.

What a section boundary costs: the rules of one section do not see the others. A pronoun at
the start of a section is not resolved to a speaker named in the previous one, and a short name
("Putin") is linked to the full name in another section only through the merge below (an actor
whose name is an alias of an earlier actor of the same type is that actor). Sections are large
(half a million characters by default) so this happens some twenty times in a 10 MB text.
"""

from __future__ import annotations

import copy
import ctypes
import ctypes.util
import functools
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

#: Layout regions (see components.layout.detect_layout) that belong to one place in the text.
_REGIONS = ("title", "byline", "footer", "dateline")
#: A character offset quoted in a warning ("unbalanced quotation mark at char 1850").
_CHAR_IN_WARNING = re.compile(r"\bchar (\d+)")


def release_freed_memory() -> None:
    """Hand the memory freed by a finished section back to the operating system (glibc only).

    Why: glibc keeps freed heap memory for reuse, so a worker's resident size after a section is
    its high-water mark, and each section's Doc, parse arrays and rule structures leave the heap
    more fragmented than before: without this, a 10 MB text's resident size rose by about 7 MB a
    section on top of the records it keeps. `malloc_trim(0)` is what glibc offers for this; on
    other C libraries (musl, macOS, Windows) there is nothing to call and nothing is done."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, looked up once per process (None elsewhere)."""
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None)
    except OSError:
        return None


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces of at most `limit` chars covering `text`, cut preferably after a blank
    line, else after a line break, a sentence end, a space, or (for one huge token) anywhere."""
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        window_end = start + limit
        floor = start + limit // 2
        cut = -1
        for sep in ("\n\n", "\n", ". ", "? ", "! ", " "):
            pos = text.rfind(sep, floor, window_end - len(sep) + 1)
            if pos >= 0:
                cut = pos + len(sep)
                break
        if cut <= start:
            cut = window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def section_layout(layout: dict[str, Any], start: int, end: int) -> dict[str, Any]:
    """The whole text's layout as seen from the section text[start:end]: regions inside the
    section shifted to its offsets, regions elsewhere dropped, the body clamped to it. The
    publication date found at the top of the text stays (every section resolves dates with it)."""
    out = copy.deepcopy(layout)
    for key in _REGIONS:
        region = out.get(key)
        if not isinstance(region, dict):
            continue
        if start <= region.get("start", -1) and region.get("end", end + 1) <= end:
            out[key] = _shift(region, -start)
        else:
            out[key] = None
    for key in ("body_start", "body_end"):
        if isinstance(out.get(key), int):
            out[key] = min(max(out[key] - start, 0), end - start)
    return out


def shift_warning(message: str, delta: int) -> str:
    """A warning about a section (or chunk) with its "char N" offsets moved to the whole text."""
    if not delta:
        return message
    return _CHAR_IN_WARNING.sub(lambda m: f"char {int(m.group(1)) + delta}", message)


def shift_offsets(value: Any, delta: int) -> Any:
    """A copy of a record part with every integer `start`/`end` moved by `delta` (spans at any
    depth: mentions, fragments, cues, speakers' mentions). Dates' `period` holds strings, left."""
    if isinstance(value, list):
        return [shift_offsets(v, delta) for v in value]
    if isinstance(value, dict):
        return _shift({k: shift_offsets(v, delta) for k, v in value.items()}, delta)
    return value


def _shift(d: dict[str, Any], delta: int) -> dict[str, Any]:
    out = dict(d)
    for k, v in d.items():
        if (k in ("start", "end") or k.endswith(("_start", "_end"))) and isinstance(v, int) \
                and not isinstance(v, bool):
            out[k] = v + delta
    return out


def pack(record: dict[str, Any]) -> bytes:
    """A section record's list fields as compressed compact JSON, held until the merge. As Python
    objects they take about 7 times their JSON size (a dict per mention), and a 10 MB article's
    sections held as objects added over 100 MB to the worker before its record was even built; as
    JSON text they still added 22 MB, which zlib (fastest level, about 10 ms a section) cuts to 3."""
    return zlib.compress(json.dumps({k: v for k, v in record.items()
                                     if (isinstance(v, list) and k != "warnings") or k == "totals"},
                                    ensure_ascii=False).encode("utf-8"), 1)


def unpack(parts: list[tuple[int, bytes]]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(offset, record) pairs from packed parts, releasing each packed part as it is read."""
    parts.reverse()
    while parts:
        offset, packed = parts.pop()
        yield offset, json.loads(zlib.decompress(packed))


def merge_records(parts: Iterable[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """The list fields and the totals of one record from (offset, section record) pairs, in text order.

    Actors of the same type are one actor when their names are equal or one's name is among the
    other's aliases; places when they resolve to the same point (or, unresolved, share name and
    country); dates when they resolve to the same period (or, unresolved, share wording). Quotes,
    casualties and weapons are concatenated. Ids are renumbered and quotes' `actor_id`s follow.
    Totals: see `merge_totals`."""
    actors = _Actors()
    places: dict[tuple[Any, ...], dict[str, Any]] = {}
    dates: dict[tuple[Any, ...], dict[str, Any]] = {}
    out: dict[str, list[Any]] = {"actors": [], "quotes": [], "casualties": [], "weapons": [], "places": [],
                                 "dates": []}
    totals: list[dict[str, Any]] = []
    for offset, rec in parts:
        if isinstance(rec.get("totals"), dict):
            totals.append(shift_offsets(rec["totals"], offset))
        rec = shift_offsets({k: v for k, v in rec.items() if isinstance(v, list)}, offset)
        ids = {a.get("id"): actors.add(a) for a in rec.get("actors") or []}
        for q in rec.get("quotes") or []:
            speaker = q.get("speaker")
            if isinstance(speaker, dict) and speaker.get("actor_id") in ids:
                speaker["actor_id"] = ids[speaker["actor_id"]]
            out["quotes"].append(q)
        out["casualties"].extend(rec.get("casualties") or [])
        out["weapons"].extend(rec.get("weapons") or [])
        for p in rec.get("places") or []:
            _merge_into(places, _place_key(p), p, out["places"])
        for d in rec.get("dates") or []:
            _merge_into(dates, _date_key(d), d, out["dates"])
        for key, value in rec.items():  # list fields added to the contract later: concatenated
            if key not in out and key != "warnings":
                out.setdefault(key, []).extend(value)
    out["actors"] = actors.entries
    for n, q in enumerate(out["quotes"], 1):
        q["id"] = f"q{n}"
    return {**out, "totals": merge_totals(totals)}


def merge_totals(sections: list[dict[str, Any]]) -> dict[str, Any]:
    """One `totals` object from the sections' (offsets already moved to the whole text).

    A section's figure was chosen seeing only that section, and the relations that let the counts
    rules add figures up (lists, "another 17", distinct incidents) do not cross a section boundary.
    Adding the sections' figures could count a toll that a later section repeats twice, so each kind
    (and each weapon and action) takes the figure the counts rules would prefer among equals of no
    known relation: the largest count, else a stated zero, else the first vague amount."""
    casualties: dict[str, dict[str, Any]] = {}
    weapons: dict[tuple[Any, Any], dict[str, Any]] = {}
    for section in sections:
        for kind, fig in (section.get("casualties") or {}).items():
            casualties[kind] = _better_figure(casualties.get(kind), fig)
        for fig in section.get("weapons") or []:
            key = (fig.get("weapon"), fig.get("action"))
            weapons[key] = _better_figure(weapons.get(key), fig)
    return {"casualties": casualties, "weapons": list(weapons.values())}


def _better_figure(known: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """The earlier figure unless the new one has a larger count (a count beats a vague amount)."""
    if known is None:
        return new
    old_count, new_count = known.get("count"), new.get("count")
    if isinstance(new_count, int) and (not isinstance(old_count, int) or new_count > old_count):
        return new
    return known


def _merge_into(index: dict[tuple[Any, ...], dict[str, Any]], key: tuple[Any, ...], entry: dict[str, Any],
                out: list[dict[str, Any]]) -> None:
    """Add `entry` to `out`, or its mentions to the earlier entry with the same key."""
    known = index.get(key)
    if known is None:
        index[key] = entry
        out.append(entry)
    else:
        known.setdefault("mentions", []).extend(entry.get("mentions") or [])


def _place_key(p: dict[str, Any]) -> tuple[Any, ...]:
    if p.get("lat") is not None and p.get("lon") is not None:
        return ("at", p.get("type"), p.get("country_code"), p.get("lat"), p.get("lon"))
    return ("name", str(p.get("name", "")).lower(), p.get("type"), p.get("country_code"))


def _date_key(d: dict[str, Any]) -> tuple[Any, ...]:
    period = d.get("period")
    if isinstance(period, dict):
        return (d.get("granularity"), d.get("date"), period.get("start"), period.get("end"))
    return (d.get("granularity"), str(d.get("text", "")).lower())


class _Actors:
    """Actors of all sections, merged by type and name/alias; ids renumbered a1, a2, ..."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self._by_name: dict[tuple[Any, str], dict[str, Any]] = {}

    def add(self, actor: dict[str, Any]) -> str:
        """Merge `actor` in; return its id in the merged list."""
        kind = actor.get("type")
        names = [actor.get("name")] + list(actor.get("aliases") or [])
        known = next((self._by_name[(kind, n)] for n in names if isinstance(n, str) and (kind, n) in self._by_name),
                     None)
        if known is None:
            known = dict(actor, id=f"a{len(self.entries) + 1}", aliases=list(actor.get("aliases") or []),
                         titles=list(actor.get("titles") or []), mentions=list(actor.get("mentions") or []))
            self.entries.append(known)
        else:
            for field in ("aliases", "titles"):
                known[field] += [v for v in actor.get(field) or [] if v not in known[field]]
            known["mentions"] += list(actor.get("mentions") or [])
        for n in [known.get("name")] + known["aliases"]:
            if isinstance(n, str):
                self._by_name.setdefault((kind, n), known)
        return str(known["id"])
