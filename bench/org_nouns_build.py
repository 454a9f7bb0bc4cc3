#!/usr/bin/env python3
"""Rebuild graph/extract/text/data/org_nouns.txt from Princeton WordNet 3.0 (Debian: `apt-get install
wordnet-base`, files in /usr/share/wordnet).

    python bench/org_nouns_build.py [WORDNET_DIR]

The nouns that name a company by its trade, for coreference ("the retailer", "the insurer", "the brewer" is the
company the article last named, as "the company" is). A single-word noun is kept when one of its first two senses
(WordNet orders senses by their tagged-corpus counts) reaches, by hypernyms, a business synset ("company",
"business, concern", "enterprise": "airline", "bank", "conglomerate"), or is a person who trades or makes goods as
a business ("retailer", "wholesaler", "manufacturer", "underwriter": "insurer", "brewer", "distiller"): news names
such a company by the trade of its kind of businessperson. Kinds of person who are not firms in news ("dealer",
"trader", "shopkeeper": one man's trade) are cut by EXCLUDE. Nouns NOMINAL_HEADS lists keep their category.
"""
from __future__ import annotations

import sys
from pathlib import Path

from graph.extract.events.wordnet_build import WordNet

OUT = Path(__file__).resolve().parent.parent / "graph" / "extract" / "text" / "data" / "org_nouns.txt"
HEADER = ("# Nouns that name a company by its trade (WordNet: a kind of company or business, or of retailer,\n"
          "# wholesaler, manufacturer or underwriter), one a line. Derived from Princeton WordNet 3.0 by bench/org_nouns_build.py.\n"
          "# WordNet licence: Copyright 2006 by Princeton University, all rights reserved; permission to use, copy,\n"
          "# modify and distribute for any purpose without fee is granted, given this notice\n"
          "# (https://wordnet.princeton.edu/license-and-commercial-use).\n")
# (lemma, sense number) of the anchor synsets
# ("retailer" and "wholesaler", not their parent "merchant": its other kinds are one shop's trade, a person in news,
# "the butcher", "the florist")
ANCHORS = [("company", 1), ("business", 1), ("enterprise", 2), ("financial_institution", 1), ("retailer", 1),
           ("wholesaler", 1), ("manufacturer", 2), ("underwriter", 1)]
SENSES = 2  # a trade noun's business reading is among its two most frequent senses ("carrier": a porter first)
EXCLUDE = frozenset({
    "shopkeeper", "storekeeper", "tradesman", "peddler", "pedlar", "hawker", "huckster", "pitchman", "packman",
    "chapman", "costermonger", "fishwife", "monger", "bargainer", "barterer", "pusher", "fence", "trafficker",
    "raider", "underperformer", "venturer", "sandboy", "cheapjack", "schlockmeister", "shlockmeister", "seller",
    "vendor", "vender", "trader", "dealer", "merchant", "house", "hawala",
    # an industry, a place or a people, not one company; a name (an agency, a film industry) or a maker of
    # things that are not firms ("the producer" of a film, "the processor" of a computer)
    "industry", "collective", "kibbutz", "kolkhoz", "transmigrante", "hollywood", "bollywood", "filmdom",
    "screenland", "indie", "fcs", "fdic", "fed", "fhlmc", "fnma", "frs", "fsb", "msb", "bundesbank", "giro",
    "cleaner", "processor", "producer", "argosy", "aviation", "charity", "foundation",
    "chandler", "sericulturist", "middleman", "jobber", "packer"})
FILES = ("noun.group", "noun.person")  # lexicographer files: a "subway" (an artifact) is no firm


def org_nouns(wordnet_dir: Path) -> list[str]:
    wn = WordNet(wordnet_dir)  # the reader events/wordnet_build.py builds its table with
    targets = {("n", wn.index[("n", lemma)][n - 1]): "firm" for lemma, n in ANCHORS}
    return sorted(lemma for (pos, lemma) in wn.index if pos == "n"
                  and "_" not in lemma and lemma.isalpha() and lemma not in EXCLUDE
                  and any(s not in wn.instances and wn.synsets[s][0] in FILES and wn.nearest(s, targets)
                          for s in wn.senses(lemma, "n")[:SENSES]))


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    words = org_nouns(src)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns -> {OUT}")


if __name__ == "__main__":
    main()
