"""Casualty counts ("at least six killed") and weapon counts ("shot down 145 Russian drones").

How it works, per amount found by `extractor.rules.counts.amounts.find_numbers`:
1. Find what is counted: the noun the number modifies ("six fatalities", "23 Shahed drones"),
   the noun after "of" in a partitive ("74 of the 117 drones", "23 of which"), or nothing
   ("injuring seven", "eight over the Kursk region").
2. A weapon noun gives a weapon entry; the action comes from the governing verb (object,
   passive subject, "attacked ... with N drones", relative clause), the operator from a
   demonym on the noun or the attacker of the sentence, `by` from the reporting source.
3. A person noun, a casualty noun or a bare number gives a casualty entry when a casualty
   word ties it to a kind: a governing verb ("killed two people"), a predicate after it
   ("three soldiers died", "12 dead"), a word inside the phrase ("eight injured residents"),
   a toll ("the death toll rose to 25"), or an "including ..." subset of an earlier entry.
4. The same fact repeated (headline, lead, quote) is kept once, the first time it is seen.

All vocabulary lives in models/lexicons/counts/ (see counts_lexicon.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..rules.counts.amounts import NumberMatch, find_numbers
from .base import DataComponent, doc_text
from .counts_lexicon import FILES, CountsLexicon

# Tiny grammatical sets (not vocabulary): entity labels that are never counts, pronouns that
# point back, reporting verbs whose subject is the source, auxiliaries/adverbs allowed
# between a counted phrase and its predicate.
_NOT_COUNT_ENTS = frozenset(["DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"])
_BACK_PRONOUNS = frozenset(["them", "which", "those", "these", "whom"])
_REPORT_VERBS = frozenset(["say", "report", "confirm", "announce", "claim", "state", "add", "tell", "write",
                           "post", "note", "publish", "record", "update"])
_SUBJ_PRONOUNS = frozenset(["it", "they", "he", "she", "we", "i", "you", "who", "that", "which"])
_PRED_FILLER = frozenset(["be", "have", "also", "reportedly", "there", "later", "each", "all", "both", "now",
                          "so", "far", "still", "were", "was", "been", "are", "is", "had", "has", "have",
                          "being", "allegedly", "subsequently", "initially", "then", "confirmed", "reported",
                          "remain", "remained", "remains"])
#: Words of qualifiers and determiners skipped when looking for the verb before a number.
#: Quantifiers that make "of the N ..." a total ("most of the 150 rockets").
_PART_WORDS = frozenset(["most", "some", "all", "many", "half", "none", "majority", "bulk", "rest", "part", "few"])
_MODALS = frozenset(["could", "would", "may", "might", "should", "will", "can", "must"])
_QUALIFIER_WORDS = frozenset(["at", "least", "more", "than", "about", "some", "nearly", "almost", "over", "up", "to",
                              "around", "another", "an", "additional", "the", "all", "fewer", "less", "no", "roughly",
                              "approximately", "as", "many", "estimated", "a", "total", "of"])
_PLACE_PREPS = frozenset(["in", "over", "near", "at", "above", "across", "around", "outside", "of", "into", "on"])
_DOWN_ACTIONS = frozenset(["shot_down", "intercepted", "destroyed"])
_ACTION_CLASS = {"launched": "launched", "fired": "launched", "deployed": "launched", "shot_down": "downed",
                 "intercepted": "downed", "destroyed": "downed", "struck": "struck"}
_APOS = str.maketrans({"’": "'", "‘": "'"})
#: a definite determiner right before a count: the article refers back to a count it gave
_DEFINITE_RE = re.compile(r"\b(?:the|those|these|all)\s+$", re.IGNORECASE)


@dataclass
class _Entry:
    """One found count before it becomes contract JSON."""

    data: dict[str, Any]
    sent_start: int
    pos: int  # character position used for ordering/inheritance
    definite: bool = False  # "the four wounded": a count the article has already given


class CountsComponent(DataComponent):
    """Writes doc._.extractor_casualties and doc._.extractor_weapons (contract shapes)."""

    DATA_FILES: ClassVar[tuple[str, ...]] = FILES

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.lex: CountsLexicon | None = None
        self._ent_at: dict[int, Span] = {}  # token index -> entity, rebuilt for each document

    def _load(self, paths: dict[str, Path]) -> None:
        """Load the word lists and precompile the multi-word predicate pattern (once per instance)."""
        self.lex = CountsLexicon.load(paths)
        lex = self.lex
        self._among_re = re.compile(r"\bamong\s+(?:the|those)\s+(" + "|".join(map(re.escape, lex.among_words))
                                    + r")\s+(?:were|was|are|is|have\s+been)\s+$", re.I)
        words = "|".join(map(re.escape, lex.among_words))
        # "Two of the victims were ...", "Twenty of those killed were ..."
        self._group_part_re = re.compile(r"\s+of\s+(?:the|those)\s+(?:people\s+)?(" + words + r")\b(?=\s+(?:were|was|"
                                         r"are|is)\b)", re.I)
        self._among_count_re = re.compile(
            r"\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?(?:(?:at\s+least|more\s+than|some|about|nearly|"
            r"over)\s+)?[\w,-]+\s+(?:[a-z-]+\s+)?(" + "|".join(map(re.escape, lex.cas_adjs)) + r")\b", re.I)
        # fronted: "Of the dead, 20 were children"
        self._group_front_re = re.compile(r"\bof\s+(?:the|those)\s+(?:people\s+)?(" + words + r")\s*,\s*$", re.I)
        self._phrase_re = re.compile(
            r"^\s*(?:" + "|".join(re.escape(p) for p in sorted(lex.cas_phrases, key=len, reverse=True)) + r")\b")

    # ------------------------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        """Find every amount, decide what it counts, and write the de-duplicated entries."""
        assert self.lex is not None
        text = doc_text(doc)
        lex = self.lex
        self._ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}
        places = [p for p in _place_mentions(doc) if p[2].lower().translate(_APOS) not in lex.demonyms]
        state = _State()
        layout = doc._.extractor_layout or {}
        title = layout.get("title") if isinstance(layout, dict) else None
        state.title_end = int(title["end"]) if isinstance(title, dict) and title.get("end") else 0
        for m in find_numbers(text, vague=lex.vague, qualifiers=lex.qual_before, qualifiers_after=lex.qual_after):
            if m.skip is not None:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if m.vague is None and self._ner_says_not_count(doc, span, m):
                continue
            self._analyse(doc, m, span, places, state)
        doc._.extractor_casualties = _dedupe(state.casualties, ("kind",), title_end=state.title_end)
        doc._.extractor_weapons = _dedupe(state.weapons, ("weapon",), action_class=True, title_end=state.title_end)

    def _ner_says_not_count(self, doc: Doc, span: Span, m: NumberMatch) -> bool:
        """True when the NER puts the number inside a date/time/money/... expression ("the past 24 hours").

        A bare number tagged DATE ("wounding 47") is a tagging slip unless it looks like a year, and a
        number followed by a person or weapon noun is a count whatever the tag says."""
        assert self.lex is not None
        ent = self._ent_at.get(span[0].i)
        if ent is None or ent.label_ not in _NOT_COUNT_ENTS:
            return False
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and (self._weapon_class(nxt) or nxt.lemma_.lower() in self.lex.people):
            return False
        extra = [t for t in ent if not (span.start <= t.i < span.end) and not t.like_num
                 and t.lower_ not in _QUALIFIER_WORDS]
        if extra:
            return True
        return ent.label_ in ("DATE", "TIME") and m.value is not None and 1900 <= m.value <= 2100 and "," not in m.text

    # ------------------------------------------------------------------------------------
    def _analyse(self, doc: Doc, m: NumberMatch, span: Span, places: list[tuple[int, int, str]],
                 state: _State) -> None:
        """Route one amount: weapon entry, casualty entry, or nothing (regions, houses, nations...)."""
        lex = self.lex
        assert lex is not None
        if m.start in state.consumed:
            return
        sent = span[0].sent
        nxt = doc[span.end] if span.end < sent.end else None
        # --- what is counted
        head: Token | None = None
        partitive_total: NumberMatch | None = None
        partitive_head: Token | None = None
        out_of = nxt is not None and nxt.lower_ == "out" and span.end + 1 < sent.end \
            and doc[span.end + 1].lower_ == "of"
        if nxt is not None and (nxt.lower_ == "of" or out_of):
            head, partitive_total = self._partitive(doc, span, sent)
            partitive_head = head
        else:
            head = self._counted_noun(span, sent)
        if head is not None and partitive_total is None and self._weapon_class_phrase(doc, span.end, head.i + 1):
            wclass = self._weapon_class_phrase(doc, span.end, head.i + 1)
        elif head is not None:
            wclass = self._weapon_class(head)
        else:
            wclass = None
        if wclass and wclass != "missile" and head is not None and any(
                c.dep_ == "conj" and self._weapon_class(c) == "missile" and c.tag_ == "NNS" and not any(
                    g.dep_ in ("nummod", "det") for g in c.children) for c in head.children):
            # "24 drones and missiles": one mixed total, filed under missile (like "rockets and missiles")
            wclass = "missile"
        if not wclass and head is not None and head.lemma_.lower() == "launch" and head.i == span.end:
            prev_w = next((e for e in reversed(state.weapons) if e.pos >= sent.start_char - 600), None)
            if prev_w is not None:  # "fired dozens of rockets ... approximately 35 launches": launches of those
                wclass = prev_w.data["weapon"]
        if not wclass and head is not None and head.lemma_.lower() in ("other", "more") and head.i == span.end \
                and head.head.lemma_.lower() not in lex.cas_verbs:  # "wounding 180 others": people
            prev_w = next((e for e in reversed(state.weapons) if e.sent_start == sent.start), None)
            if prev_w is not None:  # "shot down eight drones ... and destroyed two others"
                wclass = prev_w.data["weapon"]
        if not wclass and head is None and self._bare_weapon_verb(span):
            near = {sent.start, doc[sent.start - 1].sent.start if sent.start > 0 else sent.start}
            prev_w = next((e for e in reversed(state.weapons) if e.sent_start in near), None)
            if prev_w is not None:  # "Of the 65 drones launched, 41 were shot down"
                wclass = prev_w.data["weapon"]
                head = span[-1]
        if wclass:
            self._weapon(doc, m, span, head, wclass, partitive_total, partitive_head, places, state)
            return
        if partitive_total is not None and m.value == 1:
            return  # "one of 20 students killed": an individual, the total is counted on its own
        if head is not None:
            hl = head.lemma_.lower()
            is_person = hl in lex.people or head.lower_ in lex.people or (
                head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS")) or hl in lex.cas_nouns \
                or head.lower_ in lex.cas_nouns or head.lower_ in lex.cas_adjs
            if not is_person:
                return
        self._casualty(doc, m, span, head, places, state)

    def _bare_weapon_verb(self, span: Span) -> bool:
        """A bare number that is the passive subject of a weapon verb ("41 were shot down")."""
        assert self.lex is not None
        tok = span[-1]
        return tok.dep_ == "nsubjpass" and self._verb_action(tok.head, self.lex.act_object) is not None

    # -- counted noun ----------------------------------------------------------------------
    def _counted_noun(self, span: Span, sent: Span) -> Token | None:
        """The noun the number counts ("six fatalities" -> fatalities), or None for a bare number."""
        doc = span.doc
        tok = span[-1]
        h = tok.head
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and h.i > tok.i and h.i - tok.i <= 7 \
                and h.pos_ in ("NOUN", "PROPN", "ADJ") and h.i < sent.end:
            # "three Kh-22 supersonic cruise missiles": climb compounds to the phrase head
            while h.dep_ == "compound" and h.head.i > h.i and h.head.i - tok.i <= 7 \
                    and h.head.pos_ in ("NOUN", "PROPN"):
                h = h.head
            if not any(doc[k].is_punct and doc[k].text not in "-‐" for k in range(tok.i + 1, h.i)):
                return h
        # linear fallback: adjectives / compounds / proper names up to the last noun
        last: Token | None = None
        for k in range(span.end, min(sent.end, span.end + 6)):
            t = doc[k]
            if t.pos_ in ("NOUN", "PROPN") or self._weapon_class(t):  # weapon names are often mis-tagged
                last = t
                if k + 1 < sent.end and (doc[k + 1].pos_ in ("NOUN", "PROPN") or self._weapon_class(doc[k + 1])) \
                        and not doc[k + 1].is_punct:
                    continue
                break
            if t.pos_ in ("ADJ", "NUM") or t.text in "-‐" or (t.tag_ in ("VBN", "VBG") and k + 1 < sent.end
                                                               and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ")):
                continue
            break
        return last

    def _partitive(self, doc: Doc, span: Span, sent: Span) -> tuple[Token | None, NumberMatch | None]:
        """ "74 of the 117 drones" -> (drones, 117); "23 of which" / "26 of them" -> (antecedent, None)."""
        of = doc[span.end + 1] if doc[span.end].lower_ == "out" else doc[span.end]
        total: NumberMatch | None = None
        possessor: Token | None = None
        for k in range(of.i + 1, min(sent.end, of.i + 8)):
            t = doc[k]
            if t.lower_ in _BACK_PRONOUNS:
                return self._antecedent(doc, span.start, sent), None
            if t.like_num and total is None:
                found = find_numbers(doc_text(doc)[t.idx:t.idx + 40])
                if found and found[0].start == 0 and found[0].value is not None and found[0].skip is None:
                    total = NumberMatch(t.idx, t.idx + found[0].end, found[0].text, found[0].value)
                continue
            if t.pos_ in ("NOUN", "PROPN"):
                # climb compounds: "the 20 Shahed drones"
                while k + 1 < sent.end and doc[k + 1].pos_ in ("NOUN", "PROPN") and not doc[k + 1].is_punct:
                    k += 1
                if k + 2 < sent.end and doc[k + 1].tag_ == "POS" and t.dep_ == "poss":
                    possessor = doc[k]
                    continue  # "three of the group's members": the possessor is not what is counted
                return doc[k], total
            if t.pos_ in ("ADJ", "VERB") and (t.lower_ in self.lex.cas_adjs or t.lower_ in self.lex.cas_nouns) \
                    and not (k + 1 < sent.end and doc[k + 1].pos_ in ("NOUN", "PROPN")):
                # "9 of the dead were civilians" is a subset by who; "two of the injured are in critical
                # condition" is not a separate count
                who = doc[k + 2] if k + 2 < sent.end and doc[k + 1].lemma_ == "be" else None
                if who is not None and who.pos_ == "DET" and k + 3 < sent.end:
                    who = doc[k + 3]
                ok = who is not None and (who.lemma_.lower() in self.lex.people or who.ent_type_ == "NORP"
                                          or who.lower_ == "from")  # "53 of the dead were from Maguindanao"
                return (t if ok else None), total
            if t.pos_ in ("DET", "ADJ", "NUM", "VERB") or t.text in "-‐" or t.tag_ in ("PRP$", "POS") or (
                    t.pos_ == "ADV" and possessor is not None):
                continue  # "five of their fighters", "37 of the 40 Shahed drones" (Shahed mis-tagged as a verb)
            break
        return possessor, None  # "one of the court's ..." with no noun found: still not a bare number

    def _antecedent(self, doc: Doc, before: int, sent: Span) -> Token | None:
        """Nearest preceding plural noun that names weapons or people (this or the previous sentence)."""
        assert self.lex is not None
        lo = sent.start
        if lo > 0:
            lo = doc[lo - 1].sent.start
        for k in range(before - 1, lo - 1, -1):
            t = doc[k]
            if t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NNPS"):
                if self._weapon_class(t) or t.lemma_.lower() in self.lex.people:
                    return t
                if k >= sent.start and t.dep_ not in ("nsubj", "nsubjpass"):
                    return t  # nearest plural noun of the clause decides ("20 of them" = garages), not its subject
        return None

    def _weapon_class(self, tok: Token) -> str | None:
        """Weapon class named by one token ("drones", "Shaheds", "Iskanders"), or None."""
        assert self.lex is not None
        low, lem = tok.lower_, tok.lemma_.lower()
        for name, klass in self.lex.weapon_names:
            if " " in name:
                continue
            if low == name or lem == name or (low.endswith("s") and low[:-1] == name):
                return klass
        return None

    def _weapon_class_phrase(self, doc: Doc, start: int, end: int) -> str | None:
        """Multi-word weapon names inside the counted phrase ("glide bombs", "cruise missiles")."""
        assert self.lex is not None
        if end <= start:
            return None
        phrase = doc[start:end].text.lower()
        for name, klass in self.lex.weapon_names:
            if " " in name and re.search(r"\b" + re.escape(name) + r"s?\b", phrase):
                return klass
        return None

    # -- weapons --------------------------------------------------------------------------
    def _weapon(self, doc: Doc, m: NumberMatch, span: Span, head: Token | None, wclass: str,
                total: NumberMatch | None, phead: Token | None, places: list[tuple[int, int, str]],
                state: _State) -> None:
        """Build the weapon entry for one amount (plus the stated total of a partitive and any breakdown)."""
        lex = self.lex
        assert lex is not None and head is not None
        sent = span[0].sent
        partitive = phead is not None
        anchor = span[-1] if partitive else head
        action, verb = self._weapon_action(doc, anchor, span, head, sent)
        if self._is_transfer(anchor if partitive else head):
            return  # "Germany will send 100 Taurus missiles to Ukraine": aid, not an attack
        if action is None:
            if any(t.lemma_.lower() in lex.attack_context for t in sent):
                action = "launched"
            else:
                return
        operator = self._operator(doc, span, head, sent, verb, sentence_level=action not in _DOWN_ACTIONS) \
            or state.operator_for(wclass) or self._doc_attacker(doc, state)
        by = self._by(doc, verb, sent) if action in _DOWN_ACTIONS else None
        # evidence: verb before (close) .. head noun, or number .. passive verb after
        ev_start, ev_end = m.qstart, (head.idx + len(head.text)) if head.i >= span.end else m.end
        if partitive and phead is not None and phead.i >= span.end:
            ev_end = max(ev_end, phead.idx + len(phead.text))
        if verb is not None:
            vs, ve = _verb_extent(verb)
            if vs < ev_start and span[0].i - verb.i <= 3 and verb.i < span[0].i \
                    and not any(t.like_num for t in doc[verb.i + 1:span[0].i]):
                ev_start = vs
            elif verb.i > anchor.i and verb.i - anchor.i <= 5:
                ev_end = max(ev_end, ve)
        place = self._weapon_place(doc, head if not partitive else anchor, sent, places, verb)
        entry = {"weapon": wclass, "count": m.value, "qualifier": m.qualifier, "vague": m.vague, "action": action,
                 "operator": operator, "by": by, "place": place,
                 "text": doc_text(doc)[ev_start:ev_end], "start": ev_start, "end": ev_end}
        state.add_weapon(entry, sent.start)
        if total is not None:
            state.consumed.add(total.start)
            ts, te = m.qstart, ev_end
            state.add_weapon({"weapon": wclass, "count": total.value, "qualifier": "exact", "vague": None,
                              "action": "launched", "operator": operator, "by": None, "place": None,
                              "text": doc_text(doc)[ts:te], "start": ts, "end": te}, sent.start)
        # per-region breakdown in the rest of the clause: "ten over Bryansk, eight over Kursk"
        self._breakdown(doc, span, sent, entry, places, state)

    def _weapon_action(self, doc: Doc, anchor: Token, span: Span, head: Token,
                       sent: Span) -> tuple[str | None, Token | None]:
        """What happened to the counted weapons, and the word that says it: governing verb first, then relative
        clauses, subject verbs, 'with' phrases, action nouns, and finally nearby words (headlines)."""
        lex = self.lex
        assert lex is not None
        g = anchor
        while g.dep_ == "conj" and g.head.i < g.i:
            g = g.head
        h = g.head
        if g.dep_ in ("dobj", "obj", "nsubjpass", "conj", "appos", "attr", "oprd") and h.pos_ in ("VERB", "AUX", "NOUN",
                                                                                                 "PROPN"):
            act = self._verb_action(h, lex.act_object)
            if act:
                return act, h
        # relative clause on the counted noun: "117 drones that Russian forces launched"
        for c in (head.children if anchor is head else ()):
            if c.dep_ in ("relcl", "acl") and c.i > head.i:
                act = self._verb_action(c, lex.act_object)
                own_object = any(x.dep_ == "dobj" and x.i != head.i and x.lower_ not in ("that", "which")
                                  for x in c.children)
                part = any(x.like_num and x.dep_ in ("nsubj", "nsubjpass", "dobj") for x in c.children)
                if act and (c.tag_ == "VBN" or c.dep_ == "relcl") and not own_object and not part:
                    return act, c
        if g.dep_ == "nsubj" and h.pos_ == "VERB":
            passive = any(c.dep_ == "auxpass" for c in h.children) or (
                h.tag_ == "VBN" and not any(c.dep_ in ("dobj", "aux") for c in h.children))
            act = self._verb_action(h, lex.act_object) if passive else self._verb_action(h, lex.act_subject)
            if act == "struck" and h.lemma_.lower() in ("crash", "fall") and _into_open_ground(h):
                act = "destroyed"  # "five of them crashed in the Red Sea": brought down, not a hit
            if act:
                return act, h
        if g.dep_ == "pobj" and h.lower_ == "of" and h.head.lower_ in _PART_WORDS:
            return "launched", None  # "intercepted most of the 150 rockets": 150 is the total launched
        if g.dep_ == "pobj":
            p = h
            hh = p.head
            if p.lower_ == "with":
                act = self._verb_action(hh, lex.act_with) or lex.act_nouns.get(hh.lemma_.lower())
                if act:
                    return act, hh
                if hh.pos_ == "NOUN" and hh.lemma_.lower() in lex.attack_context:
                    return "launched", hh
            if p.lower_ == "of" and hh.pos_ == "NOUN":
                act = lex.act_nouns.get(hh.lemma_.lower())
                if act:
                    return act, hh
        # linear fallback before: "Downing 18 drones", "shot down 145 Russian drones"
        start = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
        first = start[0].i if start is not None else span[0].i
        k = first - 1
        while k >= sent.start and first - k <= 4:
            t = doc[k]
            key = t.lower_ if t.lower_ in lex.act_object else t.lemma_.lower()
            if key not in lex.act_object and t.lower_.endswith("ing") and t.lower_[:-3] in lex.act_object:
                key = t.lower_[:-3]  # "Downing" tagged as a proper noun in headlines
            if t.lower_ == "down" and k - 1 >= sent.start:
                key2 = doc[k - 1].lemma_.lower() + " down"
                if key2 in lex.act_object:
                    return lex.act_object[key2], doc[k - 1]
            if key in lex.act_object and (t.pos_ == "VERB" or (t.pos_ in ("PROPN", "NOUN")
                                                               and t.lower_.endswith("ing"))):
                return lex.act_object[key], t
            if t.pos_ in ("VERB", "NOUN", "PROPN") and t.lower_ not in lex.qual_before:
                break
            k -= 1
        # linear fallback after: "50 of the drones were shot down", "drones were downed"
        k = (head.i if head.i > anchor.i else anchor.i) + 1
        while k < sent.end and k <= anchor.i + 10:
            t = doc[k]
            if t.pos_ == "VERB":
                act = self._verb_action(t, lex.act_object) if t.tag_ == "VBN" else self._verb_action(t, lex.act_subject)
                return act, (t if act else None)
            if t.is_punct or t.pos_ in ("PRON", "NUM") or (t.pos_ in ("NOUN", "PROPN") and k > head.i
                                                            and t.dep_ != "pobj"):
                break
            k += 1
        return None, None

    def _is_transfer(self, tok: Token) -> bool:
        """Weapons that are supplied, pledged, bought or produced rather than used."""
        assert self.lex is not None
        g = tok
        while g.dep_ == "conj" and g.head.i < g.i:
            g = g.head
        v = g.head
        if g.dep_ not in ("dobj", "nsubjpass", "pobj") or v.pos_ != "VERB":
            return False
        lem = v.lemma_.lower()
        if lem in self.lex.transfer_verbs:
            return True
        modal = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might", "should")
                    for c in v.children)
        to_someone = any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in v.children) or any(
            c.dep_ in ("xcomp", "advcl") and any(x.lower_ == "to" for x in c.children) for c in v.children)
        return lem in self.lex.maybe_transfer_verbs and (modal or to_someone)

    def _verb_action(self, verb: Token, table: dict[str, str]) -> str | None:
        """Action for a verb from one table, trying 'lemma particle' ("shoot down") before the lemma."""
        lem = verb.lemma_.lower()
        prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        if prt and f"{lem} {prt}" in table:
            return table[f"{lem} {prt}"]
        if lem in table:
            return table[lem]
        if verb.lower_ in table:
            return table[verb.lower_]
        return None

    def _country(self, tok: Token) -> str | None:
        """Short side name for a token: demonym ("Ukrainian" -> Ukraine) or a named place/group."""
        assert self.lex is not None
        low = tok.lower_.translate(_APOS)
        if low in self.lex.demonyms:
            return self.lex.demonyms[low]
        if tok.ent_type_ in ("GPE",) and tok.pos_ == "PROPN":
            ent = self._ent_at.get(tok.i)
            if ent is not None:
                return re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", ent.text, flags=re.I))
        return None

    def _doc_attacker(self, doc: Doc, state: _State) -> str | None:
        """The side that attacks in the article (first one found), for counts that do not say it."""
        if state.attacker is None:
            state.attacker = ""
            for sent in doc.sents:
                who = self._sentence_attacker(sent)
                if who:
                    state.attacker = who
                    break
        return state.attacker or None

    def _operator(self, doc: Doc, span: Span, head: Token, sent: Span, verb: Token | None,
                  sentence_level: bool = True) -> str | None:
        """Side that launched the weapons: demonym on the noun, relative clause subject/agent, 'from X', then (for
        launches only) the attacker of the sentence."""
        lex = self.lex
        assert lex is not None
        # demonym inside the counted phrase ("Ukrainian drones"), not "Iranian-made"
        for k in range(span.end, head.i + 1):
            t = doc[k]
            if k + 1 < len(doc) and doc[k + 1].text in "-‐" or self._weapon_class(t):
                continue
            c = self._country(t)
            if c:
                return c
        for c in head.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and not self._weapon_class(c) and self._country(c):
                return self._country(c)
        # relative clause / participle: "drones that Russian forces launched", "rockets fired by Hezbollah"
        for c in head.children:
            if c.dep_ in ("relcl", "acl"):
                for s in c.children:
                    if s.dep_ == "nsubj":
                        who = self._side(s)
                        if who:
                            return who
                    if s.dep_ == "agent":
                        who = self._first_side(s.children)
                        if who:
                            return who
                    if s.dep_ == "prep" and s.lower_ == "from":
                        who = self._first_side(s.children)
                        if who:
                            return who
        # the action verb's own source: "five rockets were fired from Gaza"
        if verb is not None and verb.pos_ == "VERB":
            for s in verb.children:
                if s.dep_ == "prep" and s.lower_ == "from" or s.dep_ == "agent" and \
                        self.lex.act_object.get(verb.lemma_.lower()) in ("launched", "fired", "deployed"):
                    who = self._first_side(s.children)
                    if who:
                        return who
        return self._sentence_attacker(sent) if sentence_level else None

    def _sentence_attacker(self, sent: Span) -> str | None:
        """Side that attacks in a sentence: subject of launch/attack, or "Russian attacks/forces"."""
        lex = self.lex
        assert lex is not None
        for t in sent:
            lem = t.lemma_.lower()
            launches = lem in lex.act_with or lex.act_object.get(lem) in ("launched", "fired", "deployed")
            if t.pos_ == "VERB" and launches:
                for s in t.children:
                    if s.dep_ == "nsubj":
                        if s.lower_ in _SUBJ_PRONOUNS:  # "The Houthis said they fired ..."
                            rep = t.head if t.dep_ in ("ccomp", "conj") else None
                            s = next((c for c in rep.children if c.dep_ == "nsubj"), s) if rep is not None else s
                        who = self._side(s)
                        if who:
                            return who
            if t.pos_ == "NOUN" and (lem in lex.attack_context or lem in ("force", "troop")) and not any(
                    c.dep_ == "compound" and c.lower_ == "air" for c in t.children) and t.dep_ not in ("nsubj",) \
                    or (t.pos_ == "NOUN" and lem in ("force", "troop") and t.head.lemma_.lower() in lex.act_with):
                for s in t.children:
                    if s.dep_ in ("amod", "compound", "poss", "nmod"):
                        who = self._side(s)
                        if who:
                            return who
                    if s.dep_ == "prep" and s.lower_ == "from":
                        who = self._first_side(s.children)
                        if who:
                            return who
        return None

    def _first_side(self, toks: Iterable[Token]) -> str | None:
        """The first side named by one of `toks` (the objects of an agent or "from" phrase)."""
        for tok in toks:
            who = self._side(tok)
            if who:
                return who
        return None

    def _side(self, tok: Token) -> str | None:
        """Side named by a subject phrase: "Russia", "Russian forces", "Hezbollah", "the Rapid Support Forces"."""
        c = self._country(tok)
        if c:
            return c
        if tok.ent_type_ in ("ORG", "NORP", "GPE"):
            ent = self._ent_at.get(tok.i)
            if ent is not None and ent.label_ in ("ORG", "NORP", "GPE") and ent.end == tok.i + 1:
                return re.sub(r"^the\s+", "", ent.text, flags=re.I).translate(_APOS)
        for ch in tok.children:
            if ch.dep_ in ("amod", "compound", "poss", "nmod"):
                c = self._country(ch)
                if c:
                    return c
        if tok.ent_type_ in ("ORG", "NORP") and tok.lower_ in (self.lex.demonyms if self.lex else {}):
            return self.lex.demonyms[tok.lower_] if self.lex else None
        return None

    def _by(self, doc: Doc, verb: Token | None, sent: Span) -> str | None:
        """Who downed the weapons: the down verb's own named subject or agent ("The US Navy shot down ..."), else
        the force or institution that reports it, else a named "according to" source. A pronoun or a bare common
        noun ("air defenses", "a statement") is never `by`; "a statement from X" gives X."""
        if verb is not None:
            for c in verb.children:
                cands = [c] if c.dep_ == "nsubj" else [p for p in c.children if p.dep_ == "pobj"] \
                    if c.dep_ == "agent" else []
                for t in cands:
                    if self._named_np(t) and self._can_down(t):
                        return _np_text(t)
            v: Token | None = verb
            seen = 0
            while v is not None and seen < 6:
                if v.lemma_.lower() in _REPORT_VERBS and v is not verb:
                    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None and subj.lower_ not in _SUBJ_PRONOUNS and self._can_down(subj):
                        return _np_text(subj)
                if v.head is v:
                    break
                v = v.head
                seen += 1
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
                pobj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
                if pobj is not None and not self._named_np(pobj):  # "according to a statement from X"
                    pobj = next((p for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                                 for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and self._named_np(pobj) and self._can_down(pobj):
                    return _np_text(pobj)
        return None

    def _named_np(self, tok: Token) -> bool:
        """A noun phrase that names a side: a proper noun or entity, or a common noun with a demonym, name or
        possessive name on it ("Russian authorities", "Ukraine's air force"), not "air defenses" or "statement"."""
        if tok.lower_ in _SUBJ_PRONOUNS or tok.pos_ == "PRON":
            return False
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP"):
            return True
        return any(c.dep_ in ("amod", "compound", "poss", "nmod") and (
            c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE", "NORP") or self._country(c) is not None)
            for c in tok.children)

    def _can_down(self, subj: Token) -> bool:
        """A reporting subject that can be the one who downed weapons: a force or institution, not a person
        or a title ("the governor of the Mykolaiv region said six drones were shot down there")."""
        assert self.lex is not None
        return subj.ent_type_ != "PERSON" and subj.lemma_.lower() not in self.lex.not_by_heads

    def _weapon_place(self, doc: Doc, tok: Token, sent: Span, places: list[tuple[int, int, str]],
                      verb: Token | None) -> str | None:
        """A place tied to the count: "destroyed 30 of the drones over Bryansk"; "shot down there" refers to
        the one place of the sentence (or of the previous one)."""
        after = max(tok.i, verb.i if verb is not None and verb.i > tok.i else tok.i)
        if after + 1 < sent.end and doc[after + 1].lower_ == "there" or (
                after + 2 < sent.end and doc[after + 2].lower_ == "there" and doc[after + 1].lower_ == "down"):
            names = {n for s, e, n in places if sent.start_char <= s < sent.end_char
                     and doc_text(doc)[e:e + 2] not in ("'s", "’s")}
            if len(names) == 1:
                return names.pop()
            return _previous_sentence_place(doc, sent, places) if not names else None
        lo = doc[after].idx + len(doc[after].text)
        hi = doc[min(after + 8, sent.end - 1)].idx + len(doc[min(after + 8, sent.end - 1)].text)
        for s, e, name in places:
            if lo <= s < hi:
                between = doc_text(doc)[lo:s]
                if re.search(r"[,;]", between) or not re.search(r"\b(over|in|above|near)\b", between):
                    return None
                if doc_text(doc)[e:e + 2] in ("'s", "’s"):
                    continue
                # a list of places is not one place
                listed = re.match(r"\s*(,|and\b)\s*[A-Z]", doc_text(doc)[e:e + 8])
                if listed and not re.match(r"\s*,\s*(the|a)\b", doc_text(doc)[e:e + 10]):
                    return None
                return name
        return None

    def _breakdown(self, doc: Doc, span: Span, sent: Span, entry: dict[str, Any],
                   places: list[tuple[int, int, str]], state: _State) -> None:
        """Bare counts later in the sentence that continue a list: "eight over the Kursk region, and two
        over Tula region, as well as one in each of the regions of Smolensk, Ryazan and Moscow"."""
        lex = self.lex
        assert lex is not None
        tail = doc_text(doc)[entry["end"]:sent.end_char]
        base = entry["end"]
        for m in find_numbers(tail, vague=(), qualifiers=lex.qual_before):
            if m.skip or m.value is None:
                continue
            s, e = base + m.start, base + m.end
            rest = doc_text(doc)[e:sent.end_char]
            pre = doc_text(doc)[max(entry["end"], s - 20):s]
            if not re.search(r"(,|\band\b|\bwhile\b|\bwell as\b|\bwith\b|\bincluding\b)\s*$", pre):
                continue
            each = re.match(r"\s+in each of\b", rest)
            mm = re.match(r"\s+(?:were\s+|was\s+)?(?:\w+\s+)?(over|in|above|near)\s+", rest)
            if not each and not mm:
                continue
            # stop at the next number
            nxt_num = next((base + x.start for x in find_numbers(tail) if base + x.start > e), sent.end_char)
            targets = [(ps, pe, name) for ps, pe, name in places if e < ps < nxt_num]
            if not targets:
                targets = _proper_names(doc, e, nxt_num)
            if not targets:
                continue
            if not each:
                targets = targets[:1]
            for _ps, pe, name in targets:
                state.weapons.append(_Entry({**entry, "count": m.value, "qualifier": m.qualifier,
                                             "place": name, "text": doc_text(doc)[s:pe], "start": s, "end": pe},
                                            sent.start, s))
            state.consumed.add(s)

    # -- casualties -----------------------------------------------------------------------
    def _casualty(self, doc: Doc, m: NumberMatch, span: Span, head: Token | None,
                  places: list[tuple[int, int, str]], state: _State) -> None:
        """Build the casualty entry for one amount when some word ties it to a kind."""
        lex = self.lex
        assert lex is not None
        if m.start in state.consumed:
            return
        sent = span[0].sent
        kind: str | None = None
        ev_start = m.qstart
        ev_end = (head.idx + len(head.text)) if head is not None and head.i >= span.end else m.end
        who: str | None = None
        last = head if head is not None else span[-1]
        if head is not None:
            hl, hlow = head.lemma_.lower(), head.lower_
            kind = lex.cas_nouns.get(hlow) or lex.cas_nouns.get(hl)
            needs = lex.noun_verbs.get(hl)
            if kind is not None and needs is not None:
                # "took 250 hostages", "claimed 30 lives" but not "freed two hostages", "saved 30 lives"
                g = head
                while g.dep_ == "conj" and g.head.i < g.i:
                    g = g.head
                if not (g.dep_ in ("dobj", "obj", "nsubjpass") and g.head.lemma_.lower() in needs):
                    kind = None  # "1,200 lives have been lost" counts as the passive of "lost 1,200 lives"
            if kind is None and hlow in lex.cas_adjs and head.i == span.end:
                kind = lex.cas_adjs[hlow]  # "21 injured", "12 dead"
            if (kind is None or hl in lex.people) and (hl in lex.people or head.ent_type_ == "NORP"):
                who = "people" if hl in ("person", "people") else (
                    None if hl in ("other", "more") else head.text if head.pos_ == "PROPN" else hlow)
            # adjective inside the phrase: "eight injured residents"
            if kind is None:
                for k in range(span.end, head.i):
                    t = doc[k]
                    if t.lower_ in lex.cas_adjs:
                        kind = lex.cas_adjs[t.lower_]
                        break
        # predicate after: "three soldiers died", "25 people were killed", "12 dead", "3 killed as ..."
        if kind is None:
            kind, end_tok = self._predicate_after(doc, last, sent)
            if kind is None and head is not None and head.i > span.end and head.lemma_.lower() in lex.noun_verbs:
                kind, end_tok = self._predicate_after(doc, span[-1], sent)  # "250 taken hostage"
            if kind is not None and end_tok is not None:
                ev_end = max(ev_end, end_tok.idx + len(end_tok.text))
        # relative clause on the counted noun: "the 870 people who were injured", "the 40 people who died"
        if kind is None and head is not None:
            kind, rtok = self._relative_clause(head)
            if kind is not None and rtok is not None and rtok.i - head.i <= 4:
                ev_end = max(ev_end, rtok.idx + len(rtok.text))
        # governing verb before: "killed at least two people", "injuring seven"
        if kind is None:
            kind, vtok = self._governing_verb(doc, span, head, sent)
            if kind is not None and vtok is not None and vtok.idx < ev_start and span[0].i - vtok.i <= 5:
                ev_start = vtok.idx
        # noun phrase before: "claimed the lives of 12 people", "the evacuation of 5,000 residents"
        if kind is None:
            before = doc_text(doc)[max(sent.start_char, m.qstart - 30):m.qstart].lower()
            for phrase, k2 in lex.cas_before.items():
                if before.endswith(phrase + " "):
                    kind, ev_start = k2, m.qstart - len(phrase) - 1
                    break
        # toll: "the death toll rose to 25"
        if kind is None:
            kind, ttok = self._toll(doc, span, sent)
            if kind is not None and ttok is not None:
                ev_start = min(ev_start, ttok.idx)
        # subset of an earlier count: "injuring seven, including two children", and a bare number
        # after the cue: "83 people were injured, including eight who were shot"
        if kind is None:
            cue_start = self._subset_cue_start(doc, sent, m)
            prev = state.last_casualty(sent.start, m.start)
            if cue_start is not None and prev is not None:
                kind, ev_start = prev["kind"], cue_start
            elif head is not None and prev is not None:
                first = _list_first(head)
                if first is head:  # "including a firefighter and two of his colleagues": the number is the conjunct
                    first = _list_first(span[-1]) if span[-1].dep_ == "conj" else head
                if first is not head:
                    # "including 12 children and eight women": a conjunct of the previous subset;
                    # "including a man, his three children and a woman": a member of an "including" list
                    owner = state.casualty_covering(sent.start, first.idx)
                    if owner is not None:  # the list's first member was counted: same kind for all
                        kind = owner["kind"]
                    elif first.dep_ == "pobj" and first.head.lower_ in ("including", "among"):
                        kind = prev["kind"]
        # "Six children were among 11 people killed": a subset of a count given after it
        if kind is None and head is not None:
            am = self._among_count_re.match(doc_text(doc)[ev_end:sent.end_char])
            if am is not None:
                kind = lex.cas_adjs[am.group(1).lower()]
                ev_end += am.end()
        # "Among the victims were 4 women and 10 children": an inverted subset
        if kind is None and head is not None:
            am = self._among_re.search(doc_text(doc)[sent.start_char:m.qstart])
            if am is not None:
                ev_start = sent.start_char + am.start()
                kind = self._group_kind(am.group(1), state, m.start)
        # "The dead included five children", "Those killed included 12 soldiers"
        if kind is None and head is not None:
            g = _list_first(head)
            v = g.head
            if g.dep_ in ("dobj", "obj") and v.lemma_.lower() == "include" and v.i < g.i:
                subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
                word = self._group_word(subj) if subj is not None else None
                if word is not None:
                    kind = self._group_kind(word, state, m.start)
                    ev_start = min(ev_start, subj.left_edge.idx) if g is head else ev_start
        # "Two of the victims were children", "Of the dead, 20 were children"
        if kind is None:
            gm = self._group_part_re.match(doc_text(doc)[m.end:sent.end_char]) or (
                self._group_front_re.search(doc_text(doc)[sent.start_char:m.qstart]) if head is None else None)
            if gm is not None:
                rest = doc_text(doc)[m.end:sent.end_char]
                who_m = re.match(r"(?:\s+of\s+(?:the|those)\s+(?:people\s+)?\w+)?\s+(?:were|was|are|is)\s+"
                                 r"(?:also\s+|all\s+)?(?:an?\s+|the\s+)?(\S+)", rest)
                wt = doc.char_span(m.end + who_m.start(1), m.end + who_m.end(1), alignment_mode="expand") \
                    if who_m is not None else None
                if wt is not None and (wt[0].lemma_.lower() in lex.people or wt[0].ent_type_ == "NORP"
                                       or wt[0].lower_ == "from"):
                    kind = self._group_kind(gm.group(1), state, m.start)
                    if gm.re is self._group_part_re:
                        ev_end = max(ev_end, m.end + gm.end())
                    else:
                        ev_start = sent.start_char + gm.start()
        # elliptical breakdown of an earlier count: "Another three were killed elsewhere in Syria – one in Aleppo"
        place: str | None = None
        if kind is None and head is None:
            prev = state.last_casualty(sent.start, m.start)
            at = _breakdown_place(doc, m, sent, places) if prev is not None else None
            if prev is not None and at is not None:
                kind, place, ev_end = prev["kind"], at[2], at[1]
        if kind is None or self._hypothetical(span, head):
            return
        place = place or _casualty_place(doc, span, sent, places)
        entry = {"kind": kind, "count": m.value, "qualifier": m.qualifier, "vague": m.vague, "who": who,
                 "place": place, "text": doc_text(doc)[ev_start:ev_end], "start": ev_start, "end": ev_end}
        definite = _DEFINITE_RE.search(doc_text(doc)[max(sent.start_char, m.qstart - 12):m.qstart]) is not None
        state.casualties.append(_Entry(entry, sent.start, m.start, definite))

    def _subset_cue_start(self, doc: Doc, sent: Span, m: NumberMatch) -> int | None:
        """Start of a subset cue ("including", "among them", "which includes") right before the amount."""
        assert self.lex is not None
        before = doc_text(doc)[max(sent.start_char, m.qstart - 14):m.qstart].lower()
        for cue in self.lex.inherit_cues:
            hit = re.search(r"\b" + re.escape(cue) + r"\s+$", before)
            if hit is not None:
                return m.qstart - (len(before) - hit.start())
        return None

    def _group_kind(self, word: str, state: _State, before: int) -> str:
        """Kind of a casualty group word ("the dead" -> killed); "victims"/"casualties" take the kind of the latest
        count before it, else killed."""
        assert self.lex is not None
        return self.lex.among_words.get(word.lower()) or next(
            (e.data["kind"] for e in reversed(state.casualties) if e.pos < before), "killed")

    def _group_word(self, tok: Token) -> str | None:
        """The casualty group a subject names: "the dead", "the victims", "those killed" -> dead/victims/killed."""
        assert self.lex is not None
        if tok.lower_ in self.lex.among_words:
            return tok.lower_
        if tok.lower_ in ("those", "people", "persons"):
            for c in tok.children:
                if c.dep_ in ("acl", "relcl", "amod") and c.lower_ in self.lex.among_words:
                    return c.lower_
        return None

    def _relative_clause(self, head: Token) -> tuple[str | None, Token | None]:
        """Kind given by a passive or intransitive relative clause on the counted noun ("who were injured")."""
        lex = self.lex
        assert lex is not None
        for c in head.children:
            if c.dep_ != "relcl" or c.i < head.i or c.pos_ != "VERB":
                continue
            key = _verb_key(c, lex.cas_verbs)
            if key is None:
                continue
            passive = any(x.dep_ == "auxpass" for x in c.children)
            if (passive or key in lex.intransitive) and not any(x.dep_ in ("dobj", "obj") for x in c.children):
                return lex.cas_verbs[key], c
        return None, None

    def _hypothetical(self, span: Span, head: Token | None) -> bool:
        """ "could affect a billion people", "may have killed 30": projections and guesses are no counts."""
        tok = head if head is not None else span[-1]
        v = tok.head
        for _ in range(2):
            if v.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children):
                return True
            if v.head is v:
                break
            v = v.head
        return False

    def _predicate_after(self, doc: Doc, last: Token, sent: Span) -> tuple[str | None, Token | None]:
        """Kind given by what follows the counted phrase ("were killed", "died", "12 dead", "remain missing")."""
        lex = self.lex
        assert lex is not None
        k = last.i + 1
        while k < sent.end and k <= last.i + 6:
            t = doc[k]
            low, lem = t.lower_, t.lemma_.lower()
            rest = doc_text(doc)[t.idx:t.idx + 40].lower()
            pm = self._phrase_re.match(rest)
            if pm:
                kind = lex.cas_phrases[pm.group().strip()]
                endc = t.idx + pm.end()
                end_tok = doc.char_span(t.idx, endc, alignment_mode="expand")
                return kind, (end_tok[-1] if end_tok is not None else t)
            if low in lex.cas_adjs and t.pos_ in ("ADJ", "VERB", "NOUN"):
                if t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children) and lem not in lex.intransitive:
                    return None, None
                if last.pos_ == "NUM" and any(c.dep_ == "agent" for c in t.children) \
                        and not any(c.dep_ == "auxpass" for c in t.children):
                    return None, None  # "two recordings ..., one captured by a camera"
                if k + 2 < sent.end and doc[k + 1].lower_ in ("and", "or") and doc[k + 2].lower_ in lex.cas_adjs \
                        and lex.cas_adjs[doc[k + 2].lower_] != lex.cas_adjs[low]:
                    return None, None  # "6,000 dead and wounded": a combined figure of two kinds
                return lex.cas_adjs[low], t
            if t.pos_ == "VERB" and lem in lex.suffer_verbs:
                # "nine others sustained injuries", "three suffered fatal wounds"
                obj = next((c for c in t.children if c.dep_ in ("dobj", "obj")
                            and c.lemma_.lower() in lex.suffer_objects), None)
                if obj is None:
                    return None, None
                fatal = any(c.lower_ in ("fatal", "deadly", "mortal") for c in obj.children)
                return ("killed" if fatal else lex.suffer_objects[obj.lemma_.lower()]), obj
            if t.pos_ == "VERB" and lem in lex.cas_verbs:
                has_aux = any(c.dep_ == "auxpass" for c in t.children)
                if last.pos_ == "NUM" and not has_aux and any(c.dep_ == "agent" for c in t.children):
                    return None, None  # "two recordings ..., one captured by a camera"
                passive = t.tag_ == "VBN" or has_aux
                if lem in lex.intransitive or (passive and not any(c.dep_ == "dobj" for c in t.children)):
                    return lex.cas_verbs[lem], t
                return None, None
            if low in _PRED_FILLER or lem in _PRED_FILLER or t.pos_ in ("ADV", "AUX", "PART"):
                k += 1
                continue
            if t.pos_ == "ADP" and k + 1 < sent.end and doc[k + 1].pos_ == "PROPN":
                break
            break
        return None, None

    def _governing_verb(self, doc: Doc, span: Span, head: Token | None, sent: Span) -> tuple[str | None, Token | None]:
        """Kind given by the verb whose object (or passive subject) the counted phrase is ("killed two people")."""
        lex = self.lex
        assert lex is not None
        g = _list_first(head if head is not None else span[-1])
        h = g.head
        if g.dep_ == "conj" and h.pos_ == "VERB" and g.pos_ in ("NOUN", "PROPN") and h.i < g.i and any(
                c.dep_ in ("dobj", "obj") and c.i < g.i for c in h.children):
            g = next(c for c in h.children if c.dep_ in ("dobj", "obj"))  # "killing a child, three women and a man"
        vkey = _verb_key(h, lex.cas_verbs)
        if g.dep_ in ("dobj", "obj", "nsubjpass", "oprd") and h.pos_ == "VERB" and vkey is not None \
                and (g.dep_ == "nsubjpass" or h.i < g.i):
            return lex.cas_verbs[vkey], h
        if g.dep_ == "nsubj" and h.pos_ == "VERB" and h.lemma_.lower() in lex.intransitive and h.i > g.i:
            return lex.cas_verbs[h.lemma_.lower()], h  # "At least 14 people, among them three children, died"
        pkey = _verb_key(h, lex.people_verbs)
        if head is not None and pkey is not None and g.dep_ in ("dobj", "obj") and h.i < g.i and (
                head.lemma_.lower() in lex.people or head.lower_ in lex.people) and any(
                t.lemma_.lower() in lex.loss_context for t in sent):
            return lex.people_verbs[pkey], h  # "we lost two soldiers in the ambush" (not "lost 200 workers")
        # linear: the word right before the qualifier/number
        k = span[0].i - 1
        while k >= sent.start and doc[k].lower_ in _QUALIFIER_WORDS:
            k -= 1
        # a member of a list whose first member is the verb's object: "killing a teenager, five women and ..."
        hops = 0
        while head is not None and k >= sent.start and doc[k].text == "," and hops < 3:  # not "killed Ali, 45"
            j = k - 1
            while j >= sent.start and k - j <= 5 and (doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                                       or doc[j].tag_ == "PRP$") and doc[j].text != ",":
                j -= 1
            if j == k - 1 or j < sent.start:
                break
            k, hops = j, hops + 1
        if k >= sent.start:
            t = doc[k]
            tkey = _verb_key(t, lex.cas_verbs)
            if t.pos_ == "VERB" and tkey is not None and tkey not in ("die",):
                return lex.cas_verbs[tkey], t
        return None, None

    def _toll(self, doc: Doc, span: Span, sent: Span) -> tuple[str | None, Token | None]:
        """Kind given by a toll or tally the number is the value of ("the death toll rose to 25")."""
        lex = self.lex
        assert lex is not None
        # "the death toll from the quake has risen to 2,300": the number hangs (via to/at/of) off a verb
        # or noun whose subject is the toll
        v = span[-1]
        for _ in range(3):
            if v.head is v:
                break
            v = v.head
            subj = v if v.lower_ in lex.toll_words else next(
                (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in lex.toll_words),
                None)
            if subj is not None:
                comp = next((c for c in subj.children if c.dep_ in ("compound", "amod")
                             and c.lower_ in lex.toll_kinds), None)
                return (lex.toll_kinds[comp.lower_] if comp is not None else "killed"), (comp or subj)
            # "the number of people killed rose to 300"
            tally = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                          and c.lower_ in lex.tally_words), None)  # "brought the number of dead to 50"
            if tally is not None and v.lemma_.lower() in lex.toll_verbs:
                for t in tally.subtree:
                    kind = lex.cas_adjs.get(t.lower_) or lex.cas_nouns.get(t.lemma_.lower())
                    if kind:
                        return kind, tally
            if v.pos_ == "VERB" and v.lemma_.lower() not in lex.toll_verbs:
                break
        k = span[0].i - 1
        while k >= sent.start and span[0].i - k <= 9:
            t = doc[k]
            if t.lower_ in lex.toll_words:
                prev = doc[k - 1].lower_ if k - 1 >= sent.start else ""
                kind = lex.toll_kinds.get(prev, "killed")
                return kind, (doc[k - 1] if prev in lex.toll_kinds else t)
            blocks = t.like_num or (t.pos_ in ("NOUN", "PROPN") and t.dep_ != "npadvmod") or t.text in ";"
            if blocks and t.ent_type_ not in ("DATE", "TIME"):
                return None, None
            k -= 1
        return None, None


