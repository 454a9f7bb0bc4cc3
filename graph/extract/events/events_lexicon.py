"""Word lists that decide which tokens trigger events (data, not code).

A noun is an event nominal when its lemma is in EVENT_NOUNS or WordNet files it under a CAMEO
anchor class (wordnet_lexicon.py), or when it has a
deverbal suffix (-tion, -ment, -al, -ure, -ance ...) and is not in NOT_EVENT_NOUNS
(nouns with those endings that name things, bodies or people, not happenings).
"""
from __future__ import annotations

import re

from graph.extract.events import wordnet_lexicon

# General news happenings whose form does not show they are events.
EVENT_NOUNS = frozenset("""
accident advance aid airlift ambush appeal arrest assault attack attempt auction ban bankruptcy battle
bid blast blockade bombardment boom boycott breakthrough bribe call campaign capture ceasefire ceremony
change clash claim collapse collision comeback contest coup crackdown crash crisis cut damage deal death
debate debut decline defeat delay demand denial disaster dispute downturn drop effort election
escape exercise exodus expansion explosion fall fight fire flight flood gain glitch growth hearing hike
hope increase injury invasion jump killing launch layoff lawsuit loss march massacre meeting merger
move murder offensive offer order outbreak plan plunge poll probe process program programme project
protest purchase push raid rally recall recovery referendum release rescue retreat return revolt rise
riot rise sale scandal search setback shooting show shutdown siege slump slowdown spike split strike
struggle summit surge surrender suit takeover talk test threat tour trade trial trip truce uprising
victory violence visit vote walkout war warning win withdrawal work
speech report statement interview announcement
problem trouble crisis
conflict insurgency airstrike hostility embargo curfew ultimatum veto coercion blackmail censorship conquest inquiry
""".split())

# Nouns with a deverbal ending that usually name a thing, a body or a person.
NOT_EVENT_NOUNS = frozenset("""
government nation station corporation administration commission division department committee
organization organisation institution association federation coalition foundation population region
equipment document documentation material package option pension aviation version official
morning evening ceiling building string spring thing king wing ring offspring earnings savings
feeling clothing rating ranking wiring steering parking banking manufacturing refueling
opinion information position location situation condition nation generation tradition section
portion proportion relation fraction function mention question emotion motion notion
element instrument environment parliament apartment compartment segment supplement
moment sentiment amendment treatment garment department settlement
future nature feature culture structure architecture literature temperature signature figure
capital hospital animal arsenal journal terminal signal material interval rival official potential
total general national international individual principal professional criminal minimal
average village cottage heritage voltage mileage percentage image page stage message
luggage baggage passage usage wage language postage advantage
defence defense evidence audience science sentence distance instance substance balance finance
province allowance insurance ambulance entrance alliance conference
opposition leadership management presidency
""".split()) - {"conference"}

THING_FILES = {"noun.group", "noun.location", "noun.person", "noun.artifact", "noun.object", "noun.substance",
               "noun.body", "noun.animal", "noun.plant", "noun.food", "noun.quantity", "noun.time", "noun.shape"}
DEVERBAL = re.compile(r"(tion|sion|ment|ance|ence|ure|al|age|ery|ing)$")

# Verbs whose participle forms act as prepositions or adjectives, not events.
NOT_EVENT_VERBS = frozenset({"include", "accord", "base", "regard", "follow", "compare", "concern", "give"})


def is_event_noun(lemma: str) -> bool:
    lemma = lemma.lower()
    if lemma in EVENT_NOUNS or wordnet_lexicon.noun(lemma).cameo:
        return True  # listed, or a kind of attack, killing, injury, arrest ... in WordNet ("gunfire", "slaying")
    if lemma in NOT_EVENT_NOUNS or len(lemma) < 5:
        return False
    # the suffix says "happening" only when WordNet does not file the word as a thing, body, place or person
    # ("bastion", "mission", "region" end like "invasion" but are none)
    lexfile = wordnet_lexicon.noun(lemma).lexfile
    return bool(DEVERBAL.search(lemma)) and lexfile not in THING_FILES
