"""One real-world actor, one IRI across articles: a new article's actors matched against the actors already known.

Extraction names an actor inside one article (actors.py); its IRI there comes from its label. `ActorIndex` keeps
the actors seen so far (in this run, and those a store already holds: graph.store.actor_names) and gives each new
`ActorRecord` (an actor as one article names it) the IRI of the known actor it is, or a new one. The evidence,
strongest first (name_keys.py makes the keys):
3  the same multi-word name key ("Ford Motors Co." = "Ford Motor Company", "Apple Inc." = "Apple");
2  the same one-word key ("GM"), a transliteration (one consonant skeleton, close spelling: "al-Qaida" =
   "Al-Qaeda"), an acronym and its expansion ("AIG" = "American International Group", both ways), a person's
   first and last name ("George W. Bush" = "George Bush");
1  a surname and the one known full name with it ("Obama" = "Barack Obama"), a name and the one known longer name
   that only adds business words ("Ford" = "Ford Motor Company", "Apple Computer" = "Apple"; not "Apple Corps").
Evidence that keeps actors apart: a person is never an organisation; two full names of people must share first
and last name (an initial matches its name); two multi-word names of organisations must be one name, one the other
plus business words, or spellings of one name ("Gulf Mining (GM)" is not General Motors, whatever "GM" says).
Rule-1 evidence counts only when one known actor has it. Ties of stronger evidence go to the actor whose IRI the
article gave (the same label), else to the earliest known. With no evidence at all, the NER's PERSON/ORG confusion
is undone: a full name only an actor of the other type is known by is that actor (a lone surname's mentions also
take its type).
Lookups are dictionary hits: no scan of the actors.

`tkg extract` resolves the articles of a file through one index (`resolve_extraction`); ingest resolves each
article against the store's actors (graph.ingest.identity).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from graph.extract.actors.actor_clusters import canonical_name
from graph.extract.actors.actors_lexicon import drop_titles
from graph.extract.actors.name_keys import acronyms, is_acronym, key_tokens, similar, skeleton
from graph.extract.model import Entity, Extraction

# words that describe a business rather than name it: "Ford" + "Motor Company", "Apple" + "Computer", "Boeing" +
# "Commercial Airplanes", "China Eastern" + "Airlines", "Amnesty" + "International" are one actor; "Apple" + "Corps",
# "Dow" + "Jones" are not
_BUSINESS = """motor motors automotive auto autos automobile automobiles car cars truck trucks airline airlines airway
airways air aviation aerospace aircraft airplane airplanes aeroplane commercial defence defense bank banking
financial finance capital investment investments securities insurance assurance group holding holdings company
companies corporation corp inc international global worldwide industries industry industrial systems system
technologies technology tech communications telecom telecommunications energy pharmaceutical pharmaceuticals
entertainment media network networks electronics electric chemical chemicals oil gas petroleum foods shipping
logistics mining minerals metals steel trading construction engineering consulting properties realty
software computer computers labs laboratories partners enterprises services solutions resources manufacturing
management asset assets fund funds products brands stores retail""".split()
BUSINESS_WORDS = frozenset(key_tokens(" ".join(_BUSINESS)))
_CONNECTORS = frozenset({"of", "and", "the", "for", "de", "du", "des", "la", "le", "al", "el", "in", "on", "&"})


@dataclass
class ActorRecord:
    """One actor as one article names it: the IRI the article gave it, its label, its names there."""
    iri: str
    label: str
    person: bool
    kind: str
    names: list[str]

    def pack(self) -> str:
        """One line of text (what ingest workers send back: strings only)."""
        return "\t".join([self.iri, self.label, "1" if self.person else "", self.kind, *self.names])

    @classmethod
    def unpack(cls, line: str) -> "ActorRecord":
        iri, label, person, kind, *names = line.split("\t")
        return cls(iri, label, bool(person), kind, names)


@dataclass
class _Known:
    iri: str
    label: str
    person: bool
    order: int
    seqs: set = field(default_factory=set)  # key token tuples of its names


# Memoized: ingest resolves every article's actors in one process (graph.ingest.identity), and the same names
# come back article after article
@lru_cache(maxsize=65536)
def _keys(name: str, person: bool) -> tuple[str, ...]:
    return tuple(key_tokens(name, person))


_skeleton = lru_cache(maxsize=65536)(skeleton)
_similar = lru_cache(maxsize=65536)(similar)


@lru_cache(maxsize=65536)
def _acronyms(name: str) -> frozenset[str]:
    return frozenset(acronyms(name))


@lru_cache(maxsize=65536)
def _name_like(name: str) -> bool:
    """A name rather than a description ("Mali's army"): every word capitalised but function words ("al-Qaida in
    Yemen", "Bank of Ghana")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECTORS for w in words)


def _first_compatible(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _numbers(toks: tuple) -> tuple:
    """The words with digits: a model's designation ("Boeing 777" is not the "Boeing 787", one letter apart)."""
    return tuple(t for t in toks if any(ch.isdigit() for ch in t))


def _prefix_business(a: tuple, b: tuple) -> bool:
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) < len(long_) and long_[:len(short)] == short and all(w in BUSINESS_WORDS
                                                                         for w in long_[len(short):])


class ActorIndex:
    """The actors known so far, indexed by their name keys."""

    def __init__(self) -> None:
        self.actors: dict[str, _Known] = {}
        self.by_key: dict[str, set[str]] = {}  # compact key -> IRIs
        self.by_skel: dict[str, set[str]] = {}  # skeleton of a key -> IRIs
        self.by_acr: dict[str, set[str]] = {}  # initials of an organisation's multi-word name -> IRIs
        self.by_acr_name: dict[str, set[str]] = {}  # an organisation's name written as an acronym -> IRIs
        self.by_first: dict[str, set[str]] = {}  # first key token of an organisation's name -> IRIs
        self.by_fl: dict[tuple, set[str]] = {}  # (first, last) token of a person's full name -> IRIs
        self.by_last: dict[str, set[str]] = {}  # last token of a person's full name -> IRIs
        self.merged: dict[str, str] = {}  # an actor found to be another one later -> that one
        self.merges: list[tuple[str, str]] = []  # (gone, kept) found since take_merges() was last called

    def __len__(self) -> int:
        return len(self.actors)

    def live(self, iri: str) -> str:
        """The actor `iri` is now: itself, or the one it was merged into."""
        while iri in self.merged:
            iri = self.merged[iri]
        return iri

    def label(self, iri: str) -> Optional[str]:
        k = self.actors.get(self.live(iri))
        return k.label if k else None

    def is_person(self, iri: str) -> bool:
        k = self.actors.get(self.live(iri))
        return k is not None and k.person

    def take_merges(self) -> list[tuple[str, str]]:
        """The (gone, kept) merges of known actors found since the last call (see _absorb_bare_acronyms)."""
        out, self.merges = self.merges, []
        return out

    # --- registering ---

    def add(self, iri: str, label: str, person: bool, names: Iterable[str] = ()) -> None:
        """Know `iri` (if new, with `label`) by `names` too."""
        k = self.actors.get(iri)
        if k is None:
            k = self.actors[iri] = _Known(iri, label, person, len(self.actors))
        for n in (label, *names):
            if n and _name_like(n):
                self._index(k, n)

    def _index(self, k: _Known, name: str) -> None:
        toks = _keys(name, k.person)
        if not toks or toks in k.seqs and not is_acronym(name):
            return
        k.seqs.add(toks)
        put = lambda d, key: d.setdefault(key, set()).add(k.iri)  # noqa: E731
        spaced = " ".join(toks)
        put(self.by_key, spaced.replace(" ", ""))
        if len(toks) > 1 and len(_skeleton(spaced)) >= 4:  # one word's skeleton is too loose ("Wagoner", "Wagner")
            put(self.by_skel, _skeleton(spaced))
        if k.person:
            if len(toks) > 1:
                put(self.by_fl, (toks[0], toks[-1]))
                put(self.by_last, toks[-1])
            return
        if is_acronym(name):
            put(self.by_acr_name, name.replace(".", "").replace("&", "").upper())
        for a in _acronyms(name):
            put(self.by_acr, a)
        put(self.by_first, toks[0])

    # --- matching ---

    def _compatible(self, k: _Known, person: bool, seqs: set) -> bool:
        if k.person != person:
            return False
        mine = [s for s in seqs if len(s) > 1]
        theirs = [s for s in k.seqs if len(s) > 1]
        if not mine or not theirs:
            return True
        if person:
            return any(a[-1] == b[-1] and _first_compatible(a[0], b[0]) for a in mine for b in theirs)
        return any(a == b or _prefix_business(a, b) or (_skeleton(" ".join(a)) == _skeleton(" ".join(b))
                                                          and _similar(" ".join(a), " ".join(b)) and _numbers(a) == _numbers(b))
                   for a in mine for b in theirs)

    def match(self, rec: ActorRecord) -> Optional[str]:
        """The IRI of the known actor `rec` is, or None."""
        person = rec.person
        named = [n for n in dict.fromkeys([rec.label, *rec.names]) if n and _name_like(n)]
        seqs = {_keys(n, person) for n in named} - {()}
        scores: dict[str, int] = {}

        def vote(iris: Iterable[str], score: int, unique: bool = False, check=None) -> None:
            cands = {i for i in {self.live(i) for i in iris} if self._compatible(self.actors[i], person, seqs) and (check is None or check(i))}
            if unique and len(cands) != 1:
                return
            for i in cands:
                scores[i] = max(scores.get(i, 0), score)

        if rec.iri in self.actors:
            vote([rec.iri], 2)
        for name in named:
            toks = _keys(name, person)
            if not toks:
                continue
            spaced = " ".join(toks)
            vote(self.by_key.get(spaced.replace(" ", ""), ()), 3 if len(toks) > 1 else 2)
            sk = _skeleton(spaced)
            if len(toks) > 1 and len(sk) >= 4:
                vote(self.by_skel.get(sk, ()), 2, check=lambda i: any(
                    len(s) == len(toks) and _similar(" ".join(s), spaced) and _numbers(s) == _numbers(toks)
                    for s in self.actors[i].seqs))
            if person:
                if len(toks) > 1:
                    vote(self.by_fl.get((toks[0], toks[-1]), ()), 2)
                    vote((i for i in self.by_key.get(toks[-1], ()) if self.actors[i].person), 1, unique=True)
                else:
                    vote(self.by_last.get(toks[0], ()), 1, unique=True)
                continue
            if is_acronym(name):
                vote(self.by_acr.get(name.replace(".", "").replace("&", "").upper(), ()), 2, unique=True)
            for a in _acronyms(name):
                vote(self.by_acr_name.get(a, ()), 2, unique=True)
            vote(self.by_first.get(toks[0], ()), 1, unique=True, check=lambda i: any(
                _prefix_business(toks, s) for s in self.actors[i].seqs))
        if not scores:
            return self._other_type(rec)
        best = max(scores.values())
        top = [i for i, s in scores.items() if s == best]
        if len(top) == 1:
            return top[0]
        if rec.iri in top:
            return rec.iri
        return min(top, key=lambda i: self.actors[i].order) if best >= 2 else None

    def _other_type(self, rec: ActorRecord) -> Optional[str]:
        """The NER's PERSON/ORG confusion ("Ilse Varga will step down" read as an organisation, "Vega Labs" as a
        person): a full name that only an actor of the other type is known by, or a one-word organisation name
        that is the surname of the one person known by it, is that actor."""
        other = not rec.person
        cands: set[str] = set()
        for name in dict.fromkeys([rec.label, *rec.names]):
            if not name or not _name_like(name) or is_acronym(name):
                continue
            toks = _keys(name, other)
            known = [self.actors[i] for i in {self.live(i) for i in self.by_key.get("".join(toks), ())}]
            if any(k.person != other for k in known):
                return None  # an actor of the record's own type has the name
            if len(toks) > 1:
                cands |= {k.iri for k in known}
            elif other and rec.kind == "organization":
                cands |= self.by_last.get(toks[0], set()) if len(self.by_last.get(toks[0], ())) == 1 else set()
        return next(iter(cands)) if len(cands) == 1 else None

    def resolve(self, rec: ActorRecord) -> str:
        """The IRI of `rec`: a known actor's, or a new one (its own, or its own with a suffix when another actor
        holds that one); the index knows it by rec's names afterwards."""
        iri = self.match(rec)
        if iri is None:
            iri = rec.iri
            n = 1
            while iri in self.actors:
                n += 1
                iri = f"{rec.iri}-{'person' if rec.person else (rec.kind or 'actor')}" + (f"-{n}" if n > 2 else "")
        self.add(iri, rec.label, rec.person, rec.names)
        self._absorb_bare_acronyms(iri, rec)
        return iri

    def _absorb_bare_acronyms(self, iri: str, rec: ActorRecord) -> None:
        """An article that ties an acronym to a full name ("Singapore Airlines (SIA)") joins to its actor the one
        known actor an earlier article made from the bare acronym alone ("SIA said...", before any article had
        spelt it out), whatever the order the articles came in: that actor becomes `iri` from now on, and the merge
        is reported (take_merges) so what was already written can follow."""
        if rec.person:
            return
        names = [n for n in dict.fromkeys([rec.label, *rec.names]) if n and _name_like(n)]
        if not any(len(_keys(n, False)) > 1 for n in names if not is_acronym(n)):
            return  # no full name in this article: nothing ties the acronym to anything
        for name in names:
            if not is_acronym(name):
                continue
            toks = _keys(name, False)
            if len(toks) != 1:
                continue
            bare = [i for i in {self.live(i) for i in self.by_key.get(toks[0], ())}
                    if i != iri and not self.actors[i].person and self.actors[i].seqs <= {toks}]
            if len(bare) == 1:
                gone = bare[0]
                self.merged[gone] = iri
                self.actors[iri].seqs |= self.actors[gone].seqs
                self.merges.append((gone, iri))


def actor_records(ex: Extraction) -> list[ActorRecord]:
    """The actors an extraction names, one record each (nationalities, "American", are left alone)."""
    groups: dict[str, list[Entity]] = {}
    for e in ex.entities:
        if e.canonical and "/actor/" in e.canonical and e.type != "NORP":
            groups.setdefault(e.canonical, []).append(e)
    out = []
    for iri, ents in groups.items():
        first = ents[0]
        person = first.type == "PERSON"
        names = [canonical_name(e.text) for e in ents if e.mention == "name"]
        if person:
            names = [drop_titles(n) for n in names]
        last = ents[-1]  # the label the article's triples state (the last mention's: graph.rdf.triples sets it)
        label = " ".join((last.label or canonical_name(last.text)).split())
        names = [" ".join(n.split()) for n in names]  # one line each: no tab, no newline
        out.append(ActorRecord(iri, label, person, first.kind or "", names))
    return out


def resolve_extraction(index: ActorIndex, ex: Extraction) -> dict[str, str]:
    """Give the actors of `ex` their IRIs across articles (and the known actor's label), in place; returns the
    IRIs that changed, old -> new."""
    moved: dict[str, str] = {}
    labels: dict[str, str] = {}
    retyped: dict[str, bool] = {}  # records the NER gave the other type: is the known actor a person
    for rec in actor_records(ex):
        iri = index.resolve(rec)
        labels[rec.iri] = index.label(iri) or rec.label
        if iri != rec.iri:
            moved[rec.iri] = iri
        if index.is_person(iri) != rec.person and all(len(n.split()) == 1 for n in rec.names):
            # "Varga told reporters": a lone surname read as an organisation is the person; a full name keeps
            # the type its own article gave it ("Morgan Stanley" may be the bank the first article misread)
            retyped[rec.iri] = index.is_person(iri)
    for e in ex.entities:
        if e.canonical in labels:
            if e.canonical in retyped:
                e.type, e.kind = ("PERSON", "person") if retyped[e.canonical] else ("ORG", "organization")
            e.label = labels[e.canonical]
            e.canonical = moved.get(e.canonical, e.canonical)
    for ev in ex.events:
        for a in ev.args:
            if a.canonical in moved:
                a.canonical = moved[a.canonical]
    return moved