# ----------------------------------------------------------------------------------------
class _State:
    """Entries found so far in one document."""

    def __init__(self) -> None:
        self.casualties: list[_Entry] = []
        self.weapons: list[_Entry] = []
        self.consumed: set[int] = set()
        self.attacker: str | None = None
        self.title_end = 0

    def add_weapon(self, entry: dict[str, Any], sent_start: int) -> None:
        self.weapons.append(_Entry(entry, sent_start, entry["start"]))

    def operator_for(self, wclass: str) -> str | None:
        """Operator carried over from earlier weapons in the article (same class first)."""
        for e in reversed(self.weapons):
            if e.data["weapon"] == wclass and e.data["operator"]:
                return e.data["operator"]
        for e in reversed(self.weapons):
            if e.data["operator"]:
                return e.data["operator"]
        return None

    def casualty_covering(self, sent_start: int, pos: int) -> dict[str, Any] | None:
        """The casualty entry of this sentence whose text covers character `pos`, if any."""
        for e in reversed(self.casualties):
            if e.sent_start == sent_start and e.data["start"] <= pos < e.data["end"]:
                return e.data
        return None

    def last_casualty(self, sent_start: int, before: int) -> dict[str, Any] | None:
        for e in reversed(self.casualties):
            if e.sent_start == sent_start and e.pos < before:
                return e.data
        return None


