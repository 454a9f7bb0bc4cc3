"""Being in power in a country: "Mali's military leaders, who seized power in 2020", "came to power in a coup",
"the ruling junta"; ended for whoever "was ousted / overthrown / toppled" (active or passive).

The country is the one the holder's own phrase names ("Mali's military leaders"; for a relative
"who", the phrase it modifies), else the country after "in" on the verb, else the country the
holder's name says ("Malian junta"), else the country the article names most (a weaker guess).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from graph.extract.facts.fact_context import FactContext
from graph.extract.facts.fact_time import event_time, is_ongoing, verb_lemma
from graph.extract.facts.facts_lexicon import BEGIN_POWER_VERBS, END_POWER_PASSIVE, POWER_NOUNS, RULER_NOUNS, RULING
from graph.extract.model import Entity, Event, EventTime, Location, StateFact

RELATIVES = {"who", "which", "that"}
POWER_KINDS = {"state", "armed_group", "organization", "person"}


class PowerRules:
    def __init__(self, ctx: FactContext) -> None:
        self.ctx = ctx

    def facts(self) -> list[StateFact]:
        out: list[StateFact] = []
        for i, ev, trig in self.ctx.asserted():
            if trig.pos_ != "VERB" or is_ongoing(trig):
                continue
            out += self._verb(i, ev, trig)
        for tok in self.ctx.doc:
            if tok.lower_ in RULING and tok.dep_ in {"amod", "compound"} and tok.head.lemma_.lower() in RULER_NOUNS:
                out += self._ruling(tok.head)
        return out

    def _actor(self, iri: Optional[str]) -> Optional[Entity]:
        ent = next((e for e in self.ctx.entities if e.canonical == iri), None) if iri else None
        return ent if ent is not None and (ent.kind or "") in POWER_KINDS else None

    def _verb(self, i: int, ev: Event, trig: Token) -> list[StateFact]:
        lemma = verb_lemma(trig)
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trig.children)
        objs = [c for c in trig.children if c.dep_ == "dobj"]
        to = [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        if lemma in BEGIN_POWER_VERBS and any(o.lemma_.lower() in POWER_NOUNS for o in objs + to):
            role, start = "agent", True
        elif lemma in END_POWER_PASSIVE:
            role, start = ("target", False)
        else:
            return []
        holder = next((e for e in (self._actor(a.canonical) for a in ev.args if a.role == role) if e), None)
        if holder is None:
            return []
        subject = next((c for c in trig.children if c.dep_ in ({"nsubjpass"} if passive else {"nsubj"})), None)
        if not passive and role == "target":
            subject = objs[0] if objs else None
        country, penalty = self._country(holder, trig, subject)
        if country is None:
            return []
        when = event_time(self.ctx, ev, trig)
        conf = ev.confidence - penalty - (0.05 if ev.modality == "reported" else 0)
        return [StateFact("inPower", holder.canonical or "", country.canonical or "", start=when if start else None,
                          end=None if start else when, sentences=[ev.sentence], events=[i],
                          confidence=round(max(0.05, min(0.95, conf)), 2))]

    def _ruling(self, noun: Token) -> list[StateFact]:
        """ "the ruling junta": in power when the sentence speaks."""
        holder = self.ctx.actor_at[noun.i]
        if holder is None or (holder.kind or "") not in POWER_KINDS:
            return []
        country, penalty = self._country(holder, noun, noun)
        if country is None:
            return []
        gov = next((a for a in noun.ancestors if self.ctx.event_of(a) is not None), None)
        ev_i = self.ctx.event_of(gov) if gov is not None else None
        ev_time = self.ctx.events[ev_i].time if ev_i is not None else None
        held: EventTime = ev_time if ev_time is not None and ev_time.begin else self.ctx.article_time()
        return [StateFact("inPower", holder.canonical or "", country.canonical or "", held_at=held,
                          sentences=[self.ctx.sentence_of(noun)], events=[ev_i] if ev_i is not None else [],
                          confidence=round(0.6 - penalty, 2))]

    def _country(self, holder: Entity, trig: Token, subject: Optional[Token]) -> tuple[Optional[Location], float]:
        if subject is not None:
            phrase = subject
            if subject.lower_ in RELATIVES and trig.dep_ == "relcl":
                phrase = trig.head  # "Mali's military leaders, who seized power"
            start, end = phrase.left_edge.idx, phrase.idx + len(phrase.text)
            found = self._country_in(start, end)
            if found is not None:
                return found, 0.0
        for prep in trig.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for obj in prep.children:
                    loc = self.ctx.place_at[obj.i]
                    if loc is not None and self.ctx.is_country(loc):
                        return loc, 0.0
        loc = self.ctx.country_of(self.ctx.label_country(holder))
        if loc is not None:
            return loc, 0.05
        return self.ctx.main_country, 0.15

    def _country_in(self, start: int, end: int) -> Optional[Location]:
        return next((loc for loc in self.ctx.locations if loc.canonical and start <= loc.start and loc.end <= end
                     and self.ctx.is_country(loc)), None)
