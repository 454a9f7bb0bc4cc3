"""CAMEO event types: labels from ontologies/cameo.ttl and a verb lexicon that types triggers."""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

from graph.resources import ontology_file

CAMEO_NS = "https://w3id.org/timeline-kg/cameo/"

# Lemma -> CAMEO code. Conflict and politics verbs first; anything else is a statement-free
# "other" (010 only for speech verbs). Kept as data so the table can grow without code.
VERB_CODES: dict[str, str] = {
    # 01 make public statement
    **dict.fromkeys(["say", "state", "announce", "declare", "tell", "report", "insist", "add", "claim",
                     "speak", "issue", "comment", "remind", "signal", "note", "explain", "confirm", "reply",
                     "testify"], "010"),
    "admit": "015", "acknowledge": "015", "deny": "016",
    # 02 appeal
    **dict.fromkeys(["call", "urge", "appeal", "ask", "request", "beg", "implore"], "020"),
    # 03-05 cooperation
    "vow": "030", "pledge": "030", "promise": "030", "negotiate": "046", "meet": "040", "visit": "042",
    "discuss": "040", "consult": "040",
    **dict.fromkeys(["welcome", "praise", "endorse", "greet", "celebrate", "hail"], "051"),
    **dict.fromkeys(["sign", "agree", "strike"], "057"),
    **dict.fromkeys(["cooperate", "sell", "buy", "supply", "invest", "acquire", "merge"], "061"),
    **dict.fromkeys(["aid", "help", "support", "assist", "donate", "provide"], "070"),
    "arm": "072",  # 072 provide military aid (arms, equipment, training)
    # 08 yield
    **dict.fromkeys(["withdraw", "retreat", "surrender", "leave", "evacuate", "flee", "depart", "pull"], "0874"),
    "release": "080", "hand": "080", "cede": "080", "yield": "080", "concede": "080",
    "investigate": "090", "probe": "090", "search": "090", "hunt": "090",
    "demand": "100", "instruct": "100", "command": "100",
    "criticize": "111", "condemn": "111", "denounce": "111", "accuse": "112", "blame": "112", "allege": "112",
    "reject": "120", "refuse": "120", "contravene": "120", "oppose": "120", "veto": "120",
    "boycott": "143",  # CAMEO 143 "conduct strike or boycott" (a state's trade boycott is 163, an embargo)
    "threaten": "130", "protest": "140",
    # 130 threaten: coercing someone into an act ("pressuring public employees to vote", "obliging us to vote")
    **dict.fromkeys(["pressure", "pressurize", "pressurise", "oblige", "coerce", "compel", "intimidate",
                     "blackmail"], "130"),
    # 172 impose administrative sanctions (1721 restrictions on political freedoms): "curbed the press"
    **dict.fromkeys(["curb", "censor", "muzzle", "gag", "restrict"], "172"), "demonstrate": "141", "rally": "141",
    **dict.fromkeys(["sanction", "ban", "suspend"], "160"),
    "deploy": "150", "mobilize": "150", "advance": "150", "station": "150", "position": "150",
    "expel": "1663", "arrest": "173", "detain": "173", "imprison": "173", "jail": "173",
    "confiscate": "171", "deport": "174", "disperse": "175",
    # first senses elsewhere in WordNet ("ransack": search; "mortar": plaster), so no anchor reaches them
    "ransack": "171", "pillage": "171", "mortar": "194",
    **dict.fromkeys(["suppress", "repress", "quell", "crush"], "175"),
    "torture": "182", "rape": "182",
    "kidnap": "181", "abduct": "181", "assault": "182", "beat": "182", "assassinate": "186",
    "punch": "182", "kick": "182",
    **dict.fromkeys(["attack", "fight", "clash", "battle", "inflict", "strike", "shell", "raid", "encounter",
                     "storm", "ambush", "assail", "hit", "repel"], "190"),
    "blockade": "191", "cut": "191", "besiege": "191", "encircle": "191", "surround": "191",
    # ("control" is a state, not an act CAMEO codes: "has controlled Darfur since 2023"; "took control of": 192)
    **dict.fromkeys(["seize", "capture", "recapture", "retake", "occupy", "take", "regain",
                     "conquer", "overrun", "enter", "secure", "recover", "invade", "annex"], "192"),
    "shoot": "193", "bombard": "194", "bomb": "195",
    # CAMEO 1823 "kill by physical assault"; 202 "engage in mass killings"
    "kill": "1823", "massacre": "202", "slaughter": "202",
    # CAMEO 173 "arrest, detain, or charge with legal action" (the legal sense of "charge")
    "charge": "173", "prosecute": "173", "destroy": "1712",
}

# a verb and its object that name one act together, typed as the act; the object is neither an event nor a
# participant ("opened fire on the crowd": CAMEO 193 fight with small arms; "set fire to a school": 1712)
VERB_OBJECT_CODES = {("open", "fire"): "193", ("set", "fire"): "1712", ("set", "ablaze"): "1712"}


