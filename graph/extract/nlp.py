"""The spaCy pipeline: the English small model plus our components, loaded once per process.

The text side's components (text/components.py) break sentences at paragraphs and datelines; the
gazetteer's place ruler (places/place_ruler.py) runs before `ner` so the small model stops calling
Kidal a NORP or Bamako an ORG. Assembled here, above both, so neither imports the other.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from graph.extract.places import place_ruler  # noqa: F401  registers the tkg_place_ruler factory
from graph.extract.text.components import MODEL, swap


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL)
    swap(nlp, "attribute_ruler", "tkg_attribute_lookup", "attribute_lookup")
    swap(nlp, "lemmatizer", "tkg_lemma_memo", "lemma_memo")
    nlp.add_pipe("tkg_paragraph_breaks", before="parser")
    nlp.add_pipe("tkg_place_ruler", name="tkg_places", before="ner")
    return nlp
