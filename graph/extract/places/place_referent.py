"""Which of the places bearing a name the article means, from the article's other places (one sense per article):

* a name that is both a country's capital and one of its first-level regions is the capital ("Washington" in a
  story about the White House is Washington, D.C.), unless the text says it is the region ("Washington state",
  "the state of Washington") or names other places of that region (Seattle);
* a town name that several towns of the country bear is the one lying in a region the article names, else the
  one nearest the article's other towns; when none lies near them and the story is set in a big city, the name is
  most likely a neighbourhood the gazetteer lacks ("Chelsea" in a New York story): no id rather than the wrong
  town 300 km away.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Optional

from spacy.tokens import Doc

from graph.extract.model import Location
from graph.extract.places.gazetteer import Q_CURATED, WORLD_CITY, Gazetteer, GeoPlace, normalize
from graph.extract.places.gazetteer_keys import admin_base
from graph.extract.places.place_spans import location

NEAR_KM = 150  # a town this close to the article's other towns belongs to the story
_REGION_WORDS = frozenset("state province region governorate county oblast".split())
_CITY_KINDS = ("city", "village")


def pick_referents(doc: Doc, locs: list[Location], gaz: Gazetteer) -> list[Location]:
    """``locs`` with each name resolved to the referent its article's other places point to."""
    places = {l.geonames_id: gaz.place_by_id(l.geonames_id) for l in locs if l.geonames_id}
    regions_named = {gid for gid, p in places.items() if p is not None and p.kind == "admin1"}
    regions_with_towns = {p.admin1 for p in places.values() if p is not None and p.kind in _CITY_KINDS}
    marked = {normalize(_bare(l.text)) for l in locs if _says_region(doc, l)}
    towns = Counter(l.geonames_id for l in locs if l.geonames_id and places[l.geonames_id] is not None
                    and places[l.geonames_id].kind in _CITY_KINDS)
    setting = places[towns.most_common(1)[0][0]] if towns else None  # the town the story is set in
    # the countries the article's places lie in (a people's word says whose, not where: "Russian troops")
    where = {(normalize(p.name), p.country) for l in locs if l.geonames_id and l.mention != "demonym"
             and (p := places[l.geonames_id]) is not None and p.country}
    out = []
    for loc in locs:
        p = places.get(loc.geonames_id) if loc.geonames_id else None
        new: Optional[GeoPlace] = p
        if p is not None and loc.mention == "name":
            if p.kind == "admin1" and normalize(loc.text) not in marked and p.geonames_id not in regions_with_towns:
                new = _capital(loc.text, p, gaz) or p
            elif p.kind in _CITY_KINDS and not _qualified(doc, loc):
                new = _nearest_namesake(loc.text, p, places, regions_named, setting, _sentence_countries(doc, loc, locs,
                                                                                                  places), gaz, where)
        if new is p:
            out.append(loc)
        else:
            fresh = location(loc.start, loc.end, loc.text, new, loc.text)
            fresh.mention = loc.mention
            out.append(fresh)
    return out


def _sentence_countries(doc: Doc, loc: Location, locs: list[Location], places: dict) -> set[str]:
    """The countries named in the sentence of ``loc``."""
    sent = doc.char_span(loc.start, loc.end, alignment_mode="expand")
    if sent is None:
        return set()
    s, e = sent.sent.start_char, sent.sent.end_char
    # a people's word says whose, not where: "Russian forces captured a village near Donetsk" is no sentence
    # about Russia's Donetsk
    return {places[l.geonames_id].country for l in locs if l.geonames_id and s <= l.start < e and l.mention != "demonym"
            and places[l.geonames_id] is not None and places[l.geonames_id].kind == "country"}


def _bare(text: str) -> str:
    key = normalize(text)
    return admin_base(key) or key


def _says_region(doc: Doc, loc: Location) -> bool:
    """'Washington state', 'the state of Washington', 'Washington State': the text names the kind of region."""
    words = loc.text.lower().split()
    if len(words) > 1 and (words[-1] in _REGION_WORDS or words[0] in _REGION_WORDS):
        return True
    span = doc.char_span(loc.start, loc.end, alignment_mode="expand")
    if span is None:
        return False
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 2].lower_ if span.start >= 2 and doc[span.start - 1].lower_ == "of" else ""
    return after in _REGION_WORDS or before in _REGION_WORDS


def _qualified(doc: Doc, loc: Location) -> bool:
    """'Paris, Texas', 'Mobile, Alabama': the text itself says which."""
    span = doc.char_span(loc.start, loc.end, alignment_mode="expand")
    return span is not None and span.end + 1 < len(doc) and doc[span.end].text == "," and \
        doc[span.end + 1].ent_type_ in ("GPE", "LOC")


def _capital(name: str, region: GeoPlace, gaz: Gazetteer) -> Optional[GeoPlace]:
    """The capital of the region's country, when it bears the region's name."""
    if name not in gaz.capitals:
        return None
    for c in gaz.candidates(name):
        if c.kind == "city" and c.country == region.country and gaz.quality(name, c) >= 1 \
                and c.name.split(",")[0] in gaz.capitals:
            return c
    return None


def _nearest_namesake(name: str, p: GeoPlace, places: dict, regions_named: set, setting: Optional[GeoPlace],
                      countries: set, gaz: Gazetteer, where: frozenset | set = frozenset()) -> Optional[GeoPlace]:
    """The namesake town in a region the article names, else the one nearest its other towns (see module doc);
    a world city keeps its name ("London" in a story about Ohio is still London). When none of them decides, the
    one in a country the article's other places lie in, else (its country known only from a people's word:
    "Russian troops advanced on Pokrovsk") the most populous (population as the prior)."""
    if p.population >= WORLD_CITY or gaz.quality(name, p) == Q_CURATED:
        return p
    same = [c for c in gaz.namesakes(name) if c.kind in _CITY_KINDS]
    if p not in same:
        same.append(p)
    named = [c for c in same if c.country in countries]
    same = named or same  # "In neighbouring Mali, ... near Gao": the Gao of the country the sentence names
    if len(same) < 2:
        return p if p in same else same[0]
    in_region = [c for c in same if c.admin1 in regions_named]
    if in_region:
        return p if p in in_region else in_region[0]
    key = normalize(name)
    where = {cc for n, cc in where if n != key and n != normalize(p.name)}  # the other places' countries
    towns = [q for q in places.values() if q is not None and q.kind in _CITY_KINDS and normalize(q.name) != key]
    if not towns:
        return _by_prior(p, same, where)
    best = min(same, key=lambda c: min(_km(c, t) for t in towns))
    if min(_km(best, t) for t in towns) <= NEAR_KM:
        return best
    if setting is not None and setting.population >= WORLD_CITY and gaz.quality(name, p) < Q_CURATED \
            and sum(c.country == setting.country for c in same) >= 2:
        return None  # a neighbourhood of the big city the story is set in, which the gazetteer lacks
    return _by_prior(p, same, where)


def _by_prior(p: GeoPlace, same: list[GeoPlace], where: frozenset | set) -> GeoPlace:
    """``p`` when it lies in a country of the article's other places; else the namesake that does, else the most
    populous namesake when ``p``'s country is no place's of the article (only a people's word named it)."""
    if p.country in where or not same:
        return p
    there = [c for c in same if c.country in where]
    if there:
        return max(there, key=lambda c: c.population)
    return max(same, key=lambda c: c.population)


def _km(a: GeoPlace, b: GeoPlace) -> float:
    """Great-circle distance (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))
