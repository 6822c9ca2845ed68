"""Quotations and their speakers (`doc._.extractor_quotes`).

How it works, and why:

1. Quoted stretches come from pairing quotation marks paragraph by paragraph
   (`quotes_marks.find_stretches`): pure string work, robust to unbalanced marks.
2. Each stretch looks for its *cue*, a speech verb from `models/lexicons/quotes/speech_verbs.txt`,
   in the attribution clause around it: the words outside quotation marks from the previous
   sentence end up to the opening mark, and from the closing mark to the next sentence end.
   A cue tied to the quote in the parse (ancestor of the quoted words, or hanging off them
   as in “A,” he said) wins; a cue whose own clausal complement lies outside the quote is
   reporting something else ("Bradshaw said he was not advocating ...") and is penalised.
3. Stretches are grouped into quotations: a stretch sharing its cue with the previous one,
   or with no cue of its own after another stretch in the same paragraph, is a further
   fragment of that quotation (“A,” he said. “B.” / he called it “x” and “y”), but only within
   the same sentence or the next one; further away it is a quotation of its own. The paragraphs
   of a multi-paragraph quotation take the block's final attribution.
4. The speaker is the subject of the cue (passive agent, "according to X", the subject of
   the governing verb for "..., saying", relative clauses), its mention is the entity or noun
   phrase; pronouns and nominals ("he", "the spokesman") are resolved to a named person or
   organisation, always backwards: a document noun ("the statement") to its issuer, an
   institution noun ("the rights group", "the military") to the last compatible named ORG and
   never to a PERSON (`resolution.json`). Things ("mortar bombs", "..., which") and vague
   quantities ("Thousands") are never speakers. A quotation without a cue continues the
   speaker of the quotation just before it (same or previous paragraph). "From X:" / "X:"
   lead-ins and a trailing "— X" are handled.
5. speaker.name is the canonical actor name from `doc._.extractor_actors` (the actor whose
   mention overlaps, or whose alias matches); without actors, the fullest PERSON/ORG name in
   the document sharing a word with the mention; never fails when actors are missing.

speaker.method says how the speaker was found: explicit (a named subject or agent of the cue),
pronoun, nominal ("the ministry"), relative ("..., who said"), according_to, subject (the subject
of the clause holding a partial quote with no speech verb, or the possessor of "X's claim that"),
colon ("Peskov: “...”"), label (a transcript label "PENCE:" inside the quote), dash (a trailing
"― Jane Doe" credit) and adjacent (no cue: the speaker of the quotation or attribution sentence
just before). The cue is null when the quotation has no speech verb of its own.

Multi-fragment quotations: `start`/`end` span the first fragment start to the last fragment
end, `fragments` hold the exact pieces, and the top-level `text` is the fragment texts joined
with " … " (so `text == doc.text[start:end]` holds for single-fragment quotations and for every
fragment, not for the joined text of a multi-fragment one).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import add_warning
from ..lexicons import read_json, read_wordlist
from .base import DataComponent, doc_text
from .quotes_marks import Stretch, find_stretches, paragraphs

_SPEECH = "lexicons/quotes/speech_verbs.txt"
_WORKS = "lexicons/quotes/work_nouns.txt"
_SPEAKER_NOUNS = "lexicons/quotes/speaker_nouns.txt"
_RESOLUTION = "lexicons/quotes/resolution.json"

#: tiny grammatical sets (not lexicons)
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "i", "me"})
_PRONOUNS_GROUP = frozenset({"they", "it", "we", "them", "us"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_TERMINATORS = frozenset({".", "!", "?", ";"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
#: the reporting verbs that frame other speech verbs ("said that X called ...")
_OUTER = frozenset({"say", "tell", "write", "add", "claim", "argue", "insist", "note", "explain", "report"})
_NON_REFERRING = frozenset({"what", "this", "that", "these", "those", "all", "nothing", "something",
                            "everything", "anything", "none", "whatever"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "appos"})
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "crat", "nik",
                   "ers", "ors", "ists", "ians", "ants", "ents", "men", "women", "people", "ees", "crats")
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"})
#: vague quantity words heading a noun phrase ("Thousands took to the streets"): a crowd, never a speaker
_QUANTITY_WORDS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens", "crowds"})
_DASHES = frozenset({"—", "–", "--", "-", "―"})
_MAX_REGION = 60
_MERGE_NEXT_PARTIAL = True
_WORD = re.compile(r"[A-Za-z0-9]+")
_POSSESSIVE = re.compile(r"\s*['\u2019]s?$")
# "PENCE: ..." transcript labels at the start of a quotation
_LABEL = re.compile(r"([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")
# "” ― Jane Doe" credits after a quotation
_DASH_NAME = re.compile(r"\s*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*"
                        r"([A-Z][\w.'\u2019-]+(?:[ \t\u00a0]+(?:[A-Z][\w.'\u2019-]*|de|van|von|al|bin)){0,4})")
_STOP = frozenset(["the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "from", "with", "by",
                   "mr", "mrs", "ms", "dr", "s"])


class QuotesComponent(DataComponent):
    """Quotations (direct and partial, split ones as one) with cue and speaker."""

    DATA_FILES = (_SPEECH, _WORKS, _SPEAKER_NOUNS, _RESOLUTION)

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.speech: frozenset[str] = frozenset()
        self.works: frozenset[str] = frozenset()
        self.speaker_nouns: frozenset[str] = frozenset()
        self.resolution = _Resolution()

    def _load(self, paths: dict[str, Path]) -> None:
        self.speech = frozenset(w.lower() for w in read_wordlist(paths[_SPEECH]))
        self.works = frozenset(w.lower() for w in read_wordlist(paths[_WORKS]))
        self.speaker_nouns = frozenset(w.lower() for w in read_wordlist(paths[_SPEAKER_NOUNS]))
        data = read_json(paths[_RESOLUTION], allowed_keys=("directive_verbs", "document_nouns", "org_nominals"))
        self.resolution = _Resolution(
            directive_verbs=frozenset(w.lower() for w in data.get("directive_verbs", [])),
            document_nouns=frozenset(w.lower() for w in data.get("document_nouns", [])),
            org_nominals={k.lower(): frozenset(w.lower() for w in v)
                          for k, v in (data.get("org_nominals") or {}).items()})

    # ------------------------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        text = doc_text(doc)
        layout = doc._.extractor_layout or {}
        title = layout.get("title")
        title_span = (title["start"], title["end"]) if title else None
        stretches, warnings = find_stretches(text, title_span)
        for w in warnings:
            add_warning(doc, w)
        if not stretches:
            doc._.extractor_quotes = []
            return
        ctx = _Context(doc, stretches, self.speech, self.works, self.speaker_nouns, self.resolution)
        doc._.extractor_quotes = ctx.run()


class _Resolution:
    """Read-only word sets for reference resolution (from resolution.json): directive verbs that
    govern a short quotation ("ordered an “all-out” effort"), document nouns that resolve to their
    issuer ("the statement"), and institution nominals with the words a compatible named
    organisation must contain ("the military" -> "... Command", "*" = any organisation)."""

    def __init__(self, directive_verbs: frozenset[str] = frozenset(), document_nouns: frozenset[str] = frozenset(),
                 org_nominals: dict[str, frozenset[str]] | None = None) -> None:
        self.directive_verbs = directive_verbs
        self.document_nouns = document_nouns
        self.org_nominals: dict[str, frozenset[str]] = dict(org_nominals or {})


class _Context:
    """Per-document working state (kept off the component so the component stays stateless)."""

    def __init__(self, doc: Doc, stretches: list[Stretch], speech: frozenset[str], works: frozenset[str],
                 speaker_nouns: frozenset[str], resolution: _Resolution | None = None) -> None:
        self.doc = doc
        self.res = resolution or _Resolution()
        self.speaker_nouns = speaker_nouns
        self.text = doc_text(doc)
        self.lower_text = doc_text(doc).lower()
        self.speech = speech
        self.works = works
        self.stretches = stretches
        # token ranges of each stretch (inner words) and of its marks
        self.tok_ranges: list[tuple[int, int]] = []
        self.outer_ranges: list[tuple[int, int]] = []
        self.quoted: dict[int, int] = {}  # token index -> stretch index (inner words and marks)
        for si, st in enumerate(stretches):
            inner = doc.char_span(st.start, st.end, alignment_mode="expand")
            outer = doc.char_span(st.outer_start, st.outer_end, alignment_mode="expand")
            ir = (inner.start, inner.end) if inner is not None else (0, 0)
            orr = (outer.start, outer.end) if outer is not None else ir
            self.tok_ranges.append(ir)
            self.outer_ranges.append(orr)
            for i in range(orr[0], orr[1]):
                self.quoted.setdefault(i, si)
        self.paras = _para_starts(self.text)
        self.group_keys: dict[int, int] = {}  # stretch -> token index of the cue that groups it
        self.para_set = frozenset(self.paras)
        self.nonblank_starts = [s for s, _e in paragraphs(self.text)]
        ents = [e for e in doc.ents if e.label_ in _NAMED]
        self.ents = ents
        self.ent_starts = [e.start_char for e in ents]
        self.actors = [a for a in (doc._.extractor_actors or []) if isinstance(a, dict)]
        self._person_names: frozenset[str] | None = None
        self._mention_index: list[tuple[int, int, dict[str, Any]]] = sorted(
            (m["start"], m["end"], a) for a in self.actors for m in a.get("mentions") or []
            if isinstance(m, dict) and "start" in m and "end" in m)
        self._mention_starts = [m[0] for m in self._mention_index]

    # -- driver ---------------------------------------------------------------------------
    def run(self) -> list[dict[str, Any]]:
        cues = [self._find_cue(si) for si in range(len(self.stretches))]
        groups: list[list[int]] = []
        for si, st in enumerate(self.stretches):
            prev = groups[-1] if groups else None
            if prev is not None:
                last = self.stretches[prev[-1]]
                same_para = last.para == st.para and last.closed
                cue, pcue = cues[si], next((cues[j] for j in prev if cues[j] is not None), None)
                pkey = next((self.group_keys[j] for j in prev if j in self.group_keys), None)
                if same_para and ((cue is not None and pcue is not None and self.group_keys.get(si) == pkey)
                                  or (cue is None and not self._is_title(si) and self._near_sentence(prev[-1], si))):
                    prev.append(si)
                    continue
            groups.append([si])
        quotes: list[dict[str, Any]] = []
        emitted: list[list[int]] = []
        last_speaker: tuple[dict[str, Any], int] | None = None
        for group in groups:
            cue_info = next((cues[j] for j in group if cues[j] is not None), None)
            first = self.stretches[group[0]]
            speaker: dict[str, Any] | None = None
            cue_out = None
            colon = self._colon_name(group[0])
            if colon is not None:
                speaker = self._speaker(colon, "colon", last_speaker)
                speaker["method"] = "colon"
            elif cue_info is not None:
                cue_tok, speaker_tok, method = cue_info
                cue_out = _cue_dict(cue_tok)
                if speaker_tok is not None:
                    speaker = self._speaker(speaker_tok, method, last_speaker)
            if cue_info is not None and cue_out is None and colon is None:
                cue_out = _cue_dict(cue_info[0])
            if speaker is None:
                speaker = self._layout_speaker(group)
            if speaker is None and cue_info is None:
                speaker = self._prev_sentence_speaker(group[0])
            if speaker is None and cue_info is None and self._kind(group[0]) == "partial":
                subj = self._governing_subject(group[0]) or self._directive_subject(group[0])
                if subj is not None and not self._speakerish(subj):
                    # "Netanyahu's claim that ...": the possessor; "the overhaul would be “neutral”": nobody
                    subj = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ not in ("its", "their")
                                 and (c.ent_type_ or c.pos_ in ("PROPN", "PRON"))), None)
                if subj is not None:
                    speaker = self._speaker(subj, "subject", last_speaker)
            if speaker is None and last_speaker is not None and cue_info is None \
                    and self._kind(group[0]) == "direct":
                prev_sp, prev_para = last_speaker
                if first.para - prev_para <= 1:
                    speaker = dict(prev_sp, method="adjacent")
            if speaker is None and cue_info is None and emitted and quotes[-1]["cue"] is not None \
                    and quotes[-1]["speaker"] is not None and not self._is_title(group[0]) \
                    and self.stretches[emitted[-1][-1]].para == first.para \
                    and self._sentence_gap(emitted[-1][-1], group[0]) == 1:
                # “...” the experts warned. Fighters also “killed civilians”: the next sentence's
                # partial quotation with no cue of its own goes on with the same source
                speaker = dict(quotes[-1]["speaker"], method="adjacent")
            if cue_info is None and (self._is_title(group[0]) or (speaker is None and self._is_nonquote(group))):
                continue
            frags = [{"text": self.text[self.stretches[j].start:self.stretches[j].end],
                      "start": self.stretches[j].start, "end": self.stretches[j].end} for j in group]
            quotes.append({
                "id": "",
                "text": " … ".join(f["text"] for f in frags),
                "start": frags[0]["start"], "end": frags[-1]["end"],
                "fragments": frags,
                "kind": self._kind(group[0]),
                "speaker": speaker,
                "cue": cue_out,
            })
            emitted.append(group)
            if speaker is not None:
                last_speaker = (speaker, self.stretches[group[-1]].para)
        self._block_speakers(emitted, quotes)
        for n, q in enumerate(quotes, 1):
            q["id"] = f"q{n}"
        return quotes

    def _terms_between(self, prev: int, si: int) -> list[int]:
        """Sentence ends (outside quotes) between the end of stretch `prev` and the start of `si`."""
        a0 = self.tok_ranges[prev][1] - 1
        b0 = self.tok_ranges[si][0]
        return [t.i for t in self.doc[max(a0, 0):max(b0, a0, 0)] if _is_term(t) and t.i not in self.quoted]

    def _sentence_gap(self, prev: int, si: int) -> int:
        return len(self._terms_between(prev, si))

    def _near_sentence(self, prev: int, si: int) -> bool:
        """May stretch `si` (no cue of its own) continue the quotation ending with stretch `prev`?
        Only inside the same sentence (“A,” he said, “B.”) or the sentence right after it:
        a quotation two sentences on is a new quotation, not a further fragment."""
        a0 = self.tok_ranges[prev][1] - 1
        b0 = self.tok_ranges[si][0]
        if a0 < 0 or b0 <= a0:
            return True
        terms = self._terms_between(prev, si)
        if not terms:
            return True
        if len(terms) > 1:
            return False
        # the next sentence must open with the quotation itself (“A,” he said. “B.”), not hold it
        # inside a clause of its own ("... “A.” Police later ordered a “B” ...")
        o0 = self.outer_ranges[si][0]
        if all(i in self.quoted or self.doc[i].is_space for i in range(terms[0] + 1, o0)):
            return True
        # or a lower-case partial quotation right after a cued one: the same source goes on
        # (“A,” the experts warned. Fighters also “b”); a capitalised one is a name, not speech
        st = self.stretches[si]
        return _MERGE_NEXT_PARTIAL and self.text[st.start].islower() and self.group_keys.get(prev) is not None

    def _block_speakers(self, groups: list[list[int]], quotes: list[dict[str, Any]]) -> None:
        """A multi-paragraph quotation (paragraphs reopened with a mark, no closing mark until the
        last one, which ends “...,” he said.) is attributed once, at its end: every earlier
        paragraph of the block without a cue or a speaker label of its own takes the block's
        final speaker."""
        starts = frozenset(self.nonblank_starts)
        pending: list[int] = []
        for k, group in enumerate(groups):
            pending.append(k)
            last = self.stretches[group[-1]]
            if not last.closed and k + 1 < len(groups):
                nxt = self.stretches[groups[k + 1][0]]
                if nxt.para == last.para + 1 and nxt.outer_start in starts:
                    continue  # the block goes on in the next paragraph
            final = quotes[k]["speaker"]
            if len(pending) > 1 and final is not None:
                for j in pending[:-1]:
                    own = quotes[j]["speaker"]
                    if quotes[j]["cue"] is None and (own is None or own.get("method") == "adjacent"):
                        quotes[j]["speaker"] = dict(final, method="adjacent")
            pending = []

    # -- regions --------------------------------------------------------------------------
    def _para_bounds(self, si: int) -> tuple[int, int]:
        st = self.stretches[si]
        i = bisect.bisect_right(self.paras, st.outer_start) - 1
        ps = self.paras[i] if i >= 0 else 0
        pe = self.text.find("\n", st.outer_end)
        return ps, (len(self.text) if pe < 0 else pe)

    def _regions(self, si: int) -> tuple[list[Token], list[Token]]:
        """Tokens outside quotes before the opening mark (nearest first) and after the closing mark."""
        doc = self.doc
        ps, pe = self._para_bounds(si)
        o0, o1 = self.outer_ranges[si]
        before: list[Token] = []
        i = o0 - 1
        while i >= 0 and len(before) < _MAX_REGION:
            t = doc[i]
            if t.idx < ps or i in self.quoted or _is_term(t):
                break
            before.append(t)
            i -= 1
        after: list[Token] = []
        i = o1
        while i < len(doc) and len(after) < _MAX_REGION:
            t = doc[i]
            if t.idx >= pe or i in self.quoted or _is_term(t):
                break
            after.append(t)
            i += 1
        return before, after

    # -- cue ------------------------------------------------------------------------------
    def _is_cue(self, t: Token) -> bool:
        if t.lower_ == "according":
            return t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"
        if t.i > 0 and t.doc[t.i - 1].lower_ in ("so", "so-") or t.lower_.startswith("so-"):
            return False  # "so-called"
        if t.i > 1 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].lower_ == "so":
            return False
        if t.pos_ == "NOUN" and t.dep_ in ("ROOT", "ccomp", "conj", "parataxis") and t.lower_ in self.speech:
            return any(c.dep_ in ("compound", "nsubj") for c in t.children)  # "the email read" tagged as a noun
        return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.speech and t.lemma_.lower() != "be"

    def _find_cue(self, si: int) -> tuple[Token, Token | None, str] | None:
        """(cue token, speaker token or None, method) for stretch si, or None."""
        doc = self.doc
        a, b = self.tok_ranges[si]
        if b <= a:
            return None
        qtoks = range(a, b)
        before, after = self._regions(si)
        st = self.stretches[si]
        if st.end > st.start and self.text[st.end - 1] in ".\u2026" and after and after[0].text[:1].isupper():
            after = []  # “... end.” She noted ...: a new sentence, not an attribution of this quote
        ancestors: dict[int, int] = {}
        roots = [doc[i] for i in qtoks if not (a <= doc[i].head.i < b) or doc[i].head.i == i]
        for r in roots[:6]:
            depth = 0
            h = r
            while depth < 5 and h.head.i != h.i:
                h = h.head
                depth += 1
                if not (a <= h.i < b):
                    ancestors.setdefault(h.i, depth)
        root_ids = {r.i for r in roots}
        best: tuple[float, Token] | None = None
        for region, side in ((before, "before"), (after, "after")):
            for dist, t in enumerate(region):
                if not self._is_cue(t):
                    continue
                score = -0.25 * dist
                if t.i in ancestors:
                    score += 4 + 0.5 * ancestors[t.i]
                elif t.head.i in root_ids or (a <= t.head.i < b):
                    score += 5
                if side == "after" and dist <= 6:
                    score += 1.5
                if side == "before" and dist <= 3:
                    score += 1
                if t.i not in ancestors and self._reports_other(t, a, b):
                    score -= 8
                if best is None or score > best[0]:
                    best = (score, t)
        if best is not None and best[0] < -6 and best[1].dep_ == "ROOT" and best[1] in after \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > b for c in best[1].children):
            best = (0.0, best[1])  # a sentence-final "..., <Name> said." however long the clause before it
        if best is None or best[0] < -6:
            cue_tok = self._structural_cue(si, before, after)
            if cue_tok is None:
                return None
            best = (0.0, cue_tok)
        cue = self._outermost(best[1], a, b)
        spk, method = self._subject(cue, a, b)
        if spk is not None and spk.ent_type_ in ("GPE", "LOC") and spk.text.isupper():
            spk = self._left_name(cue) or spk  # "WASHINGTON -- President Obama ... said": the dateline
        if spk is not None and spk.lower_ in _QUANTITY_WORDS:  # "Hundreds of residents said": the residents
            spk = next((g for c in spk.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), spk)
        if spk is not None and spk.lower_ == "which" and (spk.head.dep_ != "relcl"
                                                          or not self._speakerish(spk.head.head)):
            method = "explicit"  # "..., which also injured ...": the antecedent is a thing
            spk = self._left_name(cue) or self._root_subject(cue)
        elif spk is not None and method == "explicit" and not self._speakerish(spk):
            alt = self._left_name(cue) or self._root_subject(cue)
            if alt is not None:
                spk = alt
            elif spk.lower_ in _QUANTITY_WORDS:
                spk = None  # "Thousands took to the streets in protests dubbed ...": nobody in particular
        self.group_keys[si] = best[1].i
        return cue, spk, method

    def _outermost(self, cue: Token, a: int, b: int) -> Token:
        """A cue inside the reported clause of another speech verb yields to that verb
        ("Clinton said Trump was calling her “...”" is Clinton's attribution)."""
        t = cue
        through_comp = False
        for _ in range(5):
            if t.head.i == t.i:
                break
            through_comp = through_comp or t.dep_ in ("ccomp", "xcomp")
            t = t.head
            if t.i in self.quoted or a <= t.i < b:
                break
            if through_comp and self._is_cue(t) and t.lemma_.lower() in _OUTER:
                return t
        return cue

    def _structural_cue(self, si: int, before: list[Token], after: list[Token]) -> Token | None:
        """A verb outside the lexicon that still frames the quotation by layout:
        “...,” Hannity started. / The Clinton campaign worded it carefully: “...”"""
        st = self.stretches[si]
        inner_last = self.text[st.end - 1] if st.end > st.start else ""
        if after and (inner_last in ",?!" or after[0].text == ",") and len(after) <= 15:
            for t in after[:8]:
                has_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.quoted for c in t.children)
                if t.pos_ == "VERB" and has_subject and not self._reports_other(t, *self.tok_ranges[si]):
                    return t
        if before and before[0].text in (":", ","):
            for t in before[1:20]:
                if t.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.quoted
                                            for c in t.children):
                    return t
        return None

    def _reports_other(self, cue: Token, a: int, b: int) -> bool:
        """True when the cue's own clausal complement lies outside every quotation
        (then the cue introduces indirect speech, not our quote)."""
        for c in cue.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i not in self.quoted and not (a <= c.i < b):
                sub = range(c.left_edge.i, c.right_edge.i + 1)
                if not any(i in self.quoted for i in sub) and c.pos_ in ("VERB", "AUX"):
                    if c.dep_ == "xcomp" and c.lemma_ in self.speech:
                        continue
                    return True
        return False

    def _subject(self, cue: Token, a: int, b: int) -> tuple[Token | None, str]:
        if cue.lower_ == "according":
            to = cue.doc[cue.i + 1]
            for c in to.children:
                if c.dep_ == "pobj":
                    return c, "according_to"
            nxt = cue.i + 2
            if nxt < len(cue.doc) and cue.doc[nxt].pos_ in ("PROPN", "NOUN", "PRON", "DET"):
                return self._noun_head(cue.doc[nxt]), "according_to"
            return None, "according_to"
        if cue.pos_ == "NOUN":  # mis-tagged verb: its compound/subject child is the speaker
            for c in cue.children:
                if c.dep_ in ("compound", "nsubj") and c.i < cue.i and c.i not in self.quoted:
                    return self._noun_head(c), "explicit"
        t = cue
        for _ in range(6):
            inside = t.i in self.quoted and t.i != cue.i
            if not inside:
                for c in t.children:
                    if c.dep_ == "agent":
                        for g in c.children:
                            if g.dep_ == "pobj":
                                return g, "explicit"
                for c in t.children:
                    if c.dep_ in _SUBJ_DEPS and not (a <= c.i < b) and c.i not in self.quoted \
                            and c.ent_type_ not in _NOT_SPEAKERS and c.lower_ not in _NON_REFERRING:
                        if c.lower_ in _RELATIVE and t.dep_ == "relcl":
                            return c, "relative"
                        return c, "explicit"
                if t.dep_ == "relcl":
                    return t.head, "explicit"
            if (inside or t.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp", "ccomp", "parataxis", "prep",
                                     "dobj", "pobj")) and t.head.i != t.i:
                t = t.head
                continue
            break
        doc = cue.doc
        # "“...,” Flynn, a top surrogate, said Monday": the first name between the quote and the cue
        if b > 0 and a < cue.i and b <= cue.i:
            for i in range(self.outer_ranges[self.quoted.get(b - 1, 0)][1] if (b - 1) in self.quoted else b, cue.i):
                tok = doc[i]
                if i in self.quoted:
                    continue
                if (tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.pos_ in ("PROPN", "PRON")) \
                        and tok.ent_type_ not in ("DATE", "TIME"):
                    return self._noun_head(tok), "explicit"
        # inverted "said Kevin Madden" / "added a New Hampshire Democrat": the noun phrase after the cue
        inverted = cue.i - 2 <= b <= cue.i and (b - 1) in self.quoted
        for i in range(cue.i + 1, min(len(doc), cue.i + 6)):
            tok = doc[i]
            if i in self.quoted or tok.text in _TERMINATORS or tok.ent_type_ in ("DATE", "TIME"):
                break
            if tok.dep_ in ("nsubj", "nsubjpass") or tok.ent_type_ in ("PERSON", "ORG"):
                return self._noun_head(tok), "explicit"
            if inverted and tok.pos_ in ("PROPN", "NOUN", "PRON"):
                return self._noun_head(tok), "explicit"
            if tok.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PUNCT", "ADV"):
                break
        # unparsed subject ("Obama and Clinton call them"): the nearest person/pronoun on the left
        return self._left_name(cue), "explicit"

    def _speakerish(self, t: Token) -> bool:
        """Can this subject head be a speaker? Names, pronouns, role/institution/document nouns
        (speaker_nouns.txt) and agent-shaped nouns are; "the turmoil", "mortar bombs" and a vague
        quantity ("Thousands") are not."""
        if t.lower_ in _QUANTITY_WORDS or t.ent_type_ in _NOT_SPEAKERS:
            return False
        if t.pos_ != "NOUN" or t.ent_type_:
            return True
        low = t.lower_
        return low in self.speaker_nouns or t.lemma_.lower() in self.speaker_nouns or low.endswith(_AGENT_SUFFIXES)

    def _root_subject(self, cue: Token) -> Token | None:
        root = cue.sent.root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.quoted and self._speakerish(c) \
                    and c.lower_ not in _NON_REFERRING:
                return c
        return None

    def _left_name(self, cue: Token) -> Token | None:
        doc = cue.doc
        found: Token | None = None
        i = cue.i - 1
        n = 0
        while i >= 0 and n < 25:
            tok = doc[i]
            if i in self.quoted or tok.text in _TERMINATORS or "\n" in tok.text:
                break
            if tok.ent_type_ == "PERSON" or tok.lower_ in ("he", "she", "they"):
                return self._noun_head(tok)
            if found is None and tok.ent_type_ in ("ORG", "NORP"):
                found = self._noun_head(tok)
            i -= 1
            n += 1
        return found

    def _governing_subject(self, si: int) -> Token | None:
        """Subject of the verb that governs a partial quotation with no speech cue
        ("Reid has gone after Trump as a “human leech”")."""
        doc = self.doc
        a, b = self.tok_ranges[si]
        if b <= a:
            return None
        t = doc[a]
        found: Token | None = None
        clause_edge = False  # the last edge climbed attached a clause ("claimed that ...")
        for _ in range(10):
            if t.head.i == t.i:
                break
            clause_edge = t.dep_ in ("ccomp", "acl", "relcl", "advcl", "xcomp", "conj") and not (a <= t.i < b)
            last_dep = t.dep_
            t = t.head
            if a <= t.i < b:
                continue
            if t.i in self.quoted:
                return found
            if t.pos_ == "NOUN" and found is None and last_dep in ("acl", "ccomp", "prep", "pobj", "relcl"):
                for c in t.children:  # "Trump's claim that ...", "his call for “a total ban”"
                    if c.dep_ == "poss" and c.i not in self.quoted and c.lower_ not in ("its", "their") \
                            and (c.ent_type_ in ("PERSON", "ORG", "NORP") or c.pos_ in ("PRON", "PROPN")):
                        return c
            if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                if found is None and not clause_edge and (
                        t.dep_ in ("nsubj", "nsubjpass", "ROOT", "compound") or last_dep in _MODIFIER_DEPS):
                    # the quote modifies a subject noun or is a label on a noun
                    # ("residents of the “green zone”", "the “opt-out” movement"): no speaker
                    return None
                continue
            if t.pos_ in ("VERB", "AUX"):
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.quoted and c.lower_ not in _RELATIVE \
                            and c.pos_ in ("PROPN", "NOUN", "PRON") and c.lower_ not in _NON_REFERRING \
                            and c.lower_ != "it":
                        found = c  # keep climbing: the outermost clause's subject is the source
                        break
        return found

    def _directive_subject(self, si: int) -> Token | None:
        """A short lower-case quotation inside the object of a directive verb whose subject is a
        named person or organisation ("Xi ordered rescuers to make an “all-out” effort", "the
        council demanded a “full” inquiry") is that speaker's wording, not a scare quote.
        Capitalised stretches are names ("the “Computer Village” market") and stay out."""
        doc = self.doc
        a, b = self.tok_ranges[si]
        st = self.stretches[si]
        if b <= a or not self.text[st.start].islower():
            return None
        t = doc[a]
        for _ in range(8):
            if t.head.i == t.i:
                return None
            dep = t.dep_
            t = t.head
            if a <= t.i < b:
                continue
            if t.i in self.quoted:
                return None
            if t.pos_ in ("VERB", "AUX"):
                if t.lemma_.lower() in self.res.directive_verbs:
                    for c in t.children:
                        if c.dep_ == "nsubj" and c.i not in self.quoted:
                            e = self._entity_of(c)
                            return c if e is not None and e.label_ in ("PERSON", "ORG") else None
                    return None
                if dep not in ("dobj", "xcomp", "ccomp", "advcl", "prep", "pobj", "conj") \
                        and t.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
                    return None
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.quoted for c in t.children):
                    return None  # a clause with its own subject ("residents said the “so-called” ...")
        return None

    @staticmethod
    def _noun_head(t: Token) -> Token:
        """Climb compound/flat links to the head noun of the phrase."""
        while t.dep_ in ("compound", "flat", "nmod", "amod", "det", "poss") and t.head.i != t.i and t.head.i > t.i:
            t = t.head
        return t

    # -- speaker --------------------------------------------------------------------------
    def _entity_of(self, t: Token) -> Span | None:
        ent = t.ent_type_
        if ent in _NAMED:
            i = bisect.bisect_right(self.ent_starts, t.idx) - 1
            if i >= 0 and self.ents[i].start <= t.i < self.ents[i].end:
                return self.ents[i]
        return None

    def _mention_span(self, t: Token) -> tuple[Span, str]:
        """The span naming or referring to the speaker, and how it refers (explicit/pronoun/nominal)."""
        doc = self.doc
        ent = self._entity_of(t)
        if ent is not None:
            return ent, "explicit"
        if t.pos_ == "PRON" or t.lower_ in _PRONOUNS_PERSON or t.lower_ in _PRONOUNS_GROUP:
            return doc[t.i:t.i + 1], "pronoun"
        for c in t.children:  # "A Kremlin spokesperson, Dmitry Peskov,"
            if c.dep_ == "appos":
                e = self._entity_of(c)
                if e is not None and e.label_ in ("PERSON", "ORG"):
                    return e, "explicit"
        # a proper-noun compound inside the phrase ("Kremlin spokesman Dmitry Peskov" mis-parsed)
        start = t.i
        for c in t.children:
            if c.i < t.i and c.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod", "case", "punct"):
                start = min(start, c.left_edge.i)
        while start < t.i and doc[start].is_punct:
            start += 1
        span = doc[start:t.i + 1]
        if t.i + 1 < len(doc):  # "the engineer Rahul Mehta said"
            e = self._entity_of(doc[t.i + 1])
            if e is not None and e.label_ == "PERSON" and e.start == t.i + 1:
                return e, "explicit"
        for tok in span:
            e = self._entity_of(tok)
            if e is not None and e.label_ in ("PERSON",) and e.end == t.i + 1:
                return e, "explicit"
        return span, "nominal"

    def _speaker(self, t: Token, method: str, last: tuple[dict[str, Any], int] | None) -> dict[str, Any]:
        if method == "relative":
            # "Lionel Sosa, ..., who said": the relative pronoun refers, the antecedent names
            head = t.head.head if t.head.dep_ == "relcl" else t.head
            ref = self._speaker(head, "explicit", last)
            return dict(ref, mention={"text": t.text, "start": t.idx, "end": t.idx + len(t.text)},
                        method="relative")
        span, kind = self._mention_span(t)
        mention = {"text": span.text, "start": span.start_char, "end": span.end_char}
        if method == "explicit" and kind != "explicit":
            method = kind
        name, actor_id = None, None
        if kind == "explicit":
            name, actor_id = self._resolve_name(span)
        elif kind == "pronoun":
            ref = None
            if last is not None and span[0].lower_ in ("he", "she") and last[0].get("method") != "pronoun_org" \
                    and self._para_index(span.start_char) - last[1] <= 1 and last[0].get("name") \
                    and self._is_person_name(last[0]["name"]) \
                    and (other := self._other_person_before(span, last[0]["name"])) is None:
                ref = last[0]["name"], last[0].get("actor_id")  # "he said" continues the last quoted person
            elif last is not None and span[0].lower_ in ("he", "she") and last[0].get("name") \
                    and (other := self._other_person_before(span, last[0]["name"])) is not None:
                ref = self._resolve_name(other)
            if ref is None:
                ref = self._resolve_pronoun(span[0], last)
            if ref is not None:
                name, actor_id = ref
        else:
            ref = self._resolve_nominal(span, last)
            if ref is not None:
                name, actor_id = ref
        if name is None:
            name = span.text
        return {"name": name, "actor_id": actor_id, "mention": mention, "method": method}

    def _other_person_before(self, pron: Span, name: str) -> Span | None:
        """A different person named earlier in the pronoun's own paragraph, outside quotes, as a
        PERSON or as the proper-noun subject of a speech verb ("Zelenskyy, speaking in Pretoria,
        said ... '...,' he said"): the pronoun refers to them, not to the last quoted person."""
        words = _words(name)
        for t in self._title_words_before(pron):
            # the tagger may call an unknown surname a common noun ("Zelenskyy, speaking ..., said")
            name_like = t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.lower_ not in self.speaker_nouns
                                               and t.lemma_.lower() not in self.speaker_nouns)
            if t.ent_type_ == "PERSON" or (name_like and t.dep_ == "nsubj" and self._is_cue(t.head)
                                           and not t.ent_type_):
                span = self._name_ending_at(t)
                if not _words(span.text) & words:
                    return span
        return None

    def _title_words_before(self, span: Span) -> Iterator[Token]:
        """Capitalised tokens outside quotes before `span` in its own paragraph, nearest first."""
        para = self._para_index(span.start_char)
        for i in range(span.start - 1, -1, -1):
            t = self.doc[i]
            if "\n" in t.text or self._para_index(t.idx) != para:
                break
            if i not in self.quoted and t.is_title:
                yield t

    def _name_ending_at(self, t: Token) -> Span:
        """`t` with the capitalised compound words before it ("Relief" + "International")."""
        start = t.i
        while start > 0 and self.doc[start - 1].is_title and self.doc[start - 1].dep_ == "compound":
            start -= 1
        return self.doc[start:t.i + 1]

    def _apposed_name(self, span: Span) -> Span | None:
        """A PERSON set off by commas right after a nominal ('the governor of X, NAME,')."""
        i = bisect.bisect_left(self.ent_starts, span.end_char)
        for e in self.ents[i:i + 3]:
            gap = self.doc[span.end:e.start]
            if len(gap) > 5 or any(t.pos_ in ("VERB", "AUX") or t.i in self.quoted for t in gap):
                break
            if e.label_ == "PERSON" and len(gap) and gap[-1].text == "," \
                    and e.end < len(self.doc) and self.doc[e.end].text == ",":
                return e
        return None

    def _named_subject_before(self, span: Span) -> Span | None:
        """The name (title case, not a person) that is the subject of a speech verb earlier in the
        nominal's own paragraph: the group the nominal stands for, even when the tagger missed it."""
        for t in self._title_words_before(span):
            if t.dep_ != "nsubj" or t.ent_type_ == "PERSON" or not self._is_cue(t.head) \
                    or t.lower_ in self.speaker_nouns:
                continue
            name = self._name_ending_at(t)
            if len(name) > 1 or t.ent_type_ == "ORG":
                return name
        return None

    def _para_index(self, char: int) -> int:
        """Index of the paragraph (non-blank line) holding `char`, as in Stretch.para."""
        return bisect.bisect_right(self.nonblank_starts, char) - 1

    def _is_person_name(self, name: str) -> bool:
        if self._person_names is None:
            self._person_names = frozenset(
                [e.text for e in self.ents if e.label_ == "PERSON"]
                + [a["name"] for a in self.actors if a.get("type") == "PERSON" and a.get("name")])
        return name in self._person_names

    def _actor_at(self, start: int, end: int) -> dict[str, Any] | None:
        i = bisect.bisect_left(self._mention_starts, start)
        for j in range(max(0, i - 3), min(len(self._mention_index), i + 3)):
            ms, me, actor = self._mention_index[j]
            if ms < end and start < me:
                return actor
        return None

    def _resolve_name(self, span: Span) -> tuple[str, str | None]:
        actor = self._actor_at(span.start_char, span.end_char)
        if actor is None and self.actors:
            words = _words(span.text)
            for a in self.actors:
                aliases = [a.get("name") or ""] + list(a.get("aliases") or [])
                if any(_words(al) == words for al in aliases if al):
                    actor = a
                    break
        if actor is not None and actor.get("name"):
            return actor["name"], actor.get("id")
        return self._fullest(span.text, span.label_ or "PERSON"), None

    def _fullest(self, mention: str, label: str) -> str:
        """The longest PERSON/ORG entity text in the doc sharing a word with `mention`."""
        best = _POSSESSIVE.sub("", mention)
        words = _words(best)
        if not words:
            return best
        for e in self.ents:
            text = _POSSESSIVE.sub("", e.text)
            if e.label_ not in ("PERSON", "ORG") or len(text) <= len(best):
                continue
            if label in ("PERSON", "ORG") and e.label_ != label:
                continue
            if words <= _words(text):
                best = text
        return best

    def _resolve_pronoun(self, pron: Token, last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
        """he/she -> a preceding PERSON, they/it/we -> a preceding ORG: the nearest one that is the
        subject of a speech verb, else the nearest subject, else the nearest mention (salience
        by grammatical role, in the spirit of Lappin & Leass 1994)."""
        want = "PERSON" if pron.lower_ in _PRONOUNS_PERSON else "ORG"
        i = bisect.bisect_left(self.ent_starts, pron.idx) - 1
        limit = pron.idx - 2500
        nearest: Span | None = None
        subject: Span | None = None
        seen = 0
        while i >= 0 and self.ent_starts[i] >= limit and seen < 12:
            e = self.ents[i]
            i -= 1
            if e.label_ != want or e.end > pron.i or e.start in self.quoted:
                continue
            seen += 1
            if nearest is None:
                nearest = e
                if e.sent.start == pron.sent.start:
                    return self._resolve_name(e)  # a name earlier in the pronoun's own sentence
            root = e.root
            if root.dep_ in ("nsubj", "nsubjpass"):
                if self._is_cue(root.head):
                    return self._resolve_name(e)
                if subject is None:
                    subject = e
        best = subject or nearest
        if best is not None:
            return self._resolve_name(best)
        if last is not None:
            return last[0]["name"], last[0].get("actor_id")
        described = self._described_speaker(pron)
        if described is not None:
            return described, None
        return None

    def _described_speaker(self, pron: Token) -> str | None:
        """"A township spokesman said ... '...,' he said": with no name to refer to, the pronoun
        stands for the unnamed speaker described just before (the subject of a speech verb in
        its own or the two previous sentences)."""
        person = pron.lower_ in _PRONOUNS_PERSON
        sents = []
        sent = pron.sent
        for _ in range(3):
            sents.append(sent)
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        for sent in sents:
            for t in reversed(sent):
                if t.i >= pron.i or t.pos_ != "NOUN" or t.i in self.quoted or t.ent_type_:
                    continue
                according = t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.i > 0 \
                    and self.doc[t.head.i - 1].lower_ == "according"
                if not according and not (t.dep_ == "nsubj" and self._is_cue(t.head)):
                    continue
                low = t.lemma_.lower()
                if low in self.res.document_nouns or (person and low in self.res.org_nominals):
                    continue
                left = t.left_edge.i
                if t.i - left > 7:
                    left = t.i - 7
                return self.doc[left:t.i + 1].text
        return None

    def _resolve_nominal(self, span: Span, last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
        """"the spokesman" -> an actor with that title, or a name next to that noun earlier on;
        "the statement" -> whoever issued it; "the group/the military" -> the last compatible
        named organisation. Always backwards: a nominal never refers to a name further on."""
        head = span[-1].lower_
        lemma = span[-1].lemma_.lower()
        if lemma in self.res.document_nouns or head in self.res.document_nouns:
            return self._resolve_document(span, last)
        if lemma in self.res.org_nominals or head in self.res.org_nominals:
            subject = self._named_subject_before(span)  # "Relief International ... said. '...,' the aid group said"
            if subject is not None:
                return subject.text, None
            return self._resolve_org(span, self.res.org_nominals.get(lemma) or self.res.org_nominals[head])
        appos = self._apposed_name(span)
        if appos is not None:  # "The governor of Darfur, Minni Arko Minnawi, accused ..."
            return self._resolve_name(appos)
        for a in self.actors:
            if any(head in (tt or "").lower().split() for tt in a.get("titles") or []) \
                    and any(m.get("start", len(self.text)) < span.start_char for m in a.get("mentions") or []):
                return a.get("name"), a.get("id")
        # "Dmitry Peskov, the Kremlin spokesman" / "Kremlin spokesman Dmitry Peskov" earlier
        text = self.text
        pos = self.lower_text.rfind(head, 0, span.start_char)
        tries = 0
        while pos >= 0 and tries < 5:
            tries += 1
            window = self.doc.char_span(max(0, pos - 60), min(len(text), pos + 60), alignment_mode="expand")
            if window is not None:
                best = None
                for e in window.ents:
                    if e.label_ == "PERSON" or (e.label_ == "ORG" and head not in ("spokesman", "spokeswoman")):
                        d = abs(e.start_char - pos)
                        if best is None or d < best[0]:
                            best = (d, e)
                if best is not None and best[1].label_ == "PERSON":
                    return self._resolve_name(best[1])
            pos = self.lower_text.rfind(head, 0, pos)
        return None

    def _resolve_org(self, span: Span, compatible: frozenset[str]) -> tuple[str, str | None] | None:
        """"the rights group" -> the nearest preceding named organisation (ORG entity) that shares a
        word with the phrase, else the nearest one whose name fits the noun (`compatible`). A phrase
        that names itself ("the Israeli army") and a PERSON are never resolved this way."""
        if any(t.ent_type_ or t.pos_ == "PROPN" for t in span[:-1]):
            return None
        words = _words(span.text)
        i = bisect.bisect_left(self.ent_starts, span.start_char) - 1
        limit = span.start_char - 3000
        fallback: Span | None = None
        seen = 0
        while i >= 0 and self.ent_starts[i] >= limit and seen < 10:
            e = self.ents[i]
            i -= 1
            if e.label_ != "ORG" or e.start in self.quoted or e.end > span.start:
                continue
            seen += 1
            ewords = _words(e.text)
            if words & ewords:
                return self._resolve_name(e)
            if fallback is None and ("*" in compatible or ewords & compatible):
                fallback = e
        return self._resolve_name(fallback) if fallback is not None else None

    def _resolve_document(self, span: Span, last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
        """"the statement" -> its issuer: named in the phrase itself, at the last earlier mention of
        that kind of document ("a statement from X", "X said in a statement"), else the speaker of
        the attribution just before (a statement is issued by whoever was last quoted)."""
        head = span[-1]
        found = self._issuer(head)
        if found is not None:
            return found
        lemma = head.lemma_.lower()
        docs = self.res.document_nouns
        # the same kind of document first; then any ("stated in a press release ... the statement")
        for same in (True, False):
            n = 0
            for i in range(span.start - 1, max(-1, span.start - 600), -1):
                tok = self.doc[i]
                low = tok.lemma_.lower()
                if (low == lemma if same else low in docs and low != lemma) and tok.pos_ == "NOUN" \
                        and i not in self.quoted:
                    found = self._issuer(tok)
                    if found is not None:
                        return found
                    n += 1
                    if n >= 3:
                        break
        if last is not None and last[0].get("name") and self._para_index(span.start_char) - last[1] <= 2 \
                and last[0].get("method") not in ("nominal", "adjacent"):
            return last[0]["name"], last[0].get("actor_id")
        return None

    def _issuer(self, doc_tok: Token) -> tuple[str, str | None] | None:
        """The named issuer of a document noun: "X's statement", "a statement from/by X",
        "X said in a statement"."""
        for c in doc_tok.children:
            if c.dep_ == "poss":
                e = self._entity_of(c)
                if e is not None and e.label_ in ("PERSON", "ORG"):
                    return self._resolve_name(e)
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                for g in c.children:
                    e = self._entity_of(g) if g.dep_ == "pobj" else None
                    if e is not None and e.label_ in ("PERSON", "ORG"):
                        return self._resolve_name(e)
        if doc_tok.dep_ == "pobj" and doc_tok.head.lower_ in ("in", "through", "via") \
                and self._is_cue(doc_tok.head.head):
            cue = doc_tok.head.head
            for c in cue.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.quoted:
                    e = self._entity_of(c)
                    if e is not None and e.label_ in ("PERSON", "ORG"):
                        return self._resolve_name(e)
        return None

    # -- layouts --------------------------------------------------------------------------
    def _colon_name(self, si: int) -> Token | None:
        """"HEADLINE - Jane Doe: “...”" / "Kremlin spokesman Dmitry Peskov: “...”": a name
        (not the object of a verb or preposition) right before the colon that opens the quote."""
        before, _ = self._regions(si)
        if len(before) < 2 or before[0].text != ":":
            return None
        e = self._entity_of(before[1])
        if e is None or e.label_ not in ("PERSON", "ORG"):
            return None
        if e.root.dep_ in ("pobj", "dobj", "dative", "attr"):
            return None
        return e.root

    def _label_speaker(self, si: int) -> dict[str, Any] | None:
        """Transcript style: the quotation opens with a speaker label ("PENCE: Well, ...")."""
        st = self.stretches[si]
        m = _LABEL.match(self.text, st.start, st.end)
        if m is None:
            return None
        s, e = m.start(1), m.end(1)
        name = self._name_for_text(self.text[s:e], s, e)
        return {"name": name[0], "actor_id": name[1], "mention": {"text": self.text[s:e], "start": s, "end": e},
                "method": "label"}

    def _dash_speaker(self, si: int) -> dict[str, Any] | None:
        """A trailing credit: “...” ― Jane Doe"""
        st = self.stretches[si]
        m = _DASH_NAME.match(self.text, st.outer_end)
        if m is None:
            return None
        s, e = m.start(1), m.end(1)
        name = self._name_for_text(self.text[s:e], s, e)
        return {"name": name[0], "actor_id": name[1], "mention": {"text": self.text[s:e], "start": s, "end": e},
                "method": "dash"}

    def _name_for_text(self, mention: str, s: int, e: int) -> tuple[str, str | None]:
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            actor = self._actor_at(s, e)
            if actor is not None and actor.get("name"):
                return actor["name"], actor.get("id")
        return self._fullest(mention, "PERSON"), None

    def _prev_sentence_speaker(self, si: int) -> dict[str, Any] | None:
        """A quotation right after an attribution sentence of the same paragraph
        ("..., Schiff said. “The other factor ...”") continues that speaker."""
        doc = self.doc
        o0 = self.outer_ranges[si][0]
        ps, _ = self._para_bounds(si)
        i = o0 - 1
        if i < 0 or doc[i].text not in _TERMINATORS or doc[i].idx < ps:
            return None
        i -= 1
        n = 0
        while i >= 0 and n < _MAX_REGION and doc[i].idx >= ps and i not in self.quoted \
                and doc[i].text not in _TERMINATORS:
            t = doc[i]
            if self._is_cue(t):
                spk, method = self._subject(t, -1, -1)
                if spk is not None:
                    sp = self._speaker(spk, method, None)
                    sp["method"] = "adjacent"
                    return sp
            i -= 1
            n += 1
        return None

    def _layout_speaker(self, group: list[int]) -> dict[str, Any] | None:
        """"From X:" / "X:" lead-ins and a trailing "— X"."""
        doc = self.doc
        si = group[0]
        for fn in (self._label_speaker, self._dash_speaker):
            sp = fn(si if fn is self._label_speaker else group[-1])
            if sp is not None:
                return sp
        before, _ = self._regions(si)
        if before and before[0].text == ":":
            for t in before[1:6]:
                e = self._entity_of(t)
                if e is not None and e.label_ in ("PERSON", "ORG"):
                    return self._speaker(e.root, "colon", None)
        _, after = self._regions(group[-1])
        if after and after[0].text in _DASHES:
            for t in after[1:5]:
                e = self._entity_of(t)
                if e is not None and e.label_ in ("PERSON", "ORG"):
                    return self._speaker(e.root, "dash", None)
        # a previous paragraph ending with ":" ("Kerry wrote:")
        st = self.stretches[si]
        if not before and st.outer_start in self.para_set:
            prev_end = st.outer_start - 1
            while prev_end > 0 and self.text[prev_end - 1].isspace():
                prev_end -= 1
            if prev_end > 0 and self.text[prev_end - 1] == ":":
                prev_start = self.text.rfind("\n", 0, prev_end) + 1
                if True:
                    span = doc.char_span(prev_start, prev_end, alignment_mode="expand")
                    if span is not None:
                        for t in reversed(span):
                            if self._is_cue(t):
                                spk, method = self._subject(t, -1, -1)
                                if spk is not None:
                                    return self._speaker(spk, method, None)
                        for t in reversed(span):
                            e = self._entity_of(t)
                            if e is not None and e.label_ in ("PERSON", "ORG"):
                                return self._speaker(e.root, "colon", None)
        return None

    # -- kinds and filters ----------------------------------------------------------------
    def _kind(self, si: int) -> str:
        st = self.stretches[si]
        first = self.text[st.start]
        prev = self.text[max(0, st.outer_start - 200):st.outer_start].rstrip()  # bounded look-back
        lead = prev[-1:] if prev else ""
        sentence_start = lead in ("", ".", "!", "?", ":", ",", "\n", "”", '"', "—", "–") or \
            st.outer_start in self.para_set or prev.endswith("''")
        if (first.isupper() or first.isdigit() or first in "….") and sentence_start:
            return "direct"
        return "partial"

    def _is_title(self, si: int) -> bool:
        before, _ = self._regions(si)
        return any(t.lower_ in self.works and t.pos_ in ("NOUN", "PROPN") for t in before[:3])  # not "to show"

    def _is_nonquote(self, group: list[int]) -> bool:
        """No cue and no speaker: a title, a scare quote or a nickname, unless it is long."""
        words = sum(len(self.text[self.stretches[j].start:self.stretches[j].end].split()) for j in group)
        return words <= 4 or self._is_title(group[0])


def _is_term(t: Token) -> bool:
    """A sentence-ending mark; the dot of an abbreviation ("Lt. Col. Jane Doe said") is not one."""
    if t.text not in _TERMINATORS:
        return False
    return t.pos_ == "PUNCT" or t.is_sent_end


def _para_starts(text: str) -> list[int]:
    out = [0]
    i = text.find("\n")
    while i >= 0:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


def _words(s: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(s.lower()) if w not in _STOP)


def _cue_dict(t: Token) -> dict[str, Any]:
    if t.lower_ == "according" and t.i + 1 < len(t.doc):
        nxt = t.doc[t.i + 1]
        return {"text": doc_text(t.doc)[t.idx:nxt.idx + len(nxt.text)], "lemma": "according to",
                "start": t.idx, "end": nxt.idx + len(nxt.text)}
    return {"text": t.text, "lemma": t.lemma_.lower(), "start": t.idx, "end": t.idx + len(t.text)}
