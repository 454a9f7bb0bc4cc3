"""Person names with a title word inside them stay whole (made-up stories): Somali and Arabic names carry "Sheikh",
"Amir", "Malik" between the given name and the surname, so only the titles a name opens with are dropped
("President Hassan Sheikh Mohamud" is the actor "Hassan Sheikh Mohamud", not "Hassan Mohamud"), and a later bare
surname, in the same article or the next, is the same person."""
from __future__ import annotations

from graph.extract import extract
from graph.extract.actors.resolve import ActorIndex, resolve_extraction
from graph.sources.articles import make_article

FIRST = """MOGADISHU, April 2, 2024 (Reuters) - President Hassan Sheikh Mohamud flew to Baidoa on Tuesday to meet \
clan elders. Mohamud told them the army would reopen the road to the coast."""

SECOND = """NAIROBI, April 5, 2024 (AFP) - Kenya's foreign minister met Somali leader Hassan Sheikh Mohamud in \
Nairobi on Friday. Mohamud asked for more troops along the border."""

SUDAN = """PORT SUDAN, May 9, 2024 (Reuters) - General Abdel Fattah al-Burhan refused to meet Mohamed Hamdan \
Dagalo in Jeddah. Burhan said Dagalo's men had to leave the cities first."""


def _ex(text: str, date: str):
    return extract(make_article("Test", date, text, "test"))


def _persons(ex) -> dict[str, tuple]:
    return {e.text: (e.label, e.canonical) for e in ex.entities if e.type == "PERSON" and e.mention == "name"}


def test_a_title_word_inside_a_name_is_part_of_it():
    people = _persons(_ex(FIRST, "2024-04-02"))
    label, iri = people["Hassan Sheikh Mohamud"]
    assert label == "Hassan Sheikh Mohamud", people
    assert people["Mohamud"] == (label, iri)  # the bare surname later is the same person


def test_the_whole_name_is_one_actor_across_articles():
    known = ActorIndex()
    first, second = _ex(FIRST, "2024-04-02"), _ex(SECOND, "2024-04-05")
    resolve_extraction(known, first)
    resolve_extraction(known, second)
    a, b = _persons(first), _persons(second)
    assert a["Hassan Sheikh Mohamud"] == b["Hassan Sheikh Mohamud"] == b["Mohamud"], (a, b)
    assert b["Mohamud"][0] == "Hassan Sheikh Mohamud"


def test_arabic_names_stay_whole_and_surnames_link_to_them():
    people = _persons(_ex(SUDAN, "2024-05-09"))
    assert people["Abdel Fattah al-Burhan"][0] == "Abdel Fattah al-Burhan", people
    assert people["Mohamed Hamdan Dagalo"][0] == "Mohamed Hamdan Dagalo", people
    assert people["Burhan"] == people["Abdel Fattah al-Burhan"]
    assert people["Dagalo"] == people["Mohamed Hamdan Dagalo"]


def test_a_surname_without_its_article_finds_the_person_in_a_later_article():
    known = ActorIndex()
    first = _ex(SUDAN, "2024-05-09")
    later = _ex("KHARTOUM, May 12, 2024 (AFP) - Army chief Burhan visited troops in Omdurman on Sunday. Burhan "
                "promised them new weapons.", "2024-05-12")
    resolve_extraction(known, first)
    resolve_extraction(known, later)
    assert _persons(later)["Burhan"][1] == _persons(first)["Abdel Fattah al-Burhan"][1], _persons(later)
