"""The rich terminal summary of one article record (what `extract FILE` prints without --json).

Works from the output record only (never from a Doc), fits 100 columns, and degrades to plain
text when colour is off (NO_COLOR, a pipe): tables use ASCII-safe box characters then.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

MAX_WIDTH = 100


def _qualified(count: int | None, qualifier: str | None, vague: str | None) -> str:
    if count is None:
        return vague or "?"
    words = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to ",
             "fewer_than": "fewer than "}
    return f"{words.get(qualifier or '', '')}{count:,}"


def _header(rec: dict[str, Any]) -> Text:
    art = rec["article"]
    title = art.get("title") or art.get("id") or "(untitled)"
    meta = [x for x in (art.get("publisher"), art.get("published"), art.get("byline")) if x]
    out = Text(title, style="bold")
    out.append("\n" + " · ".join(meta + [f"{art.get('words', 0):,} words"]), style="dim")
    return out


def _quotes_table(rec: dict[str, Any]) -> Table | None:
    quotes = rec.get("quotes") or []
    if not quotes:
        return None
    table = Table(title=f"Quotes ({len(quotes)})", box=box.SIMPLE_HEAD, expand=True, title_justify="left")
    table.add_column("speaker", style="cyan", ratio=1, overflow="fold")
    table.add_column("quote", ratio=4, overflow="fold")
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        name = (q.get("speaker") or {}).get("name") or "(unattributed)"
        by_speaker[name].append(q)
    for name, qs in by_speaker.items():
        for i, q in enumerate(qs):
            text = " … ".join(f["text"] for f in q.get("fragments") or []) or q.get("text", "")
            table.add_row(name if i == 0 else "", f"“{text}”")
    return table


def _counts_table(rec: dict[str, Any]) -> Table | None:
    cas, weap = rec.get("casualties") or [], rec.get("weapons") or []
    if not cas and not weap:
        return None
    table = Table(title="Casualties and weapons", box=box.SIMPLE_HEAD, expand=True, title_justify="left")
    table.add_column("what", style="magenta", no_wrap=True)
    table.add_column("count", justify="right", no_wrap=True)
    table.add_column("details", ratio=2, overflow="fold")
    table.add_column("evidence", ratio=3, overflow="fold", style="dim")
    for c in cas:
        flags = ("hedged" if c.get("hedged") else None, "background" if c.get("background") else None)
        details = ", ".join(x for x in (c.get("who"), c.get("place"), *flags) if x)
        table.add_row(c["kind"], _qualified(c.get("count"), c.get("qualifier"), c.get("vague")), details, c["text"])
    for w in weap:
        parts = [(w.get("action") or "").replace("_", " ") or None]
        if w.get("operator"):
            parts.append(f"from {w['operator']}")
        if w.get("by"):
            parts.append(f"by {w['by']}")
        if w.get("place"):
            parts.append(f"over {w['place']}")
        table.add_row(w["weapon"], _qualified(w.get("count"), w.get("qualifier"), w.get("vague")),
                      " ".join(p for p in parts if p), w["text"])
    return table


def _totals_line(rec: dict[str, Any]) -> Text | None:
    """The article's own figures (`totals`): what "how many?" answers, per casualty kind and weapon/action."""
    totals = rec.get("totals") or {}
    cas = totals.get("casualties") or {}
    weap = totals.get("weapons") or []
    if not cas and not weap:
        return None
    out = Text("How many: ", style="bold")
    items = [(kind, t) for kind, t in cas.items()]
    items += [(f"{w['weapon']} {(w.get('action') or '').replace('_', ' ')}".strip(), w) for w in weap]
    for i, (label, t) in enumerate(items):
        if i:
            out.append(" · ")
        out.append(f"{label} ", style="magenta")
        out.append(_qualified(t.get("count"), t.get("qualifier"), t.get("vague")), style="bold")
    return out


def _places_line(rec: dict[str, Any]) -> Text | None:
    places = rec.get("places") or []
    if not places:
        return None
    out = Text("Places: ", style="bold")
    for i, p in enumerate(places):
        if i:
            out.append(", ")
        out.append(p["name"], style="green")
        extra = p.get("country_code")
        if extra and p.get("type") != "country":
            out.append(f" ({extra})", style="dim")
    return out


def _actors_line(rec: dict[str, Any], top: int = 12) -> Text | None:
    actors = [a for a in rec.get("actors") or [] if a.get("type") != "GPE"]
    if not actors:
        return None
    actors = sorted(actors, key=lambda a: -len(a.get("mentions") or []))[:top]
    out = Text("Actors: ", style="bold")
    for i, a in enumerate(actors):
        if i:
            out.append(", ")
        out.append(a["name"], style="yellow")
        n = len(a.get("mentions") or [])
        title = (a.get("titles") or [None])[0]
        extra = ", ".join(x for x in (title, f"{n}×" if n > 1 else None) if x)
        if extra:
            out.append(f" ({extra})", style="dim")
    return out


def _dates_line(rec: dict[str, Any]) -> Text | None:
    dates = rec.get("dates") or []
    if not dates:
        return None
    seen: dict[str, str] = {}
    for d in dates:
        seen.setdefault(d["text"], d.get("date") or "?")
    return Text("Dates: ", style="bold").append(", ".join(f"{t} → {v}" for t, v in seen.items()))


def render_record(rec: dict[str, Any]) -> Group | Panel:
    """A renderable for one record (article or error)."""
    if "error" in rec:
        err = rec["error"]
        return Panel(Text(f"{err['type']}: {err['message']}"), title=str(rec["article"].get("id")),
                     border_style="red", box=box.ASCII)
    parts: list[Any] = [_header(rec)]
    for part in (_quotes_table(rec), _totals_line(rec), _counts_table(rec), _places_line(rec), _actors_line(rec),
                 _dates_line(rec)):
        if part is not None:
            parts.append(part)
    if rec.get("warnings"):
        parts.append(Text("Warnings: " + "; ".join(rec["warnings"]), style="yellow"))
    return Group(*parts)


def print_summary(rec: dict[str, Any], console: Console) -> None:
    """Print one record's summary followed by a rule."""
    console.print(render_record(rec))
    console.rule(style="dim")
