"""Named products: aircraft and vehicle models ("Airbus A380", "Boeing 787 Dreamliners", "KC-45A",
"the 7E7", "Ford Taurus").

Products become `entities` of type PRODUCT (kind "product"). They take part in events as SEM actors do
("the A380 made its first flight", "Singapore Airlines took delivery of the A380"), so each gets an actor IRI
by its model family (`product_family`: "A380-800", "A380" and "Airbus A380" are one node, "Dreamliner" is the
Boeing 787): a user asking for the model's timeline finds it. Found by:

* model designations: Airbus A3xx / A400M, Boeing 7x7 (only when the article is about Boeing or the
  number is glued to Boeing / a model name / an aircraft noun), military and airliner series with a
  known prefix (KC-45, C-130, F-16, DC-9, VC-10, Tu-154, An-124...), with variants ("777-200LR") and
  plurals ("787s", "A380's");
* model names (PRODUCT_NAMES: "Dreamliner", "Tristar"...), and device names written "iName" ("iPhone 4S",
  "iPod Touch", "iTunes");
* spaCy's own PRODUCT entities, filtered (a bare capitalised word right after an organisation name is
  that organisation's name: "Lockheed Martin").

A manufacturer written right before the model ("Airbus A380", "Boeing 787", "Ford Taurus") is part of
the product's name (no separate organisation mention); a possessive one ("Boeing's 747") stays an
organisation mention of its own.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.attrs import LOWER, SHAPE
from spacy.tokens import Doc, Span

from graph.extract.actors.name_spans import glued_markers
from graph.extract.actors.product_mentions import product_nominals
from graph.extract.model import Entity
from graph.extract.text.phrases import left_extent, token_indices
from graph.ids import actor_iri

# manufacturers whose name, glued before a model, is part of the product name
MANUFACTURERS = frozenset(
    """Airbus Boeing Lockheed McDonnell Douglas Embraer Bombardier Fokker Antonov Tupolev Ilyushin Sukhoi
    Mikoyan Vickers Hawker Cessna Gulfstream Dassault Saab ATR Comac Mitsubishi Northrop Grumman Sikorsky Bell Textron
    Ford Chevrolet Chevy Chrysler Dodge Jeep Pontiac Saturn Buick Cadillac Hummer GMC Opel Vauxhall Holden
    Toyota Honda Nissan Mazda Subaru Hyundai Kia Volkswagen VW Audi BMW Mercedes Mercedes-Benz Porsche
    Fiat Renault Peugeot Citroen Volvo Tesla Lincoln Mercury""".split())
# model names written without a designation number
PRODUCT_NAMES = frozenset(
    """Dreamliner Dreamliners Worldliner Worldliners Tristar TriStar Concorde Concordes Stratotanker
    Stratofortress Globemaster Dreamlifter""".split())
# letter prefixes of aircraft designations ("KC-45", "C-130", "Tu-154", "A400M")
_PREFIXES = ("A|B|C|E|F|P|V|KC|DC|MD|VC|EC|CRJ|ERJ|ATR|An|Il|Tu|Su|MiG|Yak|Mi|Ka|AH|UH|CH|MH|HH|SH|"
             "EA|RC|KC|AV|XB|YF|XF|Q|CL|CS|BAe|RJ|BAC|SR|U|T|AC|EMB")
_DESIGNATION = re.compile(rf"^(?:{_PREFIXES})-?\d{{1,4}}[A-Z]{{0,4}}(?:-\d{{1,4}}[A-Z]{{0,4}})?(?:s|'s)?$")
_AIRBUS = re.compile(r"^A3[0-9]{2}(?:-?\d{3}[A-Z]*)?(?:s|'s)?$|^A400Ms?$")
_BOEING = re.compile(r"^7[0-9E]7(?:-\d{1,3}[A-Z]{0,3})?s?$", re.I)
# nouns that make a bare "747"/"777" a count of something else ("777 people")
_NOT_MODEL_NEXT = frozenset("""people persons passengers seats jobs workers employees dealers dealerships units
    cars vehicles miles kilometres kilometers km feet metres meters tonnes tons pounds dollars euros
    percent million billion thousand votes points days hours minutes years""".split())
_AIRCRAFT_NOUNS = frozenset("aircraft airliner airliners jet jets plane planes freighter freighters tanker "
                            "tankers jumbo superjumbo model models family series program programme".split())
# capitalised words spaCy tends to call PRODUCT that are not products here
_NOT_PRODUCTS = frozenset("Chapter Big Three Martin Grumman F".split())


def _is_model(tok, doc: Doc, boeing_doc: bool) -> bool:
    t = tok.text
    if _AIRBUS.match(t) or re.match(r"^3[0-9]{2}s?$", t) and tok.i > 0 and doc[tok.i - 1].text == "Airbus":
        return True  # "A380", and "the Airbus 380" as some papers write it
    if _BOEING.match(t):
        if t[0] == "7" and "e" in t.lower()[1:2]:  # 7E7
            return True
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if prev is not None and prev.text in {"$", "US$", "€", "£", "#", "No.", "No"}:
            return False
        if nxt is not None and nxt.lower_ in _NOT_MODEL_NEXT:
            return False
        if prev is not None and prev.text in ("Boeing", "Boeing's"):
            return True
        if nxt is not None and (nxt.text in PRODUCT_NAMES or nxt.lower_ in _AIRCRAFT_NOUNS or nxt.text == "-"):
            return True
        return boeing_doc
    if _DESIGNATION.match(t) and any(ch.isdigit() for ch in t) and any(ch.isalpha() for ch in t.rstrip("s")):
        # a designation needs aviation context: a manufacturer or an aircraft noun nearby, or spaCy's PRODUCT
        if tok.ent_type_ == "PRODUCT":
            return True
        window = doc[max(0, tok.i - 3): tok.i + 4]
        return any(w.text in MANUFACTURERS or w.lower_ in _AIRCRAFT_NOUNS or w.lower_ in {"air", "force",
                                                                                          "fighter", "fighters",
                                                                                          "helicopter",
                                                                                          "helicopters",
                                                                                          "bomber", "bombers"}
                   for w in window if w.i != tok.i)
    return False


def _extend(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a model span: variant suffix ("777" "-" "200LR"), model name after it ("787 Dreamliner"),
    manufacturer before it ("Airbus A380"; not "Boeing's 747")."""
    while end + 1 < len(doc) and doc[end].text == "-" and doc[end - 1].whitespace_ == "" \
            and doc[end].whitespace_ == "" and re.match(r"^\d{1,3}[A-Z]{0,4}s?$", doc[end + 1].text):
        end += 2
    while end < len(doc) and doc[end].text in PRODUCT_NAMES:
        end += 1
    if end + 2 < len(doc) and doc[end].text in ('"', "“") and doc[end + 1].text in PRODUCT_NAMES \
            and doc[end + 2].text in ('"', "”"):
        end += 3  # Boeing 787 "Dreamliner"
    while start > 0 and doc[start - 1].text in MANUFACTURERS:
        start -= 1
    return start, end


