"""What a nominal is, for coreference: the category of actor its head names ("the army" -> military, "armed
groups" -> rebels, "the telephone network" -> none), and its shape (definite, owned by a pronoun, named by a person,
its extent)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Span, Token

from graph.extract.actors.actors_lexicon import ARMED_WORDS
from graph.extract.actors.described import NAMING_VERBS
from graph.extract.text.nominals import NOMINAL_HEADS, person_nouns
from graph.extract.text.org_nouns import maker_compound, org_nouns
from graph.extract.text.phrases import first_conjunct

if TYPE_CHECKING:  # annotations only
    from graph.extract.actors.actor_clusters import Cluster

ARMED_MODIFIERS = {"armed", "separatist", "rebel", "militant", "jihadist", "insurgent", "islamist", "terrorist"}
MEDIA_WORDS = {"news", "television", "tv", "broadcasting", "media", "radio", "cable", "satellite"}
POSS_PRONOUNS = {"our", "its", "their", "his", "her", "my", "your"}


def nominal_category(tok: Token) -> Optional[str]:
    lemma = tok.lemma_.lower()
    if lemma in {"leader", "ruler"} and any(c.dep_ == "amod" and c.lower_ == "military" for c in tok.children):
        return "junta" if tok.tag_ == "NNS" else "person"
    if lemma == "group" and any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in ARMED_MODIFIERS
                                for c in tok.children):
        return "rebels"
    if lemma == "staff" and any(c.lower_ == "general" for c in tok.children):
        return "military"
    if lemma == "force" and not any(c.lower_ in {"armed", "security", "air", "special", "ground", "government"}
                                    or c.ent_type_ in {"GPE", "NORP"} or c.dep_ == "poss"
                                    for c in tok.children):
        return None
    if lemma == "state" and (not definite(tok) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in c.children)
            for c in tok.children)):
        return None  # "a six-month state of emergency", "there is no state": not a government
    if lemma in {"network", "channel"} and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in
                                               MEDIA_WORDS for c in tok.children):
        return None  # "the telephone network" is infrastructure, not a broadcaster
    cat = NOMINAL_HEADS.get(lemma)
    if cat is None and tok.pos_ == "NOUN" and lemma in org_nouns() and the_one(tok):
        # "the retailer", "the insurer": the company the article named, by its trade (before WordNet's person, a
        # merchant); not "789 dealerships", "a partnership": a kind of firm, no mention of one the article names
        return "org"
    if cat is None and tok.pos_ == "NOUN" and lemma in person_nouns():
        return "person"  # "lawmakers", "bondholders", "critic": a person by WordNet's first sense
    if cat is None and tok.pos_ == "NOUN" and maker_compound(lemma):
        return "org"  # "the planemaker", "the chipmaker" (WordNet's "lawmaker", "dressmaker" are persons, above)
    return cat


def names_a_person(tok: Token) -> bool:
    """'the Biden administration', 'Trump's government': a government named by its leader, whose country the
    article's places do not tell."""
    return any(c.dep_ in {"compound", "poss", "nmod"} and c.ent_type_ == "PERSON" for c in tok.children)


def span_bounds(tok: Token) -> tuple[int, int]:
    start = tok.left_edge.i
    doc = tok.doc
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ in {"cc", "prep", "mark", "advmod"}):
        start += 1
    return start, tok.i + 1


def definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in tok.children) or \
        any(c.dep_ == "poss" for c in tok.children)


def the_one(tok: Token) -> bool:
    """'the retailer', 'this insurer': one thing the reader knows, by a definite article or demonstrative."""
    return tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children)


def owned_by_pronoun(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in POSS_PRONOUNS for c in tok.children)


# nominal heads that name one kind of institution: "the court" is a court the article named ("the Supreme Court"),
# never the last company it named
INSTITUTION_NOMINALS = frozenset({"court", "board", "council", "committee", "union", "party", "team", "bank",
                                  "agency", "newspaper", "network", "channel"})


def label_words(label: str) -> set[str]:
    return {w.strip(".,'’").lower() for w in label.split()}


def modifier_words(tok: Token) -> set[str]:
    """The common nouns and adjectives that modify a nominal's head ("the computer company" -> {"computer"})."""
    return {c.lower_ for c in tok.children if c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "ADJ"}}


