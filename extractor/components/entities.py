"""Repair the pretrained NER before actors and places are read from `doc.ents`.

The small English model makes a handful of systematic mistakes on news text: it glues the
headline to the first body word, tags the same surname PERSON in one sentence and ORG in
the next, tags Ukrainian or Sudanese cities as people or products, and splits institutions
written possessively ("Russia's" + "Defense Ministry"). This component rewrites `doc.ents`
with document-level evidence so every downstream component sees the same clean entities:

1. Spans are cut at line breaks, at the headline/body boundary and before a "Source:"
   footer; entities in the footer line are dropped.
2. Headline entities are unreliable (title case): a headline span is kept only when the
   body confirms it (same text tagged there), relabelled with the body's label.
3. A name that is a known place (gazetteer, strong match, >= 15k inhabitants, or a
   country/region) and is not the surname of a person named in the article becomes GPE;
   so does any capitalised name in a place context ("the village of X", "X, a village",
   "the X region", a list coordinated with places).
4. A name once seen as a PERSON (whole or as the surname of a full name) is a PERSON
   everywhere ("Trump" tagged ORG, "Lysak" tagged GPE).
5. "Russia's defense ministry", "Ukraine's military", "the Ukrainian air force": a country
   (possessive) or nationality followed by a state institution is one ORG span.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicons import read_wordlist
from .base import DataComponent, GazetteerUser, doc_text

PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Labels the small model wrongly gives to place names (FAC excluded: facilities are not places).
_MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE", "FAC"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: lower-case nouns after an organisation's name: "the Viv Ansanm group", "the Pyu Saw Htee militia"
_GROUP_NOUNS = frozenset({"group", "militia", "gang", "movement", "faction", "alliance", "coalition"})
_GROUP_NOUN_RE = re.compile(r"\b(?:" + "|".join(sorted(_GROUP_NOUNS)) + r")\b")
#: generic nouns that close an institution's name: "civil defence agency", "police service"
_INSTITUTION_TAILS = frozenset({"agency", "authority", "department", "directorate", "service", "office",
                                "command", "force", "forces", "unit"})
_MIN_POP = 15000
_PLACE_PREPS = frozenset({"in", "near", "outside", "from", "to", "at", "across", "towards", "toward"})
#: prepositions after which a capitalised name is a place even if the gazetteer lacks it
#: ("from"/"to"/"at" excluded: "a letter from Smith", "spoke to Ahmed", "angry at Khan")
_PREP_PLACE_STRICT = frozenset({"in", "near", "outside", "inside", "around", "across", "towards", "toward"})
#: administrative-unit nouns of "the Province(s) of X" (not "Department of", "State of")
_ADMIN_WORDS = frozenset({"province", "provinces", "region", "regions", "district", "districts", "governorate",
                          "governorates", "prefecture", "prefectures", "oblast", "oblasts", "county", "counties"})
_DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "north-eastern",
                         "north-western", "south-eastern", "south-western", "northeastern", "northwestern",
                         "southeastern", "southwestern"})
#: verbs of publishing: their subject is a source ("The Standard reported")
_REPORT_VERBS = frozenset({"report", "quote", "cite", "publish"})
_PREP_NEAR = frozenset({"near", "outside", "around", "towards", "toward"})
_PAREN_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_ACRONYM_GLUE = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "-", "‑", "'", "’"})


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated lexicon (comments and blank lines dropped)."""
    return [line.split("\t") for line in read_wordlist(path)]


@lru_cache(maxsize=8192)
def _close(q: str, n: str) -> bool:
    return n.startswith(q + " ") or difflib.SequenceMatcher(None, q, n).ratio() >= 0.8


def strong_name_match(query: str, cand: Any) -> bool:
    """True when `query` names `cand` by its main name or by a close spelling of it.

    Alternate names in GeoNames include translations ("White House" = Casablanca) and
    historic names; only spelling variants (Mykolaiv/Mykolayiv, Kirovohrad/Kirovohradska
    oblast) are strong enough to overrule the tagger.
    """
    if not cand.alternate:
        return True
    from ..gazetteer import fold

    q = fold(query)
    names = [fold(cand.name)]
    if cand.kind == "admin1":
        names.append(" ".join(w for w in names[0].split() if w not in {"oblast", "region", "province"}))
    return any(_close(q, n) for n in names if n)


