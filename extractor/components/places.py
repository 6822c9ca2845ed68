"""Places: every named place in the article, geocoded offline and merged across spellings.

Sources of mentions (after entities.py has repaired the labels):
- GPE / LOC entities (minus compass-point blocs and nationality words);
- the country inside an institution actor ("Russia's defense ministry" -> Russia);
- the wire dateline ("KYIV, Ukraine (AP) —").
Nothing else: raw tokens are never matched against the gazetteer, so common words (Of,
Mobile, Reading, Nice, Bath) only become places when the tagger or a place context says so.

Geocoding (extractor/gazetteer.py, loaded on the first look-up): country aliases and
seas/regions from models/lexicons/places first, then GeoNames candidates scored by kind
(a country, or a region when the text says "region"), population, closeness of spelling and
the article's context (countries and regions it mentions: Pokrovsk in a Ukraine story is the
Ukrainian one). A village absent from the gazetteer keeps the region/country named in its
sentence ("Kolisnykivka, a village in the Kharkiv region" -> UA, Kharkivska oblast).
Mentions of one place ("U.S.", "US", "America", "the United States") are one entry.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import Any, ClassVar

from spacy.tokens import Doc, Span

from ..lexicons import read_wordlist
from .base import DataComponent, GazetteerUser, doc_text
from .entities import _PREP_PLACE_STRICT, PLACE_LABELS, _spelling_variant, read_tsv, strong_name_match

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_LIST_GLUE = frozenset({",", "and", "or", "&"})
#: Capitalised region words that still mean "region" ("Kherson Oblast"); "United States",
#: "Islamic State", "Gaza Strip" keep their last word.
_CAP_REGION_WORDS = frozenset({"oblast", "province", "governorate", "region", "prefecture", "krai", "township"})


class PlacesComponent(GazetteerUser, DataComponent):
    """Collects, geocodes and merges place mentions into doc._.extractor_places."""

    DATA_FILES: ClassVar[tuple[str, ...]] = (
        "lexicons/places/not_places.txt",
        "lexicons/places/region_words.txt",
        "lexicons/places/settlement_words.txt",
        "lexicons/places/country_aliases.tsv",
        "lexicons/places/extra_places.tsv",
        "lexicons/places/water_words.txt",
        "lexicons/places/feature_words.txt",
        "lexicons/places/street_words.txt",
        "lexicons/entities/demonyms.tsv",
        "lexicons/places/not_place_heads.txt",
    )

    def __init__(self, nlp: Any, name: str) -> None:
        super().__init__(nlp, name)

    def _load(self, paths: dict[str, Path]) -> None:
        p = "lexicons/places/"
        self.not_places = frozenset(w.lower() for w in read_wordlist(paths[p + "not_places.txt"]))
        self.region_words = frozenset(w.lower() for w in read_wordlist(paths[p + "region_words.txt"]))
        self.settlement_words = {r[0]: r[1] for r in read_tsv(paths[p + "settlement_words.txt"])}
        self.country_aliases = {r[0].lower(): r[1].split() for r in read_tsv(paths[p + "country_aliases.tsv"])}
        self.extra = {}
        for r in read_tsv(paths[p + "extra_places.tsv"]):
            self.extra[r[0].lower()] = {
                "name": r[0], "type": r[1], "country_code": None if r[2] == "-" else r[2],
                "admin1": None if r[3] == "-" else r[3], "lat": float(r[4]), "lon": float(r[5])}
        self.street_words = frozenset(w.lower() for w in read_wordlist(paths[p + "street_words.txt"]))
        self.water_words = frozenset(w.lower() for w in read_wordlist(paths[p + "water_words.txt"]))
        self.feature_words = frozenset(w.lower() for w in read_wordlist(paths[p + "feature_words.txt"]))
        self.demonym_cc = {r[0].lower(): r[1] for r in read_tsv(paths["lexicons/entities/demonyms.tsv"])}
        self.demonyms = frozenset(self.demonym_cc)
        self.not_place_heads = frozenset(w.lower() for w in read_wordlist(paths[p + "not_place_heads.txt"]))

    # ------------------------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        mentions = self._mentions(doc)
        if not mentions:
            doc._.extractor_places = []
            return
        # pass 1: no context; pass 2: with the countries/regions pass 1 found
        first = {m["key"]: self._resolve(m, None) for m in mentions}
        votes: dict[str, tuple[str, int]] = {}
        ctx_cc: Counter[str] = Counter()
        ctx_admin: set[str] = set()
        named: set[str] = set()
        for m in mentions:
            r = first[m["key"]]
            # context: countries and regions named, and big cities (a hamlet abroad must not vote)
            if r and r.get("country_code") and not r.get("alt") and (
                    r["type"] in ("country", "region") or r.get("pop", 0) >= 100000):
                w = 3 if r["type"] == "country" else 1
                ctx_cc[r["country_code"]] += w
                cc0, w0 = votes.get(m["key"], (r["country_code"], 0))
                votes[m["key"]] = (cc0, w0 + w)
            if r and r["type"] == "region" and r.get("admin1"):
                ctx_admin.add(r["admin1"])
            if r and r["type"] == "country" and r.get("country_code"):
                named.add(r["country_code"])
        for ent in doc.ents:  # "Lebanese officials said": nationalities vote too
            if ent.label_ == "NORP" and self.demonym_cc.get(ent.text.lower(), "-") != "-":
                ctx_cc[self.demonym_cc[ent.text.lower()]] += 1
        cache: dict[tuple, dict[str, Any] | None] = {}
        for m in mentions:
            k = (m["key"], m["hint"])
            if k not in cache:
                own = Counter(ctx_cc)
                if m["key"] in votes:  # an ambiguous name must not vote for its own reading
                    own[votes[m["key"]][0]] -= votes[m["key"]][1]
                own = Counter({c: w for c, w in own.items() if w > 0})
                own_named = set(named)
                r0 = first[m["key"]]
                if r0 and r0["type"] == "country":
                    own_named.discard(r0["country_code"])
                cache[k] = self._resolve(m, {"cc": own, "admin1": ctx_admin, "named": own_named})
            m["res"] = cache[k]
        mentions[:] = [m for m in mentions if not m["medium"] or (m["res"] is not None and (
            m["res"]["type"] in ("country", "region") or m["res"].get("pop", 0) >= 100000))]
        self._fill_from_sentence(mentions)
        doc._.extractor_places = self._merge(doc, mentions)

    # mentions ------------------------------------------------------------------------------
    def _mentions(self, doc: Doc) -> list[dict[str, Any]]:
        from ..gazetteer import fold

        layout = doc._.extractor_layout or {}
        footer_start = (layout.get("footer") or {}).get("start", len(doc_text(doc)) + 1)
        out: list[dict[str, Any]] = []
        ents = [e for e in doc.ents if e.start_char < footer_start]
        for ent in ents:
            if ent.label_ in PLACE_LABELS:
                span, hint = self._clean(ent)
                if span is not None:
                    out.append(self._mention(span, hint or self._hint(span)))
            elif ent.label_ == "ORG":  # "Russia's defense ministry": the country is a place mention
                for i, tok in enumerate(ent):
                    if tok.lower_ in _POSSESSIVE and i > 0:
                        owner = ent[:i]
                        if self._is_country(owner.text):
                            out.append(self._mention(owner, None))
                        break
                else:  # "the U.S. military", "Gaza civil defence agency": a place + lower-case words
                    i = next((k for k, tok in enumerate(ent) if tok.is_lower), 0)
                    owner = ent[:i]
                    if i > 0 and all(t.is_lower for t in ent[i:]) and owner.text[:1].isupper() and (
                            self._is_country(owner.text)
                            or any(not c.alternate for c in self.gazetteer.lookup(owner.text))):
                        out.append(self._mention(owner, None))
        dl = layout.get("dateline")
        if dl and dl.get("place"):
            start = dl["place_start"]
            for part in dl["place"].split(","):
                lead = len(part) - len(part.lstrip())
                s, e = start + lead, start + lead + len(part.strip())
                start += len(part) + 1
                if e > s and not any(m["start"] <= s < m["end"] for m in out):
                    span = doc.char_span(s, e, alignment_mode="expand")
                    if span is not None and span.text == doc_text(doc)[s:e]:
                        out.append(self._mention(span, None))
        for m in out:
            m["key"] = fold(m["name"])
        return sorted([m for m in out if m["key"]], key=lambda m: m["start"])

    def _mention(self, span: Span, hint: str | None) -> dict[str, Any]:
        text = span.text
        name = text.title() if text.isupper() and len(text) > 3 and "." not in text else text
        sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
        before = span.doc[span.start - 1] if span.start > 0 else None
        after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        # "in X" (not "in X's kingdom"): evidence for an unknown name
        prep = before is not None and before.lower_ in _PREP_PLACE_STRICT and after not in _POSSESSIVE
        # "wrote in Politico", "believe in Satan": a publication or a belief, not a place
        medium = prep and before.head.lemma_.lower() in self.not_place_heads and not self._is_country(text)
        return {"medium": medium,
                "text": text, "name": name, "start": span.start_char, "end": span.end_char, "hint": hint,
                "sent": (sent.start_char, sent.end_char), "res": None, "prep": prep and not medium}

    def _clean(self, ent: Span) -> tuple[Span | None, str | None]:
        """'the Kharkiv region' -> ('Kharkiv', 'region'); drop blocs and nationality words."""
        doc = ent.doc
        start, end = ent.start, ent.end
        hint = None
        while end > start and (doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
            if doc[start].text == "The" and end - start >= 2 and any(
                    not c.alternate for c in self.gazetteer.lookup(doc[start:end].text)):
                break  # "The Hague", "The Gambia": the article is part of the name
            start += 1
        if end - start >= 2 and doc[end - 1].lower_ in self.region_words and (
                doc[end - 1].is_lower or doc[end - 1].lower_ in _CAP_REGION_WORDS):
            end -= 1
            hint = "region"
        if end <= start:
            return None, None
        span = doc[start:end]
        low = span.text.lower()
        if low in self.not_places or low in self.demonyms or not span.text[:1].isupper():
            return None, None
        if low.split()[-1] in self.settlement_words and len(low.split()) == 1:
            return None, None
        return span, hint

    def _hint(self, span: Span) -> str | None:
        """Type evidence around the name: 'X region(s)', 'the village of X', 'X, a village'."""
        doc = span.doc
        # right: through a list of names to a region word ("Kharkiv, Sumy and Poltava regions")
        i = span.end
        steps = 0
        while i < len(doc) and steps < 30:
            t = doc[i]
            if t.lower_ in self.region_words:
                return "region"
            if t.text in _LIST_GLUE or (t.ent_type_ in PLACE_LABELS) or (t.text[:1].isupper() and t.pos_ == "PROPN"):
                i += 1
                steps += 1
                continue
            break
        # right: "the Nuseirat refugee camp", "Zawaida town"
        nxt = [t.text for t in doc[span.end: span.end + 2]]
        for w in nxt:
            if w in self.settlement_words and w.islower():
                return self.settlement_words[w]
            if w not in ("refugee", "displacement", "displaced", "IDP"):
                break
        # left: "the village of X"
        if span.start >= 2 and doc[span.start - 1].lower_ == "of":
            w = doc[span.start - 2].lower_
            if w in self.settlement_words and w != "capital":  # "the capital of X": X is bigger
                return self.settlement_words[w]
        # apposition: "X, a (small) village"
        j = span.end
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("a", "an", "the"):
            for t in doc[j + 2: j + 5]:
                if t.lower_ in self.settlement_words:
                    return self.settlement_words[t.lower_]
        return None

    def _is_country(self, text: str) -> bool:
        low = text.lower().removeprefix("the ")
        if low in self.country_aliases:
            return True
        return any(c.kind == "country" and not c.alternate for c in self.gazetteer.lookup(text))

    # geocoding ----------------------------------------------------------------------------
    def _resolve(self, m: dict[str, Any], context: dict[str, Any] | None) -> dict[str, Any] | None:
        name, hint = m["name"], m["hint"]
        low = name.lower()
        if low in self.country_aliases:
            codes = self.country_aliases[low]
            code = codes[0]
            if context and len(codes) > 1:
                code = max(codes, key=lambda c: (context["cc"].get(c, 0), -codes.index(c)))
            c = self.gazetteer.country(code)
            if c is not None:
                return self._from_candidate(c, hint, name)
        if low in self.extra:
            return dict(self.extra[low])
        cands = self.gazetteer.lookup(name)
        if not cands:
            return None
        best = max(cands, key=lambda c: self._score(name, c, hint, context))
        if self._score(name, best, hint, context) < -4:
            return None
        if not strong_name_match(name, best) and not (context and context["cc"].get(best.country_code or "")):
            return None  # a loose alternate name is only believable inside the article's countries
        if best.kind == "admin1" and hint != "region":
            # "Kyiv", "Khartoum": a city that is also its own region is meant as the city
            for c in cands:
                if c.kind == "city" and c.country_code == best.country_code and strong_name_match(name, c) \
                        and (c.capital or c.population >= 0.25 * best.population):
                    best = c
                    break
        if context and context["cc"] and best.kind == "city" and best.population < 100000 and \
                not context["cc"].get(best.country_code or ""):
            return None  # a hamlet abroad is a worse guess than the sentence's own country
        res = self._from_candidate(best, hint, name)
        if name.split()[-1].lower() in self.water_words:
            res["type"] = "water"
        return res

    def _score(self, name: str, c: Any, hint: str | None, context: dict[str, Any] | None) -> float:
        """Higher is likelier. Weights: a tenfold population is worth one point, a country or
        region reading of an exact name 1-5, the article's context 3 (a country it names) and a
        capital 2, so "Warsaw" in a US story is still Poland's capital but "Pokrovsk" in a
        Ukraine story is the Ukrainian town."""
        s = 0.0
        if not strong_name_match(name, c):
            s -= 6
        elif c.alternate:
            s -= 0.5
        if c.kind == "country":
            s += 4 if not c.alternate else 1
        elif c.kind == "admin1":
            s += 5 if hint == "region" else (1 if not c.alternate else -1)  # "Ohio", "Nevada": the state
        elif hint == "region":
            s -= 1
        s += math.log10(c.population + 1)
        if c.capital:
            s += 2
        if context:
            if c.country_code and context["cc"].get(c.country_code):
                s += 3 * context["cc"][c.country_code] / max(context["cc"].values())
                if c.country_code in context.get("named", ()):
                    s += 1
            elif context["cc"] and c.alternate:
                s -= 3  # "Suzu" in a Japan story is not Suzhou
            if c.admin1 and c.admin1 in context["admin1"] and c.kind != "admin1":
                s += 1.5
        return s

    def _from_candidate(self, c: Any, hint: str | None, name: str) -> dict[str, Any]:
        if c.kind == "country":
            kind = "country"
        elif c.kind == "admin1" or hint == "region":
            kind = "region"
        elif hint in ("village", "locality", "other"):
            kind = hint
        else:
            kind = "village" if 0 < c.population < 2000 else "city"
        res = {"name": c.name, "type": kind, "country_code": c.country_code,
               "admin1": c.admin1 if c.kind != "country" else None, "lat": c.lat, "lon": c.lon, "pid": c.pid,
               "pop": c.population, "alt": c.alternate}
        if kind == "region" and c.kind == "city":  # "the Kharkiv region" resolved through its capital
            region = self.gazetteer.admin1(c.country_code, c.admin1) if c.admin1 else None
            if region is not None:
                res.update(lat=region.lat, lon=region.lon, pid=region.pid)
            else:
                res["pid"] = None
        return res

    def _fill_from_sentence(self, mentions: list[dict[str, Any]]) -> None:
        """Unknown places take country/region from a resolved place in the same sentence."""
        # a name with place evidence once ("the village of X", "in X") is a place in every mention
        evident = {m["key"] for m in mentions if m["res"] is None and (m["hint"] or m.get("prep"))}
        for m in mentions:
            if m["res"] is not None:
                continue
            kind = m["hint"] if m["hint"] in ("village", "locality", "city", "region", "other") else "locality"
            last = m["name"].split()[-1].lower()
            multi = len(m["name"].split()) >= 2
            if last in self.water_words:
                kind = "water"
                m["hint"] = m["hint"] or ("water" if multi else None)  # "the Guadalupe River": a place alone
            elif last in self.feature_words and multi:
                kind = "other"
                m["hint"] = m["hint"] or "other"  # "the Nuba Mountains", "the Bolan Pass"
            elif last in self.street_words:
                kind = "locality"
                m["hint"] = m["hint"] or "locality"  # a named street is a place even alone in its sentence
            res = {"name": m["name"], "type": kind, "country_code": None, "admin1": None,
                   "lat": None, "lon": None, "pid": None}
            same = [o for o in mentions if o is not m and o["res"] is not None and o["sent"] == m["sent"]]
            same.sort(key=lambda o: ({"region": 0, "city": 1, "village": 1, "country": 2}.get(o["res"]["type"], 3),
                                     abs(o["start"] - m["start"])))
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

    @staticmethod
    def _variant_group(name: str, r: dict[str, Any], order: list[Any], groups: dict[Any, dict[str, Any]]) -> Any:
        from ..gazetteer import fold

        form = _article_form(name)
        for g in order:
            other = groups[g]["res"]
            if r.get("pid") and other.get("pid"):
                continue  # two gazetteer places are two places
            forms = {_article_form(fold(other["name"]))} | {_article_form(fold(x["name"]))
                                                            for x in groups[g]["mentions"]}
            if form in forms or _spelling_variant(form, forms):
                return g
        return None

    # output -------------------------------------------------------------------------------
    def _merge(self, doc: Doc, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        from ..gazetteer import fold

        groups: dict[Any, dict[str, Any]] = {}
        order: list[Any] = []
        by_name: dict[tuple, Any] = {}
        for m in mentions:
            r = m["res"]
            gid = ("pid", r["pid"]) if r.get("pid") else ("name", fold(r["name"]), r.get("country_code"))
            nkey = (m["key"], r.get("country_code"))
            if gid not in groups and nkey in by_name:
                gid = by_name[nkey]  # "Kharkiv" city and "the Kharkiv region": one name, one entry
            if gid not in groups:
                # "Kherbet Selm" ... "Khirbet Selm", "Deir al-Balah" ... "Deir El-Balah": a spelling
                # variant of a place named earlier (one of the two not found in the gazetteer)
                match = self._variant_group(fold(r["name"]), r, order, groups)
                if match is not None:
                    if groups[match]["res"].get("pid") is None and r.get("pid"):
                        groups[match]["res"] = r  # the gazetteer's reading wins
                    gid = match
            if gid not in groups:
                groups[gid] = {"res": r, "mentions": []}
                order.append(gid)
            by_name.setdefault(nkey, gid)
            groups[gid]["mentions"].append(m)
        out = []
        text = doc_text(doc)  # built on every access: read it once
        for gid in order:
            g = groups[gid]
            r = g["res"]
            texts = [m["name"] for m in g["mentions"]]
            name = max(texts, key=lambda t: (len(t), -texts.index(t)))
            if r["type"] == "country" and (name.isupper() or "." in name):
                name = r["name"]
            out.append({
                "name": name,
                "type": r["type"],
                "country_code": r.get("country_code"),
                "admin1": r.get("admin1"),
                "lat": r.get("lat"),
                "lon": r.get("lon"),
                "mentions": [{"text": text[m["start"]:m["end"]], "start": m["start"], "end": m["end"]}
                             for m in g["mentions"]],
            })
        return out


_ARTICLE_RE = re.compile(r"\b(?:al|el|ad|ed|ash|esh|as|es|at|et|az|ez|ar|er|an|en)[-\s]+(?=\w)")


def _article_form(folded: str) -> str:
    """A folded name with the Arabic article normalised: 'deir el-balah' == 'deir al balah'."""
    return _ARTICLE_RE.sub("al ", folded.replace("-", " ")).strip()

