"""The nouns that head a mention of an actor ("the army", "rebels", "the company"), by category.

Places (a capitalised name before such a noun is not a town), actors (nominal mentions and their
coreference) and events (a trigger is not an actor's noun) all read it, so it sits below them.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# Nominal heads (lemma) -> category. Categories decide type, kind and how a mention resolves.
NOMINAL_HEADS: dict[str, str] = {
    **dict.fromkeys(["army", "military", "force", "troop", "soldier", "armed force"], "military"),
    **dict.fromkeys(["junta", "regime"], "junta"),
    **dict.fromkeys(["government", "authority", "state", "administration", "cabinet", "ministry"], "government"),
    **dict.fromkeys(["rebel", "separatist", "insurgent", "militant", "jihadist", "militia", "fighter",
                     "guerrilla", "mutineer", "militiaman"], "rebels"),
    **dict.fromkeys(["mission", "peacekeeper", "peacekeeping"], "mission"),
    **dict.fromkeys(["group", "alliance", "coalition", "movement", "front", "organisation", "organization"],
                    "group"),
    **dict.fromkeys(["company", "firm", "automaker", "carmaker", "airline", "carrier", "manufacturer", "maker",
                     "airframer", "corporation", "business", "bank", "agency", "union", "party", "board",
                     "council", "committee", "court", "subsidiary", "division", "unit", "supplier",
                     "competitor", "rival", "lender", "operator", "giant", "conglomerate", "team",
                     "newspaper", "network", "channel"], "org"),
    **dict.fromkeys(["official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "leader",
                     "head", "chief", "executive", "ceo", "chairman", "chairwoman", "director", "analyst",
                     "officer", "general", "colonel", "commander", "presenter", "journalist", "reporter",
                     "secretary", "senator", "governor", "mayor", "ambassador", "envoy", "diplomat",
                     "resident", "people", "worker", "employee", "passenger", "pilot", "crew", "staff",
                     "civilian", "villager", "witness", "source", "expert", "man", "woman", "child",
                     "victim", "customer", "investor", "shareholder", "creditor", "member", "founder",
                     "owner", "prime minister", "vice president", "negotiator", "mediator"], "person"),
}

_PERSON_NOUNS = Path(__file__).resolve().parent / "data" / "person_nouns.txt"


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns whose first WordNet sense is a person ("lawmaker", "bondholder", "critic"), for the heads that
    NOMINAL_HEADS does not list (see data/person_nouns.txt and bench/person_nouns_build.py)."""
    lines = _PERSON_NOUNS.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))
