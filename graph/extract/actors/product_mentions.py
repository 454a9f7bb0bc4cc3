"""Nominal mentions of a named product: the words a story uses for the model once it has named it.

"The Airbus A380 ... The plane is built with four engines", "its new A380 airliner", "the aircraft flew into
clear skies": a definite singular noun of the product's category (an aircraft noun after an aircraft, a car noun
after a car) refers to the last product named in the preceding sentences, and the noun a product name modifies
("A380 airliner", "777 planes") is that product. "it"/"its" is the product when the nearest subject before it is one ("The
A380 has made its maiden flight"), as actors' pronouns follow the nearest subject (coref.py). These mentions make
the product a participant of the events said of it.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

AIRCRAFT_NOUNS = frozenset("aircraft airliner jet plane aeroplane airplane freighter tanker jumbo superjumbo "
                           "jetliner airbus prototype".split())
CAR_NOUNS = frozenset("car vehicle sedan saloon truck pickup suv hatchback coupe minivan van hybrid".split())
DEFINITE = frozenset("the this that its".split())
PLURAL_DEFINITE = frozenset("the these those its their".split())
OTHER = frozenset("other rival competing older existing smaller larger".split())  # "the other planes": not it
CAR_MAKERS = frozenset("""Ford Chevrolet Chevy Chrysler Dodge Jeep Pontiac Saturn Buick Cadillac Hummer GMC Opel
    Vauxhall Holden Toyota Honda Nissan Mazda Subaru Hyundai Kia Volkswagen VW Audi BMW Mercedes Mercedes-Benz Porsche
    Fiat Renault Peugeot Citroen Volvo Tesla Lincoln Mercury Saab""".split())
WINDOW_SENTS = 6  # a product named further back is no longer what "the plane" means


def _category(span: Span) -> frozenset[str]:
    """The nouns that can stand for the product: a car maker's models are cars, the rest aircraft."""
    return CAR_NOUNS if any(t.text in CAR_MAKERS for t in span) else AIRCRAFT_NOUNS


def _definite_singular(tok: Token) -> bool:
    if tok.tag_ != "NN" and tok.lower_ != "aircraft":
        return False
    dets = [c for c in tok.children if c.dep_ in {"det", "poss"}]
    return bool(dets) and all(d.lower_ in DEFINITE for d in dets) and not any(
        c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" for c in tok.children)  # "the Lufthansa plane"


def _definite_plural(tok: Token) -> bool:
    """"the planes", "these aeroplanes", "the aircrafts'": units of the model, when the article names only one."""
    if tok.tag_ != "NNS":
        return False
    dets = [c for c in tok.children if c.dep_ in {"det", "poss"}]
    return bool(dets) and all(d.lower_ in PLURAL_DEFINITE for d in dets) and not any(
        c.dep_ in {"compound", "nmod", "amod", "nummod"} and (c.pos_ == "PROPN" or c.like_num or c.lower_ in OTHER)
        for c in tok.children)


def product_nominals(doc: Doc, spans: list[Span], family: Optional[Callable[[Span], str]] = None
                     ) -> list[tuple[int, Span]]:
    """(token index, product span it refers to) for the nouns that stand for a named product; `family`: the
    model a span names (spans of one model count once)."""
    if not spans:
        return []
    covered = {i for sp in spans for i in range(sp.start, sp.end)}
    sent_no = {s.start: n for n, s in enumerate(doc.sents)}
    out: list[tuple[int, Span]] = []
    for sp in spans:  # "its new A380 airliner": the noun the name modifies
        head = sp.root.head
        if head.i not in covered and head.i >= sp.end and head.lemma_.lower() in _category(sp) and \
                sp.root.dep_ in {"compound", "nmod", "amod", "nummod"}:  # the parser takes "777 planes" for a count
            out.append((head.i, sp))
            covered.add(head.i)
    ordered = sorted(spans, key=lambda s: s.start)
    family = family or (lambda sp: sp.text)
    for tok in doc:
        if tok.i in covered or tok.pos_ != "NOUN":
            continue
        plural = _definite_plural(tok)
        if not (plural or _definite_singular(tok)):
            continue
        before = [sp for sp in ordered if sp.end <= tok.i and tok.lemma_.lower() in _category(sp)]
        if not before:
            continue
        # one model of the category named so far: "the airliner", "the planes" are it however far back it was
        only_one = len({family(sp) for sp in before}) == 1
        last = before[-1]
        if only_one or not plural and sent_no[tok.sent.start] - sent_no[last.sent.start] <= WINDOW_SENTS:
            out.append((tok.i, last))
    return sorted(out + _pronouns(doc, spans, out), key=lambda p: p[0])


def _pronouns(doc: Doc, spans: list[Span], nominals: list[tuple[int, Span]]) -> list[tuple[int, Span]]:
    """"it"/"its" whose nearest subject before it (this sentence or the one before) is a product mention."""
    product_at = {i: sp for sp in spans for i in range(sp.start, sp.end)} | dict(nominals)
    out = []
    for tok in doc:
        if tok.lower_ not in {"it", "its"}:
            continue
        first = tok.sent.start if tok.sent.start == 0 else doc[tok.sent.start - 1].sent.start
        subj = next((t for t in reversed(doc[first:tok.i]) if t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ != "NNS"
                     and t.lower_ not in {"it", "its"}), None)
        if subj is None:
            continue
        hit = product_at.get(subj.i) or next((product_at[c.i] for c in subj.children
                                               if c.dep_ == "appos" and c.i in product_at), None)
        if hit is not None:
            out.append((tok.i, hit))
    return out
