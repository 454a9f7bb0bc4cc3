"""State actors named after their country: the country a token names ("Malian", "Mali", a geocoded place), and
the labels of its armed forces, government and junta ("Malian Armed Forces", "Government of Haiti")."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from graph.extract.actors.actors_lexicon import COUNTRIES, DEMONYM_TO_ISO, NAME_TO_ISO
from graph.extract.model import Location
from graph.extract.text.phrases import first_conjunct

if TYPE_CHECKING:  # annotations only: the ingesting process imports this module (actor names), not spaCy (0.7 s)
    from spacy.tokens import Span, Token


def country_of_token(tok: Token, loc_at: list[Optional[Location]]) -> Optional[str]:
    loc = loc_at[tok.i]
    if loc is not None and loc.country:
        if loc.mention == "demonym" and not _names_a_country(loc):
            return None  # "Tigrayan forces": a region's people, not its country's state
        return loc.country
    low = tok.lower_.rstrip("s") if tok.lower_ not in DEMONYM_TO_ISO else tok.lower_
    return DEMONYM_TO_ISO.get(tok.lower_) or DEMONYM_TO_ISO.get(low) or NAME_TO_ISO.get(tok.lower_)


def people_word(tok: Token, loc_at: list[Optional[Location]], markers: set[int]) -> bool:
    """Is ``tok`` the word for a people of no state of its own, whose fighters are a group of their own: a NORP
    that is no country's people ("Tuareg", not a glued country code: "BO rebels"), or a region's people's word
    ("Chechen", "Tigrayan"), whatever the tagger made of it?"""
    if tok.ent_type_ == "NORP" and tok.lower_ not in DEMONYM_TO_ISO and tok.i not in markers:
        return True
    loc = loc_at[tok.i]
    return loc is not None and loc.mention == "demonym" and not _names_a_country(loc)


def _names_a_country(loc: Location) -> bool:
    from graph.extract.places.gazetteer_cache import default_gazetteer

    cp = default_gazetteer().countries.get(loc.country or "")
    return cp is not None and cp.geonames_id == loc.geonames_id


def _country(iso: str) -> tuple[str, str]:
    """(name, demonym) of a country; for one the table lacks, pycountry's name ("HT" -> Haiti) and the demonym of
    the places' table (demonyms.tsv: Haitian), else the name again: never the code glued to a label."""
    if iso in COUNTRIES:
        return COUNTRIES[iso]
    return _other_country(iso)


@lru_cache(maxsize=None)
def _other_country(iso: str) -> tuple[str, str]:
    try:
        import pycountry
        c = pycountry.countries.get(alpha_2=iso)
    except (ImportError, LookupError, KeyError):
        c = None
    name = (getattr(c, "common_name", None) or c.name) if c is not None else iso
    return name, _adjectives().get(iso, name)


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    from graph.extract.places.gazetteer_build import country_adjectives
    return country_adjectives()


def country_demonym(iso: str) -> str:
    """The adjective of a country's people ("ML" -> Malian, "GE" -> Georgian), its name when it has none known."""
    return _country(iso)[1]


def military_label(iso: str) -> str:
    name, demonym = _country(iso)
    return f"{demonym} Armed Forces" if iso in COUNTRIES else f"Armed Forces of {name}"


def government_label(iso: str) -> str:
    return f"Government of {_country(iso)[0]}"


def junta_label(iso: str) -> str:
    name, demonym = _country(iso)
    return f"{demonym} junta" if iso in COUNTRIES else f"Junta of {name}"


# the words of a state's forces' name besides its country ("Armed Forces of Mali", "Ethiopian National Defense
# Force", "the Royal Air Force"); any other word ("Revolutionary", "Liberation", "Free") names another group
STATE_MILITARY_WORDS = frozenset({"the", "of", "and", "army", "armed", "forces", "force", "military", "national",
                                  "defence", "defense", "royal", "federal", "air", "navy", "naval", "ground", "land",
                                  "security", "presidential", "guard", "special", "coast", "self-defense", "police",
                                  "'s", "’s"})
# the words of countries' names and demonyms ("united", "states", "burkina", "south")
COUNTRY_WORDS = frozenset(w for name, dem in COUNTRIES.values() for w in f"{name} {dem}".lower().split())


def military_name(span: Span) -> Optional[str]:
    """'Malian Armed Forces', 'Mali's army' as a name -> the country it belongs to."""
    words = [t.lower_ for t in span]
    if not ({"army", "forces", "military"} & set(words)) and not (
            "force" in words and {"defense", "defence"} & set(words)):  # "Ethiopian National Defense Force"
        return None
    isos = [DEMONYM_TO_ISO.get(w) or NAME_TO_ISO.get(w) for w in words]
    if any(iso is None and w not in STATE_MILITARY_WORDS and w not in COUNTRY_WORDS for w, iso in zip(words, isos)):
        return None  # "Revolutionary Armed Forces of Colombia", "Free Syrian Army": not the state's forces
    return next((iso for iso in isos if iso), None)


def seat_country(tok: Token, loc_at: list[Optional[Location]]) -> Optional[str]:
    """The country governed from the capital `tok` names ("the government in Lima": PE), else None: a body
    placed in a capital is that country's, whatever other countries the story names."""
    from graph.extract.places.gazetteer_cache import default_gazetteer

    loc = loc_at[tok.i]
    if loc is None or not loc.country or (loc.name or loc.text) not in default_gazetteer().capitals:
        return None
    return loc.country


def names_the_setting(t: Token, tok: Token, loc_at: list[Optional[Location]]) -> bool:
    """Does the place at token ``t`` say where the sentence of the state body ``tok`` ("the army") is set, so that
    the body is that country's? Not a word inside the name ("United" of "United Arab Emirates": its root speaks),
    not another actor's origin ("the Korean company", "Kenya's ministry"), and not a country acting or acted on in
    the sentence ("the army accused the United Arab Emirates, which the UAE denies"): that is another actor."""
    loc = loc_at[t.i]
    if loc_at[t.head.i] is loc and t.head.i != t.i:
        return False
    first = first_conjunct(t)  # "British and Irish stock markets"
    if first.dep_ in {"amod", "compound", "nmod", "poss"} and loc_at[first.head.i] is not loc and first.head.i != tok.i:
        return False
    return not (first.dep_ in {"dobj", "dative", "nsubj", "nsubjpass"} and first.head.pos_ in {"VERB", "AUX"}
                and first.head.i != tok.head.i)
