"""The knowledge graph from Python (notebooks, scripts): pandas DataFrames and networkx graphs.

>>> import graph                                                  # doctest: +SKIP
>>> with graph.open("tkg-data") as kg:                            # doctest: +SKIP
...     ev = kg.events(start="2023-10", end="2023-11", actor="Malian Armed Forces", place="Mali", type="19")
...     g = kg.graph(start="2023-10-01", end="2023-11-30")
...     df = kg.sparql("SELECT ?e WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }")

`graph.open` takes a store directory (read beside a running `tkg serve`: a checkpoint, never the lock), a
`sparql+http://` SPARQL server, or the URL of a running `tkg serve` (its /sparql). Nothing is written.

Every method takes the same filters, with the REST filters' meaning: `start`/`end` (a `date` or YYYY, YYYY-MM,
YYYY-MM-DD: a year or month is its first day as a start, its last as an end), `actor` and `place` (an id or a
whole label or alias), `type` (a CAMEO code or prefix), `text` (words of the sentence or label: REST's `q`),
`bbox` ((west, south, east, north) degrees), `since` (record time: a datetime, Unix seconds or ISO text).
Columns are snake_case, named as ACLED names them where ACLED has the column.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

from graph.export import events_table
from graph.ids import id_of
from graph.store import dates, event_rows, lookup
from graph.store.event_rows import EventFilter

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

Day = Union[str, date, None]
DATE_COLUMNS = ("event_date",)
INT_COLUMNS = ("year", "time_precision", "geo_precision", "fatalities", "timestamp", "sentence_start", "sentence_end")


def open(location: Union[str, Path, None] = None) -> "KnowledgeGraph":  # noqa: A001 - graph.open, as the issue asks
    """The knowledge graph at `location`, read-only: a store directory (default $TKG_STORE, $TKG_DATA or
    ./tkg-data), a `sparql+http(s)://` SPARQL server, or a running `tkg serve` (`http://127.0.0.1:8000`)."""
    from graph.store.reading import open_snapshot

    if isinstance(location, str) and location.lower().startswith(("http://", "https://")):
        url = location.rstrip("/")
        location = "sparql+" + (url if url.endswith("/sparql") else url + "/sparql")
    return KnowledgeGraph(open_snapshot(location), location)


class KnowledgeGraph:
    """A read-only view of a store with DataFrame and networkx answers; use it as a context manager."""

    def __init__(self, store: Any, location: Union[str, Path, None] = None) -> None:
        self.store = store
        self.location = location

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KnowledgeGraph({self.store.location!r}, revision {self.revision})"

    def close(self) -> None:
        self.store.close()

    def refresh(self) -> None:
        """Read the store as it is now (a directory was read as it was when opened)."""
        from graph.store.reading import open_snapshot

        if not getattr(self.store, "remote", False):
            self.store.close()
            self.store = open_snapshot(self.location)

    @property
    def revision(self) -> int:
        return self.store.revision

    # --- filters ---

    def filter(self, start: Day = None, end: Day = None, actor: Optional[str] = None, place: Optional[str] = None,
               type: Optional[str] = None, text: Optional[str] = None,  # noqa: A002 - the REST filter's name
               bbox: Optional[Iterable[float]] = None, since: Union[datetime, int, str, None] = None) -> EventFilter:
        """The filters as one EventFilter (ValueError naming the one that is wrong)."""
        first = start if isinstance(start, date) or start is None else dates.parse_day(str(start), field="start")
        last = end if isinstance(end, date) or end is None else dates.parse_day(str(end), end=True, field="end")
        if isinstance(first, datetime):
            first = first.date()
        if isinstance(last, datetime):
            last = last.date()
        if first and last and first > last:
            raise dates.DateError("start", f"start ({start}) is after end ({end})")
        moment = since if isinstance(since, datetime) or since is None else events_table.parse_since(str(since))
        box = event_rows.check_bbox(bbox) if bbox is not None else None
        return EventFilter(first, last, actor, place, type, text, box, moment)

    # --- tables ---

    def events(self, *, geo: bool = False, limit: Optional[int] = None, **filters: Any) -> "pd.DataFrame":
        """One row an event, in time order: our columns (`tkg export events --style tkg`): id, event_date
        (datetime64), year, time_precision, type (CAMEO), type_label, disorder_type/event_type/sub_event_type
        (ACLED's, where the CAMEO type maps), label, trigger, agents/targets (labels, ids, kinds; '; ' between
        several), location, country, admin1, latitude, longitude, geo_precision, modality, confidence,
        fatalities, sentence offsets, notes (the sentence), article, source, timestamp (record time). `geo=True`:
        a geopandas GeoDataFrame of points (EPSG:4326; needs the `geo` extra)."""
        found = event_rows.rows(self.store, self.filter(**filters), limit)
        df = self._frame(events_table.TKG_COLUMNS, [events_table.tkg_row(r) for r in found])
        return _geo(df) if geo else df

    def acled(self, *, geo: bool = False, **filters: Any) -> "pd.DataFrame":
        """The events ACLED would record, as ACLED's 31 columns in ACLED's order (`tkg export events`)."""
        columns, records = events_table.table(self.store, self.filter(**filters), "acled")
        df = self._frame(columns, records)
        return _geo(df) if geo else df

    def deletions(self, since: Union[datetime, int, str, None] = None) -> "pd.DataFrame":
        """Events re-ingest took away (after `since`): event_id_cnty, deleted_timestamp."""
        moment = self.filter(since=since).since
        return self._frame(events_table.DELETION_COLUMNS, events_table.deletion_records(self.store, moment))

    def actors(self, q: Optional[str] = None, limit: int = 10_000, **filters: Any) -> "pd.DataFrame":
        """Actors (id, label, kind, events, first_seen, last_seen), most events first; `q` matches part of a
        label or alias; with event filters, the actors of the events they keep."""
        flt = self.filter(**filters)
        if not any((flt.actor, flt.place, flt.type, flt.text, flt.bbox, flt.since)):
            rows = lookup.actors(self.store, q, flt.start, flt.end, limit=limit)
            return self._frame(["id", "label", "events", "first_seen", "last_seen"], rows)
        counts = _tally(((a, r) for r in event_rows.rows(self.store, flt) for a in r["agents"] + r["targets"]), q)
        return self._frame(["id", "label", "kind", "events", "first_seen", "last_seen"], counts[:limit])

    def places(self, *, geo: bool = False, limit: int = 10_000, **filters: Any) -> "pd.DataFrame":
        """Places (id, label, latitude, longitude, country, events, first_seen, last_seen), most events first;
        with event filters, the places of the events they keep. `geo=True`: a GeoDataFrame of points."""
        flt = self.filter(**filters)
        if not any((flt.actor, flt.place, flt.type, flt.text, flt.bbox, flt.since)):
            rows = [{**p, "latitude": p.pop("lat"), "longitude": p.pop("lon")}
                    for p in lookup.places(self.store, flt.start, flt.end, limit=limit)]
        else:
            rows = _tally(((r["place"], r) for r in event_rows.rows(self.store, flt) if r["place"]), None)[:limit]
            rows = [{**p, "latitude": p.pop("lat"), "longitude": p.pop("lon")} for p in rows]
        df = self._frame(["id", "label", "latitude", "longitude", "country", "events", "first_seen", "last_seen"], rows)
        return _geo(df) if geo else df

    def states(self, **filters: Any) -> "pd.DataFrame":
        """State facts (who controls, holds office in, is present in what, and when), one row a state, as
        `GET /api/v1/states` answers them: `states(place="Kidal", relation="controls", at="2023-11-20",
        known_at=None)` (graph.store.states)."""
        import pandas as pd

        from graph.store import states

        return pd.DataFrame(states.states(self.store, **filters))

    def sparql(self, query: str) -> "pd.DataFrame":
        """A SELECT's rows as a DataFrame (one column a variable; IRIs and literals as their text, numbers as
        numbers), or a CONSTRUCT/DESCRIBE's triples (subject, predicate, object)."""
        import pandas as pd
        import pyoxigraph as ox

        from graph.store.reading import is_update

        if is_update(query):
            raise ValueError("graph.open(...) is read-only: send updates to `tkg serve` at /update")
        res = self.store.ox_query(query)
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            return pd.DataFrame([[_py(s[n]) for n in names] for s in res], columns=names)
        if isinstance(res, ox.QueryBoolean):
            return pd.DataFrame({"ask": [bool(res)]})
        return pd.DataFrame([[t.subject.value, t.predicate.value, _py(t.object)] for t in res],
                            columns=["subject", "predicate", "object"])

    # --- graphs ---

    def graph(self, *, events: bool = False, co_mentions: bool = False, states: Union[bool, Day] = False,
              known_at: Union[str, datetime, None] = None, **filters: Any) -> "nx.MultiDiGraph":
        """The networkx view (graph.view) of the window: actors and places as nodes, events as edges keyed by
        event id (`events=True`: events as nodes); other filters keep the edges of the events they keep.
        `states`: add the state edges (graph/view/states.py) of that day, or of now if True, as recorded by
        `known_at` (`tkg export --at DAY --known-at T` with `end=DAY`)."""
        from graph.view.view import DEFAULT_KINDS, KINDS, build

        flt = self.filter(**filters)
        g = build(self.store, flt.start, flt.end, KINDS if events else DEFAULT_KINDS, co_mentions)
        if states is not False and states is not None:
            from graph.view.states import add_states

            text = states.isoformat()[:10] if isinstance(states, date) else str(states)
            day = None if states is True else dates.parse_day(text, end=True, field="states").isoformat()
            add_states(g, self.store, day, known_at.isoformat() if isinstance(known_at, datetime) else known_at)
        if not any((flt.actor, flt.place, flt.type, flt.text, flt.bbox, flt.since)):
            return g
        keep = {id_of(iri) for iri, _ in event_rows.select(self.store, flt)}
        sub = g.edge_subgraph([(u, v, k) for u, v, k, kind in g.edges(keys=True, data="kind")
                               if k in keep or kind == "state"]).copy()  # the states stay: they are no events
        if events:
            sub.add_nodes_from((n, g.nodes[n]) for n in keep if n in g)
        return sub

    @staticmethod
    def _frame(columns: list[str], records: list[dict]) -> "pd.DataFrame":
        import pandas as pd

        df = pd.DataFrame.from_records(records, columns=columns)
        for c in DATE_COLUMNS:
            if c in df:
                df[c] = pd.to_datetime(df[c], errors="coerce")
        for c in INT_COLUMNS:
            if c in df and df[c].notna().all():
                df[c] = df[c].astype("int64")
            elif c in df:
                df[c] = df[c].astype("Int64")
        return df


