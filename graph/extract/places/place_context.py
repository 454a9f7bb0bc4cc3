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
    return ctx


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
