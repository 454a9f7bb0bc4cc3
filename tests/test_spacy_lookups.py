"""Our stand-ins for the model's attribute_ruler and lemmatizer give the stock annotations.

graph.extract.nlp swaps them in for speed (attribute_lookup.py, lemma_memo.py); here the
stock pipeline (same model, same added components, the stock ruler and lemmatizer) and ours
annotate the same texts, and every token must come out the same.
"""
from __future__ import annotations

import json

import pytest
import spacy
from conftest import SEED, SHARED
from spacy.pipeline import AttributeRuler

from graph.extract.nlp import load_nlp
from graph.extract.text.attribute_lookup import compile_lookup
from graph.extract.text.components import MODEL
from graph.extract.text.lemma_memo import memo_for

# the ruler's rarer patterns: multi-token lemmas, DEP-conditioned morphology, whitespace tokens
ODD = ("We're gonna go, y'all. It ain't nothin' but   a test.\n\nThere is a dog and there were two. "
       "Let's see. I saw you and you saw it; it saw me. Do it! C'm on, I gotta run. That is what he did, "
       "but he gets it and got it. Whether or not they have, he does. Those were hers.\t\n")


def stock_pipeline() -> spacy.Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("tkg_paragraph_breaks", before="parser")
    nlp.add_pipe("tkg_place_ruler", name="tkg_places", before="ner")
    return nlp


def texts() -> list[str]:
    rows = [json.loads(line) for line in (SHARED / "eval" / "meantime-dev.jsonl").read_text().splitlines() if line]
    return [r["text"] for r in rows] + [SEED.read_text(encoding="utf-8"), ODD]


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
            for t in doc]


def test_the_stand_ins_are_in_the_pipeline():
    names = load_nlp().pipe_names
    assert "attribute_lookup" in names and "attribute_ruler" not in names
    assert "lemma_memo" in names and "lemmatizer" not in names


def test_every_token_is_annotated_as_the_stock_pipeline_does():
    ours, stock = load_nlp(), stock_pipeline()
    docs = texts()
    differing = [i for i, (a, b) in enumerate(zip(ours.pipe(docs), stock.pipe(docs))) if annotations(a) != annotations(b)]
    assert differing == []
    odd = ours(ODD)  # the odd text does exercise the rarer rules
    assert [t.lemma_ for t in odd if t.lower_ in ("gon", "na", "ai", "'s")][:3] == ["go", "to", "be"]
    assert any(t.pos_ == "SPACE" for t in odd)


def test_the_matches_are_the_stock_rulers_own():
    stock = stock_pipeline()
    ruler = stock.get_pipe("attribute_ruler")
    lookup = compile_lookup(ruler)
    assert lookup is not None
    for doc in stock.pipe(texts(), disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert lookup.match(doc) == ruler.match(doc)


def test_a_pattern_it_cannot_index_keeps_the_stock_ruler():
    ruler = AttributeRuler(spacy.blank("en").vocab)
    ruler.add([[{"LENGTH": {">": 3}}]], {"POS": "NOUN"})
    assert compile_lookup(ruler) is None


@pytest.mark.parametrize("mode", ["lookup"])
def test_only_a_rule_lemmatizer_is_memoized(mode):
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": mode})
    assert memo_for(lemmatizer) is None
