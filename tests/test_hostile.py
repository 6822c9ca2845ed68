"""Hostile input (issue 7): never crash, never lose output, always say what went wrong.

One CLI run over a folder full of bad files (plus good ones) is shared by the per-input tests:
each asserts its one-line stderr message, its error record (type from ERROR_TYPES) and that the
good articles' records are intact. Pathological texts run in-process on the session pipeline.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from extractor.api import Extractor
from extractor.errors import ERROR_TYPES, ArticleError
from extractor.loading import Article, decode_bytes, iter_articles, read_path
from extractor.schema import output_schema, validate
from tests.conftest import EURONEWS, assert_offsets

EXTRACT = str(Path(sys.executable).parent / "extract")
GOOD_A = ("Floods in Valencia killed 200 people, regional officials said on Wednesday.\n\n"
          "\"We have lost everything,\" said Ana Lopez, a shop owner in Paiporta.")
GOOD_B = "Israeli strikes killed 12 people in Gaza on Monday, the health ministry said."


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Any]:
    """Build the folder, run `extract DIR --json` once, index records and stderr by file name."""
    d = tmp_path_factory.mktemp("hostile")
    (d / "a_good.txt").write_text(GOOD_A, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\t \n", encoding="utf-8")
    (d / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (d / "archive.txt").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    (d / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (d / "nulls.txt").write_bytes(b"Some text\x00\x00\x00 with NUL bytes in it")
    (d / "latin1.txt").write_bytes("Le président a déclaré que 12 soldats ont été tués à Gaza.".encode("latin-1"))
    (d / "records.jsonl").write_bytes(
        json.dumps({"id": "rec-ok", "text": GOOD_B}).encode() + b"\n"
        + b'{"id": "rec-broken", "text": "unterminated\n'
        + json.dumps({"id": "rec-notext", "body": GOOD_B}).encode() + b"\n"
        + json.dumps({"id": "rec-number", "text": 42}).encode() + b"\n"
        + json.dumps({"id": "rec-surrogate", "text": "Officials said \ud800 five people died."}).encode() + b"\n")
    (d / "nobody.html").write_text("<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><a href='/'>"
                                   "Home</a></nav></body></html>", encoding="utf-8")
    (d / "broken.txt").symlink_to(d / "does-not-exist.txt")
    (d / "loop1.txt").symlink_to(d / "loop2.txt")
    (d / "loop2.txt").symlink_to(d / "loop1.txt")
    (d / "sub").mkdir()
    (d / "sub" / "z_good.txt").write_text(GOOD_B, encoding="utf-8")
    (d / "sub" / "up").symlink_to(d)  # a directory symlink loop
    (d / "secret.txt").write_text(GOOD_B, encoding="utf-8")
    (d / "secret.txt").chmod(0)
    missing = d / "missing.txt"
    res = subprocess.run([EXTRACT, str(d), str(missing), "--json", "-q"], capture_output=True, text=True,
                         timeout=240)
    (d / "secret.txt").chmod(0o644)
    records = [json.loads(ln) for ln in res.stdout.splitlines()]
    for r in records:
        validate(r)
    by_name: dict[str, dict[str, Any]] = {}
    for r in records:
        by_name[str(r["article"]["id"]).replace(str(d) + os.sep, "")] = r
    return {"dir": d, "res": res, "records": records, "by": by_name, "err": res.stderr.splitlines()}


def _error(hostile: dict[str, Any], name: str, error_type: str, words: str) -> None:
    rec = hostile["by"][name]
    assert rec["error"]["type"] == error_type, rec
    assert words in rec["error"]["message"], rec
    lines = [ln for ln in hostile["err"] if name.split(":")[0] in ln and words in ln]
    assert len(lines) >= 1, hostile["err"]


def test_run_exits_1_without_traceback_and_good_articles_intact(hostile):
    res = hostile["res"]
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    for name, text in (("a_good.txt", GOOD_A), ("sub/z_good.txt", GOOD_B), ("rec-ok", GOOD_B)):
        rec = hostile["by"][name]
        assert "error" not in rec
        assert rec["article"]["chars"] == len(text)
        assert_offsets(rec, text)
    assert any(q["text"].startswith("We have lost everything") for q in hostile["by"]["a_good.txt"]["quotes"]) \
        or hostile["by"]["a_good.txt"]["quotes"] == []  # quote detection is another issue's; the record is whole


def test_every_error_type_is_documented_in_schema():
    enum = output_schema()["$defs"]["errorRecord"]["properties"]["error"]["properties"]["type"]["enum"]
    assert list(enum) == list(ERROR_TYPES)


def test_missing_path(hostile):
    _error(hostile, "missing.txt", "not_found", "no such file")


@pytest.mark.skipif(_is_root(), reason="root reads files whatever their mode (see the in-process test)")
def test_unreadable_file(hostile):
    _error(hostile, "secret.txt", "permission_denied", "permission denied")


def test_unreadable_file_in_process(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text(GOOD_B)
    orig = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return orig(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    (err,) = list(read_path(str(p)))
    assert isinstance(err, ArticleError) and err.error_type == "permission_denied"
    assert str(p) in err.message and "permission denied" in err.message


def test_directory_where_a_file_was_expected(tmp_path):
    (err,) = list(read_path(str(tmp_path)))
    assert isinstance(err, ArticleError) and err.error_type == "is_directory"
    assert str(tmp_path) in err.message


def test_directory_as_output_fails_before_processing(tmp_path):
    res = subprocess.run([EXTRACT, str(EURONEWS), "-o", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and res.stdout == ""
    assert "error" in res.stderr.lower() and "is a directory" in res.stderr and "Traceback" not in res.stderr
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_broken_symlink(hostile):
    _error(hostile, "broken.txt", "not_found", "broken symlink")


def test_symlink_loop_file(hostile):
    _error(hostile, "loop1.txt", "not_found", "symlink loop")


def test_symlink_loop_directory(hostile):
    """sub/up -> the folder itself: walked once, reported once, no endless recursion."""
    loops = [r for r in hostile["records"] if "error" in r and r["article"]["id"].endswith("sub/up")]
    assert len(loops) == 1 and "symlink loop" in loops[0]["error"]["message"]
    assert sum(1 for r in hostile["records"] if r["article"]["id"].endswith("z_good.txt")) == 1


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_or_whitespace(hostile, name):
    _error(hostile, name, "empty", "empty")


@pytest.mark.parametrize(("name", "what"), [("report.txt", "PDF"), ("archive.txt", "zip"), ("photo.txt", "PNG"),
                                            ("nulls.txt", "binary data")])
def test_binary_is_not_text(hostile, name, what):
    _error(hostile, name, "not_text", what)


def test_undecodable_bytes_decoded_with_stated_fallback(hostile):
    rec = hostile["by"]["latin1.txt"]
    assert "error" not in rec
    assert any("not UTF-8" in w and "decoded as" in w for w in rec["warnings"])


def test_undecodable_bytes_refused_or_warned():
    data = bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1]) * 3
    try:
        text, warns = decode_bytes(data, "junk.txt")
    except ArticleError as exc:
        assert exc.error_type == "decode_error" and "junk.txt" in exc.message
    else:
        assert warns and "decoded as" in warns[0] and isinstance(text, str)


def test_jsonl_malformed_line(hostile):
    _error(hostile, "records.jsonl:2", "bad_record", "malformed JSON")


def test_jsonl_record_without_text(hostile):
    _error(hostile, "records.jsonl:3", "bad_record", "no 'text' field")


def test_jsonl_non_string_text(hostile):
    _error(hostile, "records.jsonl:4", "bad_record", "int, not a string")


def test_lone_surrogate_replaced_with_warning(hostile):
    rec = hostile["by"]["rec-surrogate"]
    assert "error" not in rec and any("surrogate" in w for w in rec["warnings"])


def test_html_without_article_body(hostile):
    _error(hostile, "nobody.html", "no_content", "no article body")


def test_html_never_fetches_or_expands_entities(ex, tmp_path):
    """External resources, XXE and entity bombs: trafilatura/lxml parse HTML without fetching."""
    html = ("<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            "<html><head><link rel=stylesheet href='http://example.invalid/x.css'>"
            "<script src='http://example.invalid/x.js'></script></head><body><article><h1>Floods</h1>"
            "<p>Floods in Valencia killed 200 people, officials said on Wednesday. &c; &xxe;</p>"
            "<p>Rescue teams searched for the missing in Paiporta and Catarroja on Thursday.</p>"
            "<img src='http://example.invalid/x.png'></article></body></html>")
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    items = list(iter_articles([str(p)]))
    for item in items:
        if isinstance(item, Article):
            assert "root:" not in item.text and "aaaaaaaaaaaaaaaaaaaa" not in item.text
            rec = ex.extract_article(item)
            validate(rec)
        else:
            assert item.error_type == "no_content"


# -- pathological text (in-process) ---------------------------------------------------------------
PATHOLOGICAL = {
    "one_200k_line": "word " * 40_000,
    "quote_marks_10000": "\"" * 10_000,
    "quote_marks_spaced": "\" " * 5_000,
    "only_numbers": " ".join(str(i * 7919 % 100_000) for i in range(1000)),
    "only_emoji": "😀🔥🚀🇺🇦" * 1500,
    "mixed_scripts": "Путин said 北京 مرحبا \"yes\" — 5 killed in Kyiv; שלום 12 drones. " * 40,
    "nul_bytes": "Officials said\x00 five people\x00 were killed in Aleppo.\x00",
    "control_chars": "".join(chr(c) for c in range(1, 32)) * 20 + " Ten killed.",
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_text_bounded_and_valid(ex, name):
    text = PATHOLOGICAL[name]
    t0 = time.monotonic()
    rec = ex.extract(text, id=name, published="2024-11-11")
    elapsed = time.monotonic() - t0
    validate(rec)
    assert "error" not in rec
    assert rec["article"]["chars"] == len(text)
    assert_offsets(rec, text)
    assert elapsed < 120, f"{name} took {elapsed:.1f}s"


def test_lone_surrogates_in_api_text(ex):
    text = "Officials \udc80 said \ud800 five died."
    rec = ex.extract(text)
    validate(rec)
    assert any("surrogate" in w for w in rec["warnings"])
    assert_offsets(rec, text.replace("\udc80", "\ufffd").replace("\ud800", "\ufffd"))


def test_text_longer_than_chunk_limit_keeps_offsets(ex):
    small = Extractor(nlp=ex.nlp)
    small.chunk_chars = 1000
    para = ("Israeli strikes killed 12 people in Gaza City on Monday, the health ministry said. "
            "\"We will respond,\" said Benjamin Netanyahu in Jerusalem on Tuesday.\n\n")
    text = para * 30
    rec = small.extract(text, published="2024-11-11")
    validate(rec)
    assert any("chunks" in w for w in rec["warnings"])
    assert rec["article"]["chars"] == len(text)
    n = assert_offsets(rec, text)
    assert n > 0
    # the last paragraph is analysed too (offsets beyond the first chunk)
    assert any(d["start"] > 2000 for d in rec["dates"]) or any(
        m["start"] > 2000 for a in rec["actors"] for m in a["mentions"])


def test_component_crash_becomes_warning_not_lost_article(ex, monkeypatch):
    """A rule component that raises: the article still gets a record, with a warning naming it."""
    guarded = Extractor(nlp=ex.nlp)
    name, proc = guarded.guarded[-1]

    def boom(doc):  # noqa: ANN001
        doc._.extractor_weapons = [{"half": "written"}]
        raise ValueError("synthetic failure")

    guarded.guarded[-1] = (name, boom)
    rec = guarded.extract(GOOD_B, published="2024-11-11")
    validate(rec)
    assert any(name in w and "synthetic failure" in w for w in rec["warnings"])
    assert rec["weapons"] == []  # rolled back, not half-written


# -- process-level signals ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def big_folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("big")
    for i in range(40):
        (d / f"{i:03d}.txt").write_text(f"{GOOD_A}\n\nUpdate {i}: {GOOD_B}", encoding="utf-8")
    return d


def test_sigpipe_exits_quietly(big_folder):
    proc = subprocess.Popen(f"'{EXTRACT}' '{big_folder}' --json -q | head -1", shell=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=240)
    assert len(out.splitlines()) == 1 and json.loads(out)["article"]["id"].endswith("000.txt")
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


def test_ctrl_c_on_stdout_exits_130_with_complete_lines(big_folder, tmp_path):
    out_path = tmp_path / "stdout.jsonl"
    with out_path.open("w") as out:
        proc = subprocess.Popen([EXTRACT, str(big_folder), "--json", "-q", "--batch-size", "1"], stdout=out,
                                stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 120
        while time.time() < deadline and out_path.read_text().count("\n") < 2:
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err
    lines = out_path.read_text().splitlines()
    assert 2 <= len(lines) < 40
    for ln in lines:
        validate(json.loads(ln))


def test_no_traceback_unless_debug(tmp_path):
    """An unexpected failure (here: an unknown --format) is one line; --debug is allowed to show more."""
    res = subprocess.run([EXTRACT, str(EURONEWS), "-f", "xml", "-o", str(tmp_path / "x")], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 2 and "Traceback" not in res.stderr


def test_output_names_cannot_escape_output_dir(tmp_path):
    """CSV tables have fixed names; record ids (which may hold '../') never become file names."""
    from extractor.writers import CsvWriter

    w = CsvWriter(tmp_path / "out")
    w.write({"schema_version": "1", "article": {"id": "../../etc/evil", "path": None},
             "error": {"type": "empty", "message": "x"}})
    w.commit()
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        f"{t}.csv" for t in ("articles", "quotes", "actors", "casualties", "weapons", "places", "dates", "totals"))


def test_fuzz_corpus_replay(ex, tmp_path):
    """Every seed of tests/fuzz/corpus (hostile files, past crashers) loads and extracts cleanly."""
    from tests.fuzz.run_fuzz import check_one, corpus_seeds

    seeds = corpus_seeds()
    assert len(seeds) >= 10
    for suffix, data in seeds:
        check_one(ex, suffix, data, tmp_path)
