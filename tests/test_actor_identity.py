"""One real-world actor, one IRI across articles: name keys, the actor index (graph.extract.actors.resolve) and
`tkg extract` over several articles. Made-up names and stories."""
from __future__ import annotations

import json

import pytest
from conftest import run_tkg

from graph.extract.actors.name_keys import acronyms, is_acronym, name_key, similar, skeleton
from graph.extract.actors.resolve import ActorIndex, ActorRecord
from graph.ids import actor_iri


def rec(label: str, *names: str, person: bool = False, kind: str = "organization") -> ActorRecord:
    return ActorRecord(actor_iri(label), label, person, "person" if person else kind, [label, *names])


def resolve_all(*records: ActorRecord) -> list[str]:
    index = ActorIndex()
    return [index.resolve(r) for r in records]


@pytest.mark.parametrize("a,b", [
    ("Nordvik Holdings Inc.", "Nordvik"),
    ("The Talvi Motors Co.", "Talvi Motor Company"),
    ("Brannock Corp", "Brannock Corporation"),
    ("al-Shabab", "Al Shabab"),
    ("U.S. Coast Guard", "United States Coast Guard"),
    ("Marten & Sons Ltd", "Marten and Sons"),
    ("Dermot O' Keane", "Dermot O'Keane"),
])
def test_name_keys_meet(a, b):
    person = "Dermot" in a
    assert name_key(a, person) == name_key(b, person)


def test_transliterations_share_a_skeleton():
    assert skeleton(name_key("al-Qaida")) == skeleton(name_key("Al-Qaeda"))
    assert similar(name_key("al-Qaida"), name_key("Al-Qaeda"))
    assert not similar(name_key("Boeing"), name_key("Bang"))


def test_acronyms_of_names():
    assert "NHTC" in acronyms("Northern Harbour Trust Company")
    assert "NHT" in acronyms("Northern Harbour Trust Company")  # "Company" may be left out of the acronym
    assert acronyms("U.S. Space Command") == {"USSC"}
    assert acronyms("Kestrel Inc.") == set()  # a legal form is never an initial
    assert is_acronym("K.M.G.") and is_acronym("KMG") and not is_acronym("Kestrel")


def test_corporate_suffix_and_business_words_join():
    iris = resolve_all(rec("Nordvik Holdings Inc."), rec("Nordvik"), rec("Nordvik Shipping Company"))
    assert len(set(iris)) == 1, iris


def test_a_different_company_of_the_same_first_word_stays_apart():
    iris = resolve_all(rec("Lumen Computer"), rec("Lumen Corps"))
    assert iris[0] != iris[1]
    iris = resolve_all(rec("Lumen"), rec("Lumen Corps"))
    assert iris[0] != iris[1]


def test_acronym_and_expansion_both_ways():
    iris = resolve_all(rec("KMG"), rec("Kessler Mining Group"), rec("Kessler Mining Group", "KMG"))
    assert len(set(iris)) == 1, iris
    iris = resolve_all(rec("Kessler Mining Group"), rec("KMG"))
    assert len(set(iris)) == 1, iris


def test_acronym_does_not_join_a_contradicting_expansion():
    iris = resolve_all(rec("Kessler Mining Group", "KMG"), rec("Kappa Media Group", "KMG"))
    assert iris[0] != iris[1]


def test_transliterated_group_names_join():
    iris = resolve_all(rec("al-Qaida in Yemen", kind="armed_group"), rec("Al-Qaeda in Yemen", kind="armed_group"))
    assert iris[0] == iris[1]


def test_surname_joins_the_one_full_name():
    iris = resolve_all(rec("Ilse Varga", person=True), rec("Varga", person=True))
    assert iris[0] == iris[1]
    iris = resolve_all(rec("Varga", person=True), rec("Ilse Varga", person=True))
    assert iris[0] == iris[1]


def test_different_first_names_stay_apart():
    iris = resolve_all(rec("Ilse Varga", person=True), rec("Tomas Varga", person=True), rec("Varga", person=True))
    assert iris[0] != iris[1]
    assert iris[2] not in iris[:2]  # a bare surname two people share is neither of them


def test_middle_initial_and_first_name_join():
    iris = resolve_all(rec("Ilse M. Varga", person=True), rec("Ilse Varga", person=True))
    assert iris[0] == iris[1]


def test_person_and_company_of_one_name_stay_apart():
    iris = resolve_all(rec("Harlan"), rec("Harlan", person=True))
    assert iris[0] != iris[1]
    assert iris[0] == actor_iri("Harlan")


def test_known_names_grow_with_each_article():
    index = ActorIndex()
    first = index.resolve(rec("Orsted Wind"))
    # an article that says both names teaches the index the short one
    assert index.resolve(rec("Orsted Wind", "Orsted")) == first
    assert index.resolve(rec("Orsted")) == first


ARTICLES = [
    {"id": "a1", "title": "Talvi shares fall", "published": "2024-03-04",
     "text": "Talvi Motor Company said on Monday it would close its plant in Ghent. Chief executive Ilse Varga "
             "said the decision was painful. The Kessler Mining Group (KMG) bought the land."},
    {"id": "a2", "title": "Talvi and KMG talks", "published": "2024-03-05",
     "text": "Talvi Motors Co. met KMG officials in Antwerp on Tuesday. Varga told reporters that Talvi would "
             "keep 2,000 jobs."},
    {"id": "a3", "title": "Varga leaves", "published": "2024-03-06",
     "text": "Talvi Motor Group said on Wednesday that Ilse Varga will step down in June. Kessler Mining Group declined to "
             "comment."},
]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    path = tmp_path_factory.mktemp("xdoc") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    proc = run_tkg("extract", str(path), "--format", "jsonl", check=True)
    return {d["id"]: d for d in map(json.loads, proc.stdout.splitlines())}


def canon(doc: dict, text: str) -> set:
    return {e["canonical"] for e in doc["entities"] if e["text"] == text and e["mention"] == "name"}


def test_tkg_extract_gives_one_iri_across_articles(extracted):
    talvi = canon(extracted["a1"], "Talvi Motor Company")
    assert len(talvi) == 1
    assert canon(extracted["a2"], "Talvi Motors Co.") == talvi
    assert canon(extracted["a3"], "Talvi Motor Group") == talvi
    kmg = canon(extracted["a1"], "KMG")
    assert kmg == canon(extracted["a2"], "KMG") == canon(extracted["a3"], "Kessler Mining Group")
    varga = canon(extracted["a1"], "Ilse Varga")
    assert varga == canon(extracted["a2"], "Varga") == canon(extracted["a3"], "Ilse Varga")
    assert not talvi & kmg and not talvi & varga
    labels = {e["label"] for d in extracted.values() for e in d["entities"] if e["canonical"] in talvi}
    assert len(labels) == 1  # the known actor's label, in every article


def test_ner_type_confusion_joins_the_known_actor():
    iris = resolve_all(rec("Ilse Varga", person=True), rec("Ilse Varga"), rec("Varga"))
    assert iris[0] == iris[1] == iris[2], iris  # a full name, and a surname no company is known by
    iris = resolve_all(rec("Vega Labs"), rec("Vega Labs", person=True))
    assert iris[0] == iris[1]


def test_a_company_named_like_a_person_stays_apart_when_both_are_known():
    iris = resolve_all(rec("Harlan", person=False), rec("Ilse Harlan", person=True), rec("Harlan"))
    assert iris[2] == iris[0] != iris[1]
