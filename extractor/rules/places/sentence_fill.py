"""Names the gazetteer lacks: a place the text vouches for takes its country/region from the sentence.

"Kolisnykivka, a village in the Kharkiv region" -> UA, Kharkivska oblast. The type comes from the
hint or the name's last word (river, mountains, street); an unknown name with no place evidence
anywhere ("according to Bloomberg") is dropped.
"""

from __future__ import annotations

from .lexicon import PlacesLexicon
from .mentions import Mention
from .resolve import Reading

_FILL_KINDS = ("village", "locality", "city", "region", "other")
#: which resolved neighbour lends its country first: a region, then a town, then a country
_NEIGHBOUR_ORDER = {"region": 0, "city": 1, "village": 1, "country": 2}


def fill_from_sentence(mentions: list[Mention], lex: PlacesLexicon) -> None:
    """Unknown places take country/region from a resolved place in the same sentence."""
    # a name with place evidence once ("the village of X", "in X") is a place in every mention
    evident = {m["key"] for m in mentions if m["res"] is None and (m["hint"] or m.get("prep"))}
    for m in mentions:
        if m["res"] is not None:
            continue
        kind = _kind_from_name(m, lex)
        res: Reading = {"name": m["name"], "type": kind, "country_code": None, "admin1": None,
                        "lat": None, "lon": None, "pid": None}
        same = [o for o in mentions if o is not m and o["res"] is not None and o["sent"] == m["sent"]]
        same.sort(key=lambda o: (_NEIGHBOUR_ORDER.get(o["res"]["type"], 3), abs(o["start"] - m["start"])))
        for o in same:
            r = o["res"]
            if r.get("country_code"):
                res["country_code"] = r["country_code"]
                if r["type"] == "region":
                    res["admin1"] = r.get("admin1")
                break
        if m["hint"] is None and not same and not m.get("prep") and m["key"] not in evident:
            continue  # an unknown name with no place around it ("according to Bloomberg")
        if res["country_code"] is None:
            # "Bahanaga, a small village near the tracks": the nearest place named before it
            before = [o for o in mentions if o["start"] < m["start"] and o["res"] is not None
                      and o["res"].get("country_code")]
            if before:
                res["country_code"] = before[-1]["res"]["country_code"]
        m["res"] = res
    mentions[:] = [m for m in mentions if m["res"] is not None]


def _kind_from_name(m: Mention, lex: PlacesLexicon) -> str:
    """The type of an unknown place from its hint or its last word; a water, feature or street
    word also becomes the mention's hint (place evidence of its own)."""
    kind = m["hint"] if m["hint"] in _FILL_KINDS else "locality"
    last = m["name"].split()[-1].lower()
    multi = len(m["name"].split()) >= 2
    if last in lex.water_words:
        kind = "water"
        m["hint"] = m["hint"] or ("water" if multi else None)  # "the Guadalupe River": a place alone
    elif last in lex.feature_words and multi:
        kind = "other"
        m["hint"] = m["hint"] or "other"  # "the Nuba Mountains", "the Bolan Pass"
    elif last in lex.street_words:
        kind = "locality"
        m["hint"] = m["hint"] or "locality"  # a named street is a place even alone in its sentence
    return kind