def not_a_state_body(tok: Token, at: dict) -> bool:
    """'Tesla's home state', 'the company's board': owned by a named company or person, or a home state, is
    no government."""
    if tok.lemma_.lower() == "state" and any(c.lower_ in {"home", "native", "member"} for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ != "poss":
            continue
        m = at.get(c.i)
        if c.ent_type_ in {"ORG", "PERSON"} or (m is not None and m.cluster is not None
                                                 and m.cluster.kind in {"organization", "person", "armed_group"}):
            return True
    return False


def clause_subject_cluster(tok: Token, at: dict):
    """The actor a possessive "its" in an object refers to: the subject of its clause (or of the verb it is
    coordinated with)."""
    noun = tok.head
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ not in {"dobj", "pobj", "attr"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    v = verb
    climbed = False
    for _ in range(4):  # coordinated verbs share their subject: "withdraws ... and evacuates its camps"
        subj = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None and v.dep_ == "acl":
            subj = v.head  # "a column ... set off in its direction": the noun the participle modifies
        if subj is not None:
            m = at.get(subj.i)
            if subj.i < tok.i and m is not None and m.cluster is not None and m.cluster.type != "PERSON" \
                    and subj.tag_ not in {"NNS", "NNPS"}:
                return m.cluster.type, m.cluster
            return None  # a subject the pronoun does not fit: the general rule decides
        if v.dep_ != "conj":
            break
        v = v.head
        climbed = True
    if not climbed:
        return None
    # the coordination lost its subject in the parse ("as the UN mission, MINUSMA, withdraws ... and
    # evacuates its camps" parsed "withdraws" as a noun): the nearest earlier singular non-person actor
    for i in range(tok.i - 1, tok.sent.start - 1, -1):
        m = at.get(i)
        if m is not None and m.cluster is not None and m.head == i and m.cluster.type != "PERSON" \
                and tok.doc[i].tag_ not in {"NNS", "NNPS"}:
            return m.cluster.type, m.cluster
    return None


def another_party(place: Token, tok: Token) -> bool:
    """The country is another party than the body tok names: named after it in its sentence (but "the army
    in Niger"), or (in) what a verb acts on ("accused the UAE of", "attacked Mali", "sanctions against Iran")."""
    head = first_conjunct(place)  # "in Bamako, Ouagadougou and Niamey": all are where "in" says
    located = head.dep_ == "pobj" and head.head.lower_ in {"in", "inside"}
    if place.i > tok.i and place.sent == tok.sent and not located:
        return True  # named after the body, not where it is: "the army's commander ... accused Eritrea"
    for x in (place, *place.ancestors):  # also inside it: "accused X of arming the RSF, a charge the UAE denies"
        if x.is_ancestor(tok) or x.i == tok.i:
            return False
        if x.dep_ in {"dobj", "dative", "oprd"} or (
                x.dep_ == "pobj" and x.head.lower_ in {"against", "with", "to", "on", "at", "for"}):
            return True
    return False


def described_cluster(tok: Token, at: dict):
    """The actor (cluster) a nominal describes: by apposition ("the UN mission, MINUSMA"), by the name it is known
    as ("The gang coalition, known as Viv Ansanm"), or as the predicate of a named subject ("Ryanair is the
    world's most profitable airline", "Kestrel was the first carrier to fly it"; not "is not")."""
    for c in tok.children:
        if c.dep_ == "appos" and c.i in at and at[c.i].cluster is not None:
            return at[c.i].cluster
    if tok.dep_ == "appos" and tok.head.i in at and at[tok.head.i].cluster is not None:
        return at[tok.head.i].cluster
    for c in tok.children:  # "The gang coalition, known as Viv Ansanm": the name it is known as
        if c.dep_ in {"acl", "relcl"} and c.tag_ == "VBN" and c.lemma_.lower() in NAMING_VERBS:
            for g in c.subtree:
                if g.i > c.i and g.i in at and at[g.i].form == "name" and at[g.i].cluster is not None:
                    return at[g.i].cluster
    verb = tok.head
    if tok.dep_ == "attr" and verb.lemma_ == "be" and not any(c.dep_ == "neg" for c in verb.children):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        m = at.get(subj.i) if subj is not None else None
        if m is not None and m.form == "name" and m.cluster is not None:
            return m.cluster
    return None


def noun_maker(tok: Token, at: dict):
    """The maker of the noun whose clause a subject pronoun is in: "the announcement by Kestrel Motors that it had
    settled", "Kestrel's statement that it would appeal" (a named actor other than a person, by "by" or a
    possessive), as (type, cluster); else None."""
    clause = tok.head
    if tok.dep_ != "nsubj" or clause.dep_ not in {"acl", "ccomp"} or clause.head.pos_ != "NOUN":
        return None
    noun = clause.head
    makers = [c for c in noun.children if c.dep_ == "poss"] + [
        o for p in noun.children if p.dep_ == "agent" or p.dep_ == "prep" and p.lower_ == "by"
        for o in p.children if o.dep_ == "pobj"]
    for t in makers:
        m = at.get(t.i)
        if m is not None and m.cluster is not None and m.form == "name" and m.cluster.type != "PERSON":
            return m.cluster.type, m.cluster
    return None


def subject_of_clause(tok: Token) -> bool:
    """The name is its clause's subject, or part of it ("GM and Chrysler said", "Ford Motor Co. said")."""
    t = first_conjunct(tok)
    while t.dep_ in {"compound", "flat"}:
        t = t.head
    return t.dep_ in {"nsubj", "nsubjpass"}


# an apposition's nominal category -> the kind it gives an organisation ("the UN mission, MINUSCA")
APPOS_KINDS = {"mission": "igo", "military": "state", "junta": "state", "government": "state",
               "rebels": "armed_group"}


def kind_from_apposition(c: "Cluster", ent: Span) -> None:
    """An organisation's kind from its appositive description: "an alliance of ... armed groups", "the UN
    mission, MINUSCA" (only while the kind is still the default)."""
    root = ent.root
    described = [t for t in root.children if t.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    for t in described:
        if c.kind != "organization":
            break
        if t.dep_ == "appos" and any(w.lower_ in ARMED_WORDS for w in t.subtree):
            c.kind, c.type = "armed_group", "ARMED_GROUP"
        elif t.pos_ == "NOUN":
            kind = APPOS_KINDS.get(nominal_category(t) or "")
            if kind:
                c.kind = kind
                if kind == "armed_group":
                    c.type = "ARMED_GROUP"
