"""State actors named after their country: the country a token names ("Malian", "Mali", a geocoded place), and
the labels of its armed forces, government and junta ("Malian Armed Forces", "Government of Haiti")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from graph.extract.actors.actors_lexicon import COUNTRIES, DEMONYM_TO_ISO, NAME_TO_ISO
from graph.extract.model import Location


def country_of_token(tok: Token, loc_at: list[Optional[Location]]) -> Optional[str]:
    loc = loc_at[tok.i]
    if loc is not None and loc.country:
        return loc.country
    low = tok.lower_.rstrip("s") if tok.lower_ not in DEMONYM_TO_ISO else tok.lower_
    return DEMONYM_TO_ISO.get(tok.lower_) or DEMONYM_TO_ISO.get(low) or NAME_TO_ISO.get(tok.lower_)


def _country(iso: str) -> tuple[str, str]:
    """(name, demonym) of a country; pycountry's name for one the table lacks ("HT" -> Haiti), never the code."""
    if iso in COUNTRIES:
        return COUNTRIES[iso]
    try:
        import pycountry
        c = pycountry.countries.get(alpha_2=iso)
    except (ImportError, LookupError, KeyError):
        c = None
    name = (getattr(c, "common_name", None) or c.name) if c is not None else iso
    return name, name


def military_label(iso: str) -> str:
    name, demonym = _country(iso)
    return f"{demonym} Armed Forces" if iso in COUNTRIES else f"Armed Forces of {name}"


def government_label(iso: str) -> str:
    return f"Government of {_country(iso)[0]}"


def junta_label(iso: str) -> str:
    name, demonym = _country(iso)
    return f"{demonym} junta" if iso in COUNTRIES else f"Junta of {name}"


def military_name(span: Span) -> Optional[str]:
    """'Malian Armed Forces', 'Mali's army' as a name -> the country it belongs to."""
    words = [t.lower_ for t in span]
    if not ({"army", "forces", "military"} & set(words)) and not (
            "force" in words and {"defense", "defence"} & set(words)):  # "Ethiopian National Defense Force"
        return None
    for w in words:
        iso = DEMONYM_TO_ISO.get(w) or NAME_TO_ISO.get(w)
        if iso:
            return iso
    return None

