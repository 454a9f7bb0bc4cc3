"""`extract(article) -> Extraction`: the seam between text and graph. Pure: no store."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Doc

from graph.extract.actors.actors import find_entities
from graph.extract.events.events import find_events
from graph.extract.facts.facts import find_facts
from graph.extract.model import Extraction, Sentence
from graph.extract.nlp import load_nlp
from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.extract.places.places import find_locations
from graph.extract.text.dateline import credit_spans
from graph.extract.text.doc_text import doc_text
from graph.extract.text.headline_case import reparse_headline
from graph.extract.text.sent_hooks import hook_sentences
from graph.extract.time.timex import find_timexes
from graph.ids import article_iri
from graph.sources.articles import Article


def _from_doc(article: Article, doc: Doc) -> Extraction:
    dct = article.published
    sents = hook_sentences(doc)  # doc.sents and every .sent read this one list (text/sent_hooks.py)
    text = doc_text(doc)  # a slice, not Span.text, which joins the span's tokens again
    sentences = [Sentence(s.start_char, s.end_char, text[s.start_char:s.end_char], i) for i, s in enumerate(sents)]
    timexes = find_timexes(doc, dct)
    # where a reporter filed from ("Additional reporting by Giulia Paravicini in Nairobi") is no place of the story
    credits = credit_spans(doc_text(doc))
    locations = [loc for loc in find_locations(doc, default_gazetteer())
                 if not any(s <= loc.start < e for s, e in credits)]
    entities = find_entities(doc, locations)
    events = find_events(doc, timexes, locations, entities, dct)
    facts = find_facts(doc, timexes, entities, locations, events, dct)
    return Extraction(
        id=article_iri(article.key), published=dct.isoformat(), sentences=sentences,
        timexes=timexes, entities=entities, locations=locations, events=events, facts=facts,
    )


def preload() -> None:
    """Load now the word tables the rules otherwise load on their first article (~0.1 s of CPU, ~30 MB).

    Called where workers are forked from (workers.warm): each worker then starts with them, shared,
    instead of paying for them on its first chunk.
    """
    from graph.extract.actors import actor_states, name_spans
    from graph.extract.events import cameo, wordnet_lexicon
    from graph.extract.places import place_sense, place_towns
    from graph.extract.text import nominals, person_names, verb_forms

    for table in (wordnet_lexicon._table, actor_states._adjectives, name_spans._iso_codes,
                  place_sense._capitals_by_country, place_towns._english_words, verb_forms._forms,
                  verb_forms._same_past, nominals.person_nouns, person_names.given_names, cameo.labels):
        table()


def extract(article: Article) -> Extraction:
    """Extract sentences, time expressions, places, actors and events from one article."""
    nlp = load_nlp()
    return _from_doc(article, reparse_headline(nlp, nlp(article.text)))  # (a title-cased headline: headline_case)


def extract_many(articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, Extraction]]:
    """Batched extraction through `nlp.pipe`; yields in input order."""
    nlp = load_nlp()
    arts = iter(articles)
    pairs = ((a.text, a) for a in arts)
    for doc, art in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield art, _from_doc(art, reparse_headline(nlp, doc))
