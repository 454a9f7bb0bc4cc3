"""The `tkg` command line (typer + rich)."""
from __future__ import annotations

import json
import logging
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from .articles import ArticleError
from .sources import iter_files
from .settings import Settings
from .store import Store, StoreError

app = typer.Typer(help="timeline-kg: news articles to a temporal knowledge graph.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
export_app = typer.Typer(help="Export the graph view for Gephi and other tools.", no_args_is_help=True)
app.add_typer(export_app, name="export")
out = Console()
err = Console(stderr=True)

DataOpt = typer.Option(None, "--data", help="Store directory (default $TKG_DATA or ./tkg-data).")


def fail(message: str) -> None:
    """One line on stderr, exit code 2."""
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def open_store(data: Optional[Path]) -> Store:
    try:
        return Store(data or Settings().data)
    except StoreError as e:
        fail(str(e))
        raise  # unreachable: fail() exits


def run_ingest(store: Store, paths: list[Path]) -> int:
    """Ingest with a progress bar; returns the number of skipped inputs."""
    from .ingest import ingest

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        err.print(f"[red]error:[/red] {p}: no such file or folder", highlight=False)
    files = list(iter_files([p for p in paths if p.exists()]))
    total = sum(f.stat().st_size for f in files) or 1
    columns = (TextColumn("ingest"), BarColumn(), TextColumn("{task.completed:,.0f}/{task.total:,.0f} bytes"),
               TextColumn("{task.fields[n]} articles"), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=total, n=0)

        def advance(article) -> None:
            progress.update(task, advance=len(article.raw_text.encode("utf-8")),
                            n=progress.tasks[0].fields["n"] + 1)

        def report(e: ArticleError) -> None:
            progress.console.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)

        summary = ingest(store, files, on_article=advance, on_error=report)
    out.print(summary.line(), highlight=False)
    return len(summary.errors) + len(missing)


@app.command("ingest")
def ingest_cmd(paths: list[Path] = typer.Argument(..., help="Article files or folders."), data: Optional[Path] = DataOpt) -> None:
    """Ingest articles (wire text, JSON, JSONL; files or folders) into the store."""
    store = open_store(data)
    skipped = run_ingest(store, paths)
    store.close()
    if skipped:
        raise typer.Exit(2)


@app.command("query")
def query_cmd(sparql: str = typer.Argument(..., help="A SPARQL query, or @FILE to read it from a file."),
              fmt: str = typer.Option("table", "--format", help="json | csv | table"),
              data: Optional[Path] = DataOpt) -> None:
    """Run a SPARQL query over the union of all article graphs."""
    from .results import render

    if fmt not in ("json", "csv", "table"):
        fail(f"unknown --format {fmt!r} (use json, csv or table)")
    if sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text(encoding="utf-8")
        except OSError as e:
            fail(f"{sparql[1:]}: {e.strerror}")
    store = open_store(data)
    try:
        result = store.ox_query(sparql)
    except SyntaxError as e:
        fail(f"malformed query: {e}")
    render(result, fmt, out)


@export_app.command("graphml")
def export_graphml(out_file: Path = typer.Argument(..., metavar="OUT"),
                   start: Optional[datetime] = typer.Option(None, "--from", formats=["%Y-%m-%d"]),
                   end: Optional[datetime] = typer.Option(None, "--to", formats=["%Y-%m-%d"]),
                   data: Optional[Path] = DataOpt) -> None:
    """Write the actor/place graph as GraphML (for Gephi)."""
    from .export import write_graphml
    from .view import build

    store = open_store(data)
    g = build(store, start.date() if start else None, end.date() if end else None)
    try:
        write_graphml(g, str(out_file))
    except OSError as e:
        fail(f"{out_file}: {e.strerror}")
    out.print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges -> {out_file}", highlight=False)


@app.command("extract")
def extract_cmd(input: Path = typer.Argument(..., help="An article file (any format ingest reads)."),
                fmt: str = typer.Option("jsonl", "--format", help="json | jsonl")) -> None:
    """Print what extraction finds in each article, as JSON (offsets into the text as given)."""
    from .sources import read_path
    from .extract import extract_many
    from .extract.output import to_output

    if fmt not in ("json", "jsonl"):
        fail(f"unknown --format {fmt!r} (use json or jsonl)")
    if not input.exists():
        fail(f"{input}: no such file")
    bad = 0

    def articles():
        nonlocal bad
        for item in read_path(input):
            if isinstance(item, ArticleError):
                bad += 1
                err.print(f"[red]error:[/red] {item}", highlight=False, soft_wrap=True)
            else:
                yield item

    for article, ex in extract_many(articles()):
        obj = to_output(article, ex)
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
    if bad:
        raise typer.Exit(2)


@app.command("serve")
def serve_cmd(host: Optional[str] = typer.Option(None, help="Interface (default 127.0.0.1)."),
              port: Optional[int] = typer.Option(None, help="Port (default 8000)."),
              data: Optional[Path] = DataOpt) -> None:
    """Serve SPARQL, the REST API and the exports over HTTP."""
    settings = Settings()
    _serve(settings, host or settings.host, port or settings.port, data or settings.data)


def _serve(settings: Settings, host: str, port: int, data: Path, store: Optional[Store] = None) -> None:
    import uvicorn

    from api.app import create_app

    t0 = time.perf_counter()
    store = store or open_store(data)
    application = create_app(store)
    err.print(f"store {data}: {store.graph_count()} articles; app ready in {time.perf_counter() - t0:.2f} s; "
              f"serving on http://{host}:{port} (docs at /docs)", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command("demo")
def demo_cmd(host: Optional[str] = typer.Option(None), port: Optional[int] = typer.Option(None),
             data: Optional[Path] = DataOpt) -> None:
    """Ingest the bundled seed articles, then serve them."""
    from .resources import seeds_dir

    settings = Settings()
    data = data or settings.data
    store = open_store(data)
    run_ingest(store, [seeds_dir()])
    _serve(settings, host or settings.host, port or settings.port, data, store)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
