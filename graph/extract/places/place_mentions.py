"""Place mentions around or instead of names ("Mobile, Alabama", "the US government", "the country", "the
world", "which", "retake it"), resolved to the place they refer to: see :func:`longer_mentions`."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from graph.extract.model import Location
from graph.extract.places.gazetteer import Gazetteer
from graph.extract.places.place_spans import location
from graph.extract.places.places_lexicon import COUNTRY_NOUNS, GOV_NOUNS, TERRITORIAL_VERBS, TOWN_NOUNS

_REGION_KINDS = ("admin1", "country", "region")
_KEYWORDS = frozenset("government governments administration administrations country nation world which "
                      "where it city town village".split())
_SETTLEMENT_KINDS = ("city", "village")


def _keyword_tokens(doc: Doc):
    """Tokens of the words longer_mentions looks at (visiting every token costs)."""
    from spacy.attrs import LOWER

    from graph.extract.text.phrases import token_indices

    for i in token_indices(doc, LOWER, _KEYWORDS.__contains__):
        yield doc[i]


def _with_mention(loc: Location, start: int, end: int, text: str, mention: str) -> Location:
    return Location(start, end, text, geonames_id=loc.geonames_id, lat=loc.lat, lon=loc.lon, country=loc.country,
                    name=loc.name, canonical=loc.canonical, mention=mention)


def longer_mentions(doc: Doc, gaz: Gazetteer, names: list[Location]) -> list[Location]:
    """Place mentions around or instead of names, resolved to the place they refer to:

    * "Mobile, Alabama", "Long Beach, California": a city with its state or country is one longer
      mention of the city (the city and the state stay mentions of their own);
    * "the US government", "the Canadian Government", "the government of Canada", "the federal
      government": a government is a mention of the country it governs (its place modifier, else the
      country the article is about);
    * "the country", "the nation", "his country": the country last named (else the article's country);
    * "the world": Earth;
    * "the town", "the city of Lyon": the town its "of" names, else the town the article has named most so far;
    * relative "which"/"where" right after a place mention: that place; "it" as the object of a verb of
      taking ground ("retake it"): the last town or region named.
    """
    if not names:
        return []
    return _PlaceMentions(doc, gaz, names).run()


def _name_tokens(doc: Doc, names: list[Location]) -> tuple[dict[int, tuple[Span, Location]], dict[int, Location]]:
    """The names' token spans by first token, and the name at each token, for the steps to look around names."""
    by_start = {}
    loc_at: dict[int, Location] = {}
    for loc in names:
        sp = doc.char_span(loc.start, loc.end, alignment_mode="expand")
        if sp is None:
            continue
        by_start[sp.start] = (sp, loc)
        for t in sp:
            loc_at[t.i] = loc
    return by_start, loc_at


class _PlaceMentions:
    """One article's longer place mentions, found step by step; the attributes are the state the steps share."""

    def __init__(self, doc: Doc, gaz: Gazetteer, names: list[Location]) -> None:
        self.doc = doc
        self.gaz = gaz
        self.names = names
        self.by_start, self.loc_at = _name_tokens(doc, names)
        self.out: list[Location] = []
        self.seen = {(l.start, l.end) for l in names}  # character extents already mentioned: each once

    def run(self) -> list[Location]:
        """All steps in order: the relative pronouns also see the mentions the earlier steps found."""
        self.add_city_with_region()
        self.add_possessor_extents()
        main_loc = self.main_country()
        earth = self.earth()
        keyed = list(_keyword_tokens(self.doc))
        self.add_nominals(keyed, main_loc, earth)
        self.add_territorial_it(keyed)
        self.add_relative_pronouns(keyed)
        return self.out

    def emit(self, start: int, end: int, loc: Location, mention: str) -> None:
        """Tokens start..end as a mention of loc, unless that text extent is already a mention."""
        doc = self.doc
        sc, ec = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        if (sc, ec) in self.seen:
            return
        self.seen.add((sc, ec))
        self.out.append(_with_mention(loc, sc, ec, doc[start:end].text, mention))

    def add_city_with_region(self) -> None:
        """"Mobile, Alabama": a city with its state or country (same country, a larger place) is one mention of
        the city."""
        doc, gaz, by_start = self.doc, self.gaz, self.by_start
        for sp, loc in by_start.values():
            e = sp.end
            if e + 1 < len(doc) and doc[e].text == "," and e + 1 in by_start:
                sp2, loc2 = by_start[e + 1]
                if (sp2.end + 1 < len(doc) and doc[sp2.end].tag_ == "POS"
                        and doc[sp2.end + 1].pos_ != "PROPN"):
                    continue  # "Nyala, Sudan's second city": an apposition ("Wimborne, UK's Cobham" is not)
                p2 = gaz.place_by_id(loc2.geonames_id) if loc2.geonames_id else None
                p1 = gaz.place_by_id(loc.geonames_id) if loc.geonames_id else None
                if (p2 is not None and loc.country and loc.country == loc2.country
                        and loc.geonames_id != loc2.geonames_id
                        and (p1 is None or p1.kind not in ("country", "continent", "admin1"))
                        and (p2.kind in _REGION_KINDS or (p2.kind == "city" and p1 is not None
                                                          and p2.population > p1.population))):
                    self.emit(sp.start, sp2.end, loc, "extent")

    def add_possessor_extents(self) -> None:
        """"Singapore's Changi International Airport": the place with its possessor is one mention of the place."""
        doc, loc_at = self.doc, self.loc_at
        for sp, loc in self.by_start.values():
            s0 = sp.start
            if s0 >= 2 and doc[s0 - 1].tag_ == "POS" and s0 - 2 in loc_at and loc_at[s0 - 2] is not loc:
                first = min(i for i in range(max(0, s0 - 8), s0 - 1) if loc_at.get(i) is loc_at[s0 - 2])
                self.emit(first, sp.end, loc, "extent")

    def main_country(self) -> Optional[Location]:
        """The article's country (the country named most often), which a bare "the government" refers to."""
        counts: dict[str, int] = {}
        for loc in self.names:
            if loc.country:
                counts[loc.country] = counts.get(loc.country, 0) + 1
        main = max(counts, key=lambda k: counts[k]) if counts else None
        if main is not None:
            cp = self.gaz.countries.get(main)
            if cp is not None:
                return location(0, 0, "", cp, cp.name)
        return None

    def earth(self) -> Optional[Location]:
        """Earth, which "the world" refers to, if the gazetteer has it as a planet."""
        ep = self.gaz.lookup("Earth")
        return location(0, 0, "", ep, "Earth") if ep is not None and ep.kind == "planet" else None

    def country_before(self, i: int) -> Optional[Location]:
        """The country of the place named last before token i ("Kyiv said the country..." -> Ukraine)."""
        best = None
        for loc in self.names:
            if loc.start >= self.doc[i].idx:
                break
            if loc.country:
                best = loc
        if best is None:
            return None
        cp = self.gaz.countries.get(best.country)
        if cp is None or cp.geonames_id == best.geonames_id:
            return best
        return location(0, 0, "", cp, cp.name)

    def add_nominals(self, keyed: list[Token], main_loc: Optional[Location], earth: Optional[Location]) -> None:
        """Nouns that stand for a place: a government, "the country", "the world" (none inside a name)."""
        doc = self.doc
        for tok in keyed:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self.loc_at:
                continue
            low = tok.lower_
            lemma = tok.lemma_.lower()
            if lemma in GOV_NOUNS and (tok.ent_type_ == "" or tok.ent_type_ == "ORG" and (
                    tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")):  # not "Government Accountability Office"
                self.add_government(tok, main_loc)
            elif lemma in COUNTRY_NOUNS and tok.tag_ == "NN" and tok.dep_ != "compound":
                self.add_country_noun(tok, main_loc)
            elif lemma in TOWN_NOUNS and tok.tag_ == "NN" and tok.dep_ != "compound":
                self.add_settlement_noun(tok)
            elif low == "world" and tok.dep_ != "compound" and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
                if earth is not None:  # "the world's largest", "in the world"
                    self.emit(tok.i - 1, tok.i + 1, earth, "nominal")

    def add_government(self, tok: Token, main_loc: Optional[Location]) -> None:
        """A government as a mention of the country it governs: its place modifier ("the US government"), its
        "of" place ("the government of Canada"), else the article's country."""
        from graph.extract.text.phrases import left_extent

        s = left_extent(self.doc, tok.i, tok.i + 1)
        e = tok.i + 1
        ref = next((self.loc_at[i] for i in range(s, e) if i in self.loc_at), None)
        if ref is None:
            ref, e = self.government_of(tok, e)
        if ref is None:
            ref = self.unnamed_government(tok, main_loc)
            if ref is None:
                return
        self.emit(s, e, ref, "nominal")

    def government_of(self, tok: Token, e: int) -> tuple[Optional[Location], int]:
        """The place in "the government of Canada" and the end of the mention through it, or the country whose
        capital the government sits in ("the government in Lima": Peru; the mention stays "the government");
        else None and e."""
        doc, loc_at = self.doc, self.loc_at
        ref = None
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i == tok.i + 1:
                obj = next((o for o in ch.children if o.dep_ == "pobj" and o.i in loc_at), None)
                if obj is not None:
                    ref = loc_at[obj.i]
                    e = max(i for i in range(obj.i, len(doc)) if loc_at.get(i) is ref
                            and all(loc_at.get(j) is ref for j in range(obj.i, i + 1))) + 1
                break
            if ch.dep_ == "prep" and ch.lower_ == "in" and ch.i == tok.i + 1:
                obj = next((o for o in ch.children if o.dep_ == "pobj" and o.i in loc_at and not o.conjuncts), None)
                ref = self.seat_country(loc_at[obj.i]) if obj is not None and tok.tag_ != "NNS" else None
                break
        return ref, e

    def seat_country(self, seat: Location) -> Optional[Location]:
        """The country governed from `seat` when it is a capital city (a metonym: "Bogota asked Havana")."""
        if not seat.country or (seat.name or seat.text) not in self.gaz.capitals:
            return None
        cp = self.gaz.countries.get(seat.country)
        return location(0, 0, "", cp, cp.name) if cp is not None else None

    @staticmethod
    def unnamed_government(tok: Token, main_loc: Optional[Location]) -> Optional[Location]:
        """The article's country for a government no place names, unless it may be another's (plural, possessed,
        a person's administration)."""
        if tok.tag_ == "NNS" or main_loc is None:
            return None
        if any(c.dep_ == "poss" for c in tok.children):
            return None  # "its government": whose is not known here
        if any(c.dep_ in ("compound", "nmod") and c.ent_type_ == "PERSON" for c in tok.children):
            return None  # "the Biden administration" in a Haiti story is not Haiti's
        return main_loc

    def add_country_noun(self, tok: Token, main_loc: Optional[Location]) -> None:
        """"The country", "his nation": the country last named, else the article's country."""
        det = [c for c in tok.children if c.dep_ in ("det", "poss")]
        if not det or det[0].lower_ not in ("the", "his", "her", "its", "their", "our", "this") or any(
                c.dep_ in ("amod", "compound") and c.lower_ not in ("whole", "entire") for c in tok.children):
            return
        ref = self.country_before(tok.i) or main_loc
        if ref is not None:
            self.emit(det[0].i if det[0].i < tok.i else tok.i, tok.i + 1, ref, "nominal")

    def add_settlement_noun(self, tok: Token) -> None:
        """"The town of Nyala", "vowed to retake the city": the town its "of" names, else the town the article
        has named most so far (the latest of a tie); "a town", "several villages" are none the article named."""
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("the", "this", "that") or det.i > tok.i:
            return
        ref = None
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ == "of":
                ref = next((self.loc_at[o.i] for o in ch.children if o.dep_ == "pobj" and o.i in self.loc_at), None)
        if ref is None:
            ref = self.settlement_before(tok.idx)
        if ref is not None:
            self.emit(det.i, tok.i + 1, ref, "nominal")

    def settlement_before(self, at: int) -> Optional[Location]:
        """The town or village named most often before character ``at`` (the latest on a tie)."""
        counts: dict[int, int] = {}
        last: dict[int, Location] = {}
        for loc in self.names:
            if loc.end > at or loc.mention != "name" or not loc.geonames_id:
                continue
            p = self.gaz.place_by_id(loc.geonames_id)
            if p is not None and p.kind in _SETTLEMENT_KINDS:
                counts[loc.geonames_id] = counts.get(loc.geonames_id, 0) + 1
                last[loc.geonames_id] = loc
        if not counts:
            return None
        best = max(counts.values())
        return max((last[g] for g, n in counts.items() if n == best), key=lambda l: l.start)

    def add_territorial_it(self, keyed: list[Token]) -> None:
        """"It" as the object of a verb of taking ground: the last town or region named in the last few sentences
        ("the junta had long signalled its determination to retake it" -> Kidal)."""
        doc, gaz = self.doc, self.gaz
        for tok in keyed:
            if tok.lower_ == "it" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in TERRITORIAL_VERBS:
                ref = None
                floor = doc[tok.i].sent.start
                for _ in range(3):
                    if floor > 0:
                        floor = doc[floor - 1].sent.start
                for l in self.names:
                    if l.end > tok.idx or l.start < doc[floor].idx:
                        continue
                    p = gaz.place_by_id(l.geonames_id) if l.geonames_id else None
                    if p is not None and p.kind in ("city", "village", "region", "admin1"):
                        ref = l
                if ref is not None:
                    self.emit(tok.i, tok.i + 1, ref, "pronoun")

    def add_relative_pronouns(self, keyed: list[Token]) -> None:
        """Relative "which"/"where" after a place or a longer place mention: "Suvarnabhumi Airport, which serves
        Bangkok"."""
        doc = self.doc
        at = dict(self.loc_at)
        for l in self.out:
            sp = doc.char_span(l.start, l.end, alignment_mode="expand")
            if sp is not None:
                at.setdefault(sp.root.i, l)
        for tok in keyed:
            if tok.lower_ in ("which", "where") and tok.head.dep_ == "relcl" and tok.dep_ in (
                    "nsubj", "nsubjpass", "dobj", "advmod", "pobj") and tok.head.head.i < tok.i:
                ref = at.get(tok.head.head.i)
                if ref is not None:
                    self.emit(tok.i, tok.i + 1, ref, "pronoun")
