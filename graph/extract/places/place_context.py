"""The countries an article is about (its unambiguous country-level mentions), the context every place look-up
prefers, and the country a name's qualifier gives ("Everett, Washington")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from graph.extract.places.gazetteer import Gazetteer
from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.extract.places.place_spans import river_span, strip_det


def article_countries(doc: Doc, gaz: Gazetteer) -> set[str]:
    """:func:`context_countries` with the gazetteer given."""
    ctx: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and river_span(strip_det(ent)) is not None:
            continue  # "the Niger river" says nothing about Niger
        if ent.label_ in ("GPE", "LOC"):
            cands = gaz.candidates(strip_det(ent).text)
            if sum(c.kind == "country" for c in cands) > 1:
                continue  # "Congo": which one, the article's other places decide
            if cands and cands[0].kind != "country" and gaz.quality(strip_det(ent).text, cands[0]) < 2:
                continue  # "Ber": an alternate name of one Greek town says nothing about the article's countries
            if cands and (cands[0].kind == "country" or len({c.country for c in cands}) == 1):
                if cands[0].country:
                    ctx.add(cands[0].country)
        elif ent.label_ == "NORP":
            p = gaz.demonym(ent.text)
            if p is not None and p.country:
                ctx.add(p.country)
    return ctx | implied_countries(doc, gaz)


def implied_countries(doc: Doc, gaz: Gazetteer) -> set[str]:
    """The countries the article's places imply though it names none of them ("Russian forces shelled Kupiansk
    and Chasiv Yar": Ukraine): a name in a place's role (tagged a place, or whatever the tagger made of it the
    object of a verb of place or of a locative preposition) every town and region of which, small ones included,
    lies in one country; never a given name, a name the sentence's people act on, nor an English word."""
    from graph.extract.places.gazetteer_keys import normalize, skeleton
    from graph.extract.places.place_spans import locative, place_object
    from graph.extract.places.place_towns import _after_place_verb, _is_english, _people_do_it
    from graph.extract.text.person_names import given_names

    out: set[str] = set()
    for ent in doc.ents:
        core = strip_det(ent)
        text = core.text
        if ent.label_ not in ("GPE", "LOC", "ORG", "PERSON", "PRODUCT") or not text[:1].isupper():
            continue
        if ent.label_ not in ("GPE", "LOC") and not (locative(core) or place_object(core) or _after_place_verb(core)):
            continue
        # an alternate name counts when it spells the place's own name another way (Kupiansk: Kupyansk), not when
        # it is another name ("Ber", one of Véroia's): that says nothing about the article's countries
        places = [p for p in gaz.namesakes(text, min_quality=1)
                  if gaz.quality(text, p) >= 2 or skeleton(normalize(text)) == skeleton(normalize(p.name))]
        countries = {p.country for p in places if p.kind in ("city", "village", "admin1")}
        if not places or len(countries) != 1 or len(places) != len([p for p in places if p.country]) or None in countries:
            continue
        if any(p.kind == "country" for p in places) or text in given_names() or _people_do_it(core) \
                or (" " not in text and _is_english(text)):
            continue
        out |= countries
    return out


def where_countries(doc: Doc, gaz: Gazetteer) -> set[str]:
    """The countries the article's places lie in, as against the countries it only names as actors ("accused
    Russia of arming the fighters"): :func:`implied_countries` and the countries and provinces named in a place's
    role ("in Sudan", "fled North Darfur"). A loose spelling may resolve only into these when there are any: a
    town the gazetteer lacks ("Tawila", Darfur) is not a namesake-by-skeleton in the country of a bystander
    (Tula, Russia)."""
    from graph.extract.places.place_spans import locative, place_object

    out = implied_countries(doc, gaz)
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        core = strip_det(ent)
        if not (locative(core) or place_object(core)):
            continue
        p = gaz.lookup(core.text)
        if p is not None and p.country and p.kind in ("country", "admin1", "region"):
            out.add(p.country)
    return out


def context_countries(doc: Doc, gaz: Optional[Gazetteer] = None) -> set[str]:
    """ISO alpha-2 codes of the countries a doc is about (its unambiguous country-level mentions)."""
    return article_countries(doc, gaz or default_gazetteer())


def qualifier(span: Span, gaz: Gazetteer, ctx: set[str]) -> set[str]:
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
