"""The model's rule lemmatizer, remembered per (form, POS, morphology) and set in one array.

spaCy's Lemmatizer walks the Doc token by token, builds a MorphAnalysis for each to form its
cache key, and sets `token.lemma_` one string at a time: 2 ms of a ~40 ms article. A rule
lemma is a pure function of the token's form, POS and morphology (every path of
`Lemmatizer.rule_lemmatize` and `EnglishLemmatizer.is_base_form` reads only those), so this
component asks the original lemmatizer once per distinct triple, remembers the lemma's hash,
and writes all lemmas with one `Doc.from_array`. The lemmas are the stock ones
(tests/test_spacy_lookups.py compares every token with the stock pipeline).
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc


class LemmaMemo:
    """Drop-in for a rule-mode Lemmatizer, callable on a Doc."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        lem, memo, strings = self.lemmatizer, self.memo, doc.vocab.strings
        if not lem._validated:
            lem._validate_tables(Errors.E1004)
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3:4].copy()
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma == 0 or lem.overwrite:  # the attribute ruler may have set it already
                key = (orth, pos, morph)
                value = memo.get(key)
                if value is None:
                    value = memo[key] = strings.add(lem.lemmatize(doc[i])[0])
                lemmas[i, 0] = value
        doc.from_array([LEMMA], lemmas)
        return doc


def memo_for(lemmatizer: object) -> LemmaMemo | None:
    """The memo for a rule lemmatizer; None for any other (lookup mode, a custom class)."""
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        return LemmaMemo(lemmatizer)
    return None
