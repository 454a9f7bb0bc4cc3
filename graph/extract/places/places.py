"""Place mentions in a spaCy doc, geocoded offline with the :class:`Gazetteer`.

Two parts:

* :func:`ruler_patterns` / :class:`PlaceRuler` (``place_ruler``) - run *before* spaCy's ``ner`` (see ``nlp.py``):
  unambiguous place names (countries, capitals, big cities, US states, continents, curated regions
  such as "Sahel" or "Kidal region") as GPE/LOC/FAC, so that the small model stops calling Kidal a
  NORP or Mali a PERSON; plus *blocking* ORG patterns for organisation names built on a place name
  ("Singapore Airlines", "Air Canada", "Bank of America", "Qatar Airways"), which otherwise get
  split into a place and a stray token.
* :func:`find_locations` - the doc's place mentions: GPE/LOC/FAC entities, NORP demonyms
  ("Malian" -> Mali), entities mislabelled PERSON/ORG that are gazetteer places, place names and
  demonyms heading a government-type ORG ("the Canadian government"), "<place> region" extended to
  the region; geocoded with the countries the doc mentions as context (``place_context``). Towns the
  NER missed are in ``place_towns``, mentions around or instead of names ("the US government", "the
  country") in ``place_mentions``, what a name's span says in ``place_spans``, the word lists in
  ``places_lexicon``.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from graph.extract.model import Location
from graph.extract.places.gazetteer import Gazetteer, GeoPlace, normalize
from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.extract.places.place_context import article_countries, context_countries, qualifier, where_countries
from graph.extract.places.place_mentions import longer_mentions
from graph.extract.places.place_referent import pick_referents
from graph.extract.places.place_ruler import PlaceRuler, place_surfaces, ruler_patterns
from graph.extract.places.place_sense import actor_names, not_a_place
from graph.extract.places.place_spans import (
    AddPlace,
    embedded_in_name,
    location,
    locative,
    region_word,
    river_name,
    river_span,
    strip_det,
)
from graph.extract.places.place_towns import (
    _english_words,
    dateline_place,
    foreign_object_town,
    mislabelled_towns,
    repeated_places,
    untagged_towns,
)
from graph.extract.places.place_within import set_within
from graph.extract.places.places_lexicon import (
    AMBIGUOUS,
    DIRECTIONS,
    GOV_HEADS,
    PLACE_SUFFIXES,
    RULER_MIN_CITY_POPULATION,
)
from graph.extract.text.dateline import doc_dateline
from graph.extract.text.nominals import NOMINAL_HEADS


def find_locations(doc: Doc, gaz: Optional[Gazetteer] = None) -> list[Location]:
    """Place mentions of ``doc`` (character offsets into ``doc.text``), geocoded."""
    gaz = gaz or default_gazetteer()
    ctx = article_countries(doc, gaz)
    where: list[set[str]] = []  # where_countries, computed at the first loose spelling that needs it
    out: list[Location] = []
    taken: set[int] = set()  # token indices already used
    deferred: list[Span] = []

    actors = actor_names(doc, gaz)

    def add(span: Span, p: Optional[GeoPlace], fallback: str, mention: str = "name") -> None:
        s, e = span.start, span.end
        while s < e and doc[s].is_space:  # "Goma\n\n": a headline's place, without the blank line
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s == e:
            return
        span = doc[s:e]
        if any(i in taken for i in range(span.start, span.end)):
            return
        if not_a_place(span, p, gaz, actors):
            return
        taken.update(range(span.start, span.end))
        out.append(location(span.start_char, span.end_char, span.text, p, fallback))
        out[-1].mention = mention

    def extend_region(span: Span) -> tuple[Span, Optional[GeoPlace]]:
        """'Kidal' + 'region' -> the region, when the gazetteer knows '<name> region'."""
        if span.end < len(doc) and doc[span.end].text in PLACE_SUFFIXES:
            longer = doc[span.start:span.end + 1]
            p = gaz.lookup(strip_det(longer).text, ctx)
            if p is not None:
                return longer, p
        return span, None

    for ent in doc.ents:
        label = ent.label_
        core = strip_det(ent)
        if label in ("GPE", "LOC", "FAC"):
            if core.text.lower() in ("region", "state", "country"):
                continue
            river = river_span(core)
            if river is not None:
                # "the Niger river", "the River Niger", "Dnipro river": the river, not the country or the
                # city; the gazetteer has no rivers, so no id rather than a wrong one
                add(river, None, river_name(core))
                continue
            span, p = extend_region(ent)
            if p is None:
                span, p, core = _with_direction(ent, core, gaz, ctx)
            if p is None and region_word(doc, ent.end):
                # "the Kidal region" the supplement lacks: the region, with no id rather than the town's
                p0 = gaz.lookup(core.text, ctx)
                if p0 is None or p0.kind in ("city", "village"):
                    add(doc[ent.start:ent.end + 1], None, f"{core.text} region")
                    continue
            if p is None:
                qual = qualifier(ent, gaz, ctx)
                p, exact = gaz.lookup_loose(core.text, qual or ctx, strict=bool(qual))
                if p is not None and not exact and not qual and not where:
                    where.append(where_countries(doc, gaz))
                if p is not None and not exact and not qual and where[0] and p.country not in where[0]:
                    p = None  # a loose spelling only where the article's places lie: "Tawila" is not Tula, Russia
                if p is not None and p.kind in ("city", "village") and p.country not in (qual or ctx) \
                        and p.population < RULER_MIN_CITY_POPULATION and gaz.quality(core.text, p) < 2:
                    # "the town of Ber" (Mali) is not Véroia, Greece, whose alternate names include "Ber": a
                    # foreign town known only by an alternate spelling gets no id rather than a wrong one, unless
                    # a verb of place takes it as its object ("pounded Kupiansk": Kupyansk)
                    p = foreign_object_town(core, gaz, ctx)
            if p is None:
                # the NER cut a hyphenated name short ("Deir" of "Deir ez-Zor"): the longest longer name
                for k in range(min(len(doc), ent.end + 4), ent.end, -1):
                    if any(t.is_punct and t.text != "-" or t.ent_type_ for t in doc[ent.end:k]):
                        continue
                    longer = doc[core.start:k]
                    p2, _ = gaz.lookup_loose(longer.text, ctx)
                    if p2 is not None:
                        span, p, core = doc[ent.start:k], p2, longer
                        break
            kind = "name"
            if p is None and label == "GPE":
                p = gaz.demonym(core.text)  # "Ukrainian officials" tagged GPE
                kind = "demonym" if p is not None else kind
            if p is None and label != "FAC" and core.text[:1].islower():
                continue
            if p is None and (core.text.lower() in NOMINAL_HEADS or any(ch.isdigit() for ch in core.text)):
                continue  # "Junta extends transition", "M23 rebels": a headline's actor, a group's code name
            if label != "FAC" and embedded_in_name(ent, p):
                continue
            if core.text in AMBIGUOUS and not locative(core) and not _names_a_body(core):
                continue
            add(span, p, core.text, kind)
        elif label == "NORP":
            if region_word(doc, ent.end):  # "the Amhara region": a region named after its people
                span, p = extend_region(ent)
                add(doc[ent.start:ent.end + 1] if p is None else span, p, f"{core.text} region")
                continue
            p, kind = gaz.demonym(core.text), "demonym"
            if p is None:
                p, kind = _region_or_its_people(core.text, gaz, ctx)
            if p is not None:
                add(ent, p, core.text, kind)
        elif label in ("PERSON", "ORG", "PRODUCT"):  # "Drones hit Kursk": the small model's PRODUCT
            text = core.text
            if region_word(doc, ent.end, PLACE_SUFFIXES):  # "in Tachira state": the region the NER called an ORG
                p = gaz.lookup(text, ctx)
                if p is not None and p.kind in ("admin1", "admin2", "region"):
                    add(ent, p, text)
                    continue
            p = gaz.lookup(text, ctx) if gaz.is_name(text) else None
            if p is not None and gaz.quality(text, p) >= 2 and text not in AMBIGUOUS and (
                    p.kind in ("country", "admin1", "continent", "region", "village", "union", "sea")
                    or p.population >= RULER_MIN_CITY_POPULATION or (label == "PERSON" and p.country in ctx)):
                if not embedded_in_name(ent, p):
                    span, p2 = extend_region(ent)
                    add(span, p2 or p, text)
                    continue
            if label == "ORG":
                if _gov_org(ent, gaz, ctx, add):
                    continue
            # a town the small model calls an ORG or a PERSON ("shelled El Fasher", "a resident of
            # El-Fasher"): decided after the other mentions (one sense per article)
            deferred.extend(_listed_towns(ent, gaz, ctx) or [ent])
    mislabelled_towns(deferred, gaz, ctx, out, add)
    # demonyms the NER left untagged ("Malian flags" tagged nothing)
    for tok in doc:
        if tok.i in taken or not tok.is_title or tok.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
            continue
        if tok.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        p = gaz.demonym(tok.text)
        if p is None and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN":
            p, kind = _region_or_its_people(tok.text, gaz, ctx)  # "Chechen fighters": a region's people
            p = p if kind == "demonym" else None
        if p is not None:
            add(doc[tok.i:tok.i + 1], p, tok.text, "demonym")
    dateline = doc_dateline(doc)
    if dateline is not None:
        dateline_place(doc, dateline, gaz, ctx, taken, add)
    untagged_towns(doc, gaz, ctx, taken, add)
    repeated_places(doc, out, taken, add)
    out.sort(key=lambda l: l.start)
    out = pick_referents(doc, out, gaz)
    out += longer_mentions(doc, gaz, out)
    out.sort(key=lambda l: (l.start, -(l.end - l.start)))
    set_within(out, gaz)
    return out


def _listed_towns(ent: Span, gaz: Gazetteer, ctx: set[str]) -> list[Span]:
    """'fired rockets at Sderot and Ashkelon' tagged as one ORG: the parts of a list the NER joined into one name,
    when every part is the name of a place of the article's countries (so "Procter and Gamble" stays whole)."""
    parts, start = [], ent.start
    for t in ent:
        if t.lower_ in ("and", ",") and t.i > start:
            parts.append(ent.doc[start:t.i])
            start = t.i + 1
    if not parts or start >= ent.end:
        return []
    parts.append(ent.doc[start:ent.end])
    for part in parts:
        p = gaz.lookup(part.text, ctx)
        if p is None or p.country not in ctx or gaz.quality(part.text, p) < 2:
            return []
    return parts


