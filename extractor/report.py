"""HTML reports built from output records: one page per article, and a batch index.

The report reads nothing but output records (the JSON of the output contract) plus the article
text, so it can be produced during an `extract` run (`--html`, `--html-dir`) or later from
saved records. Every page is one self-contained file: CSS and JS are inlined, nothing is
fetched, and there is no external link (the article URL is shown as text), so a report opens
from a USB stick on a machine without network.

Safety: every string that comes from an article or a record goes through HTML escaping (the
templates autoescape; the highlighted text is escaped piece by piece), so an article that
contains `<script>` shows those characters and runs nothing. Page names derived from article
ids are sanitised and made unique, so they never leave the output directory.

Streaming: `ReportWriter.add(record)` writes an article's page at once and keeps only a small
summary row (and per-place / per-day totals), so a batch of 10,000 articles does not hold
10,000 records in memory.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import tempfile
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import OutputError
from .worldmap import Map, coordinates

#: Highlight kinds, outermost first when two spans cover exactly the same characters.
KINDS = ("quote", "casualty", "weapon", "date", "place", "actor", "speaker", "cue")
KIND_LABELS = {
    "quote": "Quotes", "speaker": "Speakers", "cue": "Speech verbs", "casualty": "Casualties",
    "weapon": "Weapons", "place": "Places", "date": "Dates", "actor": "Actors",
}
_RANK = {k: i for i, k in enumerate(KINDS)}
#: The legend's order: quotes with their speakers and verbs first, then the counts, then the rest.
LEGEND_ORDER = ("quote", "speaker", "cue", "casualty", "weapon", "place", "date", "actor")
#: Speaker colours (cycled); quotes without a speaker use the neutral class `spx`.
N_SPEAKER_COLOURS = 8
#: Rows per page of the batch index (JS paging only kicks in above this).
INDEX_PAGE_SIZE = 100
#: The index shows at most this many places in the totals table (the busiest first).
MAX_PLACE_ROWS = 200
_MAX_NAME = 80
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}


# --------------------------------------------------------------------------------------------
# Highlighting: overlapping spans -> correctly nested <span> elements
# --------------------------------------------------------------------------------------------
@dataclass
class Highlight:
    """One span to highlight: character offsets, kind, a page-unique id and the tooltip text."""

    start: int
    end: int
    kind: str
    uid: str
    tip: str
    classes: str = ""
    anchor: bool = False  # give the first piece id="hl-<uid>" (target of the side panel's links)


def _open_tag(h: Highlight, first: bool) -> str:
    cls = f"hl k-{h.kind}" + (f" {h.classes}" if h.classes else "") + ("" if first else " cont")
    attrs = [f'class="{cls}"', f'data-i="{h.uid}"', f'data-k="{h.kind}"',
             f'data-tip="{html.escape(h.tip, quote=True)}"']
    if first:
        attrs.append('tabindex="0"')
        if h.anchor:
            attrs.append(f'id="hl-{h.uid}"')
    return "<span " + " ".join(attrs) + ">"


def highlight_html(text: str, spans: Iterable[Highlight]) -> str:
    """The escaped text with every span wrapped in a <span>, nested correctly.

    Spans that cross (one starts inside another and ends after it) are split: the inner one is
    closed at the outer one's end and reopened after it (the piece gets class `cont` and the
    same `data-i`), so the markup is always well formed. Empty or out-of-range spans are dropped.
    """
    items = sorted((h for h in spans if 0 <= h.start < h.end <= len(text)),
                   key=lambda h: (h.start, -h.end, _RANK.get(h.kind, 99)))
    starts: dict[int, list[Highlight]] = {}
    bounds: set[int] = set()
    for h in items:
        starts.setdefault(h.start, []).append(h)
        bounds.update((h.start, h.end))
    out: list[str] = []
    stack: list[Highlight] = []
    pos = 0
    for b in sorted(bounds):
        out.append(html.escape(text[pos:b], quote=False))
        pos = b
        ending = [i for i, h in enumerate(stack) if h.end == b]
        if ending:
            cut = ending[0]
            popped = stack[cut:]
            del stack[cut:]
            out.append("</span>" * len(popped))
            for h in popped:
                if h.end != b:  # crossed by a span that ended here: reopen the remainder
                    out.append(_open_tag(h, first=False))
                    stack.append(h)
        for h in starts.get(b, ()):
            out.append(_open_tag(h, first=True))
            stack.append(h)
    out.append(html.escape(text[pos:], quote=False))
    out.append("</span>" * len(stack))
    return "".join(out)


def _valid(span: Any, text: str) -> bool:
    """A span dict whose offsets are ints inside the text and agree with its reported text."""
    if not isinstance(span, dict):
        return False
    s, e = span.get("start"), span.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        return False
    reported = span.get("text")
    return reported is None or text[s:e] == reported


# --------------------------------------------------------------------------------------------
# Tooltip texts ("killed · 6 · at least · Mykolaiv")
# --------------------------------------------------------------------------------------------
def _h(value: Any) -> str:
    return str(value).replace("_", " ")


def _join(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p not in (None, "", []))


def _amount(item: dict[str, Any]) -> Any:
    return item.get("count") if item.get("count") is not None else item.get("vague")


def amount_text(item: dict[str, Any]) -> str:
    """The count with its qualifier as a reader would say it: "at least 6", "about 20", "84", "dozens"."""
    n = item.get("count")
    amount = f"{n:,}" if isinstance(n, int) and not isinstance(n, bool) else str(item.get("vague") or "?")
    q = item.get("qualifier")
    return f"{_h(q)} {amount}" if q and q != "exact" else amount


def casualty_tip(c: dict[str, Any]) -> str:
    """Casualty fields in reading order: kind, count, qualifier, who, place."""
    q = c.get("qualifier")
    return _join(c.get("kind"), _amount(c), _h(q) if q else None, c.get("who"), c.get("place"))


def weapon_tip(w: dict[str, Any]) -> str:
    """Weapon fields: weapon, count, qualifier, action, operator, interceptor, place."""
    q = w.get("qualifier")
    return _join(_h(w.get("weapon") or "weapon"), _amount(w), _h(q) if q else None,
                 _h(w["action"]) if w.get("action") else None,
                 f"operator: {w['operator']}" if w.get("operator") else None,
                 f"by {w['by']}" if w.get("by") else None, w.get("place"))


def place_tip(p: dict[str, Any]) -> str:
    """Place name, type, region, country and coordinates."""
    return _join(p.get("name"), p.get("type"), p.get("admin1"), p.get("country_code"), _coords(p))


def date_tip(d: dict[str, Any]) -> str:
    """The date as written and the day it resolves to."""
    resolved = d.get("date")
    return _join(d.get("text"), f"→ {resolved}" if resolved else "unresolved", d.get("granularity"))


def actor_tip(a: dict[str, Any]) -> str:
    """Actor name, type and titles."""
    return _join(a.get("name"), a.get("type"), ", ".join(a.get("titles") or []) or None)


def quote_tip(q: dict[str, Any]) -> str:
    """Quote kind, speaker and how the speaker was found, and the speech verb."""
    sp = q.get("speaker") or {}
    cue = (q.get("cue") or {}).get("text")
    return _join(q.get("kind"), sp.get("name") or "no speaker", _h(sp["method"]) if sp.get("method") else None,
                 f"cue: {cue}" if cue else None)


def totals_rows(record: dict[str, Any], link: Any) -> list[dict[str, Any]]:
    """The article's own figures (`totals`) as rows: label, amount, evidence and a link to the count it rests on."""
    totals = record.get("totals") if isinstance(record.get("totals"), dict) else {}
    starts = {(c.get("start"), c.get("end")): f"c{i}" for i, c in enumerate(_list(record, "casualties"), 1)}
    starts.update({(w.get("start"), w.get("end")): f"w{i}" for i, w in enumerate(_list(record, "weapons"), 1)})
    rows = []
    items = [(str(kind), t) for kind, t in ((totals or {}).get("casualties") or {}).items()]
    items += [(_join(_h(w.get("weapon") or "weapon"), _h(w["action"]) if w.get("action") else None), w)
              for w in (totals or {}).get("weapons") or [] if isinstance(w, dict)]
    for label, t in items:
        if isinstance(t, dict):
            uid = starts.get((t.get("start"), t.get("end")))
            rows.append({"label": label, "amount": amount_text(t), "text": t.get("text") or "",
                         "href": link(uid) if uid else None})
    return rows


