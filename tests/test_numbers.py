"""Amount parsing (extractor.rules.counts.amounts): how numbers are written, independent of what they count.

No spaCy here: these tests are fast and run on plain strings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.lexicons import read_json, read_wordlist
from extractor.rules.counts.amounts import find_numbers, parse_number, word_value

LEX = Path(__file__).resolve().parent.parent / "models" / "lexicons" / "counts"
QUALS = read_json(LEX / "qualifiers.json")
VAGUE = read_wordlist(LEX / "vague_amounts.txt")


def _find(text: str):
    found = find_numbers(text, vague=VAGUE, qualifiers=QUALS["before"], qualifiers_after=QUALS["after"])
    for m in found:
        assert text[m.start:m.end] == m.text, m
        assert 0 <= m.qstart <= m.start
    return found


def _counts(text: str) -> list[tuple[str, int | None, str]]:
    """(text, value, qualifier) of every amount that is a count (not a date, age, money...)."""
    return [(m.text, m.value, m.qualifier) for m in _find(text) if m.skip is None]


# -- how numbers are written ---------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("1,200", 1200),
    ("12", 12),
    ("2.4 million", 2_400_000),
    ("1.5m", 1_500_000),
    ("3 thousand", 3000),
    ("six", 6),
    ("twenty-one", 21),
    ("Fifty-four", 54),
    ("one hundred and five", 105),
    ("two million", 2_000_000),
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a dozen", 6),
    ("a hundred", 100),
    ("41,000", 41000),
])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1,20", "seventh", "a", "dozens", "2.5", "", "hello"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_word_value_uses_text2num_but_not_plurals() -> None:
    assert word_value("nineteen") == 19
    assert word_value("tens") is None  # vague, although text2num reads it as 10
    assert word_value("o") is None
    assert word_value("first") is None


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_with_separators_roundtrip(n: int) -> None:
    text = f"{n:,} people"
    found = _counts(text)
    assert found == [(f"{n:,}", n, "exact")]


# -- qualifiers -------------------------------------------------------------------------------
@pytest.mark.parametrize("text,qualifier,qtext", [
    ("at least six fatalities", "at_least", "at least six"),
    ("no fewer than 40 bodies", "at_least", "no fewer than 40"),
    ("more than 330 missiles", "more_than", "more than 330"),
    ("over 1,000 homes", "more_than", "over 1,000"),
    ("20+ drones", "more_than", "20+"),
    ("about 20 garages", "about", "about 20"),
    ("some 2.4 million people", "about", "some 2.4 million"),
    ("nearly 200 people", "about", "nearly 200"),
    ("almost 50 rockets", "about", "almost 50"),
    ("up to 12 shells", "up_to", "up to 12"),
    ("fewer than 10 people", "fewer_than", "fewer than 10"),
    ("12 people", "exact", "12"),
])
def test_qualifiers(text: str, qualifier: str, qtext: str) -> None:
    (m,) = _find(text)
    assert m.qualifier == qualifier
    assert text[m.qstart:m.end] == qtext


# -- ranges (documented choice: lower bound, at_least) ---------------------------------------
@pytest.mark.parametrize("text,low,high", [
    ("10 to 12 people", 10, 12),
    ("between 10 and 12 people", 10, 12),
    ("10-12 people", 10, 12),
    ("five to seven drones", 5, 7),
])
def test_ranges(text: str, low: int, high: int) -> None:
    (m,) = _find(text)
    assert (m.value, m.high, m.qualifier) == (low, high, "at_least")


def test_from_to_is_a_change_not_a_range() -> None:
    found = _counts("the toll rose from 10 to 25")
    assert found == [("25", 25, "exact")]


# -- vague amounts ----------------------------------------------------------------------------
@pytest.mark.parametrize("text,vague", [
    ("dozens of drones", "dozens"),
    ("hundreds of people", "hundreds"),
    ("several rockets", "several"),
    ("tens of thousands of people", "tens of thousands"),
])
def test_vague(text: str, vague: str) -> None:
    m = _find(text)[0]
    assert m.value is None and m.vague == vague


# -- not counts ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text,reason", [
    ("a 64-year-old man", "compound"),
    ("a 30-day halt", "compound"),
    ("the 14th Army Corps", "ordinal"),
    ("at 5 a.m. local time", "time"),
    ("at 10:30", "time"),
    ("on March 12", "date"),
    ("12 March 2024", "date"),
    ("$203 million in aid", "money"),
    ("30% of the area", "percent"),
    ("20 percent", "percent"),
    ("five S-300 missiles", "model"),
    ("aged 64", "age"),
    ("64 years old", "age"),
])
def test_not_counts(text: str, reason: str) -> None:
    reasons = [m.skip for m in _find(text)]
    assert reason in reasons


@pytest.mark.parametrize("text", ["a missile hit", "an 11-year-old girl", "a seventh attack", "the first drone",
                                  "no one was hurt"])
def test_articles_and_ordinals_are_no_numbers(text: str) -> None:
    assert _counts(text) == []


_PIECES = [*"0123456789,.-+ $%abtwenoyhurdsxlfivm", "dozen", "at least ", "one ", "twenty-", "million ", "a ",
           " to ", "between "]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_find_numbers_never_breaks_offsets(text: str) -> None:
    for m in _find(text):
        assert m.start < m.end <= len(text)
        assert m.value is None or m.value >= 0


# -- reading only the stretches around possible numbers ---------------------------------------------
def _read_whole(text: str):
    """The reading `find_numbers` must reproduce: every token of the text, no windows."""
    from extractor.rules.counts import amounts as n

    by_first = n._vague_by_first(tuple(n._vague_sequences(tuple(VAGUE))))
    out: list = []
    n._read(text, [n._Tok(m) for m in n._TOKEN_RE.finditer(text)], by_first, out, QUALS["before"], None,
            QUALS["after"])
    return out


_FAR_PIECES = [*_PIECES, "x" * 90 + " ", " " * 120, "word " * 30, "\n", "tens of ", "thousands ", "a few ",
               "half a dozen ", "Twenty-five ", "more than ", "or more", "aged ", " years old"]


@given(st.lists(st.sampled_from(_FAR_PIECES), max_size=40).map("".join))
def test_windowed_reading_equals_whole_reading(text: str) -> None:
    assert _find(text) == _read_whole(text)


@pytest.mark.parametrize("gap,joined", [(1, True), (40, True), (41, False), (300, False)])
def test_tokens_far_apart_are_no_one_amount(gap: int, joined: bool) -> None:
    """A page of blanks between "0" and "million" (found by the property test above) separates them."""
    text = "0" + " " * gap + "million"
    assert _find(text) == _read_whole(text)
    assert (len([m for m in _find(text) if m.value is not None]) == 1) is joined


@pytest.mark.parametrize("text,expected", [
    ("Five soldiers were killed. " + "Nothing to count here. " * 20 + "At least 12 drones flew.",
     [("Five", 5, "exact"), ("12", 12, "at_least")]),
    ("y" * 400 + " 7 drones", [("7", 7, "exact")]),
    ("7", [("7", 7, "exact")]),
    ("tens of thousands fled " + "z " * 200 + "and a few stayed", [("tens of thousands", None, "exact"),
                                                                  ("a few", None, "exact")]),
])
def test_numbers_far_apart_and_at_the_edges(text: str, expected: list) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize("text", ["", "No number at all in this sentence.", "Someone, anyone, no one's, often."])
def test_no_numbers_no_matches(text: str) -> None:
    assert [m for m in _find(text) if m.vague is None and m.value is not None] == []
