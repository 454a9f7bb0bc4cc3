"""What fact rules read about one article: per-token actors, places and times, the events by trigger,
and the few article-wide answers (its main country) that several rules need.

Phrases resolve through the parse: a phrase's head token, then its apposition, "of" object, compound
and possessor ("the strategic northern town of Kidal", "Kidal, a stronghold", "Mali's military
leaders"), so a rule names the head and gets the place or actor the phrase is about.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from graph.extract.actors.actors_lexicon import DEMONYM_TO_ISO, NAME_TO_ISO
from graph.extract.model import Entity, Event, EventTime, Location, Timex
from graph.extract.places.gazetteer_cache import default_gazetteer

# dependents that stay inside a noun phrase's reference ("the town of Kidal", "Kidal, a stronghold")
PHRASE_DEPS = {"appos", "compound", "nmod", "poss", "pobj", "amod"}
ACTOR_KINDS_THAT_HOLD = {"armed_group", "state", "organization", "igo"}
# "the town", "their stronghold town": a settlement the article spoke of without naming it again
SETTLEMENT_NOUNS = {"town", "city", "village", "locality", "stronghold", "settlement", "enclave", "hometown"}
# place mentions that name a place or resolve to a named one ("which", "the country"); not bare "the town"
PLACE_MENTIONS = {"name", "extent", "pronoun", "nominal", "demonym"}  # "Somali President": Somalia's office


def _is_actor(iri: Optional[str]) -> bool:
    return bool(iri) and "/actor/" in iri  # type: ignore[operator]


@dataclass
class FactContext:
    doc: Doc
    dct: datetime
    timexes: list[Timex]
    entities: list[Entity]
    locations: list[Location]
    events: list[Event]
    actor_at: list[Optional[Entity]] = field(init=False)
    place_at: list[Optional[Location]] = field(init=False)
    timex_at: list[Optional[Timex]] = field(init=False)
    event_at: dict[int, int] = field(init=False)  # trigger token index -> index into events

    def __post_init__(self) -> None:
        n = len(self.doc)
        self.actor_at, self.place_at, self.timex_at = [None] * n, [None] * n, [None] * n
        actors = [e for e in self.entities if _is_actor(e.canonical)]
        places = [loc for loc in self.locations if loc.canonical and loc.mention in PLACE_MENTIONS]
        dated = [t for t in self.timexes if t.begin or t.value == "PRESENT_REF"]
        for table, items in ((self.actor_at, actors), (self.place_at, places), (self.timex_at, dated)):
            for it in sorted(items, key=lambda x: -(x.end - x.start)):  # the shortest span wins its tokens
                for t in self._tokens(it.start, it.end):
                    table[t] = it
        self.event_at = {}
        for i, ev in enumerate(self.events):
            toks = self._tokens(ev.start, ev.end)
            if toks:
                self.event_at.setdefault(toks[-1] if len(toks) > 1 else toks[0], i)

    def asserted(self) -> Iterator[tuple[int, Event, Token]]:
        """(index, event, trigger's root token) of the events that can start or end a state: not negated,
        not future or hypothetical, and found in the parse."""
        for i, ev in enumerate(self.events):
            if ev.modality in ("negated", "future", "hypothetical"):
                continue
            span = self.doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is not None:
                yield i, ev, span.root

    def _tokens(self, start: int, end: int) -> list[int]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return [t.i for t in span] if span is not None else []

    # --- phrases -> actors and places ---

    def actor(self, tok: Token, depth: int = 2) -> Optional[Entity]:
        """The actor a phrase headed by `tok` refers to (its head's, else its apposition's, compound's ...)."""
        ent = self.actor_at[tok.i]
        if ent is not None:
            return ent
        if depth:
            for c in tok.children:
                if c.dep_ in {"appos", "compound", "nmod"} or (c.dep_ == "prep" and c.lower_ == "of"):
                    found = self.actor(next((g for g in c.children if g.dep_ == "pobj"), c) if c.dep_ == "prep"
                                       else c, depth - 1)
                    if found is not None:
                        return found
        return None

    def actor_word(self, tok: Token) -> Optional[Entity]:
        """An actor named by a modifier ("rebel hands", "Houthi control"): its own mention, else the actor
        that a mention headed by the same word refers to elsewhere in the article ("the rebels")."""
        ent = self.actor_at[tok.i]
        if ent is not None:
            return ent
        lemma = tok.lemma_.lower()
        votes = Counter(e.canonical for e in self.entities if _is_actor(e.canonical) and e.mention != "pronoun"
                        and self.doc.char_span(e.start, e.end, alignment_mode="expand") is not None
                        and self.doc.char_span(e.start, e.end, alignment_mode="expand").root.lemma_.lower() == lemma)
        if not votes:
            return None
        iri = votes.most_common(1)[0][0]
        return next(e for e in self.entities if e.canonical == iri)

    def place(self, tok: Token, depth: int = 3) -> Optional[Location]:
        """The place a phrase headed by `tok` refers to: "the town of Kidal", "Kidal, a stronghold", "which"."""
        loc = self.place_at[tok.i]
        if loc is not None:
            return loc
        if depth and self.actor_at[tok.i] is None:
            for c in tok.children:
                if c.dep_ in {"appos", "compound"}:
                    found = self.place(c, depth - 1)
                elif c.dep_ == "prep" and c.lower_ == "of":
                    found = next((self.place(g, depth - 1) for g in c.children if g.dep_ == "pobj"), None)
                else:
                    continue
                if found is not None:
                    return found
        return None

    def settlement(self, tok: Token) -> Optional[Location]:
        """The town "the town" / "their stronghold town" means: the settlement the article has named most
        so far (the latest of a tie). None for anything but a settlement noun without a name of its own."""
        if tok.lemma_.lower() not in SETTLEMENT_NOUNS or tok.tag_ != "NN" or self.place(tok) is not None:
            return None
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) for c in tok.children):
            return None  # "several villages", "a town": not one the article has named
        seen = [loc for loc in self.locations if loc.canonical and loc.mention == "name" and loc.end <= tok.idx
                and self.is_settlement(loc)]
        if not seen:
            return None
        counts = Counter(loc.canonical for loc in seen)
        best = max(counts.values())
        return next(loc for loc in reversed(seen) if counts[loc.canonical] == best)

    def is_settlement(self, loc: Location) -> bool:
        p = default_gazetteer().place_by_id(loc.geonames_id) if loc.geonames_id else None
        return p is None or p.kind in ("city", "village")

    def kind(self, ent: Entity) -> str:
        return ent.kind or ""

    def holds_places(self, ent: Optional[Entity]) -> bool:
        return ent is not None and self.kind(ent) in ACTOR_KINDS_THAT_HOLD

    def is_country(self, loc: Location) -> bool:
        if not loc.geonames_id:
            return False
        p = default_gazetteer().place_by_id(loc.geonames_id)
        return p is not None and p.kind == "country"

    @cached_property
    def main_country(self) -> Optional[Location]:
        """The country the article names most (first named on a tie): whose offices its titles are."""
        names = [loc for loc in self.locations if loc.canonical and loc.mention in ("name", "demonym")
                 and self.is_country(loc)]
        if not names:
            return None
        counts = Counter(loc.canonical for loc in names)
        best = max(counts.values())
        return next(loc for loc in names if counts[loc.canonical] == best)

    @staticmethod
    def label_country(ent: Entity) -> Optional[str]:
        """The ISO code of the country an actor's name says it is of ("Malian Armed Forces", "Government of Mali")."""
        for word in (ent.label or ent.text).replace("’", "'").replace("'s", "").split():
            iso = DEMONYM_TO_ISO.get(word.lower()) or NAME_TO_ISO.get(word.lower())
            if iso:
                return iso
        return None

    def own_country(self, ent: Entity, loc: Location) -> bool:
        """A country's own forces in that country: no news of presence or control."""
        return self.is_country(loc) and loc.country is not None and self.label_country(ent) == loc.country

    def country_of(self, iso: Optional[str]) -> Optional[Location]:
        """The article's mention of the country with this ISO code, if it names it."""
        return next((loc for loc in self.locations if loc.canonical and loc.country == iso and self.is_country(loc)),
                    None) if iso else None

    # --- times ---

    def article_time(self) -> EventTime:
        day = self.dct.date().isoformat()
        return EventTime(day, f"{day}T00:00:00", f"{day}T23:59:59", "article")

    def timex_time(self, t: Timex) -> EventTime:
        if t.value == "PRESENT_REF" or not t.begin:  # "until now": the publication date
            return EventTime(self.dct.date().isoformat(), t.begin or self.article_time().begin,
                             t.end_value or self.article_time().end_value, "timex")
        return EventTime(t.value, t.begin, t.end_value, "timex")

    @cached_property
    def _sentence_starts(self) -> dict[int, int]:
        return {s.start: k for k, s in enumerate(self.doc.sents)}

    def sentence_of(self, tok: Token) -> int:
        """The index of the sentence `tok` is in (Extraction.sentences)."""
        return self._sentence_starts.get(tok.sent.start, 0)

    def event_of(self, tok: Token) -> Optional[int]:
        return self.event_at.get(tok.i)
