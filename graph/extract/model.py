"""The Extraction record: what `extract(article)` returns and `tkg extract` prints.

Offsets are character offsets into the article's *cleaned* text (`Article.text`);
`graph.extract.output` maps them back to the raw text for `tkg extract`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Sentence(Span):
    index: int = 0


@dataclass
class Timex(Span):
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    value: str = ""  # TIMEX3 value, e.g. 2023-11-10, 2023-W45-WE, PXD
    begin: Optional[str] = None  # ISO datetime, earliest instant covered
    end_value: Optional[str] = None  # ISO datetime, latest instant covered


@dataclass
class PlaceRef:
    """A place a :class:`Location` lies in (its first-level region, its country), described in the graph
    with it: ``schema:containedInPlace`` links the place to the first, each to the next."""
    canonical: str  # place IRI
    name: str
    kind: str  # admin1 | country
    geonames_id: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None


@dataclass
class Location(Span):
    geonames_id: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None  # ISO 3166 alpha-2
    name: Optional[str] = None  # the gazetteer's name for it
    canonical: Optional[str] = None  # place IRI
    # name: a place name ("Kidal"); extent: a longer mention around a name ("Mobile, Alabama", "the US
    # government"); nominal: a description resolved to a place ("the country", "the government");
    # pronoun: a relative "which"/"where" resolved to the place it follows; demonym: the adjective or noun for a
    # country's or region's people ("Somali forces", "the Sudanese"), which says whose, not where: events take no
    # place from it, while the actor's country ("Somali Armed Forces") and an office's ("Somali President") do
    mention: str = "name"
    within: list[PlaceRef] = field(default_factory=list)  # the places it lies in, nearest first


@dataclass
class Entity(Span):
    type: str = "ORG"  # PERSON | ORG | ARMED_GROUP | GPE | LOC | FAC | NORP | PRODUCT, INDEX (no actors: no canonical)
    canonical: Optional[str] = None  # actor or place IRI
    label: Optional[str] = None  # canonical name of the actor/place
    kind: Optional[str] = None  # actor kind: person | organization | armed_group | state | igo | product | index
    # name | nominal | pronoun | extent (a name with the description glued to it, "US automaker GM", or
    # with its acronym, "General Motors (GM)": the name is also a mention of its own)
    mention: str = "name"
    # the country the actor belongs to as the article ties it to one (ISO 3166 alpha-2; actors/actor_countries.py)
    country: Optional[str] = None


@dataclass
class Argument(Span):
    role: str = "other"  # agent | target | place | time | other
    canonical: Optional[str] = None


@dataclass
class EventTime:
    value: Optional[str]
    begin: Optional[str]
    end_value: Optional[str]
    source: str  # timex | sentence | discourse | article (see graph.extract.events.event_time)


@dataclass
class EventPlace:
    text: str
    geonames_id: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    canonical: Optional[str] = None


@dataclass
class Event(Span):
    type: str = "010"  # CAMEO code
    args: list[Argument] = field(default_factory=list)
    time: Optional[EventTime] = None
    place: Optional[EventPlace] = None
    sentence: int = 0  # index into Extraction.sentences
    modality: str = "asserted"  # asserted | reported | negated | future | hypothetical
    confidence: float = 0.5
    label: str = ""  # short "who did what"
    # TimeML class: occurrence | state | reporting | perception | aspectual | i_action | i_state; intention: only
    # intended, not happened ("vowed to retake": events/event_intent.py)
    event_class: str = "occurrence"
    fatalities: int = 0  # dead stated for it in its sentence (events/fatalities.py); 0: none stated
    # actors it takes part in through the earlier mention it repeats ("the bankruptcy" after "Chrysler filed for
    # bankruptcy": events/event_coref.py): participants in the graph, not arguments of this mention's sentence
    shared_actors: list[str] = field(default_factory=list)


@dataclass
class StateFact:
    """A state that holds for a time (graph/extract/facts): who holds what, from when until when."""
    relation: str  # controls | presentIn | holdsOffice | inPower
    holder: str  # actor IRI
    object: str  # place IRI; for holdsOffice the organization's actor IRI or the country's place IRI
    role: Optional[str] = None  # holdsOffice: the office ("head", "prime minister")
    start: Optional[EventTime] = None  # when it began; None: the text does not say (an open start)
    end: Optional[EventTime] = None  # when it ended; None: open (still holds, as far as the text says)
    held_at: Optional[EventTime] = None  # a time the text says it held ("the head of the junta ... said")
    ended_by: Optional[str] = None  # ISO datetime by which it had ended, when only that is known ("then-")
    sentences: list[int] = field(default_factory=list)  # indices into Extraction.sentences
    events: list[int] = field(default_factory=list)  # indices into Extraction.events it was derived from
    confidence: float = 0.5


@dataclass
class Extraction:
    id: str
    published: str  # ISO datetime of the publication date (DCT)
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[StateFact] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