def _with_direction(ent: Span, core: Span, gaz: Gazetteer, ctx: set[str]) -> tuple[Span, Optional[GeoPlace], Span]:
    """'South Darfur', 'North Kivu', 'West Java' when the NER took only 'Darfur': the capitalised compass word
    before the name joins it when the gazetteer knows the whole as a place's own name (a state, a province),
    rather than the wider region the bare name is. Else the entity, no place yet, and its core unchanged."""
    doc = ent.doc
    if ent.start == 0 or core.start != ent.start:
        return ent, None, core
    prev = doc[ent.start - 1]
    if prev.text not in DIRECTIONS or not prev.text[:1].isupper() or prev.ent_type_:
        return ent, None, core
    longer = doc[ent.start - 1:ent.end]
    p = gaz.lookup(longer.text, ctx)
    if p is None or (gaz.quality(longer.text, p) < 2 and normalize(p.name) != normalize(longer.text)):
        return ent, None, core  # (GeoNames has "South Darfur" as an alternate name, and as our display name)
    return longer, p, longer


# endings of the adjectives and nouns for a region's people: "Dagestani", "Bavarian", "Tibetan", "Punjabi"
_PEOPLE_ENDINGS = ("i", "n", "an", "ian", "ese")


def _region_or_its_people(text: str, gaz: Gazetteer, ctx: set[str]) -> tuple[Optional[GeoPlace], str]:
    """A NORP-tagged word that names a country or a first-level region ("Dagestan became a republic"), under any
    of its names ("Chechen" is one of Chechnya's), or its people's word formed on the region's own name
    ("Dagestani" -> Dagestan): the demonym table lists countries' peoples, not every region's."""
    for end in ("",) + _PEOPLE_ENDINGS:
        base = text[:-len(end)] if end else text
        if not text.endswith(end) or len(base) < 4 or not base[:1].isupper():
            continue
        words, nouns = _english_words()
        if end and (base.lower() in words or base.lower() in nouns):
            continue  # "Chinese" is not of "Chin" (a noun); two lookups, not a union of the sets per call
        p = gaz.lookup(base, ctx)
        if p is None or p.kind not in ("country", "admin1") or gaz.quality(base, p) < 1:
            continue
        if not end and text.lower() in words:  # an English adjective: "Jewish", "Western" are no places, while
            if _formed_on(text, p.name):  # "Chechen" (one of Chechnya's names) is its people's word
                return p, "demonym"
            continue
        return p, "demonym" if end else "name"
    return None, "name"


