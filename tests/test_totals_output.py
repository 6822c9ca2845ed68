"""`totals`, `hedged` and `background` in every place a record is shown or stored (issue 14): the rich
summary, the HTML report (article page and batch index) and the CSV/SQLite tables.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from rich.console import Console

from extractor import writers
from extractor.render import render_record
from extractor.report import BatchSummary, article_context, article_numbers, render_article

TEXT = ("A gas explosion killed 27 people at a bar on Saturday. In 2009, 66 people died in a nightclub fire. "
        "Twelve more were feared dead.")


def _record() -> dict[str, Any]:
    """A record as the extractor writes it (built by hand: these tests are about display and storage)."""
    cas = [
        {"kind": "killed", "count": 27, "qualifier": "exact", "vague": None, "who": "people", "place": None,
         "text": "killed 27 people", "start": 16, "end": 32, "hedged": False, "background": False},
        {"kind": "killed", "count": 66, "qualifier": "exact", "vague": None, "who": "people", "place": None,
         "text": "66 people died", "start": 64, "end": 78, "hedged": False, "background": True},
        {"kind": "killed", "count": 12, "qualifier": "exact", "vague": None, "who": None, "place": None,
         "text": "Twelve more were feared dead", "start": 100, "end": 128, "hedged": True, "background": False},
    ]
    for c in cas:
        assert TEXT[c["start"]:c["end"]] == c["text"]
    return {
        "schema_version": "1", "extractor": {"version": "0", "model": "m"},
        "article": {"id": "bar-fire", "path": None, "sha256": "0" * 64, "title": "Bar fire", "publisher": None,
                    "published": "2024-05-01", "byline": None, "url": None, "chars": len(TEXT), "words": 22,
                    "text": TEXT},
        "actors": [], "quotes": [], "casualties": cas,
        "weapons": [{"weapon": "drone", "count": 9, "qualifier": "exact", "vague": None, "action": "shot_down",
                     "operator": None, "by": None, "place": None, "text": "x", "start": 0, "end": 1}],
        "totals": {"casualties": {"killed": {"count": 27, "qualifier": "exact", "vague": None,
                                             "text": "killed 27 people", "start": 16, "end": 32}},
                   "weapons": [{"weapon": "drone", "action": "shot_down", "count": 9, "qualifier": "exact",
                                "vague": None, "text": "x", "start": 0, "end": 1}]},
        "places": [], "dates": [], "warnings": [],
    }


def test_rich_summary_says_how_many_and_marks_hedged_and_background() -> None:
    console = Console(width=100, record=True, color_system=None)
    console.print(render_record(_record()))
    out = console.export_text()
    assert "How many: killed 27 · drone shot down 9" in out
    assert "hedged" in out and "background" in out


def test_rich_summary_without_totals() -> None:
    rec = _record()
    rec["totals"] = {"casualties": {}, "weapons": []}
    console = Console(width=100, record=True, color_system=None)
    console.print(render_record(rec))
    assert "How many" not in console.export_text()


def test_report_article_page_has_a_how_many_table() -> None:
    rec = _record()
    ctx = article_context(rec)
    assert [(t["label"], t["amount"]) for t in ctx["totals"]] == [("killed", "27"), ("drone · shot down", "9")]
    assert ctx["totals"][0]["href"] == "#hl-c1"  # the count the figure rests on
    assert [c["note"] for c in ctx["casualties"]] == ["", "background", "hedged"]
    page = render_article(rec)
    assert "How many" in page and "killed 27 people" in page


def test_report_index_takes_the_figure_from_totals() -> None:
    rec = _record()
    assert article_numbers(rec)["killed"] == 27  # not 66, the largest count (an earlier event)
    assert article_numbers(rec)["drones"] == 9
    old = {k: v for k, v in rec.items() if k != "totals"}  # output of an older version: the article's own counts
    assert article_numbers(old)["killed"] == 27
    summary = BatchSummary()
    summary.add(rec, "bar-fire.html")
    assert summary.context()["totals"].killed == 27


def test_tables_hold_totals_and_flags() -> None:
    rows = writers.flatten(_record())
    assert [(r["count"], r["hedged"], r["background"]) for r in rows["casualties"]] == [(27, 0, 0), (66, 0, 1),
                                                                                        (12, 1, 0)]
    assert [(r["n"], r["kind"], r["weapon"], r["action"], r["count"], r["start_char"]) for r in rows["totals"]] == [
        (1, "killed", None, None, 27, 16), (2, None, "drone", "shot_down", 9, 0)]
    assert set(rows["totals"][0]) == set(writers.TABLES["totals"])


def test_sqlite_totals_and_an_older_database_gains_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)  # the casualties table as an older version created it
    db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY NOT NULL, path TEXT, sha256 TEXT, title TEXT, "
               "publisher TEXT, published TEXT, byline TEXT, url TEXT, chars INTEGER, words INTEGER, warnings TEXT, "
               "error_type TEXT, error_message TEXT, extractor_version TEXT, model TEXT)")
    db.execute("CREATE TABLE casualties (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
               "n INTEGER, kind TEXT, count INTEGER, qualifier TEXT, vague TEXT, who TEXT, place TEXT, text TEXT, "
               "start_char INTEGER, end_char INTEGER, PRIMARY KEY (article_id, n))")
    db.commit()
    db.close()
    w = writers.SqliteWriter(path)
    w.write(_record())
    w.commit()
    db = sqlite3.connect(path)
    assert db.execute("SELECT count, hedged, background FROM casualties ORDER BY n").fetchall() == [
        (27, 0, 0), (66, 0, 1), (12, 1, 0)]
    assert db.execute("SELECT t.count FROM totals t JOIN articles a ON a.id = t.article_id "
                      "WHERE t.kind = 'killed'").fetchall() == [(27,)]


def test_csv_has_a_totals_file(tmp_path: Path) -> None:
    w = writers.CsvWriter(tmp_path / "csv")
    w.write(_record())
    w.commit()
    lines = (tmp_path / "csv" / "totals.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(writers.TABLES["totals"])
    assert lines[1].startswith("bar-fire,1,killed,,,27,exact,")
