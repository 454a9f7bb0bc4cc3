"""The event table: one row an event, as ACLED's 31 columns (`style="acled"`, graph/export/acled.py) or as our
own richer columns (`style="tkg"`: ids, roles, kinds, confidence, modality, sentence offsets, every event of the
filter), written as CSV, JSON or Parquet (with pyarrow). `--since` keeps what was recorded after an instant,
and `deletions` lists the events re-ingest took away since then (graph/ingest/record.py), so a local copy can
stay in sync as acledR keeps ACLED's: drop the deleted ids, then upsert the rows by `event_id_cnty`.

No pandas here: `tkg export events` and the REST route stay light; notebooks get DataFrames from graph.kg.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from typing import IO, Any, Optional

from graph.export.acled import COLUMNS as ACLED_COLUMNS
from graph.export.acled import acled_row, acled_type, epoch, geo_precision, time_precision
from graph.store.embedded import Store
from graph.store.event_rows import EventFilter, deletions, rows

STYLES = ("acled", "tkg")
FORMATS = ("csv", "json", "parquet")
TKG_COLUMNS = ["id", "event_date", "year", "date", "timex", "begin", "end", "time_source", "time_precision",
               "type", "type_label", "disorder_type", "event_type", "sub_event_type", "label", "trigger",
               "agent_ids", "agents", "agent_kinds", "target_ids", "targets", "target_kinds", "participant_ids", "participants", "place_id", "location",
               "country", "admin1", "latitude", "longitude", "geo_precision", "modality", "confidence",
               "fatalities", "sentence_id", "sentence_start", "sentence_end", "notes", "article_id", "title",
               "url", "source", "issued", "recorded", "timestamp", "iri"]
DELETION_COLUMNS = ["event_id_cnty", "deleted_timestamp"]
INTS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
        "timestamp", "sentence_start", "sentence_end", "deleted_timestamp"}
FLOATS = {"latitude", "longitude", "confidence"}


class SinceError(ValueError):
    """A --since / since= that is no instant."""


def parse_since(text: str) -> datetime:
    """Unix seconds (ACLED's `timestamp`) or an ISO date or date-time, as a naive UTC datetime."""
    text = text.strip()
    try:
        if text.isdigit():
            return datetime.fromtimestamp(int(text), timezone.utc).replace(tzinfo=None)
        t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, OverflowError, OSError):
        raise SinceError(f"{text!r} is not an instant: use Unix seconds (ACLED's timestamp) or an ISO date "
                         "or date-time (2024-03-05, 2024-03-05T12:00:00Z)") from None
    return t.astimezone(timezone.utc).replace(tzinfo=None) if t.tzinfo else t


def table(store: Store, flt: EventFilter = EventFilter(), style: str = "acled") -> tuple[list[str], list[dict]]:
    """(columns, records) of the events `flt` keeps, in time order."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
    found = rows(store, flt)
    if style == "acled":
        return ACLED_COLUMNS, [r for r in map(acled_row, found) if r is not None]
    return TKG_COLUMNS, [tkg_row(r) for r in found]


def tkg_row(r: dict[str, Any]) -> dict[str, Any]:
    """Our columns for one event row (graph.store.event_rows)."""
    from graph.store.lookup import cameo_labels

    kind = acled_type(r.get("type"))
    place, sent, art = r.get("place") or {}, r.get("sentence") or {}, r.get("article") or {}
    admins = [p["label"] for p in place.get("within", []) if p.get("label")]
    day = (r.get("begin") or "")[:10]
    ag, tg = r.get("agents") or [], r.get("targets") or []
    return {
        "id": r["id"], "event_date": day, "year": int(day[:4]) if day else None, "date": r.get("date"),
        "timex": r.get("timex"), "begin": r.get("begin"), "end": r.get("end"), "time_source": r.get("time_source"),
        "time_precision": time_precision(r), "type": r.get("type"),
        "type_label": cameo_labels().get(r.get("type") or ""), "disorder_type": kind.disorder_type if kind else None,
        "event_type": kind.event_type if kind else None, "sub_event_type": kind.sub_event_type if kind else None,
        "label": r.get("label"), "trigger": r.get("trigger"),
        "agent_ids": _join(a["id"] for a in ag), "agents": _join(a["label"] for a in ag),
        "agent_kinds": _join(a["kind"] or "" for a in ag),
        "target_ids": _join(a["id"] for a in tg), "targets": _join(a["label"] for a in tg),
        "target_kinds": _join(a["kind"] or "" for a in tg),
        "participant_ids": _join(a["id"] for a in r.get("participants") or []),
        "participants": _join(a["label"] for a in r.get("participants") or []),
        "place_id": place.get("id"), "location": place.get("label"), "country": place.get("country"),
        "admin1": admins[-2] if len(admins) > 1 else None, "latitude": place.get("lat"),
        "longitude": place.get("lon"), "geo_precision": geo_precision(r.get("place")),
        "modality": r.get("modality"), "confidence": r.get("confidence"), "fatalities": r.get("fatalities", 0),
        "sentence_id": sent.get("id"), "sentence_start": sent.get("start"), "sentence_end": sent.get("end"),
        "notes": sent.get("text"), "article_id": art.get("id"), "title": art.get("title"), "url": art.get("url"),
        "source": art.get("publisher"), "issued": art.get("issued"), "recorded": art.get("recorded"),
        "timestamp": epoch(art.get("recorded")), "iri": r.get("iri"),
    }


def _join(items) -> Optional[str]:
    text = "; ".join(items)
    return text or None


def deletion_records(store: Store, since: Optional[datetime] = None) -> list[dict[str, Any]]:
    """ACLED's deletions feed: [{event_id_cnty, deleted_timestamp}] of the events taken away after `since`."""
    return [{"event_id_cnty": d["id"], "deleted_timestamp": epoch(d["deleted"])} for d in deletions(store, since)]


def write(columns: list[str], records: list[dict], out: IO[bytes], fmt: str = "csv",
          deleted: Optional[list[dict]] = None) -> None:
    """Write the table in `fmt`: CSV (UTF-8, header, empty cell for no value), JSON ({"count", "data",
    and "deletions" when given}) or Parquet (typed columns; needs pyarrow)."""
    if fmt == "csv":
        text = io.StringIO()
        w = csv.DictWriter(text, columns, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(records)
        out.write(text.getvalue().encode("utf-8"))
    elif fmt == "json":
        body: dict[str, Any] = {"count": len(records), "data": [{c: r.get(c) for c in columns} for r in records]}
        if deleted is not None:
            body["deletions"] = deleted
        out.write(json.dumps(body, ensure_ascii=False).encode("utf-8"))
    elif fmt == "parquet":
        out.write(parquet_bytes(columns, records))
    else:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def parquet_bytes(columns: list[str], records: list[dict]) -> bytes:
    """The table as Parquet: integer, float and string columns as `INTS`/`FLOATS` say."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RuntimeError("Parquet needs pyarrow: pip install pyarrow (or write .csv)") from None
    types = [pa.int64() if c in INTS else pa.float64() if c in FLOATS else pa.string() for c in columns]
    schema = pa.schema(list(zip(columns, types)))
    data = {c: [r.get(c) for r in records] for c in columns}
    for c in columns:
        if c not in INTS and c not in FLOATS:
            data[c] = [None if v is None else str(v) for v in data[c]]
    buf = pa.BufferOutputStream()
    pq.write_table(pa.table(data, schema=schema), buf)
    return buf.getvalue().to_pybytes()
