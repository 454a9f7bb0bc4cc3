"""Rule-based coreference: nominal and pronoun mentions resolved to the article's actors.

Nominals (head lemma in text/nominals.NOMINAL_HEADS; their categories and shapes are in coref_nominals.py):
- apposition links a description to a name ("the UN stabilisation mission, MINUSMA"; "the head of the junta,
  Colonel Assimi Goita"), and the role it names is remembered ("leader of the junta" -> Goita), so "the junta
  leader" later resolves to the same person;
- a state's bodies are keyed by country: "Mali's army", "the Malian army", "our armed forces" (the article's
  country) -> Malian Armed Forces; "the junta", "the government", "the state"; else the sentence's country, not
  one named after the body or acted on ("the army's chief accused the UAE"); else the article's;
- rebels take their ethnic or national modifier ("Tuareg-dominated separatist groups" -> Tuareg rebels), and
  "the rebels" the article's last rebels;
- a definite nominal with the head of an earlier resolved one is that actor ("the UN mission" after "the UN
  stabilisation mission"); "the company", "the retailer" (a trade noun: text/org_nouns.py) is the last named
  organization (in reported words the speaker's: quote_speakers.py). "our mission" does not head-match.
Pronouns: he/she -> the last person; it/its -> the nearest earlier singular subject (in a noun's clause its maker:
"the announcement by GM that it had filed"), they/their -> plural; relative "which/who/that" -> the noun its clause
modifies; we/our -> the organization that speaks. Unresolved nominals and he/she are typed mentions, without actor.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from graph.extract.actors.actors_lexicon import (
    CATEGORY_KIND,
    CATEGORY_TYPE,
    LEADER_ROLES,
)
from graph.extract.actors.coref_nominals import (
    INSTITUTION_NOMINALS,
    another_party,
    clause_subject_cluster,
    definite,
    described_cluster,
    label_words,
    modifier_words,
    names_a_person,
    nominal_category,
    not_a_state_body,
    noun_maker,
    owned_by_pronoun,
    span_bounds,
    subject_of_clause,
)
from graph.extract.actors.name_spans import glued_markers
from graph.extract.actors.quote_speakers import employers_of, quotations, reporter_organisation, speaker_organisation
from graph.extract.model import Location
from graph.extract.text.dateline import dateline_tokens
from graph.extract.text.nominals import NOMINAL_HEADS
from graph.extract.text.phrases import relative_antecedent

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
IT_PRONOUNS = {"it", "its", "itself"}
THEY_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
WE_PRONOUNS = {"we", "us", "our", "ours"}
RELATIVE = {"which", "who", "whom", "whose", "that"}
STATE_CATEGORIES = {"military", "junta", "government"}
REBEL_CLASS = {"rebel": "rebels", "separatist": "rebels", "guerrilla": "rebels", "mutineer": "rebels",
               "fighter": "rebels", "group": "rebels", "jihadist": "jihadists", "militant": "jihadists",
               "insurgent": "insurgents", "militia": "militia", "militiaman": "militia"}



def resolve_nominals_and_pronouns(doc: Doc, named: list, reg, loc_at: list[Optional[Location]],
                                  locations: list[Location]) -> list:
    from graph.extract.actors.actor_clusters import Mention
    from graph.extract.actors.actor_states import (
        country_demonym,
        country_of_token,
        government_label,
        junta_label,
        military_label,
        names_the_setting,
        people_word,
        seat_country,
    )

    markers = glued_markers(doc)  # "BO rebels": a country code, no ethnic name
    at: dict[int, object] = {}  # token index -> Mention covering it (named first)
    for m in named:
        for i in range(m.start, m.end):
            at.setdefault(i, m)
    counts: dict[str, int] = {}
    for loc in locations:
        if loc.country:
            counts[loc.country] = counts.get(loc.country, 0) + 1
    main_iso = max(counts, key=lambda k: counts[k]) if counts else None
    doc_ethnic: dict[str, str] = {}  # rebel class -> first ethnic modifier the article gives it
    for t in doc:
        if t.pos_ == "NOUN" and nominal_category(t) == "rebels":
            cls = "rebels" if t.lemma_.lower() == "group" else REBEL_CLASS.get(t.lemma_.lower(), "rebels")
            for c in t.subtree:
                if c.i >= t.i:
                    break
                if people_word(c, loc_at, markers):  # "Tuareg rebels", "Chechen fighters"
                    doc_ethnic.setdefault(cls, c.text)
                    break
    roles: dict[str, object] = {}  # "leader:<cluster key>" -> person cluster
    out: list = []
    history: list = list(named)  # mentions in order seen, for "most recent" look-ups

    def recent(pred, before: int, window_sents: int = 6):
        s = doc[before].sent
        sent_floor, k = s.start, 0
        while k < window_sents and s.start > 0:
            s = doc[s.start - 1].sent
            k += 1
        floor = min(sent_floor, s.start)
        best = None
        for m in history:
            if m.cluster is None or m.start >= before or m.start < floor:
                continue
            if pred(m) and (best is None or m.start > best.start):
                best = m
        return best.cluster if best else None

    def country(tok: Token) -> Optional[str]:
        for c in tok.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"}:
                iso = country_of_token(c, loc_at)
                if iso:
                    return iso
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj":
                        iso = country_of_token(o, loc_at)
                        if iso:
                            return iso
            if c.dep_ == "prep" and c.lower_ == "in" and tok.tag_ != "NNS":  # "the government in Lima": its seat
                for o in c.children:  # (not "the juntas in Bamako, Ouagadougou and Niamey": several states')
                    if o.dep_ == "pobj" and not o.conjuncts and (iso := seat_country(o, loc_at)):
                        return iso
        return None

    def ethnic(tok: Token) -> Optional[str]:
        for c in tok.subtree:
            if c.i >= tok.i:
                break
            if people_word(c, loc_at, markers):
                return c.text
        return None

    def appos_cluster(tok: Token):
        return described_cluster(tok, at)

    byline = dateline_tokens(doc)

    def countries_near(tok: Token) -> list[str]:
        """Countries of the places named in tok's sentence, else in the paragraph's previous sentence."""
        sent = tok.sent
        for _ in range(2):
            isos: list[str] = []
            for t in sent:
                loc = loc_at[t.i]
                if loc is None or not loc.country or t.i in byline or loc.country in isos or another_party(t, tok):
                    continue
                if not names_the_setting(t, tok, loc_at):
                    continue
                isos.append(loc.country)
            if isos or sent.start == 0 or "\n" in doc[sent.start - 1].text:
                return isos
            sent = doc[sent.start - 1].sent
        return []

    def state_cluster(cat: str, tok: Token, iso: Optional[str]):
        if iso is None:
            # "In neighbouring Niger, the army said": the country the sentence (or the one before it) is
            # about, not the article's; several countries: the article's if it is among them, else none
            near = countries_near(tok)
            if len(near) == 1:
                iso = near[0]
            elif len(near) > 1:
                if tok.tag_ == "NNS" and tok.lemma_.lower() not in {"force", "troop", "soldier"}:
                    return None  # "the juntas in Bamako, Ouagadougou and Niamey": several states' bodies
                if main_iso not in near:
                    return None
        if iso is None and main_iso is None:
            return recent(lambda m: m.cluster.key.startswith(cat + ":"), tok.i, 40)
        if iso is None:
            iso = main_iso
        if iso is None:
            return None
        label = {"military": military_label, "junta": junta_label, "government": government_label}[cat](iso)
        kind = CATEGORY_KIND[cat]
        return reg.get(f"{cat}:{iso}", label, CATEGORY_TYPE[cat], kind)

    def nominal(tok: Token, cat: str):
        iso = country(tok)
        c = appos_cluster(tok)
        if c is not None:
            return c
        if cat in STATE_CATEGORIES:
            if iso is None and (names_a_person(tok) or not_a_state_body(tok, at)):
                return None
            if iso is None and cat == "military" and (eth := ethnic(tok)):  # "Kurdish forces": no state's army
                return reg.get(f"forces:{eth.lower()}", f"{eth} forces", "ARMED_GROUP", "armed_group")
            return state_cluster(cat, tok, iso)
        lemma = tok.lemma_.lower()
        if cat == "rebels":
            for ch in tok.children:  # "M23 rebels", "RSF fighters": the named group
                m = at.get(ch.i)
                if ch.dep_ in {"compound", "nmod"} and m is not None and m.cluster is not None \
                        and m.cluster.kind == "armed_group":
                    return m.cluster
            cls = REBEL_CLASS.get(lemma, "rebels")
            if lemma == "group":
                cls = "rebels"
            eth = ethnic(tok) or (doc_ethnic.get(cls) if lemma != "group" else None)
            if eth:
                return reg.get(f"{cls}:{eth.lower()}", f"{eth} {cls}", "ARMED_GROUP", "armed_group")
            if lemma == "group":
                return None
            if iso is None and lemma == "rebel" and definite(tok):
                # "The Rwanda-backed rebels" after "M23 rebels": the named group just mentioned
                named_group = recent(lambda m: m.form == "name" and m.cluster.kind == "armed_group", tok.i, 2)
                if named_group is not None:
                    return named_group
            i2 = iso or main_iso
            if i2:
                return reg.get(f"{cls}:{i2}", f"{country_demonym(i2)} {cls}", "ARMED_GROUP",
                               "armed_group")
            return None
        if cat == "person":
            role = LEADER_ROLES.get(lemma)
            if role:
                org = None
                for ch in tok.children:
                    if ch.dep_ in {"compound", "poss"}:
                        org = _org_of(ch)
                    elif ch.dep_ == "prep" and ch.lower_ == "of":
                        org = next((_org_of(o) for o in ch.children if o.dep_ == "pobj"), None)
                    if org is not None:
                        break
                if org is not None:
                    prev = roles.get(f"{role}:{org.key}")
                    if prev is not None:
                        return prev
            return None
        if not definite(tok) or tok.tag_ == "NNS" and cat in {"group", "org"}:
            return None
        if owned_by_pronoun(tok):
            return None
        hkey, mods = (lemma, tok.tag_ == "NNS"), modifier_words(tok) if cat == "org" else set()
        # the name that says "computer" ("the computer company"); in reported words, the speaker's organisation
        described = mods and recent(lambda m: m.form == "name" and m.cluster.type != "PERSON" and bool(
            mods & label_words(m.cluster.label)), tok.i, 8) or cat == "org" and reporter_organisation(
            tok, at, employers, is_role)
        if described:
            return described
        same_head = recent(lambda m: m.form == "nominal" and m.cluster is not None and hkey in m.cluster.heads,
                           tok.i, 60)
        if same_head is not None:
            return same_head
        if cat == "mission":
            return recent(lambda m: m.cluster.kind == "igo" and m.form == "name"
                          and m.cluster.label not in {"United Nations"}, tok.i, 60)
        if lemma in INSTITUTION_NOMINALS:  # "the court" is a court named earlier, never the last company
            return recent(lambda m: m.form == "name" and lemma in label_words(m.cluster.label), tok.i, 60)
        if cat in {"group", "org"}:
            want = {"armed_group", "organization", "igo"} if cat == "group" else {"organization"}

            def named_org(m) -> bool:
                return m.form == "name" and m.cluster.kind in want and m.cluster.type != "PERSON"
            owner = next((at[c.i].cluster for c in tok.children if c.dep_ == "poss" and c.i in at
                          and at[c.i].cluster is not None and named_org(at[c.i])), None)
            # a named owner's part is the owner's ("GM's automotive division"); else the organisation the story
            # is about: the last one that was a subject ("GM said it would sell Opel to Magna ... the company's
            # move" is GM's), else the last one named
            return owner or recent(lambda m: named_org(m) and subject_of_clause(doc[m.head]), tok.i, 8) or \
                recent(named_org, tok.i, 8)
        return None

    def _org_of(t: Token):
        m = at.get(t.i)
        if m is not None and m.cluster is not None:
            return m.cluster
        cat = nominal_category(t)
        if cat in STATE_CATEGORIES:
            return state_cluster(cat, t, country(t))
        return None

    def role_title(tok: Token) -> bool:
        """A capitalised role the tagger calls a proper noun ("the Vice Chairman of Chrysler", "Ryanair CEO")
        outside any name: a person's nominal like "the chairman"."""
        return tok.pos_ == "PROPN" and not tok.ent_type_ and NOMINAL_HEADS.get(tok.lower_) == "person"

    def pronoun(tok: Token):
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            return "PERSON", recent(lambda m: m.cluster.type == "PERSON", tok.i, 3)
        if low in RELATIVE:
            if tok.head.dep_ == "relcl" and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}:
                m = at.get(relative_antecedent(tok).i)
                if m is not None and m.cluster is not None:
                    return m.cluster.type, m.cluster
            return None, None
        if low in WE_PRONOUNS:  # the organisation its speaker speaks for (quote_speakers.py)
            org = speaker_organisation(tok, at, employers, quotes, is_role)
            return (org.type, org) if org is not None else (None, None)
        plural = low in THEY_PRONOUNS
        if not plural and low not in IT_PRONOUNS:
            return None, None
        if tok.dep_ == "expl":
            return None, None
        sent = tok.sent
        if not plural:  # "MINUSMA withdraws ... and evacuates its camps": the subject of the possessor's clause
            # (else the nearest singular non-person actor); "it" in a noun's clause: its maker; said: the speaker's
            rep = reporter_organisation(tok, at, employers, is_role, quotes) if tok.dep_.startswith("nsubj") else None
            got = clause_subject_cluster(tok, at) if tok.dep_ == "poss" else noun_maker(tok, at) or rep and (rep.type, rep)
            if got is not None:
                return got
        # nearest earlier subject in this sentence, then the previous sentence's subjects
        cands = [t for t in sent if t.i < tok.i and t.dep_ in {"nsubj", "nsubjpass"} and t.head.i != tok.head.i
                 and t.pos_ in {"NOUN", "PROPN", "PRON"}]
        cands.reverse()
        if tok.dep_ in {"dobj", "pobj", "dative"}:
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            bound = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not bound:
                bound = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            cands = [c for c in cands if c not in bound]
        if sent.start > 0:
            prev = doc[sent.start - 1].sent
            cands += [t for t in prev if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN", "PRON"}]
        for cand in cands:
            if cand.lower_ in IT_PRONOUNS | THEY_PRONOUNS:
                m = at.get(cand.i)
                if m is not None and m.cluster is not None and (cand.lower_ in THEY_PRONOUNS) == plural:
                    return m.cluster.type, m.cluster
                continue
            is_plural = cand.tag_ in {"NNS", "NNPS"}
            m = at.get(cand.i)
            cluster = m.cluster if m is not None else None
            if cluster is None and cand.pos_ == "NOUN":  # "automobile company General Motors said it": the name
                named = [at[c.i] for c in cand.children if c.dep_ == "appos" and c.i in at
                         and at[c.i].form == "name" and at[c.i].cluster is not None]
                if named:
                    m, cluster = named[0], named[0].cluster
                    is_plural = cluster.type != "PERSON" and plural  # a company's name takes "it" or "they"
            if cluster is not None and cluster.type == "PERSON":
                continue
            collective = cluster is not None and cluster.type in {"ORG", "ARMED_GROUP"}
            # an organisation takes "they" or "it" whatever its name's number ("General Motors said it")
            if is_plural != plural and not (collective and (plural or m.form == "name")):
                continue
            if cluster is not None:
                return cluster.type, cluster
            if plural and m is not None and m.type == "PERSON":
                return "PERSON", None  # "the analysts ... they": people, though no one actor
            return None, None
        return None, None

    quotes = quotations(doc)

    def is_role(t: Token) -> bool:
        return nominal_category(t) == "person" or role_title(t) or t.lower_ in LEADER_ROLES

    employers = employers_of(doc, named, at, is_role)
    for tok in doc:
        if tok.i in at:
            continue
        if (tok.pos_ == "NOUN" or role_title(tok)) and tok.dep_ != "compound":
            cat = nominal_category(tok)
            if cat is None:
                continue
            c = nominal(tok, cat)
            s, e = span_bounds(tok)
            if cat != "person" and c is None and any(i in at and at[i].form == "name" and at[i].head == i
                                                     for i in range(s, e)):
                continue  # "M23 fighters" unresolved: the name is the mention (but "Ryanair CEO" is a person)
            etype = c.type if c is not None else CATEGORY_TYPE[cat]
            m = Mention(s, e, tok.i, "nominal", etype, c, CATEGORY_KIND[cat])
            if c is not None:
                c.heads.add((tok.lemma_.lower(), tok.tag_ == "NNS"))
                if cat == "person" and c.type == "PERSON":
                    role = LEADER_ROLES.get(tok.lemma_.lower())
                    if role:
                        for ch in tok.children:
                            org = None
                            if ch.dep_ in {"compound", "poss"}:
                                org = _org_of(ch)
                            elif ch.dep_ == "prep" and ch.lower_ == "of":
                                org = next((_org_of(o) for o in ch.children if o.dep_ == "pobj"), None)
                            if org is not None:
                                roles[f"{role}:{org.key}"] = c
            elif cat == "person" and any(ch.dep_ == "appos" and ch.ent_type_ == "PERSON" for ch in tok.children):
                continue
            at[tok.i] = m
            out.append(m)
            history.append(m)
        elif tok.pos_ == "PRON" or (tok.tag_ in {"WDT", "WP", "WP$", "PRP$"}):
            etype, c = pronoun(tok)
            if etype is None and c is None:
                continue
            m = Mention(tok.i, tok.i + 1, tok.i, "pronoun", etype or c.type, c, c.kind if c else "person")
            at[tok.i] = m
            out.append(m)
            history.append(m)
    return out
