"""Place mentions in a spaCy doc, geocoded offline with the :class:`Gazetteer`.

Two parts:

* :func:`ruler_patterns` - EntityRuler patterns added *before* spaCy's ``ner`` (see ``nlp.py``):
  unambiguous place names (countries, capitals, big cities, US states, continents, curated regions
  such as "Sahel" or "Kidal region") as GPE/LOC/FAC, so that the small model stops calling Kidal a
  NORP or Mali a PERSON; plus *blocking* ORG patterns for organisation names built on a place name
  ("Singapore Airlines", "Air Canada", "Bank of America", "Qatar Airways"), which otherwise get
  split into a place and a stray token.
* :func:`find_locations` - the doc's place mentions: GPE/LOC/FAC entities, NORP demonyms
  ("Malian" -> Mali), entities mislabelled PERSON/ORG that are gazetteer places, place names and
  demonyms heading a government-type ORG ("the Canadian government"), "<place> region" extended to
  the region; geocoded with the countries the doc mentions as context.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from ..iris import place_iri
from .gazetteer import Gazetteer, GeoPlace, normalize
from .model import Location

# cities below this population get no ruler pattern unless they are capitals (NER + gazetteer
# resolution still find them)
RULER_MIN_CITY_POPULATION = 1_000_000

# place names that are also common first/last names or ordinary English words: never forced by the
# ruler (spaCy's NER may still tag them, and find_locations resolves them then)
AMBIGUOUS = frozenset(
    """
    Jordan Chad Georgia Victoria Virginia Montana Washington Florence Lincoln Jackson Henderson Charlotte
    Austin Houston Orlando Phoenix Aurora Eugene Troy Salem Orange Mobile Nice Split Reading Bath Male Of
    Sale Hull Derby Deal Wells Worthing Batman Regina Kingston Hamilton Warren Columbus Cleveland Dallas
    Denver Madison Marion Lafayette Jersey Guernsey Man Wake Christmas Ur Atlantic Pacific Mediterranean
    Earth Caribbean States Gaza Concepcion Alexandria
    """.split()
)

# organisation heads after a place name: "Singapore Airlines", "Washington Post", "Bank of America"
ORG_HEADS = frozenset(
    """
    Airlines Airways Airline Air-Lines Aviation Aerospace Motors Motor Bank Banks Times Post Mutual Telecom
    Telecommunications Railways Railway Rail Petroleum Oil Energy Group Holdings Corporation Corp Corp. Inc
    Inc. Ltd Ltd. LLC PLC plc Company Co. University Institute College School Broadcasting Television TV
    Radio News Herald Tribune Journal Gazette Press Daily Chronicle Observer Telegraph Express Federation
    Association Council Party Commission Ministry Exchange Steel Electric Insurance Securities Capital
    Partners Investments Fund Foundation Committee FC United City Rovers Athletic Wanderers Stadium Cup
    Open Masters Marathon Grand Prix Motorsport Orchestra Ballet Opera Museum Zoo Hospital Clinic
    Police Airport Airports Industries Industry Systems Technologies Pharmaceuticals Foods Beverages Brewery
    Mining Minerals Resources Gas Power Water Shipping Lines Logistics Express Cargo Airbus Boeing Eastern
    Southern Western Northern Central Pacific Atlantic Airtours
    """.split()
)
# event names built on a place name: "Paris Air Show", "Beijing Olympic Games"
EVENT_HEADS = frozenset("Show Olympics Olympic Games Expo Summit Cup Open Marathon Grand Festival Biennale "
                        "Conference Talks Accords Accord Agreement Declaration Process Forum".split())
# place-name *heads* that are not organisations, although capitalised after the place
PLACE_SUFFIXES = ("region", "Region", "province", "Province", "state", "State", "district", "District",
                  "department", "Department", "county", "County", "governorate", "Governorate",
                  "prefecture", "Prefecture", "cercle", "Cercle", "oblast", "Oblast")
ORG_PREFIXES = ("Air", "Radio", "Bank", "University", "Royal", "Garuda", "Aeroflot", "Radio-Télévision")
# government-like heads: "the Canadian government" / "the United States Government" mention a place
GOV_HEADS = frozenset("government Government administration Administration authorities Authorities "
                      "army Army military Military forces Forces junta Junta Force Navy Marines Congress Senate "
                      "Parliament parliament Treasury Department Ministry Embassy embassy Guard Police police "
                      "troops Troops".split())
# locative words that make an ambiguous name ("Jordan", "Henderson") a place
LOCATIVE = frozenset("in at on from to near into across outside inside via toward towards of".split())
DIRECTIONS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower Greater "
                       "northern southern eastern western central upper lower greater".split())

_GPE_KINDS = ("country", "city", "admin1", "village")


def _label(p: GeoPlace) -> str:
    if p.kind in _GPE_KINDS:
        return "GPE"
    if p.kind == "building":
        return "FAC"
    return "LOC"


def _tokens(surface: str) -> list[str]:
    # spaCy's English tokenizer splits these places names on spaces (and keeps "U.S." whole)
    return surface.split()


def ruler_patterns(gaz: Gazetteer) -> list[dict]:
    """EntityRuler patterns: safe place names (GPE/LOC/FAC) and ORG names built on place names."""
    place_pats: dict[str, str] = {}
    for surface, p, q in gaz.surface_names():
        if not surface[:1].isupper() or len(surface) < 2:
            continue
        if (p.kind == "city" and p.population < RULER_MIN_CITY_POPULATION and surface not in gaz.capitals
                and q < 3):
            continue
        if p.kind == "continent" and surface != p.name:
            continue
        if p.kind in ("city", "admin1") and q < 2:
            continue
        if surface in AMBIGUOUS:
            continue
        # the best reading of the surface must be this place (e.g. "Victoria" is a state, a city...)
        best = gaz.lookup(surface)
        if best is not None and best != p:
            continue
        if surface.startswith(("The ", "the ")):
            continue
        place_pats.setdefault(surface, _label(p))
    for s in gaz.groups:
        place_pats.setdefault(s, "NORP")
    pats: list[dict] = [{"label": lab, "pattern": s, "id": "place"} for s, lab in sorted(place_pats.items())]

    # blocking ORG patterns
    single = sorted({s for s in place_pats if " " not in s})
    multi = sorted({s for s in place_pats if " " in s and len(s.split()) <= 4})
    heads = sorted(ORG_HEADS)
    pats.append({"label": "ORG", "id": "org-block", "pattern": [
        {"ORTH": {"IN": single}}, {"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": heads}}]})
    for s in multi:
        toks = [{"ORTH": t} for t in _tokens(s)]
        pats.append({"label": "ORG", "id": "org-block",
                     "pattern": toks + [{"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": heads}}]})
        pats.append({"label": "ORG", "id": "org-block",
                     "pattern": [{"ORTH": {"IN": list(ORG_PREFIXES)}}, {"ORTH": "of", "OP": "?"}] + toks})
    pats.append({"label": "ORG", "id": "org-block", "pattern": [
        {"ORTH": {"IN": list(ORG_PREFIXES)}}, {"ORTH": "of", "OP": "?"}, {"ORTH": {"IN": single}}]})
    ev = sorted(EVENT_HEADS)
    pats.append({"label": "EVENT", "id": "event-block", "pattern": [
        {"ORTH": {"IN": single}}, {"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": ev}}]})
    return pats


# ---------------------------------------------------------------------- find_locations
def _loc(start: int, end: int, text: str, p: Optional[GeoPlace], fallback_name: str) -> Location:
    if p is None:
        return Location(start, end, text, canonical=place_iri(None, fallback_name))
    return Location(start, end, text, geonames_id=p.geonames_id, lat=p.lat, lon=p.lon, country=p.country,
                    name=p.name, canonical=place_iri(p.geonames_id, p.name))


def _strip_det(span: Span) -> Span:
    i = span.start
    while i < span.end - 1 and span.doc[i].lower_ in ("the", "a", "an") or (
            i < span.end - 1 and span.doc[i].tag_ == "POS"):
        i += 1
    j = span.end
    while j > i + 1 and span.doc[j - 1].tag_ == "POS":
        j -= 1
    return span.doc[i:j]


def _embedded_in_name(span: Span, place: Optional[GeoPlace]) -> bool:
    """True when the span looks like part of a longer proper name ("Ford Australia", "Washington
    Mutual"), i.e. glued to a capitalised non-place word."""
    doc = span.doc
    if span.end < len(doc):
        nxt = doc[span.end]
        if (nxt.text in ORG_HEADS or nxt.text in EVENT_HEADS) and nxt.text not in PLACE_SUFFIXES:
            return True
    if span.start > 0:
        prv = doc[span.start - 1]
        if (prv.is_alpha and prv.text[:1].isupper() and not prv.is_sent_start and not prv.is_stop
                and prv.text not in DIRECTIONS and prv.ent_type_ not in ("GPE", "LOC", "NORP", "FAC")
                and prv.pos_ == "PROPN"):
            return True
    return False


def _locative(span: Span) -> bool:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE:
        return True
    # "Jackson, Mississippi" / "Everett, Washington"
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].ent_type_ == "GPE":
        return True
    if span.start > 1 and doc[span.start - 1].text == "," and doc[span.start - 2].ent_type_ == "GPE":
        return True
    return False


