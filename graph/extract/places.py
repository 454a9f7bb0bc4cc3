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

from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from ..iris import place_iri
from .actors_lexicon import NOMINAL_HEADS
from .dateline import Dateline, doc_dateline
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

        gaz = gaz or Gazetteer.default()
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
            spans.append(Span(doc, start, end, label=label, span_id="place"))
            text = doc[start:end].text
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


# ---------------------------------------------------------------------- find_locations
def _loc(start: int, end: int, text: str, p: Optional[GeoPlace], fallback_name: str) -> Location:
    if p is None:
        return Location(start, end, text, canonical=place_iri(None, fallback_name),
                        name=fallback_name if fallback_name.endswith(" River") else None)
    return Location(start, end, text, geonames_id=p.geonames_id, lat=p.lat, lon=p.lon, country=p.country,
                    name=p.name, canonical=place_iri(p.geonames_id, p.name))


def _region_word(doc: Doc, i: int) -> bool:
    """'region' right after a name: "the Amhara region", "Kidal Region" ("Deir el-Zour province" keeps naming the
    city's id, as tests/test_unseen.py expects: left as it was)."""
    return i < len(doc) and doc[i].lower_ == "region" and doc[i - 1].whitespace_ != ""


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


# verbs whose direct object is a place: ground taken, lost, attacked, entered or left
PLACE_OBJECT_VERBS = frozenset("""retake recapture capture seize occupy liberate reclaim regain besiege overrun storm
    encircle surround evacuate abandon shell bomb bombard attack strike raid enter reach flee leave visit""".split())


def _place_object(span: Span) -> bool:
    """'shelled El Fasher', 'fled Nyala', 'seized Nyala ... and El Geneina': the span is (a conjunct of) the
    direct object of a verb of place, or a conjunct of a preposition's object ("in Gao and Ménaka")."""
    root = span.root
    for _ in range(4):
        if root.dep_ not in ("conj", "appos"):
            break
        root = root.head
    if root.dep_ == "pobj" and root is not span.root and root.head.lower_ in LOCATIVE:
        return True
    return root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_OBJECT_VERBS


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


RIVER_WORDS = frozenset({"river", "River"})


def _river(core: Span) -> Optional[Span]:
    """The river mention around a place name ("Niger river", "River Niger"), or None."""
    doc = core.doc
    if core.end < len(doc) and doc[core.end].text in RIVER_WORDS:
        return doc[core.start:core.end + 1]
    if core.start > 0 and doc[core.start - 1].text in RIVER_WORDS and core[-1].text not in RIVER_WORDS:
        return doc[core.start - 1:core.end]
    return None


def _river_name(core: Span) -> str:
    words = [t.text for t in core if t.text not in RIVER_WORDS]
    return " ".join(words + ["River"])


def is_river(loc: Location) -> bool:
    return loc.geonames_id is None and bool(loc.name) and loc.name.endswith(" River")