_NAMES_LOWER = frozenset(n.lower() for n in PRODUCT_NAMES)
# device and software names written "iName" (iPhone, iPad, iPod, iTunes, iMac), with a version or edition after
_CAMEL_PRODUCT = re.compile(r"^i[A-Z][a-z]+[A-Za-z]*$")
_VERSION = re.compile(r"^(?:\d{1,2}[A-Za-z]{0,2}|[A-Z]{1,2}|X[SR]?)$")
_EDITIONS = frozenset("Pro Air Mini mini Touch touch Nano nano Shuffle shuffle Classic Max Plus".split())


def find_products(doc: Doc) -> list[Span]:
    """Product name spans of ``doc`` (non-overlapping, in order)."""
    lower = doc.vocab.strings["boeing"] if "boeing" in doc.vocab.strings else None
    boeing_doc = lower is not None and lower in set(doc.to_array(LOWER).tolist())
    cands = sorted(set(token_indices(doc, SHAPE, lambda sh: "d" in sh and len(sh) <= 12))
                   | set(token_indices(doc, LOWER, lambda w: w in _NAMES_LOWER)))
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()

    def add(s: int, e: int) -> None:
        s, e = _extend(doc, s, e)
        if any(i in taken for i in range(s, e)):
            return
        taken.update(range(s, e))
        spans.append((s, e))

    for i in cands:
        tok = doc[i]
        if tok.i in taken:
            continue
        if _is_model(tok, doc, boeing_doc) or (tok.text in PRODUCT_NAMES and tok.text[:1].isupper()):
            add(tok.i, tok.i + 1)
    for i in token_indices(doc, SHAPE, lambda sh: sh.startswith("xX")):  # "iPhone 4S", "iPad", "iTunes"
        if _CAMEL_PRODUCT.match(doc[i].text) and i not in taken:
            e = i + 1
            while e < len(doc) and doc[e - 1].whitespace_ and (_VERSION.match(doc[e].text) or doc[e].text in _EDITIONS):
                e += 1
            add(i, e)
    for ent in doc.ents:
        if ent.label_ != "PRODUCT" or any(i in taken for i in range(ent.start, ent.end)):
            continue
        words = [t for t in ent if t.lower_ not in {"the", "a", "an"} and not t.is_punct]
        if not words or words[0].text in _NOT_PRODUCTS or words[0].i in glued_markers(doc) or not (words[0].text[:1].isupper()
                                                                or words[0].text[:1].isdigit()):
            continue
        if not any(ch.isdigit() for ch in ent.text) and ent.start > 0 and doc[ent.start - 1].ent_type_ == "ORG" \
                and doc[ent.start - 1].text not in MANUFACTURERS:
            continue  # "Lockheed" + "Martin": the end of an organisation's name
        if len(words) == 1 and words[0].is_digit and not _is_model(words[0], doc, boeing_doc):
            continue
        add(words[0].i, words[-1].i + 1)
    out = []
    for s, e in sorted(spans):
        if e < len(doc) and doc[e].lower_ in ("aircraft", "superjumbo", "superjumbos") and doc[e - 1].head.i == e:
            e += 1
        s = left_extent(doc, s, e)
        if s < e and doc[s].text[:1].islower() and doc[s].lower_ not in ("the", "a", "an") and doc[s].pos_ == "DET":
            s += 1
        out.append((s, e))
    return [doc[s:e] for s, e in out]