def _coords(p: dict[str, Any]) -> str | None:
    lat, lon = p.get("lat"), p.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return f"{lat:.3f}, {lon:.3f}"
    return None


# --------------------------------------------------------------------------------------------
# One article: record -> view model
# --------------------------------------------------------------------------------------------
def _list(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = record.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def speaker_classes(quotes: list[dict[str, Any]]) -> dict[str, str]:
    """Speaker name -> colour class, in order of first quote (`spx` is reserved for no speaker)."""
    classes: dict[str, str] = {}
    for q in quotes:
        name = (q.get("speaker") or {}).get("name")
        if name and name not in classes:
            classes[name] = f"sp{len(classes) % N_SPEAKER_COLOURS}"
    return classes


def collect_highlights(record: dict[str, Any], text: str) -> tuple[list[Highlight], int]:
    """Every span of the record as a Highlight; also how many spans disagreed with the text."""
    hl: list[Highlight] = []
    bad = 0

    def add(span: Any, kind: str, uid: str, tip: str, classes: str = "", anchor: bool = False) -> None:
        nonlocal bad
        if _valid(span, text):
            hl.append(Highlight(span["start"], span["end"], kind, uid, tip, classes, anchor))
        elif span is not None:
            bad += 1

    quotes = _list(record, "quotes")
    colours = speaker_classes(quotes)
    for qi, q in enumerate(quotes, 1):
        sp = q.get("speaker") or {}
        cls = colours.get(sp.get("name") or "", "spx")
        tip = quote_tip(q)
        frags = [f for f in (q.get("fragments") or []) if isinstance(f, dict)] or [q]
        for fi, f in enumerate(frags, 1):
            add(f, "quote", f"q{qi}" if fi == 1 else f"q{qi}f{fi}", tip, cls, anchor=fi == 1)
        if sp.get("mention"):
            add(sp["mention"], "speaker", f"q{qi}s", _join("speaker", sp.get("name"),
                                                           _h(sp["method"]) if sp.get("method") else None), cls)
        if q.get("cue"):
            add(q["cue"], "cue", f"q{qi}c", _join("speech verb", q["cue"].get("text"), q["cue"].get("lemma")))
    for i, c in enumerate(_list(record, "casualties"), 1):
        add(c, "casualty", f"c{i}", casualty_tip(c), anchor=True)
    for i, w in enumerate(_list(record, "weapons"), 1):
        add(w, "weapon", f"w{i}", weapon_tip(w), anchor=True)
    for i, p in enumerate(_list(record, "places"), 1):
        tip = place_tip(p)
        for mi, m in enumerate(p.get("mentions") or [], 1):
            add(m, "place", f"p{i}m{mi}", tip, anchor=True)
    for i, d in enumerate(_list(record, "dates"), 1):
        add(d, "date", f"d{i}", date_tip(d), anchor=True)
    for i, a in enumerate(_list(record, "actors"), 1):
        tip = actor_tip(a)
        for mi, m in enumerate(a.get("mentions") or [], 1):
            add(m, "actor", f"a{i}m{mi}", tip, anchor=True)
    return hl, bad


def _first_anchor(items: list[Highlight], prefix: str) -> str | None:
    for h in items:
        if h.uid == prefix:
            return f"#hl-{h.uid}"
    return None


def article_context(record: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """Everything the article template shows, computed from one record (and its text)."""
    art = record.get("article") or {}
    if text is None:
        text = art.get("text") if isinstance(art.get("text"), str) else None
    highlights: list[Highlight] = []
    bad = 0
    body = None
    if text is not None:
        highlights, bad = collect_highlights(record, text)
        body = highlight_html(text, highlights)
    uids = {h.uid for h in highlights}

    def link(uid: str) -> str | None:
        return f"#hl-{uid}" if uid in uids else None

    quotes = _list(record, "quotes")
    colours = speaker_classes(quotes)
    groups: dict[str, dict[str, Any]] = {}
    for qi, q in enumerate(quotes, 1):
        sp = q.get("speaker") or {}
        name = sp.get("name") or ""
        g = groups.setdefault(name, {"name": name or "No speaker identified", "cls": colours.get(name, "spx"),
                                     "quotes": []})
        g["quotes"].append({"text": q.get("text"), "kind": q.get("kind"), "method": sp.get("method"),
                            "cue": (q.get("cue") or {}).get("text"), "href": link(f"q{qi}")})
    speakers = sorted(groups.values(), key=lambda g: (g["cls"] == "spx", -len(g["quotes"])))

    casualties = [dict(c, href=link(f"c{i}"), amount=amount_text(c),
                       note=_join("hedged" if c.get("hedged") else None, "background" if c.get("background") else None))
                  for i, c in enumerate(_list(record, "casualties"), 1)]
    weapons = [dict(w, href=link(f"w{i}"), amount=amount_text(w), weapon_h=_h(w.get("weapon") or ""),
                    action_h=_h(w.get("action") or "")) for i, w in enumerate(_list(record, "weapons"), 1)]
    places = [dict(p, href=link(f"p{i}m1"), coords=_coords(p), n_mentions=len(p.get("mentions") or []))
              for i, p in enumerate(_list(record, "places"), 1)]
    dates = [dict(d, href=link(f"d{i}")) for i, d in enumerate(_list(record, "dates"), 1)]
    actors = [dict(a, href=link(f"a{i}m1"), n_mentions=len(a.get("mentions") or []))
              for i, a in enumerate(_list(record, "actors"), 1)]
    counts = {k: sum(1 for h in highlights if h.kind == k and "f" not in h.uid[1:]) for k in KINDS}
    present = [k for k in LEGEND_ORDER if counts[k]]
    meta = [(label, art.get(key)) for label, key in (
        ("Title", "title"), ("Publisher", "publisher"), ("Published", "published"), ("Byline", "byline"),
        ("URL", "url"), ("Id", "id"), ("Path", "path"), ("Characters", "chars"), ("Words", "words"),
        ("SHA-256", "sha256"))]
    ext = record.get("extractor") or {}
    if ext:
        meta.append(("Extractor", _join(ext.get("version"), ext.get("model"))))
    warnings = [str(w) for w in record.get("warnings") or []]
    if bad:
        warnings.append(f"report: {bad} span(s) did not match the article text and are not highlighted")
    error = record.get("error") if isinstance(record.get("error"), dict) else None
    return {
        "title": art.get("title") or art.get("id") or "Article",
        "article": art, "body": body, "error": error,
        "legend": [(k, KIND_LABELS[k], counts[k]) for k in present],
        "speakers": speakers, "totals": totals_rows(record, link), "casualties": casualties, "weapons": weapons,
        "places": places,
        "dates": dates, "actors": actors, "meta": meta, "warnings": warnings,
        "n_speaker_colours": N_SPEAKER_COLOURS, "map": article_map(places),
    }


#: Place types that name a whole country or more; a map is fitted to more specific places when it has any.
BROAD_PLACE_TYPES = {"country", "other"}


def article_map(places: list[dict[str, Any]]) -> Map | None:
    """The article's places on a map: a dot per geocoded place, sized by its mentions, linking to
    its first highlight (`places` as in the article context: with `href` and `n_mentions`)."""
    from .worldmap import Dot, coordinates, map_svg, mention_radius

    dots = []
    for p in places:
        at = coordinates(p)
        if at is None:
            continue
        n = p["n_mentions"]
        tip = _join(place_tip(p), f"{n} mention{'' if n == 1 else 's'}")
        dots.append(Dot(at[0], at[1], mention_radius(n), tip, name=str(p.get("name") or ""), href=p.get("href"),
                        cc=p.get("country_code") if isinstance(p.get("country_code"), str) else None,
                        kind=f"t-{p['type']}" if isinstance(p.get("type"), str) else "",
                        broad=p.get("type") in BROAD_PLACE_TYPES or not p.get("country_code")))
    return map_svg(dots, label=f"Map of the {len(dots)} geocoded place{'' if len(dots) == 1 else 's'}")


# --------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------
_ENV = None


def _env() -> Any:
    """The jinja2 environment (created on first use: jinja2 is imported only for reports)."""
    global _ENV
    if _ENV is None:
        import jinja2

        _ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
                                  autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                  undefined=jinja2.ChainableUndefined)
        _ENV.filters["num"] = _fmt_num
    return _ENV


def _fmt_num(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render_article(record: dict[str, Any], text: str | None = None, *, index_href: str | None = None) -> str:
    """One article's self-contained HTML page (text from `text` or the record's article.text)."""
    from markupsafe import Markup

    ctx = article_context(record, text)
    if ctx["body"] is not None:
        ctx["body"] = Markup(ctx["body"])  # noqa: S704 - built from html.escape'd pieces above
    if ctx["map"] is not None:
        ctx["map"].svg = Markup(ctx["map"].svg)  # noqa: S704 - built with html.escape in worldmap
    return _env().get_template("report_article.html.j2").render(index_href=index_href, **ctx)


# --------------------------------------------------------------------------------------------
# Batch: summary rows, totals, charts
# --------------------------------------------------------------------------------------------
def _max_count(items: list[dict[str, Any]], pred: Any) -> int:
    """The largest count among items matching pred (articles repeat figures, so no summing)."""
    best = 0
    for it in items:
        n = it.get("count")
        if isinstance(n, int) and not isinstance(n, bool) and pred(it):
            best = max(best, n)
    return best


def _is_drone(w: dict[str, Any]) -> bool:
    return "drone" in str(w.get("weapon") or "")


def _is_missile(w: dict[str, Any]) -> bool:
    return "missile" in str(w.get("weapon") or "")


def article_numbers(record: dict[str, Any]) -> dict[str, int]:
    """Per-article figures for the index: quotes, and the article's own killed/injured/drone/missile figures
    from `totals` (for weapons, the largest over actions); records without `totals` (older output) fall back
    to the largest count of the article's own event."""
    totals = record.get("totals")
    if not isinstance(totals, dict):
        cas = [c for c in _list(record, "casualties") if not c.get("background") and not c.get("hedged")]
        wea = _list(record, "weapons")
    else:
        cas = [dict(t, kind=k) for k, t in (totals.get("casualties") or {}).items() if isinstance(t, dict)]
        wea = [w for w in totals.get("weapons") or [] if isinstance(w, dict)]
    return {
        "quotes": len(_list(record, "quotes")),
        "killed": _max_count(cas, lambda c: c.get("kind") == "killed"),
        "injured": _max_count(cas, lambda c: c.get("kind") == "injured"),
        "drones": _max_count(wea, _is_drone),
        "missiles": _max_count(wea, _is_missile),
    }


NUM_COLS = ("quotes", "killed", "injured", "drones", "missiles")


def _day(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def safe_page_name(article_id: str, used: set[str]) -> str:
    """A file name for an article page: only [A-Za-z0-9._-], no leading dot, unique (case-insensitively).

    Derived from the article id so it is recognisable, but path separators, `..`, control
    characters, reserved device names and over-long names can never reach the file system.
    """
    base = unicodedata.normalize("NFKD", str(article_id)).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", base)
    base = re.sub(r"\.{2,}", ".", base).strip(".-_")
    base = re.sub(r"\.html?$", "", base, flags=re.I)[:_MAX_NAME].rstrip(".-_") or "article"
    if base.lower().split(".")[0] in _WINDOWS_RESERVED or base.lower() == "index":
        base = f"article-{base}"
    name = f"{base}.html"
    n = 2
    while name.lower() in used:
        name = f"{base}-{n}.html"
        n += 1
    used.add(name.lower())
    return name


@dataclass
class _Totals:
    articles: int = 0
    mentions: int = 0
    killed: int = 0
    injured: int = 0
    drones: int = 0
    missiles: int = 0

    def add_numbers(self, nums: dict[str, int]) -> None:
        for k in ("killed", "injured", "drones", "missiles"):
            setattr(self, k, getattr(self, k) + nums.get(k, 0))


@dataclass
class BatchSummary:
    """What the index needs, accumulated record by record (small rows, never whole records)."""

    rows: list[tuple[Any, ...]] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    places: dict[tuple[str, str], _Totals] = field(default_factory=dict)
    #: (lon, lat) per place key, as first geocoded (the same name and country, the same place)
    where: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    broad: dict[tuple[str, str], bool] = field(default_factory=dict)
    days: dict[str, _Totals] = field(default_factory=dict)
    undated: _Totals = field(default_factory=_Totals)

    def add(self, record: dict[str, Any], page: str | None) -> None:
        """Fold one record into the summary."""
        art = record.get("article") or {}
        if isinstance(record.get("error"), dict):
            err = record["error"]
            self.errors.append((str(art.get("id") or "?"), str(err.get("type") or "error"),
                                str(err.get("message") or "")))
            return
        nums = article_numbers(record)
        day = _day(art.get("published"))
        self.rows.append((art.get("title") or art.get("id") or "", art.get("publisher"), day,
                          *(nums[k] for k in NUM_COLS), len(record.get("warnings") or []), page,
                          art.get("id")))
        tot = self.days.setdefault(day, _Totals()) if day else self.undated
        tot.articles += 1
        tot.add_numbers(nums)
        # per place: articles naming it, its mentions, and the counts tied to it by name
        cas = [c for c in _list(record, "casualties") if not c.get("background")]  # other events' counts
        wea = _list(record, "weapons")
        for p in _list(record, "places"):
            name = p.get("name")
            if not isinstance(name, str) or not name:
                continue
            cc = str(p.get("country_code") or "")
            key = (name, cc)
            at = coordinates(p)
            if at is not None:
                self.where.setdefault(key, at)
                self.broad.setdefault(key, p.get("type") in BROAD_PLACE_TYPES or not cc)
            t = self.places.setdefault(key, _Totals())
            t.articles += 1
            t.mentions += len(p.get("mentions") or [])
            t.add_numbers({
                "killed": _max_count(cas, lambda c, n=name: c.get("kind") == "killed" and c.get("place") == n),
                "injured": _max_count(cas, lambda c, n=name: c.get("kind") == "injured" and c.get("place") == n),
                "drones": _max_count(wea, lambda w, n=name: _is_drone(w) and w.get("place") == n),
                "missiles": _max_count(wea, lambda w, n=name: _is_missile(w) and w.get("place") == n),
            })

    def context(self) -> dict[str, Any]:
        """The index template's variables."""
        places = sorted(self.places.items(), key=lambda kv: (-kv[1].articles, -kv[1].killed, kv[0][0]))
        days = sorted(self.days.items())
        totals = _Totals()
        for _, t in days:
            totals.articles += t.articles
            totals.add_numbers(vars(t))
        totals.articles += self.undated.articles
        totals.add_numbers(vars(self.undated))
        return {
            "rows": self.rows, "errors": self.errors, "n_articles": len(self.rows),
            "places": places[:MAX_PLACE_ROWS], "n_places": len(places),
            "days": days, "undated": self.undated, "totals": totals,
            "chart_casualties": bar_chart_svg(days, ("killed", "injured"), "Casualties (killed, injured)"),
            "chart_drones": bar_chart_svg(days, ("drones",), "Drones"),
            "page_size": INDEX_PAGE_SIZE, "map": self.map(places[:MAX_PLACE_ROWS]),
        }

    def map(self, places: list[tuple[tuple[str, str], _Totals]]) -> Map | None:
        """The batch's places on a map (those of the places table, each linking to its row): dot
        area by the number of articles naming the place, a red disc by the killed tied to it."""
        from .worldmap import Dot, map_svg, share_radius

        located = [(i, key, t) for i, (key, t) in enumerate(places, 1) if key in self.where]
        most = max((t.articles for _, _, t in located), default=0)
        most_killed = max((t.killed for _, _, t in located), default=0)
        dots = []
        for i, (name, cc), t in located:
            tip = _join(f"{name} ({cc})" if cc else name, f"{t.articles:,} article{'' if t.articles == 1 else 's'}",
                        f"{t.mentions:,} mentions", f"{t.killed:,} killed" if t.killed else None,
                        f"{t.injured:,} injured" if t.injured else None)
            lon, lat = self.where[(name, cc)]
            dots.append(Dot(lon, lat, share_radius(t.articles, most), tip, name=name, href=f"#place-{i}",
                            cc=cc or None, inner=share_radius(t.killed, most_killed, 2.0, 16.0),
                            broad=self.broad.get((name, cc), True)))
        return map_svg(dots, label=f"Map of {len(dots)} places named in the articles", dot_tooltips="title")


_SERIES_CLASS = {"killed": "s-killed", "injured": "s-injured", "drones": "s-drones", "missiles": "s-missiles"}


def bar_chart_svg(days: list[tuple[str, _Totals]], series: tuple[str, ...], label: str,
                  width: int = 720, height: int = 200) -> str | None:
    """An inline SVG bar chart by day (by month when the days span more than 120 days), stacked series.

    Drawn here rather than with a charting library: no dependency, no script, prints as is.
    Returns None when there is nothing dated to draw. All text is escaped.
    """
    if not days:
        return None
    first, last = date.fromisoformat(days[0][0]), date.fromisoformat(days[-1][0])
    monthly = (last - first).days > 120
    buckets: dict[str, list[int]] = {}
    if monthly:
        keys = []
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            keys.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        keys = [date.fromordinal(o).isoformat() for o in range(first.toordinal(), last.toordinal() + 1)]
    for k in keys:
        buckets[k] = [0] * len(series)
    for d, t in days:
        k = d[:7] if monthly else d
        for i, s in enumerate(series):
            buckets[k][i] += getattr(t, s)
    top = max((sum(v) for v in buckets.values()), default=0)
    pad_l, pad_b, pad_t = 44, 22, 10
    plot_w, plot_h = width - pad_l - 8, height - pad_b - pad_t
    n = len(keys)
    slot = plot_w / n
    bar_w = max(slot * 0.8, 0.5)
    esc = html.escape
    unit = "month" if monthly else "day"
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{esc(label)} by {unit}" xmlns="http://www.w3.org/2000/svg">',
             f'<line class="axis" x1="{pad_l}" y1="{pad_t + plot_h}" x2="{width - 8}" y2="{pad_t + plot_h}"/>',
             f'<text class="tick" x="{pad_l - 4}" y="{pad_t + 8}" text-anchor="end">{top:,}</text>',
             f'<text class="tick" x="{pad_l - 4}" y="{pad_t + plot_h}" text-anchor="end">0</text>']
    for i, k in enumerate(keys):
        vals = buckets[k]
        if not any(vals):
            continue
        x = pad_l + i * slot + (slot - bar_w) / 2
        y = pad_t + plot_h
        tip = esc(f"{k}: " + ", ".join(f"{s} {v:,}" for s, v in zip(series, vals, strict=True)))
        parts.append(f"<g><title>{tip}</title>")
        for s, v in zip(series, vals, strict=True):
            if not v:
                continue
            h = plot_h * v / top if top else 0
            y -= h
            parts.append(f'<rect class="{_SERIES_CLASS[s]}" x="{x:.2f}" y="{y:.2f}" width="{bar_w:.2f}" '
                         f'height="{h:.2f}"/>')
        parts.append("</g>")
    parts.append(f'<text class="tick" x="{pad_l}" y="{height - 6}">{esc(keys[0])}</text>')
    if n > 1:
        parts.append(f'<text class="tick" x="{width - 8}" y="{height - 6}" text-anchor="end">{esc(keys[-1])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_index(summary: BatchSummary) -> str:
    """The batch overview page."""
    from markupsafe import Markup

    ctx = summary.context()
    for key in ("chart_casualties", "chart_drones"):
        if ctx[key] is not None:
            ctx[key] = Markup(ctx[key])  # noqa: S704 - built with html.escape in bar_chart_svg
    if ctx["map"] is not None:
        ctx["map"].svg = Markup(ctx["map"].svg)  # noqa: S704 - built with html.escape in worldmap
    return _env().get_template("report_index.html.j2").render(num_cols=NUM_COLS, **ctx)


# --------------------------------------------------------------------------------------------
# Writers used by the CLI
# --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_atomic(path: Path, content: str) -> None:
    """Write a file via temp file + rename, so a reader never sees half a page."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class ReportWriter:
    """Streams records into an HTML report: `add(record)` per record, `close()` at the end.

    `html_file`: one article, one page. `html_dir`: a page per article plus index.html.
    `add` returns the record to write as JSON: the article text (which the report needs, so
    the CLI asks the library for it) is dropped again unless the user asked for it or the
    input was HTML (whose text is always included); see `tap`.
    """

    def __init__(self, html_file: str | Path | None = None, html_dir: str | Path | None = None) -> None:
        if (html_file is None) == (html_dir is None):
            raise ValueError("give exactly one of html_file, html_dir")
        self.file = Path(html_file) if html_file is not None else None
        self.dir = Path(html_dir) if html_dir is not None else None
        self.summary = BatchSummary()
        self._used: set[str] = {"index.html"}
        self._n = 0
        self._from_html: deque[bool] = deque()
        self._tapped = False
        from .writers import check_writable, ensure_writable_dir

        if self.file is not None:
            check_writable(self.file)
        else:
            assert self.dir is not None
            ensure_writable_dir(self.dir, "--html-dir writes index.html and one page per article into a folder")

    def tap(self, items: Iterable[Any]) -> Iterator[Any]:
        """Pass input items through, remembering which articles came from HTML (records come back in order)."""
        self._tapped = True
        for it in items:
            self._from_html.append(bool(getattr(it, "from_html", False)))
            yield it

    def add(self, record: dict[str, Any], *, keep_text: bool = False) -> dict[str, Any]:
        """Write the record's page (or remember it for the single page); return the record for JSON output."""
        from_html = self._from_html.popleft() if self._tapped and self._from_html else False
        art = record.get("article") or {}
        self._n += 1
        if self.file is not None:
            if self._n > 1:
                raise OutputError(f"--html {self.file}: the input holds several articles; use --html-dir")
            _write_atomic(self.file, render_article(record))
        else:
            page = None
            if "error" not in record:
                page = safe_page_name(str(art.get("id") or f"article-{self._n}"), self._used)
                _write_atomic(self.dir / page, render_article(record, index_href="index.html"))
            self.summary.add(record, page)
        if keep_text or from_html or "text" not in art:
            return record
        out = dict(record)
        out["article"] = {k: v for k, v in art.items() if k != "text"}
        return out

    def close(self) -> Path:
        """Finish the report (write index.html for a directory); return the main file."""
        if self.file is not None:
            if self._n == 0:
                raise OutputError(f"--html {self.file}: no article was read")
            return self.file
        assert self.dir is not None
        index = self.dir / "index.html"
        _write_atomic(index, render_index(self.summary))
        return index
