"""Actor data: well-known actors with aliases, nominal heads that refer to actors, demonyms.

Kinds (what the graph's actor classes mean): person, organization, armed_group, state, igo.
"""
from __future__ import annotations

# canonical label, entity type, kind, aliases (matched case-insensitively, "the" dropped)
KNOWN_ACTORS: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("United Nations", "ORG", "igo", ("UN", "U.N.", "the United Nations")),
    ("UN Security Council", "ORG", "igo", ("Security Council", "UN Security Council", "UNSC",
                                           "United Nations Security Council", "U.N. Security Council")),
    ("MINUSMA", "ORG", "igo", ("United Nations Multidimensional Integrated Stabilization Mission in Mali",
                               "UN stabilisation mission", "UN stabilization mission")),
    ("African Union", "ORG", "igo", ("AU",)),
    ("ECOWAS", "ORG", "igo", ("Economic Community of West African States",)),
    ("European Union", "ORG", "igo", ("EU", "E.U.")),
    ("NATO", "ORG", "igo", ("North Atlantic Treaty Organization",)),
    ("World Bank", "ORG", "igo", ()),
    ("International Monetary Fund", "ORG", "igo", ("IMF",)),
    ("World Health Organization", "ORG", "igo", ("WHO",)),
    ("Malian Armed Forces", "ORG", "state", ("FAMa", "Forces Armees Maliennes", "Forces Armées Maliennes")),
    ("Wagner Group", "ARMED_GROUP", "armed_group", ("Wagner", "Wagner mercenaries")),
    ("JNIM", "ARMED_GROUP", "armed_group", ("Jama'at Nasr al-Islam wal Muslimin", "Group to Support Islam and Muslims")),
    ("Islamic State", "ARMED_GROUP", "armed_group", ("IS", "ISIS", "ISIL", "Daesh")),
    ("Al-Qaeda", "ARMED_GROUP", "armed_group", ("al-Qaeda", "al Qaeda", "Al Qaeda")),
    ("Permanent Strategic Framework", "ARMED_GROUP", "armed_group", ("CSP", "CSP-PSD")),
    ("M23", "ARMED_GROUP", "armed_group", ("March 23 Movement", "Mouvement du 23 mars", "M23 rebels")),
    ("Rapid Support Forces", "ARMED_GROUP", "armed_group", ("RSF",)),
    ("Agence France-Presse", "ORG", "organization", ("AFP",)),
    # brands the small model does not know as organisations
    ("Opel", "ORG", "organization", ("Opel", "Adam Opel")),
    ("Vauxhall", "ORG", "organization", ("Vauxhall Motors", "Vauxhall")),
    ("Reuters", "ORG", "organization", ()),
    ("Associated Press", "ORG", "organization", ("AP",)),
]

# Roles whose holder a later "the junta leader" / "its head" can refer back to.
LEADER_ROLES = {"head": "leader", "leader": "leader", "chief": "leader", "president": "leader",
                "chairman": "leader", "ceo": "leader", "commander": "leader", "spokesman": "spokesman",
                "spokeswoman": "spokesman", "spokesperson": "spokesman"}

CATEGORY_TYPE = {"military": "ORG", "junta": "ORG", "government": "GPE", "rebels": "ARMED_GROUP",
                 "mission": "ORG", "group": "ORG", "org": "ORG", "person": "PERSON"}
CATEGORY_KIND = {"military": "state", "junta": "state", "government": "state", "rebels": "armed_group",
                 "mission": "igo", "group": "organization", "org": "organization", "person": "person"}

# Words in an organization's name or description that make it an armed group / an IGO / a state body.
ARMED_WORDS = {"rebel", "rebels", "militia", "militias", "armed", "jihadist", "jihadists", "insurgent",
               "insurgents", "separatist", "separatists", "brigade", "brigades", "guerrilla", "guerrillas",
               "mujahideen", "taliban", "qaeda", "boko", "haram", "shabaab", "hezbollah", "hamas", "wagner"}
IGO_WORDS = {"united", "nations", "un", "u.n.", "international", "mission", "council", "union", "nato",
             "ecowas", "minusma", "monusco", "unamid", "imf", "bank", "world"}
STATE_WORDS = {"army", "armed", "forces", "military", "navy", "police", "gendarmerie", "ministry", "government",
               "junta", "presidency", "parliament", "air force", "guard", "force", "senate", "congress", "treasury",
               "cabinet"}

