"""Names whole and clean: the repairs spaCy's NER spans need before they become actor names.

- "X of Y": the small model often stops an organisation's name at "of" ("The Islamic State of" + "Iraq",
  "Revolutionary Armed Forces" + "of" + "Colombia"). A name never ends in "of"/"for"/"and", and a name headed by
  an institution noun ("Forces", "State", "Bank", "Ministry", ...) takes its "of" complement with it.
- An acronym defined in the text, "Islamic State of Iraq and the Levant (ISIL)", names the run of capitalised
  words before it whose initials are the acronym's letters (in any order: "Revolutionary Armed Forces of
  Colombia (FARC)"), even where the NER saw no name at all.
- A place and the state body named after it are one name: "U.S. Air Force", "French Navy".
- Country codes and markers glued to a name ("CU rebels", "AD Cuomo"): a two-letter ISO 3166 code used once,
  as a modifier, that the article never defines or uses as a name, is no part of any name.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span

# words that may stand inside a name between its capitalised words
CONNECTORS = frozenset({"of", "and", "the", "for", "de", "du", "des", "la", "le", "el", "al", "&", "-", "on", "in"})
# a name cannot end with these: the NER stopped too early ("The Islamic State of")
OPEN_ENDS = frozenset({"of", "for", "and", "&", "de", "du", "des"})
# nouns that head an institution's name and take an "of" complement as part of it ("Bank of England",
# "Armed Forces of Colombia", "Ministry of Defence", "Islamic State of Iraq")
INSTITUTION_HEADS = frozenset(
    "state states forces force army front party movement union republic bank ministry department council court "
    "university organization organisation association federation church commission office board institute league "
    "alliance coalition corps brigade brigades emirate caliphate kingdom government assembly congress chamber "
    "academy college society fund agency authority service command guard police committee foundation navy "
    "brotherhood batallion battalion regiment division legion order".split())
_ACRONYM = re.compile(r"^[A-Z][A-Za-z.&-]{1,9}$")


def _initials(tokens: list) -> list[str]:
    out: list[str] = []
    for t in tokens:
        if t.lower_ in CONNECTORS or not t.text[:1].isupper():
            continue
        out.append(t.text[0])
    return out


def _acronym_letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isupper()]


def _title(tok) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start or (
        tok.is_sent_start and tok.pos_ == "PROPN")


def acronym_definitions(doc: Doc) -> list[tuple[Span, str]]:
    """(name span, acronym) for each "Capitalised Words (ACR)" whose initials are the acronym's letters."""
    out: list[tuple[Span, str]] = []
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not _ACRONYM.match(doc[i + 1].text):
            continue
        letters = Counter(_acronym_letters(doc[i + 1].text))
        if sum(letters.values()) < 2:
            continue
        end = before_tail(doc, i, doc[i + 1].text)
        start, best = end, None
        sent_start = doc[i].sent.start
        while start > sent_start and (_title(doc[start - 1]) or doc[start - 1].lower_ in CONNECTORS):
            start -= 1
            if _title(doc[start]) and letters in (Counter(_initials(list(doc[start:end]))),
                                                  Counter(_initials(list(doc[start:end - _company(doc, end)])))):
                best = start
        if best is not None:
            out.append((doc[best:end], doc[i + 1].text))
    return out


def _company(doc: Doc, end: int) -> int:
    """1 when the name ending at ``end`` ends with a word its acronym leaves out ("... and Space Company (EADS)")."""
    return int(end > 1 and doc[end - 1].lower_ in ("company", "corporation"))


def before_tail(doc: Doc, i: int, acronym: str) -> int:
    """Where the name before "(ACR)" at ``i`` ends, without the acronym itself and a legal form written after it:
    "European Aeronautic Defence and Space Company EADS N.V. (EADS)"."""
    from graph.extract.actors.name_keys import LEGAL_FORMS

    end = i
    while end > 0 and (doc[end - 1].text == acronym or doc[end - 1].lower_.replace(".", "") in LEGAL_FORMS):
        end -= 1
    return end if end < i and doc[end - 1].text[:1].isupper() else i


