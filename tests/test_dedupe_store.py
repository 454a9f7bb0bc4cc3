"""Near-duplicate candidates looked up in the store by band key (graph/ingest/dedupe_store.py), not
read from the whole store at the start of every ingest."""
from __future__ import annotations

from datetime import date, timedelta

import pyoxigraph as ox

from graph.ids import BASE, DAY, ONTOLOGY
from graph.ingest.dedupe import StoryIndex, encode, signature
from graph.ingest.dedupe_store import StoreLookup, lookup
from graph.rdf.lsh import BANDS, band_keys
from graph.store.embedded import Store
from graph.store.migrate import migrate

XSD_B64 = "http://www.w3.org/2001/XMLSchema#base64Binary"


WORDS = ("council army river harbour budget ferry storm minister rebels talks border court vote strike "
         "market drought school bridge election police mayor hospital port rain road fire union treaty").split()


def story(i: int) -> str:
    """Sixty words drawn for story i: unrelated stories share next to no 5-word shingle."""
    import random

    rng = random.Random(i)
    return " ".join(rng.choice(WORDS) for _ in range(60)) + "."


def graph_of(i: int, day: date, text: str, copy_of: int | None = None, bands: bool = True) -> tuple[str, str, str]:
    """An article graph as graph.rdf writes one for ingest (signature, its band keys, its day)."""
    a, sig = f"{BASE}article/w{i}", encode(signature(text))
    nt = (f"<{a}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle> .\n"
          f'<{a}> <{ONTOLOGY}minhash> "{sig}"^^<{XSD_B64}> .\n'
          f"<{a}> <{ONTOLOGY}issuedDay> <{DAY}{day}> .\n")
    nt += "".join(f'<{a}> <{ONTOLOGY}lshBand> "{k}" .\n' for k in band_keys(sig)) if bands else ""
    if copy_of is not None:
        nt += f"<{a}> <{ONTOLOGY}sameStoryAs> <{BASE}article/w{copy_of}> .\n"
    return a, nt, ""


def day_of(i: int) -> date:
    return date(2004, 1, 1) + timedelta(days=11 * i)


def test_the_writer_states_the_band_keys_of_the_signature():
    from datetime import datetime, timezone

    from graph.extract.model import Extraction
    from graph.rdf.triples import article_triples
    from graph.sources.articles import Article

    text = story(3)
    a = Article(title="t", published=datetime(2008, 3, 1, tzinfo=timezone.utc), text=text, url="https://x.example/3")
    sig = encode(signature(text))
    triples = article_triples(a, Extraction(id="x", published="2008-03-01"), signature=sig)
    keys = sorted(o.lex for _, p, o in triples if p == ONTOLOGY + "lshBand")
    assert keys == sorted(band_keys(sig)) and len(keys) == BANDS == len(set(keys))


def test_copies_are_found_by_lookup_at_any_date_reading_only_candidates(tmp_path):
    store = Store(tmp_path / "d")
    store.put_articles([graph_of(i, day_of(i), story(i)) for i in range(300)])  # 2004-2013
    index = StoryIndex()
    found = lookup(store, index)
    assert isinstance(found, StoreLookup) and len(index) == 0  # nothing read up front

    copy = signature(story(250) + " More at our website.")  # w250 appeared in 2011; the copy years later
    candidates = found.candidates(encode(copy))
    assert "w250" in candidates and found.read <= 3  # the story itself (and at most a chance collision)
    assert index.match("late-copy", copy, candidates) == "w250"
    fresh = signature("A wholly different story about a ferry, a storm and a late train home at night.")
    assert found.candidates(encode(fresh)) == [] and index.match("fresh", fresh) is None
    store.close()


def test_a_copy_of_a_copy_points_at_the_canonical_article(tmp_path):
    store = Store(tmp_path / "d")
    base = story(1)
    store.put_articles([graph_of(1, date(2008, 6, 1), base),
                        graph_of(2, date(2008, 6, 2), base + " Reported by AFP with more from Reuters.", 1)])
    index = StoryIndex()
    found = lookup(store, index)
    new = signature(base + " Reported by AFP with more from Reuters. Also on radio.")
    cands = found.candidates(encode(new))
    assert "w1" in index.sigs  # the canonical of a candidate copy is read too
    assert index.match("w3", new, cands) == "w1"
    assert index.match("w2", signature(base + " Reported by AFP with more from Reuters."), cands) == "w1"  # kept
    store.close()


def test_a_store_before_the_index_is_loaded_whole_then_migrated_to_lookups(tmp_path):
    raw = ox.Store(str(tmp_path / "old"))
    raw.bulk_load("".join(graph_of(i, day_of(i), story(i), bands=False)[1].replace(" .\n", f" <{BASE}article/w{i}> .\n")
                          for i in range(30)).encode(), format=ox.RdfFormat.N_QUADS)
    del raw
    store = Store(tmp_path / "old")
    index = StoryIndex()
    assert lookup(store, index) is None and len(index) == 30
    report = migrate(store)
    assert report.graphs == 30
    written = {str(q) for q in store.ox.quads_for_pattern(None, ox.NamedNode(ONTOLOGY + "lshBand"), None, None)}
    expected = {f'<{BASE}article/w{i}> <{ONTOLOGY}lshBand> "{k}" <{BASE}article/w{i}>'
                for i in range(30) for k in band_keys(encode(signature(story(i))))}
    assert written == expected
    found = lookup(store, StoryIndex())
    assert isinstance(found, StoreLookup) and "w7" in found.candidates(encode(signature(story(7) + " AFP")))
    store.close()