# iso2 -> (country name, demonym) for labels such as "Malian Armed Forces", "Government of Mali".
COUNTRIES: dict[str, tuple[str, str]] = {
    "ML": ("Mali", "Malian"), "BF": ("Burkina Faso", "Burkinabe"), "NE": ("Niger", "Nigerien"),
    "NG": ("Nigeria", "Nigerian"), "TD": ("Chad", "Chadian"), "SN": ("Senegal", "Senegalese"),
    "MR": ("Mauritania", "Mauritanian"), "DZ": ("Algeria", "Algerian"), "LY": ("Libya", "Libyan"),
    "SD": ("Sudan", "Sudanese"), "SS": ("South Sudan", "South Sudanese"), "ET": ("Ethiopia", "Ethiopian"),
    "SO": ("Somalia", "Somali"), "KE": ("Kenya", "Kenyan"), "CD": ("DR Congo", "Congolese"),
    "CF": ("Central African Republic", "Central African"), "CM": ("Cameroon", "Cameroonian"),
    "CI": ("Ivory Coast", "Ivorian"), "GH": ("Ghana", "Ghanaian"), "GN": ("Guinea", "Guinean"),
    "EG": ("Egypt", "Egyptian"), "MA": ("Morocco", "Moroccan"), "TN": ("Tunisia", "Tunisian"),
    "FR": ("France", "French"), "US": ("United States", "US"), "GB": ("United Kingdom", "British"),
    "DE": ("Germany", "German"), "RU": ("Russia", "Russian"), "UA": ("Ukraine", "Ukrainian"),
    "CN": ("China", "Chinese"), "IN": ("India", "Indian"), "PK": ("Pakistan", "Pakistani"),
    "AF": ("Afghanistan", "Afghan"), "IR": ("Iran", "Iranian"), "IQ": ("Iraq", "Iraqi"),
    "SY": ("Syria", "Syrian"), "IL": ("Israel", "Israeli"), "PS": ("Palestine", "Palestinian"),
    "LB": ("Lebanon", "Lebanese"), "YE": ("Yemen", "Yemeni"), "SA": ("Saudi Arabia", "Saudi"),
    "TR": ("Turkey", "Turkish"), "MM": ("Myanmar", "Myanmar"), "CO": ("Colombia", "Colombian"),
    "MX": ("Mexico", "Mexican"), "VE": ("Venezuela", "Venezuelan"), "CA": ("Canada", "Canadian"),
    "AU": ("Australia", "Australian"), "JP": ("Japan", "Japanese"), "IT": ("Italy", "Italian"),
    "ES": ("Spain", "Spanish"), "MZ": ("Mozambique", "Mozambican"), "RW": ("Rwanda", "Rwandan"),
    "UG": ("Uganda", "Ugandan"), "ER": ("Eritrea", "Eritrean"), "GW": ("Guinea-Bissau", "Bissau-Guinean"),
    "TG": ("Togo", "Togolese"), "BJ": ("Benin", "Beninese"), "GA": ("Gabon", "Gabonese"),
}
# Acronyms of national armies -> country; one actor with "the army" of that country, trusted only when the article
# is about that country ("SAF" is also Singapore's). Source: the forces' own names (Forces Armées Maliennes,
# Ethiopian National Defense Force, Forces Armées de la République Démocratique du Congo, Sudanese Armed Forces,
# Uganda People's Defence Force, Kenya Defence Forces, Israel Defense Forces, Nigerian Army, Forces Armées
# Nigériennes, Forces Armées Tchadiennes / Armée Nationale Tchadienne, Somali National Army).
ARMY_ACRONYMS = {"FAMa": "ML", "ENDF": "ET", "FARDC": "CD", "SAF": "SD", "UPDF": "UG", "KDF": "KE", "IDF": "IL",
                 "FAN": "NE", "FAT": "TD", "ANT": "TD", "SNA": "SO", "ZSU": "UA", "FANCI": "CI", "FAR": "MA"}

DEMONYM_TO_ISO = {d.lower(): iso for iso, (_, d) in COUNTRIES.items()}
NAME_TO_ISO = {n.lower(): iso for iso, (n, _) in COUNTRIES.items()}

TITLES = {"colonel", "col.", "col", "general", "gen.", "president", "prime", "minister", "mr", "mr.", "mrs",
          "mrs.", "ms", "ms.", "dr", "dr.", "senator", "sen.", "captain", "capt.", "major", "lieutenant",
          "lt.", "king", "queen", "prince", "sheikh", "chief", "commander", "then", "former", "interim",
          "transitional", "junta", "leader", "ceo", "chairman", "spokesman", "spokeswoman", "sir"}


def drop_titles(name: str) -> str:
    """`name` without the titles it opens with ("President Hassan Sheikh Mohamud" -> "Hassan Sheikh Mohamud"): a
    title word after the first word of the name proper is part of it (Somali and Arabic names carry "Sheikh",
    "Amir", "Malik" inside), so only the leading run is dropped; the name itself if it is all titles."""
    words = name.split()
    i = 0
    while i < len(words) and (words[i].lower() in TITLES or words[i].lower().rstrip(".") in TITLES):
        i += 1
    return " ".join(words[i:]) or name
