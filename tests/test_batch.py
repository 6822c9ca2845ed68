"""Batch runs (issue 6): order, workers, resume (also after a killed run), CSV, SQLite, Dask.

Process-level behaviour runs the venv's `extract` in a subprocess; writer logic is tested
in-process on records from the session pipeline, which is much faster.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from extractor import writers
from extractor.api import chunk_bounds, iter_batches
from extractor.batch import skip_done
from extractor.errors import ArticleError
from extractor.loading import Article, iter_articles
from extractor.schema import validate

EXTRACT = str(Path(sys.executable).parent / "extract")

#: Short articles from several conflicts and disasters (not only one war).
TEXTS = [
    "Israeli strikes killed 12 people in Gaza on Monday, the health ministry said.",
    "\"We will rebuild,\" said Mayor Ana Lopez after the floods in Valencia killed 200 people.",
    "Sudan's army said it shot down five drones over Port Sudan on Sunday.",
    "At least 30 miners were trapped after the collapse in Balochistan, officials said.",
    "Russia launched 84 drones and three missiles overnight, Ukraine's air force said.",
    "The earthquake in Herat injured more than 1,000 people, the UN said on Saturday.",
]


def _records_jsonl(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            fh.write(json.dumps({"id": f"art-{i:03d}", "text": TEXTS[i % len(TEXTS)] + f" Report {i}.",
                                 "published": "2024-11-11"}) + "\n")
    return path


def _run(*args: str, timeout: float = 240, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXTRACT, *args], capture_output=True, text=True, timeout=timeout, **kw)


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()]


# -- pure helpers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "limit"), [
    ("para one.\n\npara two is longer.\n\nthree", 20),
    ("a" * 95, 30),  # one huge token: hard cuts
    ("word " * 50, 40),
    ("short", 100),
])
def test_chunk_bounds_cover_text_exactly(text, limit):
    bounds = chunk_bounds(text, limit)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(e - s <= limit for s, e in bounds)
    assert all(bounds[i][1] == bounds[i + 1][0] for i in range(len(bounds) - 1))


def test_chunk_bounds_prefer_paragraphs():
    text = "First paragraph here.\n\nSecond paragraph here.\n\nThird."
    assert chunk_bounds(text, 30)[0] == (0, text.index("Second"))


def test_iter_batches_by_count_and_chars():
    arts = [Article(id=str(i), text="x" * 40) for i in range(10)]
    assert [len(b) for b in iter_batches(arts, batch_size=4, batch_chars=10**6)] == [4, 4, 2]
    assert [len(b) for b in iter_batches(arts, batch_size=100, batch_chars=100)] == [3, 3, 3, 1]


def test_skip_done_drops_same_id_and_sha_only():
    from extractor.serialize import sha256_text

    a, b = Article(id="a", text="one"), Article(id="b", text="two")
    err = ArticleError("empty", "c: empty", "c")
    done = {("a", sha256_text("one")), ("b", sha256_text("changed"))}
    counter = [0]
    assert list(skip_done([a, b, err], done, counter)) == [b, err]
    assert counter == [1]


def test_jsonl_streams_without_reading_whole_file(tmp_path):
    """A FIFO that stays open: the first article must arrive before EOF."""
    fifo = tmp_path / "stream.jsonl"
    os.mkfifo(fifo)
    release = threading.Event()

    def writer() -> None:
        with fifo.open("w") as fh:
            fh.write(json.dumps({"id": "first", "text": TEXTS[0]}) + "\n")
            fh.flush()
            release.wait(10)
            fh.write(json.dumps({"id": "second", "text": TEXTS[1]}) + "\n")

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    it = iter_articles([str(fifo)])
    first = next(it)
    assert first.id == "first"
    release.set()
    assert [a.id for a in it] == ["second"]
    t.join(5)


def test_folder_glob_recurses_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXTS[0])
    (tmp_path / "a.txt").write_text(TEXTS[1])
    (tmp_path / "c.news").write_text(TEXTS[2])
    (tmp_path / "skip.md").write_text(TEXTS[3])
    ids = [a.id for a in iter_articles([str(tmp_path)], globs=["*.txt", "*.news"])]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt"), str(tmp_path / "c.news")]


# -- writers (in-process) -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def records(ex) -> list[dict[str, Any]]:
    arts: list[Any] = [Article(id=f"r{i}", text=t, published="2024-11-11") for i, t in enumerate(TEXTS)]
    arts.insert(2, ArticleError("empty", "blank.txt: empty (no text)", "blank.txt"))
    recs = list(ex.extract_many(arts))
    for r in recs:
        validate(r)
    return recs


def test_flatten_tables_keyed_by_article(records):
    rows = writers.flatten(records[0])
    assert set(rows) == set(writers.TABLES)
    assert rows["articles"][0]["id"] == "r0"
    for table in writers.CHILD_TABLES:
        for row in rows[table]:
            assert row["article_id"] == "r0"
            assert set(row) <= set(writers.TABLES[table])
    err = writers.flatten(records[2])
    assert err["articles"][0]["error_type"] == "empty"
    assert all(not err[t] for t in writers.CHILD_TABLES)


def test_csv_writer_one_file_per_table(tmp_path, records):
    w = writers.CsvWriter(tmp_path / "out")
    for r in records:
        w.write(r)
    w.commit()
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(f"{t}.csv" for t in writers.TABLES)  # no temp files left
    with (tmp_path / "out" / "articles.csv").open(newline="", encoding="utf-8") as fh:
        arts = list(csv.DictReader(fh))
    assert [a["id"] for a in arts] == [r["article"]["id"] for r in records]
    with (tmp_path / "out" / "quotes.csv").open(newline="", encoding="utf-8") as fh:
        quotes = list(csv.DictReader(fh))
    assert len(quotes) == sum(len(r.get("quotes") or []) for r in records)
    for q in quotes:
        rec = next(r for r in records if r["article"]["id"] == q["article_id"])
        assert rec["quotes"][int(q["n"]) - 1]["text"] == q["text"]


def test_csv_writer_resume_appends_without_duplicate_header(tmp_path, records):
    w = writers.CsvWriter(tmp_path / "out")
    w.write(records[0])
    w.commit()
    w = writers.CsvWriter(tmp_path / "out", resume=True)
    assert (records[0]["article"]["id"], records[0]["article"]["sha256"]) in w.done
    w.write(records[1])
    w.commit()
    text = (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8")
    assert text.count("id,path,sha256") == 1
    assert "r0" in text and "r1" in text


def test_sqlite_rerun_updates_instead_of_duplicating(tmp_path, records):
    db = tmp_path / "out.db"
    for _ in range(2):
        w = writers.SqliteWriter(db)
        for r in records:
            w.write(r)
        w.commit()
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(records)
    n_quotes = sum(len(r.get("quotes") or []) for r in records)
    assert con.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] == n_quotes
    n_dates = sum(len(r.get("dates") or []) for r in records)
    assert con.execute("SELECT COUNT(*) FROM dates").fetchone()[0] == n_dates
    assert con.execute("SELECT error_type FROM articles WHERE id = 'blank.txt'").fetchone()[0] == "empty"
    # a changed article replaces its child rows
    changed = json.loads(json.dumps(records[0]))
    changed["quotes"], changed["article"]["sha256"] = [], "0" * 64
    w = writers.SqliteWriter(db)
    w.write(changed)
    w.commit()
    assert con.execute("SELECT COUNT(*) FROM quotes WHERE article_id = 'r0'").fetchone()[0] == 0
    assert con.execute("SELECT sha256 FROM articles WHERE id = 'r0'").fetchone()[0] == "0" * 64
    # keys and indexes
    fks = con.execute("PRAGMA foreign_key_list(quotes)").fetchall()
    assert fks and fks[0][2] == "articles"
    idx = {r[1] for r in con.execute("SELECT * FROM sqlite_master WHERE type = 'index'")}
    assert {"quotes_speaker", "actors_name", "places_name"} <= idx
    pk = [r[1] for r in con.execute("PRAGMA table_info(casualties)") if r[5]]
    assert pk == ["article_id", "n"]


def test_places_table_carries_geonameid(tmp_path, records):
    """places[].geonameid (issue 13) is a column of the CSV and SQLite places tables, as an integer."""
    place = {"name": "Kharkiv", "type": "city", "country_code": "UA", "admin1": "Kharkivska oblast",
             "lat": 49.98, "lon": 36.25, "geonameid": 706483, "mentions": [{"text": "Kharkiv", "start": 0, "end": 7}]}
    rec = json.loads(json.dumps(records[0]))
    rec["places"] = [place, {**place, "name": "Kolisnykivka", "geonameid": None}]
    db = tmp_path / "p.db"
    w = writers.SqliteWriter(db)
    w.write(rec)
    w.commit()
    rows = sqlite3.connect(db).execute("SELECT name, geonameid, typeof(geonameid) FROM places ORDER BY n").fetchall()
    assert rows == [("Kharkiv", 706483, "integer"), ("Kolisnykivka", None, "null")]
    w = writers.CsvWriter(tmp_path / "csv")
    w.write(rec)
    w.commit()
    with (tmp_path / "csv" / "places.csv").open(newline="", encoding="utf-8") as fh:
        assert [r["geonameid"] for r in csv.DictReader(fh)] == ["706483", ""]


def test_older_outputs_take_new_rows(tmp_path, records):
    """A database made before places.geonameid gets the column; an older places.csv resumed keeps
    its own columns (nothing shifts under its header)."""
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(writers.sqlite_schema().replace("mentions TEXT,\n  geonameid INTEGER", "mentions TEXT"))
    con.close()
    assert "geonameid" not in {r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(places)")}
    w = writers.SqliteWriter(db)
    w.write(records[0])
    w.commit()
    assert "geonameid" in {r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(places)")}
    out = tmp_path / "csv"
    w = writers.CsvWriter(out)
    w.write(records[0])
    w.commit()
    old_header = ",".join(c for c in writers.TABLES["places"] if c != "geonameid")
    lines = (out / "places.csv").read_text(encoding="utf-8").splitlines()
    (out / "places.csv").write_text("\n".join([old_header] + [ln.rsplit(",", 1)[0] for ln in lines[1:]]) + "\n",
                                    encoding="utf-8")
    w = writers.CsvWriter(out, resume=True)
    w.write(records[1])
    w.commit()
    with (out / "places.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == old_header.split(",") and all(len(r) == len(rows[0]) for r in rows)


def test_resumable_jsonl_repairs_torn_line_and_retries_errors(tmp_path, records):
    out = tmp_path / "out.jsonl"
    good = json.dumps(records[0]) + "\n"
    err = json.dumps(records[2]) + "\n"
    out.write_text(good + err + '{"schema_version": "1", "article": {"id"', encoding="utf-8")  # killed mid-line
    w = writers.ResumableJsonlWriter(out)
    assert w.done == {(records[0]["article"]["id"], records[0]["article"]["sha256"])}
    w.write(records[1])
    w.commit()
    lines = _lines(out)
    assert [r["article"]["id"] for r in lines] == ["r0", "r1"]


# -- process level --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("batch")
    _records_jsonl(d / "a.jsonl", 24)
    (d / "b.txt").write_text(TEXTS[4], encoding="utf-8")
    (d / "c.txt").write_text("   \n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def serial_output(corpus) -> list[dict[str, Any]]:
    res = _run(str(corpus), "--json", "-q")
    assert res.returncode == 1, res.stderr  # c.txt is empty
    return [json.loads(ln) for ln in res.stdout.splitlines()]


def test_serial_output_in_input_order_with_error_record(serial_output, corpus):
    ids = [r["article"]["id"] for r in serial_output]
    assert ids == [f"art-{i:03d}" for i in range(24)] + [str(corpus / "b.txt"), str(corpus / "c.txt")]
    assert serial_output[-1]["error"]["type"] == "empty"


def test_two_workers_same_output_same_order(corpus, serial_output):
    res = _run(str(corpus), "--json", "-q", "--workers", "2", "--batch-size", "4")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert [json.loads(ln) for ln in res.stdout.splitlines()] == serial_output


def test_dask_local_cluster_two_workers(corpus, serial_output):
    pytest.importorskip("distributed")
    res = _run(str(corpus), "--json", "-q", "--dask", "local", "--workers", "2", "--batch-size", "4", timeout=300)
    assert res.returncode == 1, res.stderr[-2000:]
    assert [json.loads(ln) for ln in res.stdout.splitlines()] == serial_output


def test_formats_via_cli(tmp_path, corpus):
    res = _run(str(corpus / "a.jsonl"), "-q", "-f", "sqlite", "-o", str(tmp_path / "x.db"))
    assert res.returncode == 0, res.stderr
    con = sqlite3.connect(tmp_path / "x.db")
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 24
    res = _run(str(corpus / "a.jsonl"), "-f", "sqlite", "-o", str(tmp_path / "x.db"), "--resume")
    assert res.returncode == 0 and "24 article(s) already in the output" in res.stderr
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 24
    res = _run(str(corpus / "a.jsonl"), "-q", "-f", "csv", "-o", str(tmp_path / "csv"))
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "csv" / "casualties.csv").exists()
    res = _run(str(corpus / "a.jsonl"), "-q", "-f", "sqlite")
    assert res.returncode == 2 and "-o" in res.stderr


def test_resume_after_kill(tmp_path):
    """SIGKILL mid-run leaves complete lines (plus maybe one torn line); --resume finishes the job
    with every article exactly once, in input order."""
    src = _records_jsonl(tmp_path / "in.jsonl", 60)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([EXTRACT, str(src), "-q", "-o", str(out), "--resume", "--batch-size", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_text().count("\n") < 4):
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    partial = out.read_text(encoding="utf-8").splitlines()
    assert 4 <= len(partial) < 60
    res = _run(str(src), "-o", str(out), "--resume")
    assert res.returncode == 0, res.stderr
    assert "already in the output" in res.stderr
    ids = [r["article"]["id"] for r in _lines(out)]
    assert ids == [f"art-{i:03d}" for i in range(60)]


def test_ctrl_c_keeps_complete_lines_and_exits_130(tmp_path):
    src = _records_jsonl(tmp_path / "in.jsonl", 80)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([EXTRACT, str(src), "-q", "-o", str(out), "--batch-size", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    part = None
    while time.time() < deadline:
        parts = list(tmp_path.glob(".out.jsonl.*.part"))
        if parts and parts[0].read_text().count("\n") >= 2:
            part = parts[0]
            break
        time.sleep(0.1)
    assert part is not None
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and "interrupted" in err
    lines = _lines(out)  # every line is complete JSON
    assert 2 <= len(lines) < 80
    assert [r["article"]["id"] for r in lines] == [f"art-{i:03d}" for i in range(len(lines))]
    assert not list(tmp_path.glob("*.part"))
