"""Wire copies: near-duplicates are linked by tkg:sameStoryAs to the first copy, their events stored once."""
from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
from conftest import run_tkg

from graph.ids import article_iri
from graph.ingest.dedupe import StoryIndex, decode, encode, jaccard, signature

STORY = ("Mali's army entered the northern town of Kidal on Tuesday after Tuareg rebels withdrew overnight, "
         "the military said. Soldiers raised the national flag over the town's fort. The United Nations "
         "mission left its camp in Kidal on October 31 and handed it to the army. Rebel leaders said they "
         "had pulled back to spare civilians and vowed to keep fighting from the hills. Residents reported "
         "drone strikes on the road to Anefis on Monday.")
COPY = ("BAMAKO (AFP) - " + STORY + " Read more on our site. Copyright 2023 Sahel Daily.")
OTHER = ("Burkina Faso's government suspended two French broadcasters on Thursday over their coverage of an "
         "attack in the north of the country, the information minister said. The radio stations were told "
         "to stop broadcasting immediately. Media groups condemned the decision and called it censorship.")

COUNT_EVENTS = "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }"


def record(url: str, title: str, text: str) -> str:
    return json.dumps({"url": url, "title": title, "published": "2023-11-14T18:00:00Z", "text": text})


def events_in(store: ox.Store, iri: str) -> int:
    q = f"PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> SELECT (COUNT(?e) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?e a sem:Event }} }}"
    return int(next(iter(store.query(q)))["n"].value)


def same_story(store: ox.Store) -> set[tuple[str, str]]:
    q = ("PREFIX tkg: <https://w3id.org/timeline-kg/ontology#> "
         "SELECT ?a ?b WHERE { GRAPH ?g { ?a tkg:sameStoryAs ?b } }")
    return {(r["a"].value, r["b"].value) for r in store.query(q)}


def test_signatures_tell_copies_from_other_stories():
    a, b, c = signature(STORY), signature(COPY), signature(OTHER)
    assert jaccard(a, b) >= 0.8 > 0.1 > jaccard(a, c)
    assert jaccard(decode(encode(a)), a) == 1.0
    index = StoryIndex(0.8)
    index.add("a", a, "a")
    assert index.match("b", b) == "a" and index.match("c", c) is None
    index.add("b", b, "a")
    assert index.match("a", a) is None  # the canonical article stays canonical when ingested again
    assert index.match("b", b) == "a"  # and a copy stays a copy of it
    index.forget("a")
    assert index.match("c2", b) is None  # a copy of nothing once its canonical article is gone


def test_wire_copies_linked_events_counted_once_across_runs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "1-afp.jsonl").write_text(record("https://afp.example.org/kidal", "Mali army enters Kidal", STORY) + "\n"
                                     + record("https://other.example.org/burkina", "Burkina suspends radios", OTHER) + "\n")
    (src / "2-copy.json").write_text(record("https://sahel-daily.example.org/2023/11/14/kidal",
                                            "Army takes Kidal - Sahel Daily", COPY))
    data = tmp_path / "d"
    proc = run_tkg("ingest", str(src), "--data", str(data), check=True)
    line = proc.stdout.strip().splitlines()[-1]
    assert line.startswith("3 articles, 1 near-duplicate linked,"), line

    store = ox.Store(str(data))
    original = article_iri(_key("https://afp.example.org/kidal"))
    copy = article_iri(_key("https://sahel-daily.example.org/2023/11/14/kidal"))
    assert same_story(store) == {(copy, original)}
    assert events_in(store, original) > 0 and events_in(store, copy) == 0
    total = int(next(iter(store.query(COUNT_EVENTS, use_default_graph_as_union=True)))["n"].value)
    quads = len(store)
    del store

    # a later run: the same copy again (idempotent), and a third copy seen for the first time
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(src / "2-copy.json", again / "2-copy.json")
    (again / "3-copy.json").write_text(record("https://third.example.org/kidal", "Kidal falls",
                                              "(AFP) " + STORY + " Follow us for more news."))
    proc = run_tkg("ingest", str(again), "--data", str(data), check=True)
    assert proc.stdout.strip().splitlines()[-1].startswith("2 articles, 2 near-duplicates linked,")
    store = ox.Store(str(data))
    third = article_iri(_key("https://third.example.org/kidal"))
    assert same_story(store) == {(copy, original), (third, original)}
    assert int(next(iter(store.query(COUNT_EVENTS, use_default_graph_as_union=True)))["n"].value) == total
    assert len(store) > quads  # the third copy's own description, nothing else
    # --no-dedupe: a copy becomes an article of its own, with its events
    del store
    proc = run_tkg("ingest", str(again / "3-copy.json"), "--data", str(data), "--no-dedupe", check=True)
    store = ox.Store(str(data))
    assert events_in(store, third) > 0 and (third, original) not in same_story(store)


def _key(url: str) -> str:
    from datetime import datetime, timezone

    from graph.sources.articles import Article

    return Article(title="", published=datetime.now(timezone.utc), text="x", url=url).key
