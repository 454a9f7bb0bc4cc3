"""Towns the NER missed: tagged ORG or PERSON ("shelled El Fasher"), left untagged ("hit Rafah overnight", a wire
dateline's "BAMAKO"), or named again where nothing was tagged (one sense per article). Each is accepted only on
evidence: a town of the article's countries, in place position, big enough, not an English word."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span

from graph.extract.model import Location
from graph.extract.places.gazetteer import Gazetteer, GeoPlace, normalize
from graph.extract.places.place_sense import acts_as_actor
from graph.extract.places.place_spans import (
    AddPlace,
    described_as_town,
    embedded_in_name,
    locative,
    named_as_town,
    place_object,
    strip_det,
)
from graph.extract.places.places_lexicon import (
    AMBIGUOUS,
    LOCATIVE,
    PLACE_OBJECT_VERBS,
    TOWN_NOUNS,
    UNTAGGED_NOUN_TOWN,
    UNTAGGED_TOWN,
)
from graph.extract.text.dateline import Dateline
from graph.extract.text.doc_text import doc_text
from graph.extract.text.nominals import NOMINAL_HEADS, person_nouns
from graph.extract.text.person_names import given_names


def mislabelled_towns(deferred: list[Span], gaz: Gazetteer, ctx: set[str], out: list[Location],
                      add: AddPlace) -> None:
    """Entities tagged ORG or PERSON that name a town of the article's countries ("shelled El Fasher", "a resident
    of El-Fasher"), decided after the other mentions (``out``, which ``add`` extends): taken in place position, or
    when the town is already a mention (one sense per article)."""
    pending = []
    ctx = set(ctx) | {l.country for l in out if l.country}  # the countries of the places already found too
    for ent in deferred:
        core = strip_det(ent)
        if named_as_town(core):  # "Rebels attacked the town of Goma": a town, in whichever country has it
            p = gaz.lookup_loose(core.text, ctx)[0] or gaz.lookup(core.text)
            p = p if p is not None and p.kind in ("city", "village") else None
            add(ent, p, core.text)
            if p is not None and p.country:
                ctx.add(p.country)  # its other mentions are the same town
    for ent in deferred:
        core = strip_det(ent)
        text = core.text
        if text in AMBIGUOUS or not text[:1].isupper() or embedded_in_name(ent, None):
            continue
        p, exact = gaz.lookup_loose(text, ctx)
        if p is None and described_as_town(core):  # "seized Rubaya, a major coltan mining town": a place,
            add(ent, None, text)  # though the gazetteer does not know it (no coordinates rather than an actor)
            continue
        if p is not None and p.kind in ("city", "village", "admin1") and p.country not in ctx:
            p, exact = foreign_object_town(core, gaz, ctx), True  # "Drones hit Belgorod" in a story about Ukraine
        if p is None or p.kind not in ("city", "village", "admin1"):
            continue
        if not exact and " " not in normalize(text) and (p.population < UNTAGGED_NOUN_TOWN or _is_english(text)):
            continue  # a one-word loose spelling of an ORG/PERSON is too often a word ("Defense" ~ Defiance); a
            # big town's transliteration that is no English word stays ("Hodeidah" ~ Al Hudaydah)
        pending.append((ent, core, p))
    for _ in range(2):  # a town accepted in place position vouches for its other mentions (one sense per article)
        found = {l.geonames_id for l in out if l.geonames_id}
        rest = []
        for ent, core, p in pending:
            if p.geonames_id in found or locative(core) or place_object(core) or _after_place_verb(core) or \
                    _coordinated(core, out):
                add(ent, p, core.text)
            else:
                rest.append((ent, core, p))
        pending = rest


def foreign_object_town(core: Span, gaz: Gazetteer, ctx: set[str]) -> Optional[GeoPlace]:
    """A town outside the article's countries that the sentence attacks, takes or enters ("Drones hit Belgorod",
    "stormed Avdiivka" where the story names no country): the direct object of a verb of place, exactly the
    primary name (or, in a story that names no country, an alternate one) of a town of at least UNTAGGED_TOWN
    inhabitants or of a first-level region (wherever it is), and no English word ("hit Reading"). Whether the sentence makes it a person or a company is decided after
    (not_a_place)."""
    text = core.text
    if not (place_object(core) or _after_place_verb(core)) or text in AMBIGUOUS or not text[:1].isupper():
        return None
    if text in given_names() or _people_do_it(core) or _an_actor_elsewhere(core):
        return None  # "The senator attacked Kennedy", "attacked Toyota ... Toyota said": a person or a company
    p = gaz.lookup(text)
    if p is None or gaz.quality(text, p) < (2 if text.isupper() or ctx else 1):
        # an exact alternate name will do ("Avdiivka": Avdiyivka) in a story that names no country, not for an
        # acronym ("RAND"), nor beside other countries ("attacked Ber" in Mali is not Véroia, Greece)
        return None
    other, nouns = _english_words()
    low = text.lower()
    if not other or low in other:
        return None  # no word tables: the pass stays off rather than guess
    if p.kind == "admin1" and low not in nouns:
        return p
    if p.kind in ("city", "village") and p.population >= (UNTAGGED_NOUN_TOWN if low in nouns else UNTAGGED_TOWN):
        return p  # "besieged Goma": a noun too (WordNet), so a big town only
    return None


def _people_do_it(core: Span) -> bool:
    """The verb's subject is a person or people ("The senator attacked", "Critics hit", "Biden attacked"): words,
    not arms, and aimed at an actor as often as at a town."""
    verb = core.root
    while verb.dep_ in ("conj", "appos", "dobj", "advmod", "npadvmod") and verb.head.i != verb.i:
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    for subj in verb.children:
        if subj.dep_ == "nsubj":
            lemma = subj.lemma_.lower()
            category = NOMINAL_HEADS.get(lemma)  # "fighters", "troops": armed, though people too
            return subj.ent_type_ == "PERSON" or category == "person" or (category is None and lemma in person_nouns())
    return False


def _an_actor_elsewhere(core: Span) -> bool:
    """Another mention of the name in the article is a person's or a company's by what its sentence does with it
    ("Toyota said"; see acts_as_actor)."""
    doc, n = core.doc, len(core)
    words = [t.text for t in core]
    for t in doc:
        if t.text == words[0] and not core.start <= t.i < core.end and [x.text for x in doc[t.i:t.i + n]] == words:
            if acts_as_actor(doc[t.i:t.i + n]):
                return True
    return False


def _after_place_verb(core: Span) -> bool:
    """'recaptured Bakhmut after ...' parsed as an adverb of the verb: a name right after a verb of place that
    the parse hangs on it in no subject's role is its object."""
    root, doc = core.root, core.doc
    head = root.head
    return core.start > 0 and doc[core.start - 1].i == head.i and head.pos_ == "VERB" and \
        head.lemma_.lower() in PLACE_OBJECT_VERBS and not root.dep_.startswith("nsubj")