class EntityFixer(GazetteerUser, DataComponent):
    """Rewrites doc.ents using layout, document-level evidence and the gazetteer."""

    DATA_FILES: ClassVar[tuple[str, ...]] = (
        "lexicons/places/not_places.txt",
        "lexicons/places/region_words.txt",
        "lexicons/places/settlement_words.txt",
        "lexicons/places/country_aliases.tsv",
        "lexicons/places/extra_places.tsv",
        "lexicons/places/street_words.txt",
        "lexicons/entities/demonyms.tsv",
        "lexicons/entities/institutions.txt",
        "lexicons/entities/titles.txt",
        "lexicons/entities/units.txt",
        "lexicons/entities/person_verbs.txt",
        "lexicons/places/compound_modifiers.txt",
        "lexicons/places/not_place_heads.txt",
        "lexicons/entities/vessel_prefixes.txt",
        "lexicons/places/feature_words.txt",
        "lexicons/places/water_words.txt",
    )

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._known: dict[tuple[str, int, bool], bool] = {}
        self._name_memo: dict[Any, Any] = {}  # _is_name answers for the doc being processed

    def _load(self, paths: dict[str, Path]) -> None:
        p = "lexicons/places/"
        self.not_places = frozenset(w.lower() for w in read_wordlist(paths[p + "not_places.txt"]))
        self.region_words = frozenset(read_wordlist(paths[p + "region_words.txt"]))
        self.settlement_words = {r[0]: r[1] for r in read_tsv(paths[p + "settlement_words.txt"])}
        self.country_aliases = {r[0].lower(): r[1].split() for r in read_tsv(paths[p + "country_aliases.tsv"])}
        self.extra_places = {r[0].lower(): r for r in read_tsv(paths[p + "extra_places.tsv"])}
        self.demonyms = {r[0].lower(): r[1] for r in read_tsv(paths["lexicons/entities/demonyms.tsv"])}
        self.street_words = frozenset(read_wordlist(paths[p + "street_words.txt"]))
        self.institutions = tuple(
            tuple(w.split()) for w in read_wordlist(paths["lexicons/entities/institutions.txt"]))
        self.titles = frozenset(w.lower() for w in read_wordlist(paths["lexicons/entities/titles.txt"]))
        self.person_verbs = frozenset(read_wordlist(paths["lexicons/entities/person_verbs.txt"]))
        self.units = frozenset(w.lower() for w in read_wordlist(paths["lexicons/entities/units.txt"]))
        self.not_place_heads = frozenset(w.lower() for w in read_wordlist(paths[p + "not_place_heads.txt"]))
        self.vessel_prefixes = frozenset(read_wordlist(paths["lexicons/entities/vessel_prefixes.txt"]))
        self.feature_words = frozenset(w.lower() for w in read_wordlist(paths[p + "feature_words.txt"])) | \
            frozenset(w.lower() for w in read_wordlist(paths[p + "water_words.txt"]))
        self.compound_modifiers = frozenset(
            w.lower() for w in read_wordlist(paths[p + "compound_modifiers.txt"]))
        self._build_matchers()

    def _build_matchers(self) -> None:
        vocab = self.nlp.vocab
        # flags, not regexes: the matcher checks every token of every article
        name_tok = {"IS_TITLE": True, "IS_STOP": False}
        hyph = {"ORTH": {"IN": ["-", "‑"]}, "OP": "?"}
        name = [name_tok, hyph, {"IS_TITLE": True, "OP": "?"}, {"IS_TITLE": True, "OP": "?"}]
        settle = sorted(w for w in self.settlement_words if " " not in w)
        region_lc = sorted(self.region_words)
        region_cap = [w.capitalize() for w in ("oblast", "province", "governorate", "region", "prefecture", "krai")]
        m = Matcher(vocab)
        # "the village of Kolisnykivka", "the town of Bakhmut"
        m.add("SETTLE_OF", [[{"LOWER": {"IN": settle}}, {"LOWER": "of"}, *name]])
        # "Kolisnykivka, a village in ...", "Al-Fashir, the capital of ..."
        m.add("NAME_COMMA_SETTLE", [[*name, {"ORTH": ","}, {"LOWER": {"IN": ["a", "an", "the"]}},
                                     {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "{0,2}"},
                                     {"LOWER": {"IN": settle}}]])
        # "the Kharkiv region", "Idlib province", "Kherson Oblast"
        m.add("NAME_REGION", [[*name, {"ORTH": {"IN": region_lc + region_cap}}]])
        # "the Nuseirat refugee camp", "Zamzam displacement camp", "Zawaida town"
        # (lower-case generic words only: "Kansas City", "Gaza City" are names of their own)
        m.add("NAME_SETTLE", [[*name, {"ORTH": {"IN": ["refugee", "displacement", "displaced", "IDP"]}},
                               {"ORTH": {"IN": ["camp", "camps"]}}],
                              [*name, {"ORTH": {"IN": ["village", "town", "city", "neighbourhood", "neighborhood"]}}]])
        self.place_matcher = m
        # every place pattern holds one of these words: the matcher only runs around them
        anchors = set(settle) | set(region_lc) | {"camp", "camps", "village", "town", "city", "neighbourhood",
                                                  "neighborhood"}
        self._place_anchor_ids = numpy.array(sorted(vocab.strings.add(w.lower()) for w in anchors), dtype="uint64")
        runs = Matcher(vocab)  # runs of capitalised proper nouns (1-3 tokens)
        runs.add("RUN", [[{"POS": "PROPN", "IS_STOP": False, "IS_LOWER": False, "IS_PUNCT": False,
                           "OP": "{1,3}"}]], greedy="LONGEST")
        self.propn_matcher = runs
        # institutions: "Russia's defense ministry", "the Ukrainian air force"
        # one C-level regex instead of a Matcher pattern per institution: runs on every article
        alts = "|".join(r"\s+".join(re.escape(w) for w in words)
                        for words in sorted(self.institutions, key=len, reverse=True))
        self.inst_re = re.compile(r"(?:'s|’s|'|’)\s+(?:" + alts + r")\b", re.IGNORECASE)
        self._inst_by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in self.institutions:
            self._inst_by_first.setdefault(words[0], []).append(words)

    # ------------------------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        layout = doc._.extractor_layout or {}
        ents = self._cut(doc, list(doc.ents), layout)
        ents = self._headline(doc, ents, layout)
        ents = _join_particles(doc, self._non_places(doc, ents))
        ents = self._split_of(doc, ents)
        ents = self._split_place_pairs(doc, ents)
        ents = [Span(doc, e.start, e.end, "LOC") if self._is_feature(e) else e for e in ents]
        people: set[str] = set()  # keys of names the article uses for people (filled by _relabel)
        person_any: set[str] = set()  # any PERSON key or surname, even once (filled by _relabel)
        ents = self._relabel(doc, ents, people, person_any)
        ents = self._context_places(doc, ents, layout, people, person_any)
        ents = self._prep_places(doc, ents, person_any)
        ents = self._possessive_places(doc, ents, person_any)
        ents = self._join_and(doc, ents)
        ents = self._institutions(doc, ents)
        ents = self._extend(doc, ents, layout)
        ents = self._drop_place_compounds(ents)
        ents = self._paren_acronyms(doc, sorted(filter_spans(ents), key=lambda s: s.start))
        ents = self._spread_places(doc, ents, person_any)
        ents = self._first_names(doc, ents, people)
        ents = self._the_names(doc, ents)
        ents = self._vessels(doc, ents)
        ents = self._named_groups(doc, ents)
        doc.ents = sorted(filter_spans(ents), key=lambda s: s.start)
        self._name_memo.clear()  # holds spans of this doc only

    # 1. line breaks, headline boundary, footer
    def _cut(self, doc: Doc, ents: list[Span], layout: dict) -> list[Span]:
        title = layout.get("title") or {}
        footer = layout.get("footer") or {}
        bounds = sorted({b for b in (title.get("end"), footer.get("start")) if b is not None})
        out: list[Span] = []
        for ent in ents:
            if footer and ent.start_char >= footer["start"]:
                continue
            start, end = ent.start, ent.end
            for i in range(ent.start, ent.end):
                tok = doc[i]
                if "\n" in tok.text:
                    end = i
                    break
                if "\n" in tok.whitespace_ or any(tok.idx < b <= tok.idx + len(tok) + len(tok.whitespace_)
                                                  and b < ent.end_char for b in bounds):
                    end = i + 1
                    break
            while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in "."):
                end -= 1
            while start < end and (doc[start].is_space or doc[start].is_punct):
                start += 1
            # "Himachal Pradesh's" tagged as one name: a place's possessive is not part of it
            if end - start >= 2 and doc[end - 1].lower_ in ("'s", "’s") and \
                    self._known_place(doc[start:end - 1].text, min_pop=0):
                end -= 1
            if end > start:
                out.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, ent.label_))
        return out

    # 2. headline: keep only what the body confirms
    def _headline(self, doc: Doc, ents: list[Span], layout: dict) -> list[Span]:
        title = layout.get("title")
        if not title:
            return ents
        t_end = title["end"]
        body = [e for e in ents if e.start_char >= t_end]
        head_toks = []
        for t in doc:  # stops at the end of the headline
            if t.idx >= t_end:
                break
            head_toks.append(t)
        if not head_toks:
            return ents
        labels: dict[str, dict[str, int]] = {}
        for e in body:
            labels.setdefault(_key(e.text), {}).setdefault(e.label_, 0)
            labels[_key(e.text)][e.label_] += 1
        out = list(body)
        n = len(head_toks)
        i = 0
        while i < n:
            found = None
            for length in range(min(5, n - i), 0, -1):
                span = doc[head_toks[i].i: head_toks[i].i + length]
                if span.end_char > t_end or span[-1].is_punct or span[-1].lower_ in _POSSESSIVE:
                    continue
                votes = labels.get(_key(span.text))
                if votes:
                    found = Span(doc, span.start, span.end, max(votes, key=lambda k: votes[k]))
                    break
            if found is not None:
                out.append(found)
                i += len(found)
            else:
                i += 1
        # headline entities the body does not contradict: places the gazetteer knows well
        for e in ents:
            if e.start_char < t_end and e.label_ in PLACE_LABELS and not any(
                    o.start < e.end and e.start < o.end for o in out) and self._known_place(e.text):
                out.append(e)
        return out

    # 2b. GPE/LOC that are organisations: "UN", "M23"; common nouns tagged as names; streets
    def _non_places(self, doc: Doc, ents: list[Span]) -> list[Span]:
        out = []
        for e in ents:
            if e.label_ in PLACE_LABELS and self._is_compound_modifier(doc, e):
                continue  # "the London-based observatory", "the Iran-backed group": an adjective
            if e.label_ == "PERSON":
                e = _cut_lower_tail(e)  # "Marcos Jr earlier lamented": the adverb is no name
                if e is None:
                    continue
            if e.label_ in ("ORG", "PERSON", "FAC") and len(e) >= 3:
                split = self._split_region_of(doc, e) or _split_hyphen_acronym(doc, e)
                if split:
                    out += split  # "the Provinces of Cavite"; "Democratic Party-BJP coalition"
                    continue
            if len(e) >= 2 and e[-1].text in self.street_words and e.label_ in ("PERSON", "ORG", "FAC", "GPE"):
                out.append(Span(doc, e.start, e.end, "LOC"))  # "Salah al-Din Road" is a place
                continue
            if e.label_ in ("ORG", "PERSON") and len(e) == 1 and e[0].pos_ in ("NOUN", "VERB", "ADJ", "ADV") \
                    and not e.text.isupper():
                continue  # "Floodwaters rose ...": a sentence-initial common noun, not an organisation
            if e.label_ in PLACE_LABELS:
                text = e.text.strip()
                acronym = text.replace(".", "").isupper() and len(text.replace(".", "")) >= 2
                if text.lower() in self.not_places and acronym:
                    e = Span(doc, e.start, e.end, "ORG")  # "the UN said", "EU envoy"
                elif any(c.isdigit() for c in text) and not self._known_place(text, min_pop=0):
                    e = Span(doc, e.start, e.end, "ORG")  # "M23 rebels"
                elif acronym and len(text.replace(".", "")) <= 5 and not self._known_place(text, min_pop=0):
                    e = Span(doc, e.start, e.end, "ORG")  # "RT", "SBU" tagged as places
            out.append(e)
        return out

    def _is_compound_modifier(self, doc: Doc, e: Span) -> bool:
        """'London-based', 'Iran-backed': a place name fused to a participle modifies a noun."""
        i = e.end
        return i + 1 < len(doc) and doc[i].text in ("-", "‑") and not doc[i - 1].whitespace_ \
            and not doc[i].whitespace_ and doc[i + 1].lower_ in self.compound_modifiers

    def _split_region_of(self, doc: Doc, e: Span) -> list[Span] | None:
        """'the Provinces of Cavite' (tagged ORG): the name after 'of' is a place."""
        toks = [t for t in e if t.lower_ != "the"]
        if len(toks) >= 3 and toks[0].text[:1].isupper() and toks[0].lower_ in _ADMIN_WORDS \
                and toks[1].lower_ == "of" and all(t.text[:1].isupper() for t in toks[2:]):
            return [Span(doc, toks[2].i, e.end, "GPE")]
        return None

    def _split_of(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'Sakha Republic of Russia' -> 'Sakha Republic' + 'Russia' (unless the whole is a name)."""
        out = []
        for e in ents:
            ofs = [t.i for t in e if t.lower_ == "of"] if e.label_ in PLACE_LABELS else []
            if ofs and ofs[-1] + 1 < e.end and not self._known_place(e.text, min_pop=0):
                head, tail = doc[e.start:ofs[-1]], doc[ofs[-1] + 1:e.end]
                if self._is_country_name(tail.text) and len(head):
                    out += [Span(doc, head.start, head.end, e.label_), Span(doc, tail.start, tail.end, "GPE")]
                    continue
            out.append(e)
        return out

    def _split_place_pairs(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'Kangra, Himachal Pradesh' and "Himachal Pradesh's Kangra" (often tagged ORG as one name)
        -> two places, when the whole is no known name, the outer part is a country or a first-level
        region and the inner part a place the gazetteer knows."""
        out: list[Span] = []
        for e in ents:
            if e.label_ not in PLACE_LABELS and e.label_ not in ("ORG", "PERSON", "FAC") or len(e) < 3 or \
                    self._known_place(e.text, min_pop=0):
                out.append(e)
                continue
            pair = None
            for t in e[1:-1]:
                if t.text == ",":  # inner, outer
                    inner, outer = doc[e.start:t.i], doc[t.i + 1:e.end]
                elif t.lower_ in ("'s", "’s"):  # outer's inner
                    outer, inner = doc[e.start:t.i], doc[t.i + 1:e.end]
                else:
                    continue
                if self._is_region_name(outer.text) and self._is_name(inner) and \
                        self._known_place(inner.text, min_pop=0):
                    pair = (inner, outer)
                break
            if pair is None:
                parts = self._comma_places(doc, e)
                if parts is None:
                    out.append(e)
                    continue
                pair = tuple(parts)
            out += [Span(doc, s.start, s.end, "GPE") for s in sorted(pair, key=lambda s: s.start)]
        return out

    def _is_feature(self, e: Span) -> bool:
        """'Bolan Pass', 'Guadalupe River' tagged ORG/PERSON/FAC: a natural feature, so a place."""
        return e.label_ in ("ORG", "PERSON", "FAC") and len(e) >= 2 and e[-1].is_title \
            and e[-1].lower_ in self.feature_words \
            and all(t.is_title or t.is_punct or t.lower_ in _NAME_PARTICLES for t in e)

    def _comma_places(self, doc: Doc, e: Span) -> list[Span] | None:
        """'Kharkiv, Sumy' tagged as one name inside a list of regions: each part a known place."""
        parts: list[Span] = []
        start = e.start
        for t in e:
            if t.text == ",":
                parts.append(doc[start:t.i])
                start = t.i + 1
        parts.append(doc[start:e.end])
        if len(parts) < 2 or not all(len(p) and self._is_name(p) and self._known_place(p.text, min_pop=0)
                                     for p in parts):
            return None
        return parts

    def _possessive_places(self, doc: Doc, ents: list[Span], person_any: set[str]) -> list[Span]:
        """"Ukraine's Kharkiv", "Himachal Pradesh's Kangra": a known place right after a country's or
        region's possessive is a place even when the tagger skipped or mislabelled it (but not a
        name the article uses for a person: "Russia's Putin")."""
        by_start = {e.start: e for e in ents}
        out = list(ents)
        for e in ents:
            p = e.end
            if e.label_ not in PLACE_LABELS or p + 1 >= len(doc) or doc[p].lower_ not in ("'s", "’s") or \
                    not self._is_region_name(e.text):
                continue
            end = p + 1
            while end < len(doc) and end - p <= 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1
            if end == p + 1:
                continue
            name = doc[p + 1:end]
            old = by_start.get(p + 1)
            if old is not None and (old.label_ in PLACE_LABELS or old.end != end):
                continue
            if any(o.start < end and p + 1 < o.end for o in ents if o is not old) or \
                    _key(name.text) in person_any or not self._known_place(name.text, min_pop=0):
                continue
            if old is not None:
                out.remove(old)
            out.append(Span(doc, name.start, name.end, "GPE"))
        return out

    def _is_region_name(self, text: str) -> bool:
        """A country or a first-level region (state, province) by its main name."""
        low = text.lower().removeprefix("the ")
        return low in self.country_aliases or any(
            c.kind in ("country", "admin1") and not c.alternate and strong_name_match(text, c)
            for c in self.gazetteer.lookup(text))

    def _named_groups(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'the Viv Ansanm group', 'the Islamic State group', 'the Pyu Saw Htee militia': capitalised
        words before a lower-case group noun name an organisation the tagger often misses."""
        out = list(ents)
        for m in _GROUP_NOUN_RE.finditer(doc_text(doc)):  # a C-level scan, not a walk over every token
            hit = doc.char_span(m.start(), m.end())
            if hit is None or len(hit) != 1:
                continue
            t = hit[0]
            if t.i == 0:
                continue
            start = t.i
            while start > 0 and t.i - start < 4 and doc[start - 1].is_title and not doc[start - 1].is_stop \
                    and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") and not doc[start - 1].is_sent_start:
                start -= 1
            if start == t.i:
                continue
            name = doc[start:t.i]
            inside = [e for e in out if e.start < name.end and name.start < e.end]
            if any(e.label_ == "ORG" or e.start < name.start or e.end > name.end
                   or e.label_ == "NORP" and (e.start, e.end) == (name.start, name.end) for e in inside) or \
                    name.text.lower() in self.demonyms or self._known_place(name.text, min_pop=0):
                continue  # "Houthi rebels" (a collective), "the Kharkiv militia" (a place's)
            out = [e for e in out if e not in inside] + [Span(doc, name.start, name.end, "ORG")]
        return out

    def _vessels(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'USS Carney', 'MV Galaxy Leader': a ship (PRODUCT), and so is 'the Carney' later on."""
        ships: list[Span] = []
        if not any(p + " " in doc_text(doc) for p in self.vessel_prefixes):
            return ents
        i = 0
        while i < len(doc) - 1:
            if doc[i].text in self.vessel_prefixes and doc[i + 1].is_title:
                end = i + 1
                while end < len(doc) and end - i <= 3 and doc[end].is_title and not doc[end].is_sent_start:
                    end += 1
                ships.append(Span(doc, i, end, "PRODUCT"))
                i = end
            else:
                i += 1
        if not ships:
            return ents
        names = {_key(doc[s.start + 1:s.end].text) for s in ships}
        taken = {k for s in ships for k in range(s.start, s.end)}
        out = [e for e in ents if not any(k in taken for k in range(e.start, e.end))]
        out = [Span(doc, e.start, e.end, "PRODUCT") if _key(e.text) in names else e for e in out]
        return out + ships

    def _is_country_name(self, text: str) -> bool:
        low = text.lower().removeprefix("the ")
        return low in self.country_aliases or any(
            c.kind == "country" and not c.alternate for c in self.gazetteer.lookup(text))

    def _join_and(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'Jammu' + 'and' + 'Kashmir', 'St.' + 'Louis' -> one place when the whole name is known."""
        ents = sorted(ents, key=lambda e: e.start)
        out: list[Span] = []
        for e in ents:
            prev = out[-1] if out else None
            if prev is not None and prev.label_ in PLACE_LABELS and e.label_ in PLACE_LABELS and (
                    (e.start == prev.end + 1 and doc[prev.end].lower_ == "and") or e.start == prev.end):
                whole = doc[prev.start:e.end]
                if self._known_place(whole.text, min_pop=0):
                    out[-1] = Span(doc, prev.start, e.end, "GPE")
                    continue
            out.append(e)
        return out

    # 3 + 4. document-level labels
    def _relabel(self, doc: Doc, ents: list[Span], people: set[str], person_any: set[str]) -> list[Span]:
        # place evidence for names the tagger called something else. A PERSON tag is overruled
        # only by the article's own usage ("in X", "X region", a list of places) or, with no
        # usage either way, by a big place; "Mr. Obama", "Obama said" keep a town-named person.
        placeish: dict[int, bool] = {}
        group: dict[int, bool] = {}
        votes: dict[str, list[int]] = {}
        place_ends = {o.end for o in ents if o.label_ in PLACE_LABELS}
        place_starts = {o.start for o in ents if o.label_ in PLACE_LABELS}
        # last words of two/three-word names the tagger called ORG ("Lester Holt" ... "if Holt asks"):
        # such a word alone is that name, not a small town
        name_tails = {_key(e[-1].text) for e in ents if e.label_ in ("ORG", "PERSON") and 2 <= len(e) <= 3
                      and all(t.is_title and t.is_alpha for t in e)
                      and not any(t.lower_ in _INSTITUTION_WORDS for t in e)}
        keys = [_key(e.text) for e in ents]  # span.text is rebuilt on every access: once per entity
        for e, k in zip(ents, keys, strict=True):
            v = votes.setdefault(k, [0, 0])
            v[0] += self._place_evidence(doc, e, place_starts, place_ends)
            v[1] += self._person_evidence(doc, e)
        for idx, e in enumerate(ents):
            k = keys[idx]
            place_ev, person_ev = votes[k]
            if e.label_ == "PERSON" and not (e.start > 0 and doc[e.start - 1].lower_ == "the"):
                if self._is_name(e) and person_ev <= place_ev and self._known_place(e.text) and (
                        place_ev > 0 or self._known_place(e.text, min_pop=100000)):
                    placeish[idx] = True
            elif e.label_ in _MISLABELS and person_ev == 0 and self._is_name(e) and self._known_place(e.text) \
                    and (k not in name_tails or self._known_place(e.text, min_pop=100000)):
                placeish[idx] = True
        # person evidence: multi-token PERSON names that are not places
        surnames: set[str] = set()
        person_keys: set[str] = set()
        for idx, e in enumerate(ents):
            if e.label_ == "PERSON" and not placeish.get(idx):
                words = [t.text for t in e if not t.is_punct and t.lower_ not in _POSSESSIVE]
                person_keys.add(keys[idx])
                if len(words) >= 2:
                    surnames.add(_key(words[-1]))
                    person_keys.add(_key(words[-1]))
        out = []
        for idx, e in enumerate(ents):
            k = keys[idx]
            label = e.label_
            if k in person_keys and label != "PERSON" and not placeish.get(idx):
                label = "PERSON"
            elif placeish.get(idx) and k not in surnames:
                label = "GPE"
            elif group.get(idx):
                label = "NORP"
            elif label in PLACE_LABELS and k in surnames:
                label = "PERSON"
            out.append(e if label == e.label_ else Span(doc, e.start, e.end, label))
        out = self._untagged_people(doc, out, person_keys - {k for k in person_keys if " " in k} | surnames)
        # evidence of a person: a full name or its surname used at least twice (a lone PERSON tag,
        # or one multi-word tag like "Khirbet Salim", is no evidence against a place context)
        uses: Counter[str] = Counter()
        for e in out:
            if e.label_ == "PERSON":
                k = _key(e.text)
                uses[k] += 1
                if " " in k:
                    uses[k.split()[-1]] += 1
        people |= {k for k in surnames | {k for k in person_keys if " " in k} if uses[k] >= 2}
        # any person reading: the surname of a full name, a name used twice, a title or "X said"
        person_any |= surnames
        # "Hillary Clinton" once and "Clinton said": a full name whose surname stands alone is a person
        alone = {_key(e.text) for e in out if e.label_ == "PERSON" and len(e) == 1} & surnames
        person_any |= {k for k in person_keys if " " in k and k.split()[-1] in alone}
        person_any |= {k for k, (_p, pe) in votes.items() if pe > 0}
        out = self._person_prefix(doc, out, person_keys)
        # coordinated lists: "over Kursk, Voronezh, Rostov and Belgorod"
        return self._coordinated(doc, out, people)

    def _place_evidence(self, doc: Doc, e: Span, starts: set[int], ends: set[int]) -> int:
        """1 when the words around `e` say place: 'in X', 'X region', 'X Governor', 'X, A and B'."""
        prev = doc[e.start - 1].lower_ if e.start > 0 else ""
        nxt = doc[e.end].lower_ if e.end < len(doc) else ""
        if prev in _PLACE_PREPS or nxt in self.region_words or nxt in ("governor", "mayor", "oblast"):
            return 1
        if any(end in ends and _between_is_list(doc, end, e.start) for end in range(e.start - 2, e.start)):
            return 1
        if any(st in starts and _between_is_list(doc, e.end, st) for st in range(e.end + 1, e.end + 3)):
            return 1
        return 0

    def _person_evidence(self, doc: Doc, e: Span) -> int:
        """1 when the words around `e` say person: 'Mr. X', 'President X', 'X said'."""
        prev = doc[e.start - 1].lower_ if e.start > 0 else ""
        nxt = doc[e.end] if e.end < len(doc) else None
        if prev in self.titles:
            return 1
        if nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.lemma_.lower() in self.person_verbs:
            return 1
        return 0

    def _person_prefix(self, doc: Doc, ents: list[Span], person_keys: set[str]) -> list[Span]:
        """'Aung San' (GPE) + 'Suu Kyi' (PERSON) is one person when the article names her in full."""
        ents = sorted(ents, key=lambda e: e.start)
        out: list[Span] = []
        for e in ents:
            prev = out[-1] if out else None
            if prev is not None and e.label_ == "PERSON" and prev.label_ != "PERSON" and prev.end == e.start \
                    and _key(doc[prev.start:e.end].text) in person_keys:
                out[-1] = Span(doc, prev.start, e.end, "PERSON")
                continue
            out.append(e)
        return out

    def _untagged_people(self, doc: Doc, ents: list[Span], surnames: set[str]) -> list[Span]:
        """"Trump's aides said" where the tagger saw nothing: a known surname is a PERSON mention."""
        if not surnames:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        added = []
        forms = sorted((k for k in surnames if k.isalpha()), key=len, reverse=True)
        if not forms:
            return ents
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in forms) + r")\b", re.IGNORECASE)
        for m in pattern.finditer(doc_text(doc)):
            if not m.group()[:1].isupper():
                continue
            span = doc.char_span(m.start(), m.end())
            if span is not None and len(span) == 1 and span.start not in taken:
                added.append(Span(doc, span.start, span.end, "PERSON"))
        return ents + added

    def _coordinated(self, doc: Doc, ents: list[Span], people: set[str]) -> list[Span]:
        out = self._untagged_list_members(doc, list(ents), people)
        for i, e in enumerate(out):
            if e.label_ in PLACE_LABELS or e.label_ not in _MISLABELS or not self._is_name(e) or \
                    _key(e.text) in people:
                continue
            neighbours = []
            if i > 0 and _between_is_list(doc, out[i - 1].end, e.start):
                neighbours.append(out[i - 1])
            if i + 1 < len(out) and _between_is_list(doc, e.end, out[i + 1].start):
                neighbours.append(out[i + 1])
            if any(n.label_ in PLACE_LABELS for n in neighbours) and self._known_place(
                    e.text, min_pop=0, weak=True) or (
                    (e.label_ != "PERSON" or len(e) == 1 and not (e.start and doc[e.start - 1].lower_ in self.titles))
                    and self._listed_before_region_word(doc, e.end)):
                out[i] = Span(doc, e.start, e.end, "GPE")
        return out

    def _listed_before_region_word(self, doc: Doc, j: int) -> bool:
        """'the Dniprovskyi, Solomianskyi, Podilskyi and Darnytskyi districts': a name in a list that
        ends in a plural region word is a place, known to the gazetteer or not."""
        seps = 0
        for k in range(j, min(len(doc), j + 16)):
            t = doc[k]
            if t.text in (",", "and", "or"):
                seps += 1
            elif t.lower_ in self.region_words and t.lower_.endswith("s") and t.is_lower:
                return seps > 0 and not doc[k - 1].is_punct
            elif not (t.is_title and t.pos_ == "PROPN"):
                return False
        return False

    def _untagged_list_members(self, doc: Doc, ents: list[Span], people: set[str]) -> list[Span]:
        """'over the Kharkiv, Kyiv, Mykolaiv and Odesa regions' where the tagger skipped some names."""
        runs = self.propn_matcher(doc)
        for _ in range(3):
            starts = {e.start: e for e in ents if e.label_ in PLACE_LABELS}
            ends = {e.end: e for e in ents if e.label_ in PLACE_LABELS}
            taken = {i for e in ents for i in range(e.start, e.end)}
            added = []
            for _mid, i, end in runs:
                if any(k in taken for k in range(i, end)):
                    continue
                j = end - 1
                left = any(_between_is_list(doc, e, i) for e in ends if i - 3 <= e <= i)
                right = any(_between_is_list(doc, j + 1, s) for s in starts if j + 1 <= s <= j + 4)
                span = doc[i:end]
                if _key(span.text) in people:
                    continue  # "Bobby Scott ... Scott said": a person's name, even next to places
                if (left or right) and self._known_place(span.text, min_pop=0):
                    added.append(Span(doc, i, end, "GPE"))
                elif i > 0 and doc[i - 1].lower_ in _PLACE_PREPS and self._known_place(span.text, min_pop=5000):
                    # "rescuers searched homes in Suzu": a preposition of place + a known town
                    added.append(Span(doc, i, end, "GPE"))
            if not added:
                break
            ents = ents + added
        return ents

    # 3b. place contexts the tagger missed entirely
    def _context_places(self, doc: Doc, ents: list[Span], layout: dict, people: set[str],
                        person_any: set[str]) -> list[Span]:
        title_end = (layout.get("title") or {}).get("end", -1)
        new: list[Span] = []
        for match_id, start, end in self._place_matches(doc):
            rule = self.nlp.vocab.strings[match_id]
            if rule == "SETTLE_OF":
                span = doc[start + 2: end]
            elif rule == "NAME_SETTLE":
                span = doc[start:end - (2 if doc[end - 1].lower_ in ("camp", "camps") else 1)]
            elif rule == "NAME_COMMA_SETTLE":
                comma = next(t.i for t in doc[start:end] if t.text == ",")
                span = doc[start:comma]
            else:
                span = doc[start: end - 1]
            span = _trim_name(span)
            if span is None or span.start_char < title_end or "\n" in span.text:
                continue
            # "the village of X" is strong: only real person evidence (a title, "X said", the surname
            # of a full name) vetoes it; the looser contexts also yield to a name tagged PERSON twice
            if span.text.lower() in self.demonyms or span.text.lower() in self.not_places or \
                    _key(span.text) in (person_any if rule == "SETTLE_OF" else people | person_any):
                continue
            new.append(Span(doc, span.start, span.end, "GPE"))
        if not new:
            return ents
        seen = Counter(_key(e.text) for e in ents if e.label_ == "PERSON")
        keep = []
        for e in ents:
            clash = [n for n in new if n.start < e.end and e.start < n.end]
            if not clash:
                keep.append(e)
            elif e.label_ in PLACE_LABELS or (e.label_ == "PERSON" and len(e) >= 2 and seen[_key(e.text)] > 1
                                             and not any((n.start, n.end) == (e.start, e.end) for n in clash)):
                # the tagger's place, or a full personal name that the context match only overlaps,
                # wins over a context guess ("the village of Kafr Hamra" tagged PERSON twice stays a place)
                keep.append(e)
                new = [n for n in new if n not in clash]
            # any other label loses against a place context ("Kolisnykivka"/PERSON)
        return keep + new

    def _place_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """`place_matcher` run only on stretches around its anchor words (found with one array
        operation); a match never reaches further than 12 tokens before or 8 after its anchor,
        so the matches are those of the whole doc, at a fraction of the cost."""
        lowers = doc.to_array(LOWER)
        hits = numpy.nonzero(numpy.isin(lowers, self._place_anchor_ids))[0].tolist()
        spans: list[list[int]] = []
        for i in hits:
            a, b = max(0, i - 12), min(len(doc), i + 9)
            if spans and a <= spans[-1][1]:
                spans[-1][1] = b
            else:
                spans.append([a, b])
        out: list[tuple[int, int, int]] = []
        for a, b in spans:
            out += [(mid, a + s, a + e) for mid, s, e in self.place_matcher(doc[a:b])]
        return out

    # 3c. "in Jassem", "near Kobane": an unknown name after a preposition of place
    def _prep_places(self, doc: Doc, ents: list[Span], person_any: set[str]) -> list[Span]:
        """A PERSON/ORG tag on a name right after a preposition of place is a place the gazetteer
        lacks, unless the article reads it as a person anywhere ("Hillary Clinton", "Mr. X",
        "X said") or the name modifies a noun ("in Trump's view", "near Smith's house",
        "in Hamas attacks")."""
        out = []
        for e in ents:
            if e.label_ in ("PERSON", "ORG", "FAC") and e.start > 0 and self._prep_place(doc, e, person_any):
                e = Span(doc, e.start, e.end, "GPE")
            out.append(e)
        return out

    def _prep_place(self, doc: Doc, e: Span, person_any: set[str]) -> bool:
        prep = doc[e.start - 1].lower_
        direction = prep in _DIRECTIONS and e.start > 1 and doc[e.start - 2].lower_ in _PREP_PLACE_STRICT | {
            "of", "from", "to", "across"}  # "in eastern Ghouta", "from northern Rakhine"
        if direction:
            prep = "near"
        elif prep not in _PREP_PLACE_STRICT and not (prep in ("in", "at") and e.label_ != "PERSON"):
            return False
        if not (self._is_name(e) or _particle_name(e)) or e.text.isupper() or _key(e.text) in person_any:
            return False
        if not direction and doc[e.start - 1].head.lemma_.lower() in self.not_place_heads:
            return False  # "wrote in Politico", "believe in Satan"
        if e.label_ == "PERSON" and len(e) >= 2 and not direction and not _particle_name(e) \
                and doc[e.start - 1].head.pos_ != "VERB" and not self._known_place(e.text, min_pop=0, weak=True):
            return False  # "faith in Joe Biden": a full name after a noun's "in" stays a person
        if any(t.lower_ in _INSTITUTION_WORDS or t.lower_ in self.titles for t in e):
            return False
        nxt = doc[e.end] if e.end < len(doc) else None
        if nxt is not None:
            if nxt.lower_ in _POSSESSIVE or nxt.text in ("-", "‑"):
                return False  # "in Trump's view", "near Hamas-run clinics"
            if nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in self.region_words \
                    and nxt.lower_ not in self.settlement_words and not nxt.is_punct:
                return False  # "in Hamas attacks": the name is a modifier
            if nxt.pos_ in ("VERB", "AUX") and nxt.lemma_.lower() in self.person_verbs:
                return False
        if e.label_ == "PERSON":
            return True
        # ORG/FAC: "near Kobane" always; "in/at X" only for a name the gazetteer has (spelling
        # variants included): "in Congress", "at Google" stay organisations
        return prep in _PREP_NEAR and len(e) <= 3 or self._known_place(e.text, min_pop=0, weak=True)

    # 5. institutions
    def _institutions(self, doc: Doc, ents: list[Span]) -> list[Span]:
        by_end = {e.end: e for e in ents}
        out = list(ents)
        for m in self.inst_re.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or not len(span):
                continue
            start, end = span.start, span.end
            owner = by_end.get(start)  # "Russia" + 's + defense ministry
            if owner is None or owner.label_ not in PLACE_LABELS:
                continue
            head = doc[end - 1]
            if head.dep_ in ("compound", "amod") and head.head.i > head.i:
                continue  # "Russia's military might": modifier, not the institution
            new = Span(doc, owner.start, end, "ORG")
            out = [e for e in out if not (e.start < new.end and new.start < e.end)] + [new]
        # possessive country + ORG span: "Ukraine's" + "Air Force Command"
        by_start = {e.start: e for e in out}
        for e in list(out):
            if e.label_ not in PLACE_LABELS or e.end + 1 >= len(doc) or doc[e.end].lower_ not in _POSSESSIVE:
                continue
            org = by_start.get(e.end + 1)
            if org is not None and org.label_ == "ORG" and _institution_like(org):
                new = Span(doc, e.start, org.end, "ORG")
                out = [x for x in out if x is not e and x is not org] + [new]
        # nationality adjective or place + institution: "the Ukrainian air force", "the U.S. military",
        # "a Congo army spokesman", "the Gaza civil defence agency"
        for e in [x for x in out if x.label_ in ("NORP", "GPE") and (
                x.text.lower() in self.demonyms or x.label_ == "GPE" and self._known_place(x.text, min_pop=0))]:
            nxt = doc[e.end].lower_ if e.end < len(doc) else ""
            for words in self._inst_by_first.get(nxt, ()):
                end = e.end + len(words)
                if end <= len(doc) and tuple(t.lower_ for t in doc[e.end:end]) == words:
                    if end < len(doc) and doc[end].lower_ in _INSTITUTION_TAILS:
                        end += 1  # "civil defence" + "agency"
                    head = doc[end - 1]
                    if (head.dep_ == "amod" or head.pos_ == "ADJ") and head.head.i > head.i and \
                            head.head.lower_ not in self.titles:
                        break  # "Russia's military might"; but "Myanmar junta airstrikes" name the junta
                    new = Span(doc, e.start, end, "ORG")
                    out = [x for x in out if not (x.start < new.end and new.start < x.end)] + [new]
                    break
            else:
                org = by_start.get(e.end)
                if org is not None and org.label_ == "ORG" and _institution_like(org):
                    new = Span(doc, e.start, org.end, "ORG")
                    out = [x for x in out if x is not e and x is not org] + [new]
        return out

    # 6. extents: "Governor Oleksandr" + "Prokudin", "14th" + "Army Corps"
    def _extend(self, doc: Doc, ents: list[Span], layout: dict) -> list[Span]:
        title_end = (layout.get("title") or {}).get("end", -1)
        ents = self._person_titles(doc, sorted(ents, key=lambda e: e.start))
        taken = {i for e in ents for i in range(e.start, e.end)}
        by_end = {e.end: e for e in ents}
        out = []
        for e in ents:
            start = e.start
            if e.label_ == "PERSON" and e.start_char > title_end:
                while (start > 0 and start - 1 not in taken and doc[start - 1].pos_ == "PROPN"
                       and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in self.titles
                       and not doc[start - 1].is_stop and "\n" not in doc[start - 1].whitespace_
                       and not doc[start].is_sent_start):
                    start -= 1
            elif e.label_ == "ORG":
                prev = by_end.get(e.start)
                if prev is not None and prev.label_ == "ORDINAL" and prev.end - prev.start == 1 and \
                        e[-1].lower_ in self.units:
                    start = prev.start
            out.append(e if start == e.start else Span(doc, start, e.end, e.label_))
        return out

    def _person_titles(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'Kherson Governor' is no person (a place + a title); 'Oleksandr' + 'Prokudin' is one."""
        out: list[Span] = []
        for e in ents:
            if e.label_ == "PERSON" and len(e) >= 2 and e[-1].lower_ in self.titles:
                end = e.end
                while end > e.start and doc[end - 1].lower_ in self.titles:
                    end -= 1
                if end > e.start and self._known_place(doc[e.start:end].text, min_pop=0):
                    out.append(Span(doc, e.start, end, "GPE"))
                continue
            prev = out[-1] if out else None
            if prev is not None and prev.label_ == "PERSON" and e.label_ == "PERSON" and prev.end == e.start \
                    and "\n" not in doc[prev.end - 1].whitespace_:
                out[-1] = Span(doc, prev.start, e.end, "PERSON")
                continue
            out.append(e)
        return out

    def _drop_place_compounds(self, ents: list[Span]) -> list[Span]:
        """'U.S.-Russia' (relations), 'Trump-Putin' (call): a hyphenated pair of names is not an ORG."""
        out = []
        for e in ents:
            parts = [p for p in e.text.replace("‑", "-").split("-") if p]
            if e.label_ in ("ORG", "PERSON", "NORP") and len(parts) >= 2 and " " not in e.text and all(
                    p[:1].isupper() for p in parts) and sum(self._known_place(p) for p in parts) >= 1 and all(
                    self._known_place(p) or p.lower() in self.demonyms for p in parts):
                continue
            out.append(e)
        return out

    # 7. "Islamic State of Iraq and the Levant (ISIL)": the name an acronym defines is one ORG
    def _paren_acronyms(self, doc: Doc, ents: list[Span]) -> list[Span]:
        if "(" not in doc_text(doc):
            return ents
        added: list[Span] = []
        for m in _PAREN_ACRONYM.finditer(doc_text(doc)):
            acr = doc.char_span(m.start(1), m.end(1))
            if acr is None or len(acr) != 1 or acr.start < 2:
                continue
            letters = m.group(1).upper()
            k = len(letters) - 1
            j = acr.start - 2  # the word before "("
            start = None
            while j >= 0 and k >= 0 and j > acr.start - 16:
                t = doc[j]
                if "\n" in t.whitespace_ or t.is_sent_end and j < acr.start - 2:
                    break
                if t.lower_ in _ACRONYM_GLUE:
                    j -= 1
                    continue
                if not t.text[:1].isupper() or t.text[0] != letters[k]:
                    break
                k -= 1
                start = j
                j -= 1
            if k >= 0 or start is None or acr.start - 1 - start < 2:
                continue
            full = Span(doc, start, acr.start - 1, "ORG")
            if any(e.label_ in PLACE_LABELS and e.start <= full.start and full.end <= e.end for e in ents) \
                    or self._known_place(full.text):
                continue  # "Democratic Republic of Congo (DRC)": a place stays a place
            added += [full, Span(doc, acr.start, acr.end, "ORG")]
        if not added:
            return ents
        return [e for e in ents if not any(a.start < e.end and e.start < a.end for a in added)] + added

    # 8. one name, one reading: a place everywhere once the article uses it as a place
    def _spread_places(self, doc: Doc, ents: list[Span], person_any: set[str]) -> list[Span]:
        """'the village of Meron' ... 'Meron is home to ...': the second mention (tagged PERSON)
        is the same place; a close spelling of a place named in the article ('Kherbet Selm' next
        to 'Khirbet Selm') too. Never for a name the article also uses for a person."""
        # seeds: places the article itself marks as places ("the village of X", "in X", "X province"),
        # not bare tagger GPEs ("about Obama," tagged GPE once must not turn the person into a town)
        place_keys = {_key(e.text) for e in ents if e.label_ in PLACE_LABELS and self._marked_place(doc, e)}
        if not place_keys:
            return ents
        out = []
        for e in ents:
            # (ORG tags are left alone: "Columbia University", "the Green Party" stay bodies)
            if e.label_ in ("PERSON", "FAC") and not e.text.isupper() and self._is_name(e):
                k = _key(e.text)
                if k not in person_any and (k in place_keys or _spelling_variant(k, place_keys)):
                    prev = doc[e.start - 1].lower_ if e.start else ""
                    if prev not in self.titles:
                        e = Span(doc, e.start, e.end, "GPE")
            out.append(e)
        return out

    def _first_names(self, doc: Doc, ents: list[Span], people: set[str]) -> list[Span]:
        """'divorce from wife Ivana' where the article names 'Ivana Trump' twice: the first name of
        a person the article is about is that person, not a small town of the same name (a big city
        or a mention with place evidence, 'in Charlotte', stays a place)."""
        firsts = {k.split()[0] for k in people if " " in k}
        if not firsts:
            return ents
        out = []
        for e in ents:
            if e.label_ in PLACE_LABELS and len(e) == 1 and _key(e.text) in firsts and not self._place_evidence(
                    doc, e, set(), set()) and not self._known_place(e.text, min_pop=100000):
                e = Span(doc, e.start, e.end, "PERSON")
            out.append(e)
        return out

    def _marked_place(self, doc: Doc, e: Span) -> bool:
        """'in X', 'near X', 'the village of X', 'X province', 'the X refugee camp'."""
        prev = doc[e.start - 1].lower_ if e.start else ""
        nxt = doc[e.end].lower_ if e.end < len(doc) else ""
        if prev in _PREP_PLACE_STRICT and nxt not in _POSSESSIVE:
            return True
        if prev == "of" and e.start >= 2 and doc[e.start - 2].lower_ in self.settlement_words:
            return True
        return nxt in self.region_words or nxt in self.settlement_words or nxt in ("refugee", "displacement")

    # 9. "with The Punch saying", "The Civil Defence - ... - said": named sources the tagger missed
    def _the_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        out = list(ents)
        by_start = {e.start: e for e in ents}
        taken = {i for e in ents for i in range(e.start, e.end)}
        for e in ents:
            # "The Civil Defence ... said" tagged WORK_OF_ART: a named thing that speaks is a body
            if e.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW") and self._is_name(e[1:] if e[0].lower_ ==
                                                                                       "the" else e) \
                    and self._speaks(doc, e):
                out = [x for x in out if x is not e] + [Span(doc, e.start, e.end, "ORG")]
        for t in doc:
            if t.text != "The" or t.i + 1 >= len(doc):
                continue
            nxt = by_start.get(t.i + 1)
            if nxt is not None:
                # mid-sentence capital "The" + a name: an outlet or body ("The Punch", "The Hindu")
                if nxt.label_ in ("NORP", "PERSON", "WORK_OF_ART", "PRODUCT") and not t.is_sent_start \
                        and self._speaks(doc, nxt):
                    out = [x for x in out if x is not nxt] + [Span(doc, t.i, nxt.end, "ORG")]
                continue
            end = t.i + 1
            while end < len(doc) and end - t.i <= 4 and end not in taken and doc[end].is_title \
                    and doc[end].pos_ == "PROPN":
                end += 1
            mid = not t.is_sent_start and t.i > 0 and doc[t.i - 1].is_alpha  # "with The Nation saying"
            if end - t.i < (2 if mid else 3):
                continue
            name = doc[t.i + 1:end]
            if any(x.lower_ in self.titles or x.lower_ in self.demonyms for x in name):
                continue
            head = name.root.head
            if name.root.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB" and (
                    head.lemma_.lower() in self.person_verbs or head.lemma_.lower() in _REPORT_VERBS):
                out.append(Span(doc, t.i + 1, end, "ORG"))  # "The Civil Defence - ... - said"
        return out

    def _speaks(self, doc: Doc, e: Span) -> bool:
        """The name is a source: followed by a speech verb or after 'according to'."""
        nxt = doc[e.end] if e.end < len(doc) else None
        if nxt is not None and nxt.pos_ in ("VERB", "AUX") and (
                nxt.lemma_.lower() in self.person_verbs or nxt.lemma_.lower() in _REPORT_VERBS):
            return True
        root = e.root
        if root.dep_ == "nsubj" and root.head.pos_ == "VERB" and (
                root.head.lemma_.lower() in self.person_verbs or root.head.lemma_.lower() in _REPORT_VERBS):
            return True
        return e.start >= 3 and doc[e.start - 3].lower_ == "according" and doc[e.start - 2].lower_ == "to"

    # helpers ------------------------------------------------------------------------------
    def _is_name(self, span: Span) -> bool:
        """Capitalised words only (no common words like 'Reading', 'Nice' mid-sentence verbs)."""
        key = (span.doc, span.start, span.end)  # asked again and again for the same spans of one doc
        memo = self._name_memo
        if memo.get("doc") is not span.doc:
            memo.clear()
            memo["doc"] = span.doc
        hit = memo.get(key)
        if hit is None:
            memo[key] = hit = self._is_name_uncached(span)
        return bool(hit)

    def _is_name_uncached(self, span: Span) -> bool:
        # a possessive inside a name belongs to it ("Cox's Bazar"); at either end it does not
        words = [t for t in span if not t.is_punct
                 and not (t.lower_ in ("'s", "’s") and span.start < t.i < span.end - 1)]
        low = span.text.lower()
        if not words or low in self.demonyms or low in self.not_places:
            return False
        return all(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "X", "ADJ", "NUM") for t in words) and \
            any(t.pos_ == "PROPN" for t in words)

    def _known_place(self, text: str, min_pop: int = _MIN_POP, weak: bool = False) -> bool:
        """Is `text` a country, region, sea or city the gazetteer knows well?"""
        key = (text, min_pop, weak)
        hit = self._known.get(key)
        if hit is None:
            hit = self._known_place_uncached(text, min_pop, weak)
            if len(self._known) < 20000:
                self._known[key] = hit
        return hit

    def _known_place_uncached(self, text: str, min_pop: int, weak: bool) -> bool:
        t = text.strip()
        if t.lower().startswith("the "):
            t = t[4:]
        low = t.lower()
        if low in self.not_places or low in self.demonyms:
            return False
        if low in self.country_aliases or low in self.extra_places:
            return True
        for cand in self.gazetteer.lookup(t):
            if not weak and not strong_name_match(t, cand):
                continue
            if cand.kind in ("country", "admin1") or cand.population >= min_pop:
                return True
        return False


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """Comparable form of an entity text: no possessive, no leading article, case folded."""
    t = text.strip().replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    low = t.lower()
    if low.startswith("the "):
        low = low[4:]
    return low.strip(" .,'\"")