def product_label(span: Span) -> str:
    toks = list(span)
    while toks and (toks[0].pos_ in ("DET", "ADJ", "PRON") or toks[0].tag_ == "PRP$" or toks[0].is_punct
                    or (toks[0].text[:1].islower() and toks[0].pos_ != "PROPN")):
        toks = toks[1:]  # "the new", "their", "long-range": not part of the model's name
    toks = toks or list(span)
    while len(toks) > 1 and toks[-1].lower_ in ("aircraft", "superjumbo", "superjumbos"):
        toks = toks[:-1]
    text = "".join(t.text_with_ws for t in toks).strip()
    text = re.sub(r"\s*['’]s?(?=\s|$)", "", text)  # "Boeing's 747" -> "Boeing 747", "A380's" -> "A380"
    text = re.sub(r"(?<=\d)'?s\b", "", text)
    text = re.sub(r"(?<=[A-Z0-9])'s$", "", text)
    if text.endswith("Dreamliners"):
        text = text[:-1]
    return text


# model names that stand for one family ("the Dreamliner" is the Boeing 787)
NAMED_FAMILIES = {"dreamliner": "Boeing 787", "worldliner": "Boeing 777", "stratotanker": "Boeing KC-135",
                  "stratofortress": "Boeing B-52", "globemaster": "Boeing C-17", "dreamlifter": "Boeing 747"}
