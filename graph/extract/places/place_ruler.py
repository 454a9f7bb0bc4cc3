"""The place names forced before spaCy's ``ner`` (see ``nlp.py``): unambiguous place names (countries, capitals,
big cities, US states, continents, curated regions such as "Sahel" or "Kidal region") as GPE/LOC/FAC, so that the
small model stops calling Kidal a NORP or Mali a PERSON; plus *blocking* ORG/EVENT spans for names built on a place
name ("Singapore Airlines", "Air Canada", "Bank of America", "Paris Air Show"), which otherwise get split into a place
and a stray token. :func:`ruler_patterns` gives them as EntityRuler patterns, :class:`PlaceRuler` applies them fast.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.extract.places.gazetteer import Gazetteer, GeoPlace
from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.extract.places.places_lexicon import (
    AMBIGUOUS,
    EVENT_HEADS,
    ORG_HEADS,
    ORG_PREFIXES,
    PLACE_SUFFIXES,
    RULER_MIN_CITY_POPULATION,
)

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


def place_surfaces(gaz: Gazetteer) -> dict[str, str]:
    """Safe place names (and group names) the ruler forces, with their label (GPE/LOC/FAC/NORP)."""
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
    return place_pats


def ruler_patterns(gaz: Gazetteer) -> list[dict]:
    """EntityRuler patterns: safe place names (GPE/LOC/FAC) and ORG names built on place names (the same
    decisions as :class:`PlaceRuler`, for spaCy's own EntityRuler)."""
    place_pats = place_surfaces(gaz)
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


class PlaceRuler:
    """What an EntityRuler fed with :func:`ruler_patterns` does, at a fraction of the cost: one
    PhraseMatcher over the safe place names, and the blocking ORG/EVENT spans ("Singapore Airlines",
    "Bank of America", "Paris Air Show") decided by dict look-ups around each match instead of ~800
    token patterns tried at every token. Runs before ``ner``; overwrites entities like the ruler."""

    MAX_TITLE_RUN = 6  # capitalised words between a place and an ORG head ("Qatar Executive Airways")

    def __init__(self, nlp, gaz: Optional[Gazetteer] = None) -> None:
        from spacy.matcher import PhraseMatcher

        gaz = gaz or default_gazetteer()
        self.labels = place_surfaces(gaz)
        self.single = {s for s in self.labels if " " not in s}
        self.multi = {s for s in self.labels if " " in s and len(s.split()) <= 4}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # one match key per label; the phrase docs are tokenized like the text
        by_label: dict[str, list[str]] = {}
        for surface, label in self.labels.items():
            by_label.setdefault(label, []).append(surface)
        for label, surfaces in by_label.items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(surfaces)))
        self.org_prefixes = frozenset(ORG_PREFIXES)
        # capitals of small territories, forced only as capitals: "Stanley", "Douglas", "Jamestown" are names too
        self.small_capitals = frozenset(s for s in self.single if (p := gaz.lookup(s)) is not None
                                        and p.kind == "city" and p.population < SMALL_CAPITAL
                                        and gaz.quality(s, p) < 3)

    def _head_end(self, doc: Doc, end: int, heads: frozenset) -> int:
        """End of the longest "<place> Title* HEAD" from ``end``, or -1."""
        best = -1
        n = len(doc)
        for k in range(end, min(n, end + self.MAX_TITLE_RUN + 1)):
            t = doc[k]
            if t.text in heads:
                best = k + 1
            if not t.is_title:
                break
        return best

    def __call__(self, doc: Doc) -> Doc:
        from spacy.util import filter_spans

        matches = self.matcher(doc)
        if not matches:
            return doc
        strings = doc.vocab.strings
        spans: list[Span] = []
        for key, start, end in matches:
            label = strings[key]
            text = doc[start:end].text
            if text in self.small_capitals and _in_longer_name(doc, start, end):
                continue  # "Morgan Stanley", "Douglas Aircraft": left to the NER
            if end - start == 1 and _given_name_before_surname(doc, start) and not (
                    start > 0 and doc[start - 1].text in self.org_prefixes):  # "Air France Flight 447"
                continue  # "lawmaker Santiago Mendoza": a person's given name, left to the NER
            spans.append(Span(doc, start, end, label=label, span_id="place"))
            single = end - start == 1 and text in self.single
            if single or text in self.multi:
                e = self._head_end(doc, end, ORG_HEADS)
                if e > 0:
                    spans.append(Span(doc, start, e, label="ORG", span_id="org-block"))
                s0 = start - 1
                if s0 >= 1 and doc[s0].text == "of":
                    s0 -= 1
                if s0 >= 0 and doc[s0].text in self.org_prefixes:
                    spans.append(Span(doc, s0, end, label="ORG", span_id="org-block"))
            if single:
                e = self._head_end(doc, end, EVENT_HEADS)
                if e > 0:
                    spans.append(Span(doc, start, e, label="EVENT", span_id="event-block"))
        kept = filter_spans(spans)  # longest first, then earliest: the EntityRuler's order
        ents = [e for e in doc.ents if not any(e.start < k.end and e.end > k.start for k in kept)]
        doc.ents = ents + kept
        return doc


SMALL_CAPITAL = 100_000


def _in_longer_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised proper noun right before or after the match, within the sentence's words."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return (before is not None and before.is_title and before.tag_ in ("NNP", "NNPS") and not before.is_sent_start
            and before.whitespace_ != "") or (after is not None and after.is_title and after.tag_ in ("NNP", "NNPS")
                                               and doc[end - 1].whitespace_ != "")


def _given_name_before_surname(doc: Doc, start: int) -> bool:
    """A place name that is a given name ("Santiago", "Victoria", "Jordan") right before a capitalised proper noun
    that heads no place or organisation ("Santiago Mendoza", not "Victoria Falls" or "Jordan Valley")."""
    from graph.extract.text.person_names import given_names

    tok = doc[start]
    nxt = doc[start + 1] if start + 1 < len(doc) else None
    if nxt is None or tok.whitespace_ == "" or tok.text not in given_names():
        return False
    if not (nxt.is_title and nxt.tag_ == "NNP" and nxt.is_alpha) or nxt.lower_ in _HEAD_WORDS:
        return False
    return not (start + 2 < len(doc) and doc[start + 2].lower_ in _HEAD_WORDS)  # "Santiago Metro Line"


# heads of a named feature or building after a place name ("Victoria Falls", "Jordan Valley", "Florence Street")
_FEATURE_HEADS = """Falls Valley River Island Islands Bay Lake Lakes Mountain Mountains Peninsula Strait Square Street
Road Avenue Park Station Bridge Harbour Harbor Beach Coast Heights Hills Springs Creek Canyon Desert Sea Gulf Memorial
Cathedral Church Mosque Palace Castle Tower Centre Center Gardens Hotel Club""".split()
_HEAD_WORDS = frozenset(w.lower() for w in (*PLACE_SUFFIXES, *ORG_HEADS, *EVENT_HEADS, *_FEATURE_HEADS))


@Language.factory("tkg_place_ruler")
def make_place_ruler(nlp: Language, name: str):
    """The gazetteer's place names as entities before ``ner`` (see PlaceRuler: what an
    EntityRuler with places.ruler_patterns does, for a fraction of its cost)."""
    return PlaceRuler(nlp, default_gazetteer())
