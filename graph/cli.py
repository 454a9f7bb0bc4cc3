"""The `tkg` command line (typer + rich)."""
from __future__ import annotations

import json
import logging
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

from graph import cli_events, cli_export, cli_fix
from graph.cli_migrate import migrate_cmd
from graph.settings import Settings
from graph.sources import Input, is_url, iter_files
from graph.sources.articles import ArticleError, published_option
from graph.store.backend import open_store as _open_location
from graph.store.embedded import Store
from graph.store.errors import StoreError

app = typer.Typer(help="timeline-kg: news articles to a temporal knowledge graph.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
export_app = typer.Typer(help="Export the graph view for Gephi and other tools.", no_args_is_help=True)
app.add_typer(export_app, name="export")
out = Console()
err = Console(stderr=True)

DataOpt = typer.Option(None, "--data", help="Store directory (default $TKG_DATA or ./tkg-data).")
StoreOpt = typer.Option(None, "--store", help="An existing SPARQL 1.1 server instead of a directory: "
                        "sparql+http://HOST:PORT/PATH[?update=PATH&user=U&password=P&auth=digest] (default $TKG_STORE).")


def fail(message: str) -> None:
    """One line on stderr, exit code 2."""
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def open_store(data: Optional[Path], store: Optional[str] = None) -> Store:
    """The store `--store` (a SPARQL server URL), else `--data`, else $TKG_STORE, else $TKG_DATA."""
    try:
        return _open_location(Settings().location(data, store))
    except StoreError as e:
        fail(str(e))
        raise  # unreachable: fail() exits


def open_reader(data: Optional[Path], store: Optional[str] = None) -> Store:
    """The store to read (query, export): it must exist; while `tkg serve` holds a directory, its newest
    checkpoint, read-only (graph/store/reading.py)."""
    from graph.store.reading import open_for_reading

    try:
        opened = open_for_reading(Settings().location(data, store))
    except StoreError as e:
        fail(str(e))
        raise  # unreachable: fail() exits
    if getattr(opened, "behind", 0):
        err.print(f"[yellow]warning:[/yellow] reading the server's checkpoint of {opened.location}, "
                  f"{opened.behind} write(s) behind the store", highlight=False, soft_wrap=True)
    return opened


class _RateColumn(ProgressColumn):
    """Articles per second (and words per second) so far."""

    def render(self, task) -> Text:
        elapsed = task.elapsed or 0.0
        n, words = task.fields.get("n", 0), task.fields.get("words", 0)
        if elapsed <= 0 or not n:
            return Text("- art/s", style="progress.data.speed")
        return Text(f"{n / elapsed:,.1f} art/s, {words / elapsed:,.0f} words/s", style="progress.data.speed")


def run_ingest(store: Store, paths: list[Input], jobs: int = 1, cluster: Optional[str] = None,
               batch_size: int = 32, shacl: str = "fast", dedupe: bool = True, threshold: float = 0.8,
               max_chars: Optional[int] = None, published: Optional[datetime] = None) -> int:
    """Ingest files, folders and http(s) URLs with a progress bar (articles/s, ETA); returns the
    number of skipped inputs. `published` dates the articles that have no date (`--published`)."""
    from graph.ingest.cluster import BackendError
    from graph.ingest.run import MAX_EXTRACT_CHARS, ingest

    paths = [p if is_url(p) else Path(p) for p in paths]
    missing = [p for p in paths if isinstance(p, Path) and not p.exists()]
    for p in missing:
        err.print(f"[red]error:[/red] {p}: no such file or folder", highlight=False)
    files = list(iter_files([p for p in paths if p not in missing]))
    total = sum(f.stat().st_size for f in files if isinstance(f, Path)) or 1
    columns = (TextColumn("ingest"), BarColumn(), TextColumn("{task.fields[n]:,} articles"), _RateColumn(),
               TextColumn("{task.fields[skipped]} skipped"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=total, n=0, words=0, skipped=0)

        def advance(article) -> None:
            f = progress.tasks[0].fields
            progress.update(task, advance=len(article.raw_text.encode("utf-8")), n=f["n"] + 1,
                            words=f["words"] + len(article.text.split()))

        def report(e: ArticleError) -> None:
            progress.update(task, skipped=progress.tasks[0].fields["skipped"] + 1)
            progress.console.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)

        def warn(article, message: str) -> None:
            progress.console.print(f"[yellow]warning:[/yellow] {article.origin}: {message}", highlight=False,
                                   soft_wrap=True)

        try:
            summary = ingest(store, files, jobs=jobs, cluster=cluster, batch_size=batch_size,
                             check_shapes=shacl != "off", full_shacl=shacl == "full", dedupe=dedupe,
                             threshold=threshold, max_chars=MAX_EXTRACT_CHARS if max_chars is None else max_chars,
                             on_article=advance, on_error=report, on_warning=warn, published=published)
        except BackendError as e:
            progress.stop()
            fail(str(e))
            raise  # unreachable
    out.print(summary.line(), highlight=False, soft_wrap=True)
    return len(summary.errors) + len(missing)


def _check_ingest_options(jobs: int, batch_size: int, shacl: str, threshold: float) -> None:
    if jobs < 0:
        fail("--jobs must be 0 (one per core) or more")
    if batch_size < 1:
        fail("--batch-size must be at least 1")
    if shacl not in ("fast", "full", "off"):
        fail(f"unknown --shacl {shacl!r} (use fast, full or off)")
    if not 0.0 < threshold <= 1.0:
        fail("--dup-threshold is a Jaccard similarity in (0, 1]")


JobsOpt = typer.Option(1, "--jobs", "-j", help="Worker processes for extraction (0: one per core).")
ClusterOpt = typer.Option(None, "--cluster", help="Run extraction on a Dask cluster: tcp://SCHEDULER:8786.")
BatchOpt = typer.Option(32, "--batch-size", help="Articles per spaCy batch and per store transaction.")
ShaclOpt = typer.Option("fast", "--shacl", help="Check graphs against the SHACL shapes: fast (pyshacl decides "
                        "whenever the fast check does not pass), full (pyshacl on every graph), off.")
DedupeOpt = typer.Option(True, "--dedupe/--no-dedupe", help="Link wire copies (near-duplicates) to the first copy.")
ThresholdOpt = typer.Option(0.8, "--dup-threshold", help="Jaccard similarity (MinHash of word 5-shingles) "
                            "from which an article is a copy.")
PublishedOpt = typer.Option(None, "--published", metavar="DATE", help="Publication date (ISO date or date-time) "
                            "for articles that have none: plain text, JSON records without a date.")
MaxCharsOpt = typer.Option(None, "--max-chars", help="Longer texts are cut (at a paragraph break) before "
                           "extraction, with a warning (default 100,000; 0: no limit).")


def _published(value: Optional[str]) -> Optional[datetime]:
    try:
        return published_option(value) if value is not None else None
    except ValueError as e:
        fail(f"--published: {e}")
        raise  # unreachable


@app.command("ingest")
def ingest_cmd(paths: list[str] = typer.Argument(..., help="Article files, folders or http(s) URLs (pages, feeds)."),
               data: Optional[Path] = DataOpt,
               jobs: int = JobsOpt, cluster: Optional[str] = ClusterOpt, batch_size: int = BatchOpt,
               shacl: str = ShaclOpt, dedupe: bool = DedupeOpt, threshold: float = ThresholdOpt,
               max_chars: Optional[int] = MaxCharsOpt, store_url: Optional[str] = StoreOpt,
               published: Optional[str] = PublishedOpt) -> None:
    """Ingest articles (wire text, plain text, JSON, JSONL, HTML, RSS/Atom; gzip; files, folders or URLs)."""
    _check_ingest_options(jobs, batch_size, shacl, threshold)
    dct = _published(published)
    store = open_store(data, store_url)
    skipped = run_ingest(store, paths, jobs=jobs, cluster=cluster, batch_size=batch_size, shacl=shacl,
                         dedupe=dedupe, threshold=threshold, max_chars=max_chars, published=dct)
    store.close()
    if skipped:
        raise typer.Exit(2)


@app.command("query")
def query_cmd(sparql: str = typer.Argument(..., help="A SPARQL query, or @FILE to read it from a file."),
              fmt: str = typer.Option("table", "--format", help="json | csv | table"),
              data: Optional[Path] = DataOpt, store_url: Optional[str] = StoreOpt) -> None:
    """Run a SPARQL query over the union of all article graphs."""
    from graph.store.results import render

    if fmt not in ("json", "csv", "table"):
        fail(f"unknown --format {fmt!r} (use json, csv or table)")
    if sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text(encoding="utf-8")
        except OSError as e:
            fail(f"{sparql[1:]}: {e.strerror}")
    from graph.store.reading import is_update

    if is_update(sparql):
        fail("tkg query is read-only: send SPARQL updates to a running `tkg serve` at /update "
             "(Authorization: Bearer $TKG_TOKEN), or add articles with `tkg ingest`")
    store = open_reader(data, store_url)
    try:
        render(store.ox_query(sparql), fmt, out)
    except SyntaxError as e:
        fail(f"malformed query: {e}")
    except (StoreError, TimeoutError) as e:
        fail(str(e))
    finally:
        store.close()


cli_export.register(export_app, open_reader, fail, out, err, DataOpt, StoreOpt)  # tkg export graphml|gexf|...
cli_events.register(export_app, open_reader, fail, out, err, DataOpt, StoreOpt)  # tkg export events
cli_fix.register(app, open_store, open_reader, fail, out, DataOpt, StoreOpt)  # tkg fix (corrections)


@app.command("extract")
def extract_cmd(input: Path = typer.Argument(..., help="An article file (any format ingest reads)."),
                fmt: str = typer.Option("jsonl", "--format", help="json | jsonl"),
                published: Optional[str] = PublishedOpt) -> None:
    """Print what extraction finds in each article, as JSON (offsets into the text as given)."""
    from graph.extract import extract_many
    from graph.extract.actors.resolve import ActorIndex, resolve_extraction
    from graph.extract.output import to_output
    from graph.sources import read_path

    if fmt not in ("json", "jsonl"):
        fail(f"unknown --format {fmt!r} (use json or jsonl)")
    dct = _published(published)
    if not input.exists():
        fail(f"{input}: no such file")
    bad = 0

    def articles():
        nonlocal bad
        for item in read_path(input, dct):
            if isinstance(item, ArticleError):
                bad += 1
                err.print(f"[red]error:[/red] {item}", highlight=False, soft_wrap=True)
            else:
                for w in item.warnings:
                    err.print(f"[yellow]warning:[/yellow] {item.origin}: {w}", highlight=False, soft_wrap=True)
                yield item

    known = ActorIndex()  # one actor, one IRI across the articles of the file
    for article, ex in extract_many(articles()):
        resolve_extraction(known, ex)
        obj = to_output(article, ex)
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
    if bad:
        raise typer.Exit(2)


@app.command("serve")
def serve_cmd(host: Optional[str] = typer.Option(None, help="Interface to listen on (default 127.0.0.1, $TKG_HOST)."),
              port: Optional[int] = typer.Option(None, help="Port (default 8000, $TKG_PORT)."),
              data: Optional[Path] = DataOpt, store_url: Optional[str] = StoreOpt,
              query_timeout: Optional[float] = typer.Option(None, "--query-timeout", help="Seconds before a SPARQL query is stopped (default 30, $TKG_QUERY_TIMEOUT)."),
              workers: Optional[int] = typer.Option(None, "--query-workers", help="SPARQL worker processes (default 2, $TKG_QUERY_WORKERS)."),
              strict: Optional[bool] = typer.Option(None, "--strict-default-graph/--union-default-graph", help="Default graph of /sparql: the store's own, or the union of all graphs (default; $TKG_UNION_DEFAULT)."),
              create: bool = typer.Option(False, "--create", help="Start an empty store if --data does not exist "
                                          "(to fill it through /update or /store).")) -> None:
    """Serve SPARQL, the REST API and the exports over HTTP."""
    settings = Settings()
    if not create:
        _require_store(settings.location(data, store_url))
    if query_timeout is not None:
        if query_timeout <= 0:
            fail("--query-timeout must be positive")
        settings.query_timeout = query_timeout
    if workers is not None:
        if workers < 1:
            fail("--query-workers must be at least 1")
        settings.query_workers = workers
    if strict is not None:
        settings.union_default = not strict
    _serve(settings, host or settings.host, port or settings.port, data, store_url=store_url)


def _serve(settings: Settings, host: str, port: int, data: Optional[Path], store: Optional[Store] = None,
           store_url: Optional[str] = None) -> None:
    import uvicorn

    from api.app import create_app

    t0 = time.perf_counter()
    store = store or open_store(data, store_url)
    if store.remote:  # REST reads go straight to the server: bound them like /sparql queries
        store.timeout = settings.query_timeout
    application = create_app(store, settings)
    config = uvicorn.Config(application, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)

    async def announce() -> None:  # once the query workers are up and the socket listens
        import asyncio

        while not server.started:
            await asyncio.sleep(0.01)
        err.print(f"store {store.location}: ready in {time.perf_counter() - t0:.2f} s; "
                  f"serving on http://{host}:{port}/ (open it in a browser; API docs at /docs)", highlight=False)
        # counted after "ready", off the event loop: on 10M triples it scans 75,000 graphs (0.6 s)
        articles = await asyncio.to_thread(store.graph_count)
        err.print(f"store {store.location}: {articles} articles", highlight=False)

    import asyncio

    async def main() -> None:
        task = asyncio.create_task(announce())
        await server.serve()
        task.cancel()

    try:
        asyncio.run(main())
    finally:
        store.close()


def _require_store(location: "Path | str") -> None:
    """Exit 2 unless a directory location holds a store (a SPARQL server URL is checked on opening)."""
    from graph.store.reading import require_store

    if isinstance(location, Path) or not str(location).lower().startswith(("sparql+http://", "sparql+https://")):
        try:
            require_store(Path(location))
        except StoreError as e:
            fail(str(e))


app.command("migrate")(migrate_cmd)


@app.command("demo")
def demo_cmd(host: Optional[str] = typer.Option(None, help="Interface to listen on (default 127.0.0.1, $TKG_HOST)."),
             port: Optional[int] = typer.Option(None, help="Port (default 8000, $TKG_PORT)."),
             data: Optional[Path] = DataOpt, store_url: Optional[str] = StoreOpt) -> None:
    """Ingest the bundled seed articles, then serve them."""
    from graph.resources import seeds_dir

    settings = Settings()
    store = open_store(data, store_url)
    run_ingest(store, [seeds_dir()])
    _serve(settings, host or settings.host, port or settings.port, data, store)


def main() -> None:

    level = getattr(logging, os.environ.get("TKG_LOG_LEVEL", "WARNING").upper(), logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    app()
