"""Does a capitalised name look like a person's? A given name first (data/given_names.txt, built from Jörg
Michael's first-name dictionary in the gender-guesser package by bench/given_names_build.py; GNU FDL), a surname
after it, and no word that makes it a company's or a place's ("Georgia Power", "Jordan Valley", "Ernst & Young").
Places and actors both read it, so it sits below them; the sentence's cues (titles, appositions) are theirs to add."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

_GIVEN_NAMES = Path(__file__).resolve().parent / "data" / "given_names.txt"

# words that make a name an organisation's, a product's or a place's, whatever given name opens it
NOT_PERSON_WORDS = frozenset("""
    group holdings holding bank banks capital partners partnership motors motor airlines airline airways systems
    inc inc. corp corp. corporation co co. company llc ltd ltd. plc ag sa nv gmbh brothers bros associates fund funds
    trust securities financial finance investments industries technologies technology energy power media news post
    times journal press television tv radio records studios entertainment pictures foods stores markets insurance
    airport station street avenue road square park bridge island islands lake river mountain mount valley beach bay
    county city town district province state republic kingdom university college institute school academy
    foundation council party church cathedral mosque hospital club stadium arena center centre hall hotel museum
    award prize cup league house tower building program programme project act plan falls springs heights hills
    hill point harbor harbour port fort cape gulf sea ocean desert coast peninsula canal camp base field fields
    creek gate aircraft aerospace aviation automotive electronics pharmaceuticals software labs laboratories
    networks communications telecom petroleum oil gas steel chemicals resources mining shipping logistics solutions
    services enterprises ventures consulting
    """.split())
# words no surname is made of: a name holding one is a company's even when a given name opens it ("Douglas Aircraft")
COMPANY_WORDS = frozenset("""
    inc inc. corp corp. corporation llc ltd ltd. plc ag gmbh holdings airlines airways aircraft aerospace aviation
    motors automotive industries technologies systems pharmaceuticals electronics laboratories communications
    securities investments enterprises
    """.split())
# first words that open place names as often as people's ("Abu Ghraib", "Ras Lanuf", "Ain Issa") or are titles
_NOT_GIVEN = frozenset("Abu Al El Ain Ras Bin Ben São Imam Sheikh King Prince Queen Khan".split())
_PARTICLES = frozenset("de da del della di van von der den le la al el bin ibn abu".split())


# titles and roles the NER may take into a person's name ("Spokeswoman Sandy Angers", "Mr. Lee Hsien Loong")
TITLE_WORDS = frozenset("""mr mrs ms miss dr prof sir dame lord lady president senator sen governor gov minister
    secretary chairman chairwoman ceo spokesman spokeswoman spokesperson director analyst judge justice general gen
    colonel col captain capt lieutenant lt sergeant sgt admiral commander mayor ambassador prince princess king queen
    sheikh imam rabbi reverend rev father sister chief executive officer vice deputy prime representative rep""".split())


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    lines = _GIVEN_NAMES.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def name_words(span: Span) -> list[str]:
    """The span's words, without punctuation, a possessive "'s" or a leading article; hyphenated words whole
    ("Olli-Pekka", "Mercedes-Benz")."""
    words: list[str] = []
    glue = False
    for t in span:
        if t.text == "-" and words and not t.whitespace_ and t.i > span.start and not span.doc[t.i - 1].whitespace_:
            words[-1] += "-"
            glue = True
            continue
        if t.is_punct or t.tag_ == "POS" or t.is_space:
            glue = False
            continue
        if glue:
            words[-1] += t.text
        else:
            words.append(t.text)
        glue = False
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return words


def _age(tok: Token) -> bool:
    """'X, 51,': a bare number of years (not "$327 billion", "23 percent")."""
    return tok.text.isdigit() and 15 <= int(tok.text) <= 110 and not any(True for _ in tok.children)


def aged_name(span: Span) -> bool:
    """'Khairullozhon Matanov, 23,': a name of two to four capitalised words, none an organisation's word, with a
    number of years in apposition right after it. News gives ages to people only, so the name need not open with
    a given name the list knows (transliterated names often do not)."""
    words = name_words(span)
    if not 2 <= len(words) <= 4 or any(t.text == "&" or t.like_num for t in span):
        return False
    if any(not w[:1].isupper() or w.lower() in NOT_PERSON_WORDS or w.lower() in COMPANY_WORDS for w in words):
        return False
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or not _age(doc[span.end + 1]):
        return False
    return doc[span.end + 2].text in (",", ")", ";")


def looks_like_person(span: Span) -> bool:
    """'Olli-Pekka Kallasvuo', 'Gene Munster', 'Ludwig van Beethoven': a given name (after any titles), then one to
    four capitalised words (name particles allowed), none of them an organisation's or a place's word; 'Ernst & Young' (an
    ampersand) and 'Georgia Power' are not."""
    if any(t.text == "&" or t.like_num for t in span):
        return False
    words = name_words(span)
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]  # "Spokeswoman Sandy Angers": the title is no part of the name
    first = words[0].split("-")[0] if words else ""
    if not 2 <= len(words) <= 5 or first not in given_names() or first in _NOT_GIVEN:
        return False
    for w in words[1:]:
        if w.lower() in NOT_PERSON_WORDS or not (w[:1].isupper() or w in _PARTICLES):
            return False
    return words[-1][:1].isupper()


# the Arabic article a surname may open with, written apart from it later ("al-Burhan", then "Burhan")
_ARTICLES = ("al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ul-", "ud-")


def bare_surname(word: str) -> str:
    """`word` without the Arabic article it opens with ("al-Burhan" -> "Burhan", "El-Sisi" -> "Sisi"); as it is
    otherwise (and when nothing capitalised follows the article: "al-")."""
    low = word.lower()
    for a in _ARTICLES:
        if low.startswith(a) and word[len(a):][:1].isupper():
            return word[len(a):]
    return word


def surname(span: Span) -> str:
    """The last word of a person's name ("Fritz Henderson" -> "Henderson"; "Ford Jr." -> "Ford")."""
    words = [w for w in name_words(span) if w.rstrip(".").lower() not in ("jr", "sr", "ii", "iii", "iv")]
    return words[-1] if words else span.text
