"""Named stock market indices ("the Dow Jones Industrial Average", "FTSE 100", "Nikkei 225", "S&P 500"): financial
entities, not actors, whatever the NER called them (it calls "Dow Jones" and "FTSE" organisations). They become
`entities` of type INDEX with no canonical IRI, and their words are no actor mention.

A name is an index's when it is one of the benchmark indices below (the exchanges' own names for them), with its
number ("FTSE 100"), its last word ("Composite", "Average", "Index") or both; "Dow Jones & Company", "Dow Chemical",
"the Nasdaq stock exchange" and "Nasdaq-listed" are companies or markets, left to the NER.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.extract.model import Entity

# first words of benchmark indices -> the words that may follow them in the index's name
INDEX_NAMES: dict[str, frozenset[str]] = {
    first: frozenset(rest.split()) for first, rest in {
        "Dow": "Jones Industrial Transportation Utilities Average average industrials Industrials",
        "S&P": "500 400 600 100 / ASX 200 TSX Composite index Index",
        "Nasdaq": "Composite composite 100 Index index",
        "NASDAQ": "Composite composite 100 Index index",
        "FTSE": "100 250 350 MIB All-Share All Share Index index",
        "Footsie": "",
        "Nikkei": "225 Stock Average average Index index",
        "Topix": "index Index",
        "TOPIX": "index Index",
        "DAX": "30 40 index Index",
        "CAC": "40 index Index",
        "IBEX": "35 index Index",
        "Hang": "Seng Index index",
        "Kospi": "index Index 200",
        "KOSPI": "index Index 200",
        "Sensex": "index Index",
        "SENSEX": "index Index",
        "Nifty": "50 index Index",
        "Bovespa": "index Index",
        "Ibovespa": "index Index",
        "Merval": "index Index",
        "Stoxx": "50 600 Europe index Index",
        "STOXX": "50 600 Europe index Index",
        "Euro": "Stoxx STOXX 50",
        "Russell": "1000 2000 3000 index Index",
        "Wilshire": "5000 index Index",
        "Taiex": "index Index",
        "TAIEX": "index Index",
        "MSCI": "World Emerging Markets Asia Pacific index Index",
        "Shanghai": "Composite composite Index index",
        "Shenzhen": "Composite composite Component Index index",
        "Straits": "Times Index index",
        "ASX": "200 All Ordinaries index Index",
        "TSX": "Composite composite index Index",
        "RTS": "index Index",
        "MICEX": "index Index",
        "BIST": "100 index Index",
        "AEX": "index Index",
        "SMI": "index Index",
        "OMX": "index Index",
    }.items()
}
# an index name needs one of these after its first word, except the names that stand alone
_ALONE = frozenset("Dow Nasdaq NASDAQ FTSE Footsie Nikkei Topix TOPIX DAX CAC IBEX Kospi KOSPI Sensex SENSEX Nifty "
                   "Bovespa Ibovespa Merval Taiex TAIEX".split())
_ENDS = frozenset("Average average Composite composite Index index Industrials industrials".split())
# words after the first that make it a company or a market ("Nasdaq-listed", "Dow Chemical", "Nasdaq exchange")
_NOT_AFTER = frozenset("& Chemical Corning Newswires Company Co. company exchange Exchange Stock OMX -".split())


def find_indices(doc: Doc) -> list[Span]:
    """Index name spans of ``doc``, in order."""
    out: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        follow = INDEX_NAMES.get(tok.text)
        if follow is None:
            i += 1
            continue
        end = i + 1
        while end < n and doc[end].text in follow:
            end += 1
        nxt = doc[end].text if end < n else ""
        has_number = any(t.like_num for t in doc[i + 1:end])
        whole = end > i + 1 and (has_number or doc[end - 1].text in _ENDS or doc[i + 1].text in follow)
        if nxt in _NOT_AFTER and not has_number or not (whole or tok.text in _ALONE):
            i = end
            continue
        out.append(doc[i:end])
        i = end
    return out


def index_entities(spans: list[Span]) -> list[Entity]:
    return [Entity(sp.start_char, sp.end_char, sp.text, "INDEX", canonical=None, label=sp.text, kind="index",
                   mention="name") for sp in spans]