def _spelling_variant(k: str, keys: set[str]) -> bool:
    """'kherbet selm' ~ 'khirbet selm': same first letter, same word count, >= 0.85 similar."""
    if len(k) < 6:
        return False
    n = len(k.split())
    for other in keys:
        if other[:1] == k[:1] and len(other.split()) == n and abs(len(other) - len(k)) <= 2 and \
                difflib.SequenceMatcher(None, k, other).ratio() >= 0.85:
            return True
    return False


def _between_is_list(doc: Doc, a: int, b: int) -> bool:
    """Tokens between two entities are only a list separator (',', 'and', 'or', ', and')."""
    if b <= a or b - a > 2:
        return False
    return all(t.text in (",", "and", "or") for t in doc[a:b])


#: lower-case particles that belong to personal names ("Ursula von der Leyen", "Omar al Bashir")
_NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "der", "den", "van", "von", "bin", "bint", "ibn",
                             "al", "el", "la", "le", "ben", "dos", "das", "y"})


def _particle_name(e: Span) -> bool:
    """'Busra al-Sham', 'Deir el-Balah': capitalised words joined by name particles and hyphens."""
    words = [t for t in e if t.text not in ("-", "‑")]
    return len(words) >= 2 and words[0].text[:1].isupper() and words[-1].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES for t in words)


