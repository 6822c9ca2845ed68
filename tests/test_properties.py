"""Property-based guarantees (issue 7), on arbitrary Unicode and on news-like soup:

- `extract()` never raises (blank text is the one documented ArticleError, `empty`);
- every offset satisfies text[start:end] == reported text;
- the record validates against the JSON Schema;
- the same input gives the same output.

Examples are bounded (and `deadline=None`: the first call may hit a cold cache) so the file
stays well under a minute on 2 cores. The loader gets the same treatment on arbitrary bytes.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ERROR_TYPES, ArticleError
from extractor.loading import decode_bytes, read_stdin
from extractor.schema import validate
from tests.conftest import assert_offsets

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])

#: Pieces of news prose that wake up every component: quotes, cues, counts, weapons, places, dates.
PIECES = [
    "\"", "“", "”", "'", "‘", "’", "«", "»", " said ", " told reporters ", ", according to ", " he said.",
    "Mayor Ana Lopez", "the health ministry", "Ukraine's air force", "Hamas", "the UN",
    " killed ", " at least ", " dozens of ", " more than 1,000 ", " 12 ", " five ", " injured ", " missing ",
    " drones ", " missiles ", " shot down ", " launched ", " intercepted ",
    " in Gaza", " in Kyiv", " Khartoum", " Valencia", " Port-au-Prince", "Kherson Oblast",
    " on Monday", " yesterday", " last week", " in March 2023", " 11/12/2024", " 2024-11-11",
    ".", ",", ";", " — ", "\n", "\n\n", " ", "Source: Reuters", "By Jane Doe", "KYIV, Ukraine (AP) — ",
    "0", "7", "½", "٣", "😀", "Ⅻ", "\u200b", "\t", "\x00", "\ufeff",
]
news_soup = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join)


def _check(ex, text: str) -> None:
    try:
        rec = ex.extract(text, published="2024-11-11")
    except ArticleError as exc:
        assert exc.error_type == "empty" and not text.lstrip("\ufeff").strip()
        return
    validate(rec)
    body = text[1:] if text.startswith("\ufeff") else text
    assert rec["article"]["chars"] == len(body)
    assert_offsets(rec, body)
    again = ex.extract(text, published="2024-11-11")
    assert json.dumps(again, sort_keys=True) == json.dumps(rec, sort_keys=True)


@FAST
@given(text=st.text(max_size=400))
def test_arbitrary_unicode(ex, text):
    _check(ex, text)


@FAST
@given(text=news_soup)
def test_news_soup(ex, text):
    _check(ex, text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=3000))
def test_longer_arbitrary_text(ex, text):
    _check(ex, text)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300))
def test_decode_bytes_never_crashes(data):
    try:
        text, warnings = decode_bytes(data, "x.bin")
    except ArticleError as exc:
        assert exc.error_type in ERROR_TYPES and exc.message.startswith("x.bin")
    else:
        assert isinstance(text, str) and all(isinstance(w, str) for w in warnings)


@settings(max_examples=100, deadline=None)
@given(data=st.one_of(st.binary(max_size=300), news_soup.map(lambda s: s.encode("utf-8")),
                      st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "published"]),
                                               st.one_of(st.text(max_size=30), st.integers(), st.none()),
                                               max_size=4), max_size=4)
                      .map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode())))
def test_stdin_loader_never_crashes(data):
    import io

    for item in read_stdin(stream=io.BytesIO(data)):
        if isinstance(item, ArticleError):
            assert item.error_type in ERROR_TYPES
        else:
            assert item.text.strip()


@pytest.mark.parametrize("text", ["\ufeffHello.", "a", "“", "\x00", "\n\n\n x"])
def test_edge_examples(ex, text):
    _check(ex, text)
