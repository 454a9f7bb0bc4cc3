"""Title-case headlines parsed in sentence case.

spaCy's small model reads a title-cased headline ("Rebels Seize Key Town After Heavy Fighting") as a row of proper
nouns: no verb, no event, and a few spurious names. The headline is parsed again with its common words lowercased,
and that parse (tags, lemmas, dependencies, entities) replaces the first one on the headline's tokens; the text and
every character offset stay the article's own.

A word is common, and lowercased, unless it is the first word, an acronym ("UN", "RSF"), or the article's body
writes it capitalized in mid-sentence and never in lowercase (its names: "Kidal", "Burhan"). A headline is title-cased
when it has at least MIN_WORDS words, ends without a full stop, and every word but the minor ones (articles, short
prepositions, conjunctions) starts with a capital; a headline in sentence case or in capitals is left alone.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

MIN_WORDS = 4
# words a title-cased headline may leave in lowercase (Chicago and AP title case)
MINOR = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
         "as", "vs", "via", "into", "over", "up", "off", "out", "per"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]


def _headline(text: str) -> str:
    """The article's first line when it can be a headline (no sentence-final stop), else ""."""
    line = text.split("\n", 1)[0]
    return "" if not line.strip() or line.rstrip().endswith((".", "!", "?")) or "\n" not in text else line


def _names(body: str) -> set[str]:
    """Words the body writes capitalized in mid-sentence and never in lowercase: its names."""
    capital, lower = set(), set()
    for m in WORD.finditer(body):
        word = m.group()
        before = body[max(0, m.start() - 3):m.start()].rstrip(" \"“”‘’'(")
        if word[0].islower():
            lower.add(word.lower())
        elif before and before[-1] not in ".!?:\n":
            capital.add(word.lower())
    return capital - lower


def sentence_case(text: str) -> Optional[str]:
    """`text` with its title-cased headline's common words lowercased (same length), or None when its first line
    is no title-cased headline."""
    line = _headline(text)
    words = [m for m in WORD.finditer(line)]
    if len(words) < MIN_WORDS or line.isupper():
        return None
    if any(w.group()[0].islower() and w.group().lower() not in MINOR for w in words):
        return None  # sentence case already: "Mali junta seizes rebel stronghold of Kidal"
    names = _names(text[len(line):])
    chars = list(line)
    for m in words[1:]:
        word = m.group()
        if word.isupper() and len(word) > 1 or word.lower() in names:
            continue
        low = word.lower()
        if len(low) == len(word):  # (a few Unicode capitals change length when lowercased: leave those)
            chars[m.start():m.end()] = low
    cased = "".join(chars)
    return None if cased == line else cased + text[len(line):]


def reparse_headline(nlp: Language, doc: Doc) -> Doc:
    """`doc` with a title-cased headline's analysis taken from a parse in sentence case (see the module
    docstring); `doc` itself when there is none or the two parses do not tokenize the headline alike."""
    cased = sentence_case(doc.text)
    if cased is None:
        return doc
    line = cased.split("\n", 1)[0]
    head = nlp(line)
    n = len(head)
    if n >= len(doc) or [t.lower_ for t in head] != [t.lower_ for t in doc[:n]] or doc[n].idx < len(line):
        return doc
    arr = doc.to_array(ATTRS).astype("int64")  # (HEAD is an offset to the head: negative when it is before)
    arr[:n] = head.to_array(ATTRS).astype("int64")
    h = ATTRS.index(HEAD)
    root = next(i for i in range(n) if arr[i, h] == 0)  # the headline's (first) root
    for row in range(n, len(doc)):  # the "\n\n" after the headline hangs on the new root, as it did on the old
        if row + arr[row, h] < n:
            arr[row, h] = root - row
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    out.from_array(ATTRS, arr.astype("uint64"))
    return out
