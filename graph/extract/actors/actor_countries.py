"""The country an actor belongs to, as the article ties it to one (``Entity.country``, ISO 3166 alpha-2; stated as
``tkg:countryCode`` of the actor): a state body's own country ("Malian Armed Forces", "the Sudanese army",
"Government of Haiti"), and for a group, a company or a person the country or the region whose name or people's
word modifies a mention of it ("Sudan's paramilitary Rapid Support Forces", "the RSF, a Sudanese paramilitary
group", "Chechen fighters": Russia, Chechnya's country). Syntax only: no actor gets the story's country because the
story is set there (the Wagner Group in a Mali story is not Mali's)."""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from spacy.tokens import Doc, Token

from graph.extract.actors.actor_clusters import Cluster, Mention
from graph.extract.actors.actor_states import country_of_token
from graph.extract.model import Location

_KEY_ISO = re.compile(r":([A-Z]{2})$")  # "military:ML", "government:HT", "rebels:SD" (actors, coref)
_MODIFIERS = ("poss", "amod", "compound", "nmod")


def _iso_at(tok: Token, loc_at: list[Optional[Location]]) -> Optional[str]:
    """The country of the place or people's word at ``tok`` (a region's people give its country; a country's
    word inside a name, "Syrian" of "Free Syrian Army", is no place mention but still names it)."""
    loc = loc_at[tok.i]
    if loc is not None and loc.country and loc.mention in ("name", "demonym"):
        return loc.country
    return country_of_token(tok, loc_at) if tok.text[:1].isupper() else None


def _before_country(doc: Doc, m: Mention, loc_at: list[Optional[Location]]) -> Optional[str]:
    """'Sudan's paramilitary Rapid Support Forces' parsed with "paramilitary" as the head: a country's
    possessive or people's word right before the mention, across lowercase descriptors only."""
    for k in range(m.start - 1, max(m.start - 4, -1), -1):
        t = doc[k]
        iso = _iso_at(t, loc_at)
        if iso:
            return iso
        if not (t.tag_ == "POS" or (t.is_lower and t.is_alpha and t.pos_ in ("ADJ", "NOUN"))):
            return None
    return None


def _modifier_country(doc: Doc, m: Mention, loc_at: list[Optional[Location]]) -> Optional[str]:
    """The country a modifier of the mention's head names ("Sudan's" of "Sudan's paramilitary Rapid Support
    Forces", "Chechen" of "Chechen fighters"), or a modifier of its apposition's ("a Sudanese paramilitary
    group")."""
    head = doc[m.head]
    heads = [head] + [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        heads.append(head.head)
    for h in heads:
        for c in h.children:  # inside the name too: "Free Syrian Army", "Kenya Airways"
            iso = _iso_at(c, loc_at) if c.dep_ in _MODIFIERS else None
            if iso:
                return iso
    return _before_country(doc, m, loc_at)


def _person_country(doc: Doc, m: Mention, loc_at: list[Optional[Location]]) -> Optional[str]:
    """The country of a person's title that is their own: a people's word or a country's possessive on the head of
    a nominal that refers to them ("Sudanese general Abdel Fattah al-Burhan", "Zelensky, Ukraine's president",
    "Ukrainian President Volodymyr Zelensky"); never a country's name used as a noun modifier, which as often says
    whom the office deals with ("the Sudan envoy", "a Kenya analyst")."""
    for c in doc[m.head].children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"):
            loc = loc_at[c.i]
            if c.dep_ == "poss" and (loc is None or loc.mention != "name"):
                continue  # "Kenya's": a country named, not a person's or a company's possessive
            iso = _iso_at(c, loc_at)
            if iso:
                return iso
    if m.start > 0:  # "- Sudanese general Abdel Fattah al-Burhan" parsed with the people's word apart
        loc = loc_at[m.start - 1]
        if loc is not None and loc.mention == "demonym" and doc[m.start].lower_ not in ("the", "a", "an"):
            return _iso_at(doc[m.start - 1], loc_at)
    return None


def cluster_countries(doc: Doc, mentions: list[Mention], loc_at: list[Optional[Location]]) -> dict[int, str]:
    """id(cluster) -> its country, for the clusters the article ties to one (the most named, the first on ties);
    a person only by a title of theirs that says whose it is (``_person_country``), not by whatever modifies it
    ("Kenya" of "the Somali envoy to Kenya")."""
    votes: dict[int, Counter] = {}
    clusters: dict[int, Cluster] = {}
    for m in mentions:
        c = m.cluster
        if c is None or m.form == "place":
            continue
        clusters[id(c)] = c
        if c.kind == "person":
            iso = _person_country(doc, m, loc_at) if m.form in ("nominal", "extent") else None
        else:
            iso = _modifier_country(doc, m, loc_at) if m.form in ("name", "nominal", "extent") else None
        if iso:
            votes.setdefault(id(c), Counter())[iso] += 1
    out: dict[int, str] = {}
    for cid, c in clusters.items():
        key_iso = _KEY_ISO.search(c.key)
        if key_iso and c.kind in ("state", "armed_group"):
            out[cid] = key_iso.group(1)  # the state's own, or the rebels of a country ("Sudanese rebels")
        elif cid in votes:
            out[cid] = votes[cid].most_common(1)[0][0]
    return out
