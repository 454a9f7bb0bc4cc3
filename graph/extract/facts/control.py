"""Control of a place and presence in it, from the events that change them.

- Begin control (CAMEO 192): "Mali's army recaptured the town of Kidal", "the town was captured by the
  rebels", "the rebels seized control (of X)", "the capture of Kidal by ...", "Kidal fell to the rebels".
- End control (CAMEO 0874): "the CSP withdrew from Kidal", "they had lost their stronghold town", "its
  forces were driven out", "MINUSMA's withdrawal from Kidal"; "handed the town over to the army" ends
  the giver's and begins the receiver's.
- Presence (CAMEO 15x: deploy, station, take up position) begins a force's presence; an international
  mission's (an IGO's) withdrawal ends its presence, not a control it never claimed.

The holder is the event's agent when it resolves to an actor that can hold ground (armed group, state
body, organization, IGO; not a person); the place is the event's object when that phrase names a place,
else the event's own place, else, for "seized control" with no object, the one town its sentence names.
A change in the present tense ("as the mission withdraws") is under way, not done, and makes no fact;
negated and hypothetical events make none either.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from graph.extract.facts.fact_context import FactContext
from graph.extract.facts.fact_time import event_time, is_ongoing, marked_times, verb_lemma
from graph.extract.facts.facts_lexicon import (
    BEGIN_CONTROL,
    BEGIN_CONTROL_NOUNS,
    BEGIN_PRESENCE,
    CONTROL_OBJECT_ONLY,
    END_CONTROL,
    END_CONTROL_NOUNS,
    FALL,
    LOSE_PASSIVE,
)
from graph.extract.model import Entity, Event, EventTime, Location, StateFact

# a force's facilities stand where the event happens: "left its camp in Kidal" leaves Kidal
FACILITIES = {"camp", "base", "barracks", "position", "post", "headquarters", "garrison", "outpost", "airstrip"}
FROM_PREPS = {"from", "of", "out"}  # "withdrew from Kidal", "pulled out of Kidal"
AT_PREPS = {"in", "at", "to", "into", "inside", "near"}


def _passive(trig: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in trig.children)


def _kids(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobjs(tok: Token, preps: set[str]) -> list[Token]:
    """Objects of the named prepositions on `tok`, through "out of" and particles."""
    out = []
    for c in tok.children:
        if c.dep_ in {"prep", "prt", "agent"} and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
                elif g.dep_ == "prep":
                    out += [x for x in g.children if x.dep_ == "pobj"]
    return out


class ControlRules:
    """Facts of control and presence from one article's events."""

    def __init__(self, ctx: FactContext) -> None:
        self.ctx = ctx

    def facts(self) -> list[StateFact]:
        out: list[StateFact] = []
        for i, ev, trig in self.ctx.asserted():
            if trig.pos_ == "NOUN":
                out += self._noun(i, ev, trig)
            elif trig.pos_ in ("VERB", "AUX") and not is_ongoing(trig):
                out += self._verb(i, ev, trig)
        return out

    # --- who and where ---

    def _holder(self, ev: Event, role: str = "agent", trig: Optional[Token] = None) -> Optional[Entity]:
        """The event's agent (or target) when it can hold ground; else the actor its phrase names in the parse
        ("Wagner mercenaries" is the Wagner Group)."""
        for a in ev.args:
            if a.role == role and a.canonical and "/actor/" in a.canonical:
                ent = next((e for e in self.ctx.entities if e.canonical == a.canonical), None)
                if self.ctx.holds_places(ent):
                    return ent
        if trig is None:
            return None
        passive = _passive(trig)
        if role == "agent":
            toks = _pobjs(trig, {"by"}) if passive else _kids(trig, {"nsubj"})
        else:
            toks = _kids(trig, {"nsubjpass"} if passive else {"dobj"})
            if trig.dep_ == "acl" and trig.tag_ == "VBN":
                toks.append(trig.head)
        return next((h for h in map(self.ctx.actor, toks) if self.ctx.holds_places(h)), None)

    def _place(self, toks: list[Token]) -> tuple[Optional[Location], float]:
        """The place the first of `toks` that names one refers to, and a confidence penalty (0 for a
        name or pronoun, more for "the town" read as the article's town)."""
        for t in toks:
            if t.lemma_.lower() == "control":
                inner = _pobjs(t, {"of", "over"})
                if inner:
                    return self._place(inner)
                continue
            loc = self.ctx.place(t)
            if loc is not None:
                return loc, 0.0
            loc = self.ctx.settlement(t)
            if loc is not None:
                return loc, 0.15
        return None, 0.0

    def _event_place(self, ev: Event) -> Optional[Location]:
        if ev.place is None or not ev.place.canonical:
            return None
        return next((loc for loc in self.ctx.locations if loc.canonical == ev.place.canonical), None)

    def _sentence_town(self, trig: Token) -> Optional[Location]:
        sent = trig.sent
        towns = {loc.canonical: loc for loc in self.ctx.locations if loc.canonical and loc.mention == "name"
                 and sent.start_char <= loc.start < sent.end_char and self.ctx.is_settlement(loc)}
        return next(iter(towns.values())) if len(towns) == 1 else None

    # --- verbs ---

    def _verb(self, i: int, ev: Event, trig: Token) -> list[StateFact]:
        lemma = verb_lemma(trig)
        passive = _passive(trig)
        objects = _kids(trig, {"nsubjpass"} if passive else {"dobj"})
        if trig.dep_ == "acl" and trig.tag_ == "VBN":
            objects.append(trig.head)  # "the town captured by the rebels"
        if lemma in BEGIN_CONTROL:
            if lemma == "take" and any(o.lemma_.lower() == "position" for o in objects):
                return self._presence(i, ev, trig)  # "took up position in the town"
            if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "power" for c in trig.children):
                return []  # in power: power.py
            if lemma in CONTROL_OBJECT_ONLY and not any(o.lemma_.lower() == "control" for o in objects):
                return []
            facts = self._change(i, ev, trig, "begin", self._holder(ev, "agent", trig), objects)
            if facts:  # "recaptured Bunagana from the M23": the M23's control ends
                before = [self.ctx.actor(t) for t in _pobjs(trig, {"from"})]
                loser = next((h for h in before if self.ctx.holds_places(h)), None)
                facts += self._change(i, ev, trig, "end", loser, objects)
            return facts
        if lemma in FALL:
            holders = [self.ctx.actor(t) for t in _pobjs(trig, {"to", "into"})]
            holder = next((h for h in holders if self.ctx.holds_places(h)), None)
            return self._change(i, ev, trig, "begin", holder, _kids(trig, {"nsubj"}))
        if lemma in END_CONTROL and not passive:
            facts = self._change(i, ev, trig, "end", self._holder(ev, "agent", trig), _pobjs(trig, FROM_PREPS) + objects)
            if lemma in {"hand", "cede"}:  # "handed the town over to the army"
                to = [self.ctx.actor(t) for t in _pobjs(trig, {"to"}) + _kids(trig, {"dative"})]
                receiver = next((h for h in to if self.ctx.holds_places(h)), None)
                facts += self._change(i, ev, trig, "begin", receiver, objects)
            return facts
        if lemma in LOSE_PASSIVE and passive:
            return self._change(i, ev, trig, "end", self._holder(ev, "target", trig), _pobjs(trig, FROM_PREPS))
        if lemma in BEGIN_PRESENCE:
            return self._presence(i, ev, trig)
        return []

    def _change(self, i: int, ev: Event, trig: Token, how: str, holder: Optional[Entity], objects: list[Token],
                event_place: bool = True) -> list[StateFact]:
        """A begin or end of `holder`'s control of (or presence in) the place `objects` name. The event's own
        place stands in only for an event without an object or whose object is a facility ("its camp"):
        "took part in talks in Geneva" takes nothing."""
        if holder is None:
            return []
        loc, penalty = self._place(objects)
        if loc is None and event_place and all(o.lemma_.lower() in FACILITIES for o in objects):
            loc, penalty = self._event_place(ev), 0.1
        if loc is None and any(o.lemma_.lower() == "control" for o in objects):
            loc, penalty = self._sentence_town(trig), 0.15  # "the rebels immediately seized control"
        if loc is None or loc.canonical == holder.canonical or self.ctx.own_country(holder, loc):
            return []
        igo = holder.kind == "igo"
        if self.ctx.is_country(loc) and not igo:
            return []  # a force does not "control" a whole country; seizing one is being in power (power.py)
        when = event_time(self.ctx, ev, trig)
        relation = "presentIn" if igo else "controls"
        return [self._fact(relation, holder, loc, i, ev, when if how == "begin" else None,
                           when if how == "end" else None, ev.confidence - penalty)]

    def _presence(self, i: int, ev: Event, trig: Token) -> list[StateFact]:
        # "troops were stationed in X": the passive's or the participle's noun is who is there
        holder = self._holder(ev, "agent", trig) or self._holder(ev, "target", trig)
        if holder is None:
            return []
        loc, penalty = self._place(_pobjs(trig, AT_PREPS))
        if loc is None:
            loc, penalty = self._event_place(ev), 0.1
        if loc is None or loc.canonical == holder.canonical or self.ctx.own_country(holder, loc):
            return []
        start, end = marked_times(self.ctx, [trig])  # "stationed in Menaka until October", "since early October"
        if start is None and end is None:
            start = event_time(self.ctx, ev, trig)
        return [self._fact("presentIn", holder, loc, i, ev, start, end, ev.confidence - penalty)]

    # --- nouns: "the capture of Kidal by the army", "MINUSMA's withdrawal from Kidal" ---

    def _noun(self, i: int, ev: Event, trig: Token) -> list[StateFact]:
        lemma = trig.lemma_.lower()
        if lemma in BEGIN_CONTROL_NOUNS:
            return self._change(i, ev, trig, "begin", self._holder(ev), _pobjs(trig, {"of"}), event_place=False)
        if lemma in END_CONTROL_NOUNS:
            return self._change(i, ev, trig, "end", self._holder(ev), _pobjs(trig, {"from", "of"}), event_place=False)
        return []

    def _fact(self, relation: str, holder: Entity, loc: Location, i: int, ev: Event, start: Optional[EventTime],
              end: Optional[EventTime], confidence: float) -> StateFact:
        if ev.modality == "reported":
            confidence -= 0.05
        return StateFact(relation, holder.canonical or "", loc.canonical or "", start=start, end=end,
                         sentences=[ev.sentence], events=[i], confidence=round(max(0.05, min(0.95, confidence)), 2))
