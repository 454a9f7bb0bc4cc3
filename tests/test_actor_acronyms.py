"""An acronym and the name it stands for are one actor (made-up stories): a name defined with its acronym after
the acronym and a legal form repeated ("... Company ACSA S.A. (ACSA)") is the name alone; across articles its
spellings meet ("Signalling"/"Signaling", a soft c: "Defence"/"Defense"); inside one article an acronym made of
the leading letters of a name's words ("PEMEX": PEtroleos MEXicanos) is that name."""
from __future__ import annotations

from graph.extract import extract_many
from graph.extract.actors.name_keys import prefix_acronym, skeleton
from graph.extract.actors.resolve import ActorIndex, resolve_extraction
from graph.sources.articles import make_article

FIRST = """Paris, May 2, 2024 - Alstom rival Anglo Continental Signalling Apparatus Company ACSA S.A. (ACSA) has won \
a contract to equip the Santiago metro, ACSA said on Thursday."""
SECOND = """Anglo-Continental Signaling Apparatus Company (ACSA) said its profit rose."""
PEMEX = """MEXICO CITY, May 2, 2024 - Petroleos Mexicanos reported a fire at its Tula refinery on Monday. In a \
statement, PEMEX said no one was hurt."""


def _actors(*texts: str) -> list[dict[str, str]]:
    index, out = ActorIndex(), []
    arts = [make_article("T", "2024-05-02", t, f"test:{n}") for n, t in enumerate(texts)]
    for _, ex in extract_many(arts):
        resolve_extraction(index, ex)
        out.append({e.text: e.canonical for e in ex.entities
                    if e.mention == "name" and e.canonical and "/actor/" in e.canonical})
    return out


def test_a_defined_acronym_and_its_name_are_one_actor_across_articles():
    first, second = _actors(FIRST, SECOND)
    name = "Anglo Continental Signalling Apparatus Company"
    assert name in first and first["ACSA"] == first[name], first  # the name without "ACSA S.A."
    assert second["ACSA"] == second["Anglo-Continental Signaling Apparatus Company"] == first[name], (first, second)


def test_an_acronym_of_word_beginnings_is_the_name_in_its_article():
    (got,) = _actors(PEMEX)
    assert got["PEMEX"] == got["Petroleos Mexicanos"], got


def test_prefix_acronyms_and_soft_c():
    assert prefix_acronym("PEMEX", "Petroleos Mexicanos")
    assert not prefix_acronym("MAS", "Malaysia Airlines") and not prefix_acronym("GM", "General Motors")
    assert skeleton("defence") == skeleton("defense") and skeleton("cat") != skeleton("sat")
