"""The loader (no spaCy needed): encodings, records, folders, metadata normalisation."""

from __future__ import annotations

import io
import json

import pytest

from extractor.errors import ArticleError
from extractor.loading import (
    Article,
    article_from_record,
    article_from_text,
    decode_bytes,
    iter_articles,
    normalize_published,
    read_path,
    read_stdin,
)

TEXT = "Sudan's army said it shot down five drones over Port Sudan on Sunday."


@pytest.mark.parametrize(("data", "expected"), [
    (TEXT.encode("utf-8"), TEXT),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),  # BOM removed, nothing else rewritten
    (TEXT.encode("utf-16"), TEXT),
    ("Sécurité à Gaza".encode(), "Sécurité à Gaza"),
])
def test_decode_bytes_positive(data, expected):
    text, warnings = decode_bytes(data, "x.txt")
    assert text == expected and warnings == []


def test_legacy_encoding_decoded_with_warning():
    src = "Le président a déclaré que 12 soldats ont été tués."
    text, warnings = decode_bytes(src.encode("cp1252"), "x.txt")
    # the detector may pick a sibling code page on short texts: it is stated in the warning
    assert len(text) == len(src) and text.startswith("Le pr")
    assert warnings and warnings[0].startswith("not UTF-8") and "decoded as" in warnings[0]


@pytest.mark.parametrize(("data", "words"), [
    (b"%PDF-1.4 ...", "PDF"), (b"\x1f\x8b\x08\x00", "gzip"), (b"\x7fELF\x02", "executable"),
    (b"hello\x00world", "binary data at byte 5"),
])
def test_decode_bytes_refuses_binary(data, words):
    with pytest.raises(ArticleError) as exc:
        decode_bytes(data, "x.txt")
    assert exc.value.error_type == "not_text" and words in exc.value.message


@pytest.mark.parametrize("value", ["", "   ", "\n\t\n", "\ufeff  "])
def test_blank_text_is_empty(value):
    with pytest.raises(ArticleError) as exc:
        article_from_text(value, id="blank")
    assert exc.value.error_type == "empty"


def test_lone_surrogates_replaced_same_length():
    art = article_from_text("a\ud800b\udfffc", id="s")
    assert art.text == "a\ufffdb\ufffdc" and any("2 lone surrogate" in w for w in art.warnings)


@pytest.mark.parametrize(("record", "words"), [
    ([1, 2], "not a JSON object"), ({"id": "x"}, "no 'text' field"), ({"text": None}, "NoneType, not a string"),
    ({"text": ["a"]}, "list, not a string"),
])
def test_bad_records(record, words):
    with pytest.raises(ArticleError) as exc:
        article_from_record(record, source="f.jsonl:3", fallback_id="f.jsonl:3")
    assert exc.value.error_type == "bad_record" and words in exc.value.message


def test_record_metadata_kept_and_cleaned():
    art = article_from_record({"id": 17, "text": TEXT, "title": "  Drones  ", "published": "2024-11-11T08:00Z",
                               "url": "", "publisher": {"nested": 1}}, source="s", fallback_id="fb")
    assert (art.id, art.title, art.published, art.url, art.publisher) == ("17", "Drones", "2024-11-11T08:00Z",
                                                                          None, None)


@pytest.mark.parametrize(("value", "expected", "warned"), [
    ("2024-11-11", "2024-11-11", False), ("Nov 11, 2024", "2024-11-11", False),
    ("Monday 12 March 2023 10:00 GMT", "2023-03-12", False), ("yesterday", None, True), (5, None, True),
    ("not a date 2024 at all", None, True), (None, None, False),
])
def test_normalize_published(value, expected, warned):
    warnings: list[str] = []
    assert normalize_published(value, warnings) == expected
    assert bool(warnings) == warned


def test_json_array_file(tmp_path):
    p = tmp_path / "recs.json"
    p.write_text(json.dumps([{"id": "a", "text": TEXT}, {"id": "b"}, "x"]), encoding="utf-8")
    items = list(read_path(str(p)))
    assert isinstance(items[0], Article) and items[0].id == "a"
    assert [i.error_type for i in items[1:]] == ["bad_record", "bad_record"]
    assert items[1].message.startswith(f"{p}[1]")


def test_jsonl_blank_lines_skipped_and_line_numbers_kept(tmp_path):
    p = tmp_path / "recs.jsonl"
    p.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "One."}\n\n{"id": "b", "text": "Two."}\n\xff\xfe\n')
    items = list(read_path(str(p)))
    assert [getattr(i, "id", None) for i in items[:2]] == ["a", "b"]
    assert items[2].error_type == "decode_error" and items[2].message.startswith(f"{p}:4")


def test_stdin_jsonl_and_text():
    recs = b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n'
    assert [a.id for a in read_stdin(stream=io.BytesIO(recs))] == ["a", "b"]
    (art,) = list(read_stdin(stream=io.BytesIO(TEXT.encode())))
    assert art.id == "-" and art.text == TEXT


def test_published_override_applies_to_every_article(tmp_path):
    p = tmp_path / "recs.jsonl"
    p.write_text("\n".join(json.dumps({"id": i, "text": TEXT, "published": "2020-01-01"}) for i in "ab"))
    assert {a.published for a in iter_articles([str(p)], published="2024-11-11")} == {"2024-11-11"}
