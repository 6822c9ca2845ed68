"""Every sample's output validates against the shipped JSON Schema and every offset is exact."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import SAMPLES, assert_offsets

from extractor.loading import iter_articles
from extractor.schema import SCHEMA_VERSION, output_schema, validate

SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl", ".json", ".md"})


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(output_schema())


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_output_validates_and_offsets_hold(ex, path):
    articles = list(iter_articles([str(path)]))
    assert articles, path
    for article, record in zip(articles, ex.extract_many(articles), strict=True):
        validate(record)
        assert record["schema_version"] == SCHEMA_VERSION
        assert "error" not in record, record.get("error")
        text = record["article"].get("text", article.text)
        assert text == article.text
        assert assert_offsets(record, text) > 0
        json.dumps(record, allow_nan=False)  # plain JSON, no NaN


@pytest.mark.parametrize("bad", [
    {"schema_version": "1"},
    {"schema_version": "2", "article": {"id": "x", "path": None}, "error": {"type": "empty", "message": "x"}},
    {"schema_version": "1", "article": {"id": "x", "path": None}, "error": {"type": "boom", "message": "x"}},
])
def test_schema_rejects_broken_records(bad):
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)


def test_error_record_validates():
    validate({"schema_version": "1", "article": {"id": "bad.txt", "path": "bad.txt"},
              "error": {"type": "not_text", "message": "bad.txt: not text (binary data at byte 12)"}})


def test_empty_string_is_never_a_value(euronews_record):
    def walk(obj):
        if isinstance(obj, dict):
            for k, v in obj.items():
                assert v != "", k
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)
    walk(euronews_record)
