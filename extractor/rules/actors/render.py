"""The `extractor_actors` output: one entry per live group, ids a1.. in order of first mention.

The name is the fullest form (most words, then the possessive institution form, then the first
seen); every distinct form is an alias; people get their titles (titles.py); every mention is listed.
"""

from __future__ import annotations

from typing import Any

from .keys import Group
from .titles import titles_of


def render_actors(groups: list[Group], titles: frozenset[str]) -> list[dict[str, Any]]:
    """Output entries of the groups that still have mentions (sorts their spans in place)."""
    live = [g for g in groups if g["spans"]]
    for g in live:
        g["spans"].sort(key=lambda s: s.start_char)
    live.sort(key=lambda g: g["spans"][0].start_char)
    out = []
    for n, g in enumerate(live, 1):
        spans = g["spans"]
        aliases = list(dict.fromkeys(s.text for s in spans))
        name = best_name(g["type"], aliases)
        found: list[str] = []
        if g["type"] == "PERSON":
            for s in spans:
                for t in titles_of(s, titles):
                    if t not in found:
                        found.append(t)
        out.append({
            "id": f"a{n}",
            "name": name,
            "type": g["type"],
            "aliases": aliases,
            "titles": found,
            "mentions": [{"text": s.text, "start": s.start_char, "end": s.end_char} for s in spans],
        })
    return out


def best_name(kind: str, aliases: list[str]) -> str:
    """Fullest form: most words, then the possessive institution form, then first seen."""
    def score(a: str) -> tuple:
        return (len(a.split()), "'s " in a.replace("’", "'"), -aliases.index(a))
    return max(aliases, key=score)
