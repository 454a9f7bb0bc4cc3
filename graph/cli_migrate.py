"""`tkg migrate`: add the time index to a store written before it (graph/store/migrate.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from graph.store.errors import StoreError


def migrate_cmd(data: Optional[Path] = typer.Option(None, "--data", help="Store directory (default $TKG_DATA or ./tkg-data)."),
                store_url: Optional[str] = typer.Option(None, "--store", help="A SPARQL 1.1 server instead "
                                                        "(sparql+http://...; default $TKG_STORE).")) -> None:
    """Link every event and article of an existing store to its day and count them (the time index that
    windows use). Idempotent; run it once on a store written before the index, with no `tkg serve` on it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graph.settings import Settings
    from graph.store.backend import open_store
    from graph.store.migrate import migrate
    from graph.store.reading import require_store

    err = Console(stderr=True)

    def fail(message: str) -> None:  # as graph.cli.fail (not imported: graph.cli imports this module)
        err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)

    location = Settings().location(data, store_url)
    try:
        if not str(location).lower().startswith(("sparql+http://", "sparql+https://")):
            require_store(Path(location))
        store = open_store(location)
    except StoreError as e:
        fail(str(e))
        raise  # unreachable
    try:
        with Progress(TextColumn("migrate"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as p:
            task = p.add_task("migrate", total=None)
            done = migrate(store, progress=lambda n, total: p.update(task, completed=n, total=total))
    except (StoreError, TimeoutError) as e:
        fail(str(e))
        raise  # unreachable
    finally:
        store.close()
    what = "checked" if done.already else "migrated"
    linked = ("given the page rows of their shown events" if done.only_rows else
              "given the shown slots and page rows of their events" if done.only_shown else
              "linked to their days, counts kept per month")
    err.print(f"{what} {store.location}: {done.graphs} article graphs {linked}, in {done.seconds:.1f} s", highlight=False)
