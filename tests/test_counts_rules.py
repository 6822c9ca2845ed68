"""The counts rules of extractor/rules/counts/ called one by one, on sentences written for them.

test_counts.py checks whole records; these check that each rule module answers its own question
("which verb governs the count?", "is it a toll?", "is it a guess?") when called on its own.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractor.rules.counts.amounts import NumberMatch, find_numbers
from extractor.rules.counts.casualty_toll import toll
from extractor.rules.counts.casualty_verb import governing_verb
from extractor.rules.counts.context import CountsDoc
from extractor.rules.counts.counted_noun import counted_thing
from extractor.rules.counts.hypothetical import is_hypothetical
from extractor.rules.counts.repeats import dedupe
from extractor.rules.counts.state import Entry
from extractor.rules.counts.weapon_action import is_transfer, weapon_action
from extractor.rules.counts.weapon_class import weapon_class


def _read(ex, text: str, number: str) -> tuple[CountsDoc, NumberMatch, Any]:
    """The document context of `text` and the amount written `number` in it, with its tokens."""
    comp = ex.nlp.get_pipe("extractor_counts")
    doc = ex.nlp(text)
    ctx = CountsDoc.build(doc, comp.lex, comp.patterns)
    (m,) = [x for x in find_numbers(text, qualifiers=comp.lex.qual_before) if x.text == number]
    return ctx, m, doc.char_span(m.start, m.end, alignment_mode="expand")


@pytest.mark.parametrize("text, number, kind", [
    ("Gunmen killed 12 bandits near the border.", "12", "killed"),
    ("The blast injured at least seven people.", "seven", "injured"),
    ("Officials counted 12 bandits near the border.", "12", None),
    ("At least 14 people died in the floods.", "14", "killed"),
])
def test_governing_verb(ex, text: str, number: str, kind: str | None) -> None:
    ctx, m, span = _read(ex, text, number)
    sent = span[0].sent
    head, _total, _phead = counted_thing(ctx, span, sent)
    assert governing_verb(ctx.doc, ctx.lex, span, head, sent)[0] == kind


@pytest.mark.parametrize("text, number, kind", [
    ("The death toll rose to 25 on Monday.", "25", "killed"),
    ("The number of injured rose to 300, officials said.", "300", "injured"),
    ("The price rose to 25 dollars a barrel and then to 40 on Monday.", "40", None),
])
def test_toll(ex, text: str, number: str, kind: str | None) -> None:
    ctx, _m, span = _read(ex, text, number)
    assert toll(ctx.doc, ctx.lex, span, span[0].sent)[0] == kind


@pytest.mark.parametrize("text, number, expected", [
    ("The flood could affect 30 villages downstream.", "30", True),
    ("The strike may have killed 30 people.", "30", True),
    ("The strike killed 30 people.", "30", False),
])
def test_is_hypothetical(ex, text: str, number: str, expected: bool) -> None:
    ctx, _m, span = _read(ex, text, number)
    head, _total, _phead = counted_thing(ctx, span, span[0].sent)
    assert is_hypothetical(span, head) is expected


@pytest.mark.parametrize("text, number, wclass, action", [
    ("Ukraine's air force said it shot down 145 Russian drones.", "145", "drone", "shot_down"),
    ("Air defences intercepted 12 missiles over the capital.", "12", "missile", "intercepted"),
    ("Hezbollah launched 35 rockets at an Israeli base.", "35", "rocket", "launched"),
])
def test_weapon_class_and_action(ex, text: str, number: str, wclass: str, action: str) -> None:
    ctx, _m, span = _read(ex, text, number)
    sent = span[0].sent
    head, _total, _phead = counted_thing(ctx, span, sent)
    assert head is not None and weapon_class(ctx.lex, head) == wclass
    assert weapon_action(ctx.doc, ctx.lex, head, span, head, sent)[0] == action


@pytest.mark.parametrize("text, number, expected", [
    ("Germany will send 100 Taurus missiles to Ukraine.", "100", True),
    ("Russia fired 100 missiles at Ukraine.", "100", False),
])
def test_is_transfer(ex, text: str, number: str, expected: bool) -> None:
    ctx, _m, span = _read(ex, text, number)
    head, _total, _phead = counted_thing(ctx, span, span[0].sent)
    assert head is not None and is_transfer(ctx.lex, head) is expected


def _entry(start: int, count: int, place: str | None, text: str = "x", kind: str = "killed") -> Entry:
    data = {"kind": kind, "count": count, "qualifier": "exact", "vague": None, "who": None, "place": place,
            "text": text, "start": start, "end": start + len(text)}
    return Entry(data, 0, start)


@pytest.mark.parametrize("entries, kept", [
    # a big count repeated is one fact, whatever the (noisy) places say
    ([_entry(0, 25, "Gaza"), _entry(100, 25, "Rafah")], [0]),
    # a small count in two places is two facts ...
    ([_entry(0, 2, "Kyiv", "a"), _entry(100, 2, "Odesa", "b")], [0, 100]),
    # ... but the same one when the place agrees
    ([_entry(0, 2, "Kyiv", "a"), _entry(100, 2, "Kyiv", "b")], [0]),
    # different kinds never merge
    ([_entry(0, 25, None), _entry(100, 25, None, kind="injured")], [0, 100]),
])
def test_dedupe(entries: list[Entry], kept: list[int]) -> None:
    assert [d["start"] for d in dedupe(entries, ("kind",))] == kept
