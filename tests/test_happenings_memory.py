"""Happening linking from memory (graph/ingest/linker.py) gives what the store queries give.

The ingesting process reads each chunk's events from the N-Triples it wrote and keeps the run's events and links
in memory, so on a new store it asks the store nothing. Checked here: the reader describes events as
happenings.describe does from a real store (canonical record times, repeated lines, look-alike predicates), and
one ingest of a story of our own links the same events, with the same scores and evidence, whether linking runs
from memory, asks the store through the happening index, or reads every event of the candidate days.
"""
from __future__ import annotations

import json

import pytest

from graph.ids import HAPPENINGS_GRAPH

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
TKG = "https://w3id.org/timeline-kg/ontology#"
DT = "http://www.w3.org/2001/XMLSchema#dateTime"
B = "https://w3id.org/timeline-kg/id/"


def _nt(article: str) -> str:
    e1, e2, e3, e4 = (f"{B}event/{article}/{i}" for i in range(4))
    return "\n".join([
        f"<{e1}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SEM}Event> .",
        f"<{e1}> <{SEM}eventType> <https://w3id.org/timeline-kg/cameo/190> .",
        f'<{e1}> <{SEM}hasEarliestBeginTimeStamp> "2024-05-14T00:00:00.000"^^<{DT}> .',
        f'<{e1}> <{SEM}hasLatestEndTimeStamp> "2024-05-14T23:59:59"^^<{DT}> .',
        f'<{e1}> <http://www.w3.org/ns/prov#generatedAtTime> "2026-12-07T04:05:51.123400Z"^^<{DT}> .',
        f'<{e1}> <http://www.w3.org/ns/prov#generatedAtTime> "2026-12-07T04:05:51.123400Z"^^<{DT}> .',  # again
        f"<{e1}> <{TKG}agent> <{B}actor/al-shabaab> .",
        f"<{e1}> <{TKG}target> <{B}actor/african-union> .",
        f"<{e1}> <https://example.org/other#agent> <{B}actor/someone-else> .",  # same local name, other vocabulary
        f"<{e1}> <{SEM}hasPlace> <{B}place/64435> .",
        f'<{e1}> <{TKG}text> "a literal that says <x> <{SEM}eventType> <y> ." .',
        f"<{e2}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SEM}Event> .",  # no type of its own: no Ev
        f'<{e2}> <{SEM}hasEarliestBeginTimeStamp> "2024-05-14T00:00:00"^^<{DT}> .',
        f"<{e3}> <{SEM}eventType> <https://w3id.org/timeline-kg/cameo/042> .",  # typed, not `a sem:Event`
        f'<{e3}> <{SEM}hasEarliestBeginTimeStamp> "2024-05-10T00:00:00+00:00"^^<{DT}> .',
        f'<{e3}> <{TKG}timeSource> "article" .',
        f'<{e3}> <{TKG}timeSource> "art\\u0069cle" .',  # the same literal, escaped: one value
        f"<{e4}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SEM}Event> .",
        f"<{e4}> <{SEM}eventType> <https://w3id.org/timeline-kg/cameo/193> .",
        f"<{e4}> <{SEM}eventType> <https://w3id.org/timeline-kg/cameo/190> .",
        f'<{e4}> <{SEM}hasEarliestBeginTimeStamp> "2024-05-01T00:00:00"^^<{DT}> .',
        f'<{e4}> <{SEM}hasEarliestBeginTimeStamp> "2024-05-03T00:00:00"^^<{DT}> .',
        f'<{e4}> <{TKG}timeSource> "article" .',
        f'<{e4}> <{TKG}timeSource> "text" .',
        f'<{e4}> <{TKG}timeSource> "text"@en .',  # another literal
    ]) + "\n"