def _coordinated(core: Span, out: list[Location]) -> bool:
    """'Paris and Marseille': a name in a coordination with a place (found, or tagged a place) is a place too."""
    first = core.root
    while first.dep_ == "conj" and first.head.i != first.i:  # "Lyon, Nice and Marseille": the list's first
        first = first.head
    partners = [first, *first.conjuncts]
    return any(t.ent_type_ in ("GPE", "LOC") or any(l.start <= t.idx < l.end for l in out)
               for t in partners if t.i != core.root.i)


def dateline_place(doc: Doc, d: Dateline, gaz: Gazetteer, ctx: set[str], taken: set[int],
                   add: AddPlace) -> None:
    """The place a wire story was filed from ("BAMAKO (Reuters) -", "Kidal, Mali (AP) --"), which the NER
    often leaves untagged in capitals: geocoded with the country the dateline names, else the article's."""
    span = doc.char_span(d.place[0], d.place[1], alignment_mode="expand")
    if span is None or any(i in taken for i in range(span.start, span.end)):
        return
    qual: set[str] = set()
    if d.region is not None:
        for part in doc_text(doc)[d.region[0]:d.region[1]].split(","):
            q = gaz.lookup(part.strip())
            if q is not None and q.country and q.kind in ("country", "admin1", "region"):
                qual.add(q.country)
    p, _ = gaz.lookup_loose(span.text, qual or ctx, strict=bool(qual))
    if p is not None:
        add(span, p, span.text)


@lru_cache(maxsize=1)
def _english_words() -> tuple[frozenset, frozenset]:
    """(verbs, adjectives and adverbs; nouns) of the English model's lemmatizer tables (WordNet's lemmas)."""
    try:
        import glob

        import spacy.util
        from spacy.lookups import Lookups

        from graph.extract.text.components import MODEL

        path = glob.glob(str(spacy.util.get_package_path(MODEL)) + "/*/lemmatizer/lookups")[0]
        table = Lookups().from_disk(path).get_table("lemma_index")
        other = frozenset(w for k in ("verb", "adj", "adv") for w in table.get(k, ()))
        return other, frozenset(table.get("noun", ()))
    except Exception:  # no tables: no untagged towns (the pass stays off rather than guess)
        return frozenset(), frozenset()


def _is_english(word: str) -> bool:
    other, nouns = _english_words()
    return not other or word.lower() in other or word.lower() in nouns