def acronym_token(doc: Doc, end: int) -> int:
    """The index of the acronym in "(ACR)" after a name ending at ``end`` (past its repeated acronym and legal
    form, see before_tail)."""
    i = end
    while i < min(len(doc), end + 4) and doc[i].text != "(":
        i += 1
    return i + 1 if i < len(doc) and doc[i].text == "(" else end + 1


def _name_end(doc: Doc, i: int) -> Optional[int]:
    """End of the proper name starting at token i (after an optional "the"): an NER entity or a run of
    capitalised words."""
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or not doc[i].text[:1].isupper() or doc[i].is_punct:
        return None
    if doc[i].ent_iob_ == "B":
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        return j
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        j += 1
    return j if j > i else None


def of_extension(doc: Doc, ent: Span) -> Optional[int]:
    """The end of "X of Y" when the name `ent` stops before its complement, else None."""
    end = ent.end
    if end >= len(doc):
        return None
    last = doc[end - 1]
    if last.lower_ in OPEN_ENDS and len(ent) > 1:
        return _name_end(doc, end)  # "The Islamic State of" + "Iraq"
    if last.lower_ in INSTITUTION_HEADS and last.text[:1].isupper() and doc[end].lower_ == "of":
        return _name_end(doc, end + 1)  # "Revolutionary Armed Forces" + "of Colombia"
    return None


# the head of a state body's name written after its country: "U.S. Air Force", "French Navy", "United States Senate",
# "New York Police Department"
STATE_BODY_HEADS = frozenset("force forces army navy marines corps guard senate congress parliament assembly "
                             "department ministry treasury court police government cabinet embassy".split())


def body_of_place(doc: Doc, ent: Span) -> Optional[int]:
    """The end of a state body's name that starts with the place `ent` ("U.S." + "Air Force"), else None."""
    j = ent.end
    if j >= len(doc) or not ent[-1].whitespace_:
        return None
    end = None
    while j < len(doc) and j < ent.end + 4 and doc[j].is_alpha and doc[j].text[:1].isupper() \
            and doc[j].ent_type_ not in {"GPE", "LOC", "PERSON", "NORP"}:
        if doc[j].lower_ in STATE_BODY_HEADS:
            end = j + 1
        if not doc[j].whitespace_:
            break
        j += 1
    return end


def country_prefixed(longer: str, name: str) -> bool:
    """`longer` is `name` after its country: "U.S. Air Force" and "Air Force", "United States Senate" and
    "Senate"."""
    from graph.extract.actors.actor_states import COUNTRY_WORDS

    lw, nw = longer.split(), name.split()
    if not nw or len(nw) >= len(lw) or lw[-len(nw):] != nw or nw[-1].lower() not in STATE_BODY_HEADS:
        return False
    return all(w.lower().replace(".", "") in COUNTRY_WORDS for w in lw[:-len(nw)])


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    import pycountry
    return frozenset(c.alpha_2 for c in pycountry.countries)


def glued_markers(doc: Doc) -> set[int]:
    """Token indices of country codes or markers glued before a word ("CU rebels", "AD Cuomo"): a two-letter
    ISO 3166 code, used once in the article, as a modifier of the next word, never defined ("(AD)") nor the
    initials of another name there, and no place the NER found."""
    cached = doc.user_data.get("tkg_glued_markers")
    if cached is not None:
        return cached
    from graph.extract.actors.actor_clusters import KNOWN_NAMES, norm_name

    codes = _iso_codes()
    out: set[int] = set()
    cands = [t for t in doc if len(t.text) == 2 and t.text.isupper() and t.is_alpha and t.text in codes]
    if cands:
        counts = Counter(t.text for t in doc)
        initials = {"".join(_initials(list(e))) for e in doc.ents if len(e) > 1}
        for t in cands:
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if counts[t.text] > 1 or nxt is None or not t.whitespace_ or nxt.is_punct or t.ent_type_ in {"GPE", "LOC"} \
                    or t.dep_ not in {"compound", "nmod", "amod"} or t.head.i <= t.i or t.text in initials or norm_name(t.text) in KNOWN_NAMES \
                    or (t.i > 0 and doc[t.i - 1].text == "("):
                continue
            out.add(t.i)
    doc.user_data["tkg_glued_markers"] = out
    return out