def test_events_read_from_ntriples_are_described_as_the_store_describes_them(tmp_path):
    from graph.ingest.happenings import describe
    from graph.ingest.linker import read_events
    from graph.store.embedded import Store

    graphs = {f"{B}article/a": _nt("a"), f"{B}article/b": _nt("b")}
    store = Store(tmp_path / "s")
    try:
        store.put_articles([(g, nt, "") for g, nt in graphs.items()])
        read = read_events(graphs)
        for g in graphs:
            events = sorted(read[g])
            assert describe(store, events) == {e: w.ev for e, w in read[g].items()}
            typed = {r["e"].value for r in store.ox_query(  # what the chunk's new events were, asked of the store
                f"SELECT ?e WHERE {{ GRAPH <{g}> {{ ?e a <{SEM}Event> ; <{SEM}eventType> ?t }} }}")}
            assert {e for e, w in read[g].items() if w.typed} == typed and len(typed) == 2
        ev = read[f"{B}article/a"][f"{B}event/a/0"]
        assert ev.ev.recorded == "2026-12-07T04:05:51.1234Z"  # as the store writes it
        assert ev.begins == {"2024-05-14T00:00:00"}
        assert ev.keys == {f"{B}actor/al-shabaab", f"{B}actor/african-union", f"{B}place/64435"}  # as CANDIDATES asks
        assert ev.ev.agents == {f"{B}actor/al-shabaab", f"{B}actor/someone-else"}  # describe keeps local names
        assert read[f"{B}article/a"][f"{B}event/a/3"].begins == {"2024-05-01T00:00:00", "2024-05-03T00:00:00"}
        assert read[f"{B}article/a"][f"{B}event/a/2"].ev.dated_by_article
    finally:
        store.close()


STORY = [  # (outlet, published, text): written for this test; two happenings reported by several outlets
    ("coastwire", "2024-05-15T09:00:00Z", "Al-Shabaab attacked an African Union base in Baidoa on Tuesday, "
                                          "security officials said."),
    ("hornpost", "2024-05-15T17:00:00Z", "Al-Shabaab fighters stormed an African Union base in Baidoa on Tuesday, "
                                         "the army said in a statement."),
    ("gulfdaily", "2024-05-16T07:30:00Z", "On Tuesday, Al-Shabaab attacked African Union troops in Baidoa, "
                                          "residents told reporters."),
    ("coastwire", "2024-06-05T08:00:00Z", "Al-Shabaab attacked a police station in Kismayo on Monday, "
                                          "officials said."),
    ("hornpost", "2024-06-05T12:00:00Z", "Al-Shabaab militants attacked a police station in Kismayo on Monday, "
                                         "witnesses said."),
    ("gulfdaily", "2024-06-26T10:00:00Z", "Al-Shabaab attacked a police station in Kismayo on Wednesday, "
                                          "officials said."),
]


def _links(store) -> set[tuple[str, str, str]]:
    q = f"""SELECT ?m ?r ?s ?ev WHERE {{ GRAPH <{HAPPENINGS_GRAPH}> {{
        ?l <{TKG}mention> ?m ; <{TKG}representative> ?r ; <{TKG}score> ?s ; <{TKG}evidence> ?ev }} }}"""
    return {(r["m"].value, r["r"].value, f'{r["s"].value} {r["ev"].value}') for r in store.ox_query(q)}


@pytest.fixture(scope="module")
def story_files(tmp_path_factory):
    root = tmp_path_factory.mktemp("memory-story")
    files = []
    for i, (outlet, published, text) in enumerate(STORY):
        path = root / f"s{i}.json"
        path.write_text(json.dumps({"url": f"https://{outlet}.example/{i}", "source": outlet,
                                    "published": published, "title": text.split(",")[0], "text": text}))
        files.append(path)
    return files + files  # every article twice: written again in the same run, its events linked already


@pytest.mark.parametrize("chunk", [2, 7])
def test_memory_links_the_same_events_as_the_store_queries(story_files, tmp_path, monkeypatch, chunk):
    import graph.ingest.linker as linker
    from graph.ingest.run import ingest
    from graph.store import happening_index
    from graph.store.embedded import Store

    found = {}
    for how in ("memory", "store", "scan"):
        if how == "store":
            monkeypatch.setattr(linker, "MAX_EVENTS", 0)  # memory over its cap: candidates, links from the store
        if how == "scan":  # a store without the happening index: candidates by the days' events, as before it
            monkeypatch.setattr(happening_index, "indexed", lambda store: False)
        store = Store(tmp_path / how)
        try:
            summary = ingest(store, story_files, batch_size=chunk, jobs=1)
            assert summary.articles == len(story_files) and not summary.warnings, summary.line()
            count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{HAPPENINGS_GRAPH}> {{ ?s ?p ?o }} }}"
            found[how] = _links(store), summary.merged, next(iter(store.ox_query(count)))["n"].value
        finally:
            store.close()
    assert found["memory"] == found["store"] == found["scan"]
    assert len(found["memory"][0]) >= 2, found  # reports linked across outlets (one link in each happening, now)
    assert found["memory"][1] == len(found["memory"][0])  # none linked twice (nor stamped twice) on the rewrite
