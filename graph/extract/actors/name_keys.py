"""Keys that make variants of one name meet: "Apple Inc." and "Apple", "al-Qaida" and "Al Qaeda", "U.S. Air Force"
and "USAF", "Ford Motors Co." and "Ford Motor Company".

- `name_key`: accents folded, case, dots, apostrophes and hyphens dropped, "&" = "and", a leading "the" dropped,
  the United States / United Kingdom written one way, legal and corporate suffixes (Inc., Corp., Co., Ltd, LLC,
  plc, AG, SA, NV, GmbH, Group, Holding...) stripped, and for organisations a plural "s" dropped ("Motors").
- `skeleton`: the key's consonant skeleton (vowels after a word's first letter dropped, doubled letters once), where
  transliterations of one name meet ("qaida"/"qaeda", "muhammad"/"mohammed"); a match on it is checked by
  `similar`.
- `acronyms`: the initials of a multi-word name ("General Motors" -> GM, "United States Air Force" -> USAF, and
  without its corporate suffix: "European Aeronautic Defence and Space Company" -> EADS).
- `is_acronym`: a name written as an acronym ("GM", "U.S.", "EADS").
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

# legal forms and corporate words at the end of a company's name (stripped repeatedly: "Chrysler Holding LLC")
CORPORATE_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company cos ltd limited llc lp llp plc ag sa spa nv bv gmbh ab asa oyj "
    "kk kgaa se srl sarl pty group holding holdings".split())
LEGAL_FORMS = CORPORATE_SUFFIXES - {"company", "corporation", "group", "holding", "holdings"}
# words that may stand between a name's capitalised words without being initials ("Bank of America")
FUNCTION_WORDS = frozenset("of and the for de du des la le el al on in at to & y".split())
_COUNTRY_FORMS = [(re.compile(r"\b(?:united states(?: of america)?|usa|u s a|u s)\b"), "us"),
                  (re.compile(r"\b(?:united kingdom|u k)\b"), "uk")]
NOT_PLURALS = frozenset({"corps", "news", "series", "species", "times", "lens", "chaos", "mars", "paris", "texas",
                         "kansas", "athens", "brussels", "wales"})
_APOSTROPHES = "'’`´ʼ"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _tokens(name: str) -> list[str]:
    s = _fold(name).lower()
    s = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", " ", s)  # "u.s." -> "u s."
    s = re.sub(f"[{_APOSTROPHES}]\\s*", "", s)  # "O' Leary", "O'Leary" -> "oleary"; "Jama'at" -> "jamaat"
    s = s.replace("&", " and ").replace(".", "")
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    for pat, rep in _COUNTRY_FORMS:
        s = pat.sub(rep, s)
    toks = s.split()
    if len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    return toks


def strip_suffixes(toks: list[str]) -> list[str]:
    while len(toks) > 1 and toks[-1] in CORPORATE_SUFFIXES:
        toks = toks[:-1]
        if len(toks) > 1 and toks[-1] == "and":  # "Johnson & Johnson Co" keeps its "and"; "& Co." goes whole
            toks = toks[:-1]
    return toks


def key_tokens(name: str, person: bool = False) -> list[str]:
    """The tokens of `name_key`."""
    toks = _tokens(name)
    if person:
        return toks
    toks = strip_suffixes(toks)
    return [t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") and t not in NOT_PLURALS else t
            for t in toks]


def name_key(name: str, person: bool = False) -> str:
    """The normalised key of a name: "The Ford Motors Co." and "Ford Motor Company" -> "ford motor"."""
    return " ".join(key_tokens(name, person))


def compact(key: str) -> str:
    """The key without its spaces: "al qaida" and "alqaida", "daimler chrysler" and "daimlerchrysler" meet."""
    return key.replace(" ", "")


def skeleton(key: str) -> str:
    """Consonant skeleton of a key: a word's first letter, then its consonants, doubled letters once; a soft "c"
    (before e, i, y) is an "s" ("defence"/"defense", "licence"/"license")."""
    out: list[str] = []
    for word in re.sub(r"c(?=[eiy])", "s", key).split():
        sk = word[0] + re.sub(r"[aeiouy]", "", word[1:])
        out.append(re.sub(r"(.)\1+", r"\1", sk))
    return "".join(out)


def similar(a: str, b: str) -> bool:
    """Two keys with one skeleton close enough to be spellings of one name ("al qaida", "al qaeda")."""
    return SequenceMatcher(None, a, b).ratio() >= 0.7


def is_acronym(name: str) -> bool:
    """A name written as an acronym: one token of 2-6 capitals, dots allowed ("GM", "U.S.", "EADS", "AT&T")."""
    core = name.replace(".", "").replace("&", "")
    return " " not in name.strip() and 2 <= len(core) <= 6 and core.isalpha() and core.isupper()


def acronyms(name: str) -> set[str]:
    """Initials of a multi-word name, with and without its corporate suffix; a word written as an acronym
    gives all its letters ("U.S. Air Force" -> USAF)."""
    words = [w for w in re.split(r"[\s\-/]+", _fold(name).strip()) if w]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2:
        return set()

    def initials(ws: list[str]) -> str:
        out = ""
        for w in ws:
            core = re.sub(r"[^A-Za-z&]", "", w)
            if not core or core.lower() in FUNCTION_WORDS or not core[0].isupper():
                continue
            out += core.replace("&", "") if is_acronym(w) else core[0]
        return out

    def last(ws: list[str]) -> str:
        return re.sub(r"[^a-z]", "", ws[-1].lower())

    while len(words) > 1 and last(words) in LEGAL_FORMS:  # "Inc.", "Ltd", "SpA": never part of an acronym
        words.pop()
    found = {initials(words)}
    if len(words) > 2 and last(words) in {"company", "corporation"}:  # "EADS" for "... and Space Company"
        found.add(initials(words[:-1]))
    return {a for a in found if len(a) >= 2}


def prefix_acronym(acronym: str, name: str) -> bool:
    """Is ``acronym`` (3+ capitals) made of the leading letters of each capitalised word of the multi-word ``name``,
    in order, each word giving at least its first ("SIA": SIngapore Airlines; "EADS": European Aeronautic Defence
    and Space, a trailing "Company" or legal form left out)? Inside one article only: across articles an
    acronym's expansion must be its initials, or bound by the text ("Singapore Airlines (SIA)")."""
    letters = acronym.replace(".", "").lower()
    if not is_acronym(acronym) or len(letters) < 3:
        return False
    words = [re.sub(r"[^a-z]", "", _fold(w).lower()) for w in re.split(r"[\s\-/]+", name.strip())
             if w[:1].isupper() and w.lower() not in FUNCTION_WORDS]
    words = [w for w in words if w]
    if len(words) < 2:
        return False
    tails = [words]
    while len(tails[-1]) > 2 and tails[-1][-1] in CORPORATE_SUFFIXES:
        tails.append(tails[-1][:-1])
    return any(_prefixes(letters, ws) for ws in tails)


def _prefixes(letters: str, words: list[str]) -> bool:
    if not words:
        return not letters
    if not letters or letters[0] != words[0][0]:
        return False
    w = words[0]
    return any(_prefixes(letters[k:], words[1:]) for k in range(1, min(len(w), len(letters)) + 1)
               if w.startswith(letters[:k]))
