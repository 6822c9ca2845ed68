"""The quote rules (extractor/rules/quotes/) called one by one on sentences written for these
tests, without the record assembly around them."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.rules.quotes.assemble import attribution
from extractor.rules.quotes.context import QuoteContext
from extractor.rules.quotes.cues import is_cue
from extractor.rules.quotes.grammar import words
from extractor.rules.quotes.kinds import kind
from extractor.rules.quotes.marks import find_stretches
from extractor.rules.quotes.resolve import trim_dangling
from extractor.rules.quotes.speakers_clause_subject import clause_subject
from extractor.rules.quotes.speakers_layout import dash_speaker


def _ctx(ex: Any, text: str) -> QuoteContext:
    """The quote context of `text` as the pipeline builds it."""
    doc = ex.nlp(text)
    lexicon = ex.nlp.get_pipe("extractor_quotes").lexicon
    return QuoteContext.build(doc, doc.text, find_stretches(doc.text)[0], lexicon)


def test_words_drop_articles_and_titles() -> None:
    assert words("the Red Cross") == {"red", "cross"}
    assert words("Mr. Peskov's office") == {"peskov", "office"}


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("The mayor said the so-called truce had failed.", ["said"]),  # "so-called" is no cue
        ("According to officials, the dam is holding.", ["According"]),
        ("The river rose overnight.", []),
    ],
)
def test_is_cue(ex: Any, text: str, cues: list[str]) -> None:
    doc = ex.nlp(text)
    lexicon = ex.nlp.get_pipe("extractor_quotes").lexicon
    assert [t.text for t in doc if is_cue(t, lexicon.speech)] == cues


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "method"),
    [
        ("\u201cWe will rebuild every home,\u201d said Governor Maria Lopez on Tuesday.", "said", "Lopez", "explicit"),
        ("\u201cThe water is rising,\u201d the spokesman told reporters.", "told", "spokesman", "explicit"),
        ("According to officials, \u201cthe dam is holding.\u201d", "According", "officials", "according_to"),
    ],
)
def test_attribution_finds_cue_and_speaker_token(ex: Any, text: str, cue: str, speaker: str, method: str) -> None:
    found = attribution(_ctx(ex, text), 0)
    assert found is not None
    assert (found[0].text, found[1].text if found[1] is not None else None, found[2]) == (cue, speaker, method)


def test_no_cue_no_attribution(ex: Any) -> None:
    assert attribution(_ctx(ex, "Reid has gone after Trump as a \u201chuman leech\u201d."), 0) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cWe will rebuild every home,\u201d said Governor Maria Lopez.", "direct"),
        ("Reid has gone after Trump as a \u201chuman leech\u201d.", "partial"),
    ],
)
def test_kind(ex: Any, text: str, expected: str) -> None:
    assert kind(_ctx(ex, text), 0) == expected


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Reid has gone after Trump as a \u201chuman leech\u201d.", "Reid"),  # the governing verb's subject
        ("Xi ordered rescuers to make an \u201call-out\u201d effort.", "Xi"),  # a directive verb's subject
        ("Residents of the \u201cgreen zone\u201d were moved.", None),  # a label on a noun: nobody
    ],
)
def test_clause_subject_of_uncued_partial_quote(ex: Any, text: str, subject: str | None) -> None:
    found = clause_subject(_ctx(ex, text), 0)
    assert (found.text if found is not None else None) == subject


def test_dash_credit(ex: Any) -> None:
    ctx = _ctx(ex, "\u201cWe are not leaving.\u201d \u2015 Jane Doe")
    sp = dash_speaker(ctx, 0)
    assert sp is not None and sp["method"] == "dash" and sp["mention"]["text"] == "Jane Doe"
    assert dash_speaker(_ctx(ex, "\u201cWe are not leaving,\u201d she said."), 0) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ministry of Foreign Affairs of", "Ministry of Foreign Affairs"),
        ("Council of the", "Council"),
        # names ending in a real word, or made of small words only, stay as they are
        ("Ministry of Foreign Affairs of Ukraine", "Ministry of Foreign Affairs of Ukraine"),
        ("Bank of England", "Bank of England"),
        ("The Hague", "The Hague"),
    ],
)
def test_trim_dangling(name: str, expected: str) -> None:
    assert trim_dangling(name) == expected
