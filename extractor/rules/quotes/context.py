"""The per-document state the quote rules share: the quoted stretches and their token ranges, and
doc-level indexes (paragraph starts, named entities, actor mentions) built once per document.

Every rule module takes a `QuoteContext` as its first argument; the context holds data and
index look-ups only, no rule.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span, Token

from .grammar import NAMED
from .lexicon import QuoteLexicon
from .marks import Stretch, paragraphs


def _para_starts(text: str) -> list[int]:
    """0 and every position right after a line break."""
    out = [0]
    i = text.find("\n")
    while i >= 0:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


def _trimmed(e: Span) -> Span | None:
    """The entity without punctuation at its edges (", Jane Roe" -> "Jane Roe"), None if nothing is left."""
    start, end = e.start, e.end
    doc = e.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in (".", ")") or doc[end - 1].is_space):
        end -= 1
    if start == e.start and end == e.end:
        return e
    return Span(doc, start, end, label=e.label_) if end > start else None


@dataclass
class QuoteContext:
    """`tok_ranges[si]` = token range of stretch si's inner words, `outer_ranges[si]` the same with
    its marks; `quoted` = token index -> stretch index (inner words and marks); `paras` = line
    starts, `nonblank_starts` = starts of non-blank lines (Stretch.para counts these); `ents` =
    named entities (labels in NAMED) with their start chars; `mention_index` = (start, end, actor)
    of every actor mention, sorted; `group_keys` = stretch -> token index of the cue that groups it
    (filled while the cues are found); `genders` = speaker name -> "m"/"f" as the pronouns already
    resolved to them tell (filled while the speakers are found)."""

    doc: Doc
    text: str
    lower_text: str
    lex: QuoteLexicon
    stretches: list[Stretch]
    tok_ranges: list[tuple[int, int]]
    outer_ranges: list[tuple[int, int]]
    quoted: dict[int, int]
    paras: list[int]
    para_set: frozenset[int]
    nonblank_starts: list[int]
    ents: list[Span]
    ent_starts: list[int]
    actors: list[dict[str, Any]]
    mention_index: list[tuple[int, int, dict[str, Any]]]
    mention_starts: list[int]
    group_keys: dict[int, int] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, text: str, stretches: list[Stretch], lex: QuoteLexicon) -> QuoteContext:
        """The context of `doc` (whose text is `text`) with its quoted `stretches`."""
        tok_ranges: list[tuple[int, int]] = []
        outer_ranges: list[tuple[int, int]] = []
        quoted: dict[int, int] = {}
        for si, st in enumerate(stretches):
            inner = doc.char_span(st.start, st.end, alignment_mode="expand")
            outer = doc.char_span(st.outer_start, st.outer_end, alignment_mode="expand")
            ir = (inner.start, inner.end) if inner is not None else (0, 0)
            orr = (outer.start, outer.end) if outer is not None else ir
            tok_ranges.append(ir)
            outer_ranges.append(orr)
            for i in range(orr[0], orr[1]):
                quoted.setdefault(i, si)
        paras = _para_starts(text)
        ents = [t for t in (_trimmed(e) for e in doc.ents if e.label_ in NAMED) if t is not None]
        actors = [a for a in (doc._.extractor_actors or []) if isinstance(a, dict)]
        mention_index = sorted(
            (m["start"], m["end"], a) for a in actors for m in a.get("mentions") or []
            if isinstance(m, dict) and "start" in m and "end" in m)
        return cls(doc=doc, text=text, lower_text=text.lower(), lex=lex, stretches=stretches,
                   tok_ranges=tok_ranges, outer_ranges=outer_ranges, quoted=quoted,
                   paras=paras, para_set=frozenset(paras), nonblank_starts=[s for s, _e in paragraphs(text)],
                   ents=ents, ent_starts=[e.start_char for e in ents], actors=actors,
                   mention_index=mention_index, mention_starts=[m[0] for m in mention_index])

    @cached_property
    def title_tokens(self) -> list[int]:
        """Indices of the title-case tokens outside quotations, ascending (built on first use): the
        candidates `regions.title_words_before` looks through, found without a Python walk."""
        flags = self.doc.to_array("IS_TITLE")
        return [i for i in flags.nonzero()[0].tolist() if i not in self.quoted]

    @cached_property
    def person_names(self) -> frozenset[str]:
        """Every PERSON entity text and PERSON actor name (built on first use)."""
        return frozenset([e.text for e in self.ents if e.label_ == "PERSON"]
                         + [a["name"] for a in self.actors if a.get("type") == "PERSON" and a.get("name")])

    def para_index(self, char: int) -> int:
        """Index of the paragraph (non-blank line) holding `char`, as in Stretch.para."""
        return bisect.bisect_right(self.nonblank_starts, char) - 1

    def entity_of(self, t: Token) -> Span | None:
        """The named entity (label in NAMED) that holds token `t`, if any."""
        ent = t.ent_type_
        if ent in NAMED:
            i = bisect.bisect_right(self.ent_starts, t.idx) - 1
            if i >= 0 and self.ents[i].start <= t.i < self.ents[i].end:
                return self.ents[i]
        return None