def untagged_towns(doc: Doc, gaz: Gazetteer, ctx: set[str], taken: set[int], add: AddPlace) -> None:
    """A town named where the NER tagged nothing ("Israeli strikes hit Rafah overnight"): a capitalised
    proper noun inside a sentence (not its first word), standing alone (not part of a longer capitalised
    name), that is exactly the name of a town in one of the article's countries with at least UNTAGGED_TOWN
    inhabitants, and not an English verb, adjective or adverb (a noun needs UNTAGGED_NOUN_TOWN), unless the
    text says it is a town ("the town of Sake", whatever the tagger made of it); a town of another country
    when a verb of place takes it as its object (foreign_object_town). Its other mentions then follow
    (repeated_places: one sense per article)."""
    if ctx:
        _untagged_long_towns(doc, gaz, ctx, taken, add)
    other, nouns = (), ()
    for tok in doc:
        if tok.i in taken or tok.ent_type_ or not tok.is_title or not tok.is_alpha \
                or len(tok.text) < 4 or tok.is_sent_start or tok.text in AMBIGUOUS:
            continue
        described = tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lower_ in TOWN_NOUNS
        if tok.pos_ != "PROPN" and not described:
            continue
        prv = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (prv is not None and (prv.is_title or prv.is_upper) and not prv.is_sent_start and prv.is_alpha) or (
                nxt is not None and (nxt.is_title or nxt.is_upper) and nxt.is_alpha):
            continue
        if prv is not None and prv.is_sent_start and prv.is_title and prv.is_alpha:
            continue  # "New Rafah": a sentence-initial first word of a longer name
        # "the town of Heet": said to be a town, so a transliteration of a town's name will do (Hīt)
        p = gaz.lookup_loose(tok.text, ctx)[0] if described else gaz.lookup(tok.text, ctx)
        if p is None and prv is not None and prv.lower_ in LOCATIVE:  # "off Hodeidah" (Al Ḩudaydah): a big
            q = gaz.lookup_loose(tok.text, ctx)[0]  # town's transliteration that is no English word, in place position
            p = q if q is not None and q.population >= UNTAGGED_NOUN_TOWN and not _is_english(tok.text) else None
        if (p is None or p.country not in ctx) and not described:
            p = foreign_object_town(doc[tok.i:tok.i + 1], gaz, ctx)  # "stormed Avdiivka", its country unnamed
            if p is not None:
                add(doc[tok.i:tok.i + 1], p, tok.text)
            continue
        if p is None or p.kind not in ("city", "village") or p.country not in ctx or p.population < UNTAGGED_TOWN:
            continue
        if not other:
            other, nouns = _english_words()
            if not other:
                return
        low = tok.lower_
        if not described and (low in other or (low in nouns and p.population < UNTAGGED_NOUN_TOWN)):
            continue  # "the town of Sake" says it is a town, whatever else "sake" means
        add(doc[tok.i:tok.i + 1], p, tok.text)


def _untagged_long_towns(doc: Doc, gaz: Gazetteer, ctx: set[str], taken: set[int], add: AddPlace) -> None:
    """A town of two or three capitalised words the NER left untagged ("Residents of Bahir Dar, the regional
    capital, said"): the whole run of capitalised proper nouns (inside a sentence, no token tagged or taken) is
    exactly the name of a town of the article's countries with at least UNTAGGED_TOWN inhabitants."""
    i, n = 0, len(doc)
    while i < n:
        j = i
        while j < n and doc[j].is_title and doc[j].is_alpha and doc[j].pos_ == "PROPN":
            j += 1
        if j - i in (2, 3) and not doc[i].is_sent_start and not (i > 0 and (doc[i - 1].is_title or doc[i - 1].is_upper)
                                                                 and doc[i - 1].is_alpha) \
                and not any(doc[k].ent_type_ or k in taken for k in range(i, j)):
            name = doc[i:j].text
            p = gaz.lookup(name, ctx)
            if p is not None and p.kind in ("city", "village") and p.country in ctx and p.population >= UNTAGGED_TOWN \
                    and p.name.lower() == name.lower():
                add(doc[i:j], p, name)
                taken.update(range(i, j))
        i = max(j, i + 1)


def repeated_places(doc: Doc, found: list[Location], taken: set[int], add: AddPlace) -> None:
    """One sense per article: a geocoded place name repeated where the NER tagged nothing (a headline,
    a dateline, "hit Rafah overnight") is the same place."""
    by_first: dict[str, list[tuple[list[str], Location]]] = {}
    for loc in found:
        if loc.geonames_id is None or loc.mention != "name" or not loc.text[:1].isupper():
            continue
        words = loc.text.split()
        if loc.text in AMBIGUOUS or words[0].lower() in ("the", "a", "an"):
            continue
        by_first.setdefault(words[0], []).append((words, loc))
    if not by_first:
        return
    for tok in doc:
        cands = by_first.get(tok.text)
        if not cands or tok.i in taken or tok.ent_type_:
            continue
        for words, loc in cands:
            end = tok.i + len(words)
            if end <= len(doc) and [t.text for t in doc[tok.i:end]] == words and not any(
                    doc[i].ent_type_ for i in range(tok.i, end)):
                p = GeoPlace(loc.geonames_id, loc.name or loc.text, loc.lat, loc.lon, loc.country, "city")
                sp = doc[tok.i:end]
                if not embedded_in_name(sp, None):
                    add(sp, p, loc.text)
                break
