"""The doc's sentences found once, and handed to every rule that asks for them.

The rules ask for `doc.sents` about ten times an article and `tok.sent` / `span.sent` thousands
of times. spaCy rescans the tokens for each `doc.sents`; with a `sents` hook (what earlier
sessions set) it no longer does, but then every `tok.sent` walks that list from the first
sentence. Here `doc.sents` yields the list and `.sent` finds its sentence by bisection among the
sentences' first tokens: the same Span objects spaCy's own lookups would find, in O(log n).
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token


def hook_sentences(doc: Doc) -> list[Span]:
    """Compute the doc's sentences once and make `doc.sents`, `Token.sent` and `Span.sent` read them."""
    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def token_sent(tok: Token) -> Span:
        return sents[bisect_right(starts, tok.i) - 1]  # every token lies in a sentence

    def span_sent(span: Span) -> Span:
        k = bisect_right(starts, span.start) - 1
        if k >= 0 and span.start < sents[k].end:
            return sents[k]
        del doc.user_span_hooks["sent"]  # (an empty span past the last token) spaCy's own answer
        try:
            return span.sent
        finally:
            doc.user_span_hooks["sent"] = span_sent

    doc.user_hooks["sents"] = lambda _doc: iter(sents)
    doc.user_token_hooks["sent"] = token_sent
    doc.user_span_hooks["sent"] = span_sent
    return sents