def _qualifier(span: Span, gaz: Gazetteer, ctx: set[str]) -> set[str]:
    """Countries named right after the span: "Everett, Washington" -> {"US"}, "Toulouse, France" -> {"FR"}."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        nxt = doc[span.end + 1]
        if nxt.ent_type_ in ("GPE", "LOC") and nxt.ent_iob_ == "B":
            ent = next((e for e in doc.ents if e.start == nxt.i), None)
            if ent is not None:
                p = gaz.lookup(ent.text, ctx)
                if p is not None and p.country:
                    return {p.country}
    return set()


def _context_countries(doc: Doc, gaz: Gazetteer) -> set[str]:
    ctx: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            cands = gaz.candidates(_strip_det(ent).text)
            if cands and (cands[0].kind == "country" or len({c.country for c in cands}) == 1):
                if cands[0].country:
                    ctx.add(cands[0].country)
        elif ent.label_ == "NORP":
            p = gaz.demonym(ent.text)
            if p is not None and p.country:
                ctx.add(p.country)
    return ctx


def find_locations(doc: Doc, gaz: Optional[Gazetteer] = None) -> list[Location]:
    """Place mentions of ``doc`` (character offsets into ``doc.text``), geocoded."""
    gaz = gaz or Gazetteer.default()
    ctx = _context_countries(doc, gaz)
    out: list[Location] = []
    taken: set[int] = set()  # token indices already used

    def add(span: Span, p: Optional[GeoPlace], fallback: str) -> None:
        if any(i in taken for i in range(span.start, span.end)):
            return
        taken.update(range(span.start, span.end))
        out.append(_loc(span.start_char, span.end_char, span.text, p, fallback))

    def extend_region(span: Span) -> tuple[Span, Optional[GeoPlace]]:
        """'Kidal' + 'region' -> the region, when the gazetteer knows '<name> region'."""
        if span.end < len(doc) and doc[span.end].text in PLACE_SUFFIXES:
            longer = doc[span.start:span.end + 1]
            p = gaz.lookup(_strip_det(longer).text, ctx)
            if p is not None:
                return longer, p
        return span, None

    for ent in doc.ents:
        label = ent.label_
        core = _strip_det(ent)
        if label in ("GPE", "LOC", "FAC"):
            if core.text.lower() in ("region", "state", "country"):
                continue
            span, p = extend_region(ent)
            if p is None:
                p = gaz.lookup(core.text, _qualifier(ent, gaz, ctx) or ctx)
            if p is None and label != "FAC" and core.text[:1].islower():
                continue
            if label != "FAC" and _embedded_in_name(ent, p):
                continue
            if core.text in AMBIGUOUS and not _locative(core):
                continue
            add(span, p, core.text)
        elif label == "NORP":
            p = gaz.demonym(core.text)
            if p is not None:
                add(ent, p, core.text)
        elif label in ("PERSON", "ORG"):
            text = core.text
            p = gaz.lookup(text, ctx) if gaz.is_name(text) else None
            if p is not None and gaz.quality(text, p) >= 2 and text not in AMBIGUOUS and (
                    p.kind in ("country", "admin1", "continent", "region", "village", "union", "sea")
                    or p.population >= RULER_MIN_CITY_POPULATION or (label == "PERSON" and p.country in ctx)):
                if not _embedded_in_name(ent, p):
                    span, p2 = extend_region(ent)
                    add(span, p2 or p, text)
                    continue
            if label == "ORG":
                _gov_org(ent, gaz, ctx, add)
    # demonyms the NER left untagged ("Malian flags" tagged nothing)
    for tok in doc:
        if tok.i in taken or not tok.is_title or tok.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
            continue
        if tok.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        p = gaz.demonym(tok.text)
        if p is not None:
            add(doc[tok.i:tok.i + 1], p, tok.text)
    out.sort(key=lambda l: l.start)
    return out


def _gov_org(ent: Span, gaz: Gazetteer, ctx: set[str], add) -> None:
    """'the Canadian Government', 'Malian Armed Forces', 'US Air Force': the leading place name or
    demonym of a state-institution ORG is a place mention."""
    core = _strip_det(ent)
    if core.end - core.start < 2 or core[-1].text not in GOV_HEADS:
        return
    for k in range(min(len(core) - 1, 4), 0, -1):
        head = core[:k]
        p = gaz.demonym(head.text) if head.text[:1].isupper() else None
        if p is None and gaz.is_name(head.text):
            p = gaz.lookup(head.text, ctx)
        if p is not None:
            add(head, p, head.text)
            return


def context_countries(doc: Doc, gaz: Optional[Gazetteer] = None) -> set[str]:
    """ISO alpha-2 codes of the countries a doc is about (its unambiguous country-level mentions)."""
    return _context_countries(doc, gaz or Gazetteer.default())


__all__: Iterable[str] = ("ruler_patterns", "find_locations", "context_countries")