_SKOS = "http://www.w3.org/2004/02/skos/core#"


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """CAMEO code -> English label, read from the SKOS scheme.

    Parsed by pyoxigraph, not rdflib: a timeline page's rows need these labels, and in a fresh process
    (`tkg timeline`, a notebook) importing rdflib and parsing with it cost its first page 90 ms of CPU
    against 1 ms (docs/scale.md, "Session 9")."""
    codes: dict[ox.NamedNode | ox.BlankNode, str] = {}
    names: dict[ox.NamedNode | ox.BlankNode, str] = {}
    for t in ox.parse(path=str(ontology_file("cameo.ttl")), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == _SKOS + "notation":
            codes[t.subject] = t.object.value
        elif t.predicate.value == _SKOS + "prefLabel":
            names[t.subject] = t.object.value
    return {code: names[concept] for concept, code in codes.items() if concept in names}


def american(lemma: str) -> str:
    """The -ize spelling of a British -ise word ("criticise" -> "criticize", "mobilisation" -> "mobilization"),
    which the lexicons list; other words unchanged."""
    low = lemma.lower()
    for gb, us in (("isation", "ization"), ("ise", "ize")):
        if low.endswith(gb) and len(low) > len(gb) + 3:
            return low[: -len(gb)] + us
    return low


def code_for(lemma: str) -> str | None:
    """CAMEO code of a trigger lemma (either spelling), or None when the lexicon does not know it."""
    return VERB_CODES.get(lemma.lower()) or VERB_CODES.get(american(lemma))


# Event nominal lemma -> CAMEO code.
NOUN_CODES: dict[str, str] = {
    **dict.fromkeys(["statement", "announcement", "declaration", "speech", "comment", "remark", "claim",
                     "report", "interview"], "010"),
    "denial": "016",
    **dict.fromkeys(["appeal", "call", "request", "plea"], "020"),
    **dict.fromkeys(["pledge", "promise", "offer"], "030"),
    **dict.fromkeys(["meeting", "talk", "consultation", "summit", "conference"], "040"),
    "visit": "042", "trip": "042", "tour": "042",
    **dict.fromkeys(["negotiation", "discussion", "mediation"], "046"),
    **dict.fromkeys(["praise", "endorsement", "celebration", "welcome"], "051"),
    **dict.fromkeys(["agreement", "deal", "accord", "treaty", "ceasefire", "truce", "alliance"], "057"),
    **dict.fromkeys(["purchase", "sale", "trade", "investment", "merger", "acquisition", "takeover",
                     "cooperation", "partnership", "contract", "order", "delivery", "takeover"], "061"),
    **dict.fromkeys(["aid", "assistance", "support", "help", "funding", "airlift", "rescue"], "070"),
    **dict.fromkeys(["withdrawal", "retreat", "surrender", "evacuation", "departure", "exodus"], "0874"),
    "release": "080", "concession": "080",
    **dict.fromkeys(["investigation", "probe", "inquiry", "search"], "090"),
    "demand": "100", "ultimatum": "100",
    **dict.fromkeys(["criticism", "condemnation"], "111"), "accusation": "112", "allegation": "112",
    **dict.fromkeys(["rejection", "refusal", "veto"], "120"), "boycott": "143",
    **dict.fromkeys(["threat", "warning", "coercion", "intimidation", "blackmail"], "130"),
    **dict.fromkeys(["censorship", "curfew", "restriction"], "172"),
    **dict.fromkeys(["protest", "demonstration", "rally", "march", "strike", "walkout"], "140"), "riot": "145",
    **dict.fromkeys(["deployment", "mobilization", "mobilisation", "advance", "exercise"], "150"),
    **dict.fromkeys(["sanction", "ban", "embargo", "expulsion"], "160"),
    **dict.fromkeys(["arrest", "detention", "crackdown"], "173"), "deportation": "174",
    **dict.fromkeys(["looting", "pillage", "plunder"], "171"), "arson": "1712", "torching": "1712",
    "beheading": "1823", "storming": "190",
    **dict.fromkeys(["kidnapping", "abduction", "hijacking"], "181"),
    "assault": "182", "maiming": "182", "mutilation": "182", "assassination": "186", "bombing": "183", "explosion": "183", "blast": "183",
    **dict.fromkeys(["attack", "fight", "fighting", "battle", "clash", "offensive", "raid", "war", "violence",
                     "hostility", "insurgency", "invasion", "combat", "ambush", "siege"], "190"),
    "blockade": "191",
    **dict.fromkeys(["capture", "recapture", "seizure", "occupation", "conquest"], "192"),
    "shooting": "193", "bombardment": "195", "airstrike": "195", "shelling": "194",
    "killing": "1823", "massacre": "202", "charge": "173", "trial": "173", "prosecution": "173",
    "damage": "171", "conflict": "190",
}


def noun_code_for(lemma: str) -> str | None:
    """CAMEO code of an event nominal (either spelling), or None."""
    return NOUN_CODES.get(lemma.lower()) or NOUN_CODES.get(american(lemma))
