"""Near-duplicate candidates read month by month through the time index (graph/ingest/dedupe_window.py),
not the whole store at the start of every ingest."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pyoxigraph as ox

from graph.ids import BASE, DAY, ONTOLOGY
from graph.ingest.dedupe import StoryIndex, encode, signature
from graph.ingest.dedupe_window import WindowedLoader, loader, months_around
from graph.store.embedded import Store

XSD_B64 = "http://www.w3.org/2001/XMLSchema#base64Binary"


def story(i: int) -> str:
    return (f"Story number {i}: the council of district {i} met on a rainy morning and voted {i % 7} "
            f"times on the budget for roads, schools and the harbour, then adjourned until spring {i}.")


def graph_of(i: int, day: date, text: str, copy_of: int | None = None) -> tuple[str, str, str]:
    a = f"{BASE}article/w{i}"
    nt = (f"<{a}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle> .\n"
          f'<{a}> <{ONTOLOGY}minhash> "{encode(signature(text))}"^^<{XSD_B64}> .\n'
          f"<{a}> <{ONTOLOGY}issuedDay> <{DAY}{day}> .\n")
    if copy_of is not None:
        nt += f"<{a}> <{ONTOLOGY}sameStoryAs> <{BASE}article/w{copy_of}> .\n"
    return a, nt, ""


def day_of(i: int) -> date:
    return date(2007, 1, 1) + timedelta(days=5 * i)  # 2007-01-01 .. 2009-09: about six a month


def test_months_around():
    assert months_around(date(2008, 1, 15)) == [(2007, 11), (2008, 0), (2008, 1)]  # (year, month - 1)


def test_only_the_months_around_an_article_are_read(tmp_path):
    store = Store(tmp_path / "d")
    store.put_articles([graph_of(i, day_of(i), story(i)) for i in range(200)])
    store.put_articles([graph_of(1000, day_of(90), story(90) + " Reuters.", copy_of=90)])  # a copy, linked
    index = StoryIndex()
    window = loader(store, index)
    assert isinstance(window, WindowedLoader) and len(index) == 0  # nothing read up front

    new = signature(story(90) + " More at our website.")  # a copy of w90 (2008-03-27), ingested 2008-04-02
    window.ensure(datetime(2008, 4, 2, tzinfo=timezone.utc))
    in_window = [i for i in range(200) if date(2008, 3, 1) <= day_of(i) <= date(2008, 5, 31)]
    assert window.articles == len(in_window) + 1 == len(index)
    assert index.match("fresh", new) == "w90"
    old = signature(story(10) + " More at our website.")  # w10 appeared 2007-02-20: outside the window
    assert index.match("late-copy", old) is None
    window.ensure(datetime(2008, 4, 20, tzinfo=timezone.utc))  # same months: nothing read again
    assert window.articles == len(in_window) + 1
    window.ensure(datetime(2007, 2, 25, tzinfo=timezone.utc))
    assert index.match("late-copy", old) == "w10"
    store.close()


def test_a_copy_of_a_copy_points_at_the_canonical_article(tmp_path):
    store = Store(tmp_path / "d")
    store.put_articles([graph_of(1, date(2008, 6, 1), story(1)), graph_of(2, date(2008, 6, 2), story(1) + " AFP.", 1)])
    index = StoryIndex()
    loader(store, index).ensure(datetime(2008, 6, 3, tzinfo=timezone.utc))
    assert index.match("w3", signature(story(1) + " AFP.")) == "w1"
    assert index.match("w2", signature(story(1) + " AFP.")) == "w1"  # re-ingest keeps its role
    store.close()


def test_a_store_without_the_time_index_is_loaded_whole(tmp_path):
    raw = ox.Store(str(tmp_path / "old"))
    raw.bulk_load("".join(graph_of(i, day_of(i), story(i))[1].replace(" .\n", f" <{BASE}article/w{i}> .\n")
                          for i in range(30)).encode(), format=ox.RdfFormat.N_QUADS)
    del raw
    store = Store(tmp_path / "old")
    index = StoryIndex()
    assert loader(store, index) is None and len(index) == 30
    store.close()
