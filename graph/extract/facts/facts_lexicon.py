"""Word lists that say which events begin or end a state, and which nouns name an office (data, not code).

The verbs are grouped by the CAMEO code (ontologies/cameo.ttl, CAMEO manual 1.1b3) whose definition
names the change: 192 "Occupy territory" begins control of a place, 0874 "Retreat or surrender
militarily" ends it (or ends a force's presence), 15x "Exhibit force posture" (deploy, station) begins
a presence. States have no CAMEO code (CAMEO codes happenings); their verbs and nouns are listed apart.
"""
from __future__ import annotations

# CAMEO 192, occupy territory: the agent controls the object from the event's time on.
BEGIN_CONTROL = frozenset({
    "seize", "capture", "recapture", "retake", "occupy", "overrun", "conquer", "take", "regain", "liberate",
    "annex", "reoccupy", "win", "secure", "reclaim", "gain", "assume", "wrest", "establish", "restore"})
# of those, the ones that begin control only with "control" as their object ("gained control of", not "gained ground")
CONTROL_OBJECT_ONLY = frozenset({"win", "gain", "assume", "wrest", "establish", "restore"})
# CAMEO 0874, retreat or surrender militarily: the agent's control (or presence) of the place ends.
END_CONTROL = frozenset({
    "withdraw", "retreat", "pull", "leave", "abandon", "evacuate", "flee", "surrender", "lose", "cede",
    "vacate", "quit", "hand", "relinquish"})
# the passive subject of these loses the place: "its forces were driven out (of Kidal)"
LOSE_PASSIVE = frozenset({"drive", "expel", "push", "chase", "oust", "rout", "dislodge", "force", "kick", "evict"})
# "X fell to Y": the place's subject, the new holder behind "to"
FALL = frozenset({"fall"})
# CAMEO 150-154, military posture: the agent is present in the place from the event's time on.
BEGIN_PRESENCE = frozenset({"deploy", "station", "base", "position", "arrive", "garrison", "redeploy"})
# States that hold: "the town, which has been controlled by ...", "rebels hold the town".
STATE_CONTROL = frozenset({"control", "hold", "run", "govern", "administer"})
# nouns of the same changes: "the capture of Kidal by ...", "MINUSMA's withdrawal from Kidal"
BEGIN_CONTROL_NOUNS = frozenset({"capture", "recapture", "seizure", "takeover", "conquest", "liberation"})
END_CONTROL_NOUNS = frozenset({"withdrawal", "pullout", "retreat", "departure", "evacuation", "handover"})
# "in rebel hands", "under Houthi control", "under the control of the army"
CONTROL_NOUNS = frozenset({"control", "hand", "grip", "rule", "occupation", "command"})

# In power: "who seized power in 2020", "came to power in a coup"; ended for the object of a coup verb.
POWER_NOUNS = frozenset({"power"})
BEGIN_POWER_VERBS = frozenset({"seize", "take", "grab", "assume", "come", "sweep", "return"})
END_POWER_PASSIVE = frozenset({"oust", "overthrow", "topple", "depose", "remove", "unseat"})
# "the ruling junta", "the governing party": in power at the time of the sentence
RULING = frozenset({"ruling", "governing", "incumbent"})
RULER_NOUNS = frozenset({"junta", "party", "government", "regime", "military", "coalition", "council",
                         "authority", "authorities"})

# Offices a person holds. Ranks ("colonel", "general") are not offices: they say nothing of an organization.
OFFICES = frozenset({
    "president", "minister", "leader", "head", "chief", "chairman", "chairwoman", "chairperson", "commander",
    "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "king", "queen", "emir", "premier",
    "chancellor", "ceo", "director", "secretary", "ambassador", "envoy", "speaker", "prosecutor", "judge",
    "sultan", "monarch", "emperor", "pope", "president-elect", "vice-president", "strongman", "executive", "officer"})
# capitalized words that belong to an office's name in a title ("Interior Minister", "Chief Financial Officer"),
# unlike the words of an organization's name the tagger did not mark ("Boeing Commercial Airplanes CEO")
ROLE_MODIFIERS = frozenset({
    "prime", "vice", "deputy", "foreign", "interior", "home", "defence", "defense", "finance", "financial", "economy",
    "economic", "justice", "health", "trade", "industry", "transport", "energy", "education", "information",
    "agriculture", "environment", "labour", "labor", "culture", "security", "intelligence", "army", "executive",
    "operating", "general", "majority", "minority", "press", "federal", "chief", "attorney", "solicitor",
    "secretary", "supreme", "commander", "junta", "opposition", "party", "senate", "house", "state"})
# offices of a country's government: without an organization in the phrase, the country is the article's
NATIONAL_OFFICES = frozenset({"president", "minister", "premier", "chancellor", "king", "queen", "emir",
                              "monarch", "sultan", "emperor", "president-elect", "vice-president"})
# "then-prime minister", "former president", "ex-leader": the office had ended by the publication date
FORMER = frozenset({"then", "former", "ex", "erstwhile", "onetime", "late", "outgoing", "ousted", "deposed",
                    "toppled", "overthrown"})
# "interim president", "new prime minister": words of an office's description that are not the office
NOT_ROLE_WORDS = frozenset({"interim", "transitional", "acting", "new", "current", "incumbent", "de", "facto",
                            "self-proclaimed", "elected", "longtime", "long-time", "veteran", "powerful", "top",
                            "senior", "military", "civilian", "embattled"})

# Past forms of the verbs above that the small model's lemmatizer leaves as they are ("retook" -> "retook").
IRREGULAR_PAST = {
    "retook": "retake", "retaken": "retake", "took": "take", "taken": "take", "overran": "overrun",
    "withdrew": "withdraw", "withdrawn": "withdraw", "fell": "fall", "fallen": "fall", "fled": "flee",
    "lost": "lose", "held": "hold", "ran": "run", "won": "win", "drove": "drive", "driven": "drive",
    "forsook": "forsake", "left": "leave", "came": "come", "swept": "sweep", "overtook": "overtake",
    "reoccupied": "reoccupy", "recaptured": "recapture", "retreated": "retreat", "regained": "regain",
    "seized": "seize", "captured": "capture", "ousted": "oust", "toppled": "topple", "deposed": "depose",
    "overthrew": "overthrow", "overthrown": "overthrow", "stationed": "station", "deployed": "deploy",
}

# An office begins: "was sworn in as prime minister", "appointed Choguel Maiga as prime minister", "became president".
APPOINT_VERBS = frozenset({"appoint", "name", "elect", "swear", "nominate", "install", "become", "reappoint",
                           "reelect", "re-elect", "inaugurate", "promote"})
# ... and ends: "Prime Minister Moctar Ouane resigned", "stepped down", "was sacked"
RESIGN_VERBS = frozenset({"resign", "quit", "step", "retire", "dismiss", "sack", "fire", "oust", "depose", "remove"})
