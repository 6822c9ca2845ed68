"""One output entry per place: mentions merged by gazetteer id, by name, or as spelling variants.

"U.S.", "US", "America" and "the United States" are one entry; "Kharkiv" and "the Kharkiv region"
too. The entry's name is its longest mention (a country's own name for "U.S."); offsets are exact.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ...extensions import add_warning, doc_text
from .mentions import Mention
from .variants import VariantIndex


def merge_places(doc: Doc, mentions: list[Mention]) -> list[dict[str, Any]]:
    """The `extractor_places` entries, in order of first mention."""
    from ...gazetteer import fold

    groups: dict[Any, dict[str, Any]] = {}
    order: list[Any] = []
    by_name: dict[tuple, Any] = {}
    variants = VariantIndex()
    for m in mentions:
        r = m["res"]
        gid = ("pid", r["pid"]) if r.get("pid") else ("name", fold(r["name"]), r.get("country_code"))
        nkey = (m["key"], r.get("country_code"))
        if gid not in groups and nkey in by_name:
            gid = by_name[nkey]  # "Kharkiv" city and "the Kharkiv region": one name, one entry
        if gid not in groups:
            # "Kherbet Selm" ... "Khirbet Selm", "Deir al-Balah" ... "Deir El-Balah": a spelling
            # variant of a place named earlier (one of the two not found in the gazetteer)
            match = variants.find(fold(r["name"]), r, groups)
            if match is not None:
                if groups[match]["res"].get("pid") is None and r.get("pid"):
                    groups[match]["res"] = r  # the gazetteer's reading wins
                    variants.set_reading(match, r["name"])
                gid = match
        if gid not in groups:
            groups[gid] = {"res": r, "mentions": []}
            order.append(gid)
            variants.add_group(gid, r["name"])
        by_name.setdefault(nkey, gid)
        groups[gid]["mentions"].append(m)
        variants.add_mention(gid, m["name"])
    if variants.exhausted:
        add_warning(doc, f"places: spelling variants looked for among the first {variants.budget} candidates "
                         f"only ({len(order)} distinct places); later names join a place only when spelled alike")
    text = doc_text(doc)  # built on every access: read it once
    return [_entry(groups[gid], text) for gid in order]


def _entry(g: dict[str, Any], text: str) -> dict[str, Any]:
    """The output entry of one merged place."""
    r = g["res"]
    texts = [m["name"] for m in g["mentions"]]
    name = max(texts, key=lambda t: (len(t), -texts.index(t)))
    if (r["type"] == "country" or r.get("abbrev")) and (name.isupper() or "." in name or (
            r["type"] == "country" and name.lower().endswith(" of " + r["name"].lower()))):
        name = r["name"]  # "U.S." -> United States, "Tenn." -> Tennessee, "Republic of Armenia" -> Armenia
    return {
        "name": name,
        "type": r["type"],
        "country_code": r.get("country_code"),
        "admin1": r.get("admin1"),
        "lat": r.get("lat"),
        "lon": r.get("lon"),
        "geonameid": r.get("geonameid"),
        "mentions": [{"text": text[m["start"]:m["end"]], "start": m["start"], "end": m["end"]}
                     for m in g["mentions"]],
    }
