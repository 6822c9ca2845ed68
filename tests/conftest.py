"""Shared fixtures: one pipeline per test session, sample paths, and a span checker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EURONEWS = SAMPLES / "euronews-russia-denies-trump-putin-call.txt"


@pytest.fixture(scope="session")
def ex():
    """The default Extractor (loads the spaCy model once per session)."""
    import extractor

    return extractor.load()


@pytest.fixture(scope="session")
def euronews_record(ex) -> dict[str, Any]:
    """The Euro News sample, extracted once."""
    from extractor.loading import read_path

    (article,) = list(read_path(str(EURONEWS)))
    return ex.extract_article(article)


def iter_spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (where, span-dict) in a record whose text/start/end must agree with the article text."""
    for field in ("actors", "places"):
        for item in record.get(field) or []:
            for m in item.get("mentions") or []:
                yield f"{field}.mentions", m
    for field in ("casualties", "weapons", "dates"):
        for item in record.get(field) or []:
            yield field, item
    for q in record.get("quotes") or []:
        frags = q.get("fragments") or []
        for f in frags:
            yield "quotes.fragments", f
        if len(frags) == 1:
            yield "quotes", q
        sp = q.get("speaker") or {}
        if sp.get("mention"):
            yield "quotes.speaker.mention", sp["mention"]
        if q.get("cue"):
            yield "quotes.cue", q["cue"]


def assert_offsets(record: dict[str, Any], text: str) -> int:
    """Assert text[start:end] == reported text for every span; return how many were checked."""
    n = 0
    for where, span in iter_spans(record):
        s, e = span["start"], span["end"]
        assert isinstance(s, int) and isinstance(e, int), (where, span)
        assert 0 <= s <= e <= len(text), (where, span)
        assert text[s:e] == span["text"], (where, span, text[s:e])
        n += 1
    for q in record.get("quotes") or []:
        frags = q.get("fragments") or []
        if frags:
            assert q["start"] == frags[0]["start"] and q["end"] == frags[-1]["end"], q
    return n
