"""Actors as an article refers to them: clusters of mentions found by key or alias (:class:`Registry`), the
canonical form of a name, the well-known actors' table (actors_lexicon.KNOWN_ACTORS) and an organisation's kind."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from graph.extract.actors.actor_states import COUNTRY_WORDS, STATE_MILITARY_WORDS
from graph.extract.actors.actors_lexicon import ARMED_WORDS, KNOWN_ACTORS, STATE_WORDS
from graph.ids import actor_iri

_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"\s*[’']s?$")
_QUOTES = "\"“”„«»"  # 'the "New GM"': quotes around a name are no part of it


def canonical_name(text: str) -> str:
    name = _POSSESSIVE.sub("", _LEADING.sub("", text.strip().strip(_QUOTES)))
    return " ".join(name.strip(_QUOTES).split())


def norm_name(text: str) -> str:
    return canonical_name(text).lower().replace("’", "'")


@dataclass
class Cluster:
    """One actor as the article refers to it."""
    key: str
    label: str
    type: str  # PERSON | ORG | ARMED_GROUP | GPE | NORP
    kind: str  # person | organization | armed_group | state | igo
    named: bool = False
    heads: set = field(default_factory=set)  # (head lemma, plural) of nominals resolved to it

    @property
    def iri(self) -> str:
        return actor_iri(self.label)


@dataclass
class Mention:
    start: int  # token indices
    end: int
    head: int
    form: str  # name | nominal | pronoun
    type: str
    cluster: Optional[Cluster] = None
    kind: Optional[str] = None


def _known() -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for label, etype, kind, aliases in KNOWN_ACTORS:
        for a in (label, *aliases):
            table[norm_name(a)] = (label, etype, kind)
    return table


KNOWN_NAMES = _known()


def _known_keys() -> dict[str, tuple[str, str, str]]:
    from graph.extract.actors.name_keys import compact, name_key, skeleton

    table: dict[str, tuple[str, str, str]] = {}
    for label, etype, kind, aliases in KNOWN_ACTORS:
        for a in (label, *aliases):
            if " " in a or len(a) > 5:  # not short acronyms ("IS", "AU"): their case tells them from words
                table.setdefault(compact(name_key(a)), (label, etype, kind))
                if " " in name_key(a):  # one word's skeleton is too loose ("Wagoner", "Wagner")
                    table.setdefault("~" + skeleton(name_key(a)), (label, etype, kind))
    return table


_KNOWN_KEYS = _known_keys()


def known_actor(name: str) -> Optional[tuple[str, str, str]]:
    """The well-known actor a name is, by its text, its name key ("Al-Qaida" = "Al-Qaeda", "The ECOWAS") or a
    close spelling with its consonant skeleton ("al-Qaida" = "Al-Qaeda")."""
    from graph.extract.actors.name_keys import compact, name_key, similar, skeleton

    hit = KNOWN_NAMES.get(norm_name(name))
    if hit is not None:
        return hit
    key = name_key(name)
    hit = _KNOWN_KEYS.get(compact(key))
    if hit is None and " " in key and len(skeleton(key)) >= 4:
        hit = _KNOWN_KEYS.get("~" + skeleton(key))
        if hit is not None and not any(similar(key, name_key(a)) for a in (hit[0], *_ALIASES[hit[0]])):
            hit = None
    return hit


_ALIASES = {label: aliases for label, _, _, aliases in KNOWN_ACTORS}
# single-word known aliases matched case-sensitively in the text (FAMa, MINUSMA, ECOWAS)
KNOWN_SURFACE = {a for _, _, _, aliases in KNOWN_ACTORS for a in aliases if " " not in a and len(a) > 2}


MILITARY_WORDS = frozenset({"army", "forces", "force", "military", "brigade", "brigades"})


def org_kind(name: str, etype: str) -> str:
    words = set(name.lower().replace("-", " ").split())
    if etype == "PERSON":
        return "person"
    if etype == "ARMED_GROUP" or words & ARMED_WORDS:
        return "armed_group"
    if etype == "GPE":
        return "state"
    if words & {"un", "u.n.", "nations", "nato", "ecowas", "minusma"} or {"international", "organization"} <= words:
        return "igo"
    if words & STATE_WORDS:
        # "Lord's Resistance Army", "Free Syrian Army": forces named by anything besides their country are no state's
        bare = {w.replace(".", "") for w in words}  # "u.s." -> "us"
        if words & MILITARY_WORDS and not bare <= STATE_MILITARY_WORDS | COUNTRY_WORDS | STATE_WORDS:
            return "armed_group"
        return "state"
    return "organization"


class Registry:
    """Clusters of the article, found by key or alias."""

    def __init__(self) -> None:
        self.by_key: dict[str, Cluster] = {}
        self.alias: dict[str, Cluster] = {}

    def get(self, key: str, label: str, etype: str, kind: str, named: bool = False) -> Cluster:
        c = self.by_key.get(key)
        if c is None:
            c = self.by_key[key] = Cluster(key, label, etype, kind, named)
        elif named and not c.named:
            c.named = True
        return c

    def add_alias(self, text: str, c: Cluster) -> None:
        self.alias.setdefault(norm_name(text), c)



def acronym_cluster(orgs: list[Cluster], name: str, acr: Optional[str]) -> Optional[Cluster]:
    """An earlier organisation of the article named so far only by an acronym that the multi-word ``name`` spells
    out (its initials, the acronym the text gives it in brackets, or the leading letters of its words: "SIA" of
    "Singapore Airlines"), latest first."""
    from graph.extract.actors.name_keys import acronyms, is_acronym, prefix_acronym

    if " " not in name:
        return None
    spelt = acronyms(name) | ({acr} if acr else set())
    for c in reversed(orgs):
        if is_acronym(c.label) and (c.label.replace(".", "") in spelt or prefix_acronym(c.label, name)):
            return c
    return None