def _context_countries(doc: Doc, gaz: Gazetteer) -> set[str]:
    ctx: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and _river(_strip_det(ent)) is not None:
            continue  # "the Niger river" says nothing about Niger
        if ent.label_ in ("GPE", "LOC"):
            cands = gaz.candidates(_strip_det(ent).text)
            if sum(c.kind == "country" for c in cands) > 1:
                continue  # "Congo": which one, the article's other places decide
            if cands and cands[0].kind != "country" and gaz.quality(_strip_det(ent).text, cands[0]) < 2:
                continue  # "Ber": an alternate name of one Greek town says nothing about the article's countries
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
    deferred: list[Span] = []

    def add(span: Span, p: Optional[GeoPlace], fallback: str) -> None:
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
            river = _river(core)
            if river is not None:
                # "the Niger river", "the River Niger", "Dnipro river": the river, not the country or the
                # city; the gazetteer has no rivers, so no id rather than a wrong one
                add(river, None, _river_name(core))
                continue
            span, p = extend_region(ent)
            if p is None and _region_word(doc, ent.end):
                # "the Kidal region" the supplement lacks: the region, with no id rather than the town's
                p0 = gaz.lookup(core.text, ctx)
                if p0 is None or p0.kind in ("city", "village"):
                    add(doc[ent.start:ent.end + 1], None, f"{core.text} region")
                    continue
            if p is None:
                qual = _qualifier(ent, gaz, ctx)
                p, _ = gaz.lookup_loose(core.text, qual or ctx, strict=bool(qual))
                if p is not None and p.kind in ("city", "village") and p.country not in (qual or ctx) \
                        and p.population < RULER_MIN_CITY_POPULATION and gaz.quality(core.text, p) < 2:
                    # "the town of Ber" (Mali) is not Véroia, Greece, whose alternate names include "Ber": a
                    # foreign town known only by an alternate spelling gets no id rather than a wrong one
                    p = None
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
            if p is None and label == "GPE":
                p = gaz.demonym(core.text)  # "Ukrainian officials" tagged GPE
            if p is None and label != "FAC" and core.text[:1].islower():
                continue
            if p is None and (core.text.lower() in NOMINAL_HEADS or any(ch.isdigit() for ch in core.text)):
                continue  # "Junta extends transition", "M23 rebels": a headline's actor, a group's code name
            if label != "FAC" and _embedded_in_name(ent, p):
                continue
            if core.text in AMBIGUOUS and not _locative(core):
                continue
            add(span, p, core.text)
        elif label == "NORP":
            if _region_word(doc, ent.end):  # "the Amhara region": a region named after its people
                span, p = extend_region(ent)
                add(doc[ent.start:ent.end + 1] if p is None else span, p, f"{core.text} region")
                continue
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
                if _gov_org(ent, gaz, ctx, add):
                    continue
            # a town the small model calls an ORG or a PERSON ("shelled El Fasher", "a resident of
            # El-Fasher"): decided after the other mentions (one sense per article)
            deferred.append(ent)
    pending = []
    for ent in deferred:
        core = _strip_det(ent)
        text = core.text
        if text in AMBIGUOUS or not text[:1].isupper() or _embedded_in_name(ent, None):
            continue
        p, exact = gaz.lookup_loose(text, ctx)
        if p is None or p.kind not in ("city", "village") or p.country not in ctx:
            continue
        if not exact and " " not in normalize(text):
            continue  # a one-word loose spelling of an ORG/PERSON is too often a word ("Defense" ~ Defiance)
        pending.append((ent, core, p))
    for _ in range(2):  # a town accepted in place position vouches for its other mentions (one sense per article)
        found = {l.geonames_id for l in out if l.geonames_id}
        rest = []
        for ent, core, p in pending:
            if p.geonames_id in found or _locative(core) or _place_object(core):
                add(ent, p, core.text)
            else:
                rest.append((ent, core, p))
        pending = rest
    # demonyms the NER left untagged ("Malian flags" tagged nothing)
    for tok in doc:
        if tok.i in taken or not tok.is_title or tok.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
            continue
        if tok.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        p = gaz.demonym(tok.text)
        if p is not None:
            add(doc[tok.i:tok.i + 1], p, tok.text)
    dateline = doc_dateline(doc)
    if dateline is not None:
        _dateline_place(doc, dateline, gaz, ctx, taken, add)
    _untagged_towns(doc, gaz, ctx, taken, add)
    _repeats(doc, out, taken, add)
    out.sort(key=lambda l: l.start)
    out += _longer_mentions(doc, gaz, out)
    out.sort(key=lambda l: (l.start, -(l.end - l.start)))
    return out


def _dateline_place(doc: Doc, d: Dateline, gaz: Gazetteer, ctx: set[str], taken: set[int], add) -> None:
    """The place a wire story was filed from ("BAMAKO (Reuters) -", "Kidal, Mali (AP) --"), which the NER
    often leaves untagged in capitals: geocoded with the country the dateline names, else the article's."""
    span = doc.char_span(d.place[0], d.place[1], alignment_mode="expand")
    if span is None or any(i in taken for i in range(span.start, span.end)):
        return
    qual: set[str] = set()
    if d.region is not None:
        for part in doc.text[d.region[0]:d.region[1]].split(","):
            q = gaz.lookup(part.strip())
            if q is not None and q.country and q.kind in ("country", "admin1", "region"):
                qual.add(q.country)
    p, _ = gaz.lookup_loose(span.text, qual or ctx, strict=bool(qual))
    if p is not None:
        add(span, p, span.text)


