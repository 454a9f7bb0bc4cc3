"""Names that are one name written another way: what `actors?q=` falls back on when no label or alias contains
the text asked for.

A user asks for the name they know, and articles write it otherwise: "Daimler Chrysler" for DaimlerChrysler,
"United Automobile Workers" for the United Auto Workers, "Frederick Henderson" for Fritz Henderson. A name
matches when, word for word in order, each word of the query is the name's word, a shortening of it
("Auto" for "Automobile", four letters at least; the last word, a surname or the name's head, as written) or,
for a first name, one of its nicknames (the `nicknames`
package's hand-curated English list), or when both read the same with spaces and punctuation taken out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_SHORT = 4  # "Auto" for "Automobile"; not "Co" for "Corporation" (a name's own word, not a shortening)


def words(name: str) -> list[str]:
    """Lower-case words of a name, apostrophes and punctuation dropped ("McDonnell-Douglas" -> two words)."""
    return _WORD.findall(name.lower().replace("'", "").replace("\u2019", ""))


def compact(name: str) -> str:
    return "".join(words(name))


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer  # loads its table once, and only when a fallback needs it

    return NickNamer()


@lru_cache(maxsize=4096)
def given_name_forms(word: str) -> frozenset[str]:
    """A first name with its formal names and its nicknames ("fritz" -> frederick, fred, ...)."""
    nn = _nicknamer()
    forms = {word} | nn.canonicals_of(word) | nn.nicknames_of(word)
    for c in nn.canonicals_of(word):
        forms |= nn.nicknames_of(c)
    return frozenset(forms)


def _same_word(q: str, n: str, first: bool, last: bool) -> bool:
    if q == n:
        return True
    if last:
        return False  # a surname, a name's head word: "Hollis" is not "Hollister"
    if len(q) >= MIN_SHORT and len(n) >= MIN_SHORT and (q.startswith(n) or n.startswith(q)) and q.isalpha():
        return True
    return first and q.isalpha() and n in given_name_forms(q)


def same_name(query: str, name: str) -> bool:
    """Whether `name` is `query` written another way (see the module's doc)."""
    q, n = words(query), words(name)
    if not q or not n:
        return False
    if "".join(q) == "".join(n):
        return True
    # word for word only for names of two words or more: one word written otherwise is another name ("Ford", "Fordham")
    return len(q) == len(n) > 1 and all(_same_word(a, b, i == 0, i == len(q) - 1) for i, (a, b) in enumerate(zip(q, n)))


def probes(query: str) -> list[str]:
    """Lower-case pieces one of which any matching name contains: each word's first letters and its last word
    (which a nickname leaves as it is). Lets a store pick the few candidate names before `same_name` runs."""
    ws = words(query)
    out = {w[:MIN_SHORT] for w in ws if len(w) >= 3} | ({ws[-1]} if ws else set())
    return sorted(out)


def matching(query: str, names: Iterable[tuple[str, str]]) -> list[str]:
    """The ids among (id, name) pairs whose name matches `query`, in first-seen order."""
    return list(dict.fromkeys(i for i, name in names if same_name(query, name)))
