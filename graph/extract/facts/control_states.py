"""Control stated as a state, not a change: what held, and over which time.

- State verbs: "the town, which has been controlled by the predominantly Tuareg armed groups", "the rebels
  hold Gao", "the rebel-held town of Gao", "Houthi-controlled Sanaa".
- Phrases: "Kidal has been in rebel hands since 2012", "Sanaa, under Houthi control since 2014", "under
  the control of the army".

Bounds come from the prepositions on the state ("since 2012" begins it, "until May" ends it); any other
time the state is dated by (its event's time, the publication date for the present perfect) is a time
it held. A modifier that names no actor by itself ("rebel hands") is the actor the article calls by
that word elsewhere ("the rebels").
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from graph.extract.facts.fact_context import FactContext
from graph.extract.facts.fact_time import marked_times, verb_lemma
from graph.extract.facts.facts_lexicon import CONTROL_NOUNS, STATE_CONTROL
from graph.extract.model import Entity, Event, EventTime, Location, StateFact

STATEMENT_CONFIDENCE = 0.6
HOLDER_MODIFIERS = {"amod", "compound", "npadvmod", "poss", "nmod"}


class ControlStates:
    def __init__(self, ctx: FactContext) -> None:
        self.ctx = ctx

    def facts(self) -> list[StateFact]:
        out: list[StateFact] = []
        for i, ev, trig in self.ctx.asserted():
            if trig.pos_ == "VERB" and verb_lemma(trig) in STATE_CONTROL:
                out += self._verb(i, ev, trig)
        for tok in self.ctx.doc:
            if tok.lemma_.lower() in CONTROL_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "under"}:
                out += self._phrase(tok)
        return out

    def _holder_ok(self, ent: Optional[Entity]) -> Optional[Entity]:
        return ent if self.ctx.holds_places(ent) else None

    def _verb(self, i: int, ev: Event, trig: Token) -> list[StateFact]:
        holder: Optional[Entity] = None
        objects: list[Token] = []
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trig.children)
        if trig.dep_ == "amod" or (trig.dep_ == "acl" and trig.tag_ == "VBN"):
            # "the rebel-held town", "Houthi-controlled Sanaa", "the town held by the rebels"
            mods = [c for c in trig.children if c.dep_ in HOLDER_MODIFIERS]
            holder = next((h for h in (self._holder_ok(self.ctx.actor_word(m)) for m in mods) if h), None)
            objects = [trig.head]
        elif passive:
            objects = [c for c in trig.children if c.dep_ == "nsubjpass"]
        else:
            objects = [c for c in trig.children if c.dep_ == "dobj"]
        if holder is None:
            holder = next((self._holder_ok(e) for e in (self._entity(a.canonical) for a in ev.args
                                                         if a.role == "agent") if self._holder_ok(e)), None)
        if holder is None:
            return []
        loc = next((p for p in (self.ctx.place(o) or self.ctx.settlement(o) for o in objects) if p), None)
        if loc is None or self.ctx.is_country(loc) or loc.canonical == holder.canonical:
            return []
        start, end = marked_times(self.ctx, [trig])
        held = None if start or end else (ev.time if ev.time and ev.time.begin else self.ctx.article_time())
        conf = min(ev.confidence, STATEMENT_CONFIDENCE + 0.1)
        return [self._fact(holder, loc, start, end, held, [ev.sentence], [i], conf)]

    def _entity(self, iri: Optional[str]) -> Optional[Entity]:
        return next((e for e in self.ctx.entities if e.canonical == iri), None) if iri else None

    def _phrase(self, noun: Token) -> list[StateFact]:
        """ "in rebel hands", "under Houthi control", "under the control of the army" and their place."""
        prep = noun.head
        mods = [c for c in noun.children if c.dep_ in HOLDER_MODIFIERS]
        mods += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"]
        holder = next((h for h in (self._holder_ok(self.ctx.actor_word(m)) for m in mods) if h), None)
        if holder is None:
            return []
        head = prep.head
        if head.pos_ in ("VERB", "AUX"):  # "Kidal has been in rebel hands", "which remains under ..."
            objects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        else:  # "Sanaa, under Houthi control since 2014,"
            objects = [head]
        loc = next((p for p in map(self.ctx.place, objects) if p is not None), None)
        if loc is None or self.ctx.is_country(loc):
            return []
        start, end = marked_times(self.ctx, [noun, prep, head])
        ev_i = self.ctx.event_of(head)
        held = None
        if not (start or end):
            ev_time = self.ctx.events[ev_i].time if ev_i is not None else None
            held = ev_time if ev_time and ev_time.begin else self.ctx.article_time()
        return [self._fact(holder, loc, start, end, held, [self.ctx.sentence_of(noun)], [ev_i] if ev_i is not None else [],
                           STATEMENT_CONFIDENCE)]

    @staticmethod
    def _fact(holder: Entity, loc: Location, start: Optional[EventTime], end: Optional[EventTime],
              held: Optional[EventTime], sentences: list[int], events: list[int], conf: float) -> StateFact:
        return StateFact("controls", holder.canonical or "", loc.canonical or "", start=start, end=end,
                         held_at=held, sentences=sentences, events=events, confidence=round(conf, 2))
