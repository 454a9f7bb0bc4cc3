"""A small SPARQL lexer: what kind of request a text is, and whether it asks for the network.

Oxigraph runs `SERVICE` (an HTTP request to any address) and `LOAD` (a download) if asked, so
the service refuses both before a query or update reaches the engine. A keyword search over the
raw text would refuse harmless queries (`FILTER(CONTAINS(?label, "secret service"))`) and miss
tricky ones (`ex:a\\' SERVICE <…> { … } 'x'`), so this tokenizes the way the SPARQL grammar does:
strings, IRIs, comments, variables and prefixed names (with their `\\'` escapes) are tokens whose
insides are never keywords. The text is checked both as sent and with `\\uXXXX` escapes decoded.
Defence in depth: query workers also run without a network (see api/query_worker.py).
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<lstring>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<string>"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?:(?:[\w:.\-\u00B7\u00C0-\uFFFF]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<other>.)
    """,
    re.X | re.S,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def _decode_escapes(text: str) -> str:
    def one(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group(0)

    return _ESCAPE.sub(one, text)


def escaped_words(text: str) -> bool:
    """Whether `\\uXXXX` escapes hide or make a keyword (the engine decodes them before parsing)."""
    return list(words(text)) != list(words(_decode_escapes(text)))


def tokens(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(kind, text, start, end) of each token but white space and comments; kind is one of
    lstring, string, iri, var, pname, word, other (one character: braces, `;`, `.`, ...)."""
    for m in _TOKEN.finditer(text):
        if m.lastgroup not in ("ws", "comment"):
            yield m.lastgroup or "other", m.group(), m.start(), m.end()


def words(text: str) -> Iterator[str]:
    """The bare words (keywords, `a`, function names) of a SPARQL text, upper-cased, in order."""
    for m in _TOKEN.finditer(text):
        if m.lastgroup == "word":
            yield m.group().upper()


def forbidden(text: str, refused: set[str]) -> Optional[str]:
    """The first keyword of `refused` the text uses (as sent or escape-decoded), else None."""
    for variant in (text, _decode_escapes(text)):
        for w in words(variant):
            if w in refused:
                return w
    return None


def query_form(text: str) -> Optional[str]:
    """SELECT / ASK / CONSTRUCT / DESCRIBE, 'UPDATE' for an update, None if unknown."""
    for w in words(text):
        if w in QUERY_FORMS:
            return w
        if w in UPDATE_WORDS:
            return "UPDATE"
    return None
