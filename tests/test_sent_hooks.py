"""The sentence hooks (graph/extract/text/sent_hooks.py) answer what spaCy itself answers, faster."""
from graph.extract.nlp import load_nlp
from graph.extract.text.sent_hooks import hook_sentences

STORY = ("Rebels seized the border town of Amdi on Tuesday. The army said it would retake it.\n\n"
         "Officials in the capital declined to comment. Aid groups, which fled last week, plan to return.")


def test_every_sent_lookup_matches_spacy():
    doc = load_nlp()(STORY)
    plain_sents = [(s.start, s.end) for s in doc.sents]
    plain_tok = [(t.sent.start, t.sent.end) for t in doc]
    spans = [(a, b) for a in range(len(doc)) for b in range(a, min(len(doc), a + 4) + 1)]
    plain_span = [(doc[a:b].sent.start, doc[a:b].sent.end) for a, b in spans]
    sents = hook_sentences(doc)
    assert len(plain_sents) >= 4
    assert [(s.start, s.end) for s in sents] == plain_sents
    assert [(s.start, s.end) for s in doc.sents] == plain_sents
    assert [(t.sent.start, t.sent.end) for t in doc] == plain_tok
    assert [(doc[a:b].sent.start, doc[a:b].sent.end) for a, b in spans] == plain_span
    assert all(doc[a:b].sent is sents[[s.start for s in sents].index(doc[a:b].sent.start)] for a, b in spans[:40])
    assert "sent" in doc.user_span_hooks  # still hooked after the fallback path