def _cut_lower_tail(e: Span) -> Span | None:
    """'Marcos Jr earlier' -> 'Marcos Jr': trailing lower-case words are no part of a name."""
    end = e.end
    doc = e.doc
    while end > e.start + 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha \
            and doc[end - 1].lower_ not in _NAME_PARTICLES and doc[end - 2].whitespace_:
        end -= 1
    if end == e.end:
        return e
    return Span(doc, e.start, end, e.label_) if end > e.start else None


def _join_particles(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Ursula von der' (PERSON) + 'Leyen' (GPE): a name particle at the end of a person's name
    continues into the next capitalised word."""
    out: list[Span] = []
    skip: set[int] = set()
    by_start = {e.start: e for e in ents}
    for e in ents:
        if e.start in skip:
            continue
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].lower_ in _NAME_PARTICLES and e.end < len(doc) \
                and doc[e.end].is_title and e[-1].whitespace_ == " ":
            nxt = by_start.get(e.end)
            end = nxt.end if nxt is not None and len(nxt) <= 2 else e.end + 1
            if nxt is not None:
                skip.add(nxt.start)
            e = Span(doc, e.start, end, "PERSON")
        out.append(e)
    return out


def _split_hyphen_acronym(doc: Doc, e: Span) -> list[Span] | None:
    """'Peoples Democratic Party-BJP' (one ORG) -> two parties: a hyphen glues an acronym to a name."""
    if e.label_ != "ORG":
        return None
    for t in e[1:-1]:
        i = t.i
        if t.text in ("-", "‑") and not t.whitespace_ and not doc[i - 1].whitespace_:
            left, right = doc[e.start:i], doc[i + 1:e.end]
            # one side a multi-word name ending/starting in a plain word, the other an acronym:
            # "Democratic Party-BJP" splits; "AFL-CIO", "Virginia AFL-CIO" (acronym-acronym) do not
            def acr(x: Any) -> bool:
                return x.text.isupper() and len(x.text) >= 2 and x.is_alpha

            def word(x: Any) -> bool:
                return x.is_title and x.is_alpha

            if (len(left) >= 2 and word(left[-1]) and acr(right[0]) and len(right) == 1) or \
                    (len(right) >= 2 and word(right[0]) and acr(left[-1]) and len(left) == 1):
                return [Span(doc, left.start, left.end, "ORG"), Span(doc, right.start, right.end, "ORG")]
    return None


def _trim_name(span: Span) -> Span | None:
    """Drop a possessive tail and hyphen edges from a matched name."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].text in ("-", "‑") or doc[end - 1].lower_ in _POSSESSIVE):
        end -= 1
    while start < end and doc[start].text in ("-", "‑"):
        start += 1
    return doc[start:end] if end > start else None


_INSTITUTION_WORDS = frozenset((
    "ministry", "military", "army", "force", "forces", "command", "navy", "guard", "police", "service",
    "staff", "corps", "agency", "government", "parliament", "intelligence",
))


def _institution_like(span: Span) -> bool:
    """An ORG that names a state body ("Defense Ministry", "Air Force Command")."""
    return any(t.lower_ in _INSTITUTION_WORDS for t in span)
