"""Word lists and sizes that decide what is a place mention (data, not code): names never forced, heads of the
organisations and events built on a place name, the words around a name that make it a place."""
from __future__ import annotations

# cities below this population get no ruler pattern unless they are capitals (NER + gazetteer
# resolution still find them)
RULER_MIN_CITY_POPULATION = 1_000_000

# place names that are also common first/last names or ordinary English words: never forced by the
# ruler (spaCy's NER may still tag them, and find_locations resolves them then)
AMBIGUOUS = frozenset(
    """
    Jordan Chad Georgia Victoria Virginia Montana Washington Florence Lincoln Jackson Henderson Charlotte
    Austin Houston Orlando Phoenix Aurora Eugene Troy Salem Orange Mobile Nice Split Reading Bath Male Of
    Sale Hull Derby Deal Wells Worthing Batman Regina Kingston Hamilton Warren Columbus Cleveland Dallas
    Denver Madison Marion Lafayette Jersey Guernsey Man Wake Christmas Ur Atlantic Pacific Mediterranean
    Earth Caribbean States Gaza Concepcion Alexandria
    """.split()
)

# organisation heads after a place name: "Singapore Airlines", "Washington Post", "Bank of America"
ORG_HEADS = frozenset(
    """
    Airlines Airways Airline Air-Lines Aviation Aerospace Motors Motor Bank Banks Times Post Mutual Telecom
    Telecommunications Railways Railway Rail Petroleum Oil Energy Group Holdings Corporation Corp Corp. Inc
    Inc. Ltd Ltd. LLC PLC plc Company Co. University Institute College School Broadcasting Television TV
    Radio News Herald Tribune Journal Gazette Press Daily Chronicle Observer Telegraph Express Federation
    Association Council Party Commission Ministry Exchange Steel Electric Insurance Securities Capital
    Partners Investments Fund Foundation Committee FC United City Rovers Athletic Wanderers Stadium Cup
    Open Masters Marathon Grand Prix Motorsport Orchestra Ballet Opera Museum Zoo Hospital Clinic
    Police Airport Airports Industries Industry Systems Technologies Pharmaceuticals Foods Beverages Brewery
    Mining Minerals Resources Gas Power Water Shipping Lines Logistics Express Cargo Airbus Boeing Eastern
    Southern Western Northern Central Pacific Atlantic Airtours
    """.split()
)
# event names built on a place name: "Paris Air Show", "Beijing Olympic Games"
EVENT_HEADS = frozenset("Show Olympics Olympic Games Expo Summit Cup Open Marathon Grand Festival Biennale "
                        "Conference Talks Accords Accord Agreement Declaration Process Forum".split())
# place-name *heads* that are not organisations, although capitalised after the place
PLACE_SUFFIXES = ("region", "Region", "province", "Province", "state", "State", "district", "District",
                  "department", "Department", "county", "County", "governorate", "Governorate",
                  "prefecture", "Prefecture", "cercle", "Cercle", "oblast", "Oblast")
ORG_PREFIXES = ("Air", "Radio", "Bank", "University", "Royal", "Garuda", "Aeroflot", "Radio-Télévision")
# government-like heads: "the Canadian government" / "the United States Government" mention a place
GOV_HEADS = frozenset("government Government administration Administration authorities Authorities "
                      "army Army military Military forces Forces junta Junta Force Navy Marines Congress Senate "
                      "Parliament parliament Treasury Department Ministry Embassy embassy Guard Police police "
                      "troops Troops".split())
# locative words that make an ambiguous name ("Jordan", "Henderson") a place
LOCATIVE = frozenset("in at on from to near into across outside inside via toward towards of off".split())
DIRECTIONS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower Greater "
                       "northern southern eastern western central upper lower greater".split())

# verbs whose direct object is a place: ground taken, lost, attacked, entered or left
PLACE_OBJECT_VERBS = frozenset("""retake recapture capture seize occupy liberate reclaim regain besiege overrun storm
    encircle surround evacuate abandon shell bomb bombard attack strike raid enter reach flee leave visit pound hit
    target blockade""".split())

RIVER_WORDS = frozenset({"river", "River"})

# an untagged capitalised word is taken for a town of the article's countries only from this size, and from
# UNTAGGED_NOUN_TOWN when it is also an English noun ("Goma", "Nyala" are nouns in WordNet)
UNTAGGED_TOWN = 15_000
TOWN_NOUNS = frozenset("town city village locality commune".split())
UNTAGGED_NOUN_TOWN = 100_000

# heads of descriptions that refer to a place (MEANTIME and ACE tag governments as locations: "the US
# government", "the federal government", "the governments of Canada and Ontario")
GOV_NOUNS = frozenset({"government", "administration"})
COUNTRY_NOUNS = frozenset({"country", "nation"})
# verbs whose object "it" is ground taken or lost
TERRITORIAL_VERBS = frozenset("retake recapture capture seize occupy liberate reclaim regain besiege overrun "
                              "storm encircle surround evacuate abandon".split())

# ---- what the sentence does with a name that makes it a person or a company, not a place (place_sense)
# titles before a person's name
PERSON_TITLES = frozenset("mr mrs ms miss dr prof judge justice sen senator rep gov governor pres president "
                          "gen general col colonel capt captain lt sgt sergeant officer detective rev father "
                          "sister sheikh imam rabbi mullah mayor minister ambassador prince princess king queen "
                          "lord lady sir dame chancellor secretary coach".split())
# verbs whose subject is a person (or a body of people), not a town: speaking, thinking, a person's acts
HUMAN_VERBS = frozenset("""say tell testify plead confess deny admit insist recall explain argue claim add note
    write speak ask answer reply describe think believe know want hope feel smile laugh cry joke travel marry
    divorce die graduate study resign retire sue accuse apologize apologise thank praise blame vow promise
    recount remember acknowledge concede complain urge""".split())
# passive verbs whose subject is a person: arrested, charged, sentenced, born, hired
HUMAN_PASSIVE_VERBS = frozenset("""arrest charge convict sentence indict jail imprison detain acquit extradite
    bear elect appoint hire fire interview question nominate promote""".split())
# what a person has, as "X's ...": kin, counsel, a trial
PERSON_POSSESSIONS = frozenset("""lawyer attorney counsel brother sister wife husband mother father son daughter
    uncle aunt cousin nephew niece family friend girlfriend boyfriend widow parent parents trial testimony
    arrest conviction sentencing defense defence funeral bodyguard""".split())
# what a company has, as "X's ...": shares, results, its people
COMPANY_POSSESSIONS = frozenset("""share shares stock revenue revenues earnings profit profits sale sales
    shareholder shareholders ceo executive executives chairman subsidiary product products customers
    employees quarter""".split())
# people who work at a company ("analysts at Cisco", "an Apple executive")
COMPANY_PEOPLE = frozenset("""analyst executive ceo chairman chairwoman employee engineer researcher economist
    scientist shareholder investor founder cofounder co-founder""".split())
# what a company or a think tank puts out ("a report by RAND")
COMPANY_OUTPUT_NOUNS = frozenset("report study survey analysis paper research poll forecast estimate".split())