#: where a weapon that "crashed" came down without hitting anything
_OPEN_GROUND = frozenset({"sea", "water", "waters", "field", "fields", "ground", "river", "lake", "gulf", "ocean"})


def _into_open_ground(verb: Token) -> bool:
    """'crashed in the Red Sea', 'fell into a field': the weapon came down harmlessly."""
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "into", "on", "onto"):
            for o in p.children:
                if o.dep_ == "pobj" and any(t.lower_ in _OPEN_GROUND for t in o.subtree):
                    return True
    return False


def _proper_names(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of proper nouns between two character offsets (place names the NER missed)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    out: list[tuple[int, int, str]] = []
    if span is None:
        return out
    run: list[Token] = []
    for t in list(span) + [None]:  # type: ignore[list-item]
        if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper():
            run.append(t)
            continue
        if run:
            s, e = run[0].idx, run[-1].idx + len(run[-1].text)
            out.append((s, e, doc_text(doc)[s:e]))
            run = []
    return out


def _verb_key(verb: Token, table: dict[str, str]) -> str | None:
    """Key of a verb in a lemma table: its lemma, else its own form ("wound 10" is lemmatised as "wind")."""
    lem = verb.lemma_.lower()
    if lem in table:
        return lem
    return verb.lower_ if verb.lower_ in table else None


def _list_first(tok: Token) -> Token:
    """First member of the coordinated list or apposition a noun belongs to ("two girls, their father and four
    neighbours" -> girls), so that the list's verb or cue governs every member."""
    g = tok
    while g.head.i < g.i and g.head.pos_ != "VERB" and (g.dep_ == "conj" or (
            g.dep_ == "appos" and g.pos_ == "NOUN" and g.head.pos_ == "NOUN")):  # not "Scott, 43,": an age
        g = g.head
    return g


def _verb_extent(verb: Token) -> tuple[int, int]:
    """Character extent of a verb with its particle ("shot down")."""
    end = verb.idx + len(verb.text)
    for c in verb.children:
        if c.dep_ == "prt" and c.i == verb.i + 1:
            end = c.idx + len(c.text)
    return verb.idx, end


def _np_text(tok: Token) -> str:
    """Canonical short name of a subject phrase: "Russia's defense ministry" (no article, straight apostrophe)."""
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and doc[start].pos_ in ("DET",) or doc[start].is_punct and start < tok.i:
        start += 1
    text = doc[start:tok.i + 1].text
    return text.translate(_APOS)


def _place_mentions(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, name) of every place mention: from the places component, else GPE/LOC entities."""
    out: list[tuple[int, int, str]] = []
    for p in doc._.extractor_places or []:
        for mt in p.get("mentions") or []:
            out.append((mt["start"], mt["end"], p.get("name") or mt["text"]))
    if not out:
        for e in doc.ents:
            if e.label_ in ("GPE", "LOC"):
                out.append((e.start_char, e.end_char, re.sub(r"^the\s+", "", e.text, flags=re.I)))
    out.sort()
    return out


#: A place after these words is a reference point, not where the count happened ("just south of Manila").
_REF_POINT = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
                        r"south-east|south-west)\s+of\s+(?:the\s+)?$|\b(?:km|kilometres|kilometers|miles)\s+"
                        r"(?:from|of|outside)\s+(?:the\s+)?$", re.I)
#: The count's own locative phrase: a preposition, up to four words, then possibly a list of names
#: ("in the provinces of Cavite, Laguna and Batangas").
_OWN_PP = re.compile(r"\b(?:in|near|at|of|across|outside|off)\s+(?:[^\s,;]+\s+){0,4}"
                     r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+and\s+|,\s+|\s+and\s+))*$")


#: A separator that starts a breakdown of the count ("14 people: ten in Gaza City", "three – one in Aleppo").
_BREAKDOWN_SEP = re.compile(r"[:–—]\s*(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                            r"(?:were\s+|was\s+)?(?:in|near|at|outside)\b", re.I)
#: A locative phrase with a capitalised name ("in the Regencies of Cilacap").
_NAMED_PP = re.compile(r"\b(?:in|near|at)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}[A-Z]")


def _casualty_place(doc: Doc, span: Span, sent: Span, places: list[tuple[int, int, str]]) -> str | None:
    """The place the clause ties the count to: "in the city of X" after it, else the nearest before it;
    "there" / no place at all points back to the one place of the previous sentence."""
    inside = [(s, e, n) for s, e, n in places if sent.start_char <= s < sent.end_char
              and doc_text(doc)[e:e + 2] not in ("'s", "’s")]
    after = [(s, e, n) for s, e, n in inside if s >= span.end_char]
    ref_point: int | None = None
    for i, (s, _e, _n) in enumerate(after):
        between = doc_text(doc)[span.end_char:s]
        if len(between) >= 80 or ";" in between or _BREAKDOWN_SEP.search(between):
            break  # the place belongs to another clause or to a breakdown ("14 people: ten in Gaza City")
        if _REF_POINT.search(between):
            ref_point = i if ref_point is None else ref_point  # "just south of Manila" is a reference point
            continue
        if _OWN_PP.search(between):
            return _join_places(doc, after[i:])
    if ref_point is not None and not _NAMED_PP.search(doc_text(doc)[span.end_char:after[ref_point][0]]):
        return _join_places(doc, after[ref_point:])  # unless the count's own PP names an unknown place
    before = [(s, e, n) for s, e, n in inside if e <= span.start_char]
    if before:
        s, e, n = before[-1]
        lead = doc_text(doc)[sent.start_char:s]
        first = doc.char_span(s, e, alignment_mode="expand")
        subject = first is not None and first.root.dep_ in ("nsubj", "nsubjpass")  # "Israel says it killed 17"
        if re.search(r"\b(in|near|at|of|across|outside|on)\s+(?:[^\s,;]+\s+){0,4}$", lead, re.I) \
                or (lead.strip() == "" and not subject):
            return n
    if not inside and sent.start > 0:
        return _previous_sentence_place(doc, sent, places)
    return None


def _breakdown_place(doc: Doc, m: NumberMatch, sent: Span,
                     places: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The place of a bare number that continues a list after a dash, colon or comma ("– one in Aleppo province,
    a second in Deraa"): the number must follow the separator and be followed by in/near/at and the place."""
    if not re.search(r"(?:[–—:;,]|\band)\s*$", doc_text(doc)[max(sent.start_char, m.qstart - 6):m.qstart]):
        return None
    for s, e, name in places:
        if s < m.end or s > sent.end_char:
            continue
        if re.fullmatch(r"\s+(?:were\s+|was\s+)?(?:in|near|at|outside)\s+(?:the\s+)?", doc_text(doc)[m.end:s]):
            return s, e, name
        break
    return None


def _previous_sentence_place(doc: Doc, sent: Span, places: list[tuple[int, int, str]]) -> str | None:
    """The only place named in the previous sentence ("In Odesa, a drone hit ... Three employees there were killed")."""
    prev = doc[sent.start - 1].sent
    names = {n for s, _e, n in places if prev.start_char <= s < prev.end_char}
    return names.pop() if len(names) == 1 else None


def _join_places(doc: Doc, mentions: list[tuple[int, int, str]]) -> str:
    """ "in Kyiv and Mykolaiv" -> "Kyiv and Mykolaiv"; a single place otherwise."""
    s0, e0, n0 = mentions[0]
    if len(mentions) > 1:
        s1, _e1, n1 = mentions[1]
        if re.fullmatch(r"\s+and\s+", doc_text(doc)[e0:s1]) and n1 != n0:
            return f"{n0} and {n1}"
    return n0


#: Generic `who` words that a repeat of the same fact may use instead of a specific one.
_GENERIC_WHO = frozenset(["people", "persons", "others", "individuals"])
#: Counts at least this big are rarely repeated by coincidence, so a repeat is the same fact.
_SMALL_COUNT = 5
#: Counts at least this big are the same fact even when the (noisy) places differ.
_BIG_COUNT = 10


def _dedupe(entries: Iterable[_Entry], keys: tuple[str, ...], *, action_class: bool = False,
            title_end: int = 0) -> list[dict[str, Any]]:
    """Keep the first of entries saying the same (same kind/weapon, count, action class; compatible place).

    Small counts ("one person injured") repeat by coincidence across events, so they are only
    merged when both name the same place or one of them is in the headline."""
    kept: list[dict[str, Any]] = []
    for e in sorted(entries, key=lambda x: x.data["start"]):
        d = e.data
        dup = False
        for k in kept:
            if any(k[x] != d[x] for x in keys):
                continue
            if d["count"] != k["count"] or (d["count"] is None and d["vague"] != k["vague"]):
                continue
            if action_class and _ACTION_CLASS.get(d["action"], d["action"]) != _ACTION_CLASS.get(k["action"],
                                                                                                   k["action"]):
                continue
            in_title = k["start"] < title_end  # headlines name the broader place ("India" / "West Bengal")
            big = d["count"] is not None and d["count"] >= _BIG_COUNT  # big counts do not repeat by chance
            again = e.definite  # "all the four wounded are civilians": the four already counted
            if d["place"] and k["place"] and not _same_place(d["place"], k["place"]) and not in_title and not big \
                    and not again:
                continue
            if not again and d["count"] is not None and d["count"] < _SMALL_COUNT \
                    and not (d["place"] and d["place"] == k["place"]) and k["start"] >= title_end \
                    and d["text"] != k["text"]:
                continue
            if not action_class and d.get("who") and k.get("who") and d["who"].lower() != k["who"].lower() \
                    and (d["start"] == k["start"] or not {d["who"].lower(), k["who"].lower()} & _GENERIC_WHO):
                continue  # "three women" and "three children" are two facts; "3 people"/"three civilians" may be one
            dup = True
            if k["start"] < title_end <= d["start"]:
                # a headline repeated in the body: keep the body's wording and qualifier
                kept[kept.index(k)] = {**d, "place": d["place"] or k["place"]}
            break
        if not dup:
            kept.append(d)
    return kept


def _same_place(a: str, b: str) -> bool:
    """ "Gaza" and "Gaza Strip" name the same place for de-duplication."""
    a, b = a.lower(), b.lower()
    return a == b or a in b or b in a
