"""`tkg export events OUT`: the event table (ACLED's columns or ours) as CSV, JSON, Parquet or GeoJSON.

Registered on `tkg export` by graph/cli.py (`register`), which passes in what it shares (the store opener, the
error exit), so this module never imports the command line back.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.console import Console

SUFFIXES = {".csv": "csv", ".json": "json", ".parquet": "parquet", ".geojson": "geojson"}


def register(export_app: typer.Typer, open_reader: Callable, fail: Callable[[str], None], out: Console,
             err: Console, data_opt, store_opt) -> None:
    @export_app.command("events")
    def events_cmd(
            out_file: str = typer.Argument(..., metavar="OUT", help="File to write (.csv, .json, .parquet with "
                                           "pyarrow, .geojson), or - for CSV on stdout."),
            style: str = typer.Option("acled", "--style", help="acled: ACLED's 31 columns in ACLED's order, "
                                      "events ACLED would record; tkg: our columns (ids, roles, confidence, "
                                      "modality, sentence offsets), every event."),
            since: Optional[str] = typer.Option(None, "--since", metavar="TIMESTAMP", help="Only events recorded "
                                                "after it (Unix seconds or ISO date-time); the events re-ingest "
                                                "took away since then go to OUT's .deletions.csv (in JSON: "
                                                "'deletions')."),
            start: Optional[str] = typer.Option(None, "--from", help="Earliest day: YYYY, YYYY-MM or YYYY-MM-DD."),
            end: Optional[str] = typer.Option(None, "--to", help="Latest day: YYYY, YYYY-MM or YYYY-MM-DD."),
            actor: Optional[str] = typer.Option(None, "--actor", help="An actor id or a whole label or alias."),
            place: Optional[str] = typer.Option(None, "--place", help="A place id or a whole label."),
            event_type: Optional[str] = typer.Option(None, "--type", help="CAMEO code or prefix (19, 192)."),
            text: Optional[str] = typer.Option(None, "--text", help="Words the sentence or label contains."),
            bbox: Optional[str] = typer.Option(None, "--bbox", help="west,south,east,north in degrees."),
            data: Optional[Path] = data_opt, store_url: Optional[str] = store_opt) -> None:
        """The event table: ACLED's 31 columns (or ours with --style tkg), as CSV, JSON, Parquet or GeoJSON."""
        from graph.export import events_geojson, events_table
        from graph.store.dates import DateError, window
        from graph.store.event_rows import EventFilter, rows
        from graph.store.queries import QueryError, UnknownRef

        fmt = "csv" if out_file == "-" else SUFFIXES.get(Path(out_file).suffix.lower())
        if fmt is None:
            fail(f"{out_file}: unknown suffix (use {', '.join(SUFFIXES)}, or - for CSV on stdout)")
        if style not in events_table.STYLES:
            fail(f"unknown --style {style!r} (use acled or tkg)")
        try:
            first, last = window(start, end)
            moment = events_table.parse_since(since) if since else None
            box = tuple(float(x) for x in bbox.split(",")) if bbox else None
        except DateError as e:
            fail(f"--{e.field}: {e}")
            raise  # unreachable
        except events_table.SinceError as e:
            fail(f"--since: {e}")
            raise
        except ValueError:
            fail("--bbox: four numbers: west,south,east,north (degrees)")
            raise
        flt = EventFilter(first, last, actor, place, event_type, text, box, moment)  # type: ignore[arg-type]
        store = open_reader(data, store_url)
        try:
            if fmt == "geojson":
                found = rows(store, flt)
                columns, records = [], found
            else:
                columns, records = events_table.table(store, flt, style)
            deleted = events_table.deletion_records(store, moment) if moment else None
        except (UnknownRef, QueryError) as e:
            fail(f"--{getattr(e, 'field', 'filter')}: {e}" if isinstance(e, QueryError) else str(e))
            raise
        finally:
            store.close()
        buf = io.BytesIO()
        try:
            if fmt == "geojson":
                events_geojson.write_geojson(records, buf)
            else:
                events_table.write(columns, records, buf, fmt, deleted if fmt == "json" else None)
        except RuntimeError as e:  # Parquet without pyarrow
            fail(f"{out_file}: {e}")
        _save(out_file, buf.getvalue(), fail)
        note = ""
        if deleted and fmt != "json" and out_file == "-":
            err.print(f"warning: {len(deleted)} deletions since then are not written with OUT '-' (write a file, "
                      "or read /api/v1/export/events/deletions)", highlight=False, soft_wrap=True)
        if deleted is not None and fmt != "json" and out_file != "-":
            target = Path(out_file).with_suffix(".deletions.csv")
            dbuf = io.BytesIO()
            events_table.write(events_table.DELETION_COLUMNS, deleted, dbuf, "csv")
            _save(str(target), dbuf.getvalue(), fail)
            note = f"; {len(deleted)} deletions -> {target}"
        (err if out_file == "-" else out).print(
            f"{len(records)} events -> {'stdout' if out_file == '-' else out_file}{note}", highlight=False)


def _save(out_file: str, body: bytes, fail: Callable[[str], None]) -> None:
    if out_file == "-":
        try:
            sys.stdout.buffer.write(body)
            sys.stdout.flush()
        except BrokenPipeError:
            raise typer.Exit(0) from None
        return
    try:
        Path(out_file).write_bytes(body)
    except OSError as e:
        fail(f"{out_file}: {e.strerror}")
