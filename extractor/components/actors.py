"""Actors: one entry per real-world person or organisation named in the article.

Reads the repaired `doc.ents` (see entities.py) and groups mentions:
- people: a short form ("Trump", "Trump's") joins the full name it is the surname of
  ("Donald Trump"); the fullest form is the name, every form an alias;
- organisations: same name, an acronym of the name ("IDF" / "Israel Defense Forces"), or the
  same country + institution ("Russia's defense ministry" / "the Russian defense ministry");
- titles come from premodifiers ("Kremlin spokesperson Dmitry Peskov") and appositions
  ("John Healey, the British defense secretary");
- the article's own publisher (footer credit, dateline agency), social-media platforms used
  as a medium ("said on Telegram") and nationalities ("Russians") are not actors.

Output: doc._.extractor_actors, ids a1.. in order of first mention. Every mention is listed
(the quotes component links speakers to actors through them).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

from spacy.tokens import Doc, Span

from ..lexicons import read_wordlist
from .base import DataComponent, doc_text
from .entities import read_tsv

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_BAD_NAME_CHARS = frozenset('[]{}()"“”«»<>|/\\')
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z]")
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "de", "du", "la", "al", "-"})
#: verbs whose "by" agent is a cited source ("a casualty list provided by the hospital")
_SOURCE_VERBS = frozenset({"provide", "release", "issue", "publish", "compile", "report", "confirm", "give",
                           "share", "announce"})
_LETTER_DIGITS = re.compile(r"^[A-Z]{1,3}\d{2,3}$")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
_PAREN_ACRONYM = re.compile(r"^\s*\(\s*([A-Z][A-Z0-9&.-]{1,9})\s*\)")


def _fold(text: str) -> str:
    t = text.replace("’", "'").strip()
    if t.endswith("'s"):
        t = t[:-2]
    t = re.sub(r"^(?:the|The)\s+", "", t)
    return re.sub(r"[^\w]+", " ", t.lower()).strip()


class ActorsComponent(DataComponent):
    """Groups PERSON / ORG (and armed-group NORP) mentions into actors."""

    DATA_FILES: ClassVar[tuple[str, ...]] = (
        "lexicons/entities/demonyms.tsv",
        "lexicons/entities/institutions.txt",
        "lexicons/entities/platforms.txt",
        "lexicons/entities/titles.txt",
        "lexicons/entities/not_actor_words.txt",
        "lexicons/entities/portfolio_words.txt",
        "lexicons/entities/event_nouns.txt",
        "lexicons/entities/facility_words.txt",
        "lexicons/entities/acronyms.tsv",
        "lexicons/entities/person_verbs.txt",
    )

    def _load(self, paths: dict[str, Path]) -> None:
        e = "lexicons/entities/"
        self.demonyms = {r[0].lower(): r[1] for r in read_tsv(paths[e + "demonyms.tsv"])}
        self.institutions = sorted((w for w in read_wordlist(paths[e + "institutions.txt"])), key=len,
                                   reverse=True)
        self.platforms = frozenset(w.lower() for w in read_wordlist(paths[e + "platforms.txt"]))
        self.titles = frozenset(w.lower() for w in read_wordlist(paths[e + "titles.txt"]))
        self.portfolio = frozenset(w.lower() for w in read_wordlist(paths[e + "portfolio_words.txt"]))
        self.not_actor_words = frozenset(read_wordlist(paths[e + "not_actor_words.txt"]))
        self.event_nouns = frozenset(w.lower() for w in read_wordlist(paths[e + "event_nouns.txt"]))
        self.facility_words = frozenset(read_wordlist(paths[e + "facility_words.txt"]))
        self.speech_verbs = frozenset(w.lower() for w in read_wordlist(paths[e + "person_verbs.txt"])) | _SOURCE_VERBS
        self.acronyms: dict[str, set[str]] = {}
        for row in read_tsv(paths[e + "acronyms.tsv"]):
            if len(row) >= 2:
                self.acronyms[row[0].replace(".", "")] = {_fold(x) for x in row[1].split("|")}
        self.inst_set = frozenset(w.lower() for w in self.institutions)
        self._country_by_name: dict[str, str] | None = None

    # ------------------------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        layout = doc._.extractor_layout or {}
        dl = layout.get("dateline") or {}
        dateline = (dl.get("start", -1), dl.get("end", -1))
        publishers = {_fold(p) for p in (
            (layout.get("footer") or {}).get("publisher"), (layout.get("dateline") or {}).get("agency")) if p}
        if dl:  # the agency as written in the dateline: "(AP)", "(Reuters)"
            publishers |= {_fold(a) for a in re.findall(r"\(([^()]{2,30})\)", doc_text(doc)[dl["start"]:dl["end"]])}
        groups: list[dict[str, Any]] = []
        by_key: dict[tuple, dict[str, Any]] = {}
        full_names = {_fold(e.text) for e in doc.ents if e.label_ == "PERSON" and len(_fold(e.text).split()) >= 2}
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "NORP") or _PARTY_STATE.match(ent.text):
                continue  # "(D-Va.)": a party affiliation, not an organisation
            span = self._clean(ent)
            if span is not None and ent.label_ == "PERSON":
                span = self._trim_to_known(span, full_names)
            if span is None or dateline[0] <= span.start_char < dateline[1]:
                continue  # "KHARTOUM, Sudan (AP) —": the agency is the publisher
            if ent.label_ == "ORG" and self._inside_title(span):
                continue
            folded = _fold(span.text)
            if not folded or folded in publishers or span.text.lower() in self.demonyms:
                continue  # the publisher; "Latinos", "Palestinians" (collectives) are no actors
            if self._is_medium(span) or (len(span) > 1 and span[0].text in self.not_actor_words):
                continue  # "said on Telegram"; "Typhoon Yagi" is an event
            if span.start > 0 and doc[span.start - 1].lower_ in self.event_nouns and doc[span.start - 1].is_lower:
                continue  # "as tropical storm Nalgae battered": a storm, not an actor
            if ent.label_ == "NORP" and not self._norp_actor(span):
                group = by_key.get(("ORG", folded + "s")) or by_key.get(("NORP", folded + "s"))
                if group is not None:  # "Houthi rebels" after "the Houthis": a mention of the group
                    group["spans"].append(span)
                continue
            key = self._key(span, ent.label_, by_key)
            if ent.label_ == "NORP":
                key = ("NORP", folded)
            group = by_key.get(key)
            if group is None:
                group = {"type": ent.label_, "spans": [], "keys": {key}}
                groups.append(group)
                by_key[key] = group
            group["spans"].append(span)
            self._register_aliases(group, span, by_key)
        self._link_acronyms(doc, groups, by_key)
        groups = _merge_plurals(groups)
        for g in groups:  # "took refuge in the Mweso General Hospital": a place, unless it speaks
            if g["spans"] and all(self._facility(s) for s in g["spans"]):
                # "the Ibn Rushd school": the facility's own noun belongs to the name
                whole = [s if s[-1].text in self.facility_words else doc[s.start:s.end + 1] for s in g["spans"]]
                if any(self._is_source(s) for s in whole):
                    g["type"] = "ORG"  # "Nasser Hospital said" (often tagged PERSON) is a body
                    g["spans"] = whole
                else:
                    g["spans"] = []
        doc._.extractor_actors = self._render(doc, groups)

    def _facility(self, span: Span) -> bool:
        """A facility's name: 'Mweso General Hospital', or a name before a lower-case facility noun
        ('the Ibn Rushd school', 'the Al Aqsa Martyrs mosque')."""
        if len(span) >= 2 and span[-1].text in self.facility_words:
            return True
        doc = span.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        return nxt is not None and nxt.is_lower and nxt.text.capitalize() in self.facility_words and \
            span.root.dep_ == "compound" and span.root.head.i == nxt.i

    # mention clean-up ---------------------------------------------------------------------
    def _trim_to_known(self, span: Span, full_names: set[str]) -> Span:
        """'Miss Universe Alicia Machado', 'rival Hillary Clinton' -> the name the article uses.
        Only a prefix that starts with a title or holds a non-name word is cut ('Aung San Suu Kyi'
        and 'Douglas Holtz-Eakin' keep their given names)."""
        doc = span.doc
        for k in range(span.start + 1, span.end - 1):
            if _fold(doc[k:span.end].text) in full_names:
                prefix = doc[span.start:k]
                if prefix[0].lower_ in self.titles or any(t.pos_ != "PROPN" for t in prefix):
                    return doc[k:span.end]
                break
        return span

    def _clean(self, ent: Span) -> Span | None:
        """Drop a leading lowercase 'the', title words inside PERSON spans and possessives."""
        doc = ent.doc
        start, end = ent.start, ent.end
        while end > start and (doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
            start += 1
        if ent.label_ == "PERSON":
            while start < end - 1 and doc[start].lower_ in self.titles:
                start += 1
            for k in range(start, end):  # 'Robert C. "Bobby' -> 'Robert C.'; 'W]e' -> nothing
                if any(ch in _BAD_NAME_CHARS for ch in doc[k].text):
                    end = k
                    break
            while end > start and doc[end - 1].is_punct and doc[end - 1].text != ".":
                end -= 1
        if end <= start or not any(self._name_token(t) for t in doc[start:end]):
            return None
        if all(t.is_punct or t.lower_ in self.titles or t.lower_ in _TITLE_MODIFIERS for t in doc[start:end]):
            return None  # "Rear Adm." cut from its name by a sentence break: a title, no actor
        return doc[start:end]

    def _is_source(self, span: Span) -> bool:
        """'the hospital said', 'according to Nasser Hospital', 'a list provided by X Hospital'."""
        doc = span.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.lemma_.lower() in self.speech_verbs:
            return True
        root = span.root
        if root.dep_ in ("nsubj", "agent") and root.head.lemma_.lower() in self.speech_verbs:
            return True
        prev = [t.lower_ for t in doc[max(0, span.start - 3):span.start] if t.lower_ != "the"]
        if prev[-2:] == ["according", "to"]:
            return True
        if prev and prev[-1] == "by" and span.start >= 2:
            by = doc[span.start - 1] if doc[span.start - 1].lower_ == "by" else doc[span.start - 2]
            return by.head.lemma_.lower() in _SOURCE_VERBS
        return False

    def _name_token(self, t: Any) -> bool:
        """A word that can carry a name: 'Hamas', 'M23'; a dotted acronym only when it names a body
        ('U.N.'), not a state or initial ('N.Y.', 'D.C.', 'J.')."""
        if t.is_alpha:
            return len(t) > 1
        if _LETTER_DIGITS.match(t.text):
            return True  # "M23", "G20" (not "A6": a page or a road)
        return bool(_DOTTED.match(t.text)) and t.text.replace(".", "") in self.acronyms

    def _inside_title(self, span: Span) -> bool:
        """'Secretary of State Antony Blinken', 'Defense Minister Yoav Gallant': the one-word ORG
        belongs to the title, it is no actor."""
        doc = span.doc
        if len(span) != 1:
            return False
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in self.titles:
            return True
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        return span.text.lower() in self.portfolio and nxt in self.titles

    def _is_medium(self, span: Span) -> bool:
        """'said on Telegram', 'in a Telegram post': in news a platform is the medium, not an actor."""
        return span.text.lower() in self.platforms

    def _norp_actor(self, span: Span) -> bool:
        """A NORP is an actor only when it names a group acting on its own ('the Houthis said'),
        not a nationality, not a modifier ('Shahed drones')."""
        low = span.text.lower()
        if low in self.demonyms or low.rstrip("s") in self.demonyms:
            return False
        root = span.root
        plural = root.tag_ in ("NNPS", "NNS") or (root.text.endswith("s") and root.pos_ == "PROPN")
        return root.dep_ not in ("compound", "amod", "nmod") and plural

    # grouping -----------------------------------------------------------------------------
    def _key(self, span: Span, label: str, by_key: dict[tuple, dict[str, Any]]) -> tuple:
        words = [t.text for t in span if not t.is_punct or t.text in ".-"]
        folded = _fold(span.text)
        if label == "PERSON":
            if len(folded.split()) == 1:
                # a surname alone joins the most recent full name ending with it
                hit = by_key.get(("PERSON-surname", folded))
                if hit is not None:
                    return next(iter(k for k in hit["keys"] if k[0] == "PERSON"))
                first = by_key.get(("PERSON-first", folded))
                if first is not None:
                    return next(iter(k for k in first["keys"] if k[0] == "PERSON"))
            if len(folded.split()) >= 2 and ("PERSON", folded) not in by_key:
                longer = by_key.get(("PERSON-suffix", folded))  # "Guajardo Villarreal" after the full name
                if longer is not None:
                    return next(iter(k for k in longer["keys"] if k[0] == "PERSON"))
            return ("PERSON", folded)
        inst = self._institution_key(span)
        if inst is not None:
            return inst
        del words
        if ("ORG", folded) not in by_key:
            tail = by_key.get(("ORG-tail", folded))
            if tail is not None and tail["type"] == "ORG":
                return next(iter(k for k in tail["keys"]))
        return ("ORG", folded)

    def _register_aliases(self, group: dict[str, Any], span: Span, by_key: dict[tuple, dict[str, Any]]) -> None:
        folded = _fold(span.text)
        if group["type"] == "PERSON":
            parts = folded.split()
            if len(parts) >= 2:
                # "Clinton" after "Hillary Clinton" and "Chelsea Clinton": the most-mentioned one
                prev = by_key.get(("PERSON-surname", parts[-1]))
                if prev is None or prev is group or len(group["spans"]) > len(prev["spans"]):
                    by_key[("PERSON-surname", parts[-1])] = group
                by_key.setdefault(("PERSON-first", parts[0]), group)
                for k in range(1, len(parts) - 1):  # multi-word surnames: "Peña Nieto", "Holtz Eakin"
                    suffix = " ".join(parts[k:])
                    by_key.setdefault(("PERSON-suffix", suffix), group)
                    short = by_key.get(("PERSON", suffix))
                    if short is not None and short is not group and all(
                            _fold(x.text) == suffix for x in short["spans"]):
                        group["spans"].extend(short["spans"])
                        short["spans"] = []
                        by_key[("PERSON", suffix)] = group
                # a later full name that extends an earlier one-word actor ("Trump" in the headline,
                # "Heidi" before "Heidi Cruz")
                for part in (parts[-1], parts[0]):
                    lone = by_key.get(("PERSON", part))
                    if lone is not None and lone is not group and all(len(x) == 1 for x in lone["spans"]):
                        group["spans"].extend(lone["spans"])
                        lone["spans"] = []
                        by_key[("PERSON", part)] = group
            if ("PERSON", folded) not in by_key or len(parts) >= 2:
                by_key[("PERSON", folded)] = group
        elif group["type"] == "ORG":
            # "the Post" after "The New York Post": a short form ending an earlier name
            words = folded.split()
            if len(words) >= 2:
                for k in range(1, len(words)):
                    by_key.setdefault(("ORG-tail", " ".join(words[k:])), group)

    def _institution_key(self, span: Span) -> tuple | None:
        """('INST', country code, institution) for "Russia's defense ministry" and variants."""
        text = re.sub(r"^(?:the|The)\s+", "", span.text.replace("’", "'"))
        low = text.lower()
        owner = None
        rest = None
        if "'s " in low:
            owner, rest = text.split("'s ", 1)
        else:
            parts = text.split(" ", 1)
            if len(parts) == 2 and parts[0].lower() in self.demonyms:
                owner, rest = parts
            elif len(parts) == 2 and parts[1].lower().replace("defence", "defense") in self.inst_set \
                    and parts[0][:1].isupper() and parts[0].isalpha() and parts[0].lower() not in self.titles:
                owner, rest = parts  # "Gaza Health Ministry" = "Gaza's health ministry"
        if owner is None or rest is None:
            return None
        code = self.demonyms.get(owner.lower()) or self._country_code(owner)
        if code == "-":
            return None
        if code is None:
            return None
        inst = rest.lower().replace("defence", "defense")
        inst = re.sub(r"^ministry of (\w+)$", r"\1 ministry", inst)
        return ("INST", code, inst)

    def _country_code(self, name: str) -> str | None:
        if self._country_by_name is None:
            from ..gazetteer import fold, get_gazetteer  # noqa: F401  (lazy: only for possessives)

            self._country_by_name = {}
        key = name.lower()
        if key not in self._country_by_name:
            from ..gazetteer import get_gazetteer

            code = None
            for cand in get_gazetteer().lookup(name):
                if cand.kind == "country" and not cand.alternate:
                    code = cand.country_code
                    break
            self._country_by_name[key] = code or name.lower()
        return self._country_by_name[key]

    def _link_acronyms(self, doc: Doc, groups: list[dict[str, Any]], by_key: dict[tuple, dict[str, Any]]) -> None:
        """'Israel Defense Forces (IDF)' ... 'the IDF': merge the acronym into the full name."""
        orgs = [g for g in groups if g["type"] == "ORG" and g["spans"]]
        full: dict[str, dict[str, Any]] = {}
        for g in orgs:
            for sp in g["spans"]:
                words = [t.text for t in sp if t.text.lower() not in _ACRONYM_SKIP and t.text[:1].isupper()]
                if len(words) >= 2:
                    full.setdefault("".join(w[0] for w in words).upper(), g)
        for g in orgs:  # a known acronym: "CENTCOM" ... "US Central Command"
            if not g["spans"]:
                continue
            expansions = self.acronyms.get(g["spans"][0].text.replace(".", ""))
            if not expansions:
                continue
            target = next((o for o in orgs if o is not g and o["spans"] and any(
                _fold(sp.text) in expansions for sp in o["spans"])), None)
            if target is not None:
                target["spans"].extend(g["spans"])
                g["spans"] = []
        for g in orgs:
            if not g["spans"]:
                continue
            text = g["spans"][0].text.replace(".", "")
            if text.isupper() and 2 <= len(text) <= 8 and text in full and full[text] is not g:
                target = full[text]
                target["spans"].extend(g["spans"])
                g["spans"] = []

    # output -------------------------------------------------------------------------------
    def _render(self, doc: Doc, groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
        live = [g for g in groups if g["spans"]]
        for g in live:
            g["spans"].sort(key=lambda s: s.start_char)
        live.sort(key=lambda g: g["spans"][0].start_char)
        out = []
        for n, g in enumerate(live, 1):
            spans = g["spans"]
            aliases = list(dict.fromkeys(s.text for s in spans))
            name = self._best_name(g["type"], aliases)
            titles: list[str] = []
            if g["type"] == "PERSON":
                for s in spans:
                    for t in self._titles(s):
                        if t not in titles:
                            titles.append(t)
            out.append({
                "id": f"a{n}",
                "name": name,
                "type": g["type"],
                "aliases": aliases,
                "titles": titles,
                "mentions": [{"text": s.text, "start": s.start_char, "end": s.end_char} for s in spans],
            })
        return out

    @staticmethod
    def _best_name(kind: str, aliases: list[str]) -> str:
        """Fullest form: most words, then the possessive institution form, then first seen."""
        def score(a: str) -> tuple:
            return (len(a.split()), "'s " in a.replace("’", "'"), -aliases.index(a))
        return max(aliases, key=score)

    def _titles(self, span: Span) -> list[str]:
        """Premodifier ('Kremlin spokesperson Dmitry Peskov') and appositive titles."""
        doc = span.doc
        found = []
        # premodifier: tokens left of the name up to a determiner / punctuation / verb
        i = span.start - 1
        start = span.start
        while i >= 0 and i >= span.start - 6:
            t = doc[i]
            if t.is_punct and t.text != "-" or t.pos_ in ("DET", "VERB", "AUX", "PRON", "CCONJ", "SCONJ"):
                break
            if t.pos_ == "ADP" and not (t.lower_ == "of" and i > 0 and doc[i - 1].lower_ in self.titles):
                break
            if "\n" in t.whitespace_ or t.is_space:
                break
            start = i
            i -= 1
        if start < span.start:
            words = doc[start:span.start]
            heads = [k for k, t in enumerate(words) if t.lower_ in self.titles or t.lower_.rstrip("s") in self.titles]
            if heads:
                last = heads[-1]
                while start + last + 2 < span.start and words[last + 1].text == "-":
                    last += 2  # "President-elect", "Attorney-General"
                title = doc[start: start + last + 1]
                if title.text and title.text[:1] and not title.text.endswith("'s"):
                    found.append(title.text)
        # apposition: "John Healey, the British defense secretary,"
        if span.end + 1 < len(doc) and doc[span.end].text == ",":
            j = span.end + 1
            if doc[j].lower_ in ("the", "a", "an"):
                j += 1
            k = j
            while k < len(doc) and k < j + 8 and (not doc[k].is_punct or doc[k].text == "-") and \
                    not doc[k].is_space and doc[k].pos_ not in ("VERB", "AUX", "PRON"):
                k += 1
            if k > j and k < len(doc) and doc[k].text in (",", ".", ";"):
                phrase = doc[j:k]
                if any(t.lower_ in self.titles for t in phrase) and phrase.text[:1]:
                    found.append(phrase.text)
        return found


#: words that only qualify a title ("Rear Adm.", "Vice Adm.", "Deputy Chief")
_TITLE_MODIFIERS = frozenset({"rear", "vice", "deputy", "acting", "former", "chief", "lieutenant", "major",
                              "brigadier", "staff"})


def _merge_plurals(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """'Houthi' (ORG) and 'Houthis' (often tagged PERSON): one group named in the singular and the
    plural is one actor, an organisation. Two people ('William', 'Williams') are left apart."""
    single: dict[str, dict[str, Any]] = {}
    for g in groups:
        names = {_fold(s.text) for s in g["spans"]}
        if len(names) == 1 and len(next(iter(names)).split()) == 1:
            single.setdefault(next(iter(names)), g)
    drop: set[int] = set()
    for name, g in single.items():
        other = single.get(name + "s")
        if other is None or other is g or {g["type"], other["type"]} == {"PERSON"} or \
                not {g["type"], other["type"]} & {"ORG", "NORP"}:
            continue
        keep, gone = (g, other) if g["spans"][0].start < other["spans"][0].start else (other, g)
        keep["spans"] = sorted(keep["spans"] + gone["spans"], key=lambda s: s.start)
        keep["keys"] |= gone["keys"]
        keep["type"] = "ORG"
        drop.add(id(gone))
    return [g for g in groups if id(g) not in drop]

