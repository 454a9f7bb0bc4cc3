"""Free text (`q=` of /timeline and /places): the SPARQL pattern keeping the events whose labels hold it."""
from __future__ import annotations

from typing import Optional

import pyoxigraph as ox

from graph.store import time_index
from graph.store.embedded import Store
from graph.store.per_revision import PerRevision
from graph.store.sparql_text import PREFIXES, QueryError, _quote, normal_name

TEXT_MAX = 200  # characters

# Free text (`q=`): the words as typed, in the event's label or trigger word or in a label of one of its
# actors or of its place, case ignored. Oxigraph has no text index: the actors and places whose labels hold
# the text are found first (a few thousand labels), then events are kept by their own label or trigger or
# by those nodes. A FILTER EXISTS over the labels of each event's actors took 50-66 s for a month's page on
# 1.3M quads (bench/page.py's store), this 0.15-0.25 s.
TEXT_NODES = PREFIXES + """
SELECT DISTINCT ?n WHERE { VALUES ?c { sem:Actor sem:Place } ?n a ?c ; rdfs:label ?l . FILTER (%s) } LIMIT 2000
"""


# the events a free text keeps (text_filter), per store revision: a few texts are asked at once, by
# the timeline's and the map's requests of one page
text_matches = PerRevision("_text_matches", max_entries=32)


def _contains(var: str, words: str) -> str:
    label = f"LCASE(STR({var}))"
    if "'" in words:  # a regex per label only when the apostrophes matter
        label = f"REPLACE({label}, \"[\u2018\u2019\u02BC]\", \"'\")"
    return f"CONTAINS({label}, {_quote(words)})"


def text_filter(store: Store, text: str, windowed: bool = False) -> str:
    """The pattern keeping events `?e` whose label or trigger, or an actor's or their place's label, holds
    `text` (spaces collapsed, case and typographic apostrophes ignored); QueryError if it is too long.
    `windowed`: the events come from a window's days, each checked (FILTER IN); else the matching events,
    found once per store revision and text (text_matches), are given as VALUES."""
    words = normal_name(text)
    if len(words) > TEXT_MAX:
        raise QueryError("q", f"free text longer than {TEXT_MAX} characters")
    if windowed:
        return " UNION ".join(_text_branches(store, words, windowed))
    # the page asks the timeline and the map (`places?q=`) for one text at once: each scanned every event's
    # label (0.1-0.2 s on 1.3M quads). Joined in the page query, the sub-select cost as much again.
    events, branches = text_matches.get(store, words, lambda: _text_events(store, words))
    if events is None:  # too many to list: a sub-select, which Oxigraph evaluates once (joined in the page
        # query, it checked every event's class and happening first: 12 s for a text matching nothing)
        return f"{{ SELECT DISTINCT ?e WHERE {{ {' UNION '.join(branches)} }} }}"
    return f"VALUES ?e {{ {' '.join(f'<{e}>' for e in events)} }}"


def text_count(store: Store, text: str) -> int:
    """How many events the text keeps (from the kept match: TEXT_LISTED + 1 when there are more than that)."""
    words = normal_name(text)
    events, _ = text_matches.get(store, words, lambda: _text_events(store, words))
    return TEXT_LISTED + 1 if events is None else len(events)


TEXT_LISTED = 5000  # more matching events than this are left to a sub-select (a query text of ~0.5 MB)


def _text_events(store: Store, words: str) -> tuple[Optional[list[str]], list[str]]:
    """The events the text keeps, sorted (None if there are more than TEXT_LISTED), and the UNION's branches."""
    branches = _text_branches(store, words, False)
    # each branch a query of its own: the UNION of them in one query took a third more (0.20 against 0.15 s
    # for `american` on 1.3M quads)
    found: set[str] = set()
    for branch in branches:
        query = f"{PREFIXES} SELECT DISTINCT ?e WHERE {{ {branch} }} LIMIT {TEXT_LISTED + 1}"
        found.update(r["e"].value for r in store.ox_query(query) if isinstance(r["e"], ox.NamedNode))
        if len(found) > TEXT_LISTED:
            return None, branches
    return sorted(found), branches


def _text_branches(store: Store, words: str, windowed: bool) -> list[str]:
    """The UNION's branches: the event's own label and trigger, then its actors' and places' (the nodes whose
    labels hold the text, found first: Oxigraph has no text index)."""
    nodes = [f"<{r['n'].value}>" for r in store.ox_query(TEXT_NODES % _contains("?l", words))
             if isinstance(r["n"], ox.NamedNode)]
    branches = [f"{{ ?e rdfs:label ?_tx . FILTER ({_contains('?_tx', words)}) }}",
                f"{{ ?e tkg:trigger ?_tx . FILTER ({_contains('?_tx', words)}) }}"]
    if nodes:
        actor = "sem:hasActor" if time_index.state(store).indexed else "sem:hasActor|tkg:agent|tkg:target"
        for prop in (actor, "sem:hasPlace"):
            if windowed:
                branches.append(f"{{ ?e {prop} ?_tn . FILTER (?_tn IN ({', '.join(nodes)})) }}")
            else:
                branches.append(f"{{ VALUES ?_tn {{ {' '.join(nodes)} }} ?e {prop} ?_tn }}")
    return branches