# an untagged capitalised word is taken for a town of the article's countries only from this size, and from
# UNTAGGED_NOUN_TOWN when it is also an English noun ("Goma", "Nyala" are nouns in WordNet)
UNTAGGED_TOWN = 15_000
TOWN_NOUNS = frozenset("town city village locality commune".split())
UNTAGGED_NOUN_TOWN = 100_000


@lru_cache(maxsize=1)
def _english_words() -> tuple[frozenset, frozenset]:
    """(verbs, adjectives and adverbs; nouns) of the English model's lemmatizer tables (WordNet's lemmas)."""
    try:
        import glob

        import spacy.util
        from spacy.lookups import Lookups

        from .nlp import MODEL

        path = glob.glob(str(spacy.util.get_package_path(MODEL)) + "/*/lemmatizer/lookups")[0]
        table = Lookups().from_disk(path).get_table("lemma_index")
        other = frozenset(w for k in ("verb", "adj", "adv") for w in table.get(k, ()))
        return other, frozenset(table.get("noun", ()))
    except Exception:  # no tables: no untagged towns (the pass stays off rather than guess)
        return frozenset(), frozenset()


def _untagged_towns(doc: Doc, gaz: Gazetteer, ctx: set[str], taken: set[int], add) -> None:
    """A town named where the NER tagged nothing ("Israeli strikes hit Rafah overnight"): a capitalised
    proper noun inside a sentence (not its first word), standing alone (not part of a longer capitalised
    name), that is exactly the name of a town in one of the article's countries with at least UNTAGGED_TOWN
    inhabitants, and not an English verb, adjective or adverb (a noun needs UNTAGGED_NOUN_TOWN), unless the
    text says it is a town ("the town of Sake", whatever the tagger made of it). Its other mentions then
    follow (_repeats: one sense per article)."""
    if not ctx:
        return
    _untagged_long_towns(doc, gaz, ctx, taken, add)
    other, nouns = (), ()
    for tok in doc:
        if tok.i in taken or tok.ent_type_ or not tok.is_title or not tok.is_alpha \
                or len(tok.text) < 4 or tok.is_sent_start or tok.text in AMBIGUOUS:
            continue
        described = tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lower_ in TOWN_NOUNS
        if tok.pos_ != "PROPN" and not described:
            continue
        prv = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (prv is not None and (prv.is_title or prv.is_upper) and not prv.is_sent_start and prv.is_alpha) or (
                nxt is not None and (nxt.is_title or nxt.is_upper) and nxt.is_alpha):
            continue
        if prv is not None and prv.is_sent_start and prv.is_title and prv.is_alpha:
            continue  # "New Rafah": a sentence-initial first word of a longer name
        p = gaz.lookup(tok.text, ctx)
        if p is None or p.kind not in ("city", "village") or p.country not in ctx or p.population < UNTAGGED_TOWN:
            continue
        if not other:
            other, nouns = _english_words()
            if not other:
                return
        low = tok.lower_
        if not described and (low in other or (low in nouns and p.population < UNTAGGED_NOUN_TOWN)):
            continue  # "the town of Sake" says it is a town, whatever else "sake" means
        add(doc[tok.i:tok.i + 1], p, tok.text)


