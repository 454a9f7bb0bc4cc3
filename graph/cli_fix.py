"""`tkg fix merge|split|place|list|undo`: analysts' corrections (graph/store/corrections.py).

Registered on `tkg` by graph/cli.py (`register`), which passes in what it shares (the store opener, the
error exit, the console), so this module never imports the command line back.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.console import Console

ByOpt = typer.Option("cli", "--by", metavar="NAME", help="Who makes the correction (recorded with it).")


def register(app: typer.Typer, open_store: Callable, open_reader: Callable, fail: Callable[[str], None], out: Console,
             data_opt, store_opt) -> None:
    fix_app = typer.Typer(help="Correct the graph: merge actors, split an alias off, set a place. Kept in "
                          "the graph's corrections and applied to every later ingest.", no_args_is_help=True)
    app.add_typer(fix_app, name="fix")

    def run(make: Callable, *args) -> None:
        from graph.store.corrections import CorrectionError, as_dict

        store = open_store(*args[-2:])
        try:
            c = make(store, *args[:-2])
        except CorrectionError as e:
            fail(str(e))
            raise  # unreachable
        finally:
            store.close()
        d = as_dict(c)
        out.print(f"{d['id']}: {d['what']}", highlight=False, soft_wrap=True)

    @fix_app.command("merge")
    def merge_cmd(keep: str = typer.Argument(..., metavar="ACTOR_KEEP", help="The actor that stays (id or IRI)."),
                  gone: str = typer.Argument(..., metavar="ACTOR_GONE", help="The actor merged into it."),
                  by: str = ByOpt, data: Optional[Path] = data_opt, store_url: Optional[str] = store_opt) -> None:
        """Merge ACTOR_GONE into ACTOR_KEEP: its events, mentions and names (as aliases) go to ACTOR_KEEP."""
        from graph.store.corrections import merge

        run(lambda s, k, g: merge(s, k, g, by), keep, gone, data, store_url)

    @fix_app.command("split")
    def split_cmd(actor: str = typer.Argument(..., metavar="ACTOR", help="The actor (id or IRI)."),
                  alias: str = typer.Argument(..., metavar="ALIAS", help="One of its aliases."),
                  by: str = ByOpt, data: Optional[Path] = data_opt, store_url: Optional[str] = store_opt) -> None:
        """Split ALIAS off ACTOR: the mentions with that alias become a new actor labelled ALIAS."""
        from graph.store.corrections import split

        run(lambda s, a, al: split(s, a, al, by), actor, alias, data, store_url)

    @fix_app.command("place")
    def place_cmd(target: str = typer.Argument(..., metavar="PLACE_OR_EVENT", help="A place id (place/2460596), "
                                               "a place name (every place so labelled, also in later articles), "
                                               "or an event id (that event's place)."),
                  geonames_id: str = typer.Argument(..., metavar="GEONAMES_ID", help="The GeoNames id to set."),
                  by: str = ByOpt, data: Optional[Path] = data_opt, store_url: Optional[str] = store_opt) -> None:
        """Set a place, or an event's place, to a GeoNames id (label and point from the gazetteer)."""
        from graph.store.corrections import place

        run(lambda s, t, g: place(s, t, g, by), target, geonames_id, data, store_url)

    @fix_app.command("undo")
    def undo_cmd(correction: str = typer.Argument(..., metavar="CORRECTION", help="Its id, from `tkg fix list`."),
                 by: str = ByOpt, data: Optional[Path] = data_opt, store_url: Optional[str] = store_opt) -> None:
        """Undo a correction: the graph gets back what it changed; later ingests no longer apply it."""
        from graph.store.corrections import undo

        run(lambda s, c: undo(s, c, by), correction, data, store_url)

    @fix_app.command("list")
    def list_cmd(all_: bool = typer.Option(False, "--all", help="Also the corrections that were undone."),
                 as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
                 data: Optional[Path] = data_opt, store_url: Optional[str] = store_opt) -> None:
        """The corrections, oldest first: id, when, who, what."""
        from graph.store.corrections import as_dict, corrections

        store = open_reader(data, store_url)
        try:
            rows = [as_dict(c) for c in corrections(store, undone=all_)]
        finally:
            store.close()
        for d in rows:
            if as_json:
                out.print(json.dumps(d, ensure_ascii=False), highlight=False, soft_wrap=True)
            else:
                gone = f"  (undone {d['undone']})" if d["undone"] else ""
                out.print(f"{d['id']}  {d['at']}  {d['by']}  {d['what']}{gone}", highlight=False, soft_wrap=True)
