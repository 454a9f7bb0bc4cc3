"""Actor and entity mentions, with canonical actors and aliases within an article.

Three kinds of mention, resolved in document order to canonical actors (clusters):
- names from spaCy's NER (repaired: "The Permanent Strategic Framework (CSP)" is one
  organization and introduces the alias "CSP"; a name followed by an acronym is never a
  person), matched to known actors and aliases (actors_lexicon.KNOWN_ACTORS), to earlier
  names (a surname, initials "GM" = "General Motors", a prefix "Lockheed" = "Lockheed Martin");
- nominals ("Mali's army", "the junta", "the UN mission", "the company", "the junta
  leader"), see coref.py;
- pronouns ("it", "he", "their", relative "which"), see coref.py.
Clusters and the known actors are in actor_clusters.py, the NER repairs in actor_spans.py, the
labels of state actors ("Malian Armed Forces") in actor_states.py.

Each mention keeps the interface's entity type (PERSON|ORG|ARMED_GROUP|GPE|LOC|FAC|NORP);
the actor's kind (person, organization, armed_group, state, igo) is recorded in `kind`.
Canonical IRIs come from the actor's label (graph.ids.actor_iri), so the same actor gets
the same IRI in every article.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from graph.extract.actors.actor_clusters import (
    KNOWN_NAMES,
    KNOWN_SURFACE,
    Cluster,
    Mention,
    Registry,
    acronym_cluster,
    canonical_name,
    known_actor,
    norm_name,
    org_kind,
)
from graph.extract.actors.actor_countries import cluster_countries
from graph.extract.actors.actor_spans import described_as_non_place, described_names, repair_spans
from graph.extract.actors.actor_states import military_label, military_name
from graph.extract.actors.actors_lexicon import ARMY_ACRONYMS, drop_titles
from graph.extract.actors.coref_nominals import kind_from_apposition
from graph.extract.actors.described import find_described
from graph.extract.actors.indices import find_indices, index_entities
from graph.extract.actors.name_keys import prefix_acronym
from graph.extract.actors.name_spans import STATE_BODY_HEADS, acronym_token, country_prefixed
from graph.extract.actors.name_types import corrected_label, person_surnames
from graph.extract.actors.products import find_products, product_entities
from graph.extract.model import Entity, Location
from graph.extract.places.place_spans import described_as_town, is_river
from graph.extract.text.nominals import NOMINAL_HEADS
from graph.extract.text.person_names import bare_surname
from graph.ids import actor_iri

ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "NORP"}
PLACE_LABELS = {"GPE": "GPE", "LOC": "LOC", "FAC": "FAC"}


def find_entities(doc: Doc, locations: list[Location]) -> list[Entity]:
    """Named, nominal and pronoun mentions typed PERSON/ORG/ARMED_GROUP/GPE/LOC/FAC/NORP with canonical IRIs."""
    return _ArticleActors(doc, locations).run()


def _place_at_tokens(doc: Doc, locations: list[Location]) -> list[Optional[Location]]:
    """The place named at each token, so that a name inside a place mention is not taken for an actor."""
    loc_at: list[Optional[Location]] = [None] * len(doc)
    starts: dict[int, int] = {}  # token starts, built only if a span does not align
    for loc in locations:
        sp = doc.char_span(loc.start, loc.end, alignment_mode="expand")
        if sp is None:
            if not starts:
                starts.update((t.idx, t.i) for t in doc)
            i = starts.get(loc.start)
            sp = doc[i: i + 1] if i is not None else None
        if sp is not None:
            for i in range(sp.start, sp.end):
                loc_at[i] = loc
    return loc_at


def _product_tokens(doc: Doc, prod_spans: list[Span]) -> set[int]:
    """Tokens inside product names ("Airbus A380"), which are no actor mentions, bar a possessor ("Boeing's")."""
    in_product = set()
    for sp in prod_spans:
        in_product.update(range(sp.start, sp.end))
        for t in sp:  # "Boeing's 747": the possessor stays an actor mention
            if t.tag_ == "POS" or (t.i + 1 < sp.end and doc[t.i + 1].tag_ == "POS"):
                in_product.discard(t.i)
    return in_product


class _ArticleActors:
    """One article's actor mentions, found step by step; the attributes are the state the steps share."""

    def __init__(self, doc: Doc, locations: list[Location]) -> None:
        self.doc = doc
        self.place_pronouns = {loc.start: loc for loc in locations if loc.mention == "pronoun"}
        self.locations = [loc for loc in locations if loc.mention in ("name", "demonym")]
        self.loc_at = _place_at_tokens(doc, self.locations)
        placed = {(loc.start, loc.end) for loc in self.locations if loc.geonames_id}  # "hit Kursk": no product
        prod_spans = [sp for sp in find_products(doc) if (sp.start_char, sp.end_char) not in placed]
        index_spans = [sp for sp in find_indices(doc) if not any(a.start < sp.end and sp.start < a.end
                                                                 for a in prod_spans)]
        self.in_product = _product_tokens(doc, prod_spans) | {i for sp in index_spans for i in range(sp.start, sp.end)}
        self.doc_isos = {loc.country for loc in self.locations if loc.country}
        self.reg = Registry()
        self.extents: list[Mention] = []
        self.out: list[Entity] = product_entities(doc, prod_spans) + index_entities(index_spans)
        self.mentions: list[Mention] = []
        self.persons: list[Cluster] = []
        self.orgs: list[Cluster] = []
        self.surnames: frozenset[str] = frozenset()
        self.taken: set[int] = set()  # tokens already in a name mention, filled once the NER's names are in
        # names the text describes as armed groups ("the Fano militia"), and "X, known as Y" aliases
        self.desc = find_described(doc, self.loc_at)
        # a nickname of a named actor ('Jimmy Chérizier, known as "Barbecue"') joins that actor after the names
        self.nicknames = {(sp.start, sp.end): head for sp, head in self.desc.aliases if head.pos_ == "PROPN"}

    def run(self) -> list[Entity]:
        """All steps in order: each step sees the clusters and mentions the earlier ones found."""
        self.add_described_groups()
        self.add_ner_names()
        self.taken = {i for m in self.mentions for i in range(m.start, m.end)} | self.in_product
        self.add_known_as_names()
        self.add_group_repeats()
        self.add_alias_repeats()
        self.extents += described_names(self.doc, self.mentions, self.in_product)
        self.add_place_pronouns()
        return self.entities()

    # -- clusters: which actor a name refers to --

    def person_cluster(self, name: str) -> Cluster:
        """The person a name refers to: an earlier person sharing the name or its surname, else a new one."""
        name = drop_titles(name)
        parts = name.split()
        same = self.reg.alias.get(norm_name(name))
        if same is not None and same.type != "PERSON" and same.named:
            return same  # "Ryanair" read as a person after "Ryanair" the company: one sense per article
        for c in reversed(self.persons):
            cw = c.label.split()
            if name == c.label or (len(parts) == 1 and bare_surname(parts[0]) in map(bare_surname, cw)) or (
                    len(cw) == 1 and bare_surname(cw[0]) in map(bare_surname, parts)):
                if len(name) > len(c.label):
                    c.label = name
                return c
        c = self.reg.get("person:" + name.lower(), name, "PERSON", "person", True)
        self.persons.append(c)
        self.reg.add_alias(name, c)
        if len(parts) > 1:
            self.reg.add_alias(parts[-1], c)  # a later bare surname the NER missed
            self.reg.add_alias(bare_surname(parts[-1]), c)  # "Burhan" after "Abdel Fattah al-Burhan"
        return c

    def org_cluster(self, name: str, etype: str, span: Span, acr: Optional[str] = None) -> Cluster:
        """The organisation a name refers to: an alias, a known actor, a country's army, an earlier name's
        initials or prefix, else a new one."""
        reg = self.reg
        n = norm_name(name)
        if n in reg.alias:
            return reg.alias[n]
        known = known_actor(name) or (KNOWN_NAMES.get(norm_name(acr)) if acr else None)  # "... (ISIL)"
        if known:
            label, ktype, kind = known
            c = reg.get("known:" + label.lower(), label, ktype, kind, True)
            reg.add_alias(name, c)
            return c
        iso = military_name(span)
        if iso is None and ARMY_ACRONYMS.get(name) in self.doc_isos:
            iso = ARMY_ACRONYMS[name]  # "ENDF" in a story about Ethiopia: its army, one actor with "federal troops"
        if iso:
            c = reg.get(f"military:{iso}", military_label(iso), "ORG", "state", True)
            reg.add_alias(name, c)
            return c
        for c in reversed(self.orgs):  # initials (GM) or a prefix (Lockheed) of an earlier name
            words = [w for w in c.label.split() if w[:1].isupper()]
            initials = "".join(w[0] for w in words)
            if (name.isupper() and len(name) >= 2 and name == initials) or (
                    len(name.split()) < len(c.label.split()) and c.label.startswith(name + " ")) or \
                    country_prefixed(c.label, name) or prefix_acronym(name, c.label):  # "SIA": Singapore Airlines
                reg.add_alias(name, c)  # "the Air Force" after "the U.S. Air Force"
                return c
        short = acronym_cluster(self.orgs, name, acr)
        if short is not None:  # "EADS" in the headline, "European Aeronautic Defence and Space Company" after it
            short.label = canonical_name(name)
            reg.add_alias(name, short)
            return short
        kind = org_kind(name, etype)
        if kind == "armed_group":
            etype = "ARMED_GROUP"
        c = reg.get("org:" + n, canonical_name(name), etype, kind, True)
        reg.add_alias(name, c)
        self.orgs.append(c)
        return c

    def add_described_groups(self) -> None:
        """Clusters for names the text describes as armed groups ("the Fano militia"), before any name is read."""
        for n, name in self.desc.armed.items():
            if n not in KNOWN_NAMES and n not in self.reg.alias:
                c = self.reg.get("org:" + n, name, "ARMED_GROUP", "armed_group", True)
                self.reg.add_alias(name, c)
                self.orgs.append(c)

    # -- the NER's names --

    def add_ner_names(self) -> None:
        """The repaired NER spans in document order: each a place entity, a NORP entity or an actor mention."""
        repaired = repair_spans(self.doc)
        # one sense per article: a name described once as no place ("Magna, a Canadian automobile parts company")
        non_places = {ent.text for ent, _, _ in repaired if described_as_non_place(ent.root)}
        self.surnames = person_surnames(repaired)  # one type per name: "Kallasvuo" said makes the full name a person
        for ent, label, acr in repaired:
            if any(i in self.in_product for i in range(ent.start, ent.end)):
                continue  # "Airbus A380", "787 Dreamliners": a product's name, not an actor
            if (ent.start, ent.end) in self.nicknames:
                continue
            label = self.name_label(ent, label, non_places)
            if label is None:
                continue
            place = self.place_of(ent, label)
            if self.add_place_name(ent, label, acr, place):
                continue
            if label not in ACTOR_LABELS:
                continue
            if label == "NORP":
                self.out.append(Entity(ent.start_char, ent.end_char, ent.text, "NORP",
                                       canonical=actor_iri(canonical_name(ent.text)), label=canonical_name(ent.text),
                                       kind="organization", mention="name"))
                continue
            self.add_actor_name(ent, label, acr)

    def place_of(self, ent: Span, label: str) -> Optional[Location]:
        """The place at the name's root, unless the name is a state body's ("US Air Force": whichever word
        the parse made its root, the name is no place)."""
        return None if label == "ORG" and ent[-1].lower_ in STATE_BODY_HEADS else self.loc_at[ent.root.i]

    def name_label(self, ent: Span, label: str, non_places: set[str]) -> Optional[str]:
        """The NER label corrected by what the article says of the name, or None for no entity at all."""
        desc, loc_at = self.desc, self.loc_at
        typed = corrected_label(ent, label, self.surnames)  # the name's structure and the sentence's cues
        if typed != label and (typed == "ORG" or self.place_of(ent, label) is None):
            label = typed
        if (norm_name(ent.text) in desc.armed and label in {"PERSON", "ORG", "GPE"} and loc_at[ent.root.i] is None) or (
                label == "PERSON" and any(sp.start == ent.start and sp.end == ent.end and h.pos_ == "NOUN"
                                          for sp, h in desc.aliases)):
            label = "ORG"  # "Fano", "Viv Ansanm": a group the text describes, not a person
        place = self.place_of(ent, label)
        if label in PLACE_LABELS and place is None:
            low = ent.text.lower()
            if low in NOMINAL_HEADS:
                return None  # "Junta extends transition": a headline's capitalised description, no place
            if norm_name(ent.text) in KNOWN_NAMES:
                label = "ORG"  # "M23": an armed group's code name, no place
            elif any(ch.isdigit() for ch in ent.text):
                return None  # "KC-30s": a model number, neither a place nor an actor
        if label == "PERSON" and place is not None and (place.geonames_id or described_as_town(ent)) and len(ent) == len(
                self.doc.char_span(place.start, place.end, alignment_mode="expand") or ()) and ent.text not in non_places:
            label = "GPE"  # the gazetteer accepted the town in place position ("the outskirts of Goma"), or the
            # text says it is a town ("Rubaya, a major coltan mining town")
        return label

    def add_place_name(self, ent: Span, label: str, acr: Optional[str], place: Optional[Location]) -> bool:
        """A name that is a place (by its label or the place found there) as a place entity; False if it is not."""
        if label == "NORP" and place is not None and place.end > ent.end_char and place.start <= ent.start_char:
            # "the Amhara region": the region named after its people, a place
            self.out.append(Entity(place.start, place.end, place.text, "GPE", canonical=place.canonical,
                                   label=place.name or place.text, mention="name"))
            return True
        inside = [loc for loc in self.locations if ent.start_char <= loc.start and loc.end <= ent.end_char]
        if place is not None and len(inside) > 1 and label != "PERSON":  # "Sderot and Ashkelon" tagged as one name
            self.out.extend(Entity(loc.start, loc.end, loc.text, "GPE", canonical=loc.canonical,
                                   label=loc.name or loc.text, mention="name") for loc in inside)
            return True
        if label in PLACE_LABELS or (place is not None and label != "PERSON" and acr is None):
            etype = label if label in PLACE_LABELS or label == "NORP" else "GPE"
            if place is not None and is_river(place):
                etype = "LOC"  # "the Niger river"
            start, end, text = ent.start_char, ent.end_char, ent.text
            if place is not None and place.start <= start and end <= place.end and place.end - place.start > end - start:
                start, end, text = place.start, place.end, place.text  # "South Darfur": the NER took only "Darfur"
            self.out.append(Entity(start, end, text, etype,
                                   canonical=place.canonical if place else None,
                                   label=place.name if place else canonical_name(ent.text), mention="name"))
            return True
        return False

    def add_actor_name(self, ent: Span, label: str, acr: Optional[str]) -> None:
        """A person's or organisation's name as a mention of its cluster, with its acronym ("General Motors (GM)")."""
        name = canonical_name(ent.text)
        if label == "PERSON":
            c = self.person_cluster(name)
        else:
            c = self.org_cluster(name, "ORG", ent, acr)
            kind_from_apposition(c, ent)
        if acr:
            self.reg.add_alias(acr, c)
        self.mentions.append(Mention(ent.start, ent.end, ent.root.i, "name", c.type, c))
        if acr:
            a = acronym_token(self.doc, ent.end)  # "... Space Company EADS N.V. (EADS)": past the repeated tail
            self.mentions.append(Mention(a, a + 1, a, "name", c.type, c))
            # the name with its acronym is one longer mention of the actor: "General Motors (GM)"
            self.extents.append(Mention(ent.start, a + 2, ent.root.i, "extent", c.type, c))

    # -- names the NER missed --

    def add_known_as_names(self) -> None:
        """"Known as" names: a nickname joins the actor it names, a described name gets an organisation."""
        for sp, head in self.desc.aliases:
            if any(i in self.taken for i in range(sp.start, sp.end)):
                continue
            if head.pos_ == "PROPN":
                c = next((m.cluster for m in self.mentions if m.start <= head.i < m.end and m.cluster is not None), None)
            else:
                c = self.org_cluster(canonical_name(sp.text), "ORG", sp)
            if c is None:
                continue
            self.reg.add_alias(sp.text, c)
            self.mentions.append(Mention(sp.start, sp.end, sp.root.i, "name", c.type, c))
            self.taken.update(range(sp.start, sp.end))

    def add_group_repeats(self) -> None:
        """The described groups' other mentions the NER missed ("The Fano, a ..."), for names of two words or more
        (one-word names are left to the alias scan)."""
        doc = self.doc
        for n, name in self.desc.armed.items():
            words = name.split()
            c = self.reg.alias.get(n)
            if c is None or len(words) < 2:
                continue  # one-word names: the alias scan below
            k = len(words)
            for i in range(len(doc) - k + 1):
                if [t.text for t in doc[i:i + k]] == words and not any(j in self.taken for j in range(i, i + k)) \
                        and self.loc_at[i] is None:
                    self.mentions.append(Mention(i, i + k, i + k - 1, "name", c.type, c))
                    self.taken.update(range(i, i + k))

    def add_alias_repeats(self) -> None:
        """Later one-token mentions of an alias or a known actor the NER missed ("When MINUSMA left")."""
        for t in self.doc:
            if t.i in self.taken or not (t.pos_ == "PROPN" or t.is_upper) or len(t.text) < 2:
                continue
            c = self.reg.alias.get(norm_name(t.text))
            if c is None and t.text in KNOWN_SURFACE:
                label, ktype, kind = KNOWN_NAMES[norm_name(t.text)]
                c = self.reg.get("known:" + label.lower(), label, ktype, kind, True)
            if c is not None and self.loc_at[t.i] is None:
                self.mentions.append(Mention(t.i, t.i + 1, t.i, "name", c.type, c))
                self.taken.add(t.i)

    def add_place_pronouns(self) -> None:
        """Pronouns resolved to a place ("retake it" -> Kidal) as place entities, so that coref leaves them alone."""
        doc = self.doc
        for loc in self.place_pronouns.values():
            sp = doc.char_span(loc.start, loc.end)
            if sp is None or len(sp) != 1:
                continue
            t = sp[0]
            if t.i not in self.taken:
                self.out.append(Entity(t.idx, t.idx + len(t.text), t.text, "GPE", canonical=loc.canonical,
                                       label=loc.name, kind=None, mention="pronoun"))
                self.mentions.append(Mention(t.i, t.i + 1, t.i, "place", "GPE", None))

    # -- the result --

    def entities(self) -> list[Entity]:
        """Nominals and pronouns resolved against the names, then every mention as an Entity in text order."""
        from graph.extract.actors.coref import resolve_nominals_and_pronouns

        doc = self.doc
        mentions = self.mentions
        mentions += resolve_nominals_and_pronouns(doc, mentions, self.reg, self.loc_at, self.locations)
        mentions += self.extents
        mentions.sort(key=lambda m: (m.start, -m.end))
        out = self.out
        countries = cluster_countries(doc, mentions, self.loc_at)
        for m in mentions:
            if m.form == "place":
                continue
            span = doc[m.start: m.end]
            c = m.cluster
            etype = c.type if c else m.type
            out.append(Entity(span.start_char, span.end_char, span.text, etype,
                              canonical=c.iri if c else None, label=c.label if c else None,
                              kind=(c.kind if c else m.kind), mention=m.form,
                              country=countries.get(id(c)) if c else None))
        out.sort(key=lambda e: (e.start, -e.end))
        return out
