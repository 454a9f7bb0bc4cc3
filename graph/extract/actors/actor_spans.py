"""Name spans for actors: spaCy's NER spans repaired ("Chrysler LLC", "Ford Australia", "The Permanent Strategic
Framework (CSP)" with its acronym), names described as no place, and names with their description glued before
them ("US automaker GM")."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from graph.extract.actors.actor_clusters import Mention
from graph.extract.actors.name_spans import (
    acronym_definitions,
    acronym_token,
    before_tail,
    body_of_place,
    glued_markers,
    of_extension,
)
from graph.extract.text.phrases import left_extent

TIMEZONES = frozenset("UTC GMT EST EDT CST CDT MST MDT PST PDT CET CEST BST IST JST AEST AEDT WAT EAT".split())
LEGAL_SUFFIXES = frozenset("LLC Inc Inc. Corp Corp. Corporation AG SA S.A. SpA S.p.A. NV N.V. Ltd Ltd. plc PLC GmbH "
                           "BV B.V. AB ASA Co. LP L.P.".split())
# a company name followed by one of these is a regional subsidiary ("Ford Australia", "GM Europe")
REGION_SUFFIXES = frozenset("Europe Asia Africa America Australia Canada Japan China India Brazil Germany UK "
                            "France Italy Spain Mexico Russia Korea Argentina Romania Poland".split())
_ACRONYM = re.compile(r"^[A-Z][A-Za-z.&-]{1,9}$")


def repair_spans(doc: Doc) -> list[tuple[Span, str, Optional[str]]]:
    """NER spans as (span, label, acronym alias) with the repairs applied: legal and regional suffixes, "X of Y"
    names, acronyms and the names they define, glued country codes and markers dropped (see name_spans)."""
    out: list[tuple[Span, str, Optional[str]]] = []
    ents = list(doc.ents)
    skip: set[int] = set()
    markers = glued_markers(doc)
    for k, ent in enumerate(ents):
        if k in skip:
            continue
        label = ent.label_
        if label == "ORG" and ent.text in TIMEZONES:
            continue  # "16:00 UTC"
        if ent.start in markers:  # "AD Cuomo", "CU rebels": the code is no part of the name
            if len(ent) == 1:
                continue
            ent = doc[ent.start + 1: ent.end]
        if label == "ORG":
            # "Chrysler" + "LLC", "Ford" + "Australia", "GM" + "Europe": one company name
            end = ent.end
            if end < len(doc) and doc[end].text in LEGAL_SUFFIXES and doc[end - 1].whitespace_:
                end += 1
            elif k + 1 < len(ents) and ents[k + 1].start == end and ents[k + 1].label_ in ("GPE", "LOC") \
                    and len(ents[k + 1]) == 1 and ents[k + 1].text in REGION_SUFFIXES and not doc[end - 1].is_punct \
                    and doc[end - 1].tag_ != "POS" and not doc[ents[k + 1].start].is_sent_start:
                end = ents[k + 1].end
                skip.add(k + 1)
            if end != ent.end:
                if k + 1 < len(ents) and ents[k + 1].start < end:
                    skip.add(k + 1)
                ent = doc[ent.start:end]
        if label in {"GPE", "NORP"}:
            end = body_of_place(doc, ent)  # "U.S." + "Air Force": one name
            if end is not None:
                for j in range(k + 1, len(ents)):
                    if ents[j].start < end:
                        skip.add(j)
                out.append((ent, label, None))  # the place stays a mention of its own, inside the name
                ent, label = doc[ent.start:end], "ORG"
        if label in {"ORG", "PERSON", "NORP"}:
            end = of_extension(doc, ent)  # "The Islamic State of" + "Iraq": one name
            if end is not None and end > ent.end:
                for j in range(k + 1, len(ents)):
                    if ents[j].start < end:
                        skip.add(j)
                ent, label = doc[ent.start:end], "ORG"
        acr = None
        nxt = doc[ent.end: ent.end + 3]
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and _ACRONYM.match(nxt[1].text) \
                and sum(ch.isupper() for ch in nxt[1].text) >= 2:
            acr = nxt[1].text
            start = ent.start
            while start > ent.sent.start and doc[start - 1].is_title and doc[start - 1].lower_ not in {"the", "a"} \
                    and doc[start - 1].ent_type_ not in {"GPE", "LOC"}:
                start -= 1
            ent = doc[start: before_tail(doc, ent.end, acr)]  # "... Company ACSA S.A. (ACSA)": not the tail
            if label in {"PERSON", "NORP"}:
                label = "ORG"
            # the acronym's own NER span (if any) is taken care of here
            for j in range(k + 1, min(k + 3, len(ents))):
                if ents[j].start == nxt[1].i:
                    skip.add(j)
        while len(ent) > 1 and ent[-1].is_space:  # "Goma\n\n": a headline's name, without the blank line
            ent = doc[ent.start: ent.end - 1]
        out.append((ent, label, acr))
    return _with_definitions(doc, out)


def _with_definitions(doc: Doc, out: list[tuple[Span, str, Optional[str]]]) -> list[tuple[Span, str, Optional[str]]]:
    """Acronym definitions the NER missed or cut ("Islamic State of Iraq and the Levant (ISIL)") replace the spans
    they overlap."""
    defined = {ent.end + 1: ent.start for ent, _, acr in out if acr}  # acronym token -> start of its name
    for span, acr in acronym_definitions(doc):
        a = acronym_token(doc, span.end)
        if defined.get(a, span.end) <= span.start:
            continue  # the NER's name is as long
        lo, hi = span.start, a + 2
        out = [o for o in out if o[0].end <= lo or o[0].start >= hi]
        out.append((span, "ORG", acr))
    out.sort(key=lambda o: (o[0].start, -o[0].end))
    return out


PLACE_DESCRIPTIONS = frozenset("town city capital village province region district state country port hub "
                               "stronghold base camp area county municipality suburb neighbourhood "
                               "neighborhood island".split())


def described_as_non_place(tok: Token) -> bool:
    """'Magna, a Canadian automobile parts company': an apposition that says what the name is, and no place."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() not in PLACE_DESCRIPTIONS
               for c in tok.children)