_VARIANT = re.compile(r"^((?:[A-Za-z]{1,3}-?)?\d{1,4})(?:-\d{1,4}[A-Z]{0,4}|[A-Z]{1,4})$")  # "777-200LR", "A400M"


def product_family(label: str) -> str:
    """The model family a product name belongs to: the maker and the base designation, without the variant
    ("Boeing 777-200LR" and "777" -> "Boeing 777", "A380-800" -> "Airbus A380", "787 Dreamliner" -> "Boeing 787")."""
    words = label.split()
    named = next((NAMED_FAMILIES[w.lower().rstrip("s")] for w in words if w.lower().rstrip("s") in NAMED_FAMILIES), None)
    models = [w for w in words if any(ch.isdigit() for ch in w)]
    if not models:
        return named or label
    model = models[0]
    m = _VARIANT.match(model)
    if m and ("-" in model[len(m.group(1)):] or sum(ch.isdigit() for ch in m.group(1)) >= 2 and not _AIRBUS.match(model)):
        model = m.group(1)  # a variant: "777-200LR", "KC-45A" (not "A3XX", "A400M": names of their own)
    maker = next((w for w in words if w in MANUFACTURERS), None)
    if maker is None and _AIRBUS.match(model):
        maker = "Airbus"
    elif maker is None and _BOEING.match(model):
        maker = "Boeing"
    if maker == "Airbus" and re.match(r"^3[0-9]{2}$", model):
        model = "A" + model  # "Airbus 380" is the A380
    if maker:
        return f"{maker} {model}"
    # no maker known: the model number names the product only with the words before it ("iPad 2", "Galaxy S4")
    return named or " ".join(words[:words.index(models[0])] + [model]) or model


def _with_makers(doc: Doc, family: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """A model written without its maker is the maker's model the article names: "Embraer's E195" (a possessive
    maker stays an organisation mention of its own), and "the E195" after "Embraer E195" are the Embraer E195."""
    known = {f.split(" ", 1)[1]: f for f in family.values() if " " in f and f.split(" ", 1)[0] in MANUFACTURERS}
    out = {}
    for (s, e), f in family.items():
        k = s
        while k > 0 and doc[k - 1].pos_ == "ADJ":
            k -= 1  # "Embraer's larger E195"
        if " " not in f and k >= 2 and doc[k - 1].tag_ == "POS" and doc[k - 2].text in MANUFACTURERS:
            f = f"{doc[k - 2].text} {f}"
        out[s, e] = known.get(f, f)
    known.update({f.split(" ", 1)[1]: f for f in out.values() if " " in f and f.split(" ", 1)[0] in MANUFACTURERS})
    return {k: known.get(f, f) for k, f in out.items()}


def product_entities(doc: Doc, spans: Optional[list[Span]] = None) -> list[Entity]:
    """The product names of `doc` and the nouns that stand for them ("the plane": product_mentions.py)."""
    spans = spans if spans is not None else find_products(doc)
    family = _with_makers(doc, {(sp.start, sp.end): product_family(product_label(sp)) for sp in spans})
    out = [Entity(sp.start_char, sp.end_char, sp.text, "PRODUCT", canonical=actor_iri(family[sp.start, sp.end]),
                  label=family[sp.start, sp.end], kind="product", mention="name") for sp in spans]
    for i, sp in product_nominals(doc, spans, lambda sp: family[sp.start, sp.end]):
        tok, name = doc[i], family[sp.start, sp.end]
        out.append(Entity(tok.idx, tok.idx + len(tok.text), tok.text, "PRODUCT", canonical=actor_iri(name), label=name,
                          kind="product", mention="nominal"))
    return sorted(out, key=lambda e: e.start)
