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
GROUP, PERSON = 14, 18  # lexicographer files noun.group and noun.person: a "subway" (an artifact) is no firm


class WordNet:
    def __init__(self, root: Path) -> None:
        self.hyper: dict[str, list[str]] = {}
        self.lexfile: dict[str, int] = {}
        with open(root / "data.noun", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                f = line.split()
                i = 4 + 2 * int(f[3], 16)
                self.lexfile[f[0]] = int(f[1])
                self.hyper[f[0]] = [f[i + 2 + 4 * k] for k in range(int(f[i])) if f[i + 1 + 4 * k] == "@"]  # kinds, not instances
        self.index: dict[str, list[str]] = {}
        with open(root / "index.noun", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                f = line.split()
                self.index[f[0]] = f[4 + int(f[3]) + 2:]

    def reaches(self, offset: str, targets: set[str]) -> bool:
        seen, todo = set(), [offset]
        while todo:
            o = todo.pop()
            if o in targets:
                return True
            if o not in seen:
                seen.add(o)
                todo.extend(self.hyper.get(o, []))
        return False


def org_nouns(wordnet_dir: Path) -> list[str]:
    wn = WordNet(wordnet_dir)
    targets = {wn.index[lemma][n - 1] for lemma, n in ANCHORS}
    return sorted(lemma for lemma, senses in wn.index.items()
                  if "_" not in lemma and lemma.isalpha() and lemma not in EXCLUDE
                  and any(wn.lexfile[s] in (GROUP, PERSON) and wn.reaches(s, targets) for s in senses[:SENSES]))


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    words = org_nouns(src)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns -> {OUT}")


if __name__ == "__main__":
    main()