def _tally(pairs: Iterable[tuple[dict, dict]], q: Optional[str]) -> list[dict[str, Any]]:
    """Nodes (actors or places) with their number of events and first/last day, most events first."""
    seen: dict[str, dict[str, Any]] = {}
    for node, row in pairs:
        if q and q.lower() not in (node.get("label") or "").lower():
            continue
        day = (row.get("begin") or "")[:10]
        d = seen.setdefault(node["id"], {k: v for k, v in node.items() if k != "within"} |
                            {"events": 0, "first_seen": day, "last_seen": day, "_ids": set()})
        if row["id"] not in d["_ids"]:
            d["_ids"].add(row["id"])
            d["events"] += 1
            d["first_seen"], d["last_seen"] = min(d["first_seen"], day), max(d["last_seen"], day)
    out = sorted(seen.values(), key=lambda d: (-d["events"], d["id"]))
    for d in out:
        del d["_ids"]
    return out


def _py(term: Any) -> Any:
    """An RDF term as a Python value: numbers as numbers, booleans as bools, anything else as its text."""
    if term is None:
        return None
    dt = getattr(getattr(term, "datatype", None), "value", "")
    if dt.endswith(("#integer", "#int", "#long", "#short", "#nonNegativeInteger")):
        return int(term.value)
    if dt.endswith(("#decimal", "#double", "#float")):
        return float(term.value)
    if dt.endswith("#boolean"):
        return term.value == "true"
    return term.value


def _geo(df: "pd.DataFrame") -> "pd.DataFrame":
    """The rows with coordinates as a geopandas GeoDataFrame of points (EPSG:4326)."""
    try:
        import geopandas as gpd
    except ImportError:
        raise ImportError("geo=True needs geopandas: pip install 'timeline-kg[geo]'") from None
    placed = df[df["latitude"].notna() & df["longitude"].notna()].copy()
    return gpd.GeoDataFrame(placed, geometry=gpd.points_from_xy(placed["longitude"], placed["latitude"]),
                            crs="EPSG:4326")
