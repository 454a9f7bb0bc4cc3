"""A person or an organisation? The NER's label corrected by the name's structure and what the sentence says of it.

- a name the NER called an organisation or a place is a person's when it looks like one (a given name first, see
  text/person_names.py) and the sentence or the article says so: a title or a role before it ("Chief Executive
  Olli-Pekka Kallasvuo"), an apposition that is a person ("X, the company's founder", "X, 51,"), "who", a
  company that owns it ("Nokia's Olli-Pekka Kallasvuo"), or the article naming its surname as a person;
- a name the NER called a person is an organisation's when no given name opens it and the text treats it as a
  company: a word of a company's name ("Berkshire Hathaway Inc"), a description before it ("magazine Der Spiegel",
  "the bank Lazard"), a company's people or shares ("analyst at Piper Jaffray", "Hathaway's shares"), a person's
  ("Warren Buffett's Berkshire Hathaway").
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from graph.extract.actors.actors_lexicon import TITLES
from graph.extract.actors.coref_nominals import nominal_category
from graph.extract.places.places_lexicon import COMPANY_PEOPLE, COMPANY_POSSESSIONS, PERSON_TITLES
from graph.extract.text.person_names import (
    COMPANY_WORDS,
    NOT_PERSON_WORDS,
    TITLE_WORDS,
    aged_name,
    bare_surname,
    given_names,
    looks_like_person,
    name_words,
    surname,
)

ORG_DESCRIPTIONS = frozenset("""magazine newspaper daily weekly broadcaster publisher firm company bank lender
    insurer automaker carmaker airline carrier retailer brokerage bookseller chipmaker drugmaker conglomerate
    group fund""".split())
_PERSON_LABELS = ("ORG", "GPE", "LOC", "NORP", "FAC")


def person_surnames(ents: list[tuple[Span, str, Optional[str]]]) -> frozenset[str]:
    """Surnames of the persons the article names in full: the NER's, or a name that looks like a person's with a
    cue in its sentence (never by its looks alone: "Washington Mutual" would vouch for itself)."""
    out = set()
    for ent, label, acr in ents:
        if acr is None and (label == "PERSON" or (looks_like_person(ent) and _person_cue(ent)) or aged_name(ent)) and \
                not any(w.lower() in NOT_PERSON_WORDS for w in name_words(ent)):
            out.update((surname(ent), bare_surname(surname(ent))))  # "al-Burhan", and "Burhan" said later
    return frozenset(out)


def corrected_label(ent: Span, label: str, surnames: frozenset[str]) -> str:
    """The label after the person/organisation evidence above (unchanged without evidence)."""
    if label in _PERSON_LABELS and looks_like_person(ent) and (_person_cue(ent) or surname(ent) in surnames):
        return "PERSON"
    if label in _PERSON_LABELS and _described_person(ent):
        return "PERSON"  # "Imam Shamil, the legendary fighter"
    if label in _PERSON_LABELS and aged_name(ent):
        return "PERSON"  # "Khairullozhon Matanov, 23,": an age says person, whatever given name the list lacks
    if label in ("GPE", "LOC", "NORP", "FAC") and len(name_words(ent)) == 1 and ent.text in surnames:
        return "PERSON"  # "said Nantes" after "Ella Nantes" (the caller keeps it a place if the gazetteer placed it)
    if label == "PERSON" and _org_cue(ent):
        return "ORG"
    return label


def _before(ent: Span) -> Optional[Token]:
    return ent.doc[ent.start - 1] if ent.start > ent.sent.start else None


def _age(tok: Token) -> bool:
    """'X, 51,': a bare number of years in apposition (not "$327 billion")."""
    return tok.text.isdigit() and 15 <= int(tok.text) <= 110 and not any(True for _ in tok.children)


def _described_person(ent: Span) -> bool:
    """A name of two to four capitalised words, none an organisation's word, that the sentence calls a person: a
    definite or indefinite person noun in apposition ("Imam Shamil, the legendary fighter"). Whatever given name
    opens it: transliterated names are in no list."""
    words = name_words(ent)
    if not 2 <= len(words) <= 4 or any(t.text == "&" or t.like_num for t in ent):
        return False
    if any(not w[:1].isupper() or w.lower() in NOT_PERSON_WORDS or w.lower() in COMPANY_WORDS for w in words):
        return False
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.i >= ent.end and (nominal_category(c) == "person" or (
        c.tag_ == "NN" and nominal_category(c) == "rebels"))  # "the legendary fighter": one fighter is a person
               and any(d.dep_ == "det" and d.lower_ in ("a", "an", "the") for d in c.children)
               for c in ent.root.children)


def _person_cue(ent: Span) -> bool:
    root, prev = ent.root, _before(ent)
    if len(ent) > 2 and ent[0].lower_.rstrip(".") in TITLE_WORDS:
        return True  # the NER took the title in: "Spokeswoman Sandy Angers"
    if prev is not None and (prev.lower_.rstrip(".") in PERSON_TITLES or prev.lower_ in TITLES
                             or prev.lower_ in COMPANY_PEOPLE):
        return True  # "Chief Executive X", "analyst X", "Mr. X"
    for c in root.children:
        if c.dep_ == "appos" and (_age(c) or (c.pos_ in ("NOUN", "PROPN") and nominal_category(c) == "person")):
            return True  # "X, 51,", "X, the company's founder"
        if c.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in c.children):
            return True
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return True  # "Nokia's Olli-Pekka Kallasvuo" (a person of a company or a country)
    return root.dep_ == "appos" and nominal_category(root.head) == "person" and root.head.i < ent.start


def _org_cue(ent: Span) -> bool:
    words = name_words(ent)
    prev, root = _before(ent), ent.root
    if not words or (prev is not None and prev.lower_.rstrip(".") in PERSON_TITLES):
        return False
    if prev is not None and prev.lower_ in ORG_DESCRIPTIONS and (prev.head.i == root.i or prev.dep_ in (
            "compound", "appos", "nmod")):
        return True  # "magazine Der Spiegel", "the weekly Der Morgenruf": described, whatever its first word
    if any(w.lower() in COMPANY_WORDS for w in words[1:]):
        return True  # "Douglas Aircraft": a company's word, whatever name opens it
    if words[0].split("-")[0] in given_names():
        return False  # "Jim Press": a surname may be any word
    if any(w.lower() in NOT_PERSON_WORDS for w in words[1:]):
        return True  # "Berkshire Hathaway Bank"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("at", "of", "with", "from") and (
            head.head.lemma_.lower() in COMPANY_PEOPLE or head.head.ent_type_ == "PERSON"):
        return True  # "an analyst at Piper Jaffray", "Gene Munster of Piper Jaffray"
    if any(c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in root.children):
        return True  # "Warren Buffett's Berkshire Hathaway": a person's company (no given name opens it)
    return root.dep_ == "poss" and head.lemma_.lower() in COMPANY_POSSESSIONS and head.lemma_.lower() not in (
        "executive", "chairman", "ceo")  # "Hathaway's shares" (a person has executives too rarely to tell)
