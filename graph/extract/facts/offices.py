"""Holding an office: a person's name with the office that describes it.

- A title before the name: "then-prime minister Moussa Mara", "Interior Minister Jane Doe", "Malian Prime
  Minister Choguel Maiga", "Niger's President Mohamed Bazoum", "junta leader Assimi Goita".
- An apposition: "the head of the junta, Colonel Assimi Goita", "Assimi Goita, the junta leader".

The office is its noun (OFFICES; ranks such as "colonel" are not offices) with the words that make it
a different office ("prime", "interior"); the organization is what the phrase names besides the
person ("of the junta", "junta", "Malian", "Niger's"); a national office (president, minister)
with none is the office of the country the article names most. "then-", "former", "ex-" say the office
had ended by the publication date; otherwise the person held it when the sentence's event happened.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from graph.extract.facts.fact_context import FactContext
from graph.extract.facts.fact_time import event_time, is_ongoing, verb_lemma
from graph.extract.facts.facts_lexicon import (
    APPOINT_VERBS,
    FORMER,
    NATIONAL_OFFICES,
    NOT_ROLE_WORDS,
    OFFICES,
    RESIGN_VERBS,
    ROLE_MODIFIERS,
)
from graph.extract.model import Entity, EventTime, StateFact

TITLE_POS = {"PROPN", "NOUN", "ADJ", "PART", "PUNCT", "ADV"}
OFFICE_CONFIDENCE = 0.7


def _is_office(tok: Token) -> bool:
    return tok.lemma_.lower() in OFFICES or tok.lower_ in OFFICES


class OfficeRules:
    def __init__(self, ctx: FactContext) -> None:
        self.ctx = ctx

    def facts(self) -> list[StateFact]:
        out: list[StateFact] = []
        for ent in self.ctx.entities:
            if ent.kind != "person" or ent.mention != "name" or not ent.canonical:
                continue
            span = self.ctx.doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is None:
                continue
            phrase = self._title(span) or self._apposition(span)
            if phrase:
                fact = self._fact(ent, span, phrase)
                if fact is not None:
                    out.append(fact)
        return out + self._appointments()

    def _appointments(self) -> list[StateFact]:
        """ "was sworn in as prime minister of Senegal", "appointed Choguel Maiga as prime minister", "became
        president": the office begins at the event's time."""
        out = []
        for i, ev in enumerate(self.ctx.events):
            span = self.ctx.doc.char_span(ev.start, ev.end, alignment_mode="expand")
            trig = span.root if span is not None else None
            if (trig is None or trig.pos_ != "VERB" or ev.modality in ("negated", "future", "hypothetical") or is_ongoing(trig)
                    or verb_lemma(trig) not in APPOINT_VERBS):
                continue
            offices = [c for c in trig.children if c.dep_ in {"oprd", "attr", "xcomp"} and _is_office(c)]
            offices += [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                        if g.dep_ == "pobj" and _is_office(g)]
            if not offices:
                continue
            office = offices[0]
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trig.children)
            deps = {"nsubjpass"} if passive else ({"nsubj"} if verb_lemma(trig) == "become" else {"dobj"})
            people = [self.ctx.actor(c) for c in trig.children if c.dep_ in deps]
            people += [self.ctx.actor_at[t.i] for t in office.subtree]  # "named Colonel X interim prime minister"
            person = next((p for p in people if p is not None and p.kind == "person"), None)
            if person is None:
                continue
            words = [t for t in office.subtree if self.ctx.actor_at[t.i] is not person]
            fact = self._office_fact(person, words, office, trig)
            if fact is not None:
                fact.start, fact.held_at = event_time(self.ctx, ev, trig), None
                fact.events, fact.confidence = [i], round(min(fact.confidence, ev.confidence), 2)
                out.append(fact)
        return out

    def _title(self, name: Span) -> list[Token]:
        """The words of a title right before the name ("then-prime minister", "Niger's President")."""
        doc = name.doc
        i = name.start - 1
        words: list[Token] = []
        while i >= 0 and doc[i].pos_ in TITLE_POS and doc[i].text not in {",", "(", ")", ":", ";", '"', "“", "”"}:
            if doc[i].is_sent_end or doc[i].lower_ in {"and", "or"}:
                break
            words.insert(0, doc[i])
            i -= 1
        return words if any(_is_office(w) for w in words) else []

    def _apposition(self, name: Span) -> list[Token]:
        """The office phrase in apposition to the name, either way round."""
        root = name.root
        if root.dep_ == "appos" and _is_office(root.head):
            head = root.head
        else:
            head = next((c for c in root.children if c.dep_ == "appos" and _is_office(c)), None)
            if head is None:
                return []
        # "EADS's North America CEO and ex Northrop executive": the first office is the apposition's
        other = {t.i for c in head.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
        return [t for t in head.subtree if not (name.start <= t.i < name.end) and t.i < max(head.i + 6, name.start)
                and not (t.i > head.i and t.dep_ == "punct") and t.i not in other]

    def _fact(self, person: Entity, name: Span, words: list[Token]) -> Optional[StateFact]:
        office = max((w for w in words if _is_office(w)), key=lambda w: w.i)
        fact = self._office_fact(person, words, office, name.root)
        if fact is None:
            return None
        gov = name.root.head
        if name.root.dep_ == "nsubj" and verb_lemma(gov) in RESIGN_VERBS and gov.i in self.ctx.event_at:
            ev_i = self.ctx.event_at[gov.i]  # "Prime Minister Moctar Ouane resigned on Friday": it ends then
            fact.end, fact.held_at, fact.events = event_time(self.ctx, self.ctx.events[ev_i], gov), None, [ev_i]
        return fact

    def _office_fact(self, person: Entity, words: list[Token], office: Token, anchor: Token) -> Optional[StateFact]:
        org, penalty = self._organization(person, words, office)
        role = self._role(person, words, office)
        if org is None and office.lemma_.lower() in NATIONAL_OFFICES and self.ctx.main_country is not None:
            org, penalty = self.ctx.main_country.canonical, 0.15
        if org is None or not role:
            return None
        former = {w.lower_.strip("-") for w in words} & FORMER or any(
            w.lower_.startswith(("then-", "ex-")) for w in words)
        then = any(w.lower_ in {"then", "then-"} or w.lower_.startswith("then-") for w in words)
        held = self._held_at(anchor) if then or not former else None
        return StateFact("holdsOffice", person.canonical or "", org, role=role, held_at=held,
                         ended_by=(self.ctx.dct.replace(tzinfo=None).isoformat(timespec="seconds") if former else None),
                         sentences=[self.ctx.sentence_of(anchor)], events=self._events(anchor),
                         confidence=round(OFFICE_CONFIDENCE - penalty, 2))

    def _organization(self, person: Entity, words: list[Token], office: Token) -> tuple[Optional[str], float]:
        """The actor or country the office belongs to: what the title names besides the person."""
        for w in words:
            ent = self.ctx.actor_at[w.i]
            if ent is not None and ent.canonical != person.canonical and ent.kind != "person":
                return ent.canonical, 0.0
            loc = self.ctx.place_at[w.i]
            if loc is not None and self.ctx.is_country(loc):
                return loc.canonical, 0.0
        for w in words:  # "the junta leader": the actor the article calls "the junta"
            if w.i != office.i and w.pos_ == "NOUN" and w.dep_ in {"compound", "pobj"}:
                ent = self.ctx.actor_word(w)
                if ent is not None and ent.canonical != person.canonical and ent.kind != "person":
                    return ent.canonical, 0.05
        return None, 0.0

    def _role(self, person: Entity, words: list[Token], office: Token) -> str:
        """The office's own words: the office noun and the modifiers right before it that are not names,
        ranks or descriptions ("prime minister", "interior minister", "head")."""
        out = [office.lower_]
        i = words.index(office) - 1
        while i >= 0:
            w = words[i]
            low = w.lower_.strip("-")
            actor = self.ctx.actor_at[w.i]
            if ((actor is not None and actor.canonical != person.canonical) or self.ctx.place_at[w.i]
                    or low in FORMER or low in NOT_ROLE_WORDS
                    or w.pos_ not in {"NOUN", "PROPN", "ADJ"} or self._names_actor(person, w)
                    or (w.pos_ == "PROPN" and low not in ROLE_MODIFIERS and low not in OFFICES)
                    or _is_rank(w)):
                break
            out.insert(0, low.split("-")[-1])
            i -= 1
        return " ".join(out)

    def _names_actor(self, person: Entity, w: Token) -> bool:
        """ "junta" in "junta leader" names an actor (the organization); "prime" names none."""
        ent = self.ctx.actor_word(w)
        return ent is not None and ent.canonical != person.canonical

    def _held_at(self, tok: Token) -> EventTime:
        for anc in [tok, *tok.ancestors]:
            ev_i = self.ctx.event_of(anc)
            if ev_i is not None:
                return event_time(self.ctx, self.ctx.events[ev_i], anc)
        return self.ctx.article_time()

    def _events(self, tok: Token) -> list[int]:
        for anc in tok.ancestors:
            ev_i = self.ctx.event_of(anc)
            if ev_i is not None:
                return [ev_i]
        return []


def _is_rank(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in {"colonel", "col", "general", "gen", "captain", "capt", "major", "lieutenant",
                                      "lt", "sergeant", "admiral", "marshal", "brigadier", "mr", "mrs", "ms", "dr"}
