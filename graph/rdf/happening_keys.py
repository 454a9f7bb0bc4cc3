"""The happening index: each typed event links to one node per (CAMEO root, actor or place, day it begins).

Linking a new event to the happening it repeats (graph/ingest/happenings.py) needs the earlier events of the
same CAMEO root that share an actor or the place and begin within a few weeks of it. Through the day links of
the time index alone that is every event of those days: ~1,400 a day at 100k articles, most of them unrelated.
With `?e tkg:happeningKey <…/id/hkey/19/5f1c…/2008-03-01>` the lookup is one index probe per (root, key, day)
and reads only the events that have all three, so its cost follows the answer, not the day.

The node's IRI is `{BASE}hkey/{root}/{first 16 hex digits of MD5(key IRI)}/{YYYY-MM-DD}`: the day last and
whole, so date-shifting copies (bench/scale.py) move it with the event's begin; the key hashed, so any IRI
fits. A collision only adds an event the exact check after the lookup drops. The same IRI is computed in
SPARQL by `tkg migrate` (graph/store/migrate.py) for stores written before the index.
"""
from __future__ import annotations

from functools import lru_cache
from hashlib import md5
from typing import Iterable

from graph.ids import BASE, ONTOLOGY

PREDICATE = ONTOLOGY + "happeningKey"
NODE = BASE + "hkey/"
CAMEO = "https://w3id.org/timeline-kg/cameo/"


@lru_cache(maxsize=65536)
def _digest(key: str) -> str:
    return md5(key.encode("utf-8")).hexdigest()[:16]


def node(root: str, key: str, day: str) -> str:
    """The index node of CAMEO root `root` (two digits), actor or place IRI `key`, day `day` (YYYY-MM-DD)."""
    return f"{NODE}{root}/{_digest(key)}/{day}"


def nodes(types: Iterable[str], keys: Iterable[str], begins: Iterable[str]) -> list[str]:
    """The nodes an event links to: its types (IRIs: only CAMEO codes count), keys (the IRIs it has as
    tkg:agent, tkg:target or sem:hasPlace) and begins (xsd:dateTime lexical forms)."""
    roots = sorted({t[len(CAMEO):len(CAMEO) + 2] for t in types if t.startswith(CAMEO)})
    days = sorted({b[:10] for b in begins})
    return [node(r, k, d) for r in roots for k in sorted(set(keys)) for d in days]
