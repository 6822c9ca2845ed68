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
    """Unknown places take country/region from a resolved place in the same sentence.

    `mentions` come in text order. Each look-up touches only the mention's own sentence and the
    places with a country seen so far (nearest first), not every mention of the text: a list of
    thousands of unknown villages stays linear instead of comparing each with all the others."""
    # a name with place evidence once ("the village of X", "in X") is a place in every mention
    evident = {m["key"] for m in mentions if m["res"] is None and (m["hint"] or m.get("prep"))}
    by_sent: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m["sent"], []).append(m)
    with_country: list[Mention] = []  # mentions passed so far whose reading has a country, in order
    for m in mentions:
        if m["res"] is not None:
            if m["res"].get("country_code"):
                with_country.append(m)
            continue
        kind = _kind_from_name(m, lex)
        res: Reading = {"name": m["name"], "type": kind, "country_code": None, "admin1": None,
                        "lat": None, "lon": None, "pid": None}
        same = [o for o in by_sent[m["sent"]] if o is not m and o["res"] is not None]
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
            before = next((o for o in reversed(with_country) if o["start"] < m["start"]), None)
            if before is not None:
                res["country_code"] = before["res"]["country_code"]
        m["res"] = res
        if res["country_code"]:
            with_country.append(m)
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