def described_names(doc: Doc, mentions: list[Mention], skip: set[int]) -> list[Mention]:
    """Names with the description glued before them, as one longer mention of the same actor:
    "US automaker GM", "Airbus parent EADS", "Australian Prime Minister John Howard", "the company's vice
    president John Smith" (the name itself stays a mention too; a bare title, "Senator John McCain", is no
    description: the name alone is the mention)."""
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for m in mentions:
        if m.form != "name" or m.cluster is None or m.end - m.start < 1:
            continue
        s = left_extent(doc, m.start, m.end)
        if s >= m.start or any(i in skip for i in range(s, m.start)):
            continue
        left = doc[s:m.start]
        # a description: a common noun, or a title/role word ("Chief Executive", "Prime Minister")
        if not any(t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.ent_type_ == "" and t.lower_ in _ROLE_WORDS)
                   for t in left):
            continue
        if (s, m.end) in seen:
            continue
        seen.add((s, m.end))
        if m.type == "PERSON" and left[0].is_title and all(t.lower_.rstrip(".") in _ROLE_WORDS | _TITLES
                                                           for t in left):
            continue  # "Senator John McCain", "Chief executive Thomas Enders": a bare title adds no description
            # (the name stays the mention, without the title: labels and aliases keep the person's name)
        out.append(Mention(s, m.end, m.head, "extent", m.type, m.cluster))
        role = doc[m.start - 1]
        if m.type == "PERSON" and role.lower_ in _ROLE_WORDS | {"economist", "strategist", "lawyer"} and any(
                t.ent_type_ in ("ORG", "GPE", "NORP", "LOC") or (t.pos_ == "NOUN" and t.is_lower and t.lower_ not in
                                                                 _ROLE_WORDS) for t in doc[s:m.start]) and \
                doc[s].lower_ not in _ROLE_WORDS | {"the", "a", "an"} and not doc[s].is_punct:
            # (whose organisation or country it is, or what kind: "Major General" alone is a title)
            # "Airbus chief executive Noel Forgeard": the role, with what it is of, names the person too
            out.append(Mention(s, m.start, role.i, "nominal", "PERSON", m.cluster, "person"))
    return out


_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt", "sir", "dame", "lord",
           "lady", "judge", "justice", "major", "lieutenant", "colonel", "captain", "sergeant", "admiral", "deputy",
           "acting", "former", "then"}
_ROLE_WORDS = {"president", "vice", "prime", "minister", "chief", "executive", "officer", "chairman", "ceo",
               "secretary", "senator", "governor", "director", "spokesman", "spokeswoman", "analyst", "general",
               "colonel", "commander", "leader", "head", "founder", "mayor", "ambassador", "king", "queen",
               "judge", "justice", "representative", "treasurer", "manager", "coach", "captain"}