def _untagged_long_towns(doc: Doc, gaz: Gazetteer, ctx: set[str], taken: set[int], add) -> None:
    """A town of two or three capitalised words the NER left untagged ("Residents of Bahir Dar, the regional
    capital, said"): the whole run of capitalised proper nouns (inside a sentence, no token tagged or taken) is
    exactly the name of a town of the article's countries with at least UNTAGGED_TOWN inhabitants."""
    i, n = 0, len(doc)
    while i < n:
        j = i
        while j < n and doc[j].is_title and doc[j].is_alpha and doc[j].pos_ == "PROPN":
            j += 1
        if j - i in (2, 3) and not doc[i].is_sent_start and not (i > 0 and (doc[i - 1].is_title or doc[i - 1].is_upper)
                                                                 and doc[i - 1].is_alpha) \
                and not any(doc[k].ent_type_ or k in taken for k in range(i, j)):
            name = doc[i:j].text
            p = gaz.lookup(name, ctx)
            if p is not None and p.kind in ("city", "village") and p.country in ctx and p.population >= UNTAGGED_TOWN \
                    and p.name.lower() == name.lower():
                add(doc[i:j], p, name)
                taken.update(range(i, j))
        i = max(j, i + 1)


def _repeats(doc: Doc, found: list[Location], taken: set[int], add) -> None:
    """One sense per article: a geocoded place name repeated where the NER tagged nothing (a headline,
    a dateline, "hit Rafah overnight") is the same place."""
    by_first: dict[str, list[tuple[list[str], Location]]] = {}
    for loc in found:
        if loc.geonames_id is None or loc.mention != "name" or not loc.text[:1].isupper():
            continue
        words = loc.text.split()
        if loc.text in AMBIGUOUS or words[0].lower() in ("the", "a", "an"):
            continue
        by_first.setdefault(words[0], []).append((words, loc))
    if not by_first:
        return
    for tok in doc:
        cands = by_first.get(tok.text)
        if not cands or tok.i in taken or tok.ent_type_:
            continue
        for words, loc in cands:
            end = tok.i + len(words)
            if end <= len(doc) and [t.text for t in doc[tok.i:end]] == words and not any(
                    doc[i].ent_type_ for i in range(tok.i, end)):
                p = GeoPlace(loc.geonames_id, loc.name or loc.text, loc.lat, loc.lon, loc.country, "city")
                sp = doc[tok.i:end]
                if not _embedded_in_name(sp, None):
                    add(sp, p, loc.text)
                break


# heads of descriptions that refer to a place (MEANTIME and ACE tag governments as locations: "the US
# government", "the federal government", "the governments of Canada and Ontario")
GOV_NOUNS = frozenset({"government", "administration"})
COUNTRY_NOUNS = frozenset({"country", "nation"})
# verbs whose object "it" is ground taken or lost
TERRITORIAL_VERBS = frozenset("retake recapture capture seize occupy liberate reclaim regain besiege overrun "
                              "storm encircle surround evacuate abandon".split())
_REGION_KINDS = ("admin1", "country", "region")


_KEYWORDS = frozenset("government governments administration administrations country nation world which "
                      "where it".split())


def _keyword_tokens(doc: Doc):
    """Tokens of the words _longer_mentions looks at (visiting every token costs)."""
    from spacy.attrs import LOWER

    from .products import token_indices

    for i in token_indices(doc, LOWER, _KEYWORDS.__contains__):
        yield doc[i]


def _with_mention(loc: Location, start: int, end: int, text: str, mention: str) -> Location:
    return Location(start, end, text, geonames_id=loc.geonames_id, lat=loc.lat, lon=loc.lon, country=loc.country,
                    name=loc.name, canonical=loc.canonical, mention=mention)


