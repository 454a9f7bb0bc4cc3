"""Actor and entity mentions, with canonical actors and aliases within an article.

v0: named mentions from spaCy's NER (and the gazetteer's ruler); an acronym in
parentheses after a name ("the Permanent Strategic Framework (CSP)") becomes an alias,
so later "CSP" mentions resolve to the same actor.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..iris import actor_iri
from .model import Entity, Location

ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "NORP"}
PLACE_LABELS = {"GPE": "GPE", "LOC": "LOC", "FAC": "FAC"}
# Words that make an organization an armed group.
ARMED = re.compile(r"\b(rebels?|militias?|armed groups?|front|movement|brigades?|jihadists?|insurgents?|"
                   r"al[- ]qaeda|islamic state|boko haram|wagner|framework)\b", re.I)
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s$")


def canonical_name(text: str) -> str:
    name = _POSSESSIVE.sub("", _LEADING.sub("", text.strip()))
    return " ".join(name.split())


def _acronym_aliases(doc: Doc) -> dict[str, str]:
    """`Name (ACR)` -> {"ACR": "Name"} for entity spans followed by a parenthesised acronym."""
    aliases: dict[str, str] = {}
    for ent in doc.ents:
        nxt = doc[ent.end : ent.end + 3]
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].text.isupper():
            aliases[nxt[1].text] = canonical_name(ent.text)
    return aliases


def _place_for(ent: Span, locations: list[Location]) -> Location | None:
    for loc in locations:
        if loc.start < ent.end_char and ent.start_char < loc.end:
            return loc
    return None


def find_entities(doc: Doc, locations: list[Location]) -> list[Entity]:
    """Named mentions typed PERSON/ORG/ARMED_GROUP/GPE/LOC/FAC/NORP with canonical IRIs."""
    aliases = _acronym_aliases(doc)
    out: list[Entity] = []
    for ent in doc.ents:
        place = _place_for(ent, locations)
        if ent.label_ in PLACE_LABELS or place is not None:
            label = ent.label_ if ent.label_ in PLACE_LABELS or ent.label_ == "NORP" else "GPE"
            out.append(Entity(ent.start_char, ent.end_char, ent.text, label,
                              canonical=place.canonical if place else None,
                              label=place.name if place else canonical_name(ent.text)))
            continue
        if ent.label_ not in ACTOR_LABELS:
            continue
        name = aliases.get(ent.text, canonical_name(ent.text))
        kind = ACTOR_LABELS[ent.label_]
        if kind == "ORG" and ARMED.search(name):
            kind = "ARMED_GROUP"
        out.append(Entity(ent.start_char, ent.end_char, ent.text, kind, canonical=actor_iri(name), label=name))
    return out
