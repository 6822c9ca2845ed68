"""The base model's attribute ruler and lemmatizer, memoised: the same annotations, a fraction of the time.

Why: measured stage by stage on the PolNeAR dev articles, spaCy's `attribute_ruler` took 2.0 s
and its rule `lemmatizer` 1.4 s of the model's 14.4 s, more than all our rule components
together. Neither needs to be slow:

- The attribute ruler runs a `Matcher` that tries each of its patterns (179 in en_core_web_sm)
  at every token. Almost all of them look at one token's TAG, LOWER, DEP and IS_SPACE only, so
  which of them match a token is a function of those four values; `MemoAttributeRuler.match`
  looks that up in a memo (filled by the stock matcher on a one-token span the first time a
  combination is seen) and runs a matcher only for the few patterns of several tokens. The
  matches, their order and `set_annotations` are the stock ones.
- The rule lemmatizer computes a token's lemma from its text, POS and morphology, in Python,
  token by token, and sets it through the `lemma_` setter. `MemoLemmatizer.__call__` reads
  those three values for the whole Doc at once, asks the stock `lemmatize` only for a
  combination it has not seen, and writes the lemmas back with one `Doc.from_array`.

Both memos are bounded: the ruler's key keeps a token's lower-case form only when some pattern
names it (so its size is fixed by the model), and the lemmatizer's memo is emptied when it
reaches `LEMMA_MEMO_SIZE` entries (spaCy's own cache behind it, which stock spaCy never empties,
after every Doc). Memo keys are string hashes, which stay valid across spaCy's memory zones.

`memoise_tagging(nlp)` swaps them in for the stock components of a loaded pipeline (same names,
same positions, same data); a pipeline whose components are of other kinds is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

#: The lemmatizer's memo is emptied when it holds this many (text, POS, morphology) entries:
#: an archive keeps bringing new words, and a memo that only grows is a leak. An entry costs about
#: 330 bytes; the 84 PolNeAR dev articles have 10,700 different ones.
LEMMA_MEMO_SIZE = 20_000
#: The token attributes a one-token pattern of the ruler may test for the memo to be exact.
_KEY_ATTRS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})


class LowerClasses:
    """A token's lower-case form reduced to what the ruler's LOWER tests can tell apart.

    A form some pattern names (as a value or in an IN list) is its own class; any other form is
    the tuple of the REGEX tests it passes (the empty tuple for most words). When a pattern tests
    LOWER in another way (NOT_IN, a length...), every form is its own class. Kept per form hash,
    emptied at `LEMMA_MEMO_SIZE` forms like the lemmatizer's memo."""

    def __init__(self, vocab: Any, patterns: list[list[dict[str, Any]]]) -> None:
        self.strings = vocab.strings
        self.named: set[int] = set()
        self.regexes: list[re.Pattern[str]] = []
        self.exact = False
        for tok in (tok for pattern in patterns for tok in pattern):
            value = tok.get("LOWER")
            if value is None:
                continue
            if isinstance(value, str):
                self.named.add(self.strings.add(value))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                self.named.update(self.strings.add(v) for v in value["IN"])
            elif isinstance(value, dict) and set(value) == {"REGEX"}:
                self.regexes.append(re.compile(value["REGEX"]))
            else:
                self.exact = True
        self.memo: dict[int, Any] = {}

    def __call__(self, low: int) -> Any:
        if self.exact or low in self.named:
            return low
        found = self.memo.get(low)
        if found is None:
            if len(self.memo) >= LEMMA_MEMO_SIZE:
                self.memo.clear()
            text = self.strings[low] if self.regexes else ""
            found = self.memo[low] = tuple(i for i, rx in enumerate(self.regexes) if rx.search(text))
        return found


class MemoAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with its one-token matches memoised (see the module docstring)."""

    def __init__(self, vocab: Any, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer: Any = None) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._memo: dict[tuple[int, Any, int, int], list[tuple[int, int]]] = {}
        self._plan: tuple[Matcher, Matcher, LowerClasses] | None = None

    def _prepare(self) -> tuple[Matcher, Matcher, LowerClasses]:
        """(matcher of the one-token keys, matcher of the others, the lower-case form's classes)."""
        single, multi = Matcher(self.vocab), Matcher(self.vocab)
        all_patterns: list[list[dict[str, Any]]] = []
        for key in range(len(self.attrs)):
            patterns = self.matcher.get(str(key))[1]
            all_patterns.extend(patterns)
            one_token = all(len(p) == 1 and set(p[0]) <= _KEY_ATTRS for p in patterns)
            (single if one_token else multi).add(str(key), patterns)
        return single, multi, LowerClasses(self.vocab, all_patterns)

    def add(self, patterns: Any, attrs: dict, index: int = 0) -> None:  # type: ignore[override]
        super().add(patterns, attrs, index)
        self._forget()

    def clear(self) -> None:
        super().clear()
        self._forget()

    def _forget(self) -> None:
        """New or removed patterns: what the memo learnt no longer holds."""
        self._memo.clear()
        self._plan = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The stock matches, sorted as stock spaCy sorts them (later rules win)."""
        if self._plan is None:
            self._plan = self._prepare()
        single, multi, lower_class = self._plan
        strings = self.vocab.strings
        memo = self._memo
        matches: list[tuple[int, int, int, int]] = []
        for i, (tag, low, dep, space) in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            key = (tag, lower_class(low), dep, space)
            found = memo.get(key)
            if found is None:
                found = memo[key] = [(int(strings[m_id]), m_id)
                                     for m_id, _, _ in single(doc[i:i + 1], allow_missing=True)]
            matches.extend((attr_id, m_id, i, i + 1) for attr_id, m_id in found)
        if len(multi):
            matches.extend((int(strings[m_id]), m_id, s, e) for m_id, s, e in multi(doc, allow_missing=True))
        matches.sort()
        return matches


class MemoLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, memoised per (text, POS, morphology) over whole Docs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[tuple[int, int, int], str] = {}
        self._indexed: tuple[Lookups, Lookups] | None = None

    def _set_indexed(self) -> Lookups:
        """The lookups with each POS's list of known lemmas as a set: the stock rule code asks
        `form in index` of a list of up to 57,000 words, about 150 microseconds a new word. The
        stock tables stay in `self.lookups` (what `to_disk` writes); this copy is used in `__call__`."""
        if self._indexed is None or self._indexed[0] is not self.lookups:
            indexed = Lookups()
            for name in self.lookups.tables:
                table = self.lookups.get_table(name)
                if name == "lemma_index":
                    indexed.add_table(name, {key: frozenset(words) for key, words in table.items()})
                else:
                    indexed.set_table(name, table)
            self._indexed = (self.lookups, indexed)
        return self._indexed[1]

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        if len(self._memo) >= LEMMA_MEMO_SIZE:
            self._memo.clear()
        stock = self.lookups
        self.lookups = self._set_indexed()
        try:
            lemmas = self._lemmas(doc)
        finally:
            self.lookups = stock
            self.cache.clear()  # the stock cache (never emptied by spaCy) would only copy the memo
        doc.from_array([LEMMA], lemmas)
        return doc

    def _lemmas(self, doc: Doc) -> Any:
        """The LEMMA column of `doc`: kept where set (and not overwriting), else from the memo."""
        memo, add = self._memo, self.vocab.strings.add
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            text = memo.get(key)
            if text is None:
                text = memo[key] = self.lemmatize(doc[i])[0]
            lemmas[i] = add(text)
        return lemmas


def memoise_tagging(nlp: Language) -> None:
    """Swap the memoised ruler and lemmatizer in for the stock ones of a loaded pipeline, with
    the stock ones' patterns and tables, under the same names; anything else is left alone."""
    if "attribute_ruler" in nlp.pipe_names and type(nlp.get_pipe("attribute_ruler")) is AttributeRuler:
        stock = nlp.get_pipe("attribute_ruler")
        memo = nlp.replace_pipe("attribute_ruler", "extractor_attribute_ruler")
        memo.add_patterns(stock.patterns)
    if "lemmatizer" in nlp.pipe_names:
        stock = nlp.get_pipe("lemmatizer")
        if type(stock) is EnglishLemmatizer and stock.mode == "rule":
            memo = nlp.replace_pipe("lemmatizer", "extractor_lemmatizer",
                                    config={"mode": stock.mode, "overwrite": stock.overwrite})
            memo.initialize(lookups=stock.lookups)
