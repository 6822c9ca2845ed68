"""The `extract` command through Typer's CliRunner: stdout and stderr checked apart, exit codes."""

from __future__ import annotations

import json

import click
import pytest
import typer
from conftest import EURONEWS
from typer.testing import CliRunner

from extractor import __version__
from extractor.cli import app

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)


def test_version():
    res = run("--version")
    assert res.exit_code == 0
    assert res.stdout.strip() == f"extractor {__version__}"
    assert res.stderr == ""


def test_schema_option_prints_json_schema():
    res = run("--schema")
    assert res.exit_code == 0
    schema = json.loads(res.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_help_has_examples_and_every_option_documented():
    res = run("--help")
    assert res.exit_code == 0
    assert "extract article.txt --json | jq" in res.stdout
    command = typer.main.get_command(app)  # every option carries help text
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, param.name


def test_no_paths_is_a_usage_error():
    res = run()
    assert res.exit_code == 2
    assert res.stdout == ""
    assert "PATHS" in res.stderr


def test_bad_published_is_a_usage_error():
    res = run(str(EURONEWS), "--published", "last tuesday")
    assert res.exit_code == 2
    assert "--published" in res.stderr


def test_missing_model_names_the_install_command():
    res = run(str(EURONEWS), "--json", "--model", "xx_no_such_model_sm")
    assert res.exit_code == 2
    assert res.stdout == ""
    assert "pip install" in res.stderr and "xx_no_such_model_sm" in res.stderr


def test_json_single_article():
    res = run(str(EURONEWS), "--json")
    assert res.exit_code == 0, res.stderr
    assert res.stderr == ""
    lines = res.stdout.splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["article"]["id"] == str(EURONEWS)
    assert rec["article"]["title"] == "Russia Denies Trump-Putin Call on Ukraine Escalation"
    assert rec["article"]["publisher"] == "Euro News"


def test_pretty_json_is_indented():
    res = run(str(EURONEWS), "--json", "--pretty")
    assert res.exit_code == 0
    assert res.stdout.startswith("{\n  ")
    json.loads(res.stdout)


def test_summary_is_plain_text_when_piped():
    res = run(str(EURONEWS), env={"NO_COLOR": "1"})
    assert res.exit_code == 0, res.stderr
    assert "Russia Denies Trump-Putin Call on Ukraine Escalation" in res.stdout
    assert "\x1b[" not in res.stdout
    assert max(len(line) for line in res.stdout.splitlines()) <= 100
    assert res.stderr == ""


def test_folder_in_order_with_error_record(tmp_path):
    (tmp_path / "a.txt").write_text("Floods hit Kerala\n\nHeavy rain flooded villages in Kerala on Monday.\n")
    (tmp_path / "b.txt").write_text("   \n")
    (tmp_path / "c.txt").write_text("Quake in Turkey\n\nAn earthquake struck Malatya on Tuesday.\n")
    res = run(str(tmp_path), "--json")
    assert res.exit_code == 1
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["article"]["id"].rsplit("/", 1)[-1] for r in recs] == ["a.txt", "b.txt", "c.txt"]
    assert recs[1]["error"]["type"] == "empty"
    assert "error" not in recs[0] and "error" not in recs[2]
    err_lines = res.stderr.strip().splitlines()
    assert len(err_lines) == 1 and "b.txt" in err_lines[0] and "empty" in err_lines[0]


def test_stdin():
    res = run("-", "--json", input=EURONEWS.read_bytes())
    assert res.exit_code == 0
    rec = json.loads(res.stdout)
    assert rec["article"]["id"] == "-" and rec["article"]["path"] is None


def test_jsonl_records_keep_ids_and_published(tmp_path):
    path = tmp_path / "records.jsonl"
    rows = [{"id": "r1", "text": "Storm hits Manila\n\nA typhoon struck Manila on Friday.", "published": "2024-07-26",
             "extra": 1},
            {"id": "r2", "text": "Train crash\n\nTwo trains collided near Odisha on Friday.", "title": "Crash"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    res = run(str(path), "--json")
    assert res.exit_code == 0, res.stderr
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["article"]["id"] for r in recs] == ["r1", "r2"]
    assert recs[0]["article"]["published"] == "2024-07-26"
    assert recs[1]["article"]["title"] == "Crash"


def test_published_option_applies_to_every_input():
    res = run(str(EURONEWS), "--json", "--published", "2024-11-11")
    rec = json.loads(res.stdout)
    assert rec["article"]["published"] == "2024-11-11"


def test_output_file_written_atomically(tmp_path):
    out = tmp_path / "out.jsonl"
    res = run(str(EURONEWS), "-o", str(out))
    assert res.exit_code == 0
    assert res.stdout == ""
    assert json.loads(out.read_text())["article"]["id"] == str(EURONEWS)
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temp file left behind


@pytest.mark.parametrize("target", ["missing-dir/out.jsonl", "."])
def test_unwritable_output_fails_before_processing(tmp_path, target):
    res = run(str(EURONEWS), "-o", str(tmp_path / target))
    assert res.exit_code == 2
    assert res.stdout == ""
    assert "error:" in res.stderr.lower()
