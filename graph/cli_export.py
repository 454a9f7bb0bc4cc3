"""`tkg export graphml|gexf|json|node-link|csv OUT`: the graph view of a window in one file, or on stdout.

`--at D` exports the graph as it stood on D (the window's end) with the state edges that held then
(graph/view/states.py: controls, present in, holds office, in power), `--known-at T` as recorded by T;
`--states/--no-states` turns them on or off (default: on with `--at`).

Registered on `tkg export` by graph/cli.py (`register`), which passes in what it shares (the store opener, the
error exit), so this module never imports the command line back.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from graph.export.formats import FORMATS  # imports no writer (nor networkx) until one writes


class Options:
    """What one export asks for, read from the command line."""

    def __init__(self, start: Optional[str], end: Optional[str], at: Optional[str], known_at: Optional[str],
                 states: Optional[bool], events: bool, co_mentions: bool, all_events: bool) -> None:
        self.start, self.end, self.at, self.known_at, self.states = start, end, at, known_at, states
        self.events, self.co_mentions, self.all_events = events, co_mentions, all_events


def register(export_app: typer.Typer, open_reader: Callable, fail: Callable[[str], None], out: Console,
             err: Console, data_opt, store_opt) -> None:
    def export(fmt: str, out_file: str, o: Options, data: Optional[Path], store_url: Optional[str]) -> None:
        """Build the view for the window and write it in `fmt` to a file, or to stdout for `-`; one summary
        line on stdout (on stderr when the export itself goes to stdout)."""
        from graph.store.dates import DateError, parse_day, window
        from graph.store.queries import QueryError
        from graph.store.state_periods import PeriodError, known
        from graph.view.states import add_states
        from graph.view.view import DEFAULT_KINDS, KINDS, build

        try:
            first, last = window(o.start, o.end)
            day = parse_day(o.at, end=True, field="at") if o.at else None
            if o.known_at:
                known(o.known_at, "known-at")
        except DateError as e:
            fail(f"--{e.field}: {e}")
            raise  # unreachable
        except PeriodError as e:
            fail(f"--{e}")  # "known-at: '...' is not a date (...)"
            raise  # unreachable
        if day and last:
            fail("--at: give --at or --to, not both (--at is the day the graph stood, the window's end)")
        if day and first and first > day:
            fail(f"--from: {o.start!r} is after --at {o.at!r}")
        with_states = day is not None if o.states is None else o.states
        to_stdout = out_file == "-"
        store = open_reader(data, store_url)
        try:
            with Progress(TextColumn(f"export {fmt}"), BarColumn(), TimeElapsedColumn(), console=err,
                          transient=True) as p:
                p.add_task("export", total=None)
                g = build(store, first, day or last, KINDS if o.events else DEFAULT_KINDS, o.co_mentions, o.all_events)
                if with_states:
                    try:
                        add_states(g, store, day.isoformat() if day else None, o.known_at)
                    except QueryError as e:
                        fail(f"--{e.field.replace('_', '-')}: {e}")
                try:
                    FORMATS[fmt].write(g, sys.stdout.buffer if to_stdout else Path(out_file))
                    if to_stdout:
                        sys.stdout.flush()
                except BrokenPipeError:  # `tkg export gexf - | head`: the reader has all it wanted
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
                    raise typer.Exit(0) from None
                except OSError as e:
                    fail(f"{out_file}: {e.strerror}")
        finally:
            store.close()
        (err if to_stdout else out).print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges -> "
                                          f"{'stdout' if to_stdout else out_file}", highlight=False)

    def add_command(fmt: str, help_text: str) -> None:
        def command(out_file: str = typer.Argument(..., metavar="OUT", help="File to write, or - for stdout."),
                    start: Optional[str] = typer.Option(None, "--from", help="Earliest day: YYYY, YYYY-MM or "
                                                        "YYYY-MM-DD (a year or month: its first day)."),
                    end: Optional[str] = typer.Option(None, "--to", help="Latest day: YYYY, YYYY-MM or YYYY-MM-DD "
                                                      "(a year or month: its last day)."),
                    at: Optional[str] = typer.Option(None, "--at", help="The graph as it stood on this day (events "
                                                     "begun by then; not with --to) and the states that held then "
                                                     "(holder -> place: controls, ...). YYYY, YYYY-MM or "
                                                     "YYYY-MM-DD (a year or month: its last day)."),
                    known_at: Optional[str] = typer.Option(None, "--known-at", help="State edges as recorded by "
                                                           "this day or ISO date-time."),
                    states: Optional[bool] = typer.Option(None, "--states/--no-states", help="Add state edges "
                                                          "(controls, present in, holds office, in power) that "
                                                          "held on --at, or now [default: on with --at]."),
                    events: bool = typer.Option(False, "--events", help="Events as nodes."),
                    co_mentions: bool = typer.Option(False, "--co-mentions", help="Add co-mention edges."),
                    all_events: bool = typer.Option(False, "--all-events", help="Every event, also untyped "
                                                    "reporting, state, perception, aspectual and intensional ones."),
                    data: Optional[Path] = data_opt, store_url: Optional[str] = store_opt) -> None:
            export(fmt, out_file, Options(start, end, at, known_at, states, events, co_mentions, all_events),
                   data, store_url)

        command.__doc__ = help_text
        export_app.command(fmt)(command)

    for fmt, spec in FORMATS.items():  # one subcommand a format
        add_command(fmt, spec.summary)