def _names_a_body(core: Span) -> bool:
    """'Gaza health officials', 'Georgia officials': a name the NER called a place that modifies the noun of a
    public body or its people is that body's place (a possessive is left out: "Jackson's spokesman")."""
    root = core.root
    head = root.head
    return root.dep_ == "compound" and head.i > root.i and head.pos_ == "NOUN" and \
        NOMINAL_HEADS.get(head.lemma_.lower()) in ("person", "government", "military")


def _formed_on(word: str, name: str) -> bool:
    """Is the adjective ``word`` formed on the place name ``name`` rather than the name itself ("Chechen" on
    "Chechnya": another word sharing its first five letters; not "Afar" of Afar, "Western" of Western)?"""
    a, b = normalize(word), normalize(name)
    return a != b and len(a) >= 5 and b.startswith(a[:5])


def _gov_org(ent: Span, gaz: Gazetteer, ctx: set[str], add: AddPlace) -> bool:
    """'the Canadian Government', 'Malian Armed Forces', 'US Air Force': the leading place name or
    demonym of a state-institution ORG is a place mention."""
    core = strip_det(ent)
    if core.end - core.start < 2 or core[-1].text not in GOV_HEADS:
        return False
    for k in range(min(len(core) - 1, 4), 0, -1):
        head = core[:k]
        p = gaz.demonym(head.text) if head.text[:1].isupper() else None
        kind = "demonym"
        if p is None and gaz.is_name(head.text):
            p, kind = gaz.lookup(head.text, ctx), "name"
        if p is not None:
            add(head, p, head.text, kind)
            return True
    return False


__all__: Iterable[str] = ("ruler_patterns", "place_surfaces", "PlaceRuler", "find_locations",
                          "context_countries")
