"""Headlines: which line is one, its bare past participle, and its verb that the parser read as a noun.

Headlines drop articles and auxiliaries, so spaCy's small model often reads their present-tense verb as a plural
noun after a name ("GM posts first annual loss", "Chrysler files for bankruptcy", "Ryanair exercises options on five
jets") or the base form after a plural subject as a singular noun ("automobile sales plunge by 45%"). Such a word is
the headline's event: the news of the story's day (event_time.py dates it as a headline's present tense).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.events.wordnet_lexicon import verb

# what may follow a verb in a headline: its object or a preposition ("posts first loss", "files for bankruptcy")
OBJECT_START = {"DT", "CD", "JJ", "JJR", "JJS", "IN", "NN", "NNS", "NNP", "NNPS", "PRP$", "RB", "TO", "$"}
# a clause that has a verb of its own ("Toyota recalls cars", "Airline profits soar") needs no other
FINITE = {"VBZ", "VBD", "VBP", "MD"}
CLAUSE_BREAKS = {",", ";", ":", "-", "--", "—"}
# a noun's place or part rather than a verb's complement: "Boeing jobs at risk", "sales in decline"
NOUN_PREPS = {"at", "in", "of", "from"}


def headline_verb(tok: Token) -> bool:
    """`tok` is the verb of a headline the parser tagged as a noun (see the module's docstring)."""
    if tok.tag_ not in {"NNS", "NN"} or not tok.is_alpha or tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False  # the cheap tests first: this runs on every noun of every article
    prev, nxt = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    third_person = tok.tag_ == "NNS" and tok.lower_.endswith("s") and prev.tag_ in {"NNP", "NN"}
    base_form = tok.tag_ == "NN" and tok.dep_ == "ROOT" and prev.tag_ in {"NNS", "NNPS"}
    if not (third_person or base_form) or nxt.tag_ not in OBJECT_START or nxt.lower_ in NOUN_PREPS:
        return False
    sent = tok.sent
    if not is_headline(sent) or tok.i + 1 >= sent.end:
        return False
    return bool(verb(tok.lemma_).lexfile) and not _clause_has_verb(tok)


def _clause_has_verb(tok: Token) -> bool:
    """A finite verb between the headline's clause breaks around `tok`."""
    sent = tok.sent
    start = next((t.i + 1 for t in reversed(sent.doc[sent.start:tok.i]) if t.text in CLAUSE_BREAKS), sent.start)
    end = next((t.i for t in sent.doc[tok.i:sent.end] if t.text in CLAUSE_BREAKS), sent.end)
    return any(t.tag_ in FINITE and t.i != tok.i for t in sent.doc[start:end])


def is_headline(sent: Span) -> bool:
    """The story's first line without a full stop: a headline, whose present tense is the news of the day."""
    return sent.start == 0 and not sent.text.rstrip().endswith((".", "!", "?", '"', "”"))


def headline_participle(trig: Token) -> bool:
    """ "First Airbus A380 delivered", "Bank robber sentenced": a headline's bare past participle is its past tense,
    the news of the story's day (parsed as the root, or as a reduced relative on the root noun)."""
    main = trig.dep_ in {"ROOT", "conj"} or trig.dep_ == "acl" and trig.head.dep_ == "ROOT"
    return trig.tag_ == "VBN" and main and is_headline(trig.sent) and \
        not any(c.dep_ in {"aux", "auxpass"} for c in trig.children)
