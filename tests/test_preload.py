"""pipeline.preload (called by workers.warm in the fork server) leaves no word table for a worker's first chunk."""
from graph.extract.events import wordnet_lexicon
from graph.extract.pipeline import preload
from graph.extract.places import place_towns


def test_preload_fills_the_lazy_tables():
    wordnet_lexicon._table.cache_clear()
    place_towns._english_words.cache_clear()
    preload()
    assert wordnet_lexicon._table.cache_info().currsize == 1
    assert place_towns._english_words.cache_info().currsize == 1
    assert wordnet_lexicon.verb("attack").lexfile  # the table read is the real one
