"""Events as GeoJSON points (RFC 7946: [lon, lat], WGS 84) that QGIS and Kepler.gl open: one Feature an event
placed at a point, with its date, CAMEO type, ACLED type, label, actors, fatalities. Events with no place, or a
place without coordinates, are left out (a map cannot show them); `unplaced` counts them (a foreign member,
which GeoJSON readers ignore)."""
from __future__ import annotations

import json
from typing import IO, Any

from graph.export.acled import acled_type, time_precision


def feature(r: dict[str, Any]) -> dict[str, Any]:
    """One event row (graph.store.event_rows) as a Feature; its place must have coordinates."""
    from graph.store.lookup import cameo_labels

    place = r["place"]
    kind = acled_type(r.get("type"))
    return {"type": "Feature", "id": r["id"],
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": {
                "id": r["id"], "date": (r.get("begin") or "")[:10], "time_precision": time_precision(r),
                "type": r.get("type"), "type_label": cameo_labels().get(r.get("type") or ""),
                "event_type": kind.event_type if kind else None, "label": r.get("label"),
                "agents": "; ".join(a["label"] for a in r.get("agents") or []) or None,
                "targets": "; ".join(a["label"] for a in r.get("targets") or []) or None,
                "place": place.get("label"), "place_id": place.get("id"), "modality": r.get("modality"),
                "fatalities": r.get("fatalities", 0), "sentence": (r.get("sentence") or {}).get("text")}}


def collection(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The rows placed at a point as a FeatureCollection, in time order."""
    placed = [r for r in rows if r.get("place") and r["place"].get("lat") is not None]
    return {"type": "FeatureCollection", "features": [feature(r) for r in placed], "unplaced": len(rows) - len(placed)}


def write_geojson(rows: list[dict[str, Any]], out: IO[bytes]) -> None:
    out.write(json.dumps(collection(rows), ensure_ascii=False).encode("utf-8"))