def _longer_mentions(doc: Doc, gaz: Gazetteer, names: list[Location]) -> list[Location]:
    """Place mentions around or instead of names, resolved to the place they refer to:

    * "Mobile, Alabama", "Long Beach, California": a city with its state or country is one longer
      mention of the city (the city and the state stay mentions of their own);
    * "the US government", "the Canadian Government", "the government of Canada", "the federal
      government": a government is a mention of the country it governs (its place modifier, else the
      country the article is about);
    * "the country", "the nation", "his country": the country last named (else the article's country);
    * "the world": Earth;
    * relative "which"/"where" right after a place mention: that place; "it" as the object of a verb of
      taking ground ("retake it"): the last town or region named.
    """
    from .products import left_extent

    if not names:
        return []
    by_start = {}
    loc_at: dict[int, Location] = {}
    for loc in names:
        sp = doc.char_span(loc.start, loc.end, alignment_mode="expand")
        if sp is None:
            continue
        by_start[sp.start] = (sp, loc)
        for t in sp:
            loc_at[t.i] = loc
    out: list[Location] = []
    seen = {(l.start, l.end) for l in names}

    def emit(start: int, end: int, loc: Location, mention: str) -> None:
        sc, ec = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        if (sc, ec) in seen:
            return
        seen.add((sc, ec))
        out.append(_with_mention(loc, sc, ec, doc[start:end].text, mention))

    # a city with its state / country
    for sp, loc in by_start.values():
        e = sp.end
        if e + 1 < len(doc) and doc[e].text == "," and e + 1 in by_start:
            sp2, loc2 = by_start[e + 1]
            if (sp2.end + 1 < len(doc) and doc[sp2.end].tag_ == "POS"
                    and doc[sp2.end + 1].pos_ != "PROPN"):
                continue  # "Nyala, Sudan's second city": an apposition ("Wimborne, UK's Cobham" is not)
            p2 = gaz.place_by_id(loc2.geonames_id) if loc2.geonames_id else None
            p1 = gaz.place_by_id(loc.geonames_id) if loc.geonames_id else None
            if (p2 is not None and loc.country and loc.country == loc2.country and loc.geonames_id != loc2.geonames_id
                    and (p1 is None or p1.kind not in ("country", "continent", "admin1"))
                    and (p2.kind in _REGION_KINDS or (p2.kind == "city" and p1 is not None
                                                      and p2.population > p1.population))):
                emit(sp.start, sp2.end, loc, "extent")

    # "Singapore's Changi International Airport": the place with its possessor is one mention of the place
    for sp, loc in by_start.values():
        s0 = sp.start
        if s0 >= 2 and doc[s0 - 1].tag_ == "POS" and s0 - 2 in loc_at and loc_at[s0 - 2] is not loc:
            first = min(i for i in range(max(0, s0 - 8), s0 - 1) if loc_at.get(i) is loc_at[s0 - 2])
            emit(first, sp.end, loc, "extent")

    # the article's country: the country named most often
    counts: dict[str, int] = {}
    for loc in names:
        if loc.country:
            counts[loc.country] = counts.get(loc.country, 0) + 1
    main = max(counts, key=lambda k: counts[k]) if counts else None
    main_loc = None
    if main is not None:
        cp = gaz.countries.get(main)
        if cp is not None:
            main_loc = _loc(0, 0, "", cp, cp.name)

    def country_before(i: int) -> Optional[Location]:
        """The country of the place named last before token i ("Kyiv said the country..." -> Ukraine)."""
        best = None
        for loc in names:
            if loc.start >= doc[i].idx:
                break
            if loc.country:
                best = loc
        if best is None:
            return None
        cp = gaz.countries.get(best.country)
        if cp is None or cp.geonames_id == best.geonames_id:
            return best
        return _loc(0, 0, "", cp, cp.name)

    ep = gaz.lookup("Earth")
    earth = _loc(0, 0, "", ep, "Earth") if ep is not None and ep.kind == "planet" else None
    keyed = list(_keyword_tokens(doc))
    for tok in keyed:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in loc_at:
            continue
        low = tok.lower_
        lemma = tok.lemma_.lower()
        if lemma in GOV_NOUNS and (tok.ent_type_ == "" or tok.ent_type_ == "ORG" and (
                tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")):  # not "Government Accountability Office"
            s = left_extent(doc, tok.i, tok.i + 1)
            e = tok.i + 1
            ref = next((loc_at[i] for i in range(s, e) if i in loc_at), None)
            if ref is None:
                for ch in tok.children:
                    if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i == tok.i + 1:
                        obj = next((o for o in ch.children if o.dep_ == "pobj" and o.i in loc_at), None)
                        if obj is not None:
                            ref = loc_at[obj.i]
                            e = max(i for i in range(obj.i, len(doc)) if loc_at.get(i) is ref
                                    and all(loc_at.get(j) is ref for j in range(obj.i, i + 1))) + 1
                        break
            if ref is None:
                if tok.tag_ == "NNS" or main_loc is None:
                    continue
                if any(c.dep_ == "poss" for c in tok.children):
                    continue  # "its government": whose is not known here
                if any(c.dep_ in ("compound", "nmod") and c.ent_type_ == "PERSON" for c in tok.children):
                    continue  # "the Biden administration" in a Haiti story is not Haiti's
                ref = main_loc
            emit(s, e, ref, "nominal")
        elif lemma in COUNTRY_NOUNS and tok.tag_ == "NN" and tok.dep_ != "compound":
            det = [c for c in tok.children if c.dep_ in ("det", "poss")]
            if not det or det[0].lower_ not in ("the", "his", "her", "its", "their", "our", "this") or any(
                    c.dep_ in ("amod", "compound") and c.lower_ not in ("whole", "entire") for c in tok.children):
                continue
            ref = country_before(tok.i) or main_loc
            if ref is not None:
                emit(det[0].i if det[0].i < tok.i else tok.i, tok.i + 1, ref, "nominal")
        elif low == "world" and tok.dep_ != "compound" and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
            if earth is not None:  # "the world's largest", "in the world"
                emit(tok.i - 1, tok.i + 1, earth, "nominal")
    # "it" as the object of a verb of taking ground: the last town or region named ("the junta had long
    # signalled its determination to retake it" -> Kidal)
    for tok in keyed:
        if tok.lower_ == "it" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in TERRITORIAL_VERBS:
            ref = None
            floor = doc[tok.i].sent.start
            for _ in range(3):
                if floor > 0:
                    floor = doc[floor - 1].sent.start
            for l in names:
                if l.end > tok.idx or l.start < doc[floor].idx:
                    continue
                p = gaz.place_by_id(l.geonames_id) if l.geonames_id else None
                if p is not None and p.kind in ("city", "village", "region", "admin1"):
                    ref = l
            if ref is not None:
                emit(tok.i, tok.i + 1, ref, "pronoun")

    # relative pronouns after a place: "Suvarnabhumi Airport, which serves Bangkok"
    at = dict(loc_at)
    for l in out:
        sp = doc.char_span(l.start, l.end, alignment_mode="expand")
        if sp is not None:
            at.setdefault(sp.root.i, l)
    for tok in keyed:
        if tok.lower_ in ("which", "where") and tok.head.dep_ == "relcl" and tok.dep_ in (
                "nsubj", "nsubjpass", "dobj", "advmod", "pobj") and tok.head.head.i < tok.i:
            ref = at.get(tok.head.head.i)
            if ref is not None:
                emit(tok.i, tok.i + 1, ref, "pronoun")
    return out


def _gov_org(ent: Span, gaz: Gazetteer, ctx: set[str], add) -> bool:
    """'the Canadian Government', 'Malian Armed Forces', 'US Air Force': the leading place name or
    demonym of a state-institution ORG is a place mention."""
    core = _strip_det(ent)
    if core.end - core.start < 2 or core[-1].text not in GOV_HEADS:
        return False
    for k in range(min(len(core) - 1, 4), 0, -1):
        head = core[:k]
        p = gaz.demonym(head.text) if head.text[:1].isupper() else None
        if p is None and gaz.is_name(head.text):
            p = gaz.lookup(head.text, ctx)
        if p is not None:
            add(head, p, head.text)
            return True
    return False


def context_countries(doc: Doc, gaz: Optional[Gazetteer] = None) -> set[str]:
    """ISO alpha-2 codes of the countries a doc is about (its unambiguous country-level mentions)."""
    return _context_countries(doc, gaz or Gazetteer.default())


__all__: Iterable[str] = ("ruler_patterns", "place_surfaces", "PlaceRuler", "find_locations",
                          "context_countries")
