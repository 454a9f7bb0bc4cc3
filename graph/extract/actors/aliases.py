"""Which mention of an actor names it: the alias (skos:altLabel) a mention adds to its actor, if any.

Names ("GM", "FAMa") and descriptions that carry a name of a state body, a mission or rebels ("Mali's army", "the UN
mission") are aliases; a generic description ("the computer company", "the court", "its home state") or one of a
company or a person ("U.S. automaker", "the Beatles' company") is a mention, never a name of the actor, and neither
are pronouns or a name with its description glued on ("US automaker GM")."""
from __future__ import annotations

from typing import Optional

from graph.extract.actors.actor_clusters import canonical_name
from graph.extract.model import Entity

# kinds of actor a description can name: a state's bodies ("Mali's army"), a mission ("the UN mission"), rebels
# ("Tuareg rebels"); a company or a person is only described by one
NAMED_BY_DESCRIPTION = frozenset({"state", "igo", "armed_group"})


def alias_of(ent: Entity) -> Optional[str]:
    if ent.mention in ("pronoun", "extent"):
        return None
    alias = canonical_name(" ".join(ent.text.split()))
    if ent.mention == "nominal":
        if ent.kind not in NAMED_BY_DESCRIPTION:
            return None  # "U.S. automaker", "the Beatles' company": what a company or a person is, not its name
        words = alias.split()
        if words and words[0].lower() in ("its", "their", "his", "her", "our"):
            return None
        if not any(w[:1].isupper() for w in words):
            return None  # no name in it: "computer company", "court", "home state"
    return alias if alias and alias != (ent.label or ent.text) else None
